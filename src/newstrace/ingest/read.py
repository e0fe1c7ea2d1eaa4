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
from newstrace.ingest.stdin import stdin_items
from newstrace.model import Article

STDIN = "-"


def read_inputs(source: str | Path) -> Iterator[InputItem]:
    """Every article in ``source``: a file, a directory (recursively), or ``"-"`` for stdin
    (one article, or a JSONL stream).

    Problems with single items (a bad JSONL line, a binary file, an unsupported file in a
    directory) come back as items with an ``error``; only a missing path raises, at once
    (InputNotFoundError). Items are read lazily, so a large JSONL corpus streams.
    """
    if str(source) == STDIN:
        return _uniquely_named(stdin_items(sys.stdin.buffer))
    path = Path(source)
    if not path.exists():
        raise InputNotFoundError(f"{path}: no such file or directory")
    if path.is_dir():
        return _uniquely_named(directory_items(path))
    return _uniquely_named(file_items(path, explicit=True))


def read_item(source: str | Path) -> InputItem:
    """The one item ``source`` holds, with its warnings; raises its error if it failed.

    Raises EmptyInputError when ``source`` holds no article and InputError when it holds
    more than one (a directory or JSONL corpus: use :func:`read_inputs`).
    """
    items = read_inputs(source)
    item = next(items, None)
    if item is None:
        raise EmptyInputError(f"{source}: no article found in it")
    if next(items, None) is not None:
        raise InputError(f"{source}: holds more than one article; give a single article")
    if item.error is not None:
        raise item.error
    return item


def read_article(source: str | Path) -> Article:
    """The one article ``source`` holds (see :func:`read_item`, which keeps the warnings)."""
    article = read_item(source).article
    assert article is not None  # an item without an error always has its article
    return article


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
    article = item.article
    if article is not None and article.id is None:
        article = replace(article, id=name)
    return replace(item, name=name, article=article)


def _uniquely_named(items: Iterable[InputItem]) -> Iterator[InputItem]:
    names = UniqueNames()
    for item in items:
        yield named(item, names.take(item.name))
