"""From the encoder's per-piece labels to attributions: spans per role, then each cue linked.

The encoder tags three independent BIO layers over word pieces, one per role (cue, source,
content), so a source may lie inside another attribution's content. Spans are read per
layer (an ``I`` after an ``O`` starts a span) and widened to whole words. Then every cue
takes the content nearest to it, each content going to one cue first (the nearest pairs
first), and the nearest source that is not inside that content. "Nearest" counts the
characters between the two spans, a source's own characters not counted (the source often
sits between a content and its cue: '"...," the mayor said'), plus a penalty for each
sentence end or line break in between. The constants were set on PolNeAR train with gold
spans (:mod:`newstrace.training.encoder`), never on dev.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

import numpy as np

ROLES = ("cue", "source", "content")
"""The label layers, in the order of the encoder's output (three labels each)."""
O, B, I = 0, 1, 2  # noqa: E741 (the BIO tags, named as everyone writes them)

CharSpan = tuple[int, int]
Linked = tuple[CharSpan, CharSpan | None, CharSpan]
"""(cue, source or ``None``, content)."""

BREAK_COST = 200
"""Characters a sentence end or a line break between two spans counts as."""
CONTAIN_COST = 30
"""Cost of a content that holds its cue (a split quotation: '"X," she said, "Y"')."""
MAX_CONTENT_COST = 400
"""A cue with no content within this cost is dropped, not linked to a far one."""
MAX_SOURCE_COST = 150
"""A cue with no source within this cost has none ("it is said that ...")."""

_BREAK = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+|\n\s*")


_FORBIDDEN = -1e9
_TRANSITIONS = np.array([[0.0, 0.0, _FORBIDDEN], [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]])
"""Added to the score of going from label (row) to label (column): only O -> I is barred."""
_ONLY_O = np.array([0.0, _FORBIDDEN, _FORBIDDEN])
"""Log-probabilities of a padding piece."""


def best_labels(scores: np.ndarray) -> np.ndarray:
    """The best BIO path of each role (Viterbi, no ``I`` after an ``O`` or at the start).

    ``scores`` is (pieces x roles x 3) of log-probabilities; returns (pieces x roles) labels.
    Taking each piece's best label alone splits a span wherever one piece inside it leans to
    ``O`` (read as two spans, or a stray ``I``): on PolNeAR dev the best path is worth
    +3.1 / +2.2 / +3.7 points of exact F1 (cue / source / content).

    >>> import numpy as np
    >>> log = np.log(np.array([[[.1, .8, .1]], [[.6, .0, .4]], [[.3, .0, .7]]]) + 1e-9)
    >>> best_labels(log)[:, 0].tolist()
    [1, 2, 2]
    """
    pieces, roles, _ = scores.shape
    back = np.zeros((pieces, roles, 3), dtype=np.int64)
    best = scores[0] + _TRANSITIONS[0]  # the start is as after an O
    for k in range(1, pieces):
        paths = best[:, :, None] + _TRANSITIONS  # roles x from x to
        back[k] = paths.argmax(axis=1)
        best = paths.max(axis=1) + scores[k]
    labels = np.zeros((pieces, roles), dtype=np.int64)
    labels[-1] = best.argmax(axis=1)
    for k in range(pieces - 1, 0, -1):
        labels[k - 1] = back[k, np.arange(roles), labels[k]]
    return labels


def best_paths(scores: Sequence[np.ndarray]) -> list[np.ndarray]:
    """:func:`best_labels` of several windows at once, one pass over the longest.

    Each (pieces x roles x 3) array of ``scores`` is padded to the longest with pieces that
    can only be ``O``, which leaves its best path as it was (a path may end in any label, and
    any label may go to ``O``); Python's loop over pieces then runs once an article, not once
    a window.

    >>> import numpy as np
    >>> short = np.log(np.array([[[.1, .8, .1]]]))
    >>> long = np.log(np.array([[[.8, .1, .1]], [[.1, .8, .1]]]))
    >>> [path[:, 0].tolist() for path in best_paths([short, long])]
    [[1], [0, 1]]
    """
    if not scores:
        return []
    width, roles = max(len(s) for s in scores), scores[0].shape[1]
    stacked = np.tile(_ONLY_O, (width, len(scores), roles, 1))
    for column, window in enumerate(scores):
        stacked[: len(window), column] = window
    paths = best_labels(stacked.reshape(width, -1, 3)).reshape(width, len(scores), roles)
    return [paths[: len(window), column] for column, window in enumerate(scores)]


