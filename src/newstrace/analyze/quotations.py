"""Quotations whose speaker is named in an earlier paragraph.

News opens a long quotation once and, at each new paragraph, opens it again without closing
the one before ("He told the Mail on Sunday: 'The results were dramatic. ...¶'This occurred
in rats after just six weeks. ..."). It also lets a paragraph that is one quotation and
nothing else follow the paragraph that names its speaker ("A spokesman said that we should
not celebrate yet.¶"This is the first time a link has been found."). These paragraphs carry
no cue of their own, yet every claim in them is the speaker's: :func:`run_ons` and
:func:`standalone_quotes` find them and :func:`continued_from` credits them to whoever the
earlier paragraph's words are credited to.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newstrace.model import Attribution, Span

_OPENERS = {"“": "”", "‘": "’", "«": "»", '"': '"'}
_MARKS = frozenset('“”«»"')
# the other double mark that may close a quotation (:func:`_closing`)
_ALSO_CLOSING = {"“": '"', '"': "”"}
_CLOSERS = {
    opener: re.compile("[" + closer + _ALSO_CLOSING.get(opener, "") + "]")
    for opener, closer in _OPENERS.items()
}
_PARAGRAPH = re.compile(r"[^\n]+")
_SENTENCE_ENDS = frozenset(".!?")
# the mark that ends a quotation's words before its tag ('"It fell," she sobbed')
TAG_MARKS = frozenset(",?!")


@dataclass(frozen=True, slots=True)
class RunOn:
    """Quotations (``continued``, each from its opening mark to its closing mark or paragraph
    end) whose speaker is whoever ``opened`` is credited to: a quotation left open at the end
    of its paragraph (from its opening mark to the paragraph's end), or the whole paragraph
    before a standalone quotation."""

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


def reopened(text: str) -> list[RunOn]:
    """Quotations opened again after a credited one in their paragraph and left open at its
    end, each with the quotation before it: '"We saw smoke," said Lund. "By the time we
    got inside, it had spread.¶' is Lund's too, though the paragraph closes no quotation
    (the next one goes on with it).

    >>> reopened('"It fell," he said. "We ran.\\n\\n"Then it rained."')
    [RunOn(opened=(0, 10), continued=((20, 28),))]
    """
    found: list[RunOn] = []
    for paragraph in _PARAGRAPH.finditer(text):
        left_open = _left_open(text, paragraph.start(), paragraph.end())
        if left_open is None:
            continue
        before = _last_quotation(text, paragraph.start(), left_open)
        if before is not None:
            found.append(RunOn(before, ((left_open, paragraph.end()),)))
    return found


def quoted_again(text: str) -> list[RunOn]:
    """Closed quotations that are a sentence of their own after another quotation in their
    paragraph, each with the quotation just before it where only that one's tag lies
    between them: in '"It fell," she sobbed. "We ran."' the second is hers too, though no
    cue of its own says so.

    >>> quoted_again('"It fell," she sobbed. "We ran."')
    [RunOn(opened=(0, 10), continued=((23, 32),))]
    """
    found: list[RunOn] = []
    for paragraph in _PARAGRAPH.finditer(text):
        start, end = paragraph.start(), paragraph.end()
        before: tuple[int, int] | None = None
        i = start
        while i < end:
            if text[i] not in _MARKS or text[i] in "”»":
                i += 1
                continue
            closed = _closing(text, i, end)
            if closed is None:
                break
            if before is not None and _tag_between(text, before, i):
                found.append(RunOn(before, ((i, closed),)))
            before, i = (i, closed), closed
    return found


def _tag_between(text: str, before: tuple[int, int], at: int) -> bool:
    """Whether only the tag of the quotation ``before`` lies between it and ``at``: the
    quotation ends in a comma ("It fell,") and the words after it end one sentence (" she
    sobbed. "), no other that may bring in someone else."""
    between = text[before[1] : at]
    ends = sum(character in _SENTENCE_ENDS for character in between)
    tagged = text[before[1] - 2 : before[1] - 1] in TAG_MARKS
    return tagged and ends == 1 and between.rstrip()[-1:] in _SENTENCE_ENDS


def standalone_quotes(text: str) -> list[RunOn]:
    """Paragraphs that are one closed quotation and nothing else, each with the paragraph
    before it (not itself such a quotation, nor a heading without a full stop).

    >>> text = 'A spokesman said the tests were early.\\n\\n"It is a first."\\n\\n"More is needed."'
    >>> standalone_quotes(text)
    [RunOn(opened=(0, 38), continued=((40, 56),))]
    >>> standalone_quotes('"It works," she said.\\n\\n"It is a first."')
    [RunOn(opened=(0, 11), continued=((23, 39),))]
    """
    found: list[RunOn] = []
    before: tuple[int, int] | None = None
    for paragraph in _PARAGRAPH.finditer(text):
        line = paragraph.group().strip()
        if not line:
            continue
        start = paragraph.start() + paragraph.group().index(line[0])
        end = start + len(line)
        whole = (
            line[0] in _OPENERS
            and _closing(text, start, end) == end
            and not any(mark in line[1:-1] for mark in _MARKS)  # '"X," he said. "Y"'
        )
        if whole and before is not None:
            found.append(RunOn(_last_quotation(text, *before) or before, ((start, end),)))
        before = None if whole or line[-1] not in '.!?"”’' else (start, end)
    return found


def _last_quotation(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The last closed quotation in double marks in ``text[start:end]``: who speaks it
    speaks on in a quotation standing alone after it ("'X,' said Spence, according to
    Medical Daily" is Spence's)."""
    last = None
    i = start
    while i < end:
        if text[i] in _MARKS and text[i] not in "”»":
            closed = _closing(text, i, end)
            if closed is None:
                break
            last, i = (i, closed), closed
        else:
            i += 1
    return last


def quoted_at(text: str, start: int, at: int) -> bool:
    """Whether a quotation opened in ``text[start:at]`` is still open at ``at``."""
    return _left_open(text, start, at) is not None


def continued_from(
    span: Span, attributions: Sequence[Attribution], runs: Sequence[RunOn]
) -> Attribution | None:
    """The attribution ``span`` takes as part of a quotation that runs on into its paragraph:
    that of the first paragraph's quotation (the attribution whose content overlaps it
    most; on a tie the one with the shorter content, the speaker's own rather than an
    "according to" around it), or None where ``span`` continues no attributed quotation."""
    for run in runs:
        if not any(start <= span.start and span.end <= end for start, end in run.continued):
            continue
        start, end = run.opened
        overlap = {a: min(end, a.content.end) - max(start, a.content.start) for a in attributions}
        best = max(
            overlap, key=lambda a: (overlap[a], a.content.start - a.content.end), default=None
        )
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
    return opened  # a mark opened just before ``end`` is still open there


def _closing(text: str, opened: int, end: int) -> int | None:
    """The end of the closing mark of the quotation opened at ``opened``, before ``end``
    (None: not closed). A closing single mark followed by a letter is an apostrophe
    ("don’t"), not the quotation's end; a curly opening double mark may close straight, and
    a straight one curly, as pages that mix them do (“X," he said).

    >>> _closing('“It works," he said.', 0, 20)
    11
    >>> _closing('"It works” he said.', 0, 19)
    10
    """
    closer = _CLOSERS[text[opened]]
    found = closer.search(text, opened + 1, end)
    while found is not None:
        i = found.start()
        if text[i] != "’" or i + 1 >= len(text) or not text[i + 1].isalpha():
            return i + 1
        found = closer.search(text, i + 1, end)
    return None
