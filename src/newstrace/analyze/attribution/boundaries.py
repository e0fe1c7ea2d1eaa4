"""Redrawing the ends of the encoder's cues and contents with learnt rankers.

The encoder's BIO layers find most cues and contents but often draw their ends a few words
off: on PolNeAR dev the encoder path's contents overlap a gold content far more often than
they match one exactly (overlap F1 84.8, exact 62.7). Here, for each attribution the encoder
found, every token within reach of an end of its cue, then of its content, is a candidate
for that end; a logistic regression scores each candidate and the best one wins. What it
reads: the encoder's own log-probabilities on the way from the drawn end to the candidate,
the words and dependency labels at the candidate, whether a parse constituent closes there,
quotation marks left open, and where the cue and the source lie. Four rankers, in order: the
cue's end, the cue's start, the content's end, the content's start (a content's features read
where its cue now lies). They are fitted on the encoder's own output on PolNeAR train
(:mod:`newstrace.training.boundaries`), never on dev.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Doc, Token

from newstrace.analyze.attribution._decode import ROLES
from newstrace.analyze.attribution._windows import Window
from newstrace.analyze.attribution.roles import RoleExample
from newstrace.analyze.nlp import text_of
from newstrace.analyze.sparse_linear import SparseLinear
from newstrace.artefacts import model_dir, read_meta, write_meta

ARTEFACT = "attribution-bounds"
FORMAT = 1
CUE_REACH = 6
"""Tokens past a cue's drawn end (or before its start) a candidate may lie."""
CONTENT_REACH = 40
"""Tokens either side of a content's drawn end (or start) a candidate may lie."""
_Row = dict[str, float]
"""One candidate's features, by name."""
RANKERS = ("cue_end", "cue_start", "content_end", "content_start")
"""The four rankers, in the order they redraw an attribution."""

_CUE, _CONTENT = ROLES.index("cue"), ROLES.index("content")
_O, _B, _I = 0, 1, 2
_UNSEEN = (0.0, -20.0, -20.0)
"""Log-probabilities of a token no word piece starts in (a space): surely outside."""
_NAMED = (
    "and but or while which who whom whose that according as after before when because since "
    "if though although where whether to in on for with by of at from during said says told "
    "saying adding including he she they it we i the a an his her their not also "
    "- -- — – ; : , . ? ! ( ) \" ' “ ” ‘ ’ `` ''"
)
_CLOSED_WORDS = frozenset(_NAMED.split())
"""Words a content boundary feature names as themselves; any other word by its part of speech."""


def token_scores(doc: Doc, cut: Sequence[Window], scores: Sequence[np.ndarray]) -> np.ndarray:
    """The encoder's log-probabilities per token of ``doc`` (tokens x roles x O/B/I): those
    of the first word piece that starts inside the token. ``scores`` holds one
    (pieces x roles x 3) array per window of ``cut``, ``[CLS]`` and ``[SEP]`` left out."""
    size = len(text_of(doc))
    token_at = np.full(size + 1, -1, dtype=np.int64)
    for token in doc:
        token_at[token.idx : token.idx + len(token.text)] = token.i
    per_token = np.tile(np.array(_UNSEEN), (len(doc), len(ROLES), 1))
    seen = np.zeros(len(doc), dtype=bool)
    for window, window_scores in zip(cut, scores, strict=True):
        for (start, _), piece in zip(window.offsets[1:-1], window_scores, strict=True):
            token = token_at[start]
            if token >= 0 and not seen[token]:
                seen[token] = True
                per_token[token] = piece
    return per_token


