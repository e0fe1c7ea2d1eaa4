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
from newstrace.ingest.limits import MAX_MARKUP_BYTES, MAX_TEXT_BYTES
from newstrace.ingest.sniff import Kind, sniff_kind
from newstrace.ingest.truncate import truncate_text
from newstrace.model import Article

Loaded = tuple[Article, tuple[str, ...]]

READ_LIMITS: dict[Kind | None, int] = {
    "text": MAX_TEXT_BYTES,
    "html": MAX_MARKUP_BYTES,
    "json": MAX_MARKUP_BYTES,
    None: MAX_MARKUP_BYTES,  # not known until sniffed: room for the largest kind
}


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


def load_chunk(chunk: Chunk, kind: Kind | None, where: str) -> Loaded:
    """Decode and parse one input; ``kind`` ``None`` means sniff it from the text."""
    declared = declared_charset(chunk.data) if kind in ("html", None) else None
    text, warnings = decode_chunk(chunk, where, declared)
    kind = kind or sniff_kind(text)
    if kind == "json" and chunk.note:
        raise InputTooLargeError(
            f"{where}: a JSON article may be at most {MAX_MARKUP_BYTES:,} bytes "
            f"({chunk.note}); give a long text as .txt"
        )
    article = _PARSERS[kind](text, where)
    return finish(article, warnings + ((chunk.note,) if chunk.note else ()))


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


def finish(article: Article, warnings: tuple[str, ...]) -> Loaded:
    """Cap the article's text at the character limit, adding a warning when it was cut."""
    text, cut = truncate_text(article.text)
    return (replace(article, text=text) if cut else article), warnings + cut


def load_item(name: str, origin: str, load: Callable[[], Loaded]) -> InputItem:
    """Run ``load``; an error becomes a failed item. A JSON ``id`` replaces the default name."""
    try:
        article, warnings = load()
    except NewstraceError as error:
        return InputItem(name, origin, None, error)
    return InputItem(article.id or name, origin, article, None, warnings)


def _plain_text(text: str, where: str) -> Article:
    return Article(text=text)


_PARSERS: dict[Kind, Callable[[str, str], Article]] = {
    "text": _plain_text,
    "html": article_from_html,
    "json": article_from_json,
}
