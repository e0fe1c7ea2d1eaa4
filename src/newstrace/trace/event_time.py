"""The time of day a version first gives: in a report of an event, the time it happened.

"at about 2:20 p.m." in one report, "around 3 p.m." in the next; compared as
:mod:`~newstrace.trace.first_given` says (page chrome left out). A time on the hour given
without minutes by the later version ("3 p.m.") within a quarter of an hour of the earlier
one's ("2:45 p.m.") is that time rounded by the retelling, not a changed detail; a later
version that gives minutes where the earlier gave the hour ("around 6:45 p.m." for "just
after 7 p.m.") says something else.
"""

from __future__ import annotations

import re

from newstrace.trace.first_given import Given, first_disagreeing, in_body, sentence_of
from newstrace.trace.text import per_text

_TIME = re.compile(
    r"\b(?P<hour>1[0-2]|0?[1-9])(?::(?P<minute>[0-5]\d))?\s?(?P<half>[ap])\.?\s?m\b\.?",
    re.IGNORECASE,
)


# events of the telling rather than of the story: their times are not the event's
_OTHER_EVENTS = re.compile(
    r"\b(?:press|news) conference|\bbriefing|\bvigil|\bfuneral|\bmemorial|\bhearing|"
    r"\barraign|\bcourt\b|\bupdated?\b|\bposted\b|\bpublished\b|\bpress release|\binterview|"
    r"\bscheduled\b",
    re.IGNORECASE,
)


@per_text
def moments(text: str) -> tuple[Given, ...]:
    """Every time of day in the body of ``text``, in order, as 24-hour values, save those of
    a press conference, a vigil, a hearing or the page's own update in the same sentence."""
    return tuple(
        Given(_value(match), *match.span())
        for match in in_body(_TIME, text)
        if not _OTHER_EVENTS.search(sentence_of(text, *match.span()))
    )


def inside_time(text: str, offset: int) -> bool:
    """Whether ``offset`` falls inside a time of day ("35" in "11:35 a.m."): its minutes are
    no count of anything, and the time itself is compared by :func:`changed`."""
    return any(start <= offset < end for start, end in _time_spans(text))


@per_text
def _time_spans(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(match.span() for match in _TIME.finditer(text))


ROUNDING_MINUTES = 15


def changed(later: str, earlier: str) -> tuple[Given, Given] | None:
    """The first times of day of ``later`` and ``earlier`` where they disagree (not merely
    rounded to the hour by ``later``), else None."""
    moved = first_disagreeing(moments(later), moments(earlier))
    if moved is None:
        return None
    now, was = moved
    apart = abs(_minutes(now.value) - _minutes(was.value))
    if ":" not in later[now.start : now.end] and min(apart, 24 * 60 - apart) <= ROUNDING_MINUTES:
        return None
    return moved


def _minutes(value: str) -> int:
    hours, minutes = value.split(":")
    return int(hours) * 60 + int(minutes)


def _value(match: re.Match[str]) -> str:
    """ "2:20 p.m." -> "14:20"; "12 a.m." -> "00:00"."""
    hour = int(match["hour"]) % 12 + (12 if match["half"].lower() == "p" else 0)
    return f"{hour:02d}:{match['minute'] or '00'}"
