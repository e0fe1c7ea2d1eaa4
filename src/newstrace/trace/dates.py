"""Publication dates as given by feeds: often missing, sometimes unparsable or plainly wrong."""

from __future__ import annotations

from datetime import UTC, date, datetime

# Dates outside this range are typing or feed errors; they must not decide what came first.
_EARLIEST = date(1990, 1, 1)


def parse_published(value: str | None, today: date | None = None) -> tuple[date | None, str | None]:
    """The date of an ISO ``published`` value, or ``None`` with the reason it was not used.

    >>> parse_published("2025-03-14T09:30:00Z")
    (datetime.date(2025, 3, 14), None)
    >>> parse_published("14/03/2025")[1]
    "published date '14/03/2025' is not an ISO date; ignored"
    """
    if not value:
        return None, None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date()
    except ValueError:
        return None, f"published date {value!r} is not an ISO date; ignored"
    latest = (today or datetime.now(UTC).date()).replace(year=(today or date.today()).year + 1)
    if not _EARLIEST <= parsed <= latest:
        return None, f"published date {value!r} is implausible; ignored"
    return parsed, None
