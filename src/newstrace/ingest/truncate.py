"""Cut an over-long text at a natural boundary near the limit, and say so."""

from __future__ import annotations

import re

from newstrace.ingest.limits import DEFAULT_LIMITS

_BOUNDARIES: tuple[re.Pattern[str], ...] = (
    re.compile(r"\n[ \t]*\r?\n"),  # a blank line: the end of a paragraph
    re.compile(r"\r?\n"),  # a line break
    re.compile(r"[.!?][\"'”’)\]]*\s"),  # the end of a sentence
    re.compile(r"[^\S\r\n]"),  # a space: at least not inside a word (or a CRLF)
)


def truncate_text(
    text: str, limit: int = DEFAULT_LIMITS.text_chars, *, window: int | None = None
) -> tuple[str, tuple[str, ...]]:
    """Return ``text`` cut to at most ``limit`` characters, and a warning if it was cut.

    Text within the limit comes back as the very same object, with no warnings.

    The cut falls after the last paragraph end, else line end, else sentence end, else space
    in the ``window`` characters below the limit, so the kept text ends cleanly and its offsets
    stay those of the original. The window is by default a twentieth of the limit (50,000
    characters at the default limit), so that the cut loses little text; with no boundary in
    it, the text is cut at the limit itself.

    >>> truncate_text("One. Two. Three.", limit=10)
    ('One. Two. ', ('text truncated from 16 to 10 characters (limit 10)',))
    """
    if len(text) <= limit:
        return text, ()
    cut = _boundary(text, limit, max(limit // 20, 1) if window is None else window)
    warning = f"text truncated from {len(text):,} to {cut:,} characters (limit {limit:,})"
    return text[:cut], (warning,)


def _boundary(text: str, limit: int, window: int) -> int:
    """The end of the last boundary match in the search window, else ``limit`` itself."""
    start = max(0, limit - window)
    searched = text[start : limit + 1]
    for pattern in _BOUNDARIES:
        ends = [m.end() for m in pattern.finditer(searched) if m.end() <= limit - start]
        if ends:
            return start + ends[-1]
    return _not_inside_crlf(text, limit)


def _not_inside_crlf(text: str, cut: int) -> int:
    return cut - 1 if text[cut - 1] == "\r" and text[cut] == "\n" else cut
