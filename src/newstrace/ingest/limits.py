"""How much of an input newstrace reads: bounds that keep any single input cheap.

A news article is rarely over 20,000 characters; the default limits sit far above that so that
only runaway inputs (a whole book, a log file, a scraped site dump) are cut, with a warning.
The limits travel as an :class:`InputLimits` value through every reader (``limits=``), so a
caller or a test picks its own bounds without touching shared state.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, kw_only=True)
class InputLimits:
    """The bounds of one run's reading; :data:`DEFAULT_LIMITS` unless a caller gives others.

    >>> InputLimits(text_chars=10).text_bytes
    40
    """

    text_chars: int = 1_000_000
    """An article's text is cut to at most this many characters, at a paragraph or sentence
    end: fifty times the longest usual article, so only runaway inputs are cut."""

    markup_bytes: int = 8_000_000
    """At most this many bytes of an HTML page are read (the rest of the page is cut, with a
    warning); a JSON article, a JSONL line or a CSV line or field longer than this is refused,
    since cut JSON cannot parse. Eight bytes a character of text: a page's markup, scripts and
    styles often outweigh its text several times over."""

    @property
    def text_bytes(self) -> int:
        """At most this many bytes of a plain-text input are read: enough for ``text_chars``
        characters in any encoding (UTF-8 needs at most four bytes a character)."""
        return 4 * self.text_chars


DEFAULT_LIMITS = InputLimits()
"""The limits every reader uses unless it is given others."""
