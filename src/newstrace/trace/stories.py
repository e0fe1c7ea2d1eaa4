"""Which articles tell the same story: copies, plus rewrites found by what they are about.

A rewrite shares few word sequences with its source but many specifics: names, places,
numbers, rare words. Candidates come from two cheap sources, never from all pairs: MinHash
LSH over each article's most specific terms (TF-IDF), and blocking on those terms (two
articles sharing two of each other's rarest terms). The cosine of the full term vectors then
decides. Versions of one event are published within weeks, so two articles dated far apart
join only through a copy or a near-identical text; that keeps look-alikes (the same people
in another year's event) apart, while one wrong date does not split a story.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from datasketch import MinHash, MinHashLSH

from newstrace.model import CopyEdge
from newstrace.trace.fingerprint import Fingerprint

KEYWORDS = 24
BLOCKING_KEYWORDS = 12
MIN_SHARED_KEYWORDS = 2
# A term in more posting lists than this is not specific enough to block on.
MAX_POSTING = 200
NUM_PERM = 128
LSH_THRESHOLD = 0.15
SAME_STORY_COSINE = 0.36
MAX_DAYS_APART = 45
# Texts this alike are one story whatever their dates say (a date may simply be wrong).
DATE_PROOF_COSINE = 0.5

Vector = dict[str, float]


@dataclass(frozen=True, slots=True)
class TermSpace:
    """Unit TF-IDF vectors of a corpus's articles, by article index."""

    vectors: list[Vector]

    @classmethod
    def fit(cls, prints: Sequence[Fingerprint]) -> TermSpace:
        frequency: Counter[str] = Counter()
        for print_ in prints:
            frequency.update(print_.terms.keys())
        n = len(prints)
        idf = {term: math.log((n + 1) / (df + 1)) + 1.0 for term, df in frequency.items()}
        return cls(
            [_unit({t: (1 + math.log(c)) * idf[t] for t, c in p.terms.items()}) for p in prints]
        )

    def cosine(self, i: int, j: int) -> float:
        a, b = self.vectors[i], self.vectors[j]
        if len(a) > len(b):
            a, b = b, a
        return sum(weight * b.get(term, 0.0) for term, weight in a.items())

    def keywords(self, i: int) -> list[str]:
        vector = self.vectors[i]
        return sorted(vector, key=lambda term: (-vector[term], term))[:KEYWORDS]


def group_stories(
    prints: Sequence[Fingerprint], copies: Sequence[CopyEdge], space: TermSpace
) -> list[list[int]]:
    """Stories as lists of article indices, each in input order, stories by first member."""
    index = {print_.article_id: i for i, print_ in enumerate(prints)}
    parent = list(range(len(prints)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        parent[max(find(i), find(j))] = min(find(i), find(j))

    for edge in copies:
        union(index[edge.article_id], index[edge.copy_of])
    for i, j in _lsh_candidates(space, len(prints)) | _blocked_candidates(space, len(prints)):
        cosine = space.cosine(i, j)
        if cosine >= DATE_PROOF_COSINE or (
            cosine >= SAME_STORY_COSINE and _close_in_time(prints[i], prints[j])
        ):
            union(i, j)
    groups: dict[int, list[int]] = {}
    for i in range(len(prints)):
        groups.setdefault(find(i), []).append(i)
    return sorted(groups.values(), key=lambda members: members[0])


def _blocked_candidates(space: TermSpace, n: int) -> set[tuple[int, int]]:
    """Pairs sharing at least two of their most specific terms."""
    postings: dict[str, list[int]] = {}
    for i in range(n):
        for term in space.keywords(i)[:BLOCKING_KEYWORDS]:
            postings.setdefault(term, []).append(i)
    shared: Counter[tuple[int, int]] = Counter()
    for members in postings.values():
        if len(members) <= MAX_POSTING:
            shared.update(combinations(members, 2))
    return {pair for pair, count in shared.items() if count >= MIN_SHARED_KEYWORDS}


def _lsh_candidates(space: TermSpace, n: int) -> set[tuple[int, int]]:
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    hashes = MinHash.bulk(
        ([term.encode() for term in space.keywords(i)] for i in range(n)), num_perm=NUM_PERM
    )
    for i, minhash in enumerate(hashes):
        lsh.insert(i, minhash)
    pairs: set[tuple[int, int]] = set()
    for i, minhash in enumerate(hashes):
        pairs.update((i, j) for j in lsh.query(minhash) if j > i)
    return pairs


def _close_in_time(a: Fingerprint, b: Fingerprint) -> bool:
    if a.published is None or b.published is None:
        return True
    return abs((a.published - b.published).days) <= MAX_DAYS_APART


def _unit(vector: Vector) -> Vector:
    norm = math.sqrt(sum(weight * weight for weight in vector.values())) or 1.0
    return {term: weight / norm for term, weight in vector.items()}
