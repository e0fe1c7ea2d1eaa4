"""What the corpus-wide stages keep of each article, built one article at a time.

A corpus streams past once: each input is indexed as it is analysed (:func:`index_article`:
its trace entry, fingerprint and citations; its ledger waits in the cache), and once the
corpus's term frequencies are known, each analysed article is weighed into the vectors the
candidate stages compare (:func:`weigh`). Both engines call these per article; the outlets
of the corpus are learnt first, by :class:`OutletVotes` (added up over parts of a corpus).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from urllib.parse import urlsplit

import numpy as np

from newstrace.errors import NewstraceError, UnsupportedLanguageError
from newstrace.ingest import InputItem, outlet_from_url, outlet_key
from newstrace.ingest.chrome import chrome_spans
from newstrace.model import ArticleStatus, Citation, Ledger, TracedArticle
from newstrace.trace.citations import OutletNames, find_citations
from newstrace.trace.dates import parse_published
from newstrace.trace.embed import head_of
from newstrace.trace.fingerprint import Fingerprint, fingerprint, is_specific
from newstrace.trace.options import TraceOptions
from newstrace.trace.vectors import UnitVector, Vocabulary, keywords_of


@dataclass
class OutletVotes:
    """The outlets publishing in (part of) a corpus: the names given with each web host, every
    name given, and how many items were seen. Votes from parts of a corpus add up.

    An article with only a URL then gets the name its sister articles use ("Harbour
    Gazette"), not the bare host, so citations and copies can be matched to it.
    """

    by_host: dict[str, Counter[str]] = field(default_factory=dict)
    names: set[str] = field(default_factory=set)
    total: int = 0

    @classmethod
    def of(cls, items: Iterable[InputItem]) -> OutletVotes:
        votes = cls()
        for item in items:
            votes.total += 1
            article = item.article
            if article is not None and article.outlet:
                votes.names.add(article.outlet)
                host = _host(article.url) if article.url else None
                if host:
                    votes.by_host.setdefault(host, Counter())[article.outlet] += 1
        return votes

    def __add__(self, other: OutletVotes) -> OutletVotes:
        by_host = {host: Counter(counts) for host, counts in self.by_host.items()}
        for host, counts in other.by_host.items():
            by_host.setdefault(host, Counter()).update(counts)
        return OutletVotes(by_host, self.names | other.names, self.total + other.total)

    def hosts(self) -> dict[str, str]:
        """Each host's outlet name: the one given most often (ties: the first by name)."""
        return {
            host: min(counts, key=lambda name: (-counts[name], name))
            for host, counts in self.by_host.items()
        }

    def outlets(self) -> OutletNames:
        """The corpus's outlets, to recognise them where an article credits them."""
        return OutletNames(self.names | set(self.hosts().values()))


def with_outlet(item: InputItem, hosts: dict[str, str]) -> InputItem:
    """The item with its outlet named: given, learnt from its URL's host, or known by URL."""
    article = item.article
    if article is None or article.outlet or not article.url:
        return item
    outlet = hosts.get(_host(article.url) or "") or outlet_from_url(article.url)
    return replace(item, content=replace(article, outlet=outlet))


@dataclass(frozen=True, slots=True)
class IndexedArticle:
    """What the corpus-wide stages keep of one article: its trace entry and, when it was
    analysed, its fingerprint, the outlets it credits and its headline and lead."""

    traced: TracedArticle
    print_: Fingerprint | None = None
    citations: tuple[Citation, ...] = ()
    head: str = ""
    """Its headline and lead, what its gist (sentence embedding) is made of."""


def index_article(
    item: InputItem, result: Ledger | NewstraceError, outlets: OutletNames
) -> IndexedArticle:
    """The index entry of one input and its ledger (or the error that stopped it)."""
    article = item.article
    warnings = list(item.warnings)
    if article is not None and article.id not in (None, item.name):
        warnings.append(f"duplicate id {article.id!r}; traced as {item.name!r}")
    if isinstance(result, NewstraceError):
        other_language = isinstance(result, UnsupportedLanguageError) and article is not None
        traced = TracedArticle(
            item.name,
            ArticleStatus.OTHER_LANGUAGE if other_language else ArticleStatus.ERROR,
            article.outlet if article else None,
            article.published if article else None,
            None,
            article.title if article else None,
            article.url if article else None,
            (result.code, result.message),
            tuple(warnings),
        )
        if article is None or not other_language:
            return IndexedArticle(traced)
        # not analysed, but its names, numbers and outlets may place it in a story
        published, _ = parse_published(article.published)
        return IndexedArticle(
            traced, fingerprint(item.name, article.text, published, article.outlet)
        )
    published, problem = parse_published(result.article.published)
    if problem:
        warnings.append(problem)
    warnings.extend(result.warnings)
    traced = TracedArticle(
        item.name,
        ArticleStatus.OK,
        result.outlet,
        result.article.published,
        None,
        result.article.title,
        result.article.url,
        None,
        tuple(warnings),
    )
    article = result.article
    chrome = chrome_spans(article.text)
    print_, head = read_text(
        item.name, article.text, article.title, published, result.outlet, chrome
    )
    citations = find_citations(result, outlets, item.name, chrome)
    return IndexedArticle(traced, print_, tuple(citations), head)


def read_text(
    article_id: str,
    text: str,
    title: str | None,
    published: date | None,
    outlet: str | None,
    chrome: Sequence[tuple[int, int]] | None = None,
) -> tuple[Fingerprint, str]:
    """What the corpus-wide stages read of an article's text: its fingerprint and its head
    (headline and lead), both without the page chrome (found here unless given)."""
    if chrome is None:
        chrome = chrome_spans(text)
    return fingerprint(article_id, text, published, outlet, chrome), head_of(title, text, chrome)


def ledger_as_traced(ledger: Ledger, traced: TracedArticle) -> Ledger:
    """The ledger with this corpus's metadata for its article (a cached ledger may come
    from another corpus, where the same text had another id, title or date)."""
    article = replace(
        ledger.article,
        id=traced.id,
        title=traced.title,
        url=traced.url,
        published=traced.published,
    )
    return replace(ledger, article=article)


@dataclass(frozen=True, slots=True)
class WeighedArticle:
    """An analysed article as the candidate stages compare it.

    ``number`` is its place among the corpus's analysed articles, in input order; ``print_``
    its fingerprint without the term counts (they are weighed into ``vector``, all terms, and
    ``specifics``, its names and numbers alone); ``cites`` the outlet keys it credits;
    ``keywords`` its most specific terms, heaviest first; ``gist`` the unit embedding of its
    headline and lead (float16).
    """

    number: int
    print_: Fingerprint
    cites: frozenset[str]
    vector: UnitVector
    specifics: UnitVector
    keywords: tuple[str, ...]
    gist: np.ndarray

    @property
    def id(self) -> str:
        return self.print_.article_id


def document_frequencies(prints: Iterable[Fingerprint]) -> tuple[Counter[str], int]:
    """How many articles each term occurs in, and how many articles there are."""
    df: Counter[str] = Counter()
    articles = 0
    for print_ in prints:
        df.update(print_.terms.keys())
        articles += 1
    return df, articles


def weigh(
    number: int,
    indexed: IndexedArticle,
    vocabulary: Vocabulary,
    options: TraceOptions,
    gist: np.ndarray,
) -> WeighedArticle:
    """An analysed article's vectors and keywords over the corpus ``vocabulary``, with the
    ``gist`` of its head (:func:`~newstrace.trace.embed.gists`)."""
    print_ = indexed.print_
    if print_ is None:
        raise ValueError(f"{indexed.traced.id!r} was not analysed, so it cannot be weighed")
    weights = vocabulary.weights(print_.terms)
    return WeighedArticle(
        number,
        replace(print_, terms=Counter()),
        frozenset(outlet_key(c.cited) for c in indexed.citations),
        vocabulary.vector(weights),
        vocabulary.vector(vocabulary.weights(print_.terms, is_specific)),
        keywords_of(weights, options.keywords),
        gist,
    )


def _host(url: str) -> str | None:
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None
