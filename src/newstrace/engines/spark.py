"""The Spark engine: the same trace stages as the local engine, scheduled on a Spark cluster.

Nothing here decides anything about articles; every decision is a stage function shared
with the local engine. Spark only moves data between them:

1. read: JSONL lines, Parquet rows or WARC files become input items (the ingest functions);
   names are made unique in input order on the driver (a short string per article);
2. outlets: :class:`OutletVotes` per partition, added up;
3. analyse and index, ``mapPartitions`` with one pipeline per partition
   (:func:`~newstrace.engines.local.analyze_items`, :func:`index_article`); ledgers may be
   read from and written to a shared ledger cache;
4. term weights: document frequencies counted across the cluster into one
   :class:`Vocabulary`, then each article weighed (:func:`weigh`) on the executors;
5. candidates: the keys of :func:`shingle_keys`, :func:`band_keys` and
   :func:`blocking_terms` joined by key (``groupByKey`` + :func:`posting_pairs`), and each
   candidate pair measured next to its two articles' slim rows (:func:`measure_copy`,
   :func:`link`);
6. grouping on the driver over the linked pairs (:func:`join_groups`; one tuple per link,
   and each article's slim row, gist included: the nearest heads in meaning are found
   there too, :func:`gist_neighbours`);
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

from newstrace.engines.local import analyze_items
from newstrace.errors import InputError, InputNotFoundError
from newstrace.ingest import InputItem, InputLimits
from newstrace.ingest.json_article import article_from_mapping
from newstrace.ingest.jsonl import jsonl_line_item
from newstrace.ingest.load import finish, load_item
from newstrace.ingest.read import UniqueNames, named
from newstrace.ingest.warc import warc_stream_items
from newstrace.model import ArticleStatus, CopyEdge, Ledger, Story, Trace
from newstrace.serialize import TABLE_COLUMNS, article_row, claim_rows, story_rows
from newstrace.trace.blocking import posting_pairs
from newstrace.trace.cache import GistCache, LedgerCache
from newstrace.trace.citations import OutletNames
from newstrace.trace.copies import (
    CopyRow,
    better_original,
    copy_edges,
    in_chains,
    measure_copy,
    shingle_keys,
    to_root,
)
from newstrace.trace.embed import encoder_provenance, gists
from newstrace.trace.index import (
    IndexedArticle,
    OutletVotes,
    WeighedArticle,
    index_article,
    ledger_as_traced,
    weigh,
    with_outlet,
)
from newstrace.trace.options import TraceOptions
from newstrace.trace.other_languages import Specifics, placements
from newstrace.trace.same_story import same_story_model
from newstrace.trace.stories import (
    LinkRow,
    band_keys,
    blocking_terms,
    gist_neighbours,
    join_groups,
    link,
)
from newstrace.trace.story import StoryMember, build_stories
from newstrace.trace.vectors import Vocabulary

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
    """An analysed article weighed for the candidate stages, with its place in the input and
    its index entry (the fingerprint lives in ``article``). The ledger stays behind: the
    candidate stages pass over these rows many times and never read it."""

    position: int
    indexed: IndexedArticle
    article: WeighedArticle


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
    spark,
    source: str,
    options: TraceOptions,
    *,
    partitions: int | None = None,
    cache: str | None = None,
) -> SparkTrace:
    """The story trace of ``source`` (JSONL, Parquet or WARC, any path Spark reads).

    ``partitions``: how many to analyse and join in (default: one per
    ``options.articles_per_partition`` articles, at least one per core). ``cache``: a ledger
    cache folder every executor can reach (a shared file system).
    """
    sc = spark.sparkContext
    read = _read_items(spark, source, partitions or sc.defaultParallelism, options.input_limits)
    items, count = _unique(read)
    if not partitions:  # None or 0: choose
        partitions = max(sc.defaultParallelism, -(-count // options.articles_per_partition))
    if items.getNumPartitions() < partitions:
        items = items.partitionBy(partitions)  # by input position: an even spread
    votes = items.mapPartitions(lambda part: [OutletVotes.of(item for _, item in part)]).reduce(
        lambda a, b: a + b
    )
    hosts = sc.broadcast(votes.hosts())
    outlets = sc.broadcast(votes.outlets())
    analysed = items.mapPartitions(
        lambda part: _analyse(part, hosts.value, outlets.value, cache)
    ).persist(_SPILL)
    index = analysed.map(lambda a: (a.position, a.indexed)).persist(_SPILL)
    ledgers = analysed.filter(lambda a: a.ledger is not None).map(lambda a: (a.position, a.ledger))
    weighed = _weigh(sc, index, options, cache)
    copies = _copies(weighed, options, partitions)
    groups = _groups(weighed, copies, options, partitions)
    story_of = sc.parallelize(
        [(n, f"story-{k}") for k, members in enumerate(groups, start=1) for n in members],
        partitions,
    )
    placed = weighed.map(lambda w: (w.article.number, w)).join(story_of).values()
    copies_of = sc.broadcast({edge.article_id: edge for edge in copies})
    stories = (
        placed.map(lambda ws: (ws[0].position, ws))
        .join(ledgers)
        .map(lambda kv: (kv[1][0][1], (kv[1][0][0], kv[1][1])))
        .groupByKey()
        .mapPartitions(lambda part: _stories(part, copies_of.value, outlets.value, options, cache))
        .persist(_SPILL)  # read by every story table and by collect: built once
    )
    others = _other_languages(index, placed)
    if others:
        stories = stories.map(
            lambda story: replace(story, other_language_ids=tuple(others.get(story.id, ())))
        ).persist(_SPILL)
    story_by_position = placed.map(lambda ws: (ws[0].position, ws[1]))
    if others:
        story_of_other = {a: story_id for story_id, ids in others.items() for a in ids}
        story_by_position = story_by_position.union(
            index.filter(lambda pi: pi[1].traced.id in story_of_other).map(
                lambda pi: (pi[0], story_of_other[pi[1].traced.id])
            )
        )
    articles = (
        index.mapValues(lambda indexed: indexed.traced)
        .leftOuterJoin(story_by_position)
        .mapValues(lambda ts: replace(ts[0], story_id=ts[1]))
        .persist(_SPILL)
    )
    return SparkTrace(articles, stories, ledgers.values())


def _other_languages(index, placed) -> dict[str, list[str]]:
    """Story id -> the versions in another language placed in it (see
    :mod:`~newstrace.trace.other_languages`); the stories' names and numbers are gathered
    only when the corpus has such versions."""
    others = (
        index.filter(lambda pi: pi[1].traced.status == ArticleStatus.OTHER_LANGUAGE)
        .filter(lambda pi: pi[1].print_ is not None)
        .sortByKey()
        .map(lambda pi: Specifics.of(pi[1].print_, pi[1].traced.url))
        .collect()
    )
    if not others:
        return {}
    members = index.filter(lambda pi: pi[1].traced.status == ArticleStatus.OK).mapValues(
        lambda indexed: Specifics.of(indexed.print_, indexed.traced.url).terms
    )
    story_terms = dict(
        placed.map(lambda ws: (ws[0].position, ws[1]))
        .join(members)
        .map(lambda kv: kv[1])
        .reduceByKey(lambda a, b: a | b)
        .collect()
    )
    return placements(others, story_terms)


def _story_number(story_id: str) -> int:
    return int(story_id.rsplit("-", 1)[1])


def _read_items(spark, source: str, partitions: int, limits: InputLimits):
    """(position, item) pairs of every input, positions in input order."""
    if "://" not in source and not Path(source).exists():
        raise InputNotFoundError(f"{source}: no such file or directory")
    name = source.rstrip("/").lower()
    sc = spark.sparkContext
    if name.endswith((".jsonl", ".jsonl.gz")):
        label = Path(source.rstrip("/")).name.split(".")[0]
        # bytes, not text: a line that is not UTF-8 fails alone, as in the local reader
        lines = sc.textFile(source, partitions, use_unicode=False).zipWithIndex()
        items = lines.map(
            lambda li: (li[1], jsonl_line_item(li[0], li[1] + 1, label, source, limits=limits))
        )
        return items.filter(lambda pi: pi[1] is not None)  # blank lines, as the local reader
    if name.endswith(".parquet"):
        rows = spark.read.parquet(source).rdd.zipWithIndex()
        return rows.map(lambda ri: (ri[1], _row_item(ri[0].asDict(), ri[1] + 1, source, limits)))
    if name.endswith((".warc", ".warc.gz")) or _holds_warcs(source):
        files = sc.binaryFiles(source, partitions).sortByKey()
        numbered = files.flatMap(lambda pf: list(_warc_items(pf[0], pf[1], limits))).zipWithIndex()
        return numbered.map(lambda it: (it[1], it[0]))
    raise InputError(f"{source}: the Spark engine reads .jsonl, .parquet and .warc(.gz) paths")


def _holds_warcs(source: str) -> bool:
    path = Path(source)
    return path.is_dir() and any(
        p.name.lower().endswith((".warc", ".warc.gz")) for p in path.iterdir()
    )


def _row_item(row: dict[str, Any], number: int, origin: str, limits: InputLimits) -> InputItem:
    """A Parquet row, read through the same checks as a JSON article."""
    where = f"{origin}#{number}"
    value = {k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in row.items()}
    return load_item(
        f"row-{number}",
        where,
        lambda: finish(article_from_mapping(value, where), (), limits=limits),
    )


def _warc_items(uri: str, content: bytes, limits: InputLimits) -> Iterator[InputItem]:
    """The items of one archive Spark read as bytes; a local file keeps its plain path."""
    path = urlsplit(uri).path if uri.startswith("file:") else uri
    return warc_stream_items(io.BytesIO(content), Path(path), limits=limits)


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
    analysed = analyze_items((item for _, item in items), cache=cache)
    for (position, _), (item, result) in zip(items, analysed, strict=True):
        indexed = index_article(item, result, outlets)
        ledger = result if isinstance(result, Ledger) else None
        if ledger is not None:
            ledger = ledger_as_traced(ledger, indexed.traced)
        yield _Analysed(position, indexed, ledger)


def _weigh(sc, index, options: TraceOptions, cache_dir: str | None):
    """The analysed articles (``(position, IndexedArticle)``) numbered in input order and
    weighed over the corpus's vocabulary (document frequencies counted on the cluster),
    each with the gist of its head (encoded a partition at a time; cached with the ledgers)."""
    ok = index.filter(lambda pi: pi[1].traced.status == ArticleStatus.OK).sortByKey().zipWithIndex()
    total = ok.count()
    terms = ok.flatMap(lambda pin: [(t, 1) for t in pin[0][1].print_.terms])
    vocabulary = sc.broadcast(
        Vocabulary.of(terms.reduceByKey(lambda a, b: a + b).collectAsMap(), total)
    )

    def weighed(part: Iterable[tuple[tuple[int, IndexedArticle], int]]) -> list[_Weighed]:
        rows = list(part)
        cache = GistCache(Path(cache_dir), encoder_provenance()) if cache_dir else None
        found = gists([indexed.head for (_, indexed), _ in rows], cache)
        return [
            _Weighed(
                position,
                replace(indexed, print_=None, head=""),
                weigh(number, indexed, vocabulary.value, options, gist),
            )
            for ((position, indexed), number), gist in zip(rows, found, strict=True)
        ]

    return ok.mapPartitions(weighed).persist(_SPILL)


def _copies(weighed, options: TraceOptions, partitions: int) -> list[CopyEdge]:
    """Copy edges: sampled shingles joined by key, candidates measured beside both texts."""
    keys = weighed.flatMap(
        lambda w: [(key, w.article.number) for key in shingle_keys(w.article.print_, options)]
    )
    pairs = (
        keys.groupByKey()
        .flatMap(lambda kv: [(pair, 1) for pair in posting_pairs(kv[1], options.copy_max_posting)])
        .reduceByKey(lambda a, b: a + b)
        .filter(lambda pc: pc[1] >= options.copy_min_sampled_shared)
        .keys()
    )
    rows = weighed.map(lambda w: (w.article.number, CopyRow.of(w.article)))

    def measure(pair_ab):
        pair, (row_a, row_b) = pair_ab
        found = measure_copy(pair, row_a, row_b, options)
        return [] if found is None else [found]

    best = dict(
        _beside(pairs, rows, partitions).flatMap(measure).reduceByKey(better_original).collect()
    )
    # only copies of copies need their texts again, to find the root they took words from
    chained = in_chains(best)
    prints = dict(
        weighed.filter(lambda w: w.article.id in chained)
        .map(lambda w: (w.article.id, w.article.print_))
        .collect()
    )
    return copy_edges(to_root(best, prints.__getitem__, options), options)


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


def _groups(weighed, copies: list[CopyEdge], options: TraceOptions, partitions: int):
    """Stories as lists of article numbers: candidates by LSH band and blocking term, linked
    beside both articles, joined on the driver."""

    def with_bands(part):
        articles = [w.article for w in part]
        keys = band_keys([a.keywords for a in articles], options)
        return [(key, a.number) for a, found in zip(articles, keys, strict=True) for key in found]

    by_band = (
        weighed.mapPartitions(with_bands)
        .groupByKey()
        .flatMap(lambda kv: list(posting_pairs(kv[1], None)))
    )
    shared_terms = (
        weighed.flatMap(
            lambda w: [(t, w.article.number) for t in blocking_terms(w.article.keywords, options)]
        )
        .groupByKey()
        .flatMap(lambda kv: [(pair, 1) for pair in posting_pairs(kv[1], options.story_max_posting)])
        .reduceByKey(lambda a, b: a + b)
        .filter(lambda pc: pc[1] >= options.min_shared_keywords)
        .keys()
    )
    numbered = weighed.map(lambda w: (w.article.number, w.article.id, LinkRow.of(w.article)))
    found = sorted(numbered.collect(), key=lambda row: row[0])
    link_rows = [row for _, _, row in found]
    neighbours = weighed.context.parallelize(
        sorted(gist_neighbours([row.gist for row in link_rows], options)), partitions
    )
    pairs = by_band.union(shared_terms).union(neighbours).distinct()
    rows = weighed.map(lambda w: (w.article.number, LinkRow.of(w.article)))
    model = same_story_model(options.same_story_threshold)

    def linked(pair_ab):
        (i, j), (row_a, row_b) = pair_ab
        probability = link(row_a, row_b, model)
        return [] if probability is None else [(i, j, probability)]

    links = _beside(pairs, rows, partitions).flatMap(linked).collect()
    number_of = {article_id: number for number, article_id, _ in found}
    joined = [(number_of[e.article_id], number_of[e.copy_of]) for e in copies]
    return join_groups(link_rows, joined, links, model)


def _stories(
    part: Iterable[tuple[str, Iterable[tuple[_Weighed, Ledger]]]],
    copies_of,
    outlets: OutletNames,
    options: TraceOptions,
    cache_dir: str | None,
) -> Iterator[Story]:
    """A partition's stories (story id, its weighed articles with their ledgers), built as the
    local engine builds them: :func:`build_stories`, claims encoded in large batches."""
    told = ((story_id, _members(rows)) for story_id, rows in part)
    cache = GistCache(Path(cache_dir), encoder_provenance()) if cache_dir else None
    return build_stories(told, copies_of, outlets, options, cache)


def _members(rows: Iterable[tuple[_Weighed, Ledger]]) -> list[StoryMember]:
    """A story's versions, in input order, as the per-story stages read them."""
    return [
        StoryMember(ledger, w.article.print_, w.indexed.citations, w.article.vector)
        for w, ledger in sorted(rows, key=lambda row: row[0].article.number)
    ]
