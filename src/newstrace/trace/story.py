"""One story's trace from its versions: citations, origin, who retold whom, claim families, drift.

:func:`build_story` reads only the story's own members, so an engine can build each story
wherever its versions are (the Spark engine does it on the executors); :func:`assemble_trace`
then places every input article in its story.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from itertools import islice
from pathlib import Path

from newstrace.analyze.sources import names_nobody
from newstrace.ingest import outlet_key
from newstrace.ingest.chrome import headline
from newstrace.model import (
    Citation,
    CopyEdge,
    DriftEvent,
    DriftType,
    Ledger,
    Source,
    SourceKind,
    Span,
    Story,
    Trace,
    TracedArticle,
)
from newstrace.trace import align, drift
from newstrace.trace.cache import GistCache
from newstrace.trace.citations import OutletNames, with_known_outlets
from newstrace.trace.claim_meaning import encode_claims
from newstrace.trace.dates import latest_day
from newstrace.trace.embed import encoder_provenance
from newstrace.trace.fingerprint import Fingerprint
from newstrace.trace.options import TraceOptions
from newstrace.trace.origin import find_origin
from newstrace.trace.text import body, page_chrome
from newstrace.trace.vectors import TermSpace, UnitVector
from newstrace.trace.wording import fold


@dataclass(frozen=True, slots=True)
class StoryMember:
    """What the per-story stages read of one version: its ledger (with this corpus's
    metadata, see :func:`~newstrace.trace.index.ledger_as_traced`), fingerprint, citations and
    unit term vector."""

    ledger: Ledger
    print_: Fingerprint
    citations: tuple[Citation, ...]
    vector: UnitVector

    @property
    def id(self) -> str:
        return self.print_.article_id


def assemble_trace(articles: Iterable[TracedArticle], stories: Sequence[Story]) -> Trace:
    """The trace: every input article, placed in its story, and the stories."""
    story_of = {
        article_id: story.id
        for story in stories
        for article_id in (*story.article_ids, *story.other_language_ids)
    }
    return Trace(tuple(replace(a, story_id=story_of.get(a.id)) for a in articles), tuple(stories))


def build_stories(
    told: Iterable[tuple[str, Sequence[StoryMember]]],
    copies_of: Mapping[str, CopyEdge],
    outlets: OutletNames,
    options: TraceOptions,
    cache: GistCache | None = None,
) -> Iterator[Story]:
    """:func:`build_story` for each ``(story id, members)``, lazily, the claims of every story
    told more than once encoded first, :data:`STORIES_AT_ONCE` stories at a time: encoding
    one story's few claims at a time is ten times slower. Without a ``cache``, a scratch one
    holds them while the stories are built."""
    if cache is None:
        with tempfile.TemporaryDirectory(prefix="newstrace-claims-") as scratch:
            yield from build_stories(
                told, copies_of, outlets, options, GistCache(Path(scratch), encoder_provenance())
            )
        return
    stories = iter(told)
    while chunk := list(islice(stories, STORIES_AT_ONCE)):
        encode_claims(
            (m.ledger for _, members in chunk if len(members) > 1 for m in members), cache
        )
        for story_id, members in chunk:
            yield build_story(story_id, members, copies_of, outlets, options, cache)


STORIES_AT_ONCE = 512
"""Stories whose versions' claims are encoded in one go before the stories are built."""


