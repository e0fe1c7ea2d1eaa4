"""Cut an over-long text at a natural boundary near the limit, and say so."""

from __future__ import annotations

import re

from newstrace.ingest.limits import MAX_TEXT_CHARS

_SEARCH_FRACTION = 20
"""A boundary is looked for in the last twentieth below the limit (50,000 characters at the
default limit), so that the cut loses little text."""

_BOUNDARIES: tuple[re.Pattern[str], ...] = (
    re.compile(r"\n[ \t]*\r?\n"),  # a blank line: the end of a paragraph
    re.compile(r"\r?\n"),  # a line break
    re.compile(r"[.!?][\"'”’)\]]*\s"),  # the end of a sentence
    re.compile(r"[^\S\r\n]"),  # a space: at least not inside a word (or a CRLF)
)


def truncate_text(text: str, limit: int = MAX_TEXT_CHARS) -> tuple[str, tuple[str, ...]]:
    """Return ``text`` cut to at most ``limit`` characters, and a warning if it was cut.

    Text within the limit comes back as the very same object, with no warnings.

    The cut falls after the last paragraph end, else line end, else sentence end, else space
    near the limit, so the kept text ends cleanly and its offsets stay those of the original.

    >>> truncate_text("One. Two. Three.", limit=10)
    ('One. Two. ', ('text truncated from 16 to 10 characters (limit 10)',))
    """
    if len(text) <= limit:
        return text, ()
    cut = _boundary(text, limit)
    warning = f"text truncated from {len(text):,} to {cut:,} characters (limit {limit:,})"
    return text[:cut], (warning,)


def _boundary(text: str, limit: int) -> int:
    """The end of the last boundary match in the search window, else ``limit`` itself."""
    start = max(0, limit - max(limit // _SEARCH_FRACTION, 1))
    window = text[start : limit + 1]
    for pattern in _BOUNDARIES:
        ends = [m.end() for m in pattern.finditer(window) if m.end() <= limit - start]
        if ends:
            return start + ends[-1]
    return _not_inside_crlf(text, limit)


def _not_inside_crlf(text: str, cut: int) -> int:
    return cut - 1 if text[cut - 1] == "\r" and text[cut] == "\n" else cut
