"""Which articles copy which: candidates from a shingle index, then exact overlap and direction.

Candidates come from blocking, never from all pairs: every 4th shingle value (by hash) is
indexed (:func:`shingle_keys`), so two texts sharing a paragraph meet in a posting list, while
boilerplate shared by very many articles is left out of candidate generation. Each candidate
pair is then measured exactly on all its shingles (:func:`measure_copy`); each copier keeps
its likeliest original (:func:`better_original`), and copies of copies are pointed at the
first text (:func:`to_root`). A partial copy must also name the same people, places and
numbers as its original: another event told in the same boilerplate or template shares
sentences, not specifics. The engines only decide where these functions run.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

from newstrace.ingest import outlet_key
from newstrace.model import CopyEdge, CopyKind
from newstrace.trace.fingerprint import Fingerprint, shared_shingles
from newstrace.trace.index import WeighedArticle
from newstrace.trace.options import TraceOptions
from newstrace.trace.vectors import UnitVector, cosine


@dataclass(frozen=True, slots=True)
class CopyRow:
    """What measuring a pair reads of each article: its fingerprint, the outlet keys it
    credits and its specifics vector (the Spark engine ships only this beside a pair)."""

    print_: Fingerprint
    cites: frozenset[str]
    specifics: UnitVector

    @classmethod
    def of(cls, weighed: WeighedArticle) -> CopyRow:
        return cls(weighed.print_, weighed.cites, weighed.specifics)


@dataclass(frozen=True, slots=True)
class Candidate:
    """An article's best guess so far at the text it copied, and by how much."""

    original: str
    shared: int
    share: float
    cited: bool
    published: date | None
    pair: tuple[int, int]


def shingle_keys(print_: Fingerprint, options: TraceOptions) -> list[int]:
    """The sampled shingles an article is indexed under for candidate generation."""
    sampled = print_.shingles[print_.shingles % options.copy_sample_modulus == 0]
    return [int(value) for value in sampled]


def measure_copy(
    pair: tuple[int, int], a: CopyRow, b: CopyRow, options: TraceOptions
) -> tuple[str, Candidate] | None:
    """(copier id, candidate) when one of a candidate pair copied the other, else None.

    Crediting the other's outlet is the strongest sign of direction, then the publication
    dates, then the input order (``pair`` holds the two articles' numbers, first one first).
    """
    shared = shared_shingles(a.print_, b.print_)
    if shared < options.copy_min_shared:
        return None
    copier, original = _direction(a, b)
    share = shared / max(1, copier.print_.shingles.size)
    if share < options.copy_partial_share:
        return None
    if share < options.copy_verbatim_share and (
        cosine(a.specifics, b.specifics) < options.same_specifics_cosine
    ):
        return None
    return copier.print_.article_id, Candidate(
        original.print_.article_id,
        shared,
        share,
        _credits(copier, original.print_),
        original.print_.published,
        pair,
    )


def better_original(current: Candidate | None, candidate: Candidate) -> Candidate:
    """The more likely of two originals of one copier (ties: the pair met first)."""
    if current is None or _rank(candidate) > _rank(current):
        return candidate
    if _rank(candidate) == _rank(current) and candidate.pair < current.pair:
        return candidate
    return current


def copy_edges(best: Mapping[str, Candidate], options: TraceOptions) -> list[CopyEdge]:
    """The copy edges of the chosen originals, by copier."""
    return [
        CopyEdge(
            copier,
            chosen.original,
            CopyKind.VERBATIM if chosen.share >= options.copy_verbatim_share else CopyKind.PARTIAL,
            round(min(chosen.share, 1.0), 3),
        )
        for copier, chosen in sorted(best.items())
    ]


def in_chains(best: Mapping[str, Candidate]) -> set[str]:
    """The articles :func:`to_root` reads again: copies of copies and what they copied."""
    found: set[str] = set()
    for copier, chosen in best.items():
        if chosen.original in best:
            found |= {copier, chosen.original, best[chosen.original].original}
    return found


def to_root(
    best: Mapping[str, Candidate],
    print_of: Callable[[str], Fingerprint],
    options: TraceOptions,
) -> dict[str, Candidate]:
    """Point a copy of a copy at the first text when it takes no more from the middle one.

    Two wire copies of one story look like copies of each other; only words the middle text
    added (an intro, a correction) show that a copy was taken from it rather than the source.
    ``print_of`` gives the fingerprint of an article id (only those :func:`in_chains`).
    """
    rooted = dict(best)
    for copier, chosen in best.items():
        seen = {copier}
        while chosen.original in best and chosen.original not in seen:
            seen.add(chosen.original)
            root = best[chosen.original]
            shared = shared_shingles(print_of(copier), print_of(root.original))
            share = shared / max(1, print_of(copier).shingles.size)
            if share < chosen.share - options.copy_root_tolerance:
                break
            chosen = Candidate(
                root.original, shared, share, chosen.cited, root.published, chosen.pair
            )
        rooted[copier] = chosen
    return rooted


def _direction(a: CopyRow, b: CopyRow) -> tuple[CopyRow, CopyRow]:
    """(copier, original) of a pair: who credits whom, else who was published first."""
    a_credits_b, b_credits_a = _credits(a, b.print_), _credits(b, a.print_)
    if a_credits_b != b_credits_a:
        return (a, b) if a_credits_b else (b, a)
    first, second = a.print_.published, b.print_.published
    if first and second and first != second:
        return (a, b) if first > second else (b, a)
    return b, a  # same day or unknown: the one given first is taken as the original


def _credits(copier: CopyRow, original: Fingerprint) -> bool:
    return bool(original.outlet and outlet_key(original.outlet) in copier.cites)


def _rank(candidate: Candidate) -> tuple[float, bool, float]:
    """Prefer the larger overlap (in steps of 0.05), then the credited text, then the earliest."""
    earliest = -candidate.published.toordinal() if candidate.published else float("-inf")
    return round(candidate.share * 20), candidate.cited, earliest
