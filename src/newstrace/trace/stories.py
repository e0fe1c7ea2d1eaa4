"""Which articles tell the same story: copies, plus rewrites found by what they are about.

A rewrite shares few word sequences with its source but many specifics: names, places,
numbers, rare words. Candidates come from two cheap sources, never from all pairs: MinHash
LSH over each article's most specific terms (TF-IDF), and blocking on those terms (two
articles sharing two of each other's rarest terms). The cosine of the full term vectors then
decides. Versions of one event are published within weeks, so two articles dated far apart
join only through a copy or a near-identical text; that keeps look-alikes (the same people
in another year's event) apart, while one wrong date does not split a story. Two articles
also join only when their specifics agree (names and numbers, compared on their own): other
events told in the same words, a template or a recurring story, share the topic words but not
the who, where and how many, and would otherwise chain into one giant story. For the same
reason two groups merge only if their specifics agree on average, not through one pair.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from datasketch import MinHash
from scipy import sparse

from newstrace.trace.index import WeighedArticle
from newstrace.trace.options import TraceOptions
from newstrace.trace.vectors import TermSpace, UnitVector, cosine


@dataclass(frozen=True, slots=True)
class LinkRow:
    """What linking a pair reads of each article: its term vector, its specifics vector and
    its date (the Spark engine ships only this beside a pair)."""

    vector: UnitVector
    specifics: UnitVector
    published: date | None

    @classmethod
    def of(cls, weighed: WeighedArticle) -> LinkRow:
        return cls(weighed.vector, weighed.specifics, weighed.print_.published)


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


def link(a: LinkRow, b: LinkRow, options: TraceOptions) -> float | None:
    """The cosine of the pair's specifics when the two articles tell one story, else None.

    Dated close together, their terms must reach ``same_story_cosine``; far apart, both
    cosines must reach ``date_proof_cosine``; either way their specifics must agree."""
    terms = cosine(a.vector, b.vector)
    if terms < options.same_story_cosine:
        return None
    specific = cosine(a.specifics, b.specifics)
    if specific < options.same_specifics_cosine:
        return None
    if _close_in_time(a.published, b.published, options.max_days_apart):
        return specific
    proof = options.date_proof_cosine
    return specific if terms >= proof and specific >= proof else None


def join_groups(
    specifics: TermSpace,
    copies: Iterable[tuple[int, int]],
    links: Iterable[tuple[int, int, float]],
    options: TraceOptions,
) -> list[list[int]]:
    """Stories as lists of article numbers, each in input order, stories by first member.

    Copies join their originals outright; linked pairs ``(i, j, specifics cosine)``, most
    alike first, join two groups only if the groups' specifics (rows of ``specifics``, by
    article number) are alike on average, so one chance resemblance cannot chain two events."""
    groups = _Groups(specifics)
    for i, j in copies:
        groups.join(i, j)
    for i, j, _ in sorted(links, key=lambda found: (-found[2], found[0], found[1])):
        groups.join_if_alike(i, j, options.group_specifics_cosine)
    return groups.members()


class _Groups:
    """Union-find over articles that keeps each group's summed specifics vector: the mean
    cosine between two groups' members is then one sparse dot product of their sums."""

    def __init__(self, specifics: TermSpace) -> None:
        self._vectors = specifics.matrix
        self._parent = list(range(specifics.matrix.shape[0]))
        self._size = [1] * len(self._parent)
        self._sums: dict[int, sparse.csr_matrix] = {}
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
        self._sums[keep] = self._sum(a) + self._sum(b)
        self._sums.pop(gone, None)
        self._size[keep] = self._size[a] + self._size[b]
        self._parent[gone] = keep

    def join_if_alike(self, i: int, j: int, mean_cosine: float) -> None:
        """Join the groups of ``i`` and ``j`` if their members' mean cosine reaches
        ``mean_cosine``; a refused pair of groups is not measured again until one grows."""
        a, b = self.find(i), self.find(j)
        if a == b:
            return
        key = (a, b, self._size[a], self._size[b])
        if key in self._refused:
            return
        mean = self._sum(a).multiply(self._sum(b)).sum() / (self._size[a] * self._size[b])
        if mean >= mean_cosine:
            self.join(a, b)
        else:
            self._refused.add(key)

    def members(self) -> list[list[int]]:
        groups: dict[int, list[int]] = {}
        for i in range(len(self._parent)):
            groups.setdefault(self.find(i), []).append(i)
        return sorted(groups.values(), key=lambda members: members[0])

    def _sum(self, root: int) -> sparse.csr_matrix:
        return self._sums.get(root, self._vectors[root])


def _close_in_time(a: date | None, b: date | None, max_days: int) -> bool:
    if a is None or b is None:
        return True
    return abs((a - b).days) <= max_days
