"""Where a story started, weighing copy direction, who cites whom and the dates, with why.

Dates alone mislead (they may be missing or wrong), so the origin is sought first among the
versions that copy and credit no one else in the story, and only then by date. When every
version credits an outlet that is not in the corpus, the story started there.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date

from newstrace.model import Origin
from newstrace.trace.citations import outlet_key
from newstrace.trace.options import DEFAULT_OPTIONS


def find_origin(
    members: Sequence[str],
    derived_from: Mapping[str, set[str]],
    cited: Mapping[str, set[str]],
    outlets: Mapping[str, str | None],
    corpus_outlets: set[str],
    published: Mapping[str, date | None],
    outside_share: float = DEFAULT_OPTIONS.outside_share,
) -> Origin:
    """The origin of a story of article ids ``members`` (in input order).

    ``derived_from`` maps an article to the story members it copies or credits; ``cited``
    to the outlet names it credits; ``outlets`` gives each member's outlet name. An outlet
    outside the corpus that ``outside_share`` of the versions credit is the origin.
    """
    outside = _outside_outlet(members, cited, corpus_outlets, outside_share)
    if outside:
        name, count = outside
        return Origin(
            None,
            name,
            f"{count} of {len(members)} versions credit {name}, which has no article in the corpus",
        )
    roots = [m for m in members if not (derived_from.get(m, set()) & set(members))] or list(members)
    descendants = _descendant_counts(members, derived_from)
    dated = {m: day for m in roots if (day := published.get(m)) is not None}
    if dated:
        first = min(dated, key=lambda m: (dated[m], members.index(m)))
        why = f"earliest dated version ({dated[first].isoformat()})"
    else:
        first = max(roots, key=lambda m: (descendants[m], -members.index(m)))
        why = "no usable date; the version most others derive from"
    if len(roots) < len(members):
        why += f"; copies and credits no other version, {descendants[first]} derive from it"
    return Origin(first, outlets.get(first), why)


def _outside_outlet(
    members: Sequence[str],
    cited: Mapping[str, set[str]],
    corpus_outlets: set[str],
    share: float,
) -> tuple[str, int] | None:
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    display = {outlet_key(name): name for credited in cited.values() for name in credited}
    keys = set(display)
    for member in members:
        found = set()
        for name in cited.get(member, ()):
            key = _fullest(outlet_key(name), keys)
            if key not in corpus_outlets:
                found.add(key)
                names.setdefault(key, display.get(key, name))
        counts.update(found)
    if not counts or len(members) < 2:
        return None
    key, count = counts.most_common(1)[0]
    return (names[key], count) if count >= share * len(members) else None


def _fullest(key: str, keys: set[str]) -> str:
    """A one-word short form ("ledger") as the fuller name some version uses."""
    if " " in key:
        return key
    fuller = sorted(k for k in keys if key in k.split() and k != key)
    return fuller[0] if len(fuller) == 1 else key


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
