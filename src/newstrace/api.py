"""The front door: one article's ledger, many articles' ledgers, a corpus's story trace.

The CLI, the web app's jobs, ``newstrace eval`` and Python users all call these functions, so
they give the same results and write the same files. Engines, caches and report writers stay
behind them.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal

from newstrace.errors import MissingExtraError, NewstraceError, TraceTooLargeError, UsageError
from newstrace.ingest import DEFAULT_LIMITS, InputItem, InputLimits, read_inputs
from newstrace.model import Article, ArticleStatus, Ledger, Trace, TracedArticle
from newstrace.report.files import (
    LEDGER_FORMATS,
    TraceFiles,
    render_ledger,
    safe_name,
    write_index,
    write_trace_files,
)
from newstrace.trace.options import DEFAULT_OPTIONS, TraceOptions

if TYPE_CHECKING:
    from newstrace.analyze.pipeline import Analyzer
    from newstrace.engines.spark import SparkTrace

Engine = Literal["local", "spark"]
ENGINES: tuple[Engine, ...] = ("local", "spark")


# --- one article -----------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _default_analyzer() -> Analyzer:
    from newstrace.analyze.pipeline import Analyzer

    return Analyzer()


def analyze(text_or_article: str | Article) -> Ledger:
    """The claim ledger of one article (plain text or an :class:`Article` with metadata).

    Models load on the first call and are reused after it. Raises a
    :class:`NewstraceError` subclass (with a code) when the input cannot be analysed.
    """
    return _default_analyzer()(text_or_article)


# --- many articles ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Analysed:
    """One input of a batch and what came of it: its ledger, or the error that stopped it."""

    item: InputItem
    result: Ledger | NewstraceError

    @property
    def name(self) -> str:
        return self.item.name

    @property
    def ledger(self) -> Ledger | None:
        return self.result if isinstance(self.result, Ledger) else None

    @property
    def error(self) -> NewstraceError | None:
        return self.result if isinstance(self.result, NewstraceError) else None

    @property
    def warnings(self) -> tuple[str, ...]:
        """What was done to the input on the way in and during analysis."""
        ledger = self.ledger
        return self.item.warnings + (ledger.warnings if ledger is not None else ())

    def index_row(self, output: str | None = None) -> dict[str, Any]:
        """This input's row of ``index.json`` (``output``: the file its ledger went to)."""
        error = self.error
        return {
            "name": self.name,
            "origin": self.item.origin,
            "status": "ok" if error is None else "error",
            "error": (error.code, error.message) if error is not None else None,
            "warnings": self.warnings,
            "output": output,
        }


@dataclass(frozen=True, slots=True)
class BatchFiles:
    """What :meth:`Batch.write` wrote: a file per analysed input, and the index of all."""

    index_json: Path
    inputs: int
    failed: tuple[Analysed, ...]


@dataclass
class Batch:
    """The ledgers of many inputs, analysed as they are read: iterate over it once (each
    input in order, failures included), or :meth:`write` them all to a folder."""

    source: str | Path
    jobs: int = 1
    cache: Path | None = None
    limits: InputLimits = DEFAULT_LIMITS
    _used: bool = field(default=False, init=False, repr=False)

    def __iter__(self) -> Iterator[Analysed]:
        from newstrace.engines.local import analyze_items
        from newstrace.trace.cache import LedgerCache

        if self._used:
            raise UsageError("a batch streams its inputs once; call analyze_many again")
        self._used = True
        cache = LedgerCache(self.cache) if self.cache is not None else None
        for item, result in analyze_items(
            read_inputs(self.source, limits=self.limits), cache=cache, jobs=self.jobs
        ):
            yield Analysed(item, result)

    def write(
        self,
        folder: str | Path,
        *,
        format: str = "json",
        each: Callable[[Analysed], None] | None = None,
    ) -> BatchFiles:
        """``folder/<name>.<format>`` per analysed input and ``folder/index.json`` for all;
        ``each`` is told of every input as it is done (a progress bar)."""
        if format not in LEDGER_FORMATS:
            raise UsageError(
                f"unknown format {format!r}; choose one of {', '.join(LEDGER_FORMATS)}"
            )
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        rows, failed = [], []
        for analysed in self:
            output = None
            if analysed.ledger is not None:
                output = safe_name(analysed.name) + LEDGER_FORMATS[format]
                text = render_ledger(analysed.ledger, format)
                (folder / output).write_text(text, encoding="utf-8")
            else:
                failed.append(analysed)
            rows.append(analysed.index_row(output))
            if each is not None:
                each(analysed)
        return BatchFiles(write_index(folder, rows), len(rows), tuple(failed))


def analyze_many(
    source: str | Path,
    *,
    jobs: int = 1,
    cache: str | Path | None = None,
    limits: InputLimits = DEFAULT_LIMITS,
) -> Batch:
    """The ledgers of every article in ``source`` (a file, a directory, ``.jsonl``, ``.csv``,
    ``.warc(.gz)`` or ``-`` for stdin), analysed by ``jobs`` processes.

    Nothing is read until the batch is iterated or written; one bad input never stops the
    rest. With a ``cache`` folder, ledgers made before are reused; ``limits`` bound how much
    of each input is read.
    """
    return Batch(source, _jobs(jobs), Path(cache) if cache is not None else None, limits)


# --- a corpus --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TraceWritten:
    """What :meth:`TraceResult.write` wrote: the trace's files (unless the trace was too
    large to hold, see ``TraceOptions.collect_limit``) and the Parquet tables (Spark)."""

    files: TraceFiles | None
    parquet: Path | None = None


