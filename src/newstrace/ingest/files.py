"""Files to items: the suffix picks the reader; an explicitly named odd file is sniffed."""

from __future__ import annotations

import os
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Protocol

from newstrace.errors import InputError, UnsupportedInputError
from newstrace.ingest.csv_corpus import csv_file_items
from newstrace.ingest.item import InputItem
from newstrace.ingest.jsonl import jsonl_file_items
from newstrace.ingest.limits import DEFAULT_LIMITS, InputLimits
from newstrace.ingest.load import Loaded, load_chunk, load_item, read_chunk, read_limit
from newstrace.ingest.sniff import Kind
from newstrace.ingest.warc import warc_file_items


class CorpusReader(Protocol):
    """Reads a file that holds many articles, item by item."""

    __name__: str

    def __call__(self, path: Path, *, limits: InputLimits = ...) -> Iterator[InputItem]: ...


SUFFIX_KINDS: dict[str, Kind] = {".txt": "text", ".html": "html", ".htm": "html", ".json": "json"}
CORPUS_READERS: dict[str, CorpusReader] = {
    ".jsonl": jsonl_file_items,
    ".csv": csv_file_items,
    ".warc": warc_file_items,
    ".warc.gz": warc_file_items,
}
SUPPORTED_SUFFIXES = (*SUFFIX_KINDS, *CORPUS_READERS)


def corpus_reader(path: Path) -> CorpusReader | None:
    """The reader of a file that holds many articles (JSONL, CSV, WARC), by its suffix.

    >>> corpus_reader(Path("crawl.WARC.gz")).__name__
    'warc_file_items'
    """
    name = path.name.lower()
    return next((read for end, read in CORPUS_READERS.items() if name.endswith(end)), None)


def file_items(
    path: Path, *, explicit: bool, limits: InputLimits = DEFAULT_LIMITS
) -> Iterator[InputItem]:
    """Items of one file, read within ``limits``. ``explicit``: the user named this file, so an
    unknown suffix is sniffed as JSON, HTML or text; found while walking a directory it is
    reported unsupported."""
    suffix = path.suffix.lower()
    read_corpus = corpus_reader(path)
    if read_corpus is not None:
        yield from read_corpus(path, limits=limits)
    elif suffix in SUFFIX_KINDS or explicit:
        kind = SUFFIX_KINDS.get(suffix)
        yield load_item(path.stem, str(path), partial(_load_file, path, kind, limits))
    else:
        yield unsupported_item(path)


def unsupported_item(path: Path) -> InputItem:
    """A failed item for a file no reader takes, so it is reported rather than skipped."""
    kinds = ", ".join(SUPPORTED_SUFFIXES)
    message = f"{path}: unsupported file type '{path.suffix}' (newstrace reads {kinds})"
    error = UnsupportedInputError(message)
    return InputItem(path.stem, str(path), error)


def _load_file(path: Path, kind: Kind | None, limits: InputLimits) -> Loaded:
    try:
        with path.open("rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            chunk = read_chunk(stream, read_limit(kind, limits), size)
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror})") from error
    return load_chunk(chunk, kind, str(path), limits=limits)
