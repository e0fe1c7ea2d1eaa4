"""One input's bytes to an Article: read a bounded chunk, decode, parse by kind, cap the text."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import BinaryIO

from newstrace.errors import EmptyInputError, InputTooLargeError, NewstraceError
from newstrace.ingest.decode import decode_bytes
from newstrace.ingest.html_page import article_from_html, declared_charset
from newstrace.ingest.item import InputItem
from newstrace.ingest.json_article import article_from_json
from newstrace.ingest.limits import DEFAULT_LIMITS, InputLimits
from newstrace.ingest.sniff import Kind, sniff_kind
from newstrace.ingest.truncate import truncate_text
from newstrace.model import Article

Loaded = tuple[Article, tuple[str, ...]]


def read_limit(kind: Kind | None, limits: InputLimits) -> int:
    """How many bytes of an input of ``kind`` are read; a kind not yet known (``None``, to be
    sniffed) gets room for the largest kind.

    >>> read_limit("text", InputLimits(text_chars=10)), read_limit(None, InputLimits())
    (40, 8000000)
    """
    return limits.text_bytes if kind == "text" else limits.markup_bytes


@dataclass(frozen=True, slots=True)
class Chunk:
    """The bytes read from an input, and a note when the input went on beyond them."""

    data: bytes
    note: str | None = None


def read_chunk(stream: BinaryIO, limit: int, size: int | None = None) -> Chunk:
    """Read at most ``limit`` bytes; ``size`` (the whole input's, when known) goes in the note."""
    data = stream.read(limit + 1)
    if len(data) <= limit:
        return Chunk(data)
    of = f" of {size:,}" if size is not None else ""
    return Chunk(data[:limit], f"only the first {limit:,}{of} bytes were read (the read limit)")


def load_chunk(
    chunk: Chunk, kind: Kind | None, where: str, *, limits: InputLimits = DEFAULT_LIMITS
) -> Loaded:
    """Decode and parse one input; ``kind`` ``None`` means sniff it from the text. ``chunk``
    was read under ``limits`` (its note says it was cut), which also cap the article's text."""
    declared = declared_charset(chunk.data) if kind in ("html", None) else None
    text, warnings = decode_chunk(chunk, where, declared)
    kind = kind or sniff_kind(text)
    if kind == "json" and chunk.note:
        raise InputTooLargeError(
            f"{where}: a JSON article may be at most {limits.markup_bytes:,} bytes "
            f"({chunk.note}); give a long text as .txt"
        )
    article = _PARSERS[kind](text, where)
    return finish(article, warnings + ((chunk.note,) if chunk.note else ()), limits=limits)


def decode_chunk(
    chunk: Chunk, where: str, declared: str | None = None
) -> tuple[str, tuple[str, ...]]:
    """Decode bytes, refusing empty and whitespace-only input; errors name ``where``."""
    if not chunk.data:
        raise EmptyInputError(f"{where}: the input is empty (0 bytes)")
    try:
        text, warnings = decode_bytes(chunk.data, partial=chunk.note is not None, declared=declared)
    except NewstraceError as error:
        raise type(error)(f"{where}: {error.message}") from error
    if not text.strip():
        raise EmptyInputError(f"{where}: the input contains only whitespace")
    return text, warnings


def finish(
    article: Article, warnings: tuple[str, ...], *, limits: InputLimits = DEFAULT_LIMITS
) -> Loaded:
    """Cap the article's text at the character limit, adding a warning when it was cut."""
    text, cut = truncate_text(article.text, limits.text_chars)
    return (replace(article, text=text) if cut else article), warnings + cut


def load_item(name: str, origin: str, load: Callable[[], Loaded]) -> InputItem:
    """Run ``load``; an error becomes a failed item. A JSON ``id`` replaces the default name."""
    try:
        article, warnings = load()
    except NewstraceError as error:
        return InputItem(name, origin, error)
    return InputItem(article.id or name, origin, article, warnings)


def _plain_text(text: str, where: str) -> Article:
    return Article(text=text)


_PARSERS: dict[Kind, Callable[[str, str], Article]] = {
    "text": _plain_text,
    "html": article_from_html,
    "json": article_from_json,
}