class TraceResult:
    """The story trace of a corpus: read it as :attr:`trace`, or :meth:`write` its files."""

    def __init__(self, trace: Trace) -> None:
        self._trace = trace

    @property
    def trace(self) -> Trace:
        return self._trace

    @property
    def articles(self) -> int:
        """How many inputs the corpus held, failed ones included."""
        return len(self._trace.articles)

    @property
    def failed(self) -> int:
        return sum(a.status == ArticleStatus.ERROR for a in self._trace.articles)

    def write(self, folder: str | Path) -> TraceWritten:
        """``trace.json``, ``report.html``, ``edges.csv`` and ``index.json`` in ``folder``."""
        return TraceWritten(write_trace_files(self.trace, Path(folder)))

    def close(self) -> None:
        """Release what the trace holds (a Spark session); nothing for the local engine."""

    def __enter__(self) -> TraceResult:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


class SparkTraceResult(TraceResult):
    """A trace held by Spark: written as Parquet tables at any size, collected into a
    :class:`Trace` (and its files) only up to ``options.collect_limit`` articles."""

    def __init__(self, spark: Any, held: SparkTrace, options: TraceOptions) -> None:
        self._spark = spark
        self._held = held
        self._options = options
        self._collected: Trace | None = None
        self._count: int | None = None

    @property
    def trace(self) -> Trace:
        if self._collected is None:
            if not self.fits_in_memory:
                raise TraceTooLargeError(
                    f"the trace has {self.articles:,} articles, more than the "
                    f"{self._options.collect_limit:,} collected into memory; read its Parquet "
                    "tables (TraceResult.write) or raise TraceOptions.collect_limit"
                )
            self._collected = self._held.collect()
        return self._collected

    @property
    def articles(self) -> int:
        if self._count is None:
            self._count = self._held.count()
        return self._count

    @property
    def failed(self) -> int:
        return self._held.failed()

    @property
    def fits_in_memory(self) -> bool:
        return self.articles <= self._options.collect_limit

    def write(self, folder: str | Path) -> TraceWritten:
        """``folder/parquet/<table>.parquet`` always; the trace's files when it fits."""
        folder = Path(folder)
        tables = folder / "parquet"
        self._held.write_parquet(self._spark, str(tables))
        files = write_trace_files(self.trace, folder) if self.fits_in_memory else None
        return TraceWritten(files, tables)

    def close(self) -> None:
        self._spark.stop()


def trace(
    source: str | Path,
    *,
    engine: Engine = "local",
    options: TraceOptions = DEFAULT_OPTIONS,
    cache: str | Path | None = None,
    jobs: int = 1,
    master: str | None = None,
    partitions: int | None = None,
    on_start: Callable[[int], None] | None = None,
    on_article: Callable[[TracedArticle, Ledger | NewstraceError], None] | None = None,
) -> TraceResult:
    """The story trace of a corpus: stories, copies, citations, origins and drift.

    ``source`` is a directory, ``.jsonl``, ``.csv`` or ``.warc(.gz)`` (the Spark engine:
    ``.jsonl``, ``.parquet`` or ``.warc(.gz)`` at any path Spark reads). Ledgers are kept in
    the ``cache`` folder, so tracing the same or a grown corpus again only analyses new
    articles (``None``: a temporary folder for the local engine, none on Spark).

    The local engine analyses with ``jobs`` processes and tells ``on_start`` how many inputs
    there are and ``on_article`` of each as it is done. The Spark engine runs on ``master``
    (default: ``local[*]`` on loopback) in ``partitions`` (default: one per
    ``options.articles_per_partition`` articles); close its result (or use ``with``) to stop
    Spark.
    """
    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if engine == "spark":
        return _trace_on_spark(str(source), options, cache, master, partitions)
    from newstrace.engines.local import trace_locally
    from newstrace.trace.cache import LedgerCache

    folder = Path(cache) if cache is not None else Path(tempfile.mkdtemp(prefix="newstrace-"))
    try:
        traced = trace_locally(
            source,
            LedgerCache(folder),
            options,
            jobs=_jobs(jobs),
            on_start=on_start,
            on_article=on_article,
        )
    finally:
        if cache is None:
            shutil.rmtree(folder, ignore_errors=True)
    return TraceResult(traced)


def default_cache(
    folder: str | Path, engine: Engine = "local", master: str | None = None
) -> Path | None:
    """Where a run writing to ``folder`` keeps its ledgers unless told: ``folder/cache``,
    except on a Spark cluster, whose executors cannot reach this machine's folders (give
    such a run a shared folder, or none)."""
    if engine == "spark" and master and not master.startswith("local"):
        return None
    return Path(folder) / "cache"


def _trace_on_spark(
    source: str,
    options: TraceOptions,
    cache: str | Path | None,
    master: str | None,
    partitions: int | None,
) -> SparkTraceResult:
    try:
        from newstrace.engines.spark import spark_session, trace_on_spark
    except ImportError as error:
        raise MissingExtraError(
            f"the Spark engine needs pyspark ({error}): pip install 'newstrace[spark]'"
        ) from error
    spark = spark_session(master)
    try:
        held = trace_on_spark(
            spark,
            source,
            options,
            partitions=partitions,
            cache=str(cache) if cache is not None else None,
        )
    except BaseException:
        spark.stop()
        raise
    return SparkTraceResult(spark, held, options)


def _jobs(jobs: int) -> int:
    if jobs < 1:
        raise UsageError(f"jobs must be at least 1, not {jobs}")
    return jobs
