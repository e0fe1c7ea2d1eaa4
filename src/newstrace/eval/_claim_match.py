"""Which predicted claim a gold claim is scored against, and its chain as the gold writes it.

A gold ``claim_phrase`` is found in the ledger's article text with curly quotes read as
straight ones and runs of whitespace as one space. Where the phrase takes in a claim's cue
and overlaps its content ("scientists ... have found cheese to contain", ``CLAIMS.md`` 5:
a phrase may include a little of the attribution frame), that claim is scored (the smallest
such). Else the predicted claim is the **smallest** claim whose span holds the whole phrase
(so a quotation nested in a report is scored by its innermost claim, whose chain is the
longest); when none holds it, the claim sharing the most characters with it (the shorter on
a tie); when none overlaps it, the gold claim is missed.
"""

from __future__ import annotations

import re

from newstrace.errors import DataError
from newstrace.model import Claim, Ledger, Source, SourceKind

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
_SPACE = re.compile(r"\s+")


def locate(text: str, phrase: str) -> tuple[int, int]:
    """The character span of the first occurrence of ``phrase`` in ``text``.

    >>> locate("He said: ‘it  rained’.", "'it rained'")
    (9, 21)
    """
    folded, where = _folded(text)
    wanted = _SPACE.sub(" ", phrase.translate(_QUOTES)).strip()
    start = folded.find(wanted) if wanted else -1
    if start < 0:
        raise DataError(f"claim phrase not in its article: {phrase!r}")
    return where[start], where[start + len(wanted) - 1] + 1


def _folded(text: str) -> tuple[str, list[int]]:
    """``text`` with straight quotes and single spaces, and the offset each character came from."""
    chars: list[str] = []
    where: list[int] = []
    for offset, char in enumerate(text.translate(_QUOTES)):
        if char.isspace():
            if chars and chars[-1] == " ":
                continue
            char = " "
        chars.append(char)
        where.append(offset)
    return "".join(chars), where


def match_claim(ledger: Ledger, start: int, end: int) -> Claim | None:
    """The predicted claim scored for the gold phrase at ``[start, end)`` (see the module)."""
    framed = [
        c
        for c in ledger.claims
        if c.attribution.cue is not None
        and start <= c.attribution.cue.start
        and c.attribution.cue.end <= end
        and start < c.span.end
        and c.span.start < end
    ]
    if framed:
        return min(framed, key=_length)
    holding = [c for c in ledger.claims if c.span.start <= start and end <= c.span.end]
    if holding:
        return min(holding, key=_length)
    overlap = {c: min(end, c.span.end) - max(start, c.span.start) for c in ledger.claims}
    touching = [c for c, shared in overlap.items() if shared > 0]
    return max(touching, key=lambda c: (overlap[c], -_length(c)), default=None)


def _length(claim: Claim) -> int:
    return claim.span.end - claim.span.start


def reported_chain(ledger: Ledger, claim: Claim) -> tuple[Source, ...]:
    """The claim's chain without what the gold leaves out of every chain (``CLAIMS.md`` 2.1,
    2.3): the publisher (metadata outlet, the article itself), the credit line, and sources
    the text never names (an agentless "it is said")."""
    return tuple(
        source
        for source in claim.attribution.chain
        if source.span is not None
        and source.kind is not SourceKind.THE_ARTICLE
        and source.span != ledger.credit_span
    )
