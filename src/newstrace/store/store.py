"""The store's operations, in newstrace's own terms: keep a ledger, run a job, keep a trace,
find claims and stories. Every method opens its own short transaction, so the server's
threads and the job processes can share one database.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Generator
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, Select, func, or_, select, update
from sqlalchemy.orm import sessionmaker

from newstrace.errors import NewstraceError
from newstrace.model import ArticleStatus, Ledger, Story, Trace, TracedArticle
from newstrace.serialize import (
    claim_rows,
    dumps,
    dumps_trace,
    flat,
    loads,
    story_from_dict,
    to_dict,
)
from newstrace.store.database import open_engine
from newstrace.store.tables import (
    CLAIM_RANK,
    ArticleRow,
    CitationRow,
    ClaimRow,
    JobRow,
    StoryRow,
    TraceRow,
    now,
)

QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"


@dataclass(frozen=True, slots=True)
class Job:
    """A background job as the API shows it."""

    id: str
    kind: str
    status: str
    name: str
    total: int | None
    done: int
    error: str | None
    trace_id: int | None
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article as stored: its row's fields and, when it was analysed, its ledger."""

    id: int
    name: str
    status: str
    outlet: str | None
    title: str | None
    error: tuple[str, str] | None
    ledger: Ledger | None
    story_id: int | None


@dataclass(frozen=True, slots=True)
class StorySummary:
    """A line of the story list."""

    id: int
    key: str
    title: str
    origin: str | None
    versions: int
    drift: int
    trace_id: int


@dataclass(frozen=True, slots=True)
class StoryRecord:
    """A stored story: its list line, its trace record, and its versions as stored
    (``article_ids`` gives each version's stored article id)."""

    summary: StorySummary
    story: Story
    versions: dict[str, TracedArticle]
    article_ids: dict[str, int]


@dataclass(frozen=True, slots=True)
class ClaimHit:
    """A stored claim found by search: its article (the store's id, name and outlet), then
    the columns of :func:`newstrace.serialize.claim_rows`, lists as text."""

    article_id: int
    article: str
    outlet: str | None
    claim_id: str
    start: int
    end: int
    text: str
    source: str
    source_kind: str
    chain: str
    cue: str | None
    certainty_score: float
    certainty_level: str
    hedge_cues: str
    kind: str
    checkworthy: float


@dataclass(frozen=True, slots=True)
class ClaimQuery:
    """A claim search: every filter given must match; ``text`` (in the claim) and ``source``
    (the source or a member of its chain) are contained, case-insensitively."""

    source_kind: str | None = None
    level: str | None = None
    kind: str | None = None
    text: str | None = None
    source: str | None = None


