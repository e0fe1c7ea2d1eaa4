"""Which articles tell the same story: copies, plus retellings found by what they say.

A retelling may share few word sequences with its source, few names and numbers, and come
back years later; a look-alike event (another earthquake, another shooting, another study
of the same food) shares the topic words. Candidates come from cheap sources, never from
all pairs: MinHash LSH over each article's most specific terms (TF-IDF), blocking on those
terms, and each article's nearest heads by sentence embedding (:mod:`~newstrace.trace.embed`).
The learnt :class:`~newstrace.trace.same_story.SameStoryModel` then judges each pair, and
two groups join only if it judges them one story from their mean evidence (average link)
and how cohesive each group is, so one chance resemblance cannot chain two events into one
giant story, nor a loose group keep absorbing look-alikes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
from datasketch import MinHash
from scipy import sparse

from newstrace.trace.index import WeighedArticle
from newstrace.trace.options import TraceOptions
from newstrace.trace.same_story import (
    Cohesion,
    Evidence,
    GroupEvidence,
    SameStoryModel,
    days_between,
)
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
    # a block of rows costs 16 bytes a cell (the cosines, their negation, argpartition's
    # int64 indices): at most _BLOCK_BYTES, so memory stays flat as the corpus grows
    block = max(1, min(_BLOCK, _BLOCK_BYTES // (16 * count)))
    for start in range(0, count, block):
        sims = matrix[start : start + block] @ matrix.T
        for row, i in enumerate(range(start, min(start + block, count))):
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


Judge = Callable[["Groups", int, int], bool]
"""Whether two groups, by their roots, are one story."""


def join_groups(
    rows: Sequence[LinkRow],
    copies: Iterable[tuple[int, int]],
    links: Iterable[tuple[int, int, float]],
    model: SameStoryModel,
    judge: Judge | None = None,
) -> list[list[int]]:
    """Stories as lists of article numbers, each in input order, stories by first member.

    Copies join their originals outright; linked pairs ``(i, j, probability)``, most likely
    first, join two groups only if the model, shown the two groups' mean evidence over all
    pairs of members and how cohesive each group is, still says one story. A ``judge``
    other than the model's decides instead (training records the decisions this way)."""
    groups = Groups(rows)
    for i, j in copies:
        groups.join(i, j)
    judge = judge or (lambda found, a, b: model.joins(found.evidence(a, b)))
    for i, j, _ in sorted(links, key=lambda found: (-found[2], found[0], found[1])):
        groups.join_if(i, j, judge)
    return groups.members()


class Groups:
    """Union-find over articles that keeps, per group, its members, its summed term,
    specifics and gist vectors and its date range: the mean cosines between two groups'
    members are then one dot product of their sums each."""

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
        self._members: dict[int, list[int]] = {}

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
        larger, smaller = self._members.pop(keep, [keep]), self._members.pop(gone, [gone])
        if len(larger) < len(smaller):
            larger, smaller = smaller, larger
        larger.extend(smaller)
        self._members[keep] = larger
        self._parent[gone] = keep

    def members_of(self, root: int) -> list[int]:
        """The articles of the group whose root is ``root``."""
        return self._members.get(root, [root])

    def join_if(self, i: int, j: int, judge: Judge) -> None:
        """Join the groups of ``i`` and ``j`` if ``judge`` says one story; a refused pair of
        groups is not judged again until one grows."""
        a, b = self.find(i), self.find(j)
        if a == b:
            return
        key = (a, b, self._size[a], self._size[b])
        if key in self._refused:
            return
        if judge(self, a, b):
            self.join(a, b)
        else:
            self._refused.add(key)

    def evidence(self, a: int, b: int) -> GroupEvidence:
        """What two groups (by their roots) share, and how cohesive each is."""
        pairs = self._size[a] * self._size[b]
        (ta, sa, ga), (tb, sb, gb) = self._sum(a), self._sum(b)
        mean = Evidence(
            _dot(ga, gb) / pairs,
            _dot(ta, tb) / pairs,
            _dot(sa, sb) / pairs,
            days_between(self._dates[a], self._dates[b]),
        )
        return GroupEvidence(
            mean, (self._within(a), self._within(b)), (self._size[a], self._size[b])
        )

    def _within(self, root: int) -> Cohesion | None:
        """The mean cosines between a group's members (None for one article): each sum
        dotted with itself, less each member's own squared length."""
        size = self._size[root]
        if size < 2:
            return None
        sums: tuple[sparse.csr_matrix | np.ndarray, ...] = self._sum(root)
        terms, specifics, gists = (
            (_dot(summed, summed) - length) / (size * (size - 1))
            for summed, length in zip(sums, self._lengths[root], strict=True)
        )
        return Cohesion(gists, terms, specifics)

    def members(self) -> list[list[int]]:
        """Every group's articles, each in input order, groups by first member."""
        roots = {self.find(i) for i in range(len(self._parent))}
        return sorted(sorted(self.members_of(root)) for root in roots)

    def _sum(self, root: int) -> tuple[sparse.csr_matrix, sparse.csr_matrix, np.ndarray]:
        found = self._sums.get(root)
        if found is None:
            return self._terms[root], self._specifics[root], self._gists[root]
        return found


_BLOCK = 1024
"""Rows of gists compared at once when looking for neighbours, at most."""
_BLOCK_BYTES = 64 * 2**20
"""What one block of rows may take (see :func:`gist_neighbours`)."""


def _dot(x: sparse.csr_matrix | np.ndarray, y: sparse.csr_matrix | np.ndarray) -> float:
    """The dot product of two sums of one part: sparse rows or dense gists."""
    return float(x @ y) if isinstance(x, np.ndarray) else float(x.multiply(y).sum())


def _day(published: date | None) -> tuple[date, date] | None:
    return (published, published) if published is not None else None


def _span(a: tuple[date, date] | None, b: tuple[date, date] | None) -> tuple[date, date] | None:
    """The date range of two groups together (an undated group adds nothing)."""
    if a is None or b is None:
        return a or b
    return min(a[0], b[0]), max(a[1], b[1])
