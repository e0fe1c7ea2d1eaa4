"""The full-text source benchmark counts found, false and rightly typed sources."""

from __future__ import annotations

import pytest


@pytest.fixture
def source_mentions(bench_script):
    return bench_script("source_mentions")


def test_score_counts_mentions_found_and_sources_that_are_none(source_mentions):
    texts = [
        {
            "article_id": "a",
            "mentions": [
                {"start": 0, "end": 6, "kind": "government_official"},
                {"start": 30, "end": 40, "kind": "media_outlet"},
                {"start": 60, "end": 63, "kind": "named_person"},
            ],
        },
        {"article_id": "b", "mentions": []},
    ]
    given = {
        # the first mention found twice (two claims), rightly typed; the second found with
        # another kind; the third not found; one source where no mention is
        "a": [
            (0, 6, "government_official"),
            (0, 6, "government_official"),
            (28, 35, "organisation"),
        ],
        "b": [(5, 9, "named_person")],
    }
    result = source_mentions.score(texts, given)
    assert (result["mentions"], result["found"], result["kind_right"]) == (3, 2, 1)
    assert (result["given"], result["given_false"]) == (3, 1)
    assert result["recall"] == pytest.approx(0.667, abs=1e-3)
    assert result["precision"] == pytest.approx(0.667, abs=1e-3)
    assert result["kind_accuracy"] == 0.5
