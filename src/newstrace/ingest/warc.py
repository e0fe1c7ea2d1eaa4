"""Web archives (``.warc``, ``.warc.gz``), streamed record by record: each captured HTML page
is one article, read through the same HTML path as a saved page.

Records that are not captures (``request``, ``metadata``, ``warcinfo``, ``revisit``),
redirects and ``dns:`` look-ups are skipped; any other capture that is not HTML becomes a
failed item, so nothing that could be a page goes missing unnoticed. A broken record or a cut
file ends the reading with a failed item; the records before it are kept.
"""

from __future__ import annotations

import os
import re
import zlib
from collections.abc import Iterator
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import WARCIterator
from warcio.recordloader import ArcWarcRecord, ArcWarcRecordLoader

from newstrace.errors import InputError, MalformedInputError, UnsupportedInputError
from newstrace.ingest.html_page import article_from_html, declared_charset
from newstrace.ingest.item import InputItem
from newstrace.ingest.limits import DEFAULT_LIMITS, InputLimits
from newstrace.ingest.load import Loaded, decode_chunk, finish, load_item, read_chunk

CAPTURES = ("response", "resource")
HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r";\s*charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_SUFFIXES = (".warc.gz", ".warc")
_GZIP_MAGIC = b"\x1f\x8b"
_GZIP_WBITS = 16 + zlib.MAX_WBITS
_BLOCK = 1 << 16
_AFTER = "the file is corrupt, truncated or not a WARC file; nothing after this could be read"


def warc_file_items(path: Path, *, limits: InputLimits = DEFAULT_LIMITS) -> Iterator[InputItem]:
    """Items of a WARC file, gzip-compressed or not; each named by its URL, its page read up
    to ``limits.markup_bytes``.

    An item's origin is ``path@offset``, the byte offset of its record (what ``warcio
    extract`` takes). A file that is not a WARC is one failed item.
    """
    label = _label(path)
    try:
        stream = path.open("rb")
    except OSError as error:
        yield InputItem(label, str(path), InputError(f"{path}: {error.strerror}"))
        return
    with stream:
        yield from warc_stream_items(stream, path, limits=limits)


def warc_stream_items(
    stream: BinaryIO, path: Path, *, limits: InputLimits = DEFAULT_LIMITS
) -> Iterator[InputItem]:
    """Items of a WARC read from ``stream``; ``path`` names it in origins and errors (the
    Spark engine reads archives from any file system as bytes)."""
    label = _label(path)
    records = WARCIterator(stream)
    last = None
    while True:
        try:
            record = next(records, None)
        except Exception as error:  # warcio raises assorted types on a broken archive
            yield _unreadable(path, label, records.offset, error)
            return
        if record is None:
            break
        last = records.offset
        where = f"{path}@{last}"
        if not _has_length(record):
            reason = "the record has no valid Content-Length: its headers are cut off or broken"
            yield _broken(path, label, last, reason)
            return
        item = _record_item(record, _record_name(record) or f"{label}@{last}", where, limits)
        records.read_to_end()
        short = _cut_short(record)
        if short:
            yield _broken(path, label, last, short)
            return
        if item is not None:
            yield item
    problem = _end_problem(stream, records.offset, last)
    if problem:
        yield _broken(path, label, *problem)


def _end_problem(stream: BinaryIO, end: int, last: int | None) -> tuple[int, str] | None:
    """A cut the loop cannot see, as (offset, reason): warcio stops quietly at a record whose
    headers or gzip data end early. ``end`` is where warcio would read the next record."""
    if end < stream.seek(0, os.SEEK_END):  # a file, or the bytes Spark read
        return end, "the file ends inside a record's headers"
    if last is not None and _gzip_cut(stream, last):
        return last, "the file ends inside this record's gzip data"
    return None


def _gzip_cut(stream: BinaryIO, start: int) -> bool:
    """Whether the gzip member at ``start`` lacks its end; inflated in bounded pieces."""
    stream.seek(start)
    data = stream.read(_BLOCK)
    if not data.startswith(_GZIP_MAGIC):
        return False
    inflate = zlib.decompressobj(_GZIP_WBITS)
    try:
        while data and not inflate.eof:
            inflate.decompress(data, _BLOCK)
            data = inflate.unconsumed_tail or stream.read(_BLOCK)
    except zlib.error:
        return True
    return not inflate.eof


