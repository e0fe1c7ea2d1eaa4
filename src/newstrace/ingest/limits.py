"""How much of an input newstrace reads: bounds that keep any single input cheap.

A news article is rarely over 20,000 characters; the limits sit far above that so that only
runaway inputs (a whole book, a log file, a scraped site dump) are cut, with a warning.
"""

from __future__ import annotations

MAX_TEXT_CHARS = 1_000_000
"""An article's text is cut to at most this many characters, at a paragraph or sentence end."""

MAX_TEXT_BYTES = 4 * MAX_TEXT_CHARS
"""At most this many bytes of a plain-text input are read: enough for MAX_TEXT_CHARS characters
in any encoding (UTF-8 needs at most four bytes a character)."""

MAX_MARKUP_BYTES = 8 * MAX_TEXT_CHARS
"""At most this many bytes of an HTML page are read (the rest of the page is cut, with a
warning); a JSON article or a JSONL line longer than this is refused, since cut JSON cannot
parse."""
