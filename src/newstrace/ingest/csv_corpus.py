"""CSV corpora, one article a row, streamed: a bad row fails alone and the rest go on.

The header names the columns (``id, url, outlet, published, title, lang, text`` in any order,
matched ignoring case and surrounding spaces; only ``text`` is required, others are ignored).
Each row becomes a mapping built through :func:`article_from_mapping`, so a CSV article is
checked exactly as a JSON one.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import BinaryIO

from newstrace.errors import (
    EncodingError,
    InputTooLargeError,
    MalformedInputError,
    NewstraceError,
)
from newstrace.ingest.item import InputItem
from newstrace.ingest.json_article import METADATA_FIELDS, article_from_mapping
from newstrace.ingest.limits import DEFAULT_LIMITS, InputLimits
from newstrace.ingest.load import Loaded, finish, load_item
from newstrace.ingest.text_corpus import text_corpus_items

COLUMNS = ("text", *METADATA_FIELDS)
_UNDECODABLE = re.compile("[\udc80-\udcff]")  # bytes that were not UTF-8, kept by surrogateescape
_REPLACEMENT = "\ufffd"  # shown for such bytes in messages, which must print
_FIELD_LIMIT = "field larger than field limit"  # the csv module's message; it has no own type
_OTHER_DELIMITERS = (";", "\t", "|")
_DRAIN_BYTES = 1 << 16


class _Lines:
    """The file's lines decoded for :func:`csv.reader`, counted so a row knows its first line.

    Bytes that are not UTF-8 survive as surrogates, so that only the rows holding them fail.
    A line longer than ``limit`` bytes raises instead, and is never held whole in memory; a
    field longer than ``limit`` characters makes :func:`csv.reader` raise.
    Quote characters are counted per row: when a row fails inside a field too long to read,
    an odd count means the field is quoted and goes on, so its remaining lines are skipped.
    """

    def __init__(self, stream: BinaryIO, limit: int) -> None:
        self._stream = stream
        self._limit = limit
        self._quotes = 0
        self.count = 0

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        line, whole = self._read()
        if not line:
            raise StopIteration
        if not whole:
            raise InputTooLargeError(f"the line is longer than {self._limit:,} bytes")
        # the csv module's field limit is process-wide: set for each line, so that readers
        # with other limits may take turns
        csv.field_size_limit(self._limit)
        text = line.decode("utf-8", errors="surrogateescape")
        return text.removeprefix("\ufeff") if self.count == 1 else text

    def end_row(self, *, cut_off: bool = False) -> None:
        """A row has ended: the quote count starts afresh. ``cut_off``: the row failed inside a
        field too long to read, so the lines left of that field (up to the line that closes
        its quotes) are passed over rather than read as rows."""
        more = cut_off
        while more and self._quotes % 2:
            more = bool(self._read()[0])
        self._quotes = 0

    def _read(self) -> tuple[bytes, bool]:
        """The next line, cut to the limit, and whether it came whole; ``b""`` at the end."""
        line = self._stream.readline(self._limit + 1)
        if line:
            self.count += 1
            self._quotes += line.count(b'"')
        if len(line) <= self._limit or line.endswith(b"\n"):
            return line, True
        self._drain()
        return line, False

    def _drain(self) -> None:
        """Read past the rest of an over-long line in bounded pieces, counting its quotes."""
        part = self._stream.readline(_DRAIN_BYTES)
        self._quotes += part.count(b'"')
        while part and not part.endswith(b"\n"):
            part = self._stream.readline(_DRAIN_BYTES)
            self._quotes += part.count(b'"')


def csv_file_items(path: Path, *, limits: InputLimits = DEFAULT_LIMITS) -> Iterator[InputItem]:
    """Items of a ``.csv`` file; a binary or non-UTF-8 file, or one without a ``text`` column,
    is one failed item. Rows are named by their ``id`` or ``stem:line`` (the line they start on).
    A line or field longer than ``limits.markup_bytes`` fails its row.
    """

    def read(stream: BinaryIO) -> Iterator[InputItem]:
        return _items(_Lines(stream, limits.markup_bytes), path.stem, str(path), limits)

    return text_corpus_items(path, "CSV", read)


def _items(lines: _Lines, label: str, origin: str, limits: InputLimits) -> Iterator[InputItem]:
    """One item per row after the header; blank rows (every field empty) are skipped."""
    rows = csv.reader(lines, strict=True)
    try:
        header = _read_header(rows, origin, limits)
    except NewstraceError as error:
        yield InputItem(label, origin, error)
        return
    if header is None:
        return
    columns, width = header
    while True:
        start = lines.count + 1
        where = f"{origin}:{start}"
        try:
            row = next(rows, None)
        except (csv.Error, NewstraceError) as error:
            problem = _row_error(error, where, limits)
            lines.end_row(cut_off=isinstance(problem, InputTooLargeError))
            yield InputItem(f"{label}:{start}", where, problem)
            continue
        lines.end_row()
        if row is None:
            return
        if any(row):
            load = partial(_load_row, row, columns, width, where, limits)
            yield load_item(f"{label}:{start}", where, load)


def _read_header(
    rows: Iterator[list[str]], origin: str, limits: InputLimits
) -> tuple[dict[str, int], int] | None:
    """Where each known column is, and how many there are; ``None`` for an empty file.

    Raises MalformedInputError without a ``text`` column or with a known column twice.
    """
    try:
        header = next(rows, None)
    except (csv.Error, NewstraceError) as error:
        raise _row_error(error, f"{origin}:1", limits) from error
    if header is None:
        return None
    columns: dict[str, int] = {}
    for index, name in enumerate(name.strip().lower() for name in header):
        if name in COLUMNS and name in columns:
            raise MalformedInputError(f"{origin}: the header names the '{name}' column twice")
        if name in COLUMNS:
            columns[name] = index
    if "text" not in columns:
        shown = _UNDECODABLE.sub(_REPLACEMENT, ", ".join(header)) or "empty"
        raise MalformedInputError(
            f"{origin}: the CSV file has no 'text' column (its header: {shown})"
            f"{_delimiter_hint(header)}"
        )
    return columns, len(header)


def _load_row(
    row: list[str], columns: dict[str, int], width: int, where: str, limits: InputLimits
) -> Loaded:
    if len(row) != width:
        raise MalformedInputError(
            f"{where}: the row has {len(row)} fields but the header has {width}; a field "
            "holding a comma, quote or line break must be quoted"
        )
    values = {name: row[index] for name, index in columns.items()}
    for value in values.values():
        if undecodable := _UNDECODABLE.search(value):
            byte = ord(undecodable.group()) - 0xDC00
            raise EncodingError(
                f"{where}: the row is not valid UTF-8 (byte 0x{byte:02x}); "
                "re-save the CSV file as UTF-8"
            )
    mapping = {name: value or None for name, value in values.items() if name != "text"}
    article = article_from_mapping({**mapping, "text": values["text"]}, where)
    return finish(article, (), limits=limits)


def _row_error(error: Exception, where: str, limits: InputLimits) -> NewstraceError:
    """A reading error of one row (or the header) as a newstrace error naming ``where``."""
    if isinstance(error, NewstraceError):
        return type(error)(f"{where}: {error.message}")
    if _FIELD_LIMIT in str(error):
        return InputTooLargeError(
            f"{where}: a field is longer than {limits.markup_bytes:,} characters"
        )
    return MalformedInputError(f"{where}: the row is not valid CSV ({error})")


def _delimiter_hint(header: Sequence[str]) -> str:
    joined = "".join(header)
    used = next((d for d in _OTHER_DELIMITERS if d in joined), None)
    if used is None:
        return ""
    return f"; its columns seem to be separated by {used!r}, but newstrace reads commas"
