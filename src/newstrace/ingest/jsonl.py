"""JSONL corpora, one article a line, streamed: a bad line fails alone and the rest go on."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import BinaryIO

from newstrace.errors import InputTooLargeError
from newstrace.ingest.item import InputItem
from newstrace.ingest.json_article import article_from_json
from newstrace.ingest.limits import DEFAULT_LIMITS, InputLimits
from newstrace.ingest.load import Chunk, Loaded, decode_chunk, finish, load_item
from newstrace.ingest.text_corpus import text_corpus_items

_DRAIN_BYTES = 1 << 16


def jsonl_file_items(path: Path, *, limits: InputLimits = DEFAULT_LIMITS) -> Iterator[InputItem]:
    """Items of a ``.jsonl`` file; a file that is binary or not UTF-8 is one failed item, a
    line longer than ``limits.markup_bytes`` a failed item of its own."""

    def read(stream: BinaryIO) -> Iterator[InputItem]:
        lines = capped_lines(stream, limits.markup_bytes)
        return jsonl_items(lines, path.stem, str(path), limits=limits)

    return text_corpus_items(path, "JSONL", read)


def jsonl_items(
    lines: Iterable[bytes], label: str, origin: str, *, limits: InputLimits
) -> Iterator[InputItem]:
    """One item per non-blank line, named by its ``id`` or ``label:line``; ``lines`` are read
    one at a time, as the items are taken."""
    for number, line in enumerate(lines, start=1):
        item = jsonl_line_item(line, number, label, origin, limits=limits)
        if item is not None:
            yield item


def jsonl_line_item(
    line: bytes,
    number: int,
    label: str,
    origin: str,
    *,
    limits: InputLimits = DEFAULT_LIMITS,
) -> InputItem | None:
    """The item of line ``number`` of a JSONL corpus; None for a blank line. A line longer than
    ``limits.markup_bytes`` fails (a cut line cannot parse)."""
    if not line.strip():
        return None
    where = f"{origin}:{number}"
    return load_item(f"{label}:{number}", where, partial(_load_line, line, where, limits))


def capped_lines(stream: BinaryIO, limit: int) -> Iterator[bytes]:
    """Lines of ``stream``; one longer than ``limit`` comes cut to ``limit + 1`` bytes.

    Memory stays bounded by ``limit`` however long a line is: the rest of it is skipped.
    """
    while line := stream.readline(limit + 1):
        if len(line) > limit and not line.endswith(b"\n"):
            _skip_rest_of_line(stream)
        yield line


def _skip_rest_of_line(stream: BinaryIO) -> None:
    """Read past the end of an over-long line in bounded pieces, never holding it whole."""
    part = stream.readline(_DRAIN_BYTES)
    while part and not part.endswith(b"\n"):
        part = stream.readline(_DRAIN_BYTES)


def _load_line(line: bytes, where: str, limits: InputLimits) -> Loaded:
    if len(line.rstrip(b"\r\n")) > limits.markup_bytes:
        raise InputTooLargeError(f"{where}: the line is longer than {limits.markup_bytes:,} bytes")
    text, warnings = decode_chunk(Chunk(line), where)
    return finish(article_from_json(text, where, one_line=True), warnings, limits=limits)
