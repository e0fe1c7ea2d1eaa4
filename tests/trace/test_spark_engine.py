"""The Spark engine on local[2]: the same trace as the local engine, bad input kept per article,
and the Parquet tables.

Skipped with a message where pyspark or a Java runtime is missing. Spark stays on loopback.
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

import newstrace
from newstrace.serialize import TABLE_COLUMNS, dumps_trace
from newstrace.trace.cache import LedgerCache
from newstrace.trace.options import TraceOptions

pytestmark = pytest.mark.slow

pyspark = pytest.importorskip("pyspark", reason="the Spark engine needs newstrace[spark]")
if shutil.which("java") is None:
    pytest.skip("the Spark engine needs a Java runtime (java on PATH)", allow_module_level=True)

from newstrace.engines.spark import spark_session, trace_on_spark  # noqa: E402

OPTIONS = TraceOptions()


@pytest.fixture(scope="module")
def spark():
    session = spark_session("local[2]", app_name="newstrace-tests")
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def spark_dev(spark, dev_corpus, tmp_path_factory):
    """The dev corpus traced on Spark, every article analysed on the executors."""
    cache = tmp_path_factory.mktemp("spark-ledgers")
    return trace_on_spark(spark, str(dev_corpus), OPTIONS, partitions=3, cache=str(cache))


def test_spark_traces_the_dev_corpus_exactly_as_the_local_engine(spark_dev, dev_trace):
    on_spark = json.loads(dumps_trace(spark_dev.collect()))
    local = json.loads(dumps_trace(dev_trace))
    assert [s["article_ids"] for s in on_spark["stories"]] == [
        s["article_ids"] for s in local["stories"]
    ]
    for ours, theirs in zip(on_spark["stories"], local["stories"], strict=True):
        for part in ("origin", "copies", "citations", "families", "drift"):
            assert ours[part] == theirs[part], f"{ours['id']}: {part} differs"
    assert on_spark == local


def test_parquet_tables_hold_every_article_claim_and_story(spark, spark_dev, dev_trace, tmp_path):
    spark_dev.write_parquet(spark, str(tmp_path))
    tables = {name: spark.read.parquet(str(tmp_path / f"{name}.parquet")) for name in TABLE_COLUMNS}
    for name, frame in tables.items():
        assert frame.columns == [column for column, _ in TABLE_COLUMNS[name]]
    assert tables["articles"].count() == len(dev_trace.articles)
    assert tables["stories"].count() == len(dev_trace.stories)
    assert tables["drift"].count() == sum(len(s.drift) for s in dev_trace.stories)
    assert tables["copies"].count() == sum(len(s.copies) for s in dev_trace.stories)
    assert tables["claims"].select("article_id").distinct().count() == len(dev_trace.articles)


def test_work_done_again_over_what_a_killed_task_left_duplicates_nothing(
    spark, spark_dev, dev_corpus, dev_trace, tmp_path
):
    """A task Spark retries starts over from its input; the one side effect it finds is the
    ledger cache as the killed attempt left it: some ledgers written, one file half written."""
    folder = tmp_path / "ledgers"
    cache = LedgerCache(folder)
    ledgers = spark_dev.ledgers.collect()
    for ledger in ledgers[4:]:  # four left for the retried task to analyse
        cache.put(ledger)
    half_written = next(folder.iterdir()) / "tmp1234.part"
    half_written.write_text('{"article": {"te', encoding="utf-8")

    again = trace_on_spark(spark, str(dev_corpus), OPTIONS, partitions=3, cache=str(folder))
    assert dumps_trace(again.collect()) == dumps_trace(dev_trace)
    again.write_parquet(spark, str(tmp_path / "tables"))
    articles = spark.read.parquet(str(tmp_path / "tables" / "articles.parquet"))
    assert articles.count() == articles.select("id").distinct().count() == len(dev_trace.articles)
    assert len(list(folder.glob("*/*.json"))) == len(ledgers)


def test_a_corpus_spread_over_more_partitions_than_it_was_read_in_traces_the_same(
    spark, dev_corpus, dev_trace, dev_ledgers
):
    """By default a partition holds at most ``articles_per_partition`` articles; with 20, the
    68 development articles read in 2 partitions are spread over 4."""
    options = TraceOptions(articles_per_partition=20)
    spread = trace_on_spark(spark, str(dev_corpus), options, cache=str(dev_ledgers))
    assert spread.articles.getNumPartitions() >= 4
    assert dumps_trace(spread.collect()) == dumps_trace(dev_trace)


def test_bad_lines_and_duplicate_ids_are_kept_per_article_as_locally(spark, tmp_path):
    good = {
        "id": "quay",
        "outlet": "Pellin Gazette",
        "published": "2025-02-10",
        "text": "Engineers closed the Pellin Quay swing bridge on Monday after finding rusted "
        "gears, the harbour board said. Buses will be diverted for six weeks.",
    }
    lines = [
        json.dumps(good),
        "{not json",
        json.dumps({"id": "empty", "text": "   "}),
        json.dumps({**good, "published": "the tenth of never"}),  # duplicate id, bad date
        json.dumps({"id": "no-text"}),
    ]
    corpus = tmp_path / "mixed.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    on_spark = trace_on_spark(spark, str(corpus), OPTIONS, partitions=2).collect()
    local = newstrace.trace(corpus, cache=tmp_path / "ledgers").trace
    assert on_spark == local
    statuses = {a.id: (a.status.value, a.error[0] if a.error else None) for a in on_spark.articles}
    assert len(statuses) == len(lines)
    assert statuses["quay"] == ("ok", None) and statuses["quay-2"] == ("ok", None)
    assert sum(status == "error" for status, _ in statuses.values()) == 3


def test_parquet_input_gives_the_trace_of_the_same_articles_as_jsonl(
    spark, dev_corpus, dev_trace, dev_ledgers, tmp_path
):
    rows = [json.loads(line) for line in dev_corpus.read_text(encoding="utf-8").splitlines()]
    columns = ("id", "text", "url", "outlet", "published", "title")
    frame = spark.createDataFrame(
        [tuple(row.get(c) for c in columns) for row in rows],
        ", ".join(f"{c} string" for c in columns),
    )
    frame.coalesce(1).write.parquet(str(tmp_path / "dev.parquet"))
    cache = str(dev_ledgers)  # the same articles: only the reading is new
    on_spark = trace_on_spark(spark, str(tmp_path / "dev.parquet"), OPTIONS, cache=cache)
    on_spark = on_spark.collect()
    assert [s.article_ids for s in on_spark.stories] == [s.article_ids for s in dev_trace.stories]
    assert [s.drift for s in on_spark.stories] == [s.drift for s in dev_trace.stories]


def test_a_web_archive_is_read_page_by_page_with_failures_kept(spark, tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    page = (
        "<html><head><title>{0}</title></head><body><article><h1>{0}</h1><p>{1}</p>"
        "</article></body></html>"
    )
    captures = [
        (
            "https://gazette.example/ferry",
            "text/html",
            page.format(
                "Ferry to resume",
                "The harbour council in Quillmere said on Monday that the island ferry would "
                "resume next week. Captain Odile Marsh told reporters the repairs were finished.",
            ),
        ),
        ("https://gazette.example/logo.png", "image/png", "not a page"),
    ]
    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for uri, kind, body in captures:
            http = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    uri, "response", payload=io.BytesIO(body.encode()), http_headers=http
                )
            )
    on_spark = trace_on_spark(spark, str(path), OPTIONS).collect()
    local = newstrace.trace(path, cache=tmp_path / "ledgers").trace
    assert on_spark == local
    assert [a.status.value for a in on_spark.articles] == ["ok", "error"]


@pytest.mark.shared
def test_spark_traces_real_retellings_exactly_as_the_local_engine(spark, shared_path, ledger_cache):
    """Real page text (chrome, partial dates, undated versions, gists and the learnt
    same-story model) gives the same trace on both engines; the ledgers come from one cache
    (the session's, where the real-trace floors left them)."""
    corpus = shared_path("datasets/real-stories/tech/articles.jsonl")
    cache = str(ledger_cache)
    local = json.loads(dumps_trace(newstrace.trace(corpus, cache=cache).trace))
    on_spark = trace_on_spark(spark, str(corpus), OPTIONS, partitions=3, cache=cache)
    assert json.loads(dumps_trace(on_spark.collect())) == local


def test_versions_in_another_language_are_placed_as_locally(spark, tmp_path):
    """A translation joins its story on both engines, an unrelated one joins none."""
    corpus = Path(__file__).resolve().parents[1] / "fixtures" / "trace" / "other_languages.jsonl"
    cache = str(tmp_path / "ledgers")
    local = json.loads(dumps_trace(newstrace.trace(corpus, cache=cache).trace))
    on_spark = trace_on_spark(spark, str(corpus), OPTIONS, partitions=2, cache=cache)
    assert json.loads(dumps_trace(on_spark.collect())) == local
    assert any(story["other_language_ids"] == ["de-1"] for story in local["stories"])