class Store:
    """A newstrace store at ``url`` (SQLite file or PostgreSQL), created on first use."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = open_engine(url)
        self._session = sessionmaker(self.engine, expire_on_commit=False)

    # --- articles and ledgers ------------------------------------------------------------

    def add_ledger(self, ledger: Ledger, name: str | None = None, job_id: str | None = None) -> int:
        """Keep an analysed article and its claims; return its id."""
        article = ledger.article
        with self._session.begin() as session:
            row = ArticleRow(
                job_id=job_id,
                name=name or article.id or "article",
                status="ok",
                outlet=ledger.outlet,
                url=article.url,
                published=article.published,
                title=article.title,
                ledger=dumps(ledger, indent=None),
            )
            session.add(row)
            session.flush()
            session.add_all(_claim_rows(row.id, ledger))
            return row.id

    def add_failure(self, name: str, error: NewstraceError, job_id: str | None = None) -> int:
        """Keep an input that could not be analysed, with its error."""
        with self._session.begin() as session:
            row = ArticleRow(
                job_id=job_id,
                name=name,
                status="error",
                error_code=error.code,
                error_message=error.message,
            )
            session.add(row)
            session.flush()
            return row.id

    def article(self, article_id: int) -> StoredArticle | None:
        if not _storable(article_id):
            return None
        with self._session() as session:
            row = session.get(ArticleRow, article_id)
            return None if row is None else _stored_article(row)

    # --- jobs ----------------------------------------------------------------------------

    def create_job(self, kind: str, name: str) -> Job:
        with self._session.begin() as session:
            row = JobRow(id=uuid.uuid4().hex, kind=kind, status=QUEUED, name=name[:255], done=0)
            session.add(row)
            session.flush()
            return _job(row)

    def job(self, job_id: str) -> Job | None:
        with self._session() as session:
            row = session.get(JobRow, job_id)
            return None if row is None else _job(row)

    def jobs(self, limit: int = 50) -> list[Job]:
        with self._session() as session:
            rows = session.scalars(select(JobRow).order_by(JobRow.created_at.desc()).limit(limit))
            return [_job(row) for row in rows]

    def job_progress(
        self,
        job_id: str,
        *,
        done: int | None = None,
        total: int | None = None,
        status: str | None = None,
    ) -> None:
        values: dict = {"updated_at": now()}
        if done is not None:
            values["done"] = done
        if total is not None:
            values["total"] = total
        if status is not None:
            values["status"] = status
        with self._session.begin() as session:
            session.execute(update(JobRow).where(JobRow.id == job_id).values(**values))

    def fail_job(self, job_id: str, message: str) -> None:
        with self._session.begin() as session:
            session.execute(
                update(JobRow)
                .where(JobRow.id == job_id)
                .values(status=FAILED, error=message, updated_at=now())
            )

    def fail_interrupted_jobs(self, message: str) -> int:
        """Mark jobs left queued or running by a server that stopped as failed; how many."""
        with self._session.begin() as session:
            result = session.execute(
                update(JobRow)
                .where(JobRow.status.in_((QUEUED, RUNNING)))
                .values(status=FAILED, error=message, updated_at=now())
            )
            return cast(CursorResult[Any], result).rowcount or 0

    def finish_job(self, job_id: str, trace: Trace, article_ids: dict[str, int]) -> int:
        """Keep a job's trace and its stories, link its articles to them; return the trace id.

        ``article_ids`` maps the trace's article ids to the stored articles' ids.
        """
        with self._session.begin() as session:
            trace_row = TraceRow(job_id=job_id, document=dumps_trace(trace, indent=None))
            session.add(trace_row)
            session.flush()
            for story in trace.stories:
                story_row = _story_row(trace_row.id, story)
                session.add(story_row)
                session.flush()
                session.add_all(
                    CitationRow(story_id=story_row.id, article=c.article_id, cited=c.cited)
                    for c in story.citations
                )
                versions = (*story.article_ids, *story.other_language_ids)
                stored = [article_ids[a] for a in versions if a in article_ids]
                if stored:
                    session.execute(
                        update(ArticleRow)
                        .where(ArticleRow.id.in_(stored))
                        .values(story_id=story_row.id)
                    )
            session.execute(
                update(JobRow)
                .where(JobRow.id == job_id)
                .values(status=DONE, trace_id=trace_row.id, updated_at=now())
            )
            return trace_row.id

    # --- stories -------------------------------------------------------------------------

    def stories(
        self,
        trace_id: int | None = None,
        cites: str | None = None,
        text: str | None = None,
        limit: int = 200,
    ) -> list[StorySummary]:
        """Stories, largest first: of one trace, crediting an outlet, or with words in the title."""
        query: Select = select(StoryRow)
        if trace_id is not None and not _storable(trace_id):
            return []
        if trace_id is not None:
            query = query.where(StoryRow.trace_id == trace_id)
        if cites:
            cited = select(CitationRow.story_id).where(
                func.lower(CitationRow.cited) == cites.strip().lower()
            )
            query = query.where(StoryRow.id.in_(cited))
        if text:
            query = query.where(StoryRow.title.ilike(f"%{_like(text)}%", escape="\\"))
        query = query.order_by(StoryRow.versions.desc(), StoryRow.id).limit(limit)
        with self._session() as session:
            return [_summary(row) for row in session.scalars(query)]

    def story(self, story_id: int) -> StoryRecord | None:
        """A story with its full trace record and its stored versions."""
        if not _storable(story_id):
            return None
        with self._session() as session:
            row = session.get(StoryRow, story_id)
            if row is None:
                return None
            story = story_from_dict(json.loads(row.document))
            articles = session.scalars(
                select(ArticleRow).where(ArticleRow.story_id == story_id).order_by(ArticleRow.id)
            )
            versions, ids = {}, {}
            for article in articles:
                ids[article.name] = article.id
                versions[article.name] = TracedArticle(
                    article.name,
                    ArticleStatus(article.status),
                    article.outlet,
                    article.published,
                    story.id,
                    article.title,
                    article.url,
                )
            return StoryRecord(_summary(row), story, versions, ids)

    def trace_document(self, trace_id: int) -> str | None:
        if not _storable(trace_id):
            return None
        with self._session() as session:
            row = session.get(TraceRow, trace_id)
            return None if row is None else row.document

    # --- claims --------------------------------------------------------------------------

    def count_claims(self, query: ClaimQuery) -> int:
        """How many stored claims match ``query``."""
        counted = _matching(select(func.count()).select_from(ClaimRow), query)
        with self.engine.connect() as connection:
            return connection.execute(counted).scalar_one()

    def claims(
        self, query: ClaimQuery, *, offset: int = 0, limit: int | None = None
    ) -> Generator[ClaimHit]:
        """Stored claims matching ``query``, most check-worthy first, from ``offset`` on, at
        most ``limit``; all of them when ``limit`` is None.

        Claims are read as the caller iterates, a batch at a time, so memory stays flat
        whatever their number; closing the iterator (a client that went away) ends the query.
        """
        found = (
            _matching(select(*_HIT_COLUMNS), query)
            .order_by(*CLAIM_RANK)
            .offset(offset)
            .limit(limit)
        )
        with self.engine.connect() as connection:
            for row in connection.execution_options(yield_per=_CLAIM_BATCH).execute(found):
                yield ClaimHit(*row)


def _claim_rows(article_id: int, ledger: Ledger) -> list[ClaimRow]:
    rows = []
    for row in claim_rows(ledger):
        row = flat(row) | {"article_id": article_id}
        rows.append(ClaimRow(**row | {"source": row["source"][:512]}))
    return rows


def _story_row(trace_id: int, story: Story) -> StoryRow:
    return StoryRow(
        trace_id=trace_id,
        key=story.id,
        title=story.title[:2000],
        origin=story.origin.outlet,
        versions=len(story.article_ids),
        drift=len(story.drift),
        document=json.dumps(to_dict(story), ensure_ascii=False),
    )


def _stored_article(row: ArticleRow) -> StoredArticle:
    return StoredArticle(
        row.id,
        row.name,
        row.status,
        row.outlet,
        row.title,
        (row.error_code, row.error_message or "") if row.error_code else None,
        loads(row.ledger) if row.ledger else None,
        row.story_id,
    )


def _job(row: JobRow) -> Job:
    return Job(
        row.id,
        row.kind,
        row.status,
        row.name,
        row.total,
        row.done,
        row.error,
        row.trace_id,
        row.created_at,
        row.updated_at,
    )


def _summary(row: StoryRow) -> StorySummary:
    return StorySummary(
        row.id, row.key, row.title, row.origin, row.versions, row.drift, row.trace_id
    )


# an article's name and outlet, each looked up by its key, so that the claims table alone
# decides the order in which claims are read (and an article's ledger is never touched)
_HIT_COLUMNS = (
    ClaimRow.article_id,
    select(ArticleRow.name).where(ArticleRow.id == ClaimRow.article_id).scalar_subquery(),
    select(ArticleRow.outlet).where(ArticleRow.id == ClaimRow.article_id).scalar_subquery(),
    *(getattr(ClaimRow, field.name) for field in fields(ClaimHit)[3:]),
)
_CLAIM_BATCH = 500


def _matching(statement: Select, query: ClaimQuery) -> Select:
    """``statement`` over the claims table, narrowed to the claims ``query`` matches."""
    for column, value in (
        (ClaimRow.source_kind, query.source_kind),
        (ClaimRow.certainty_level, query.level),
        (ClaimRow.kind, query.kind),
    ):
        if value:
            statement = statement.where(column == value)
    if query.text:
        statement = statement.where(ClaimRow.text.ilike(f"%{_like(query.text)}%", escape="\\"))
    if query.source:
        pattern = f"%{_like(query.source)}%"
        statement = statement.where(
            or_(
                ClaimRow.source.ilike(pattern, escape="\\"),
                ClaimRow.chain.ilike(pattern, escape="\\"),
            )
        )
    return statement


def _storable(number: int) -> bool:
    """Whether ``number`` fits the 64-bit keys of SQLite and PostgreSQL; one that does not
    names nothing stored (and would make the database driver fail, not answer)."""
    return -(2**63) <= number < 2**63


def _like(text: str) -> str:
    """``text`` for a LIKE pattern, its wildcards escaped."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
