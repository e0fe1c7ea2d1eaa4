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

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np
from datasketch import MinHash, MinHashLSH
from scipy import sparse

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

# Candidate pairs are scored this many at a time: the two row blocks stay small in memory.
_COSINE_BATCH = 50_000


@dataclass(frozen=True, slots=True)
class TermSpace:
    """Unit TF-IDF vectors of a corpus's articles (rows of a sparse matrix, by article index)
    and the terms they are over."""

    matrix: sparse.csr_matrix
    terms: list[str]

    @classmethod
    def fit(cls, prints: Sequence[Fingerprint]) -> TermSpace:
        vocabulary: dict[str, int] = {}
        rows, columns, counts = [], [], []
        for row, print_ in enumerate(prints):
            for term, count in print_.terms.items():
                rows.append(row)
                columns.append(vocabulary.setdefault(term, len(vocabulary)))
                counts.append(count)
        shape = (len(prints), len(vocabulary))
        tf = sparse.csr_matrix(
            (1 + np.log(np.asarray(counts, dtype=np.float64)), (rows, columns)), shape=shape
        )
        df = np.bincount(np.asarray(columns, dtype=np.int64), minlength=len(vocabulary))
        idf = np.log((len(prints) + 1) / (df + 1)) + 1.0
        weighted = tf.multiply(idf).tocsr()
        norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        unit = sparse.diags(1 / norms) @ weighted
        return cls(unit.tocsr(), sorted(vocabulary, key=vocabulary.__getitem__))

    def cosine(self, i: int, j: int) -> float:
        return float(self.matrix[i].multiply(self.matrix[j]).sum())

    def similarities(self, rows: Sequence[int]) -> np.ndarray:
        """The cosines between all of ``rows``, as a square array."""
        block = self.matrix[np.asarray(rows, dtype=np.int64)]
        return (block @ block.T).toarray()

    def cosines(self, pairs: Sequence[tuple[int, int]]) -> np.ndarray:
        """The cosine of every pair, computed in batches."""
        if not pairs:
            return np.zeros(0)
        index = np.asarray(pairs, dtype=np.int64)
        out = np.empty(len(index))
        for start in range(0, len(index), _COSINE_BATCH):
            block = index[start : start + _COSINE_BATCH]
            products = self.matrix[block[:, 0]].multiply(self.matrix[block[:, 1]])
            out[start : start + len(block)] = np.asarray(products.sum(axis=1)).ravel()
        return out

    def keywords(self, i: int) -> list[str]:
        """The article's most specific terms, heaviest first."""
        row = self.matrix.getrow(i)
        order = np.lexsort((row.indices, -row.data))[:KEYWORDS]
        return [self.terms[row.indices[k]] for k in order]


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
    pairs = sorted(_lsh_candidates(space, len(prints)) | _blocked_candidates(space, len(prints)))
    for (i, j), cosine in zip(pairs, space.cosines(pairs), strict=True):
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
