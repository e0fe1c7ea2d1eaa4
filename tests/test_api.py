"""The front door: what the CLI, the web app and Python users call (``newstrace.api``)."""

from __future__ import annotations

import json

import pytest

import newstrace
from newstrace.api import default_cache
from newstrace.errors import UsageError
from newstrace.ingest import InputLimits

FERRY = (
    "The Quillmere ferry will resume its winter crossings on Monday, the harbour council said, "
    "after engineers replaced a cracked ramp at the north slipway."
)
REPORT = (
    "Engineers closed the Pellin Quay swing bridge on Monday after finding rusted gears, the "
    "Pellin harbour board said. Buses will use Marlow Street for six weeks while the gears are "
    "replaced, and traders on the quay fear a quiet spring market."
)


def _corpus(tmp_path, rows):
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(json.dumps(row) for row in rows), encoding="utf-8")
    return path


def test_a_batch_gives_every_input_in_order_with_its_ledger_or_error(tmp_path):
    corpus = _corpus(
        tmp_path, [{"id": "ferry", "text": FERRY}, {"id": "empty", "text": " "}, "not an object"]
    )
    results = list(newstrace.analyze_many(corpus))
    assert [r.name for r in results] == ["ferry", "corpus:2", "corpus:3"]  # failed: by line
    assert results[0].ledger is not None and results[0].error is None
    assert [r.error.code for r in results[1:]] == ["E102", "E105"]


def test_a_written_batch_has_a_file_per_ledger_and_an_index_of_all(tmp_path):
    corpus = _corpus(tmp_path, [{"id": "ferry", "text": FERRY}, {"id": "empty", "text": ""}])
    seen = []
    written = newstrace.analyze_many(corpus).write(tmp_path / "out", each=seen.append)
    index = json.loads(written.index_json.read_text(encoding="utf-8"))
    assert index["schema"] == "newstrace.index/1"
    assert [(row["name"], row["status"]) for row in index["inputs"]] == [
        ("ferry", "ok"),
        ("corpus:2", "error"),
    ]
    assert index["inputs"][0]["output"] == "ferry.json"
    assert json.loads((tmp_path / "out" / "ferry.json").read_text(encoding="utf-8"))["claims"]
    assert [a.name for a in written.failed] == ["corpus:2"] and len(seen) == 2


def test_a_batch_streams_once(tmp_path):
    batch = newstrace.analyze_many(_corpus(tmp_path, [{"text": FERRY}]))
    list(batch)
    with pytest.raises(UsageError):
        list(batch)


def test_limits_bound_what_is_read(tmp_path):
    corpus = _corpus(tmp_path, [{"id": "ferry", "text": FERRY}])
    [result] = newstrace.analyze_many(corpus, limits=InputLimits(markup_bytes=40))
    assert result.error is not None and result.error.code == "E108"


def test_a_trace_reads_its_options(tmp_path):
    """Two copies of one report form one story, unless the options forbid any link."""
    rows = [
        {"id": "gazette", "outlet": "Pellin Gazette", "published": "2025-02-10", "text": REPORT},
        {"id": "wire", "outlet": "Shore Wire", "published": "2025-02-11", "text": REPORT},
    ]
    corpus, cache = _corpus(tmp_path, rows), tmp_path / "ledgers"
    together = newstrace.trace(corpus, cache=cache).trace
    assert [s.article_ids for s in together.stories] == [("gazette", "wire")]
    strict = newstrace.TraceOptions(copy_min_shared=10_000, same_story_threshold=1.01)
    apart = newstrace.trace(corpus, cache=cache, options=strict).trace
    assert [s.article_ids for s in apart.stories] == [("gazette",), ("wire",)]


def test_a_written_trace_has_its_files_and_index(tmp_path):
    corpus = _corpus(tmp_path, [{"id": "ferry", "text": FERRY}, {"id": "bad", "text": ""}])
    with newstrace.trace(corpus) as result:
        written = result.write(tmp_path / "out")
    assert written.files is not None and written.parquet is None
    index = json.loads(written.files.index_json.read_text(encoding="utf-8"))
    rows = {row["name"]: row for row in index["inputs"]}
    assert rows["ferry"]["story_id"] == "story-1"
    assert rows["corpus:2"]["error"]["code"] == "E102" and "story_id" not in rows["corpus:2"]
    assert result.articles == 2 and result.failed == 1


@pytest.mark.parametrize(
    "call",
    [
        lambda corpus: newstrace.trace(corpus, engine="dask"),
        lambda corpus: newstrace.trace(corpus, jobs=0),
        lambda corpus: newstrace.analyze_many(corpus, jobs=0),
        lambda corpus: newstrace.analyze_many(corpus).write(corpus.parent, format="pdf"),
    ],
)
def test_wrong_options_are_usage_errors(tmp_path, call):
    with pytest.raises(UsageError) as raised:
        call(_corpus(tmp_path, [{"text": FERRY}]))
    assert raised.value.code == "E001" and raised.value.exit_code == 2


def test_ledgers_are_cached_beside_the_output_except_on_a_spark_cluster(tmp_path):
    assert default_cache(tmp_path) == tmp_path / "cache"
    assert default_cache(tmp_path, "spark", "local[2]") == tmp_path / "cache"
    assert default_cache(tmp_path, "spark", "spark://head:7077") is None


def test_the_stage_packages_do_not_shadow_the_front_door():
    import newstrace.analyze.pipeline  # noqa: F401
    import newstrace.trace.stories  # noqa: F401

    assert callable(newstrace.trace) and callable(newstrace.analyze)
