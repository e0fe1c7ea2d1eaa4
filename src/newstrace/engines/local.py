"""The local engine: the analysis pipeline over a stream of articles, on all cores.

Each worker process loads the models once and analyses whole chunks (parse and every
stage), so the work scales with cores instead of parsing in parallel and post-processing
on one core. Results come back in input order; at most four chunks per worker are in flight,
so memory stays bounded however long the stream is.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from pathlib import Path

from newstrace.analyze.pipeline import Analyzer
from newstrace.errors import NewstraceError
from newstrace.ingest import InputItem, read_inputs
from newstrace.model import Article, Ledger, Trace, TracedArticle
from newstrace.trace.cache import LedgerCache
from newstrace.trace.citations import OutletNames
from newstrace.trace.corpus import CorpusIndex, build_trace, learn_outlets, with_outlet

Result = Ledger | NewstraceError
# What the stream carries in: an article to analyse, or a result known already (a cached
# ledger, an input that failed to load), which passes through in place.
Input = Article | Ledger | NewstraceError
# Forked workers start in a blink and share what the parent loaded; spawn costs each worker a
# fresh interpreter and imports (about 0.15x of a 200-article run with two workers here).
_START_METHOD = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
# Chunks queued per worker: enough that one slow chunk at the head never leaves a worker idle.
_CHUNKS_PER_WORKER = 4
_worker_analyzer: Analyzer | None = None


def _chunks(items: Iterable[Input], size: int):
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _analyze_chunk(analyzer: Analyzer, chunk: list[Input]) -> list[Result]:
    """Analyse the articles of a chunk; results known already pass through in place."""
    results = iter(analyzer.pipe([x for x in chunk if isinstance(x, Article)]))
    return [next(results) if isinstance(x, Article) else x for x in chunk]


def _init_worker(batch_size: int) -> None:
    global _worker_analyzer
    _worker_analyzer = Analyzer(batch_size=batch_size)


def _run_in_worker(chunk: list[Input]) -> list[Result]:
    assert _worker_analyzer is not None, "worker used before its initializer ran"
    return _analyze_chunk(_worker_analyzer, chunk)


def analyze_stream(
    items: Iterable[Input], *, n_process: int = 1, batch_size: int = 16
) -> Iterator[Result]:
    """A ledger (or the error) for every item, in order, using ``n_process`` processes."""
    if n_process <= 1:
        analyzer = Analyzer(batch_size=batch_size)
        for chunk in _chunks(items, batch_size):
            yield from _analyze_chunk(analyzer, chunk)
        return
    context = multiprocessing.get_context(_START_METHOD)
    with ProcessPoolExecutor(
        n_process, mp_context=context, initializer=_init_worker, initargs=(batch_size,)
    ) as pool:
        pending: deque[Future[list[Result]]] = deque()
        for chunk in _chunks(items, batch_size):
            pending.append(pool.submit(_run_in_worker, chunk))
            if len(pending) >= _CHUNKS_PER_WORKER * n_process:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def trace_corpus(
    source: str | Path,
    cache: LedgerCache,
    *,
    n_process: int = 1,
    on_start: Callable[[int], None] | None = None,
    on_article: Callable[[TracedArticle, Result], None] | None = None,
) -> Trace:
    """The story trace of a corpus file or folder, analysing only articles not in ``cache``.

    The corpus is read twice, streaming: once for the outlets it holds (to recognise them
    when an article credits them), once to analyse. ``on_start`` is told how many articles
    there are and ``on_article`` of each, with its ledger or error, as it is indexed (a
    progress bar, a store).
    """
    hosts, names, total = learn_outlets(read_inputs(source))
    if on_start is not None:
        on_start(total)
    index = CorpusIndex(cache, OutletNames(names | set(hosts.values())))
    items = (with_outlet(item, hosts) for item in read_inputs(source))
    in_flight: deque[InputItem] = deque()

    def inputs() -> Iterator[Article | Ledger | NewstraceError]:
        for item in items:
            in_flight.append(item)
            if item.error is not None:
                yield item.error
            else:
                assert item.article is not None  # an item has its article or its error
                yield cache.get(item.article) or item.article

    for result in analyze_stream(inputs(), n_process=n_process):
        index.add(in_flight.popleft(), result)
        if on_article is not None:
            on_article(index.articles[-1], result)
    return build_trace(index)
