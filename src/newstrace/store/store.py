"""The store's operations, in newstrace's own terms: keep a ledger, run a job, keep a trace,
find claims and stories. Every method opens its own short transaction, so the server's
threads and the job processes can share one database.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Generator
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime, timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, Select, func, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from newstrace.errors import NewstraceError, QuotaExceededError
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
from newstrace.trace.dates import parse_published

QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
# bytes the uploads of queued and running jobs hold, over the whole store (its upload quota)
_UPLOADS_HELD = select(func.coalesce(func.sum(JobRow.upload_bytes), 0)).where(
    JobRow.status.in_((QUEUED, RUNNING))
)
_UPLOADS_LOCK = 0x6E657773  # PostgreSQL's advisory lock for the quota check ("news")


# A posted article's cut: its length as given, and the length analysed.
Cut = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Job:
    """A background job as the API shows it: ``done`` articles analysed and ``failed`` ones
    that could not be, of ``total`` (once the input is counted), as stored so far."""

    id: str
    kind: str
    status: str
    name: str
    total: int | None
    done: int
    failed: int
    error: str | None
    trace_id: int | None
    created_at: datetime
    updated_at: datetime
    started_at: datetime | None
    truncated: Cut | None


@dataclass(frozen=True, slots=True)
class JobFailure:
    """An article of a job that could not be analysed: its stored id, name and error."""

    article_id: int
    name: str
    code: str
    message: str


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
    (the source or a member of its chain) are contained, case-insensitively; ``corpus`` is the
    job (upload) the article came from, ``outlet`` its outlet exactly as stored, and
    ``published_from`` and ``published_to`` the first and last day of its publication (an
    article without a usable date matches no range); ``article_id`` and ``story_id`` keep the
    claims of one stored article or of a story's stored versions."""

    source_kind: str | None = None
    level: str | None = None
    kind: str | None = None
    text: str | None = None
    source: str | None = None
    corpus: str | None = None
    outlet: str | None = None
    published_from: date | None = None
    published_to: date | None = None
    article_id: int | None = None
    story_id: int | None = None


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
            session.add_all(_claim_rows(row, ledger))
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

    def outlets(self, limit: int = 1_000) -> list[str]:
        """The outlets of stored articles, alphabetically (the first ``limit``)."""
        query = (
            select(ArticleRow.outlet)
            .where(ArticleRow.outlet.is_not(None))
            .distinct()
            .order_by(ArticleRow.outlet)
            .limit(limit)
        )
        with self.engine.connect() as connection:
            return list(connection.scalars(query))

    def article(self, article_id: int) -> StoredArticle | None:
        if not _storable(article_id):
            return None
        with self._session() as session:
            row = session.get(ArticleRow, article_id)
            return None if row is None else _stored_article(row)

    # --- jobs ----------------------------------------------------------------------------
    # A job is held by its server (``owner``) under a lease the server renews while the job is
    # queued or running. Only a queued or running job changes state: a job that failed never
    # ends done, nor a done one failed, whoever writes last.

    def create_job(
        self, kind: str, name: str, *, owner: str, lease_s: float, truncated: Cut | None = None
    ) -> Job:
        with self._session.begin() as session:
            row = JobRow(
                id=uuid.uuid4().hex,
                kind=kind,
                status=QUEUED,
                name=name[:255],
                owner=owner,
                lease_until=_later(lease_s),
                truncated_from=truncated[0] if truncated else None,
                truncated_to=truncated[1] if truncated else None,
            )
            session.add(row)
            session.flush()
            return _job(row, {})

    def job(self, job_id: str) -> Job | None:
        with self._session() as session:
            row = session.get(JobRow, job_id)
            return None if row is None else _job(row, _counts(session, [job_id]))

    def jobs(self, limit: int = 50, kind: str | None = None) -> list[Job]:
        """The latest jobs, newest first; only those of ``kind`` when given."""
        query = select(JobRow).order_by(JobRow.created_at.desc()).limit(limit)
        if kind:
            query = query.where(JobRow.kind == kind)
        with self._session() as session:
            rows = list(session.scalars(query))
            counts = _counts(session, [row.id for row in rows])
            return [_job(row, counts) for row in rows]

    def job_failures(self, job_id: str, limit: int = 100) -> list[JobFailure]:
        """The first ``limit`` articles of a job that could not be analysed, with why."""
        query = (
            select(ArticleRow.id, ArticleRow.name, ArticleRow.error_code, ArticleRow.error_message)
            .where(ArticleRow.job_id == job_id, ArticleRow.status == "error")
            .order_by(ArticleRow.id)
            .limit(limit)
        )
        with self.engine.connect() as connection:
            return [
                JobFailure(number, name, code or "E100", message or "")
                for number, name, code, message in connection.execute(query)
            ]

    def job_article(self, job_id: str) -> int | None:
        """The first article a job stored (the one article of an analysis job)."""
        query = select(func.min(ArticleRow.id)).where(ArticleRow.job_id == job_id)
        with self.engine.connect() as connection:
            return connection.execute(query).scalar_one()

    def start_job(self, job_id: str) -> bool:
        """Mark a queued job running; False if it is no longer queued (failed meanwhile)."""
        return self._move(job_id, (QUEUED,), status=RUNNING, started_at=now())

    def set_total(self, job_id: str, total: int) -> bool:
        return self._move(job_id, (QUEUED, RUNNING), total=total)

    def fail_job(self, job_id: str, message: str) -> bool:
        """Mark a queued or running job failed; False (and no change) for a finished one."""
        return self._move(job_id, (QUEUED, RUNNING), status=FAILED, error=message)

    def renew_leases(self, owner: str, lease_s: float) -> int:
        """Extend the lease of every live job ``owner`` holds; how many."""
        with self._session.begin() as session:
            result = session.execute(
                update(JobRow)
                .where(JobRow.owner == owner, JobRow.status.in_((QUEUED, RUNNING)))
                .values(lease_until=_later(lease_s))
            )
            return cast(CursorResult[Any], result).rowcount or 0

    def fail_expired_jobs(self, message: str) -> list[str]:
        """Mark failed the live jobs whose lease ran out (their server is gone); their ids."""
        expired = (
            JobRow.status.in_((QUEUED, RUNNING)),
            or_(JobRow.lease_until.is_(None), JobRow.lease_until < now()),
        )
        with self._session.begin() as session:
            ids = list(session.scalars(select(JobRow.id).where(*expired)))
            if ids:
                session.execute(
                    update(JobRow)
                    .where(JobRow.id.in_(ids), *expired)
                    .values(status=FAILED, error=message, updated_at=now())
                )
            return ids

    def hold_upload(self, job_id: str, size: int, quota: int) -> None:
        """Count a job's upload of ``size`` bytes against the store's ``quota``, or refuse it
        (QuotaExceededError) when the uploads of live jobs would hold more.

        The check and the count are one statement, so two uploads that each fit but not
        together never both pass: SQLite lets one statement write at a time and takes the
        write lock before it reads; on PostgreSQL, whose statements read what was committed
        when they began, a transaction lock puts concurrent uploads in line first.
        """
        fits = _UPLOADS_HELD.scalar_subquery() + size <= quota
        with self._session.begin() as session:
            if self.engine.dialect.name == "postgresql":
                session.execute(select(func.pg_advisory_xact_lock(_UPLOADS_LOCK)))
            counted = session.execute(
                update(JobRow)
                .where(JobRow.id == job_id, JobRow.status.in_((QUEUED, RUNNING)), fits)
                .values(upload_bytes=size, updated_at=now())
            )
            held = 0 if _changed(counted) else int(session.execute(_UPLOADS_HELD).scalar_one())
        if held + size > quota:  # not counted for want of room (else: the job is no longer live)
            raise QuotaExceededError(
                f"the upload ({size:,} bytes) does not fit the store's upload quota of "
                f"{quota:,} bytes: jobs still running hold {held:,}; try again when they end"
            )

    def _move(self, job_id: str, states: tuple[str, ...], **values: Any) -> bool:
        with self._session.begin() as session:
            result = session.execute(
                update(JobRow)
                .where(JobRow.id == job_id, JobRow.status.in_(states))
                .values(updated_at=now(), **values)
            )
            return _changed(result)

    def finish_job(
        self, job_id: str, trace: Trace | None, article_ids: dict[str, int]
    ) -> int | None:
        """Mark a running job done and keep its trace (if any) and stories, linking its
        articles to them; return the trace id (0 without a trace), or None, storing nothing,
        when the job is no longer running (it failed meanwhile).

        ``article_ids`` maps the trace's article ids to the stored articles' ids.
        """
        with self._session.begin() as session:
            finished = session.execute(
                update(JobRow)
                .where(JobRow.id == job_id, JobRow.status == RUNNING)
                .values(status=DONE, error=None, updated_at=now())
            )
            if not _changed(finished):
                return None
            if trace is None:
                return 0
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
            session.execute(update(JobRow).where(JobRow.id == job_id).values(trace_id=trace_row.id))
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


