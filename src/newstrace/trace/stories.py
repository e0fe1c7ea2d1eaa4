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

import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
from datasketch import MinHash, MinHashLSH
from scipy import sparse

from newstrace.model import CopyEdge
from newstrace.trace.blocking import pairs_sharing
from newstrace.trace.fingerprint import Fingerprint, is_specific

KEYWORDS = 24
BLOCKING_KEYWORDS = 12
MIN_SHARED_KEYWORDS = 2
# A term in more posting lists than this is not specific enough to block on (on synthetic
# corpora, a cap of 200 let the pairs grow with the square of the corpus: 12x from 10k to 40k).
MAX_POSTING = 50
NUM_PERM = 128
# Keyword-set Jaccard where LSH finds half the pairs (datasketch sizes the bands: 42 of 3).
# 0.15 (51 bands of 2) let in 16x the pairs from 10k to 40k synthetic articles, for 2% more
# same-story pairs and no better grouping.
LSH_THRESHOLD = 0.25
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
# LSH bands of the keyword MinHashes, as datasketch sizes them for the threshold: two
# articles whose hashes agree on every row of any one band are candidates.
_LSH = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
BANDS, BAND_ROWS = _LSH.b, _LSH.r


def inverse_frequencies(df: Mapping[str, int], articles: int) -> dict[str, float]:
    """Smoothed IDF of each term from its document frequency among ``articles``."""
    return {term: math.log((articles + 1) / (n + 1)) + 1.0 for term, n in df.items()}


def unit_weights(
    terms: Mapping[str, int], idf: Mapping[str, float], only: Callable[[str], bool] | None = None
) -> dict[str, float]:
    """An article's TF-IDF vector (log-scaled counts), scaled to unit length."""
    weights = {
        term: (1.0 + math.log(count)) * idf[term]
        for term, count in terms.items()
        if only is None or only(term)
    }
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {term: w / norm for term, w in weights.items()}


def cosine_of(u: Mapping[str, float], v: Mapping[str, float]) -> float:
    """The cosine of two unit vectors held as term -> weight mappings."""
    if len(v) < len(u):
        u, v = v, u
    return sum(weight * v[term] for term, weight in u.items() if term in v)


def keywords_of(weights: Mapping[str, float]) -> list[str]:
    """The most specific terms of a vector, heaviest first (ties by the term itself, so the
    choice does not depend on the order articles were read in)."""
    ranked = sorted(weights.items(), key=lambda item: (-item[1], item[0]))
    return [term for term, _ in ranked[:KEYWORDS]]


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
        df: Counter[str] = Counter()
        for print_ in prints:
            df.update(term for term in print_.terms if only is None or only(term))
        idf = inverse_frequencies(df, len(prints))
        return cls.of_vectors([unit_weights(p.terms, idf, only) for p in prints])

    @classmethod
    def of_specifics(cls, prints: Sequence[Fingerprint]) -> TermSpace:
        """The space of the articles' names and numbers only."""
        return cls.fit(prints, only=is_specific)

    @classmethod
    def of_vectors(cls, vectors: Sequence[Mapping[str, float]]) -> TermSpace:
        """The space holding these unit vectors (from :func:`unit_weights`) as its rows."""
        vocabulary: dict[str, int] = {}
        indptr, columns, data = [0], [], []
        for vector in vectors:
            for term, weight in vector.items():
                columns.append(vocabulary.setdefault(term, len(vocabulary)))
                data.append(weight)
            indptr.append(len(columns))
        matrix = sparse.csr_matrix(
            (np.asarray(data, dtype=np.float64), np.asarray(columns, dtype=np.int64), indptr),
            shape=(len(vectors), len(vocabulary)),
        )
        return cls(matrix, sorted(vocabulary, key=vocabulary.__getitem__))

    def vector(self, i: int) -> dict[str, float]:
        """Row ``i`` as a term -> weight mapping."""
        row = self.matrix.getrow(i)
        return {self.terms[k]: float(w) for k, w in zip(row.indices, row.data, strict=True)}

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
        return keywords_of(self.vector(i))


