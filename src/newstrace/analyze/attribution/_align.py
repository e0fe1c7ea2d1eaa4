"""Between character spans (what the data model and PolNeAR use) and token spans (what we tag)."""

from __future__ import annotations

from spacy.tokens import Doc

from newstrace.analyze.nlp import text_of
from newstrace.model import Span

TokenSpan = tuple[int, int]
"""Tokens ``doc[start:end]``: a half-open token range."""


def to_tokens(doc: Doc, start: int, end: int) -> TokenSpan | None:
    """The tokens that share a character with ``[start, end)``; ``None`` if no token does."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.start, span.end


def to_chars(doc: Doc, tokens: TokenSpan) -> Span:
    """The character span from the first token's start to the last token's end."""
    first, last = doc[tokens[0]], doc[tokens[1] - 1]
    return Span.of(text_of(doc), first.idx, last.idx + len(last.text))
