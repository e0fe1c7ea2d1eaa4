"""The local engine: the trace stages scheduled on this machine, analysis on all its cores.

Analysis: each worker process loads the models once and analyses whole chunks (parse and
every stage), so the work scales with cores instead of parsing in parallel and
post-processing on one core. Results come back in input order; at most four chunks per
worker are in flight, so memory stays bounded however long the stream is.

Trace: the corpus streams past once to learn its outlets and once to be analysed and
indexed (:class:`CorpusIndex`); then the corpus-wide stages run over lists and dictionaries
here: each article weighed, candidate pairs from shared keys, each pair measured
(:func:`~newstrace.trace.copies.measure_copy`, :func:`~newstrace.trace.stories.link`),
groups joined, each story built. Every decision is a function of :mod:`newstrace.trace`
that the Spark engine runs too; this module only decides the order.
"""

from __future__ import annotations

import multiprocessing
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TypeVar

from newstrace.analyze.pipeline import Analyzer
from newstrace.errors import LedgerCacheError, NewstraceError
from newstrace.ingest import InputItem, read_inputs
from newstrace.model import Article, ArticleStatus, CopyEdge, Ledger, Trace, TracedArticle
from newstrace.trace.blocking import pairs_sharing
from newstrace.trace.cache import GistCache, LedgerCache
from newstrace.trace.citations import OutletNames
from newstrace.trace.copies import (
    Candidate,
    CopyRow,
    better_original,
    copy_edges,
    measure_copy,
    shingle_keys,
    to_root,
)
from newstrace.trace.embed import encoder_provenance, gists
from newstrace.trace.index import (
    IndexedArticle,
    OutletVotes,
    WeighedArticle,
    document_frequencies,
    index_article,
    ledger_as_traced,
    weigh,
    with_outlet,
)
from newstrace.trace.options import TraceOptions
from newstrace.trace.other_languages import Specifics, with_other_languages
from newstrace.trace.same_story import SameStoryModel, same_story_model
from newstrace.trace.stories import (
    Judge,
    LinkRow,
    band_keys,
    blocking_terms,
    gist_neighbours,
    join_groups,
    link,
)
from newstrace.trace.story import StoryMember, assemble_trace, build_stories
from newstrace.trace.vectors import Vocabulary

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


T = TypeVar("T")


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
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


def analyze_items(
    items: Iterable[InputItem], *, cache: LedgerCache | None = None, jobs: int = 1
) -> Iterator[tuple[InputItem, Result]]:
    """Each input item with its ledger (or the error that stopped it), in input order.

    Streamed: only the items in flight are held. Items that failed to load pass through with
    their error; with a ``cache``, ledgers found there are not analysed again and new ones
    are stored."""
    in_flight: deque[InputItem] = deque()

    def inputs() -> Iterator[Input]:
        for item in items:
            in_flight.append(item)
            content = item.content
            if isinstance(content, Article) and cache is not None:
                yield cache.get(content) or content
            else:
                yield content

    for result in analyze_stream(inputs(), n_process=jobs):
        item = in_flight.popleft()
        if cache is not None and isinstance(result, Ledger):
            cache.put(result, item.article)
        yield item, result


@dataclass
class CorpusIndex:
    """What the trace keeps of each input while the corpus streams past: every input's trace
    entry, and for each analysed one its index entry and where its ledger is cached."""

    cache: LedgerCache
    outlets: OutletNames
    articles: list[TracedArticle] = field(default_factory=list)
    analysed: list[IndexedArticle] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    other_languages: list[IndexedArticle] = field(default_factory=list)

    def add(self, item: InputItem, result: Result) -> TracedArticle:
        """Index one input with its result; return its trace entry."""
        indexed = index_article(item, result, self.outlets)
        self.articles.append(indexed.traced)
        if indexed.traced.status == ArticleStatus.OK:  # analysed: its ledger is in the cache
            self.analysed.append(indexed)
            self.keys.append(self.cache.key(item.loaded()))
        elif indexed.print_ is not None:  # another language: fingerprinted, not analysed
            self.other_languages.append(indexed)
        return indexed.traced

    def ledger(self, number: int) -> Ledger:
        """The ledger of analysed article ``number``, with this corpus's metadata."""
        ledger = self.cache.get_by_key(self.keys[number])
        if ledger is None:
            traced = self.analysed[number].traced
            raise LedgerCacheError(
                f"the cached ledger of {traced.id!r} disappeared during the trace; run it again"
            )
        return ledger_as_traced(ledger, self.analysed[number].traced)


def trace_locally(
    source: str | Path,
    cache: LedgerCache,
    options: TraceOptions,
    *,
    jobs: int = 1,
    on_start: Callable[[int], None] | None = None,
    on_article: Callable[[TracedArticle, Result], None] | None = None,
) -> Trace:
    """The story trace of a corpus file or folder, analysing only articles not in ``cache``.

    The corpus is read twice, streaming: once for the outlets it holds (to recognise them
    when an article credits them), once to analyse. ``on_start`` is told how many inputs
    there are and ``on_article`` of each, with its ledger or error, as it is indexed (a
    progress bar, a store).
    """
    votes = OutletVotes.of(read_inputs(source, limits=options.input_limits))
    if on_start is not None:
        on_start(votes.total)
    hosts = votes.hosts()
    index = CorpusIndex(cache, votes.outlets())
    items = (with_outlet(item, hosts) for item in read_inputs(source, limits=options.input_limits))
    for item, result in analyze_items(items, cache=cache, jobs=jobs):
        traced = index.add(item, result)
        if on_article is not None:
            on_article(traced, result)
    return build_trace(index, options)


