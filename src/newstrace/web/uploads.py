"""Uploaded corpora to files the trace can read: size-capped, zips unpacked safely.

The request only copies the upload to disk (at most the upload limit) and reads a zip's
directory: too many files, or more bytes than allowed by its own account, is refused at once.
The job unpacks it (:func:`unpack_zip`), counting the bytes it writes rather than trusting the
sizes the zip declares, and stops at the unpacked-size limit or when the bytes written outgrow
the zip by more than the allowed ratio (a zip bomb). A zip that is corrupt, lies about a size
or holds members outside its folder or links fails with E105.
"""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from newstrace.errors import InputTooLargeError, MalformedInputError, UnsupportedInputError

CORPUS_SUFFIXES = (".jsonl", ".csv", ".zip", ".warc", ".warc.gz", ".json", ".txt", ".html", ".htm")
_CHUNK = 1 << 20
_RATIO_FREE_BYTES = 1_000_000  # unpacked bytes any zip may have, however well it compresses


@dataclass(frozen=True, slots=True)
class UnpackLimits:
    """What a zip may unpack to: bytes written, files, bytes written per byte of zip."""

    max_bytes: int
    max_files: int
    max_ratio: float


def corpus_suffix(filename: str) -> str:
    """The accepted suffix of an uploaded corpus's name, or an UnsupportedInputError."""
    name = filename.lower()
    for suffix in sorted(CORPUS_SUFFIXES, key=len, reverse=True):
        if name.endswith(suffix):
            return suffix
    raise UnsupportedInputError(
        f"{filename!r}: unsupported corpus file; upload one of {', '.join(CORPUS_SUFFIXES)}"
    )


def save_upload(
    stream: BinaryIO, folder: Path, filename: str, limit: int, unpack: UnpackLimits
) -> Path:
    """Copy an upload into ``folder`` (at most ``limit`` bytes) and return its path; a zip's
    directory is checked against ``unpack`` (it is unpacked by the job)."""
    suffix = corpus_suffix(filename)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"corpus{suffix}"
    written = 0
    with target.open("wb") as out:
        while chunk := stream.read(_CHUNK):
            written += len(chunk)
            if written > limit:
                raise InputTooLargeError(
                    f"{filename!r} is larger than the upload limit of {limit:,} bytes"
                )
            out.write(chunk)
    if suffix == ".zip":
        with _opened(target) as archive:
            _members(archive, unpack)
    return target


def unpack_zip(path: Path, into: Path, limits: UnpackLimits) -> Path:
    """Unpack ``path`` into ``into`` within ``limits``; the zip itself is removed afterwards."""
    budget = min(
        limits.max_bytes, max(_RATIO_FREE_BYTES, int(path.stat().st_size * limits.max_ratio))
    )
    written = 0
    with _opened(path) as archive:
        into.mkdir(parents=True, exist_ok=True)
        for member in _members(archive, limits):
            target = into.joinpath(*PurePosixPath(member.filename).parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                with archive.open(member) as source, target.open("wb") as out:
                    while chunk := source.read(_CHUNK):
                        written += len(chunk)
                        if written > budget:
                            raise _too_large(limits, budget)
                        out.write(chunk)
            except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as error:
                raise MalformedInputError(
                    f"the zip is corrupt at {member.filename!r} ({error}); zip the corpus again"
                ) from None
    path.unlink()
    return into


def _opened(path: Path) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        raise MalformedInputError(f"the upload is not a readable zip file ({error})") from None


def _members(archive: zipfile.ZipFile, limits: UnpackLimits) -> list[zipfile.ZipInfo]:
    """The zip's files, after the checks its directory allows (its sizes may be lies)."""
    members = [m for m in archive.infolist() if not m.is_dir()]
    if len(members) > limits.max_files:
        raise InputTooLargeError(
            f"the zip holds {len(members):,} files; the limit is {limits.max_files:,}"
        )
    if sum(m.file_size for m in members) > limits.max_bytes:
        raise _too_large(limits, limits.max_bytes)
    for member in members:
        relative = PurePosixPath(member.filename)
        if relative.is_absolute() or ".." in relative.parts or _is_link(member):
            raise MalformedInputError(f"the zip member {member.filename!r} points outside it")
    return members


def _too_large(limits: UnpackLimits, budget: int) -> InputTooLargeError:
    if budget < limits.max_bytes:
        return InputTooLargeError(
            f"the zip unpacks to more than {limits.max_ratio:g} times its size (it is compressed "
            "like a zip bomb, not like news text); upload the files or a JSONL instead"
        )
    return InputTooLargeError(f"the zip unpacks to more than the limit of {budget:,} bytes")


def _is_link(member: zipfile.ZipInfo) -> bool:
    return (member.external_attr >> 16) & 0o170000 == 0o120000
