"""A directory of articles: every supported file in it, recursively, in sorted order."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from newstrace.errors import InputError
from newstrace.ingest.files import file_items
from newstrace.ingest.item import InputItem
from newstrace.ingest.limits import DEFAULT_LIMITS, InputLimits


def directory_items(root: Path, *, limits: InputLimits = DEFAULT_LIMITS) -> Iterator[InputItem]:
    """Items of every file under ``root``, each read within ``limits``, in a fixed order so
    runs are reproducible: a folder's files by name, then its sub-folders by name.

    Files and directories whose names start with ``.`` (``.git``, ``.DS_Store``) are hidden
    and left out; every other file is either read or reported as an unsupported item.
    A sub-directory that cannot be listed becomes a failed item too.
    """
    problems: list[OSError] = []
    for folder, dirnames, filenames in os.walk(root, onerror=problems.append):
        yield from (_unlisted(error) for error in problems)
        problems.clear()
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for filename in sorted(f for f in filenames if not f.startswith(".")):
            yield from file_items(Path(folder, filename), explicit=False, limits=limits)
    yield from (_unlisted(error) for error in problems)


def _unlisted(error: OSError) -> InputItem:
    path = Path(error.filename or "")
    message = f"{path}: directory cannot be listed ({error.strerror})"
    return InputItem(path.name, str(path), InputError(message))
