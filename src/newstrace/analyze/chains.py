"""Attribution chains: through whom a claim passed before it reached the reader.

"Japan's Asahi Shinbun quoted a defector ... as describing a video in which a narrator
explains Kim is crying" holds three attributions, each inside the content of the one before.
A claim's chain is the chain of the attribution it sits in, plus its own source; a later
"the defector said" inherits the chain of the mention it refers back to. Every chain starts
with the article's outlets (from its metadata and its credit line).
"""

from __future__ import annotations

import re
from dataclasses import replace

from newstrace.analyze.attribution.nesting import CITING
from newstrace.analyze.claims import trimmed
from newstrace.analyze.nlp import text_of
from newstrace.analyze.sources import PEOPLE, SourceResolver, given_names, speaks_as_one
from newstrace.ingest import outlet_identity
from newstrace.model import Attribution, AttributionSpans, Source, SourceKind, Span

# what a broadcaster adds to its call letters: a channel number, "News", "TV" ("WSB-TV")
_STATION_EXTRAS = re.compile(r"\d+|(?:news|tv)$")
# networks whose local stations carry their letters: "told ABC News" on abc7.com is the network
_NETWORKS = frozenset({"abc", "cbs", "nbc", "fox", "cnn", "cw"})

UNNAMED = Source("unnamed sources", SourceKind.UNNAMED_GROUP)


def outlet_chain(outlet: str | None, credit: tuple[str, Span] | None) -> tuple[Source, ...]:
    """The outermost links: the article's own outlet, then the outlet its credit line names."""
    chain: list[Source] = []
    if outlet:
        chain.append(Source(outlet, SourceKind.MEDIA_OUTLET))
    if credit and credit[0] != outlet:
        chain.append(Source(credit[0], SourceKind.MEDIA_OUTLET, credit[1]))
    return tuple(chain)


def the_article(root: tuple[Source, ...]) -> tuple[Source, ...]:
    """The chain of a claim the article asserts itself: its outlets, the last one as asserter."""
    if not root:
        return (Source("the article", SourceKind.THE_ARTICLE),)
    last = root[-1]
    return (*root[:-1], Source(last.name, SourceKind.THE_ARTICLE, last.span))


def _parent(found: AttributionSpans, others: list[AttributionSpans]) -> AttributionSpans | None:
    """The innermost other attribution whose content holds this one's cue; for whom a
    report cites ("X, Reuters reported, citing officials"), the report's attribution."""
    if found.cue.text.lower() == CITING:
        return next((o for o in others if o.content == found.content and o is not found), None)
    holders = [
        other
        for other in others
        if other is not found and other.content.contains(found.cue) and _outside(other, found)
    ]
    return min(holders, key=lambda a: a.content.end - a.content.start, default=None)


def _outside(holder: AttributionSpans, found: AttributionSpans) -> bool:
    """Whether ``holder`` credits ``found``: its content is the longer, except where each
    content holds the other's cue ("Shelton told police that X, according to court
    documents", a content run on to the sentence's end): the credit given last is outside."""
    if found.content.contains(holder.cue):
        return holder.cue.start > found.cue.start
    return (holder.content.end - holder.content.start) > (found.content.end - found.content.start)


def _holder_of(span: Span, others: list[AttributionSpans]) -> AttributionSpans | None:
    holders = [other for other in others if other.content.contains(span)]
    return min(holders, key=lambda a: a.content.end - a.content.start, default=None)


def _spoke_there(mention: Span, found: list[AttributionSpans]) -> bool:
    """Whether the earlier mention a source refers back to was itself a source ("quoted a
    defector as describing ... The defector said"): only then did the later words pass
    through whoever reported that mention. A person only spoken of there ("the gun
    belonged to Walter Pike ... He denied it") speaks for himself."""
    return any(a.source is not None and a.source.contains(mention) for a in found)


def _without_detour(chain: tuple[Source, ...]) -> tuple[Source, ...]:
    """A chain that comes back to a source it passed ("Zharkova noted ..., according to the
    society" holding "... said the society") passed nothing on the way: it ends where that
    source first stands."""
    last = chain[-1]
    first = next(i for i, link in enumerate(chain) if link.name == last.name)
    return chain if first == len(chain) - 1 else (*chain[:first], last)


def _one_role_each(
    sources: dict[AttributionSpans, Source], text: str
) -> dict[AttributionSpans, Source]:
    """One person, one name and one role through the article: a surname alone ("Chief
    Batts", "he" resolved to it) is the one full name given with it, and a person is an
    official wherever one mention gives the office ("Anthony Batts" named first, "Chief
    Batts" later). A surname the text gives two people ("Dale Lund", "Ana Lund") is left
    as it is."""
    people = [s for s in sources.values() if s.kind in PEOPLE]
    full: dict[str, set[str]] = {}
    for source in people:
        if len(words := source.name.split()) > 1:
            full.setdefault(words[-1], set()).add(source.name)

    def whole(name: str) -> str | None:
        """The person's full name, or None where a bare surname may mean two people."""
        if " " in name:
            return name
        if len(given_names(text, name)) > 1:
            return None
        names = full.get(name, set())
        return next(iter(names)) if len(names) == 1 else name

    wholes = {source.name: whole(source.name) for source in people}  # each name read once
    officials = {wholes[s.name] for s in people if s.kind is SourceKind.GOVERNMENT_OFFICIAL}
    one = {}
    for item, source in sources.items():
        name = wholes[source.name] if source.kind in PEOPLE else None
        if name is not None:
            kind = SourceKind.GOVERNMENT_OFFICIAL if name in officials else source.kind
            source = replace(source, name=name, kind=kind)
        one[item] = source
    return one


