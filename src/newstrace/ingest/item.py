"""The record ingest hands on: one article-to-be, or the reason it could not be read."""

from __future__ import annotations

from dataclasses import dataclass

from newstrace.errors import NewstraceError
from newstrace.model import Article


@dataclass(frozen=True, slots=True)
class InputItem:
    """One input of a run: its article, or the error that stopped it, never both.

    ``name`` is the file stem, the JSON ``id``, or ``"<file>:<line>"`` for a JSONL line without
    one; :func:`newstrace.ingest.read_inputs` makes names unique within a run. ``origin`` says
    where the item came from (a path, ``path:line`` or ``"<stdin>"``). ``warnings`` tell what was
    done to the input on the way in (a guessed encoding, truncation).
    """

    name: str
    origin: str
    article: Article | None
    error: NewstraceError | None
    warnings: tuple[str, ...] = ()
