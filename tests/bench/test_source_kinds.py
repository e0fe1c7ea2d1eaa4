"""The source-kind benchmark counts a lost true source as wrong and a kept false one."""

from __future__ import annotations

import pytest


@pytest.fixture
def source_kinds(bench_script):
    return bench_script("source_kinds")


def test_score_matches_by_place_then_by_overlap(source_kinds):
    labels = [
        {"article_id": "a", "start": 0, "end": 6, "role": "source", "kind": "organisation"},
        {"article_id": "a", "start": 20, "end": 30, "role": "partial", "kind": "named_person"},
        {"article_id": "a", "start": 40, "end": 45, "role": "source", "kind": "unnamed_group"},
        {"article_id": "a", "start": 50, "end": 55, "role": "not_source", "kind": None},
        {"article_id": "a", "start": 60, "end": 65, "role": "not_source", "kind": "named_person"},
    ]
    given = {"a": [(0, 6, "organisation"), (22, 28, "government_official"), (50, 55, "x")]}
    result = source_kinds.score(labels, given)
    assert result["sources"] == 3 and result["kind_right"] == 1 and result["sources_lost"] == 1
    assert result["not_sources"] == 2 and result["not_sources_kept"] == 1
    assert result["kind_accuracy"] == 0.333


def test_the_ledger_gives_no_source_for_the_writers_own_voice(source_kinds):
    given = source_kinds.given_sources("Police said two men fled. The pier is closed.")
    assert set(given) == {(0, 6, "government_official")}  # not the article's own sentence


def test_the_wire_credit_line_is_no_source_given(source_kinds):
    text = "DOVER (AP) — A Pellin prosecutor says he will take the case to a grand jury."
    given = source_kinds.given_sources(text)
    assert [text[s:e] for s, e, _ in given] == ["A Pellin prosecutor"]
