"""Candidate pairs from shared keys: the one join behind copy and story candidates.

Each article gives keys (sampled shingles, LSH bands, its rarest terms); articles listed
under one key form a posting list, and a pair is a candidate when enough of their keys are
shared. Long posting lists are boilerplate or common words, not evidence, so they can be
left out. The local engine counts the pairs of its dictionaries' posting lists as array
keys (:func:`pairs_sharing`); the Spark engine makes the same pairs with :func:`posting_pairs`
over its grouped keys.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import combinations

import numpy as np


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
    """Pairs found together in ``at_least`` posting lists of at most ``limit`` members.

    Pairs are counted as 64-bit keys in arrays, not as tuples in a dict: a corpus of 40,000
    articles meets millions of pairs on its way to the few it keeps.

    >>> sorted(pairs_sharing([[1, 2, 3], [3, 2], [9]], limit=None, at_least=2))
    [(2, 3)]
    """
    keys = []
    for posting in postings:
        members = np.unique(np.fromiter(posting, dtype=np.int64))
        if len(members) < 2 or (limit is not None and len(members) > limit):
            continue
        first, second = np.triu_indices(len(members), 1)
        keys.append(members[first] << 32 | members[second])
    if not keys:
        return set()
    found = np.concatenate(keys)
    del keys
    found.sort()  # in place: np.unique would copy the largest array here
    starts = np.flatnonzero(np.concatenate(([True], found[1:] != found[:-1])))
    counts = np.diff(np.append(starts, len(found)))
    found = found[starts[counts >= at_least]]
    return set(zip((found >> 32).tolist(), (found & 0xFFFFFFFF).tolist(), strict=True))
