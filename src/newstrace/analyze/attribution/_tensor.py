"""Discretising spaCy's contextual token vectors (``doc.tensor``) into cluster ids.

The ``tok2vec`` layer of ``en_core_web_sm`` leaves one 96-dimensional row per token in
``doc.tensor`` as a by-product of the parse, so its context comes free at run time. A CRF
wants categorical features, so the rows are mapped to the nearest of a few k-means centroids
learned on training tokens (seeded: a rerun learns the same centroids).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sklearn.cluster import MiniBatchKMeans
from spacy.tokens import Doc

_SAMPLE = 300_000
"""At most this many training tokens are clustered: enough for stable centroids, and fast."""


def fit_centroids(docs: Sequence[Doc], clusters: int, seed: int = 0) -> np.ndarray:
    """k-means centroids (float32, ``clusters`` x width) of the token vectors of ``docs``.

    Fewer centroids are learned when there are fewer tokens than ``clusters``.
    """
    rows = np.concatenate([doc.tensor for doc in docs if _has_tensor(doc)]).astype(np.float32)
    rng = np.random.default_rng(seed)
    if len(rows) > _SAMPLE:
        rows = rows[rng.choice(len(rows), _SAMPLE, replace=False)]
    kmeans = MiniBatchKMeans(
        n_clusters=min(clusters, len(rows)), random_state=seed, batch_size=4096, n_init=3
    )
    return kmeans.fit(rows).cluster_centers_.astype(np.float32)


def nearest(doc: Doc, centroids: np.ndarray) -> list[int] | None:
    """The nearest centroid of each token of ``doc``; ``None`` if the Doc has no fitting tensor
    (a pipeline without a ``tok2vec`` of the same width), and the caller goes without."""
    if not _has_tensor(doc) or doc.tensor.shape[1] != centroids.shape[1]:
        return None
    rows = doc.tensor.astype(np.float32)
    distances = (centroids**2).sum(axis=1) - 2 * rows @ centroids.T
    return distances.argmin(axis=1).tolist()


def _has_tensor(doc: Doc) -> bool:
    return doc.tensor.ndim == 2 and doc.tensor.shape[0] == len(doc) and len(doc) > 0
