"""Uploaded corpora to files the trace can read: size-capped, zips unpacked safely.

A zip is unpacked into its own folder, refusing members that would land outside it,
symbolic links, too many files and more bytes than the upload limit (a zip bomb).
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from newstrace.errors import InputTooLargeError, MalformedInputError, UnsupportedInputError

CORPUS_SUFFIXES = (".jsonl", ".csv", ".zip", ".warc", ".warc.gz", ".json", ".txt", ".html", ".htm")
_CHUNK = 1 << 20


def corpus_suffix(filename: str) -> str:
    """The accepted suffix of an uploaded corpus's name, or an UnsupportedInputError."""
    name = filename.lower()
    for suffix in sorted(CORPUS_SUFFIXES, key=len, reverse=True):
        if name.endswith(suffix):
            return suffix
    raise UnsupportedInputError(
        f"{filename!r}: unsupported corpus file; upload one of {', '.join(CORPUS_SUFFIXES)}"
    )


def save_upload(stream: BinaryIO, folder: Path, filename: str, limit: int) -> Path:
    """Copy an upload into ``folder`` (at most ``limit`` bytes); unpack a zip; return the
    path to trace (the file, or the unpacked folder)."""
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
    if suffix != ".zip":
        return target
    return unpack_zip(target, folder / "corpus", limit)


def unpack_zip(path: Path, into: Path, limit: int, max_files: int = 20_000) -> Path:
    """Unpack ``path`` into ``into``, safely; the zip itself is removed afterwards."""
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as error:
        raise MalformedInputError(f"the upload is not a readable zip file ({error})") from error
    with archive:
        members = [m for m in archive.infolist() if not m.is_dir()]
        if len(members) > max_files:
            raise InputTooLargeError(
                f"the zip holds {len(members):,} files; the limit is {max_files:,}"
            )
        if sum(m.file_size for m in members) > limit:
            raise InputTooLargeError(
                f"the zip unpacks to more than the upload limit of {limit:,} bytes"
            )
        into.mkdir(parents=True, exist_ok=True)
        for member in members:
            relative = PurePosixPath(member.filename)
            if relative.is_absolute() or ".." in relative.parts or _is_link(member):
                raise MalformedInputError(f"the zip member {member.filename!r} points outside it")
            target = into.joinpath(*relative.parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            with archive.open(member) as source, target.open("wb") as out:
                shutil.copyfileobj(source, out, _CHUNK)
    path.unlink()
    return into


def _is_link(member: zipfile.ZipInfo) -> bool:
    return (member.external_attr >> 16) & 0o170000 == 0o120000