def role_spans(
    labels: Sequence[int], offsets: Sequence[tuple[int, int]], words: Sequence[int]
) -> list[CharSpan]:
    """Character spans of one BIO layer over a window's pieces, each widened to whole words.

    Pieces with offset ``(-1, -1)`` (``[CLS]``, ``[SEP]``) end a span and never start one.

    >>> offsets = [(-1, -1), (0, 3), (4, 8), (8, 11), (12, 16), (-1, -1)]
    >>> words = [-1, 0, 1, 1, 2, -1]
    >>> role_spans([O, B, I, O, I, I], offsets, words)
    [(0, 11), (12, 16)]
    """
    spans: list[CharSpan] = []
    start: int | None = None
    for k in range(len(labels) + 1):
        special = k == len(labels) or offsets[k][0] < 0
        label = O if special else labels[k]
        if start is not None and label != I:
            spans.append(_whole_words(start, k - 1, offsets, words))
            start = None
        if label in (B, I) and start is None:
            start = k
    return spans


def _whole_words(
    first: int, last: int, offsets: Sequence[tuple[int, int]], words: Sequence[int]
) -> CharSpan:
    while first > 0 and words[first - 1] == words[first] >= 0:
        first -= 1
    while last + 1 < len(words) and words[last + 1] == words[last] >= 0:
        last += 1
    return offsets[first][0], offsets[last][1]


def link(
    text: str, cues: Sequence[CharSpan], sources: Sequence[CharSpan], contents: Sequence[CharSpan]
) -> list[Linked]:
    """Pair every cue with a content and at most one source; cues too far from any content
    are dropped. Sorted by cue.

    >>> text = 'The mayor said the pier will close. "It is old," a clerk said.'
    >>> link(text, [(10, 14), (56, 60)], [(0, 9), (48, 55)], [(15, 34), (36, 46)])
    [((10, 14), (0, 9), (15, 34)), ((56, 60), (48, 55), (36, 46))]
    """
    gaps = _Gaps(text, sources)
    contents_of = _assign_contents(gaps, set(cues), set(contents))
    found: list[Linked] = []
    for cue in sorted(set(cues)):
        content = contents_of.get(cue)
        if content is not None:
            found.append((cue, _source(gaps, cue, content, set(sources)), content))
    return found


class _Gaps:
    """Distances between spans of one text: characters between them outside any source
    span, plus :data:`BREAK_COST` per sentence end or line break; prefix sums make each
    distance two look-ups."""

    def __init__(self, text: str, sources: Sequence[CharSpan]) -> None:
        self._breaks = [m.start() for m in _BREAK.finditer(text)]
        covered = np.zeros(len(text) + 1, dtype=np.int64)
        for start, end in sources:
            covered[start + 1 : end + 1] = 1
        self._free = np.arange(len(text) + 1) - np.cumsum(covered)

    def between(self, a: CharSpan, b: CharSpan) -> float:
        lo, hi = (a[1], b[0]) if a[0] < b[0] else (b[1], a[0])
        if hi <= lo:
            return 0.0
        breaks = bisect_left(self._breaks, hi) - bisect_left(self._breaks, lo)
        return float(self._free[hi] - self._free[lo]) + BREAK_COST * breaks


def _assign_contents(
    gaps: _Gaps, cues: set[CharSpan], contents: set[CharSpan]
) -> dict[CharSpan, CharSpan]:
    """Nearest pairs first, one cue per content; then each cue left takes its nearest."""
    costs = sorted(
        (cost, cue, content)
        for cue in cues
        for content in contents
        if (cost := _content_cost(gaps, cue, content)) <= MAX_CONTENT_COST
    )
    chosen: dict[CharSpan, CharSpan] = {}
    taken: set[CharSpan] = set()
    for _, cue, content in costs:
        if cue not in chosen and content not in taken:
            chosen[cue] = content
            taken.add(content)
    for _, cue, content in costs:
        chosen.setdefault(cue, content)
    return chosen


def _content_cost(gaps: _Gaps, cue: CharSpan, content: CharSpan) -> float:
    if _inside(cue, content):
        return CONTAIN_COST
    if _overlaps(cue, content):
        return float("inf")  # overlapping without holding the cue: not a pair
    return gaps.between(cue, content)


def _source(
    gaps: _Gaps, cue: CharSpan, content: CharSpan, sources: set[CharSpan]
) -> CharSpan | None:
    split = _inside(cue, content)  # '"X," she said, "Y"': the source is inside too
    candidates = [
        (gaps.between(cue, source), source)
        for source in sources
        if not _overlaps(source, cue) and (split or not _inside(source, content))
    ]
    best = min(candidates, default=None)
    return best[1] if best is not None and best[0] <= MAX_SOURCE_COST else None


def _overlaps(a: CharSpan, b: CharSpan) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _inside(a: CharSpan, b: CharSpan) -> bool:
    return b[0] <= a[0] and a[1] <= b[1]