def band_keys(keywords: Sequence[Sequence[str]]) -> list[list[bytes]]:
    """The LSH band keys of each article's keywords (one MinHash each, cut into bands)."""
    hashes = MinHash.bulk(([t.encode() for t in words] for words in keywords), num_perm=NUM_PERM)
    return [
        [
            band.to_bytes(2, "big")
            + h.hashvalues[band * BAND_ROWS : (band + 1) * BAND_ROWS].tobytes()
            for band in range(BANDS)
        ]
        for h in hashes
    ]


def blocking_terms(keywords: Sequence[str]) -> list[str]:
    """The keywords an article is blocked on: two articles sharing two of them are candidates."""
    return list(keywords[:BLOCKING_KEYWORDS])


def candidate_pairs(keywords: Sequence[Sequence[str]]) -> set[tuple[int, int]]:
    """Index pairs of articles worth comparing: sharing an LSH band, or blocking terms."""
    by_band: dict[bytes, list[int]] = {}
    for i, keys in enumerate(band_keys(keywords)):
        for key in keys:
            by_band.setdefault(key, []).append(i)
    pairs = set(pairs_sharing(by_band.values(), limit=None, at_least=1))
    by_term: dict[str, list[int]] = {}
    for i, words in enumerate(keywords):
        for term in blocking_terms(words):
            by_term.setdefault(term, []).append(i)
    pairs.update(pairs_sharing(by_term.values(), limit=MAX_POSTING, at_least=MIN_SHARED_KEYWORDS))
    return pairs


def linked(cosine: float, specific: float, a: date | None, b: date | None) -> bool:
    """Whether two articles tell one story, by the cosines of their terms and specifics and
    by their dates."""
    if specific < SAME_SPECIFICS_COSINE:
        return False
    if _close_in_time(a, b):
        return cosine >= SAME_STORY_COSINE
    return cosine >= DATE_PROOF_COSINE and specific >= DATE_PROOF_COSINE


def group_stories(
    prints: Sequence[Fingerprint],
    copies: Sequence[CopyEdge],
    space: TermSpace,
    specifics: TermSpace,
) -> list[list[int]]:
    """Stories as lists of article indices, each in input order, stories by first member.

    ``space`` holds every term of the articles, ``specifics`` their names and numbers
    (:meth:`TermSpace.of_specifics`).
    """
    index = {print_.article_id: i for i, print_ in enumerate(prints)}
    pairs = sorted(candidate_pairs([space.keywords(i) for i in range(len(prints))]))
    near = [
        (pair, cosine)
        for pair, cosine in zip(pairs, space.cosines(pairs), strict=True)
        if cosine >= SAME_STORY_COSINE
    ]
    alike = specifics.cosines([pair for pair, _ in near])
    links = [
        (i, j, specific)
        for ((i, j), cosine), specific in zip(near, alike, strict=True)
        if linked(cosine, specific, prints[i].published, prints[j].published)
    ]
    joined = [(index[edge.article_id], index[edge.copy_of]) for edge in copies]
    return join_groups(specifics, joined, links)


def join_groups(
    specifics: TermSpace,
    copies: Iterable[tuple[int, int]],
    links: Iterable[tuple[int, int, float]],
) -> list[list[int]]:
    """Groups of article indices: copies join their originals outright; linked pairs
    ``(i, j, specifics cosine)``, most alike first, join two groups only if the groups'
    specifics are alike on average, so one chance resemblance cannot chain two events."""
    groups = _Groups(specifics)
    for i, j in copies:
        groups.join(i, j)
    for i, j, _ in sorted(links, key=lambda link: (-link[2], link[0], link[1])):
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


def _close_in_time(a: date | None, b: date | None) -> bool:
    if a is None or b is None:
        return True
    return abs((a - b).days) <= MAX_DAYS_APART
