"""The detail a version gives first, and when two versions disagree on it.

Reports of one event disagree on when, where and how old (a time of day, a street, a
victim's age) in sentences the aligner cannot pair, since each tells the scene in its own
words. The first such detail in a version's body is taken as its event's; two versions
disagree where their first ones differ and neither version gives the other's anywhere (a
later time, a home street or another person given first is then usually given beside the
event's own). :mod:`~newstrace.trace.event_time`, :mod:`~newstrace.trace.event_place` and
:mod:`~newstrace.trace.event_age` each read one kind.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from newstrace.trace.text import body as text_body


@dataclass(frozen=True, slots=True)
class Given:
    """A detail as printed (``start``/``end`` in the text) and as compared (``value``)."""

    value: str
    start: int
    end: int


def first_disagreeing(now: Sequence[Given], before: Sequence[Given]) -> tuple[Given, Given] | None:
    """The first details of a later and an earlier version where they disagree, else None."""
    if not now or not before or now[0].value == before[0].value:
        return None
    if now[0].value in {g.value for g in before} or before[0].value in {g.value for g in now}:
        return None
    return now[0], before[0]


def in_body(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The matches of ``pattern`` that start in the body of ``text`` (page chrome left out)."""
    body = text_body(text)
    for match in pattern.finditer(text):
        if any(start <= match.start() < end for start, end in body):
            yield match


def sentence_of(text: str, start: int, end: int) -> str:
    """The sentence (or line) of ``text`` that holds ``start`` to ``end``; not
    :func:`~newstrace.trace.text.sentences`, which ends a sentence at the time's own "a.m."
    and so would cut "at 11 a.m. a vigil was held" in two."""
    begin = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    return text[begin : min(stops) if stops else len(text)]
