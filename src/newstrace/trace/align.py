"""Which version each article retold, and which of its claims are versions of which.

Drift is measured between an article and the version it retold, not the origin: in a chain
A -> B -> C, C's dropped hedge is a change from B. The parent is the text an article copied,
else the version of an outlet it credits, else the most similar version published before it.
Claims are then paired one-to-one by shared content words, each claim with the nearest
earlier version that carries it: a retelling also repeats what its parent left out (a
headline from the origin, a detail from a version it read besides).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from newstrace.model import Claim, ClaimFamily, ClaimRef, Ledger
from newstrace.trace.options import DEFAULT_OPTIONS
from newstrace.trace.text import STOPWORDS, stem, tokens


@dataclass(frozen=True, slots=True)
class Version:
    """An article of a story, as alignment sees it."""

    id: str
    ledger: Ledger
    outlet_key: str | None
    published: date | None
    order: int


def choose_parents(
    versions: Sequence[Version],
    origin_id: str | None,
    copy_of: Mapping[str, str],
    cites: Mapping[str, set[str]],
    similarity,
) -> dict[str, str]:
    """The version each article retold (the origin and lone roots have none).

    ``similarity(a_id, b_id)`` compares two versions; versions are considered in time order
    (undated ones after dated ones, then input order), so parents never form a cycle.
    """
    origin_date = next((v.published for v in versions if v.id == origin_id), None)

    def when(version: Version) -> date | None:
        """The date, unless it claims to precede the origin: then it is wrong."""
        if origin_date and version.published and version.published < origin_date:
            return None
        return version.published

    ordered = sorted(
        versions,
        key=lambda v: (v.id != origin_id, when(v) is None, when(v) or date.min, v.order),
    )
    rank = {version.id: position for position, version in enumerate(ordered)}
    parents: dict[str, str] = {}
    for version in ordered[1:]:
        earlier = ordered[: rank[version.id]]
        parent = copy_of.get(version.id)
        if parent is None or _is_ancestor(version.id, parent, parents):
            credited = [
                o for o in earlier if o.outlet_key and o.outlet_key in cites.get(version.id, ())
            ]
            pool = credited or earlier
            parent = max(pool, key=lambda other: similarity(version.id, other.id)).id
        parents[version.id] = parent
    return parents


def earlier_versions(child_id: str, parents: Mapping[str, str]) -> list[str]:
    """The versions ``child_id`` may have retold, nearest first: its parent and theirs up to
    the root, then the other versions placed before it (``parents`` is in time order, as
    :func:`choose_parents` builds it), latest first."""
    line: list[str] = []
    node = child_id
    while node in parents and parents[node] not in line and parents[node] != child_id:
        node = parents[node]
        line.append(node)
    roots = [p for p in dict.fromkeys(parents.values()) if p not in parents]
    order = [*roots, *parents]
    before = order[: order.index(child_id)] if child_id in order else []
    return line + [v for v in reversed(before) if v not in line]


def pair_with_earlier(
    child: Ledger,
    earlier: Sequence[tuple[str, Ledger]],
    same_claim: float = DEFAULT_OPTIONS.same_claim,
) -> list[tuple[Claim, str, Claim, float]]:
    """Each claim of ``child`` with its version in the first of the ``earlier`` (id, ledger)
    versions that carries one: (claim, version id, its claim, likeness) quadruples."""
    found: dict[tuple[int, int], tuple[Claim, str, Claim, float]] = {}
    for version_id, ledger in earlier:
        for claim, other, likeness in pair_claims(child, ledger, same_claim):
            found.setdefault(
                (claim.span.start, claim.span.end), (claim, version_id, other, likeness)
            )
    return list(found.values())


def _is_ancestor(node: str, candidate: str, parents: Mapping[str, str]) -> bool:
    """Whether ``node`` is already an ancestor of ``candidate`` (so it cannot be its parent)."""
    seen: set[str] = set()
    while candidate in parents and candidate not in seen:
        seen.add(candidate)
        candidate = parents[candidate]
        if candidate == node:
            return True
    return False


def claim_words(ledger: Ledger, claim: Claim) -> frozenset[str]:
    """The content-word stems of a claim, for pairing it with its versions."""
    text = ledger.article.text
    return frozenset(
        stem(token.lower)
        for token in tokens(text, claim.span.start, claim.span.end)
        if token.lower not in STOPWORDS
    )


def pair_claims(
    child: Ledger, parent: Ledger, same_claim: float = DEFAULT_OPTIONS.same_claim
) -> list[tuple[Claim, Claim, float]]:
    """One-to-one (child claim, parent claim, likeness) triples, best matches first; a pair
    shares at least ``same_claim`` of its content words (Dice)."""
    child_words = [claim_words(child, claim) for claim in child.claims]
    parent_words = [claim_words(parent, claim) for claim in parent.claims]
    scored = []
    for i, a in enumerate(child_words):
        for j, b in enumerate(parent_words):
            score = _dice(a, b)
            if score >= same_claim:
                scored.append((score, i, j))
    used_child: set[int] = set()
    used_parent: set[int] = set()
    pairs = []
    for score, i, j in sorted(scored, key=lambda item: (-item[0], item[1], item[2])):
        if i not in used_child and j not in used_parent:
            used_child.add(i)
            used_parent.add(j)
            pairs.append((child.claims[i], parent.claims[j], score))
    return pairs


def families(pairs: Sequence[tuple[str, Claim, str, Claim]]) -> list[ClaimFamily]:
    """Claim families: claims linked through pairs, each family in first-seen order."""
    refs: dict[tuple[str, int, int], ClaimRef] = {}
    parent: dict[tuple[str, int, int], tuple[str, int, int]] = {}

    def key(article_id: str, claim: Claim) -> tuple[str, int, int]:
        k = (article_id, claim.span.start, claim.span.end)
        refs.setdefault(k, ClaimRef(article_id, claim.span))
        parent.setdefault(k, k)
        return k

    def find(k):
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for child_id, child_claim, parent_id, parent_claim in pairs:
        a, b = key(child_id, child_claim), key(parent_id, parent_claim)
        parent[find(a)] = find(b)
    grouped: dict[tuple[str, int, int], list[ClaimRef]] = {}
    for k in refs:
        grouped.setdefault(find(k), []).append(refs[k])
    return [
        ClaimFamily(f"f{number}", tuple(members))
        for number, members in enumerate(grouped.values(), start=1)
        if len({ref.article_id for ref in members}) > 1
    ]


def _dice(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))
