"""Opening a corpus file of UTF-8 text (JSONL, CSV): a bad file fails once, not per line."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from newstrace.errors import BinaryInputError, EncodingError, InputError
from newstrace.ingest.binary import SNIFF_BYTES, describe_binary
from newstrace.ingest.decode import bom_encoding
from newstrace.ingest.item import InputItem


def text_corpus_items(
    path: Path, kind: str, read: Callable[[BinaryIO], Iterator[InputItem]]
) -> Iterator[InputItem]:
    """Items of a ``kind`` file (``"JSONL"``, ``"CSV"``) streamed by ``read``; a file that
    cannot be opened, looks binary or is in another encoding than UTF-8 is one failed item."""
    try:
        stream = path.open("rb")
    except OSError as error:
        yield InputItem(path.stem, str(path), InputError(f"{path}: {error.strerror}"))
        return
    with stream:
        problem = _head_problem(stream.peek(SNIFF_BYTES)[:SNIFF_BYTES], str(path), kind)
        if problem:
            yield InputItem(path.stem, str(path), problem)
            return
        yield from read(stream)


def _head_problem(head: bytes, where: str, kind: str) -> InputError | None:
    encoding = bom_encoding(head)
    if encoding:
        return EncodingError(
            f"{where}: a {kind} file must be UTF-8, this one is {encoding}; re-save it as UTF-8"
        )
    what = describe_binary(head)
    return BinaryInputError(f"{where}: the file looks like {what}, not {kind}") if what else None
