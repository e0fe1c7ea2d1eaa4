"""Which articles tell the same story: copies, plus retellings found by what they say.

A retelling may share few word sequences with its source, few names and numbers, and come
back years later; a look-alike event (another earthquake, another shooting, another study
of the same food) shares the topic words. Candidates come from cheap sources, never from
all pairs: MinHash LSH over each article's most specific terms (TF-IDF), blocking on those
terms, and each article's nearest heads by sentence embedding (:mod:`~newstrace.trace.embed`).
The learnt :class:`~newstrace.trace.same_story.SameStoryModel` then judges each pair, and
two groups join only if it judges their mean evidence one story (average link), so one
chance resemblance cannot chain two events into one giant story.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
from datasketch import MinHash
from scipy import sparse

from newstrace.trace.index import WeighedArticle
from newstrace.trace.options import TraceOptions
from newstrace.trace.same_story import Evidence, SameStoryModel, days_between
from newstrace.trace.vectors import TermSpace, UnitVector, cosine


@dataclass(frozen=True, slots=True)
class LinkRow:
    """What judging a pair reads of each article: its term vector, its specifics vector, the
    embedding of its headline and lead, and its date (the Spark engine ships only this
    beside a pair)."""

    vector: UnitVector
    specifics: UnitVector
    gist: np.ndarray
    published: date | None

    @classmethod
    def of(cls, weighed: WeighedArticle) -> LinkRow:
        return cls(weighed.vector, weighed.specifics, weighed.gist, weighed.print_.published)


def band_keys(keywords: Sequence[Sequence[str]], options: TraceOptions) -> list[list[bytes]]:
    """The LSH band keys of each article's keywords (one MinHash each, cut into bands)."""
    bands, rows = options.lsh_bands
    hashes = MinHash.bulk(
        ([t.encode() for t in words] for words in keywords), num_perm=options.lsh_permutations
    )
    return [
        [
            band.to_bytes(2, "big") + h.hashvalues[band * rows : (band + 1) * rows].tobytes()
            for band in range(bands)
        ]
        for h in hashes
    ]


def blocking_terms(keywords: Sequence[str], options: TraceOptions) -> list[str]:
    """The keywords an article is blocked on: two articles sharing
    ``options.min_shared_keywords`` of them are candidates."""
    return list(keywords[: options.blocking_keywords])


def gist_neighbours(gists: Sequence[np.ndarray], options: TraceOptions) -> set[tuple[int, int]]:
    """Pairs ``(i, j)``, ``i < j``, where one is among the other's ``gist_neighbours`` most
    alike headlines and leads (cosine at least ``gist_floor``): retellings that share few
    words still say the same thing. Exact, in blocks of rows."""
    pairs: set[tuple[int, int]] = set()
    count = len(gists)
    k = min(options.gist_neighbours, count - 1)
    if k <= 0:
        return pairs
    matrix = np.stack(gists).astype(np.float32)
    for start in range(0, count, _BLOCK):
        sims = matrix[start : start + _BLOCK] @ matrix.T
        for row, i in enumerate(range(start, min(start + _BLOCK, count))):
            sims[row, i] = -1.0
        nearest = np.argpartition(-sims, k - 1, axis=1)[:, :k]
        for row, found in enumerate(nearest):
            i = start + row
            for j in found[sims[row, found] >= options.gist_floor]:
                pairs.add((min(i, int(j)), max(i, int(j))))
    return pairs


def evidence(a: LinkRow, b: LinkRow) -> Evidence:
    """What the two articles share, for the :class:`SameStoryModel`."""
    return Evidence(
        float(a.gist.astype(np.float32) @ b.gist.astype(np.float32)),
        cosine(a.vector, b.vector),
        cosine(a.specifics, b.specifics),
        days_between(_day(a.published), _day(b.published)),
    )


def link(a: LinkRow, b: LinkRow, model: SameStoryModel) -> float | None:
    """The probability that the two articles tell one story, if it reaches the model's
    threshold, else None."""
    probability = model.probability(evidence(a, b))
    return probability if probability >= model.threshold else None


def join_groups(
    rows: Sequence[LinkRow],
    copies: Iterable[tuple[int, int]],
    links: Iterable[tuple[int, int, float]],
    model: SameStoryModel,
) -> list[list[int]]:
    """Stories as lists of article numbers, each in input order, stories by first member.

    Copies join their originals outright; linked pairs ``(i, j, probability)``, most likely
    first, join two groups only if the model, shown the two groups' mean evidence over all
    pairs of members, still says one story (average link)."""
    groups = _Groups(rows)
    for i, j in copies:
        groups.join(i, j)
    for i, j, _ in sorted(links, key=lambda found: (-found[2], found[0], found[1])):
        groups.join_if_alike(i, j, model)
    return groups.members()


