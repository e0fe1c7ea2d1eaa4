"""The trace of a corpus, stage by stage: index each analysed article, then build stories.

:class:`CorpusIndex` takes the analysed articles one at a time (a corpus streams; only the
small per-article fingerprints stay in memory, ledgers wait in the cache) and
:func:`build_trace` runs the corpus-wide stages in order: copies, stories, then per story its
origin, the version each article retold, claim families and drift.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from newstrace.errors import NewstraceError
from newstrace.ingest import InputItem, outlet_from_url
from newstrace.model import (
    ArticleStatus,
    Citation,
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


def learn_outlets(items: Iterable[InputItem]) -> tuple[dict[str, str], set[str], int]:
    """The outlets publishing in a corpus: names by web host, every name given, and how
    many items the corpus holds.

    An article with only a URL then gets the name its sister articles use ("Harbour
    Gazette"), not the bare host, so citations and copies can be matched to it.
    """
    votes: dict[str, Counter[str]] = {}
    names: set[str] = set()
    total = 0
    for item in items:
        total += 1
        article = item.article
        if article is not None and article.outlet:
            names.add(article.outlet)
            host = _host(article.url) if article.url else None
            if host:
                votes.setdefault(host, Counter())[article.outlet] += 1
    return {host: counts.most_common(1)[0][0] for host, counts in votes.items()}, names, total


def with_outlet(item: InputItem, hosts: dict[str, str]) -> InputItem:
    """The item with its outlet named: given, learnt from its URL's host, or known by URL."""
    article = item.article
    if article is None or article.outlet or not article.url:
        return item
    outlet = hosts.get(_host(article.url) or "") or outlet_from_url(article.url)
    return replace(item, article=replace(article, outlet=outlet))


@dataclass
class CorpusIndex:
    """What the trace keeps of each analysed article while the corpus streams past."""

    cache: LedgerCache
    outlets: OutletNames
    articles: list[TracedArticle] = field(default_factory=list)
    prints: list[Fingerprint] = field(default_factory=list)
    keys: dict[str, str] = field(default_factory=dict)
    traced: dict[str, TracedArticle] = field(default_factory=dict)
    citations: dict[str, list[Citation]] = field(default_factory=dict)

    def add(self, item: InputItem, result: Ledger | NewstraceError) -> None:
        article = item.article
        warnings = list(item.warnings)
        if article is not None and article.id not in (None, item.name):
            warnings.append(f"duplicate id {article.id!r}; traced as {item.name!r}")
        if isinstance(result, NewstraceError):
            self.articles.append(
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
            return
        published, problem = parse_published(result.article.published)
        if problem:
            warnings.append(problem)
        warnings.extend(result.warnings)
        self.keys[item.name] = self.cache.put(result)
        self.citations[item.name] = find_citations(result, self.outlets, item.name)
        self.prints.append(fingerprint(item.name, result.article.text, published, result.outlet))
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
        self.articles.append(traced)
        self.traced[item.name] = traced


def build_trace(index: CorpusIndex) -> Trace:
    """Copies, stories and everything per story, from an index of the whole corpus."""
    cites = {a: {outlet_key(c.cited) for c in found} for a, found in index.citations.items()}
    specifics = TermSpace.of_specifics(index.prints)
    copies = find_copies(index.prints, cites, specifics)
    space = TermSpace.fit(index.prints)
    groups = group_stories(index.prints, copies, space, specifics)
    by_id = {p.article_id: i for i, p in enumerate(index.prints)}
    copies_of = {edge.article_id: edge for edge in copies}
    stories = [
        _story(
            f"story-{number}",
            [index.prints[i].article_id for i in members],
            index,
            copies_of,
            space,
            by_id,
        )
        for number, members in enumerate(groups, start=1)
    ]
    story_of = {article_id: story.id for story in stories for article_id in story.article_ids}
    articles = tuple(replace(a, story_id=story_of.get(a.id)) for a in index.articles)
    return Trace(articles, tuple(stories))


def _story(story_id, members, index, copies_of, space, by_id) -> Story:
    """One story's trace: its citations, origin, the version each article retold, claim
    families and drift, from the cached ledgers of its ``members``."""
    ledgers = {m: _ledger(index, m) for m in members}
    prints = {m: index.prints[by_id[m]] for m in members}
    copies = [copies_of[m] for m in members if m in copies_of and copies_of[m].copy_of in prints]
    # outlets credited by some version are recognised in all: "told the Vestmark Tidende"
    credited = {c.cited for m in members for c in index.citations.get(m, []) if " " in c.cited}
    found = {
        m: with_known_outlets(index.citations.get(m, []), ledgers[m], index.outlets, m, credited)
        for m in members
    }
    outlet_of = {m: prints[m].outlet for m in members}
    cited = {m: {c.cited for c in found[m]} for m in members}
    origin = find_origin(
        members,
        _derivations(members, copies, cited, outlet_of),
        cited,
        outlet_of,
        set(index.outlets.by_key),
        {m: prints[m].published for m in members},
    )
    position = {m: k for k, m in enumerate(members)}
    similarity = space.similarities([by_id[m] for m in members])
    versions = [
        align.Version(
            m,
            ledgers[m],
            outlet_key(outlet_of[m]) if outlet_of[m] else None,
            prints[m].published,
            position,
        )
        for position, m in enumerate(members)
    ]
    parents = align.choose_parents(
        versions,
        origin.article_id,
        {e.article_id: e.copy_of for e in copies},
        {m: {outlet_key(name) for name in names} for m, names in cited.items()},
        lambda a, b: similarity[position[a], position[b]],
    )
    pairs, events = _compare(parents, ledgers, index.outlets)
    events.extend(_dropped_credits(copies, found, ledgers, outlet_of))
    return Story(
        story_id,
        _title(members, index, ledgers, origin.article_id),
        tuple(members),
        origin,
        _ultimate_sources(ledgers.values(), index.outlets),
        tuple(copies),
        tuple(c for m in members for c in found[m]),
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


def _ledger(index: CorpusIndex, article_id: str) -> Ledger:
    """The article's ledger from the cache, with this corpus's metadata for it."""
    ledger = index.cache.get_by_key(index.keys[article_id])
    if ledger is None:
        raise NewstraceError(f"the cached ledger of {article_id!r} disappeared during the trace")
    traced = index.traced[article_id]
    article = replace(
        ledger.article,
        id=article_id,
        title=traced.title,
        url=traced.url,
        published=traced.published,
    )
    return replace(ledger, article=article)


def _title(members, index, ledgers, origin_id) -> str:
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
