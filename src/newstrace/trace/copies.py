"""Which articles copy which: candidates from a shingle index, then exact overlap and direction.

Candidates come from blocking, never from all pairs: every 4th shingle value (by hash) is
indexed, so two texts sharing a paragraph meet in a posting list, while boilerplate shared
by very many articles is left out of candidate generation. Each candidate pair is then
measured exactly on all its shingles. A partial copy must also name the same people, places
and numbers as its original: another event told in the same boilerplate or template shares
sentences, not specifics.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial

from newstrace.model import CopyEdge, CopyKind
from newstrace.trace.blocking import pairs_sharing
from newstrace.trace.citations import outlet_key
from newstrace.trace.fingerprint import Fingerprint, shared_shingles
from newstrace.trace.stories import SAME_SPECIFICS_COSINE, TermSpace

SAMPLE_MODULUS = 4
# A posting list longer than this is boilerplate ("Read more at ..."), not evidence of copying.
MAX_POSTING = 40
MIN_SAMPLED_SHARED = 2
# A copy shares at least this many 5-grams of its own wording (about two sentences) ...
MIN_SHARED = 12
# ... and at least this share of its text; past VERBATIM_SHARE it is a verbatim copy.
PARTIAL_SHARE = 0.4
VERBATIM_SHARE = 0.8
# A copy of a copy that shares at most this much less with the first text copied that one.
ROOT_TOLERANCE = 0.02


@dataclass(frozen=True, slots=True)
class Candidate:
    """An article's best guess so far at the text it copied, and by how much."""

    original: str
    shared: int
    share: float
    cited: bool
    published: date | None
    pair: tuple[int, int]


def shingle_keys(print_: Fingerprint) -> list[int]:
    """The sampled shingles an article is indexed under for candidate generation."""
    return [int(value) for value in print_.shingles[print_.shingles % SAMPLE_MODULUS == 0]]


def candidate_pairs(prints: Sequence[Fingerprint]) -> set[tuple[int, int]]:
    """Index pairs of articles that share enough sampled shingles to be worth measuring."""
    postings: dict[int, list[int]] = defaultdict(list)
    for index, print_ in enumerate(prints):
        for value in shingle_keys(print_):
            postings[value].append(index)
    return pairs_sharing(postings.values(), limit=MAX_POSTING, at_least=MIN_SAMPLED_SHARED)


def find_copies(
    prints: Sequence[Fingerprint], cites: Mapping[str, set[str]], specifics: TermSpace
) -> list[CopyEdge]:
    """One edge per copying article, to the text it most likely took its wording from.

    ``cites`` maps an article id to the outlets it credits (normalised names, see
    :func:`newstrace.trace.citations.outlet_key`): crediting the other's outlet is the
    strongest sign of direction, then the publication dates, then the input order.
    ``specifics`` holds the articles' names and numbers (:meth:`TermSpace.of_specifics`).
    """
    best: dict[str, Candidate] = {}
    for i, j in sorted(candidate_pairs(prints)):
        found = measure_copy((i, j), prints[i], prints[j], cites, partial(specifics.cosine, i, j))
        if found is not None:
            copier, candidate = found
            best[copier] = better_original(best.get(copier), candidate)
    by_id = {print_.article_id: print_ for print_ in prints}
    return copy_edges(to_root(best, by_id.__getitem__))


def measure_copy(
    pair: tuple[int, int],
    a: Fingerprint,
    b: Fingerprint,
    cites: Mapping[str, set[str]],
    specific: Callable[[], float],
) -> tuple[str, Candidate] | None:
    """(copier id, candidate) when one of a candidate pair copied the other, else None.

    ``specific`` gives the cosine of the pair's names and numbers, asked only of a pair
    that shares enough wording for a partial copy."""
    shared = shared_shingles(a, b)
    if shared < MIN_SHARED:
        return None
    copier, original = _direction(a, b, cites)
    share = shared / max(1, copier.shingles.size)
    if share < PARTIAL_SHARE or (share < VERBATIM_SHARE and specific() < SAME_SPECIFICS_COSINE):
        return None
    cited = _credits(copier, original, cites)
    return copier.article_id, Candidate(
        original.article_id, shared, share, cited, original.published, pair
    )


def better_original(current: Candidate | None, candidate: Candidate) -> Candidate:
    """The more likely of two originals of one copier (ties: the pair met first)."""
    if current is None or _rank(candidate) > _rank(current):
        return candidate
    if _rank(candidate) == _rank(current) and candidate.pair < current.pair:
        return candidate
    return current


def copy_edges(best: Mapping[str, Candidate]) -> list[CopyEdge]:
    """The copy edges of the chosen originals, by copier."""
    return [
        CopyEdge(
            copier,
            chosen.original,
            CopyKind.VERBATIM if chosen.share >= VERBATIM_SHARE else CopyKind.PARTIAL,
            round(min(chosen.share, 1.0), 3),
        )
        for copier, chosen in sorted(best.items())
    ]


def _direction(
    a: Fingerprint, b: Fingerprint, cites: Mapping[str, set[str]]
) -> tuple[Fingerprint, Fingerprint]:
    """(copier, original) of a pair: who credits whom, else who was published first."""
    a_credits_b, b_credits_a = _credits(a, b, cites), _credits(b, a, cites)
    if a_credits_b != b_credits_a:
        return (a, b) if a_credits_b else (b, a)
    if a.published and b.published and a.published != b.published:
        return (a, b) if a.published > b.published else (b, a)
    return b, a  # same day or unknown: the one given first is taken as the original


def _credits(copier: Fingerprint, original: Fingerprint, cites: Mapping[str, set[str]]) -> bool:
    return bool(original.outlet) and outlet_key(original.outlet) in cites.get(copier.article_id, ())


def _rank(candidate: Candidate) -> tuple[float, bool, float]:
    """Prefer the larger overlap (in steps of 0.05), then the credited text, then the earliest."""
    earliest = -candidate.published.toordinal() if candidate.published else float("-inf")
    return round(candidate.share * 20), candidate.cited, earliest


def to_root(
    best: Mapping[str, Candidate], print_of: Callable[[str], Fingerprint]
) -> dict[str, Candidate]:
    """Point a copy of a copy at the first text when it takes no more from the middle one.

    Two wire copies of one story look like copies of each other; only words the middle text
    added (an intro, a correction) show that a copy was taken from it rather than the source.
    ``print_of`` gives the fingerprint of an article id (only those in copy chains are asked).
    """
    rooted = dict(best)
    for copier, chosen in best.items():
        seen = {copier}
        while chosen.original in best and chosen.original not in seen:
            seen.add(chosen.original)
            root = best[chosen.original]
            shared = shared_shingles(print_of(copier), print_of(root.original))
            share = shared / max(1, print_of(copier).shingles.size)
            if share < chosen.share - ROOT_TOLERANCE:
                break
            chosen = Candidate(
                root.original, shared, share, chosen.cited, root.published, chosen.pair
            )
        rooted[copier] = chosen
    return rooted
