"""Claim search over HTTP: its query parameters, and its results streamed as CSV or JSON.

Results come from the store a batch at a time and leave as chunks, so an export of any size
holds one batch in memory; the response closes the store's query as soon as it ends, also
when the client goes away half-way.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Generator
from contextlib import closing
from dataclasses import asdict, fields
from datetime import date
from itertools import islice
from typing import Any, Literal

from pydantic import BaseModel, Field, field_validator
from starlette.responses import StreamingResponse
from starlette.types import Receive, Scope, Send

from newstrace.store import ClaimHit, ClaimQuery

CLAIM_FIELDS = tuple(field.name for field in fields(ClaimHit))
LARGEST_NUMBER = 2**63 - 1  # SQL's BIGINT: no offset, count or id goes beyond it
_ROWS_PER_CHUNK = 500
_NOT_FILTERS = {"offset", "limit", "format"}
# a cell starting with one of these is a formula to a spreadsheet (CSV injection)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class ClaimSearch(BaseModel):
    """What a claim search asks for: filters (each given must match) and which page."""

    corpus: str | None = Field(None, description="the upload (job id) the article came from")
    outlet: str | None = Field(None, description="the article's outlet, exactly as stored")
    published_from: date | None = Field(None, description="published on or after (YYYY-MM-DD)")
    published_to: date | None = Field(None, description="published on or before (YYYY-MM-DD)")
    source_kind: str | None = Field(None, description="e.g. anonymous_person")
    level: str | None = Field(None, description="certainty level, e.g. hedged")
    kind: str | None = Field(None, description="claim kind, e.g. statement")
    q: str | None = Field(None, description="words in the claim")
    source: str | None = Field(None, description="a source or chain member")
    offset: int = Field(0, ge=0, le=LARGEST_NUMBER, description="claims to skip, in order")
    limit: int | None = Field(
        None, ge=1, le=LARGEST_NUMBER, description="at most this many claims; all when absent"
    )

    @field_validator("published_from", "published_to", mode="before")
    @classmethod
    def _blank_is_absent(cls, value: object) -> object:
        """A form's empty date field means no bound."""
        return None if value == "" else value

    def filters(self) -> dict[str, str]:
        """The filters given, by parameter name (for links to other pages of the search)."""
        given = self.model_dump(mode="json", exclude=_NOT_FILTERS)
        return {name: value for name, value in given.items() if value is not None and value != ""}

    def query(self) -> ClaimQuery:
        given = {name: getattr(self, name) for name in self.filters()}
        given["text"] = given.pop("q", None)
        return ClaimQuery(**given)


class ClaimExport(ClaimSearch):
    """A claim search answered as a file: JSON (with the ``total``) or CSV; also the claims of
    one article or one story (the downloads of their pages)."""

    article_id: int | None = Field(
        None, ge=0, le=LARGEST_NUMBER, description="the claims of this stored article"
    )
    story_id: int | None = Field(
        None, ge=0, le=LARGEST_NUMBER, description="the claims of this story's stored versions"
    )
    format: Literal["json", "csv"] = "json"


class ExportResponse(StreamingResponse):
    """A streamed export that closes its chunks when the response ends, however it ends: a
    client that goes away ends the store's query at once, not when garbage is collected."""

    def __init__(
        self, chunks: Generator[str], media_type: str, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(chunks, media_type=media_type, headers=headers)
        self._chunks = chunks

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await super().__call__(scope, receive, send)
        finally:
            self._chunks.close()


def csv_chunks(hits: Generator[ClaimHit]) -> Generator[str]:
    """A header line, then ``hits`` as CSV rows, a few hundred rows a chunk; text cells are
    safe to open in a spreadsheet (:func:`_cell`)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CLAIM_FIELDS)
    with closing(hits):
        while batch := list(islice(hits, _ROWS_PER_CHUNK)):
            writer.writerows([_cell(getattr(hit, name)) for name in CLAIM_FIELDS] for hit in batch)
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def json_chunks(hits: Generator[ClaimHit], head: dict[str, Any]) -> Generator[str]:
    """``{**head, "claims": [...]}`` with ``hits`` as the claims, a few hundred a chunk."""
    whole = json.dumps({**head, "claims": []})
    yield whole[:-2]  # up to the claims' opening bracket
    separator = ""
    with closing(hits):
        while batch := list(islice(hits, _ROWS_PER_CHUNK)):
            yield separator + ",".join(_json(hit) for hit in batch)
            separator = ","
    yield whole[-2:]


def _cell(value: object) -> object:
    """``value`` as a spreadsheet shows it, never as a formula it would run: text starting
    with :data:`FORMULA_STARTS` gets a leading ``'`` (numbers are written as they are).

    >>> _cell("=HYPERLINK(0)"), _cell("Officials said"), _cell(-0.5)
    ("'=HYPERLINK(0)", 'Officials said', -0.5)
    """
    return f"'{value}" if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


def _json(hit: ClaimHit) -> str:
    return json.dumps(asdict(hit), ensure_ascii=False)
