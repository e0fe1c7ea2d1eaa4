"""Whether a found attribution reports anything: a learnt check of false sources.

The cue tagger and the rules after it still credit some claims to words that report
nothing: a wish ("the mayor [wanted] to ..."), a deed with a clause, a caption read as a
cue. Each rule written against one such error moved the tune labels but never the held-out
ones, so this check is learnt instead: a class-balanced logistic regression
(:class:`~newstrace.analyze.sparse_linear.SparseLinear`) over the shape of the
attribution (its cue's words and how often the attribution tagger's training data read
them as cues, what the content starts with and whether it has a subject, the source's head
and kind, the order of the three), fitted by ``make train`` (``training/source_check.py``)
on blind labels of sources the ledger gave in real news (``bench/data/source_kinds.jsonl``,
tune part). It drops an attribution only where it is very sure (the threshold is chosen
out of fold so that few true sources are lost); the sentence is then the article's own
claim, as any unattributed one is.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
from spacy.tokens import Doc
from spacy.tokens import Span as Tokens

from newstrace.analyze.kinds import is_reporting_verb
from newstrace.analyze.nlp import text_of
from newstrace.analyze.sparse_linear import (
    Features,
    SparseLinear,
    load_thresholded,
    save_thresholded,
)
from newstrace.model import Attribution, Span

NAME = "source-check"
FORMAT = 1

_QUOTES = "\"'“”‘’«»"
_SUBJECTS = ("nsubj", "nsubjpass", "expl", "csubj")


def _tokens(doc: Doc, span: Span) -> Tokens | None:
    return doc.char_span(span.start, span.end, alignment_mode="expand")


def _bucket(n: int, edges: Sequence[int]) -> int:
    """The index of the first edge ``n`` does not pass: a length as a few coarse steps."""
    return next((i for i, edge in enumerate(edges) if n <= edge), len(edges))


def attribution_features(
    doc: Doc, attribution: Attribution, cue_rates: dict[str, float]
) -> dict[str, float]:
    """The shape of one attribution, as ``name=value`` flags: cue, content, source, order.

    >>> from newstrace.analyze.nlp import load_nlp
    >>> from newstrace.model import Source, SourceKind
    >>> doc = load_nlp()("The mayor said the bridge will reopen.")
    >>> said = Attribution(
    ...     Source("The mayor", SourceKind.GOVERNMENT_OFFICIAL, Span.of(doc.text, 0, 9)),
    ...     Span.of(doc.text, 10, 14), Span.of(doc.text, 15, 37))
    >>> f = attribution_features(doc, said, {"said": 0.9})
    >>> f["cue=say"], f["cue_rate=4"], f["content_subject"], f["source_head=mayor"]
    (1.0, 1.0, 1.0, 1.0)
    """
    features: dict[str, float] = {f"kind={attribution.source.kind.value}": 1.0}
    cue = _tokens(doc, attribution.cue) if attribution.cue is not None else None
    if cue is not None:
        features.update((f"cue={t.lemma_.lower()}", 1.0) for t in cue if not t.is_space)
        forms = {form for t in cue for form in (t.lower_, t.lemma_.lower())}
        rate = max((cue_rates.get(form, 0.0) for form in forms), default=0.0)
        features[f"cue_rate={min(int(rate * 5), 4)}"] = 1.0
        if any(is_reporting_verb(form) for form in forms):
            features["cue_reporting_verb"] = 1.0
        if any(t.tag_ == "MD" for t in cue):
            features["cue_modal"] = 1.0
        features[f"cue_words={_bucket(len(cue), (1, 2, 3))}"] = 1.0
        features[f"cue_verbs={sum(t.pos_ in ('VERB', 'AUX') for t in cue)}"] = 1.0
        features[f"cue_head_pos={cue.root.pos_}"] = 1.0
        features[f"cue_head={cue.root.lemma_.lower()}"] = 1.0
        features[f"cue_head_dep={cue.root.dep_}"] = 1.0
    else:
        features["cue=none"] = 1.0
    content = _tokens(doc, attribution.content)
    if content is not None and len(content):
        first = content[0]
        features[f"content_first={first.lower_}"] = 1.0
        features[f"content_first_pos={first.pos_}"] = 1.0
        features[f"content_words={_bucket(len(content), (3, 8, 20))}"] = 1.0
        before = text_of(doc)[max(attribution.content.start - 2, 0) : attribution.content.start]
        if first.text[:1] in _QUOTES or any(ch in _QUOTES for ch in before):
            features["content_quoted"] = 1.0
        if any(t.dep_ in _SUBJECTS and t.head in content for t in content):
            features["content_subject"] = 1.0
        if not any(t.pos_ in ("VERB", "AUX") for t in content):
            features["content_verbless"] = 1.0
        root = content.root
        governed = cue is not None and root.head in cue
        features[f"content_root_dep={root.dep_ if governed else 'other'}"] = 1.0
        features[f"content_root_pos={root.pos_}"] = 1.0
    source_span = attribution.source.span
    source = _tokens(doc, source_span) if source_span is not None else None
    if source is not None and len(source):
        head = source.root
        # a name says nothing of whether its bearer spoke: only common words are kept
        features[f"source_head={'NAME' if head.pos_ == 'PROPN' else head.lemma_.lower()}"] = 1.0
        features[f"source_head_pos={head.pos_}"] = 1.0
        features[f"source_words={_bucket(len(source), (1, 2, 4))}"] = 1.0
    cue_start = attribution.cue.start if attribution.cue is not None else None
    if source_span is not None and cue_start is not None and source_span.start > cue_start:
        features["source_after_cue"] = 1.0
    if attribution.cue is not None and attribution.content.start < attribution.cue.start:
        features["content_before_cue"] = 1.0
    return features


class SourceCheck:
    """Probability that an attribution's source is no source (nothing is reported there).

    >>> check = SourceCheck.load()
    >>> 0.0 <= check.threshold_ <= 1.0
    True
    """

    def __init__(self, *, C: float = 1.0, threshold: float = 0.95) -> None:
        self.C = C
        self.threshold = threshold

    def fit(
        self, rows: Sequence[Features], false_source: Sequence[bool] | np.ndarray
    ) -> SourceCheck:
        """Learn the weights; classes are balanced (about one source in fourteen is false)."""
        self.model_ = SparseLinear(task="classification", C=self.C, class_weight="balanced").fit(
            rows, [int(bool(y)) for y in false_source]
        )
        self.threshold_ = self.threshold
        return self

    def scores(self, rows: Sequence[Features]) -> list[float]:
        """Per row, the probability that its source is false."""
        return self.model_.predict_proba(rows)[:, 1].tolist() if rows else []

    def kept(
        self, doc: Doc, attributions: list[Attribution], cue_rates: dict[str, float]
    ) -> list[Attribution]:
        """The attributions whose source the model does not reject; one without a named
        source (an agentless "it is said") is always kept: there is nothing to reject."""
        named = [a for a in attributions if a.source.span is not None]
        scores = self.scores([attribution_features(doc, a, cue_rates) for a in named])
        rejected = {id(a) for a, p in zip(named, scores, strict=True) if p >= self.threshold_}
        return [a for a in attributions if id(a) not in rejected]

    def save(self, directory: Path) -> None:
        """Write the weights (JSON + npz, no pickle) and ``check.json`` with the threshold."""
        params = {"C": self.C, "threshold": self.threshold_}
        save_thresholded(self.model_, directory, "classifier", "check.json", params)

    @classmethod
    def load(cls, directory: Path | None = None) -> SourceCheck:
        """Load the packaged model (checking its format) or one saved in ``directory``."""
        params, model = load_thresholded(NAME, FORMAT, directory, "classifier", "check.json")
        check = cls(**params)
        check.model_ = model
        check.threshold_ = check.threshold
        return check
