"""Vector clusters for the cue tagger: seeded centroids, and a graceful miss without a tensor."""

from __future__ import annotations

import numpy as np
import pytest


@pytest.fixture(scope="module")
def docs():
    from newstrace.analyze.nlp import load_nlp

    texts = ["Lina Vost said the ferry left early.", "The pier at Osterby was closed."]
    return list(load_nlp().pipe(texts))


def test_centroids_are_seeded_and_capped_by_token_count(docs):
    from newstrace.analyze.attribution._tensor import fit_centroids

    first, again = fit_centroids(docs, 128), fit_centroids(docs, 128)
    tokens = sum(len(doc) for doc in docs)
    assert first.shape == (tokens, docs[0].tensor.shape[1])
    assert np.array_equal(first, again)


def test_each_token_gets_its_nearest_centroid(docs):
    from newstrace.analyze.attribution._tensor import fit_centroids, nearest

    centroids = fit_centroids(docs, 4)
    clusters = nearest(docs[0], centroids)
    assert len(clusters) == len(docs[0])
    distances = ((docs[0].tensor[:, None, :] - centroids[None]) ** 2).sum(axis=2)
    assert clusters == distances.argmin(axis=1).tolist()


def test_a_doc_without_tensor_gets_no_clusters(docs):
    from spacy.tokens import Doc

    from newstrace.analyze.attribution._tensor import fit_centroids, nearest

    bare = Doc(docs[0].vocab, words=["Lina", "said", "so"])
    assert nearest(bare, fit_centroids(docs, 4)) is None
