"""Sentence embeddings of article heads: what they read, and what their cache keeps."""

from __future__ import annotations

import numpy as np

from newstrace.trace.cache import GistCache
from newstrace.trace.embed import encoder_provenance, gists, head_of, sentence_encoder

FERRY = "Ferry fares on the Pellin crossing will rise by 4% from Monday, the operator said."
FERRY_AGAIN = "The Pellin ferry operator is putting its fares up four per cent next week."
ORCHARD = "Volunteers planted two hundred apple trees in the old school orchard."


def test_retellings_are_closer_than_other_news():
    vectors = sentence_encoder().encode([FERRY, FERRY_AGAIN, ORCHARD])
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.3


def test_an_empty_head_gives_a_zero_row():
    vectors = sentence_encoder().encode(["", FERRY])
    assert not vectors[0].any() and vectors[1].any()


def test_cached_gists_are_the_numbers_a_fresh_encoding_gives(tmp_path):
    cache = GistCache(tmp_path, encoder_provenance())
    fresh = gists([FERRY, ORCHARD], cache)
    assert fresh.dtype == np.float16
    assert np.array_equal(cache.get(FERRY), fresh[0])
    assert np.array_equal(gists([ORCHARD, FERRY], cache), fresh[::-1])


def test_a_damaged_cache_file_is_encoded_again(tmp_path):
    cache = GistCache(tmp_path, encoder_provenance())
    gists([FERRY], cache)
    [path] = [p for p in (tmp_path / "gists").rglob("*") if p.is_file()]
    path.write_bytes(b"half")
    assert cache.get(FERRY) is None


def test_the_head_is_the_headline_and_lead_without_page_chrome():
    text = "Subscribe to our newsletter\n\nFerry fares to rise\n\n" + FERRY + "\n\nShare this"
    head = head_of(None, text)
    assert head.startswith("Ferry fares to rise\n") and FERRY in head
    assert "Subscribe" not in head and "Share" not in head
    assert head_of("Fares up 4%", FERRY).startswith("Fares up 4%\n")