def build_story(
    story_id: str,
    members: Sequence[StoryMember],
    copies_of: Mapping[str, CopyEdge],
    outlets: OutletNames,
    options: TraceOptions,
    cache: GistCache | None = None,
) -> Story:
    """One story's trace from its versions (in input order): their citations, the origin, the
    version each article retold, claim families and drift (claim embeddings read from and
    kept in ``cache``). ``copies_of`` maps a copier to
    its copy edge (edges to texts outside the story are left out)."""
    ids = [m.id for m in members]
    ledgers = {m.id: without_chrome(m.ledger) for m in members}
    prints = {m.id: m.print_ for m in members}
    copies = [copies_of[m] for m in ids if m in copies_of and copies_of[m].copy_of in prints]
    # outlets credited by some version are recognised in all: "told the Vestmark Tidende"
    credited = {c.cited for m in members for c in m.citations if " " in c.cited}
    outlet_of = {m: prints[m].outlet for m in ids}
    version_of = {outlet_key(o): m for m, o in reversed(list(outlet_of.items())) if o}
    found = {
        m.id: _targeted(
            with_known_outlets(list(m.citations), m.ledger, outlets, m.id, credited), version_of
        )
        for m in members
    }
    cited = {m: [c.cited for c in found[m]] for m in ids}
    origin = find_origin(
        ids,
        _derivations(ids, copies, found),
        cited,
        outlet_of,
        set(outlets.by_key),
        {m: latest_day(ledgers[m].article.published) for m in ids},
    )
    position = {m: k for k, m in enumerate(ids)}
    similarity = TermSpace.of([m.vector for m in members]).similarities()
    versions = [
        align.Version(
            m,
            ledgers[m],
            outlet_key(outlet) if (outlet := outlet_of[m]) else None,
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
    pairs, events = _compare(parents, ledgers, outlets, options.same_claim, cache)
    events.extend(_dropped_credits(copies, found, ledgers, outlet_of))
    for child_id, parent_id in parents.items():
        events.extend(
            drift.details_changed(child_id, ledgers[child_id], parent_id, ledgers[parent_id])
        )
    events = _first_told(events, ledgers, parents)
    return Story(
        story_id,
        _title(ids, ledgers, origin.article_id),
        tuple(ids),
        origin,
        _ultimate_sources(ledgers.values(), outlets, options.ultimate_sources),
        tuple(copies),
        tuple(c for m in ids for c in found[m]),
        tuple(align.families(pairs)),
        tuple(_distinct(events)),
    )


def _targeted(citations: list[Citation], version_of: Mapping[str, str]) -> list[Citation]:
    """Each citation with the story's version from the credited outlet (its first one)."""
    targeted = []
    for citation in citations:
        target = version_of.get(outlet_key(citation.cited))
        if target == citation.article_id:
            target = None
        targeted.append(replace(citation, target_article_id=target))
    return targeted


def _derivations(
    members: Sequence[str], copies: Iterable[CopyEdge], found: Mapping[str, list[Citation]]
) -> dict[str, set[str]]:
    """The members each member copied or credits (an outlet's version in the story)."""
    derived: dict[str, set[str]] = {m: set() for m in members}
    for edge in copies:
        derived[edge.article_id].add(edge.copy_of)
    for member, citations in found.items():
        derived[member].update(c.target_article_id for c in citations if c.target_article_id)
    return derived


def _compare(
    parents: dict[str, str],
    ledgers: dict[str, Ledger],
    outlets: OutletNames,
    same_claim: float,
    cache: GistCache | None,
):
    """Claim pairs (child id, claim, parent id, claim) and the drift between them."""

    def is_outlet(source: Source) -> bool:
        return source.kind == SourceKind.MEDIA_OUTLET or outlet_key(source.name) in outlets.by_key

    pairs, events = [], []
    involved = {*parents, *parents.values()}
    claims = align.StoryClaims.of(
        {v: ledger for v, ledger in ledgers.items() if v in involved}, cache
    )
    for child_id in parents:
        tiers = align.earlier_versions(child_id, parents)
        for child_claim, parent_id, parent_claim, sure in align.pair_with_earlier(
            claims, child_id, tiers, same_claim
        ):
            pairs.append((child_id, child_claim, parent_id, parent_claim))
            events.extend(
                drift.claim_drift(
                    drift.Version(child_id, ledgers[child_id], child_claim),
                    drift.Version(parent_id, ledgers[parent_id], parent_claim),
                    is_outlet,
                    sure,
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


def without_chrome(ledger: Ledger) -> Ledger:
    """The ledger without the claims it found in page chrome ("Subscribe to get daily
    updates", a caption, a teaser for another story): none of them is the story's, so
    they are neither aligned nor compared for drift. The text and offsets stay as given."""
    chrome = page_chrome(ledger.article.text)
    if not chrome:
        return ledger
    kept = tuple(c for c in ledger.claims if not any(a <= c.span.start < b for a, b in chrome))
    return ledger if len(kept) == len(ledger.claims) else replace(ledger, claims=kept)


def _title(members, ledgers, origin_id) -> str:
    """The headline of the origin (or first version): its title field when real, else its
    first line that reads like a headline, never page chrome; else its first words."""
    first = origin_id or members[0]
    article = ledgers[first].article
    found = headline(article.text, article.title)
    if found:
        return found[:_TITLE_CHARS]
    for start, end in body(article.text):
        return article.text[start:end].split("\n", 1)[0][:_TITLE_CHARS]
    return (article.title or article.text.strip())[:_TITLE_CHARS]


_TITLE_CHARS = 120


def _ultimate_sources(
    ledgers: Iterable[Ledger], outlets: OutletNames, count: int
) -> tuple[Source, ...]:
    """The innermost sources of the story's claims, most often relied on first; not the
    story's own outlets, nor a pronoun the ledger left unresolved ("you", "It")."""
    counts: Counter[tuple[str, SourceKind]] = Counter()
    for ledger in ledgers:
        for claim in ledger.claims:
            source = claim.attribution.source
            if (
                source.kind != SourceKind.THE_ARTICLE
                and outlet_key(source.name) not in outlets.by_key
                and not names_nobody(source.name)
            ):
                counts[(source.name, source.kind)] += 1
    return tuple(Source(name, kind) for (name, kind), _ in counts.most_common(count))


def _first_told(
    events: list[DriftEvent], ledgers: Mapping[str, Ledger], parents: Mapping[str, str]
) -> list[DriftEvent]:
    """A change is reported where it was first made: an event whose new wording a version
    placed before its article already printed without the old wording (a later report
    repeating an earlier retelling's words, not the version it is compared with) belongs
    to that retelling, where it is reported."""

    @cache
    def text_of(version: str) -> str:
        return _folded(ledgers[version].article.text)

    @cache
    def placed_before(article_id: str) -> list[str]:
        return [v for tier in align.earlier_versions(article_id, parents) for v in tier]

    kept = []
    for event in events:
        said, was = _folded(event.phrase.text), _folded(event.earlier_phrase.text)
        earlier = (
            text_of(v) for v in placed_before(event.article_id) if v != event.earlier_article_id
        )
        if not any(said in text and was not in text for text in earlier):
            kept.append(event)
    return kept


def _folded(text: str) -> str:
    return " ".join(fold(text).split())


def _distinct(events: list[DriftEvent]) -> list[DriftEvent]:
    """One event per article, type and place: nested claims would report a change twice, and
    a changed time found on its own ("3 p.m.") may touch the changed claim it ends ("four
    men were shot on West 16th Street around")."""
    placed: dict[tuple[str, DriftType], list[Span]] = {}
    kept: list[DriftEvent] = []
    for event in sorted(events, key=lambda e: (-e.severity, e.article_id, e.phrase.start)):
        phrases = placed.setdefault((event.article_id, event.type), [])
        if not any(
            other.start <= event.phrase.end + 1 and event.phrase.start <= other.end + 1
            for other in phrases
        ):
            phrases.append(event.phrase)
            kept.append(event)
    return sorted(kept, key=lambda e: (e.article_id, e.phrase.start, e.type))
