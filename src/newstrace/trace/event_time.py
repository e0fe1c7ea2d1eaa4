"""The time of day a version first gives: in a report of an event, the time it happened.

"at about 2:20 p.m." in one report, "around 3 p.m." in the next; compared as
:mod:`~newstrace.trace.first_given` says (page chrome left out).
"""

from __future__ import annotations

import re
from functools import lru_cache

from newstrace.trace.first_given import Given, first_disagreeing, in_body

_TIME = re.compile(
    r"\b(?P<hour>1[0-2]|0?[1-9])(?::(?P<minute>[0-5]\d))?\s?(?P<half>[ap])\.?\s?m\b\.?",
    re.IGNORECASE,
)


@lru_cache(maxsize=64)
def moments(text: str) -> tuple[Given, ...]:
    """Every time of day in the body of ``text``, in order, as 24-hour values."""
    return tuple(Given(_value(match), *match.span()) for match in in_body(_TIME, text))


def inside_time(text: str, offset: int) -> bool:
    """Whether ``offset`` falls inside a time of day ("35" in "11:35 a.m."): its minutes are
    no count of anything, and the time itself is compared by :func:`changed`."""
    return any(start <= offset < end for start, end in _time_spans(text))


@lru_cache(maxsize=64)
def _time_spans(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(match.span() for match in _TIME.finditer(text))


def changed(later: str, earlier: str) -> tuple[Given, Given] | None:
    """The first times of day of ``later`` and ``earlier`` where they disagree, else None."""
    return first_disagreeing(moments(later), moments(earlier))


def _value(match: re.Match[str]) -> str:
    """ "2:20 p.m." -> "14:20"; "12 a.m." -> "00:00"."""
    hour = int(match["hour"]) % 12 + (12 if match["half"].lower() == "p" else 0)
    return f"{hour:02d}:{match['minute'] or '00'}"
