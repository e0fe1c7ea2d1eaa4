"""Event factuality: how firmly a sentence commits to an event, -3 (did not happen) to +3 (did).

Factuality belongs to one predicate, not to the sentence: in "Police denied that the man
fled" the denying happened (+3) and the fleeing did not (-3). So the features come from the
spaCy parse around the predicate: its own negation, modal and tense; the words that govern it
up the tree (reporting and non-factive verbs, "if", "whether", negated or modal governors,
hedge adverbs); whether the sentence is a question. A ridge regression over them, trained on
the unified factuality data of Jiang & de Marneffe (TACL 2021), places the event on the scale.

Only ``newstrace eval factuality`` (:mod:`newstrace.eval.factuality`) and its training load
it; its artefact lives in ``newstrace/eval/models/factuality/``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from spacy.tokens import Doc, Token

from newstrace.analyze.hedges import word_category
from newstrace.analyze.sparse_linear import SparseLinear
from newstrace.artefacts import EVAL_MODELS_DIR, model_dir, read_meta

NAME = "factuality"
FORMAT = 1
SCALE = (-3.0, 3.0)
NEWS = "news"
NEWS_SUBSETS = frozenset({"MEANTIME", "UW"})
_DEPTH = 4


def predicate_head(doc: Doc, start: int, end: int) -> Token:
    """The token of ``doc[start:end]`` whose head lies outside it (the span's syntactic head)."""
    span = doc[start:end]
    return span.root if len(span) else doc[start]


def predicate_features(token: Token) -> dict[str, float]:
    """Binary features of the predicate ``token``: itself, its dependents, its governors."""
    features: dict[str, float] = {"bias": 1.0}
    _own(token, features)
    for name in _dependents(token):
        features[f"self:{name}"] = 1.0
    _governors(token, features)
    if any(t.text == "?" for t in token.sent):
        features["question"] = 1.0
    return features


def _governors(token: Token, features: dict[str, float]) -> None:
    """Up to :data:`_DEPTH` heads above the predicate: relation, lemma, category, dependents."""
    child, depth = token, 0
    while child.head.i != child.i and depth < _DEPTH:
        depth += 1
        head = child.head
        features[f"up{depth}:{child.dep_}|{head.lemma_.lower()}"] = 1.0
        features[f"anc:{head.lemma_.lower()}"] = 1.0
        category = _category(head)
        if category:
            features[f"anc:cat={category}"] = 1.0
            features[f"up{depth}:{child.dep_}|cat={category}"] = 1.0
        for name in _dependents(head):
            features[f"anc:{name}"] = 1.0
            features[f"up{depth}:{name}"] = 1.0
        child = head


def _own(token: Token, features: dict[str, float]) -> None:
    features[f"lemma:{token.lemma_.lower()}"] = 1.0
    features[f"tag:{token.tag_}"] = 1.0
    features[f"dep:{token.dep_}"] = 1.0
    category = _category(token)
    if category:
        features[f"cat:{category}"] = 1.0
    for key in ("Tense", "VerbForm", "Mood"):
        for value in token.morph.get(key, []):
            features[f"morph:{key}={value}"] = 1.0


def _dependents(token: Token) -> list[str]:
    """Names of the dependents that change commitment: negation, modals, marks, hedges."""
    names = []
    for child in token.children:
        lemma = child.lemma_.lower()
        category = _category(child)
        if child.dep_ == "neg" or category == "negation":
            names.append("neg")
        if child.dep_ in ("aux", "auxpass") or child.tag_ == "MD":
            names.append(f"aux={lemma}")
        if child.dep_ == "mark":
            names.append(f"mark={lemma}")
        if category and child.dep_ != "neg":
            names.append(f"cat={category}")
            names.append(f"cue={lemma}")
    return names


def _category(token: Token) -> str | None:
    return word_category(token.text)


def adapt(row: dict[str, float], domain: str) -> dict[str, float]:
    """Each feature twice, shared and tagged with the domain ("frustratingly easy" adaptation).

    The subsets annotate on different conventions (web text rates events lower than news),
    so a shared weight learns what holds everywhere and a domain copy learns the offset.
    """
    return {**row, **{f"{domain}#{name}": value for name, value in row.items()}}


class FactualityModel:
    """Ridge regression of factuality over :func:`predicate_features`, domain-adapted.

    ``domains_`` are the training subsets; news text (MEANTIME, UW, and anything unknown) is
    scored as the ``news`` domain.
    """

    def __init__(self, *, alpha: float = 1.0) -> None:
        self.alpha = alpha

    def domain_of(self, subset: str) -> str:
        """The domain a subset is scored as: its own if trained on and not news, else news."""
        return subset if subset in self.domains_ and subset not in NEWS_SUBSETS else NEWS

    def fit(
        self,
        rows: Sequence[dict[str, float]],
        y: Sequence[float] | np.ndarray,
        subsets: Sequence[str],
    ) -> FactualityModel:
        self.domains_ = sorted(set(subsets))
        adapted = [adapt(row, self.domain_of(s)) for row, s in zip(rows, subsets, strict=True)]
        self.model_ = SparseLinear(task="regression", alpha=self.alpha, tfidf=False, min_df=2)
        self.model_.fit(adapted, y)
        domains = [self.domain_of(s) for s in subsets]
        self.means_ = {
            d: float(np.mean([v for v, e in zip(y, domains, strict=True) if e == d]))
            for d in sorted(set(domains))
        }
        return self

    def baseline(self, subset: str) -> float:
        """The trivial prediction for a subset: the training mean of its domain."""
        return self.means_[self.domain_of(subset)]

    def predict(self, rows: Sequence[dict[str, float]], subset: str = NEWS) -> np.ndarray:
        domain = self.domain_of(subset)
        return np.clip(self.model_.predict([adapt(row, domain) for row in rows]), *SCALE)

    def save(self) -> None:
        self.model_.save(model_dir(NAME, root=EVAL_MODELS_DIR), "predicate")

    @classmethod
    def load(cls) -> FactualityModel:
        meta = read_meta(NAME, fmt=FORMAT, root=EVAL_MODELS_DIR)
        model = cls()
        model.model_ = SparseLinear.load(model_dir(NAME, root=EVAL_MODELS_DIR), "predicate")
        model.domains_ = list(meta["domains"])
        model.means_ = dict(meta["domain_means"])
        return model