def build_attributions(
    resolver: SourceResolver, found: list[AttributionSpans], root: tuple[Source, ...]
) -> dict[AttributionSpans, Attribution]:
    """Resolve every source and chain every attribution of one document."""
    in_text_order = sorted(found, key=lambda a: (a.source or a.cue).start)
    sources = {
        a: resolver.resolve(a.source) if a.source else resolver.record_in_cue(a.cue) or UNNAMED
        for a in in_text_order
    }
    people = {s.name for a, s in sources.items() if speaks_as_one(resolver.doc, s, a.content)}
    sources = {
        a: replace(s, kind=SourceKind.NAMED_PERSON)
        if s.name in people and s.kind is SourceKind.ORGANISATION
        else s
        for a, s in sources.items()
    }
    text = text_of(resolver.doc)
    sources = _one_role_each(sources, text)
    found = [a for a in found if not _under_a_named_source(a, sources, found)]
    in_text_order = [a for a in in_text_order if a in found]
    parents = {a: _parent(a, found) for a in found}
    chains: dict[AttributionSpans, tuple[Source, ...]] = {}

    def chain_of(item: AttributionSpans) -> tuple[Source, ...]:
        if item not in chains:
            chains[item] = root  # guards against a cycle while this chain is being built
            outer = parents[item]
            mention = sources[item].mention
            if outer is None and mention is not None and _spoke_there(mention, found):
                outer = _holder_of(mention, found)
            prefix = chain_of(outer) if outer is not None else root
            if sources[item].kind is SourceKind.THE_ARTICLE:  # "A close inspection shows"
                chains[item] = the_article(prefix)
                return chains[item]
            if prefix and _same_outlet(prefix[-1].name, sources[item].name):
                prefix = prefix[:-1]  # the credited outlet, now named in the text: one link
            venue = resolver.venue(item.cue, sources[item])
            if venue is not None and not any(_same_station(venue.name, p.name) for p in prefix):
                prefix = (*prefix, venue)  # "he told the Mail on Sunday": relayed by it
            chains[item] = _without_detour((*prefix, sources[item]))
        return chains[item]

    built = {}
    for item in in_text_order:
        chain = chain_of(item)
        # the writer's own look asserts as the article does: the chain's last link
        source = chain[-1] if sources[item].kind is SourceKind.THE_ARTICLE else sources[item]
        content = _before_outer_credit(text, item, parents[item])
        built[item] = Attribution(source, item.cue, content, chain)
    return built


def _same_outlet(first: str, second: str) -> bool:
    """Whether two names are one outlet, however written: the publisher known by its web
    address ("buffalonews.com") is the paper a source told ("told The Buffalo News")."""
    return _identity(first) == _identity(second)


def _identity(name: str) -> str:
    """An outlet's identity with its spaces closed up ("buffalo news" is "buffalonews")."""
    return outlet_identity(name).replace(" ", "")


def _same_station(told: str, outlet: str) -> bool:
    """Whether the outlet a source told is the one already in the chain, also as a
    broadcaster's call letters with its channel and "News" ("told WAVE 3 News" on wave3.com,
    "KHOU 11 News" on khou.com): the publisher is no link of its own (`CLAIMS.md` 2.1)."""
    keys = [_identity(name) for name in (told, outlet)]
    if keys[0] == keys[1]:
        return True
    letters = [_STATION_EXTRAS.sub("", key) for key in keys]
    return len(letters[0]) >= 3 and letters[0] == letters[1] and letters[0] not in _NETWORKS


def _under_a_named_source(
    item: AttributionSpans, sources: dict[AttributionSpans, Source], found: list[AttributionSpans]
) -> bool:
    """Whether a sourceless cue ("is expected to") stands inside what a named source says
    ("Pellin Motors is expected to ..., according to the report"): the hedge is on that
    source's words, and no unnamed sources stand between (`CLAIMS.md` 2.3)."""
    return sources[item] is UNNAMED and any(
        other is not item and sources[other] is not UNNAMED and other.content.contains(item.cue)
        for other in found
    )


def _before_outer_credit(text: str, item: AttributionSpans, outer: AttributionSpans | None) -> Span:
    """A content run on over the credit outside it ("that her son X, [according to court
    documents]") ends before that credit: the credit is no part of what was said."""
    if outer is None or not item.content.contains(outer.cue):
        return item.content
    cut = trimmed(text, item.content.start, outer.cue.start)  # its end; the start stays
    return Span.of(text, item.content.start, cut.end) if cut else item.content
