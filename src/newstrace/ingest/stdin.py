"""Standard input: one article (JSON, HTML or text, sniffed) or a JSONL stream of them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import partial
from itertools import chain
from typing import BinaryIO

from newstrace.ingest.item import InputItem
from newstrace.ingest.jsonl import capped_lines, jsonl_items
from newstrace.ingest.limits import DEFAULT_LIMITS, InputLimits
from newstrace.ingest.load import Chunk, load_chunk, load_item, read_limit

ORIGIN = "<stdin>"
NAME = "stdin"


def stdin_items(stream: BinaryIO, *, limits: InputLimits = DEFAULT_LIMITS) -> Iterator[InputItem]:
    """Items read from ``stream`` (``sys.stdin.buffer``) within ``limits``.

    A JSON object on the first line and a ``{`` starting the second make it a JSONL stream,
    read line by line; anything else is one article, read up to the markup byte limit and
    sniffed as JSON, HTML or text.
    """
    limit = read_limit(None, limits)
    lines = capped_lines(stream, limit)
    first, second = next(lines, b""), next(lines, b"")
    if _is_json_object(first) and second.lstrip().startswith(b"{"):
        yield from jsonl_items(chain((first, second), lines), NAME, ORIGIN, limits=limits)
        return
    head = first + second  # an over-long line among them is cut: the input is too, then
    data = head + stream.read(max(limit + 1 - len(head), 0))
    chunk = Chunk(data[:limit], _cut_note(limit) if len(data) > limit else None)
    yield load_item(NAME, ORIGIN, partial(load_chunk, chunk, None, ORIGIN, limits=limits))


def _is_json_object(line: bytes) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:  # JSONDecodeError and UnicodeDecodeError are both ValueErrors
        return False


def _cut_note(limit: int) -> str:
    return f"only the first {limit:,} bytes of standard input were read (the read limit)"