class _Groups:
    """Union-find over articles that keeps, per group, its summed term, specifics and gist
    vectors and its date range: the mean cosines between two groups' members are then one
    dot product of their sums each."""

    def __init__(self, rows: Sequence[LinkRow]) -> None:
        self._terms = TermSpace.of([row.vector for row in rows]).matrix
        self._specifics = TermSpace.of([row.specifics for row in rows]).matrix
        self._gists = [row.gist.astype(np.float32) for row in rows]
        self._dates = [_day(row.published) for row in rows]
        self._parent = list(range(len(rows)))
        self._size = [1] * len(rows)
        self._sums: dict[int, tuple[sparse.csr_matrix, sparse.csr_matrix, np.ndarray]] = {}
        # each group's summed squared lengths of its members' vectors, in the order of its
        # sums: 1 each, but 0 for an article without names or numbers
        self._lengths = [
            np.array([_dot(part, part) for part in self._sum(i)]) for i in range(len(rows))
        ]
        self._refused: set[tuple[int, int, int, int]] = set()

    def find(self, i: int) -> int:
        parent = self._parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a == b:
            return
        keep, gone = min(a, b), max(a, b)
        (ta, sa, ga), (tb, sb, gb) = self._sum(a), self._sum(b)
        self._sums[keep] = (ta + tb, sa + sb, ga + gb)
        self._sums.pop(gone, None)
        self._dates[keep] = _span(self._dates[a], self._dates[b])
        self._lengths[keep] = self._lengths[a] + self._lengths[b]
        self._size[keep] = self._size[a] + self._size[b]
        self._parent[gone] = keep

    def join_if_alike(self, i: int, j: int, model: SameStoryModel) -> None:
        """Join the groups of ``i`` and ``j`` if the model judges their mean evidence one
        story; a refused pair of groups is not judged again until one grows."""
        a, b = self.find(i), self.find(j)
        if a == b:
            return
        key = (a, b, self._size[a], self._size[b])
        if key in self._refused:
            return
        pairs = self._size[a] * self._size[b]
        (ta, sa, ga), (tb, sb, gb) = self._sum(a), self._sum(b)
        mean = Evidence(
            _dot(ga, gb) / pairs,
            _dot(ta, tb) / pairs,
            _dot(sa, sb) / pairs,
            days_between(self._dates[a], self._dates[b]),
        )
        if model.probability(mean) >= model.threshold and self._cohesive(a, b, mean, model):
            self.join(a, b)
        else:
            self._refused.add(key)

    def _cohesive(self, a: int, b: int, mean: Evidence, model: SameStoryModel) -> bool:
        """Whether two groups are alike in meaning, and in names and numbers, at least
        ``model.cohesion`` and ``model.specifics_cohesion`` times as much as the less
        cohesive of them (of two versions or more) is within itself."""
        meaning = self._within(a, _GISTS), self._within(b, _GISTS)
        specifics = self._within(a, _SPECIFICS), self._within(b, _SPECIFICS)
        return _keeps(mean.meaning, meaning, model.cohesion) and _keeps(
            mean.specifics, specifics, model.specifics_cohesion
        )

    def _within(self, root: int, part: int) -> float | None:
        """The mean cosine between a group's members of one ``part`` of its sums (None for
        one article): the sum dotted with itself, less each member's own squared length."""
        size = self._size[root]
        if size < 2:
            return None
        summed = self._sum(root)[part]
        return (_dot(summed, summed) - self._lengths[root][part]) / (size * (size - 1))

    def members(self) -> list[list[int]]:
        groups: dict[int, list[int]] = {}
        for i in range(len(self._parent)):
            groups.setdefault(self.find(i), []).append(i)
        return sorted(groups.values(), key=lambda members: members[0])

    def _sum(self, root: int) -> tuple[sparse.csr_matrix, sparse.csr_matrix, np.ndarray]:
        found = self._sums.get(root)
        if found is None:
            return self._terms[root], self._specifics[root], self._gists[root]
        return found


_SPECIFICS, _GISTS = 1, 2
"""Where specifics and gists stand in a group's sums (terms first)."""
_BLOCK = 1024
"""Rows of gists compared at once when looking for neighbours (1024 x N floats)."""


def _dot(x: sparse.csr_matrix | np.ndarray, y: sparse.csr_matrix | np.ndarray) -> float:
    """The dot product of two sums of one part: sparse rows or dense gists."""
    return float(x @ y) if isinstance(x, np.ndarray) else float(x.multiply(y).sum())


def _keeps(between: float, within: tuple[float | None, float | None], ratio: float) -> bool:
    """Whether ``between`` reaches ``ratio`` times the lesser of the known ``within``."""
    known = [w for w in within if w is not None]
    return not (ratio and known) or between >= ratio * min(known)


def _day(published: date | None) -> tuple[date, date] | None:
    return (published, published) if published is not None else None


def _span(a: tuple[date, date] | None, b: tuple[date, date] | None) -> tuple[date, date] | None:
    """The date range of two groups together (an undated group adds nothing)."""
    if a is None or b is None:
        return a or b
    return min(a[0], b[0]), max(a[1], b[1])
