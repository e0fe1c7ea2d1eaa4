"""The Spark engine: the same trace stages as the local engine, scheduled on a Spark cluster.

Nothing here decides anything about articles; every decision is a stage function shared
with the local engine. Spark only moves data between them:

1. read: JSONL lines, Parquet rows or WARC files become input items (the ingest functions);
   names are made unique in input order on the driver (a short string per article);
2. outlets: :class:`OutletVotes` per partition, added up;
3. analyse and index, ``mapPartitions`` with one pipeline per partition
   (:func:`~newstrace.engines.local.analyze_stream`, :func:`index_article`); ledgers may be
   read from and written to a shared ledger cache;
4. term weights: document frequencies counted across the cluster, then each article's unit
   vectors (:func:`unit_weights`) and keywords on the executors;
5. candidates: the keys of :func:`shingle_keys`, :func:`band_keys` and
   :func:`blocking_terms` joined by key (``groupByKey`` + :func:`posting_pairs`), and each
   candidate pair measured next to its two articles (:func:`measure_copy`, :func:`linked`);
6. grouping on the driver over the linked pairs (:func:`join_groups`; one tuple per link);
7. per story, grouped by story id: :func:`build_story`.

A task Spark retries recomputes the same rows (every function is pure; the cache skips
ledgers it already holds), so no output is duplicated. Failed articles stay in the articles
table with their error, as in the local engine.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pyspark import StorageLevel

from newstrace.engines.local import analyze_stream
from newstrace.errors import InputError, InputNotFoundError
from newstrace.ingest import InputItem
from newstrace.ingest.json_article import article_from_mapping
from newstrace.ingest.jsonl import jsonl_line_item
from newstrace.ingest.load import finish, load_item
from newstrace.ingest.read import UniqueNames, named
from newstrace.ingest.warc import warc_stream_items
from newstrace.model import ArticleStatus, CopyEdge, Ledger, Story, Trace
from newstrace.serialize import TABLE_COLUMNS, article_row, claim_rows, story_rows
from newstrace.trace.blocking import posting_pairs
from newstrace.trace.cache import LedgerCache
from newstrace.trace.citations import OutletNames, outlet_key
from newstrace.trace.copies import (
    MAX_POSTING as COPY_POSTING,
)
from newstrace.trace.copies import (
    MIN_SAMPLED_SHARED,
    better_original,
    copy_edges,
    measure_copy,
    shingle_keys,
    to_root,
)
from newstrace.trace.corpus import (
    IndexedArticle,
    OutletVotes,
    StoryMember,
    build_story,
    index_article,
    ledger_as_traced,
    with_outlet,
)
from newstrace.trace.fingerprint import is_specific
from newstrace.trace.stories import (
    MAX_POSTING as STORY_POSTING,
)
from newstrace.trace.stories import (
    MIN_SHARED_KEYWORDS,
    SAME_STORY_COSINE,
    TermSpace,
    band_keys,
    blocking_terms,
    cosine_of,
    inverse_frequencies,
    join_groups,
    keywords_of,
    linked,
    unit_weights,
)

# Unless told otherwise, a partition per this many articles (and at least one per core):
# 50,000 articles in 2 partitions spilled and grew superlinearly, in 8 they stayed linear.
ARTICLES_PER_PARTITION = 5_000
# Above this many articles the trace is only written as Parquet tables, not collected into
# trace.json and report.html on the driver.
SMALL_TRACE = 50_000
# Analysed and weighed articles are reused by several stages: when they do not fit in memory
# they go to disk rather than being dropped and recomputed (which re-reads every ledger).
_SPILL = StorageLevel.MEMORY_AND_DISK
# Spark stays on this machine's loopback unless a master URL (or spark-submit) says otherwise.
LOOPBACK = {
    "spark.driver.bindAddress": "127.0.0.1",
    "spark.driver.host": "127.0.0.1",
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
}


@dataclass(frozen=True, slots=True)
class _Analysed:
    """One input after analysis: its place in the input, its index entry, its ledger."""

    position: int
    indexed: IndexedArticle
    ledger: Ledger | None


@dataclass(frozen=True, slots=True)
class _Weighed:
    """An analysed article's index entry with its term vectors and keywords (``number``: its
    index among the analysed articles, in input order). The ledger stays behind: the
    candidate stages pass over these rows many times and never read it."""

    number: int
    position: int
    indexed: IndexedArticle
    vector: dict[str, float]
    specifics: dict[str, float]
    keywords: list[str]


def spark_session(master: str | None = None, app_name: str = "newstrace"):
    """A Spark session. Under ``spark-submit`` its settings rule; otherwise ``master``, and
    with no master (or ``local[...]``) it runs here, bound to loopback only."""
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app_name)
    if master:
        builder = builder.master(master)
    submitted = "PYSPARK_GATEWAY_PORT" in os.environ  # spark-submit started this driver
    if not submitted and (not master or master.startswith("local")):
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # workers see this install
        for key, value in LOOPBACK.items():
            builder = builder.config(key, value)
        if "SPARK_DRIVER_MEMORY" not in os.environ:
            for key in ("spark.driver.memory", "spark.driver.maxResultSize"):
                builder = builder.config(key, local_memory())
    return builder.getOrCreate()


def local_memory() -> str:
    """The heap of a Spark run on this machine: a quarter of its memory, at least 1 GB.

    Run locally, the executors live in the driver, and Spark's default (1 GB) loses task
    results from 50,000 articles on. ``SPARK_DRIVER_MEMORY`` overrides it."""
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (AttributeError, ValueError, OSError):  # no sysconf (Windows)
        return "1g"
    return f"{max(1, total // 4 // 2**30)}g"


@dataclass
class SparkTrace:
    """A trace held by Spark: the traced articles (placed in their stories, in input order),
    the stories and the analysed ledgers, as RDDs. Write it as Parquet tables at any size;
    collect it into a :class:`Trace` when it fits in the driver."""

    articles: Any  # RDD[(position, TracedArticle)]
    stories: Any  # RDD[Story]
    ledgers: Any  # RDD[Ledger]

    def count(self) -> int:
        return self.articles.count()

    def failed(self) -> int:
        return self.articles.filter(lambda pa: pa[1].status == ArticleStatus.ERROR).count()

    def collect(self) -> Trace:
        stories = sorted(self.stories.collect(), key=lambda story: _story_number(story.id))
        return Trace(tuple(self.articles.sortByKey().values().collect()), tuple(stories))

    def write_parquet(self, spark, out: str) -> None:
        """``OUT/<table>.parquet`` for every table of :data:`TABLE_COLUMNS`."""
        rows = {
            "articles": self.articles.sortByKey().values().map(article_row),
            "claims": self.ledgers.flatMap(claim_rows),
        }
        for table in ("stories", "copies", "citations", "drift"):
            rows[table] = self.stories.flatMap(lambda story, t=table: story_rows(story)[t])
        for table, columns in TABLE_COLUMNS.items():
            schema = ", ".join(f"`{name}` {kind}" for name, kind in columns)
            frame = spark.createDataFrame(
                rows[table].map(lambda row, c=columns: tuple(row[n] for n, _ in c)), schema
            )
            frame.write.mode("overwrite").parquet(f"{out.rstrip('/')}/{table}.parquet")


def trace_on_spark(
    spark, source: str, *, partitions: int | None = None, cache: str | None = None
) -> SparkTrace:
    """The story trace of ``source`` (JSONL, Parquet or WARC, any path Spark reads).

    ``partitions``: how many to analyse and join in (default: one per
    :data:`ARTICLES_PER_PARTITION` articles, at least one per core). ``cache``: a ledger
    cache folder every executor can reach (a shared file system).
    """
    sc = spark.sparkContext
    items, count = _unique(_read_items(spark, source, partitions or sc.defaultParallelism))
    if not partitions:  # None or 0: choose
        partitions = max(sc.defaultParallelism, -(-count // ARTICLES_PER_PARTITION))
    if items.getNumPartitions() < partitions:
        items = items.partitionBy(partitions)  # by input position: an even spread
    votes = items.mapPartitions(lambda part: [OutletVotes.of(item for _, item in part)]).reduce(
        lambda a, b: a + b
    )
    by_host = votes.hosts()
    hosts = sc.broadcast(by_host)
    outlets = sc.broadcast(OutletNames(votes.names | set(by_host.values())))
    analysed = items.mapPartitions(
        lambda part: _analyse(part, hosts.value, outlets.value, cache)
    ).persist(_SPILL)
    index = analysed.map(lambda a: (a.position, a.indexed)).persist(_SPILL)
    ledgers = analysed.filter(lambda a: a.ledger is not None).map(lambda a: (a.position, a.ledger))
    weighed = _weigh(sc, index)
    copies = _copies(weighed, partitions)
    groups = _groups(weighed, copies, partitions)
    story_of = sc.parallelize(
        [(n, f"story-{k}") for k, members in enumerate(groups, start=1) for n in members],
        partitions,
    )
    placed = weighed.map(lambda w: (w.number, w)).join(story_of).values()
    copies_of = sc.broadcast({edge.article_id: edge for edge in copies})
    stories = (
        placed.map(lambda ws: (ws[0].position, ws))
        .join(ledgers)
        .map(lambda kv: (kv[1][0][1], (kv[1][0][0], kv[1][1])))
        .groupByKey()
        .map(lambda kv: _story(kv[0], kv[1], copies_of.value, outlets.value))
        .persist(_SPILL)  # read by every story table and by collect: built once
    )
    story_by_position = placed.map(lambda ws: (ws[0].position, ws[1]))
    articles = (
        index.mapValues(lambda indexed: indexed.traced)
        .leftOuterJoin(story_by_position)
        .mapValues(lambda ts: replace(ts[0], story_id=ts[1]))
        .persist(_SPILL)
    )
    return SparkTrace(articles, stories, ledgers.values())


def _story_number(story_id: str) -> int:
    return int(story_id.rsplit("-", 1)[1])


def _read_items(spark, source: str, partitions: int):
    """(position, item) pairs of every input, positions in input order."""
    if "://" not in source and not Path(source).exists():
        raise InputNotFoundError(f"{source}: no such file or directory")
    name = source.rstrip("/").lower()
    sc = spark.sparkContext
    if name.endswith((".jsonl", ".jsonl.gz")):
        label = Path(source.rstrip("/")).name.split(".")[0]
        # bytes, not text: a line that is not UTF-8 fails alone, as in the local reader
        lines = sc.textFile(source, partitions, use_unicode=False).zipWithIndex()
        items = lines.map(lambda li: (li[1], jsonl_line_item(li[0], li[1] + 1, label, source)))
        return items.filter(lambda pi: pi[1] is not None)  # blank lines, as the local reader
    if name.endswith(".parquet"):
        rows = spark.read.parquet(source).rdd.zipWithIndex()
        return rows.map(lambda ri: (ri[1], _row_item(ri[0].asDict(), ri[1] + 1, source)))
    if name.endswith((".warc", ".warc.gz")) or _holds_warcs(source):
        files = sc.binaryFiles(source, partitions).sortByKey()
        numbered = files.flatMap(lambda pf: list(_warc_items(*pf))).zipWithIndex()
        return numbered.map(lambda it: (it[1], it[0]))
    raise InputError(f"{source}: the Spark engine reads .jsonl, .parquet and .warc(.gz) paths")


def _holds_warcs(source: str) -> bool:
    path = Path(source)
    return path.is_dir() and any(
        p.name.lower().endswith((".warc", ".warc.gz")) for p in path.iterdir()
    )


def _row_item(row: dict[str, Any], number: int, origin: str) -> InputItem:
    """A Parquet row, read through the same checks as a JSON article."""
    where = f"{origin}#{number}"
    value = {k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in row.items()}
    return load_item(f"row-{number}", where, lambda: finish(article_from_mapping(value, where), ()))


def _warc_items(uri: str, content: bytes) -> Iterator[InputItem]:
    """The items of one archive Spark read as bytes; a local file keeps its plain path."""
    path = urlsplit(uri).path if uri.startswith("file:") else uri
    return warc_stream_items(io.BytesIO(content), Path(path))


def _unique(items):
    """Items renamed as the local engine names them (repeats get ``-2``, ``-3`` ... in input
    order), and how many there are. Only the names travel to the driver."""
    names = items.map(lambda pi: (pi[0], pi[1].name)).sortByKey().collect()
    taken = UniqueNames()
    renamed = {position: new for position, old in names if (new := taken.take(old)) != old}
    renames = items.context.broadcast(renamed)
    unique = items.map(lambda pi: (pi[0], named(pi[1], renames.value.get(pi[0], pi[1].name))))
    return unique, len(names)


def _analyse(
    part: Iterable[tuple[int, InputItem]],
    hosts: dict[str, str],
    outlets: OutletNames,
    cache_dir: str | None,
) -> Iterator[_Analysed]:
    """Analyse one partition with one pipeline (loaded lazily, only if something is new)."""
    cache = LedgerCache(Path(cache_dir)) if cache_dir else None
    items = [(position, with_outlet(item, hosts)) for position, item in part]

    def inputs():
        for _, item in items:
            if item.error is not None:
                yield item.error
            else:
                assert item.article is not None  # an item has its article or its error
                yield (cache.get(item.article) if cache else None) or item.article

    for (position, item), result in zip(items, analyze_stream(inputs()), strict=True):
        if cache is not None and isinstance(result, Ledger):
            cache.put(result)
        indexed = index_article(item, result, outlets)
        ledger = result if isinstance(result, Ledger) else None
        if ledger is not None:
            ledger = ledger_as_traced(ledger, indexed.traced)
        yield _Analysed(position, indexed, ledger)


def _weigh(sc, index):
    """The analysed articles (``(position, IndexedArticle)``) numbered in input order, with
    their vectors and keywords."""
    ok = index.filter(lambda pi: pi[1].traced.status == ArticleStatus.OK).sortByKey().zipWithIndex()
    total = ok.count()
    terms = ok.flatMap(lambda pin: [(t, 1) for t in pin[0][1].print_.terms])
    df = terms.reduceByKey(lambda a, b: a + b).collectAsMap()
    idf = sc.broadcast(inverse_frequencies(df, total))
    specific_idf = sc.broadcast(
        inverse_frequencies({t: n for t, n in df.items() if is_specific(t)}, total)
    )

    def weigh(pin: tuple[tuple[int, IndexedArticle], int]) -> _Weighed:
        (position, indexed), number = pin
        terms = indexed.print_.terms
        vector = unit_weights(terms, idf.value)
        specifics = unit_weights(terms, specific_idf.value, is_specific)
        return _Weighed(number, position, indexed, vector, specifics, keywords_of(vector))

    return ok.map(weigh).persist(_SPILL)


def _copies(weighed, partitions: int) -> list[CopyEdge]:
    """Copy edges: sampled shingles joined by key, candidates measured beside both texts."""
    keys = weighed.flatMap(lambda w: [(key, w.number) for key in shingle_keys(w.indexed.print_)])
    pairs = (
        keys.groupByKey()
        .flatMap(lambda kv: [(pair, 1) for pair in posting_pairs(kv[1], COPY_POSTING)])
        .reduceByKey(lambda a, b: a + b)
        .filter(lambda pc: pc[1] >= MIN_SAMPLED_SHARED)
        .keys()
    )
    # only what measuring needs travels with each pair: the fingerprint, credits, specifics
    slim = weighed.map(
        lambda w: (
            w.number,
            (
                w.indexed.print_,
                {outlet_key(c.cited) for c in w.indexed.citations},
                w.specifics,
            ),
        )
    )
    both = _beside(pairs, slim, partitions)

    def measure(pair_ab):
        (i, j), ((print_a, cites_a, specifics_a), (print_b, cites_b, specifics_b)) = pair_ab
        cites = {print_a.article_id: cites_a, print_b.article_id: cites_b}
        found = measure_copy(
            (i, j), print_a, print_b, cites, lambda: cosine_of(specifics_a, specifics_b)
        )
        return [] if found is None else [found]

    best = dict(both.flatMap(measure).reduceByKey(better_original).collect())
    # only copies of copies need their texts again, to find the root they took words from
    in_chains = set()
    for copier, chosen in best.items():
        if chosen.original in best:
            in_chains |= {copier, chosen.original, best[chosen.original].original}
    prints = dict(
        weighed.filter(lambda w: w.indexed.traced.id in in_chains)
        .map(lambda w: (w.indexed.traced.id, w.indexed.print_))
        .collect()
    )
    return copy_edges(to_root(best, prints.__getitem__))


def _beside(pairs, rows, partitions: int):
    """Each pair ``(i, j)`` with the two articles' rows: ``((i, j), (row i, row j))``.

    The rows are hash-partitioned by article once; the pairs go to row i's partition, then
    with row i to row j's, so both joins are local and one row per pair crosses the network
    (PySpark skips the shuffle of a join whose sides share a partitioner)."""
    rows = rows.partitionBy(partitions)
    with_first = pairs.partitionBy(partitions).join(rows, partitions)  # (i, (j, row i))
    by_second = with_first.map(lambda kv: (kv[1][0], (kv[0], kv[1][1]))).partitionBy(partitions)
    both = by_second.join(rows, partitions)  # (j, ((i, row i), row j))
    return both.map(lambda kv: ((kv[1][0][0], kv[0]), (kv[1][0][1], kv[1][1])))


def _groups(weighed, copies: list[CopyEdge], partitions: int) -> list[list[int]]:
    """Stories as lists of article numbers: candidates by LSH band and blocking term, linked
    beside both articles, joined on the driver."""
    bands = weighed.mapPartitions(
        lambda part: [(key, w.number) for w, keys in _with_bands(list(part)) for key in keys]
    )
    by_band = bands.groupByKey().flatMap(lambda kv: list(posting_pairs(kv[1], None)))
    shared_terms = (
        weighed.flatMap(lambda w: [(t, w.number) for t in blocking_terms(w.keywords)])
        .groupByKey()
        .flatMap(lambda kv: [(pair, 1) for pair in posting_pairs(kv[1], STORY_POSTING)])
        .reduceByKey(lambda a, b: a + b)
        .filter(lambda pc: pc[1] >= MIN_SHARED_KEYWORDS)
        .keys()
    )
    pairs = by_band.union(shared_terms).distinct()
    slim = weighed.map(lambda w: (w.number, (w.vector, w.specifics, w.indexed.print_.published)))

    def link(pair_ab):
        (i, j), ((vector_a, specifics_a, date_a), (vector_b, specifics_b, date_b)) = pair_ab
        cosine = cosine_of(vector_a, vector_b)
        if cosine < SAME_STORY_COSINE:
            return []
        specific = cosine_of(specifics_a, specifics_b)
        return [(i, j, specific)] if linked(cosine, specific, date_a, date_b) else []

    links = _beside(pairs, slim, partitions).flatMap(link).collect()
    numbered = weighed.map(lambda w: (w.number, w.indexed.traced.id, w.specifics))
    rows = sorted(numbered.collect(), key=lambda row: row[0])
    number_of = {article_id: number for number, article_id, _ in rows}
    specifics = TermSpace.of_vectors([vector for _, _, vector in rows])
    joined = [(number_of[e.article_id], number_of[e.copy_of]) for e in copies]
    return join_groups(specifics, joined, links)


def _with_bands(part: list[_Weighed]):
    return zip(part, band_keys([w.keywords for w in part]), strict=True)


def _story(story_id: str, rows: Iterable[tuple[_Weighed, Ledger]], copies_of, outlets) -> Story:
    members = [
        StoryMember(ledger, w.indexed.print_, w.indexed.citations, w.vector)
        for w, ledger in sorted(rows, key=lambda row: row[0].number)
    ]
    return build_story(story_id, members, copies_of, outlets)


if __name__ == "__main__":  # spark-submit .../newstrace/engines/spark.py CORPUS -o OUTDIR
    from newstrace.cli import main

    sys.exit(main(["trace", *sys.argv[1:], "--engine", "spark"]))