class _View:
    """What the features read of one article, once: its tokens' words and parse labels (each
    list one longer than the article, its last item the ``NONE`` beyond either end), the
    encoder's log-probabilities per token, and running sums so that a stretch's score, its
    sentence breaks or its quotation marks are two look-ups."""

    def __init__(self, doc: Doc, scores: np.ndarray) -> None:
        self.size = len(doc)
        self.scores = scores
        columns: list[list[Any]] = [[] for _ in range(10)]
        for token in doc:  # one pass: each step through a Doc makes a new Token
            for column, value in zip(columns, _token_facts(token), strict=True):
                column.append(value)
        space, lower, word, tag, dep, closes, opens, starts, breaks, quotes = columns
        self.space = space
        self.lower, self.word = lower + ["NONE"], word + ["NONE"]
        self.tag, self.dep = tag + ["NONE"], dep + ["NONE"]
        self.closes, self.opens = closes, opens
        self.sentence_start = starts + ["True"]
        self.sentence = np.cumsum(np.array(starts) == "True")
        self.paragraph = np.cumsum(np.array(breaks, dtype=bool))
        self.quotes = _prefix(np.array(quotes, dtype=float))
        self.inside = {
            role: _prefix(
                np.maximum(scores[:, role, _B], scores[:, role, _I]) - scores[:, role, _O]
            )
            for role in (_CUE, _CONTENT)
        }
        self.continued = _prefix(scores[:, _CONTENT, _I] - scores[:, _CONTENT, _O])


def _token_facts(token: Token) -> tuple[Any, ...]:
    """What :class:`_View` keeps of one token, in the order of its columns."""
    return (
        token.is_space,
        token.lower_,
        _word(token),
        token.pos_ + "|" + token.dep_,
        token.dep_,
        str(_phrase_at(token, "right_edge")),
        str(_phrase_at(token, "left_edge")),
        str(token.is_sent_start),
        "\n" in token.text,
        token.is_quote or token.text in '"“”',
    )


def _prefix(values: np.ndarray) -> np.ndarray:
    return np.concatenate([[0.0], np.cumsum(values)])


# --- candidates ----------------------------------------------------------------------------


def _cue_ends(view: _View, example: RoleExample) -> list[int]:
    start, end = example.cue
    last = min(view.size, end + CUE_REACH)
    return [k for k in range(start, last) if _cue_may_hold(view, example, k)]


def _cue_starts(view: _View, example: RoleExample) -> list[int]:
    start, end = example.cue
    return [k for k in range(max(0, start - CUE_REACH), end) if _cue_may_hold(view, example, k)]


def _cue_may_hold(view: _View, example: RoleExample, k: int) -> bool:
    """A cue takes no space and no token of its content, unless the content holds the cue
    (a split quotation)."""
    first, end = example.content
    holds_cue = first <= example.cue[0] < end
    return not view.space[k] and (holds_cue or not first <= k < end)


def _content_ends(view: _View, example: RoleExample) -> list[int]:
    start, end = example.content
    last = min(view.size, end + CONTENT_REACH)
    return [k for k in range(max(start, end - 1 - CONTENT_REACH), last) if not view.space[k]]


def _content_starts(view: _View, example: RoleExample) -> list[int]:
    """Starts within reach; one before the cue stays before it (moving it past the cue
    would leave a content the cue no longer introduces)."""
    start, end = example.content
    last = min(end, start + CONTENT_REACH + 1)
    if start <= example.cue[0]:
        last = min(last, example.cue[0] + 1)
    return [k for k in range(max(0, start - CONTENT_REACH), last) if not view.space[k]]


# --- features ------------------------------------------------------------------------------


def _cue_end(view: _View, example: RoleExample, last: int) -> _Row:
    scores = view.scores[:, _CUE]
    drawn = example.cue[1] - 1
    features = _moved(last - drawn, view.inside[_CUE][last + 1] - view.inside[_CUE][drawn + 1])
    features["last_inside"] = float(scores[last, _I])
    if last + 1 < len(scores):
        features["next_outside"] = float(scores[last + 1, _O])
    marks = [
        "last=" + view.lower[last],
        "last_tag=" + view.tag[last],
        "next=" + view.lower[last + 1],
        "next_tag=" + view.tag[last + 1],
        "content_gap=" + _gap(example.content[0] - last - 1),
    ]
    if example.source is not None:
        marks.append("source_gap=" + _gap(example.source[0] - last - 1))
    return _with_marks(features, last - drawn, marks)


