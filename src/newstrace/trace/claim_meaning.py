"""What each claim of a story means, as a sentence embedding, for pairing retold claims.

A retelling rewords what it retells ("could help prevent" -> "Can Prevent", "tweaked the
bots" -> "shut down"), so shared words alone pair a claim with the wrong earlier one. The
story's claims are embedded together, once, by the packaged encoder (:mod:`.embed`): a
story's versions are then compared by dot products. Rows are rounded to float16, as gists
are, so a claim's vector does not hang on the last bits of the batch it was encoded in.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newstrace.model import Ledger
from newstrace.trace.embed import DIMENSIONS, sentence_encoder


def claim_meanings(ledgers: Sequence[Ledger]) -> list[np.ndarray]:
    """Per ledger, one unit row per claim (in the ledger's order), from one encoder call
    that reads each distinct text once (copies repeat many claims word for word)."""
    texts = [" ".join(claim.span.text.split()) for ledger in ledgers for claim in ledger.claims]
    if not texts:
        return [np.zeros((0, DIMENSIONS), dtype=np.float32) for _ in ledgers]
    distinct = list(dict.fromkeys(texts))
    encoded = sentence_encoder().encode(distinct).astype(np.float16).astype(np.float32)
    row_of = {text: row for row, text in enumerate(distinct)}
    rows = encoded[[row_of[text] for text in texts]]
    bounds = np.cumsum([len(ledger.claims) for ledger in ledgers])[:-1]
    return list(np.split(rows, bounds))
