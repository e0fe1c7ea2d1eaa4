"""Tell binary files from text before decoding, so a stray PDF gets a clear error, not noise."""

from __future__ import annotations

import re

SNIFF_BYTES = 8192
"""Only the start of the data is examined: binary formats announce themselves early."""

_MAX_CONTROL_RATIO = 0.1

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx/.epub file, which are ZIP archives)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x1f\x8b", "a gzip-compressed file"),
    (b"\xfd7zXZ\x00", "an xz-compressed file"),
    (b"\x28\xb5\x2f\xfd", "a zstd-compressed file"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Microsoft Office (.doc/.xls/.ppt) file"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x7fELF", "an ELF executable"),
    (b"OggS", "an Ogg audio/video file"),
    (b"fLaC", "a FLAC audio file"),
)
_PATTERNS: tuple[tuple[re.Pattern[bytes], str], ...] = (
    (re.compile(rb"BZh[1-9]1AY&SY"), "a bzip2-compressed file"),
    (re.compile(rb"RIFF....(WEBP|WAVE|AVI )", re.DOTALL), "a RIFF media file (WebP/WAV/AVI)"),
    (re.compile(rb"ID3[\x02-\x04]"), "an MP3 audio file"),
)
# C0 control bytes other than tab, line feed, vertical tab, form feed, carriage return, escape.
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")


def describe_binary(data: bytes) -> str | None:
    """Say what ``data`` looks like if it is binary (``"a PNG image"``), else ``None``.

    Callers must rule out UTF-16/UTF-32 (which contain NUL bytes) first, by their BOM.

    >>> describe_binary(b"%PDF-1.7 ...")
    'a PDF document'
    >>> describe_binary(b"Kim cried.") is None
    True
    """
    head = data[:SNIFF_BYTES]
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    for pattern, what in _PATTERNS:
        if pattern.match(head):
            return what
    if b"\x00" in head:
        return "binary data (it contains NUL bytes)"
    controls = len(_CONTROL.findall(head))
    if head and controls / len(head) > _MAX_CONTROL_RATIO:
        return f"binary data ({controls / len(head):.0%} of its first bytes are control characters)"
    return None