def _record_item(
    record: ArcWarcRecord, name: str, where: str, limits: InputLimits
) -> InputItem | None:
    """The item of one record, or ``None`` for a record that is no page capture."""
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    if record.rec_type not in CAPTURES or uri.startswith(ArcWarcRecordLoader.NON_HTTP_SCHEMES):
        return None
    http = record.http_headers
    status = http.get_statuscode() if http else "200"
    if status.startswith("3"):
        return None
    if not status.startswith("2"):
        message = f"{where}: the server answered HTTP {http.statusline}, not with a page"
        return InputItem(name, where, InputError(message))
    content_type = (http.get_header("Content-Type") if http else record.content_type) or ""
    media = content_type.partition(";")[0].strip().lower()
    if media and media not in HTML_TYPES:
        message = f"{where}: unsupported content type '{media}' (only HTML pages are read)"
        return InputItem(name, where, UnsupportedInputError(message))
    charset = _CHARSET.search(content_type)
    load = partial(_load_page, record, uri or None, charset and charset.group(1), where, limits)
    return load_item(name, where, load)


def _load_page(
    record: ArcWarcRecord, url: str | None, charset: str | None, where: str, limits: InputLimits
) -> Loaded:
    """The page's article: the HTTP charset goes before the page's own ``<meta charset>``."""
    try:
        chunk = read_chunk(record.content_stream(), limits.markup_bytes)
    except Exception as error:  # warcio's decompressors raise assorted types on bad data
        raise MalformedInputError(f"{where}: the page cannot be read ({error})") from error
    text, warnings = decode_chunk(chunk, where, charset or declared_charset(chunk.data))
    article = article_from_html(text, where)
    notes = tuple(note for note in (chunk.note, _crawler_cut(record)) if note)
    return finish(replace(article, url=url or article.url), warnings + notes, limits=limits)


def _record_name(record: ArcWarcRecord) -> str | None:
    headers = record.rec_headers
    return headers.get_header("WARC-Target-URI") or headers.get_header("WARC-Record-ID")


def _has_length(record: ArcWarcRecord) -> bool:
    """Whether the record gives its length, as every WARC record must: without it, its headers
    were cut off (warcio takes what it got) and where the next record starts is unknown."""
    return (record.rec_headers.get_header("Content-Length") or "").strip().isdigit()


def _cut_short(record: ArcWarcRecord) -> str | None:
    """Why a record, read to its end, is incomplete: the file ends inside it."""
    read = record.raw_stream.tell()
    if read < record.length:
        return f"the record is cut short ({read:,} of its {record.length:,} bytes)"
    return None


def _crawler_cut(record: ArcWarcRecord) -> str | None:
    reason = record.rec_headers.get_header("WARC-Truncated")
    return (
        f"the crawler stored only part of the page (WARC-Truncated: {reason})" if reason else None
    )


def _broken(path: Path, label: str, offset: int, reason: str, after: str = _AFTER) -> InputItem:
    message = f"{path}@{offset}: {reason}; {after}"
    return InputItem(f"{label}@{offset}", f"{path}@{offset}", MalformedInputError(message))


def _unreadable(path: Path, label: str, offset: int, error: Exception) -> InputItem:
    """The failed item for what warcio could not read at ``offset``."""
    text = str(error).strip()
    if "non-chunked gzip" in text:  # warcio's words for a file gzipped whole
        reason = "the file is gzip-compressed as a whole, not record by record as WARC tools write"
        return _broken(
            path, label, 0, reason, "`warcio recompress` repairs it; only its first record was read"
        )
    first_line = text.splitlines()[0] if text else type(error).__name__
    reason = f"no readable WARC record here ({ascii(first_line[:60])[1:-1]})"  # maybe binary
    return _broken(path, label, offset, reason)


def _label(path: Path) -> str:
    name = path.name
    end = next((s for s in _SUFFIXES if name.lower().endswith(s)), "")
    return name[: len(name) - len(end)] or path.stem
