"""JSONL corpora, one article a line, streamed: a bad line fails alone and the rest go on."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import BinaryIO

from newstrace.errors import BinaryInputError, EncodingError, InputError, InputTooLargeError
from newstrace.ingest.binary import SNIFF_BYTES, describe_binary
from newstrace.ingest.decode import bom_encoding
from newstrace.ingest.item import InputItem
from newstrace.ingest.json_article import article_from_json
from newstrace.ingest.limits import MAX_MARKUP_BYTES
from newstrace.ingest.load import Chunk, Loaded, decode_chunk, finish, load_item

_DRAIN_BYTES = 1 << 16


def jsonl_file_items(path: Path) -> Iterator[InputItem]:
    """Items of a ``.jsonl`` file; a file that is binary or not UTF-8 is one failed item."""
    try:
        stream = path.open("rb")
    except OSError as error:
        yield InputItem(path.stem, str(path), None, InputError(f"{path}: {error.strerror}"))
        return
    with stream:
        problem = _head_problem(stream.peek(SNIFF_BYTES)[:SNIFF_BYTES], str(path))
        if problem:
            yield InputItem(path.stem, str(path), None, problem)
            return
        yield from jsonl_items(capped_lines(stream, MAX_MARKUP_BYTES), path.stem, str(path))


def jsonl_items(lines: Iterable[bytes], label: str, origin: str) -> Iterator[InputItem]:
    """One item per non-blank line, named by its ``id`` or ``label:line``."""
    for number, line in enumerate(lines, start=1):
        if line.strip():
            where = f"{origin}:{number}"
            yield load_item(f"{label}:{number}", where, partial(_load_line, line, where))


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


def _load_line(line: bytes, where: str) -> Loaded:
    if len(line.rstrip(b"\r\n")) > MAX_MARKUP_BYTES:
        raise InputTooLargeError(f"{where}: the line is longer than {MAX_MARKUP_BYTES:,} bytes")
    text, warnings = decode_chunk(Chunk(line), where)
    return finish(article_from_json(text, where, one_line=True), warnings)


def _head_problem(head: bytes, where: str) -> InputError | None:
    encoding = bom_encoding(head)
    if encoding:
        return EncodingError(f"{where}: a JSONL file must be UTF-8, this one is {encoding}")
    what = describe_binary(head)
    return BinaryInputError(f"{where}: the file looks like {what}, not JSONL") if what else None
