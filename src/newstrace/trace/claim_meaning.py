"""What each claim of a story means, as a sentence embedding, for pairing retold claims.

A retelling rewords what it retells ("could help prevent" -> "Can Prevent", "tweaked the
bots" -> "shut down"), so shared words alone pair a claim with the wrong earlier one. The
story's claims are embedded together, each distinct text once, by the packaged encoder
(:func:`~newstrace.trace.embed.gists`: float16 rows, the same numbers cached or fresh) and
kept in the gist cache beside the ledgers, so a re-run or a grown corpus encodes only new
claims; a story's versions are then compared by dot products.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

import numpy as np

from newstrace.model import Ledger
from newstrace.trace.cache import GistCache
from newstrace.trace.embed import DIMENSIONS, gists


def claim_meanings(ledgers: Sequence[Ledger], cache: GistCache | None = None) -> list[np.ndarray]:
    """Per ledger, one unit row per claim (in the ledger's order), from one encoder call
    that reads each distinct text once (copies repeat many claims word for word) and none
    that ``cache`` holds."""
    texts = list(_texts(ledgers))
    if not texts:
        return [np.zeros((0, DIMENSIONS), dtype=np.float32) for _ in ledgers]
    distinct = list(dict.fromkeys(texts))
    encoded = gists(distinct, cache).astype(np.float32)
    row_of = {text: row for row, text in enumerate(distinct)}
    rows = encoded[[row_of[text] for text in texts]]
    bounds = np.cumsum([len(ledger.claims) for ledger in ledgers])[:-1]
    return list(np.split(rows, bounds))


def encode_claims(ledgers: Iterable[Ledger], cache: GistCache) -> None:
    """Put the meaning of every claim of ``ledgers`` in ``cache``, in large batches:
    encoding a story's few claims at a time is ten times slower, and :func:`claim_meanings`
    then only reads them back (the same float16 numbers)."""
    distinct = list(dict.fromkeys(_texts(ledgers)))
    for start in range(0, len(distinct), _BATCH):
        gists(distinct[start : start + _BATCH], cache)  # those cached are only read


def _texts(ledgers: Iterable[Ledger]) -> Iterator[str]:
    """Each claim's text, its spacing folded (a line break inside a claim is a space)."""
    return (" ".join(claim.span.text.split()) for ledger in ledgers for claim in ledger.claims)


_BATCH = 4096
"""Claims encoded per call when filling the cache (the encoder batches them further)."""