def build_trace(index: CorpusIndex, options: TraceOptions) -> Trace:
    """Copies, stories and everything per story, from an index of the whole corpus."""
    gist_cache = GistCache(index.cache.directory, encoder_provenance())
    weighed = weigh_corpus(index.analysed, options, gist_cache)
    copies = find_copies(weighed, options)
    groups = group_stories(weighed, copies, options)
    copies_of = {edge.article_id: edge for edge in copies}

    def member(number: int) -> StoryMember:
        article = weighed[number]
        citations = index.analysed[number].citations
        return StoryMember(index.ledger(number), article.print_, citations, article.vector)

    told = (
        (f"story-{count}", [member(n) for n in numbers])
        for count, numbers in enumerate(groups, start=1)
    )
    stories = list(build_stories(told, copies_of, index.outlets, options, gist_cache))
    stories = with_other_languages(
        stories,
        [Specifics.of(i.print_, i.traced.url) for i in index.other_languages if i.print_],
        [Specifics.of(a.print_, a.traced.url) for a in index.analysed if a.print_],
    )
    return assemble_trace(index.articles, stories)


def weigh_corpus(
    analysed: Sequence[IndexedArticle],
    options: TraceOptions,
    gist_cache: GistCache | None = None,
) -> list[WeighedArticle]:
    """Every analysed article weighed over the corpus's own vocabulary, with the gist of its
    head, numbered in order."""
    df, count = document_frequencies(a.print_ for a in analysed if a.print_ is not None)
    vocabulary = Vocabulary.of(df, count)
    found = gists([a.head for a in analysed], gist_cache)
    return [
        weigh(number, a, vocabulary, options, gist)
        for number, (a, gist) in enumerate(zip(analysed, found, strict=True))
    ]


def find_copies(weighed: Sequence[WeighedArticle], options: TraceOptions) -> list[CopyEdge]:
    """One edge per copying article, to the text it most likely took its wording from."""
    rows = [CopyRow.of(article) for article in weighed]
    best: dict[str, Candidate] = {}
    for i, j in sorted(copy_candidates(weighed, options)):
        found = measure_copy((i, j), rows[i], rows[j], options)
        if found is not None:
            copier, candidate = found
            best[copier] = better_original(best.get(copier), candidate)
    prints = {article.id: article.print_ for article in weighed}
    return copy_edges(to_root(best, prints.__getitem__, options), options)


def copy_candidates(
    weighed: Sequence[WeighedArticle], options: TraceOptions
) -> set[tuple[int, int]]:
    """Pairs of article numbers sharing enough sampled shingles to be measured."""
    postings: dict[int, list[int]] = defaultdict(list)
    for article in weighed:
        for key in shingle_keys(article.print_, options):
            postings[key].append(article.number)
    return pairs_sharing(
        postings.values(), options.copy_max_posting, options.copy_min_sampled_shared
    )


def group_stories(
    weighed: Sequence[WeighedArticle],
    copies: Sequence[CopyEdge],
    options: TraceOptions,
    model: SameStoryModel | None = None,
    judge: Judge | None = None,
) -> list[list[int]]:
    """Stories as lists of article numbers: candidate pairs linked, then groups joined, by
    ``model`` (default: the packaged same-story model at ``options``' threshold) or by
    ``judge`` where given (see :func:`join_groups`)."""
    rows = [LinkRow.of(article) for article in weighed]
    model = model or same_story_model(options.same_story_threshold)
    links = [
        (i, j, probability)
        for i, j in sorted(story_candidates(weighed, options))
        if (probability := link(rows[i], rows[j], model)) is not None
    ]
    number_of = {article.id: article.number for article in weighed}
    joined = [(number_of[e.article_id], number_of[e.copy_of]) for e in copies]
    return join_groups(rows, joined, links, model, judge)


def story_candidates(
    weighed: Sequence[WeighedArticle], options: TraceOptions
) -> set[tuple[int, int]]:
    """Pairs of article numbers worth linking: sharing an LSH band of their keywords, enough
    blocking terms, or heads among each other's nearest in meaning."""
    by_band: dict[bytes, list[int]] = defaultdict(list)
    keys = band_keys([article.keywords for article in weighed], options)
    for article, found in zip(weighed, keys, strict=True):
        for key in found:
            by_band[key].append(article.number)
    by_term: dict[str, list[int]] = defaultdict(list)
    for article in weighed:
        for term in blocking_terms(article.keywords, options):
            by_term[term].append(article.number)
    return (
        pairs_sharing(by_band.values(), None, 1)
        | pairs_sharing(by_term.values(), options.story_max_posting, options.min_shared_keywords)
        | gist_neighbours([a.gist for a in weighed], options)
    )
