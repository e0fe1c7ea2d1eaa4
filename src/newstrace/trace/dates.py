"""Publication dates as given by feeds: often missing, sometimes unparsable or plainly wrong."""

from __future__ import annotations

import calendar
import re
from datetime import UTC, date, datetime

# Dates outside this range are typing or feed errors; they must not decide what came first.
_EARLIEST = date(1990, 1, 1)


def parse_published(value: str | None, today: date | None = None) -> tuple[date | None, str | None]:
    """The date of an ISO ``published`` value, or ``None`` with the reason it was not used.

    >>> parse_published("2025-03-14T09:30:00Z")
    (datetime.date(2025, 3, 14), None)

    A partial date (``2014-03``, ``2015``: a month or a year, as archives often give them)
    is read as the middle of its period, so it is at most half a period off either way.

    >>> parse_published("14/03/2025")[1]
    "published date '14/03/2025' is not an ISO date; ignored"
    >>> parse_published("2014-03")[0], parse_published("2015")[0]
    (datetime.date(2014, 3, 15), datetime.date(2015, 7, 1))
    """
    if not value:
        return None, None
    try:
        parsed = (
            _partial(value.strip())
            or datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date()
        )
    except ValueError:
        return None, f"published date {value!r} is not an ISO date; ignored"
    latest = (today or datetime.now(UTC).date()).replace(year=(today or date.today()).year + 1)
    if not _EARLIEST <= parsed <= latest:
        return None, f"published date {value!r} is implausible; ignored"
    return parsed, None


_YEAR_MONTH = re.compile(r"(\d{4})(?:-(\d{2}))?")


def _partial(value: str) -> date | None:
    """The middle of a year (``2015``) or month (``2014-03``); None for anything else."""
    match = _YEAR_MONTH.fullmatch(value)
    if match is None:
        return None
    year, month = int(match.group(1)), match.group(2)
    return date(year, 7, 1) if month is None else date(year, int(month), 15)


def latest_day(value: str | None) -> date | None:
    """The last day a ``published`` value allows: the day itself, or the end of a partial
    date's month or year, so that "2012" never counts as earlier than "2012-08-13".

    >>> latest_day("2012"), latest_day("2016-02"), latest_day("2013-05-05T10:00:00Z")
    (datetime.date(2012, 12, 31), datetime.date(2016, 2, 29), datetime.date(2013, 5, 5))
    """
    parsed, _ = parse_published(value)
    if parsed is None or value is None:
        return None
    match = _YEAR_MONTH.fullmatch(value.strip())
    if match is None:
        return parsed
    year, month = int(match.group(1)), match.group(2)
    if month is None:
        return date(year, 12, 31)
    return date(year, int(month), calendar.monthrange(year, int(month))[1])
