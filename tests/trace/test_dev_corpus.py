"""The trace of the labelled dev corpus: the accuracy gate, and what users read off it."""

from __future__ import annotations

import json

import jsonschema
import pytest

from newstrace.errors import MalformedInputError
from newstrace.eval.trace import _read_drift, read_gold, score
from newstrace.ingest import outlet_key
from newstrace.serialize import dumps_trace, loads_trace, trace_json_schema

pytestmark = pytest.mark.slow

# Floors just under the figures in docs/BENCHMARKS.md: a change that loses accuracy fails CI.
FLOORS = {
    "grouping_f1": 0.95,
    "copy_f1": 0.95,
    "origin_accuracy": 0.85,
    "citation_f1": 0.9,
    "drift_f1": 0.55,
    "drift_typed_f1": 0.55,
}


@pytest.fixture(scope="module")
def metrics(dev_trace, dev_corpus, dev_drift):
    gold = read_gold(dev_corpus)
    return score(dev_trace, gold, _read_drift(dev_drift, gold))


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_dev_accuracy_stays_above_its_floor(metrics, metric):
    assert metrics[metric] >= FLOORS[metric], f"{metric} fell to {metrics[metric]}"


def test_trace_json_validates_against_the_published_schema(dev_trace):
    jsonschema.validate(json.loads(dumps_trace(dev_trace)), trace_json_schema())


def test_every_span_points_into_its_own_articles_text(dev_trace, dev_corpus):
    texts = {json.loads(line)["id"]: json.loads(line)["text"] for line in dev_corpus.open()}

    def check(article_id, span):
        assert texts[article_id][span.start : span.end] == span.text

    for story in dev_trace.stories:
        for citation in story.citations:
            check(citation.article_id, citation.cue)
        for family in story.families:
            for ref in family.claims:
                check(ref.article_id, ref.span)
        for event in story.drift:
            check(event.article_id, event.phrase)
            check(event.earlier_article_id, event.earlier_phrase)


def test_outside_outlet_is_the_origin_when_every_version_credits_it(dev_trace):
    story = next(s for s in dev_trace.stories if "a-mayor-01" in s.article_ids)
    assert story.origin.article_id is None
    assert story.origin.outlet == "Northern Ledger"
    assert "no article in the corpus" in story.origin.why


def test_wrong_date_is_ignored_with_a_warning(dev_trace):
    article = next(a for a in dev_trace.articles if a.id == "a-sleep-07")
    assert any("implausible" in warning for warning in article.warnings)


def test_look_alikes_stay_out_of_the_story(dev_trace):
    story_of = {a.id: a.story_id for a in dev_trace.articles}
    assert story_of["a-ferryfares-01"] != story_of["a-ferry-01"]
    assert story_of["b-kelbury2019-01"] != story_of["b-takeover-01"]


def test_look_alike_budgets_stay_apart(dev_trace):
    story_of = {a.id: a.story_id for a in dev_trace.articles}
    assert story_of["b-millbrook-01"] != story_of["b-budget-01"]


def test_quote_sharing_reports_are_not_copies(dev_trace):
    copies = {(e.article_id, e.copy_of) for s in dev_trace.stories for e in s.copies}
    assert not {("b-budget-02", "b-budget-01"), ("b-budget-01", "b-budget-02")} & copies
    assert not {("a-ferry-05", "a-ferry-02"), ("a-ferry-02", "a-ferry-05")} & copies


def test_trace_json_reads_back_to_the_same_trace(dev_trace):
    assert loads_trace(dumps_trace(dev_trace)) == dev_trace


def test_a_later_major_version_is_refused_by_name(dev_trace):
    document = json.loads(dumps_trace(dev_trace))
    document["schema"] = "newstrace.trace/2"
    with pytest.raises(MalformedInputError, match="newstrace.trace/2"):
        loads_trace(json.dumps(document))


def test_a_citation_points_at_the_story_version_from_the_outlet_it_credits(dev_trace):
    outlet_of = {a.id: outlet_key(a.outlet or "") for a in dev_trace.articles}
    targeted = 0
    for story in dev_trace.stories:
        for citation in story.citations:
            versions = [
                m
                for m in story.article_ids
                if m != citation.article_id and outlet_of[m] == outlet_key(citation.cited)
            ]
            if citation.target_article_id is None:
                assert not versions
            else:
                targeted += 1
                assert citation.target_article_id == versions[0]
    assert targeted >= 5
