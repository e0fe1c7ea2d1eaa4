"""Candidate pairs from shared keys: the one join behind copy and story candidates.

Each article gives keys (sampled shingles, LSH bands, its rarest terms); articles listed
under one key form a posting list, and a pair is a candidate when enough of their keys are
shared. Long posting lists are boilerplate or common words, not evidence, so they can be
left out. The local engine runs this over dictionaries; the Spark engine runs the same
:func:`posting_pairs` over its grouped keys.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import combinations


def posting_pairs(members: Iterable[int], limit: int | None) -> Iterator[tuple[int, int]]:
    """Every pair ``(i, j)``, ``i < j``, of one posting list; none if it is longer than
    ``limit`` (None: no limit).

    >>> list(posting_pairs([4, 1, 7], limit=3))
    [(1, 4), (1, 7), (4, 7)]
    >>> list(posting_pairs([4, 1, 7], limit=2))
    []
    """
    members = sorted(set(members))
    if limit is not None and len(members) > limit:
        return iter(())
    return combinations(members, 2)


def pairs_sharing(
    postings: Iterable[Iterable[int]], limit: int | None, at_least: int
) -> set[tuple[int, int]]:
    """Pairs found together in ``at_least`` posting lists of at most ``limit`` members."""
    shared: Counter[tuple[int, int]] = Counter()
    for members in postings:
        shared.update(posting_pairs(members, limit))
    return {pair for pair, count in shared.items() if count >= at_least}
