"""The trace of a corpus, stage by stage: index each analysed article, then build stories.

:class:`CorpusIndex` takes the analysed articles one at a time (a corpus streams; only the
small per-article fingerprints stay in memory, ledgers wait in the cache) and
:func:`build_trace` runs the corpus-wide stages in order: copies, stories, then per story its
origin, the version each article retold, claim families and drift.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from newstrace.errors import NewstraceError
from newstrace.ingest import InputItem, outlet_from_url
from newstrace.model import (
    ArticleStatus,
    Citation,
    CopyEdge,
    DriftEvent,
    Ledger,
    Source,
    SourceKind,
    Story,
    Trace,
    TracedArticle,
)
from newstrace.trace import align, drift
from newstrace.trace.cache import LedgerCache
from newstrace.trace.citations import (
    OutletNames,
    find_citations,
    outlet_key,
    with_known_outlets,
)
from newstrace.trace.copies import find_copies
from newstrace.trace.dates import parse_published
from newstrace.trace.fingerprint import Fingerprint, fingerprint
from newstrace.trace.origin import find_origin
from newstrace.trace.stories import TermSpace, group_stories

ULTIMATE_SOURCES = 5


@dataclass
class OutletVotes:
    """The outlets publishing in (part of) a corpus: the names given with each web host, every
    name given, and how many items were seen. Votes from parts of a corpus add up."""

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


def learn_outlets(items: Iterable[InputItem]) -> tuple[dict[str, str], set[str], int]:
    """The outlets publishing in a corpus: names by web host, every name given, and how
    many items the corpus holds.

    An article with only a URL then gets the name its sister articles use ("Harbour
    Gazette"), not the bare host, so citations and copies can be matched to it.
    """
    votes = OutletVotes.of(items)
    return votes.hosts(), votes.names, votes.total


def with_outlet(item: InputItem, hosts: dict[str, str]) -> InputItem:
    """The item with its outlet named: given, learnt from its URL's host, or known by URL."""
    article = item.article
    if article is None or article.outlet or not article.url:
        return item
    outlet = hosts.get(_host(article.url) or "") or outlet_from_url(article.url)
    return replace(item, article=replace(article, outlet=outlet))


@dataclass(frozen=True, slots=True)
class IndexedArticle:
    """What the corpus-wide stages keep of one article: its trace entry and, when it was
    analysed, its fingerprint and the outlets it credits."""

    traced: TracedArticle
    print_: Fingerprint | None = None
    citations: tuple[Citation, ...] = ()


def index_article(
    item: InputItem, result: Ledger | NewstraceError, outlets: OutletNames
) -> IndexedArticle:
    """The index entry of one input and its ledger (or the error that stopped it)."""
    article = item.article
    warnings = list(item.warnings)
    if article is not None and article.id not in (None, item.name):
        warnings.append(f"duplicate id {article.id!r}; traced as {item.name!r}")
    if isinstance(result, NewstraceError):
        return IndexedArticle(
            TracedArticle(
                item.name,
                ArticleStatus.ERROR,
                article.outlet if article else None,
                article.published if article else None,
                None,
                article.title if article else None,
                article.url if article else None,
                (result.code, result.message),
                tuple(warnings),
            )
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
    return IndexedArticle(
        traced,
        fingerprint(item.name, result.article.text, published, result.outlet),
        tuple(find_citations(result, outlets, item.name)),
    )


@dataclass
class CorpusIndex:
    """What the trace keeps of each analysed article while the corpus streams past."""

    cache: LedgerCache
    outlets: OutletNames
    articles: list[TracedArticle] = field(default_factory=list)
    prints: list[Fingerprint] = field(default_factory=list)
    keys: dict[str, str] = field(default_factory=dict)
    traced: dict[str, TracedArticle] = field(default_factory=dict)
    citations: dict[str, tuple[Citation, ...]] = field(default_factory=dict)

    def add(self, item: InputItem, result: Ledger | NewstraceError) -> None:
        indexed = index_article(item, result, self.outlets)
        self.articles.append(indexed.traced)
        if indexed.print_ is None:
            return
        assert isinstance(result, Ledger)  # only an analysed article has a fingerprint
        self.keys[item.name] = self.cache.put(result)
        self.citations[item.name] = indexed.citations
        self.prints.append(indexed.print_)
        self.traced[item.name] = indexed.traced


@dataclass(frozen=True, slots=True)
class StoryMember:
    """What the per-story stages read of one version: its ledger (with this corpus's
    metadata, see :func:`ledger_as_traced`), fingerprint, citations and unit term vector."""

    ledger: Ledger
    print_: Fingerprint
    citations: tuple[Citation, ...]
    vector: Mapping[str, float]

    @property
    def id(self) -> str:
        return self.print_.article_id


def build_trace(index: CorpusIndex) -> Trace:
    """Copies, stories and everything per story, from an index of the whole corpus."""
    cites = {a: {outlet_key(c.cited) for c in found} for a, found in index.citations.items()}
    specifics = TermSpace.of_specifics(index.prints)
    copies = find_copies(index.prints, cites, specifics)
    space = TermSpace.fit(index.prints)
    groups = group_stories(index.prints, copies, space, specifics)
    copies_of = {edge.article_id: edge for edge in copies}

    def member(i: int) -> StoryMember:
        article_id = index.prints[i].article_id
        ledger = ledger_as_traced(_cached(index, article_id), index.traced[article_id])
        return StoryMember(ledger, index.prints[i], index.citations[article_id], space.vector(i))

    stories = [
        build_story(f"story-{number}", [member(i) for i in members], copies_of, index.outlets)
        for number, members in enumerate(groups, start=1)
    ]
    return assemble_trace(index.articles, stories)


def assemble_trace(articles: Iterable[TracedArticle], stories: Sequence[Story]) -> Trace:
    """The trace: every input article, placed in its story, and the stories."""
    story_of = {article_id: story.id for story in stories for article_id in story.article_ids}
    return Trace(tuple(replace(a, story_id=story_of.get(a.id)) for a in articles), tuple(stories))


def build_story(
    story_id: str,
    members: Sequence[StoryMember],
    copies_of: Mapping[str, CopyEdge],
    outlets: OutletNames,
) -> Story:
    """One story's trace from its versions (in input order): their citations, the origin, the
    version each article retold, claim families and drift. ``copies_of`` maps a copier to
    its copy edge (edges to texts outside the story are left out)."""
    ids = [m.id for m in members]
    ledgers = {m.id: m.ledger for m in members}
    prints = {m.id: m.print_ for m in members}
    copies = [copies_of[m] for m in ids if m in copies_of and copies_of[m].copy_of in prints]
    # outlets credited by some version are recognised in all: "told the Vestmark Tidende"
    credited = {c.cited for m in members for c in m.citations if " " in c.cited}
    found = {
        m.id: with_known_outlets(list(m.citations), m.ledger, outlets, m.id, credited)
        for m in members
    }
    outlet_of = {m: prints[m].outlet for m in ids}
    cited = {m: {c.cited for c in found[m]} for m in ids}
    origin = find_origin(
        ids,
        _derivations(ids, copies, cited, outlet_of),
        cited,
        outlet_of,
        set(outlets.by_key),
        {m: prints[m].published for m in ids},
    )
    position = {m: k for k, m in enumerate(ids)}
    similarity = TermSpace.of_vectors([m.vector for m in members]).similarities(range(len(ids)))
    versions = [
        align.Version(
            m,
            ledgers[m],
            outlet_key(outlet_of[m]) if outlet_of[m] else None,
            prints[m].published,
            position,
        )
        for position, m in enumerate(ids)
    ]
    parents = align.choose_parents(
        versions,
        origin.article_id,
        {e.article_id: e.copy_of for e in copies},
        {m: {outlet_key(name) for name in names} for m, names in cited.items()},
        lambda a, b: similarity[position[a], position[b]],
    )
    pairs, events = _compare(parents, ledgers, outlets)
    events.extend(_dropped_credits(copies, found, ledgers, outlet_of))
    return Story(
        story_id,
        _title(ids, ledgers, origin.article_id),
        tuple(ids),
        origin,
        _ultimate_sources(ledgers.values(), outlets),
        tuple(copies),
        tuple(c for m in ids for c in found[m]),
        tuple(align.families(pairs)),
        tuple(_distinct(events)),
    )


def _derivations(members, copies, cited, outlet_of) -> dict[str, set[str]]:
    """The members each member copied or credits (an outlet's version in the story)."""
    by_outlet = {outlet_key(o): m for m, o in reversed(list(outlet_of.items())) if o}
    derived: dict[str, set[str]] = {m: set() for m in members}
    for edge in copies:
        derived[edge.article_id].add(edge.copy_of)
    for member, names in cited.items():
        for name in names:
            source = by_outlet.get(outlet_key(name))
            if source and source != member:
                derived[member].add(source)
    return derived


def _compare(parents: dict[str, str], ledgers: dict[str, Ledger], outlets: OutletNames):
    """Claim pairs (child id, claim, parent id, claim) and the drift between them."""

    def is_outlet(source: Source) -> bool:
        return source.kind == SourceKind.MEDIA_OUTLET or outlet_key(source.name) in outlets.by_key

    pairs, events = [], []
    for child_id, parent_id in parents.items():
        child, parent = ledgers[child_id], ledgers[parent_id]
        for child_claim, parent_claim, likeness in align.pair_claims(child, parent):
            pairs.append((child_id, child_claim, parent_id, parent_claim))
            events.extend(
                drift.claim_drift(
                    drift.Version(child_id, child, child_claim),
                    drift.Version(parent_id, parent, parent_claim),
                    is_outlet,
                    likeness,
                )
            )
    return pairs, events


def _dropped_credits(copies, found, ledgers, outlet_of) -> list[DriftEvent]:
    """Credits a copied text carried that its copy left out."""
    events = []
    for edge in copies:
        own = outlet_key(outlet_of[edge.article_id] or "")
        kept = {outlet_key(c.cited) for c in found[edge.article_id]} | {own}
        for citation in found[edge.copy_of]:
            if outlet_key(citation.cited) not in kept:
                event = drift.credit_dropped(
                    edge.article_id,
                    ledgers[edge.article_id],
                    edge.copy_of,
                    ledgers[edge.copy_of],
                    citation.cue,
                )
                if event is not None:
                    events.append(event)
    return events


def _cached(index: CorpusIndex, article_id: str) -> Ledger:
    ledger = index.cache.get_by_key(index.keys[article_id])
    if ledger is None:
        raise NewstraceError(f"the cached ledger of {article_id!r} disappeared during the trace")
    return ledger


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


def _title(members, ledgers, origin_id) -> str:
    first = origin_id or members[0]
    article = ledgers[first].article
    if article.title:
        return article.title
    text = article.text.strip()
    return text.split("\n", 1)[0][:120]


def _ultimate_sources(ledgers: Iterable[Ledger], outlets: OutletNames) -> tuple[Source, ...]:
    """The innermost sources of the story's claims, most often relied on first."""
    counts: Counter[tuple[str, SourceKind]] = Counter()
    for ledger in ledgers:
        for claim in ledger.claims:
            source = claim.attribution.source
            if (
                source.kind != SourceKind.THE_ARTICLE
                and outlet_key(source.name) not in outlets.by_key
            ):
                counts[(source.name, source.kind)] += 1
    return tuple(Source(name, kind) for (name, kind), _ in counts.most_common(ULTIMATE_SOURCES))


def _distinct(events: list[DriftEvent]) -> list[DriftEvent]:
    """One event per article, type and place: nested claims would report a change twice."""
    kept: list[DriftEvent] = []
    for event in sorted(events, key=lambda e: (-e.severity, e.article_id, e.phrase.start)):
        if not any(
            other.article_id == event.article_id
            and other.type == event.type
            and other.phrase.start < event.phrase.end
            and event.phrase.start < other.phrase.end
            for other in kept
        ):
            kept.append(event)
    return sorted(kept, key=lambda e: (e.article_id, e.phrase.start, e.type))


def _host(url: str) -> str | None:
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None
