"""The record ingest hands on: one article-to-be, or the reason it could not be read."""

from __future__ import annotations

from dataclasses import dataclass

from newstrace.errors import NewstraceError
from newstrace.model import Article


@dataclass(frozen=True, slots=True)
class InputItem:
    """One input of a run: its ``content`` is its article, or the error that stopped it.

    ``name`` is the file stem, the JSON ``id``, or ``"<file>:<line>"`` for a JSONL line without
    one; :func:`newstrace.ingest.read_inputs` makes names unique within a run. ``origin`` says
    where the item came from (a path, ``path:line`` or ``"<stdin>"``). ``warnings`` tell what was
    done to the input on the way in (a guessed encoding, truncation).

    Test ``isinstance(item.content, NewstraceError)`` (or ``Article``) to branch with the type
    narrowed; :attr:`article` and :attr:`error` read one side, ``None`` for the other.
    """

    name: str
    origin: str
    content: Article | NewstraceError
    warnings: tuple[str, ...] = ()

    @property
    def article(self) -> Article | None:
        """The article read, or ``None`` when the item failed."""
        return self.content if isinstance(self.content, Article) else None

    @property
    def error(self) -> NewstraceError | None:
        """Why the item could not be read, or ``None`` when it holds an article."""
        return self.content if isinstance(self.content, NewstraceError) else None

    def loaded(self) -> Article:
        """The article read; raises the item's error when it failed."""
        if isinstance(self.content, NewstraceError):
            raise self.content
        return self.content
