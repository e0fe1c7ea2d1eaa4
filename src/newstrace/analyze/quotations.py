"""Quotations that run on into the next paragraph.

News opens a long quotation once and, at each new paragraph, opens it again without closing
the one before ("He told the Mail on Sunday: 'The results were dramatic. ...¶'This occurred
in rats after just six weeks. ..."). The paragraphs after the first carry no cue of their
own, yet every claim in them is the speaker's: :func:`run_ons` finds them and
:func:`continued_from` credits them to whoever the first paragraph's quotation is credited to.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newstrace.model import Attribution, Span

_OPENERS = {"“": "”", "‘": "’", "«": "»", '"': '"'}
_PARAGRAPH = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class RunOn:
    """A quotation left open at the end of its paragraph (``opened``: from its opening mark
    to the paragraph's end) and the quotations of the paragraphs after it that reopen it
    (``continued``, each from its opening mark to its closing mark or paragraph end)."""

    opened: tuple[int, int]
    continued: tuple[tuple[int, int], ...]


def run_ons(text: str) -> list[RunOn]:
    """Every quotation of ``text`` that runs on into the paragraphs after it.

    >>> text = 'He said: "It fell.\\n\\n"We ran," he added.'
    >>> run_ons(text)
    [RunOn(opened=(9, 18), continued=((20, 29),))]
    """
    found: list[RunOn] = []
    current: RunOn | None = None
    for paragraph in _PARAGRAPH.finditer(text):
        line = paragraph.group()
        start = paragraph.start() + len(line) - len(line.lstrip())
        if current is not None and text[start : start + 1] in _OPENERS:
            end = _closing(text, start, paragraph.end())
            current = RunOn(current.opened, (*current.continued, (start, end or paragraph.end())))
            if end is None:
                continue  # still open: the next paragraph may reopen it again
        if current is not None and current.continued:
            found.append(current)
        current = None
        left_open = _left_open(text, paragraph.start(), paragraph.end())
        if left_open is not None:
            current = RunOn((left_open, paragraph.end()), ())
    if current is not None and current.continued:
        found.append(current)
    return found


def continued_from(
    span: Span, attributions: Sequence[Attribution], runs: Sequence[RunOn]
) -> Attribution | None:
    """The attribution ``span`` takes as part of a quotation that runs on into its paragraph:
    that of the first paragraph's quotation (the attribution whose content overlaps it
    most), or None where ``span`` continues no attributed quotation."""
    for run in runs:
        if not any(start <= span.start and span.end <= end for start, end in run.continued):
            continue
        start, end = run.opened
        overlap = {a: min(end, a.content.end) - max(start, a.content.start) for a in attributions}
        best = max(overlap, key=overlap.__getitem__, default=None)
        if best is not None and overlap[best] > 0:
            return Attribution(best.source, best.cue, span, best.chain)
    return None


def _left_open(text: str, start: int, end: int) -> int | None:
    """Where the quotation still open at ``end`` opened, if one is."""
    opened: int | None = None
    i = start
    while i < end:
        if opened is None:
            if text[i] in _OPENERS:
                opened = i
        else:
            closed = _closing(text, opened, end)
            if closed is None:
                return opened
            i, opened = closed - 1, None
        i += 1
    return None


def _closing(text: str, opened: int, end: int) -> int | None:
    """The end of the closing mark of the quotation opened at ``opened``, before ``end``
    (None: not closed). A closing single mark followed by a letter is an apostrophe
    ("don’t"), not the quotation's end."""
    closer = _OPENERS[text[opened]]
    i = text.find(closer, opened + 1, end)
    while i >= 0:
        if closer != "’" or i + 1 >= len(text) or not text[i + 1].isalpha():
            return i + 1
        i = text.find(closer, i + 1, end)
    return None
