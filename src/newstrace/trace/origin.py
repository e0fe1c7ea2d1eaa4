"""Where a story started, from who copies or credits whom, what the versions credit outside
the corpus, and the dates, with why; "unknown" when they do not tell.

Dates alone mislead (they are often missing, partial or years late), so the order is:
1. an outlet outside the corpus that more versions credit than any other (two at least) is
   where the story came from ("told the Mail on Sunday" in four retellings);
2. otherwise the first of the versions that copy and credit no other version ("roots"), by
   the latest day each can have been published (a partial date "2012" counts as its last
   day; a version others copy or credit existed before them); if that version itself
   credits an outside outlet, the story came from there;
3. otherwise the root most versions derive from; otherwise unknown.
A single version makes no origin claim.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date

from newstrace.ingest import outlet_key
from newstrace.model import Origin

UNKNOWN_ONE_VERSION = "one version only: nothing shows where it came from"


def find_origin(
    members: Sequence[str],
    derived_from: Mapping[str, set[str]],
    cited: Mapping[str, Sequence[str]],
    outlets: Mapping[str, str | None],
    corpus_outlets: set[str],
    latest_day: Mapping[str, date | None],
) -> Origin:
    """The origin of a story of article ids ``members`` (in input order).

    ``derived_from`` maps an article to the story members it copies or credits; ``cited``
    to the outlet names it credits, in the order found; ``outlets`` gives each member's
    outlet name; ``latest_day`` the last day each can have been published (see
    :func:`~newstrace.trace.dates.published_period`).
    """
    if len(members) < 2:
        return Origin(None, None, UNKNOWN_ONE_VERSION)
    outside = {m: _outside(cited.get(m, ()), corpus_outlets) for m in members}
    credited = _most_credited(outside)
    if credited:
        name, count = credited
        return Origin(
            None,
            name,
            f"{count} of {len(members)} versions credit {name}, more than any other outlet, "
            "and it has no article in the corpus",
        )
    roots = [m for m in members if not (derived_from.get(m, set()) & set(members))]
    latest = _bounded_by_derivations(members, derived_from, latest_day)
    dated = [m for m in roots if latest[m] is not None]
    if dated:
        first = min(dated, key=lambda m: (latest[m], members.index(m)))
        when = f"published by {latest[first].isoformat()}"  # type: ignore[union-attr]
        if outside[first]:
            name = outside[first][0]
            return Origin(
                None,
                name,
                f"the first version that copies no other ({first}, {when}) credits {name}, "
                "which has no article in the corpus",
            )
        return Origin(first, outlets.get(first), f"the first version that copies no other ({when})")
    descendants = _descendant_counts(members, derived_from)
    most = max(roots or members, key=lambda m: (descendants[m], -members.index(m)))
    if descendants[most]:
        return Origin(
            most,
            outlets.get(most),
            f"no usable date; {descendants[most]} versions copy or credit it, directly or not",
        )
    return Origin(None, None, "unknown: no version is dated and none copies or credits another")


def _outside(names: Sequence[str], corpus_outlets: set[str]) -> list[str]:
    """The credited names whose outlet has no article in the corpus, in order, once each."""
    seen: dict[str, str] = {}
    for name in names:
        key = outlet_key(name)
        if key and key not in corpus_outlets:
            seen.setdefault(key, name)
    return list(seen.values())


def _most_credited(outside: Mapping[str, list[str]]) -> tuple[str, int] | None:
    """The outside outlet credited by the most versions, if two or more and no tie."""
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    keys = {outlet_key(n) for credited in outside.values() for n in credited}
    for credited in outside.values():
        found = {_fullest(outlet_key(n), keys) for n in credited}
        counts.update(found)
        for n in credited:
            names.setdefault(_fullest(outlet_key(n), keys), n)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return names[ranked[0][0]], ranked[0][1]


def _fullest(key: str, keys: set[str]) -> str:
    """A one-word short form ("ledger") as the fuller name some version uses."""
    if " " in key:
        return key
    fuller = sorted(k for k in keys if key in k.split() and k != key)
    return fuller[0] if len(fuller) == 1 else key


def _bounded_by_derivations(
    members: Sequence[str],
    derived_from: Mapping[str, set[str]],
    latest_day: Mapping[str, date | None],
) -> dict[str, date | None]:
    """Each member's latest possible day, no later than that of any version that copies or
    credits it (directly or not): what is copied existed first."""
    latest = {m: latest_day.get(m) for m in members}
    for _ in members:  # at most one pass per member until nothing moves
        moved = False
        for member in members:
            day = latest[member]
            for parent in derived_from.get(member, ()):
                if day is not None and parent in latest:
                    bound = latest[parent]
                    if bound is None or day < bound:
                        latest[parent] = day
                        moved = True
        if not moved:
            break
    return latest


def _descendant_counts(members: Sequence[str], derived_from: Mapping[str, set[str]]) -> Counter:
    """How many members derive, directly or not, from each member."""
    children: dict[str, set[str]] = {}
    for member in members:
        for parent in derived_from.get(member, ()):
            children.setdefault(parent, set()).add(member)
    counts: Counter[str] = Counter()
    for member in members:
        seen: set[str] = set()
        stack = list(children.get(member, ()))
        while stack:
            node = stack.pop()
            if node not in seen:
                seen.add(node)
                stack.extend(children.get(node, ()))
        counts[member] = len(seen - {member})
    return counts