def _changed(result: Any) -> bool:
    """Whether an UPDATE changed a row."""
    return bool(cast(CursorResult[Any], result).rowcount)


def _claim_rows(article: ArticleRow, ledger: Ledger) -> list[ClaimRow]:
    """The ledger's claims as rows, each with the fields of its article that search filters by."""
    of_article = {
        "article_id": article.id,
        "job_id": article.job_id,
        "outlet": article.outlet,
        "published_on": parse_published(article.published)[0],
    }
    rows = []
    for row in claim_rows(ledger):
        row = flat(row) | of_article
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


def _job(row: JobRow, counts: dict[tuple[str, str], int]) -> Job:
    cut = row.truncated_from, row.truncated_to
    return Job(
        row.id,
        row.kind,
        row.status,
        row.name,
        row.total,
        counts.get((row.id, "ok"), 0),
        counts.get((row.id, "error"), 0),
        row.error,
        row.trace_id,
        _utc(row.created_at),
        _utc(row.updated_at),
        _utc(row.started_at) if row.started_at else None,
        (cut[0], cut[1]) if cut[0] is not None and cut[1] is not None else None,
    )


def _counts(session: Session, job_ids: list[str]) -> dict[tuple[str, str], int]:
    """How many articles each job stored, by status (``ok``, ``error``)."""
    if not job_ids:
        return {}
    query = (
        select(ArticleRow.job_id, ArticleRow.status, func.count())
        .where(ArticleRow.job_id.in_(job_ids))
        .group_by(ArticleRow.job_id, ArticleRow.status)
    )
    return {(job or "", status): count for job, status, count in session.execute(query)}


