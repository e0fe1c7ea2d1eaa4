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

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np
from datasketch import MinHash, MinHashLSH
from scipy import sparse

from newstrace.model import CopyEdge
from newstrace.trace.fingerprint import Fingerprint, is_specific

KEYWORDS = 24
BLOCKING_KEYWORDS = 12
MIN_SHARED_KEYWORDS = 2
# A term in more posting lists than this is not specific enough to block on.
MAX_POSTING = 200
NUM_PERM = 128
LSH_THRESHOLD = 0.15
SAME_STORY_COSINE = 0.36
MAX_DAYS_APART = 45
# Texts this alike, in wording and in specifics, are one story whatever their dates say (a
# date may simply be wrong).
DATE_PROOF_COSINE = 0.5
# Two articles of one story name the same people, places and numbers: the cosine of their
# specifics reaches this; and two groups join only if their specifics reach the second figure
# on average over all pairs of members.
SAME_SPECIFICS_COSINE = 0.35
GROUP_SPECIFICS_COSINE = 0.3

# Candidate pairs are scored this many at a time: the two row blocks stay small in memory.
_COSINE_BATCH = 50_000


@dataclass(frozen=True, slots=True)
class TermSpace:
    """Unit TF-IDF vectors of a corpus's articles (rows of a sparse matrix, by article index)
    and the terms they are over."""

    matrix: sparse.csr_matrix
    terms: list[str]

    @classmethod
    def fit(
        cls, prints: Sequence[Fingerprint], only: Callable[[str], bool] | None = None
    ) -> TermSpace:
        """The space of all the articles' terms, or of those ``only`` keeps."""
        vocabulary: dict[str, int] = {}
        rows, columns, counts = [], [], []
        for row, print_ in enumerate(prints):
            for term, count in print_.terms.items():
                if only is not None and not only(term):
                    continue
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

    @classmethod
    def of_specifics(cls, prints: Sequence[Fingerprint]) -> TermSpace:
        """The space of the articles' names and numbers only."""
        return cls.fit(prints, only=is_specific)

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
    prints: Sequence[Fingerprint],
    copies: Sequence[CopyEdge],
    space: TermSpace,
    specifics: TermSpace,
) -> list[list[int]]:
    """Stories as lists of article indices, each in input order, stories by first member.

    ``space`` holds every term of the articles, ``specifics`` their names and numbers
    (:meth:`TermSpace.of_specifics`). Copies join their originals outright; other pairs are
    tried most alike first, and join two groups only if the groups' specifics are alike on
    average, so one chance resemblance cannot chain two events together.
    """
    index = {print_.article_id: i for i, print_ in enumerate(prints)}
    groups = _Groups(specifics)
    for edge in copies:
        groups.join(index[edge.article_id], index[edge.copy_of])
    pairs = sorted(_lsh_candidates(space, len(prints)) | _blocked_candidates(space, len(prints)))
    alike = [
        (i, j)
        for (i, j), cosine in zip(pairs, space.cosines(pairs), strict=True)
        if cosine >= DATE_PROOF_COSINE
        or (cosine >= SAME_STORY_COSINE and _close_in_time(prints[i], prints[j]))
    ]
    specific = specifics.cosines(alike)
    for k in np.argsort(-specific, kind="stable"):
        i, j = alike[k]
        if specific[k] < SAME_SPECIFICS_COSINE:
            break
        if _close_in_time(prints[i], prints[j]) or specific[k] >= DATE_PROOF_COSINE:
            groups.join_if_alike(i, j, GROUP_SPECIFICS_COSINE)
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
