"""The time of day a version first gives: in a report of an event, the time it happened.

Reports of one event often disagree on when it happened ("at about 2:20 p.m." in one,
"around 3 p.m." in the next) in sentences the aligner cannot pair, since each tells the
scene in its own words. The first time of day in a version's body (page chrome left out) is
taken as its event's time; two versions disagree where their first times differ and
neither version prints the other's time anywhere (a later time given first for an arrest
or a death is then usually printed beside the event's own).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newstrace.ingest.chrome import body_ranges

_TIME = re.compile(
    r"\b(?P<hour>1[0-2]|0?[1-9])(?::(?P<minute>[0-5]\d))?\s?(?P<half>[ap])\.?\s?m\b\.?",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Moment:
    """A time of day as printed (``start``/``end`` in the text) and as a 24-hour value."""

    value: str
    start: int
    end: int


@lru_cache(maxsize=64)
def moments(text: str) -> tuple[Moment, ...]:
    """Every time of day in the body of ``text``, in order."""
    body = body_ranges(text)
    return tuple(
        Moment(_value(match), *match.span())
        for match in _TIME.finditer(text)
        if any(start <= match.start() < end for start, end in body)
    )


def changed(later: str, earlier: str) -> tuple[Moment, Moment] | None:
    """The first times of day of ``later`` and ``earlier`` where they disagree, else None."""
    now, before = moments(later), moments(earlier)
    if not now or not before or now[0].value == before[0].value:
        return None
    if now[0].value in {m.value for m in before} or before[0].value in {m.value for m in now}:
        return None
    return now[0], before[0]


def _value(match: re.Match[str]) -> str:
    """ "2:20 p.m." -> "14:20"; "12 a.m." -> "00:00"."""
    hour = int(match["hour"]) % 12 + (12 if match["half"].lower() == "p" else 0)
    return f"{hour:02d}:{match['minute'] or '00'}"