def _cue_start(view: _View, example: RoleExample, first: int) -> _Row:
    scores = view.scores[:, _CUE]
    drawn = example.cue[0]
    features = _moved(first - drawn, view.inside[_CUE][drawn] - view.inside[_CUE][first])
    features["first_begins"] = float(scores[first, _B])
    if first > 0:
        features["previous_outside"] = float(scores[first - 1, _O])
    marks = [  # [first - 1] is the NONE at the lists' end where first is 0
        "first=" + view.lower[first],
        "first_tag=" + view.tag[first],
        "previous=" + view.lower[first - 1],
        "previous_tag=" + view.tag[first - 1],
    ]
    if example.source is not None:
        marks.append("source_gap=" + _gap(first - example.source[1]))
    return _with_marks(features, first - drawn, marks)


def _content_end(view: _View, example: RoleExample, last: int) -> _Row:
    scores = view.scores[:, _CONTENT]
    first, drawn = example.content[0], example.content[1] - 1
    inside = view.inside[_CONTENT]
    features = _moved(last - drawn, inside[last + 1] - inside[drawn + 1])
    features["continued"] = _clipped(view.continued[last + 1] - view.continued[drawn + 1])
    features.update(_content_shape(view, example, first, last))
    features["last_inside"] = float(scores[last, _I])
    if last + 1 < len(scores):
        features["next_outside"] = float(scores[last + 1, _O])
        features["next_begins"] = float(scores[last + 1, _B])
    word, next_word = view.word[last], view.word[last + 1]
    marks = [
        "next=" + next_word,
        "last=" + word,
        "next_dep=" + view.dep[last + 1],
        "closes=" + view.closes[last],
        "next_sentence=" + view.sentence_start[last + 1],
        "last_next=" + word + "|" + next_word,
        "cue_gap=" + _gap(example.cue[0] - last - 1, far=True),
    ]
    if last + 2 < len(scores):
        marks.append("next_two=" + next_word + "|" + view.word[last + 2])
    if example.source is not None:
        marks.append("source_gap=" + _gap(example.source[0] - last - 1))
    return _with_marks(features, last - drawn, marks)


def _content_start(view: _View, example: RoleExample, first: int) -> _Row:
    scores = view.scores[:, _CONTENT]
    drawn, last = example.content[0], example.content[1] - 1
    inside = view.inside[_CONTENT]
    features = _moved(first - drawn, inside[drawn] - inside[first])
    features.update(_content_shape(view, example, first, last))
    features["first_begins"] = float(scores[first, _B])
    features["first_inside"] = float(scores[first, _I])
    if first > 0:
        features["previous_outside"] = float(scores[first - 1, _O])
    word, previous = view.word[first], view.word[first - 1]  # [-1]: the NONE at the end
    marks = [
        "previous=" + previous,
        "first=" + word,
        "first_dep=" + view.dep[first],
        "opens=" + view.opens[first],
        "sentence_start=" + view.sentence_start[first],
        "previous_first=" + previous + "|" + word,
        "cue_gap=" + _gap(first - example.cue[1], far=True),
    ]
    if first > 1:
        marks.append("previous_two=" + view.word[first - 2] + "|" + previous)
    return _with_marks(features, first - drawn, marks)


def _moved(shift: int, gain: float) -> _Row:
    """How far a candidate lies from the drawn end, and what the encoder thinks of the
    tokens between (its log-odds of them being inside the span, summed)."""
    side = "same" if shift == 0 else ("later" if shift > 0 else "earlier")
    return {"side=" + side: 1.0, "distance": math.log1p(abs(shift)), "gain": _clipped(gain)}


