"""TF-IDF term vectors of articles and their cosines: the one implementation both engines use.

An article's terms (from its :class:`~newstrace.trace.fingerprint.Fingerprint`) are weighed
against the corpus's document frequencies into a unit vector, held compactly as sorted
column numbers and weights. The local engine keeps one per article in memory; the Spark
engine ships them beside candidate pairs. Either way a pair's cosine is :func:`cosine`, and a
block of articles' cosines (a story's versions, a group's mean) is :class:`TermSpace`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse


@dataclass(frozen=True, slots=True)
class UnitVector:
    """A unit-length TF-IDF vector: ``weights`` at the sorted vocabulary ``columns``."""

    columns: np.ndarray
    weights: np.ndarray


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """A corpus's terms, each with its column and its (smoothed) inverse document frequency.

    Columns follow the sorted terms, so both engines number them alike.

    >>> vocabulary = Vocabulary.of({"bridge": 2, "@pellin": 1}, articles=3)
    >>> vocabulary.columns
    {'@pellin': 0, 'bridge': 1}
    >>> round(vocabulary.idf["bridge"], 3)
    1.288
    """

    columns: dict[str, int]
    idf: dict[str, float]

    @classmethod
    def of(cls, df: Mapping[str, int], articles: int) -> Vocabulary:
        """The vocabulary of terms found in ``df[term]`` of ``articles`` articles."""
        terms = sorted(df)
        idf = {term: math.log((articles + 1) / (df[term] + 1)) + 1.0 for term in terms}
        return cls({term: column for column, term in enumerate(terms)}, idf)

    def weights(
        self, terms: Mapping[str, int], only: Callable[[str], bool] | None = None
    ) -> dict[str, float]:
        """An article's TF-IDF weights (log-scaled counts), scaled to unit length; only the
        terms ``only`` keeps, when given."""
        weights = {
            term: (1.0 + math.log(count)) * self.idf[term]
            for term, count in terms.items()
            if only is None or only(term)
        }
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return {term: w / norm for term, w in weights.items()}

    def vector(self, weights: Mapping[str, float]) -> UnitVector:
        """``weights`` (from :meth:`weights`) as a compact vector over this vocabulary."""
        columns = np.fromiter(
            (self.columns[t] for t in weights), dtype=np.int64, count=len(weights)
        )
        values = np.fromiter(weights.values(), dtype=np.float64, count=len(weights))
        order = np.argsort(columns, kind="stable")
        return UnitVector(columns[order], values[order])


def keywords_of(weights: Mapping[str, float], count: int) -> tuple[str, ...]:
    """The ``count`` heaviest terms, heaviest first (ties by the term itself, so the choice
    does not depend on the order articles were read in).

    >>> keywords_of({"bridge": 0.2, "@pellin": 0.9, "quay": 0.2}, 2)
    ('@pellin', 'bridge')
    """
    ranked = sorted(weights.items(), key=lambda item: (-item[1], item[0]))
    return tuple(term for term, _ in ranked[:count])


def cosine(u: UnitVector, v: UnitVector) -> float:
    """The cosine of two unit vectors."""
    _, at_u, at_v = np.intersect1d(u.columns, v.columns, assume_unique=True, return_indices=True)
    return float(np.dot(u.weights[at_u], v.weights[at_v]))


@dataclass(frozen=True, slots=True)
class TermSpace:
    """Unit vectors as the rows of a sparse matrix: many cosines at once."""

    matrix: sparse.csr_matrix

    @classmethod
    def of(cls, vectors: Sequence[UnitVector]) -> TermSpace:
        """The space holding ``vectors`` as its rows, in order."""
        lengths = [len(v.columns) for v in vectors]
        indptr = np.concatenate(([0], np.cumsum(lengths, dtype=np.int64)))
        columns = np.concatenate([v.columns for v in vectors]) if vectors else np.zeros(0)
        values = np.concatenate([v.weights for v in vectors]) if vectors else np.zeros(0)
        width = int(columns.max()) + 1 if len(columns) else 0
        matrix = sparse.csr_matrix(
            (values.astype(np.float64), columns.astype(np.int64), indptr),
            shape=(len(vectors), width),
        )
        return cls(matrix)

    def similarities(self) -> np.ndarray:
        """The cosines between all rows, as a square array."""
        return (self.matrix @ self.matrix.T).toarray()
