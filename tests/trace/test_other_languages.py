"""Versions in another language: kept in the trace, placed by the names and numbers they share."""

from __future__ import annotations

import json
from pathlib import Path

import newstrace
from newstrace.model import ArticleStatus, Origin, Story
from newstrace.serialize import dumps_trace
from newstrace.trace.fingerprint import fingerprint
from newstrace.trace.other_languages import MIN_SHARED, Specifics, best_story, with_other_languages

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "trace" / "other_languages.jsonl"


def test_a_translation_joins_its_story_and_an_unrelated_one_joins_none(tmp_path):
    trace = newstrace.trace(CORPUS, cache=tmp_path / "ledgers").trace
    status = {a.id: (a.status, a.story_id) for a in trace.articles}
    strike = next(s for s in trace.stories if "en-1" in s.article_ids)
    assert strike.other_language_ids == ("de-1",)
    assert status["de-1"] == (ArticleStatus.OTHER_LANGUAGE, strike.id)
    assert status["de-2"] == (ArticleStatus.OTHER_LANGUAGE, None)
    assert {a.id for a in trace.articles} == {"en-1", "en-2", "de-1", "de-2", "en-3"}
    assert not any(c.article_id == "de-1" for c in strike.citations + strike.copies)
    assert json.loads(dumps_trace(trace))["stories"][0]["other_language_ids"] == ["de-1"]


def test_names_most_stories_share_and_ties_place_nothing():
    stories = [Story(f"s-{k}", "t", (k,), Origin(None, None, "")) for k in "abc"]
    # every story names Skerrin and Fenmouth: only "212" is left to tell, too little
    names = frozenset({"@skerrin", "@fenmouth"})
    members = [
        Specifics("a", names | {"212", "@x"}),
        Specifics("b", names | {"@y"}),
        Specifics("c", names | {"@z"}),
    ]
    placed = with_other_languages(stories, [Specifics("f", names | {"212"})], members)
    assert all(not s.other_language_ids for s in placed)
    tied = [frozenset({"1", "2", "3"}), frozenset({"1", "2", "3"})]
    assert best_story(frozenset({"1", "2", "3"}), tied) is None
    assert best_story(frozenset({"1", "2"}), tied[:1]) is None and MIN_SHARED == 3


def test_the_words_of_a_web_address_count_as_names_but_not_its_ids():
    print_ = fingerprint("x", "Ein Text.", None, None)
    found = Specifics.of(print_, "https://example.de/politik/skerrin-faehre-streik-2025-12345.html")
    assert {"@skerrin", "@faehre", "@streik"} <= found.terms
    assert not {"2025", "12345", "@html"} & found.terms
