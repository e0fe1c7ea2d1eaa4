"""The public entry points: a path, a directory or ``-`` to a stream of uniquely named items."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from newstrace.errors import EmptyInputError, InputError, InputNotFoundError
from newstrace.ingest.directory import directory_items
from newstrace.ingest.files import file_items
from newstrace.ingest.item import InputItem
from newstrace.ingest.limits import DEFAULT_LIMITS, InputLimits
from newstrace.ingest.stdin import stdin_items
from newstrace.model import Article

STDIN = "-"


def read_inputs(source: str | Path, *, limits: InputLimits = DEFAULT_LIMITS) -> Iterator[InputItem]:
    """Every article in ``source``: a file, a directory (recursively), or ``"-"`` for stdin
    (one article, or a JSONL stream), each read within ``limits``.

    Problems with single items (a bad JSONL line, a binary file, an unsupported file in a
    directory) come back as items with an ``error``; only a missing path raises, at once
    (InputNotFoundError). Items are read lazily, so a large JSONL corpus streams.
    """
    if str(source) == STDIN:
        return _uniquely_named(stdin_items(sys.stdin.buffer, limits=limits))
    path = Path(source)
    if not path.exists():
        raise InputNotFoundError(f"{path}: no such file or directory")
    if path.is_dir():
        return _uniquely_named(directory_items(path, limits=limits))
    return _uniquely_named(file_items(path, explicit=True, limits=limits))


def read_item(source: str | Path, *, limits: InputLimits = DEFAULT_LIMITS) -> InputItem:
    """The one item ``source`` holds, with its warnings; raises its error if it failed.

    Raises EmptyInputError when ``source`` holds no article and InputError when it holds
    more than one (a directory or JSONL corpus: use :func:`read_inputs`).
    """
    items = read_inputs(source, limits=limits)
    item = next(items, None)
    if item is None:
        raise EmptyInputError(f"{source}: no article found in it")
    if next(items, None) is not None:
        raise InputError(f"{source}: holds more than one article; give a single article")
    item.loaded()  # a failed item raises its error here
    return item


def read_article(source: str | Path, *, limits: InputLimits = DEFAULT_LIMITS) -> Article:
    """The one article ``source`` holds (see :func:`read_item`, which keeps the warnings)."""
    return read_item(source, limits=limits).loaded()


class UniqueNames:
    """Gives each name in turn a free one: repeated names become ``name-2``, ``name-3`` ..."""

    def __init__(self) -> None:
        self._used: set[str] = set()
        self._last_number: dict[str, int] = {}

    def take(self, name: str) -> str:
        """``name``, or the next free ``name-N``.

        >>> names = UniqueNames()
        >>> [names.take(n) for n in ["a", "a", "a-2", "a"]]
        ['a', 'a-2', 'a-2-2', 'a-3']
        """
        candidate, number = name, self._last_number.get(name, 1)
        while candidate in self._used:
            number += 1
            candidate = f"{name}-{number}"
        self._last_number[name] = number
        self._used.add(candidate)
        return candidate


def named(item: InputItem, name: str) -> InputItem:
    """The item under its unique ``name``; an article without an id takes it as its id."""
    content = item.content
    if isinstance(content, Article) and content.id is None:
        content = replace(content, id=name)
    return replace(item, name=name, content=content)


def _uniquely_named(items: Iterable[InputItem]) -> Iterator[InputItem]:
    names = UniqueNames()
    for item in items:
        yield named(item, names.take(item.name))