def _content_shape(view: _View, example: RoleExample, first: int, last: int) -> _Row:
    """Where the cue and the source lie against the content ``first..last``, and its shape."""
    cue_first, cue_end = example.cue
    holds_cue = first <= cue_first and cue_end - 1 <= last
    quotes = view.quotes[last + 1] - view.quotes[first]
    shape = {
        "holds_cue": float(holds_cue),
        "cuts_cue": float(first < cue_end and cue_first <= last and not holds_cue),
        "before_cue": float(last < cue_first),
        "quote_open": float(quotes % 2 == 1),
        "length": math.log1p(last - first + 1),
        "sentences": float(view.sentence[last] - view.sentence[first]),
        "paragraphs": float(view.paragraph[last] - view.paragraph[first]),
    }
    if example.source is not None:
        source_first, source_end = example.source
        holds = first <= source_first and source_end - 1 <= last
        shape["holds_source"] = float(holds)
        shape["cuts_source"] = float(first < source_end and source_first <= last and not holds)
    return shape


def _with_marks(features: _Row, shift: int, marks: list[str]) -> _Row:
    """Each mark as a feature, alone and crossed with the side the candidate lies on."""
    side = "same" if shift == 0 else ("later" if shift > 0 else "earlier")
    out = dict(features)
    for mark in marks:
        out[mark] = 1.0
        out[side + "|" + mark] = 1.0
    return out


def _clipped(value: float) -> float:
    return max(-50.0, min(50.0, float(value))) / 10


def _gap(tokens: int, *, far: bool = False) -> str:
    if far:
        return str(tokens) if 0 <= tokens <= 3 else ("far" if tokens > 3 else "behind")
    return str(max(-1, min(3, tokens)))


def _word(token: Token) -> str:
    if token.lower_ in _CLOSED_WORDS:
        return token.lower_
    return "SPACE" if token.is_space else "P=" + token.pos_


def _phrase_at(token: Token, edge: str) -> str | None:
    """The dependency label of the largest phrase whose ``edge`` (``left_edge``: it starts
    there; ``right_edge``: it ends there) is ``token``."""
    label = None
    for head in (token, *token.ancestors):
        if getattr(head, edge).i != token.i:
            break
        label = head.dep_
    return label


# --- the rankers ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Boundary:
    """One end of one role's span: where its candidates lie and what each reads."""

    role: str
    at_end: bool
    candidates: Callable[[_View, RoleExample], list[int]]
    features: Callable[[_View, RoleExample, int], _Row]

    def drawn(self, example: RoleExample) -> int:
        """The token at this end of ``example``'s span (its last token for an end)."""
        start, end = getattr(example, self.role)
        return end - 1 if self.at_end else start

    def moved(self, example: RoleExample, k: int) -> RoleExample:
        """``example`` with this end of its span at token ``k``."""
        start, end = getattr(example, self.role)
        return replace(example, **{self.role: (start, k + 1) if self.at_end else (k, end)})


_BOUNDARIES = {
    "cue_end": _Boundary("cue", True, _cue_ends, _cue_end),
    "cue_start": _Boundary("cue", False, _cue_starts, _cue_start),
    "content_end": _Boundary("content", True, _content_ends, _content_end),
    "content_start": _Boundary("content", False, _content_starts, _content_start),
}