def _utc(moment: datetime) -> datetime:
    """SQLite gives back the UTC times the store wrote without their zone; PostgreSQL with it."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _later(seconds: float) -> datetime:
    return now() + timedelta(seconds=seconds)


def _summary(row: StoryRow) -> StorySummary:
    return StorySummary(
        row.id, row.key, row.title, row.origin, row.versions, row.drift, row.trace_id
    )


# the article's name looked up by its key, so that the claims table alone decides the order
# in which claims are read (and an article's ledger is never touched)
_HIT_COLUMNS = (
    ClaimRow.article_id,
    select(ArticleRow.name).where(ArticleRow.id == ClaimRow.article_id).scalar_subquery(),
    *(getattr(ClaimRow, field.name) for field in fields(ClaimHit)[2:]),
)
_CLAIM_BATCH = 500


def _matching(statement: Select, query: ClaimQuery) -> Select:
    """``statement`` over the claims table, narrowed to the claims ``query`` matches."""
    for column, value in (
        (ClaimRow.source_kind, query.source_kind),
        (ClaimRow.certainty_level, query.level),
        (ClaimRow.kind, query.kind),
        (ClaimRow.job_id, query.corpus),
        (ClaimRow.outlet, query.outlet),
        (ClaimRow.article_id, query.article_id),
    ):
        if value is not None and value != "":
            statement = statement.where(column == value)
    if query.story_id is not None:
        versions = select(ArticleRow.id).where(ArticleRow.story_id == query.story_id)
        statement = statement.where(ClaimRow.article_id.in_(versions))
    if query.published_from:
        statement = statement.where(ClaimRow.published_on >= query.published_from)
    if query.published_to:
        statement = statement.where(ClaimRow.published_on <= query.published_to)
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
