"""The synthetic corpus generator keeps its promises: same seed same corpus, exact size, valid
gold references, drift phrases that occur exactly once, and streaming in bounded memory."""

from __future__ import annotations

import gc
import importlib.util
import itertools
import json
import random
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[2] / "bench" / "synth_corpus.py"
_SPEC = importlib.util.spec_from_file_location("synth_corpus", _PATH)
assert _SPEC and _SPEC.loader
synth = importlib.util.module_from_spec(_SPEC)
sys.modules[_SPEC.name] = synth  # dataclasses look their module up while the file runs
_SPEC.loader.exec_module(synth)

N = 300
DRIFT_TYPES = {
    "hedge_dropped",
    "certainty_upgraded",
    "attribution_lost",
    "attribution_garbled",
    "speculation_as_fact",
    "exaggeration",
    "detail_changed",
}


@pytest.fixture(scope="module")
def corpus() -> list[tuple[dict, list[dict]]]:
    return list(synth.generate(N, 11))


def _articles(corpus):
    return [article for article, _ in corpus]


def _drift(corpus):
    return [line for _, lines in corpus for line in lines]


def test_same_seed_same_corpus_other_seed_other_corpus(corpus):
    assert list(synth.generate(N, 11)) == corpus
    assert _articles(list(synth.generate(N, 12)))[0]["text"] != _articles(corpus)[0]["text"]


@pytest.mark.parametrize("n", [1, 7, N])
def test_exactly_the_requested_size(n, corpus):
    got = corpus if n == N else list(synth.generate(n, 11))
    assert len(got) == n


def test_articles_have_the_spec_fields(corpus):
    for article in _articles(corpus):
        assert {
            "id",
            "text",
            "title",
            "lang",
            "story",
            "copy_of",
            "copy_kind",
            "cites",
            "origin",
        } <= article.keys()
        assert article["lang"] == "en"
        assert "outlet" in article or "url" in article
        assert 120 <= len(article["text"].split()) <= 400
        assert "\n\n" in article["text"] and "{" not in article["text"]
        assert "<<" not in article["text"] and "  " not in article["text"]
        if "published" in article:
            datetime.fromisoformat(article["published"].replace("Z", "+00:00"))
        json.dumps(article)


def test_ids_unique_and_gold_references_valid(corpus):
    articles = _articles(corpus)
    seen: dict[str, dict] = {}
    for article in articles:
        assert article["id"] not in seen
        copy_of, kind = article["copy_of"], article["copy_kind"]
        assert (copy_of is None) == (kind is None)
        assert kind in (None, "verbatim", "partial")
        if copy_of is not None:  # the copied article came earlier, in the same story
            assert seen[copy_of]["story"] == article["story"]
        seen[article["id"]] = article
    for story, members in itertools.groupby(
        sorted(articles, key=lambda a: a["story"]), key=lambda a: a["story"]
    ):
        members = list(members)
        origins = {a["origin"] for a in members}
        assert len(origins) == 1, story
        origin = origins.pop()
        if origin.startswith("outlet:"):
            name = origin.removeprefix("outlet:")
            assert all(name in a["cites"] for a in members)
            assert all(a.get("outlet") != name for a in members)
        else:
            assert seen[origin]["story"] == story
            assert seen[origin]["copy_of"] is None


def test_cites_are_named_in_the_text(corpus):
    cited = [a for a in _articles(corpus) if a["cites"]]
    assert cited
    for article in cited:
        assert all(name in article["text"] for name in article["cites"])


def test_copies_are_later_and_share_text_with_their_parent(corpus):
    by_id = {a["id"]: a for a in _articles(corpus)}
    kinds = Counter(a["copy_kind"] for a in by_id.values())
    assert kinds["verbatim"] and kinds["partial"] and kinds[None]
    for article in by_id.values():
        if article["copy_of"] is None:
            continue
        parent = by_id[article["copy_of"]]
        if "published" in article and "published" in parent:
            assert article["published"][:10] > parent["published"][:10]
        words = len(article["text"].split())
        shared = sum(len(p.split()) for p in article["text"].split("\n\n") if p in parent["text"])
        assert shared / words >= (0.7 if article["copy_kind"] == "verbatim" else 0.3)


def test_drift_lines_point_at_unique_phrases(corpus):
    by_id = {a["id"]: a for a in _articles(corpus)}
    position = {a["id"]: i for i, a in enumerate(_articles(corpus))}
    lines = _drift(corpus)
    assert {line["drift_type"] for line in lines} == DRIFT_TYPES
    for article, own in corpus:
        for line in own:
            assert line["article_id"] == article["id"]
            assert line["story"] == article["story"]
            earlier = by_id[line["earlier_id"]]
            assert earlier["story"] == article["story"]
            assert position[earlier["id"]] < position[article["id"]]
            if article["copy_of"]:
                assert line["earlier_id"] == article["copy_of"]
            assert article["text"].count(line["derivative_phrase"]) == 1
            assert earlier["text"].count(line["earlier_phrase"]) == 1
            assert line["derivative_phrase"] != line["earlier_phrase"]
            for phrase in (line["derivative_phrase"], line["earlier_phrase"]):
                assert 2 <= len(phrase.split()) <= 12


def test_story_sizes_heavy_tailed_around_six():
    rng = random.Random(0)
    sizes = [synth.story_size(rng) for _ in range(20000)]
    multi = [s for s in sizes if s > 1]
    assert max(sizes) <= 25
    assert 5.5 <= sum(multi) / len(multi) <= 6.5
    assert 0.08 <= sizes.count(1) / sum(sizes) <= 0.12  # singletons: about 10% of articles


def test_streams_lazily_in_bounded_memory():
    """Only the open stories' versions stay alive, however far the stream has run."""
    stream = synth.generate(10**9, 3)  # an eager generator would never come back
    bound = synth._WINDOW * 25
    live = []
    for _ in range(6):
        for _ in itertools.islice(stream, 300):
            continue
        live.append(sum(isinstance(o, synth._Doc) for o in gc.get_objects()))
    assert 0 < max(live) <= bound < 6 * 300