class BoundaryRanker:
    """Four logistic regressions that redraw the ends of found cues and contents.

    ``C`` is each regression's inverse regularisation; ``min_df`` the number of training
    candidates a feature must mark to be kept.
    """

    def __init__(self, *, C: float = 1.0, min_df: int = 3) -> None:
        self.C = C
        self.min_df = min_df

    def fit(
        self,
        docs: Sequence[Doc],
        scores: Sequence[np.ndarray],
        found: Sequence[Sequence[RoleExample]],
        gold: Sequence[Sequence[RoleExample]],
    ) -> BoundaryRanker:
        """Learn from the encoder's attributions ``found`` in parsed articles, their per-token
        ``scores`` (:func:`token_scores`) and the ``gold`` attributions, all in token terms.
        Each ranker learns from what the rankers before it redrew."""
        views = [_View(doc, doc_scores) for doc, doc_scores in zip(docs, scores, strict=True)]
        current = [list(examples) for examples in found]
        self.models_: dict[str, SparseLinear] = {}
        self.weights_: dict[str, dict[str, float]] = {}  # the models' weights, to score fast
        for name in RANKERS:
            boundary = _BOUNDARIES[name]
            rows: list[_Row] = []
            labels: list[int] = []
            for view, examples, gold_examples in zip(views, current, gold, strict=True):
                for example in examples:
                    target = _matched(example, gold_examples, boundary.role)
                    candidates = boundary.candidates(view, example)
                    if target is None or boundary.drawn(target) not in candidates:
                        continue  # nothing to learn: no gold span here, or out of reach
                    if len(candidates) < 2:
                        continue  # nothing to choose
                    rows.extend(boundary.features(view, example, k) for k in candidates)
                    labels.extend(int(k == boundary.drawn(target)) for k in candidates)
            model = SparseLinear(task="classification", tfidf=False, C=self.C, min_df=self.min_df)
            self.models_[name] = model.fit(rows, labels)
            self.weights_[name] = model.weights()
            current = [
                [self._moved(name, view, example) for example in examples]
                for view, examples in zip(views, current, strict=True)
            ]
        return self

    def redraw(
        self, doc: Doc, scores: np.ndarray, found: Sequence[RoleExample]
    ) -> list[RoleExample]:
        """``found`` with each cue's and content's ends redrawn, in the same order."""
        if not found:
            return []  # nothing to redraw: spare reading the article's tokens
        view = _View(doc, scores)
        redrawn = []
        for example in found:
            for name in RANKERS:
                example = self._moved(name, view, example)
            redrawn.append(example)
        return redrawn

    def _moved(self, name: str, view: _View, example: RoleExample) -> RoleExample:
        boundary = _BOUNDARIES[name]
        candidates = boundary.candidates(view, example)
        if not candidates:
            return example
        weights = self.weights_[name]
        scores = [
            sum(weights.get(feature, 0.0) * value for feature, value in row.items())
            for row in (boundary.features(view, example, k) for k in candidates)
        ]
        best = candidates[int(np.argmax(scores))]
        return boundary.moved(example, best)

    def save(self, directory: Path | None = None, **facts: Any) -> Path:
        """Write the four models and ``meta.json`` (with ``facts``) to the packaged artefact,
        or to ``directory``."""
        directory = directory or model_dir(ARTEFACT)
        for name, model in self.models_.items():
            model.save(directory, name)
        params = {"C": self.C, "min_df": self.min_df}
        if directory == model_dir(ARTEFACT):
            return write_meta(ARTEFACT, fmt=FORMAT, params=params, **facts)
        return directory

    @classmethod
    def load(cls, directory: Path | None = None) -> BoundaryRanker:
        """The packaged rankers, or those saved in ``directory``."""
        if directory is None:
            meta = read_meta(ARTEFACT, fmt=FORMAT)
            ranker = cls(**meta["params"])
            directory = model_dir(ARTEFACT)
        else:
            ranker = cls()
        ranker.models_ = {name: SparseLinear.load(directory, name) for name in RANKERS}
        ranker.weights_ = {name: model.weights() for name, model in ranker.models_.items()}
        return ranker


def _matched(example: RoleExample, gold: Sequence[RoleExample], role: str) -> RoleExample | None:
    """The gold attribution whose span of ``role`` shares most tokens with ``example``'s."""
    start, end = getattr(example, role)
    best, best_shared = None, 0
    for candidate in gold:
        other = getattr(candidate, role)
        shared = min(end, other[1]) - max(start, other[0])
        if shared > best_shared:
            best, best_shared = candidate, shared
    return best
