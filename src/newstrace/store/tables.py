"""The store's tables: what newstrace keeps between runs, in SQLite or PostgreSQL.

Documents are kept whole as JSON text in their published formats (a ledger as
``newstrace.claims/1``, a story as an element of ``newstrace.trace/1``), so the store never
re-models them; the few fields people search by (a claim's source kind, a story's cited
outlets) are copied into indexed columns beside them. Schema changes go through Alembic
migrations (``migrations/``), never ``create_all``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    BigInteger,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def now() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    """The tables of one newstrace store."""


class JobRow(Base):
    """A background job (a trace of an uploaded corpus, or one long posted article): its
    state and who runs it; its articles (``ArticleRow.job_id``) say how far it got."""

    __tablename__ = "jobs"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16), index=True)
    name: Mapped[str] = mapped_column(String(255))
    total: Mapped[int | None] = mapped_column(Integer)
    error: Mapped[str | None] = mapped_column(Text)
    trace_id: Mapped[int | None] = mapped_column(ForeignKey("traces.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    # the server that holds the job, until when (it renews the lease while the job is alive)
    owner: Mapped[str | None] = mapped_column(String(64))
    lease_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    upload_bytes: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    truncated_from: Mapped[int | None] = mapped_column(Integer)
    truncated_to: Mapped[int | None] = mapped_column(Integer)


class TraceRow(Base):
    """A finished trace: its ``newstrace.trace/1`` document."""

    __tablename__ = "traces"

    id: Mapped[int] = mapped_column(primary_key=True)
    job_id: Mapped[str | None] = mapped_column(String(32), index=True)
    document: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)


class ArticleRow(Base):
    """An analysed (or failed) article, with its ledger as ``newstrace.claims/1`` JSON."""

    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    job_id: Mapped[str | None] = mapped_column(String(32), index=True)
    name: Mapped[str] = mapped_column(String(512))
    status: Mapped[str] = mapped_column(String(8))
    outlet: Mapped[str | None] = mapped_column(String(255), index=True)
    url: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(64))
    title: Mapped[str | None] = mapped_column(Text)
    error_code: Mapped[str | None] = mapped_column(String(8))
    error_message: Mapped[str | None] = mapped_column(Text)
    ledger: Mapped[str | None] = mapped_column(Text)
    story_id: Mapped[int | None] = mapped_column(ForeignKey("stories.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)


class ClaimRow(Base):
    """A claim of a stored article, flattened for search and export: the columns of
    :func:`newstrace.serialize.claim_rows`, lists as text (:func:`~newstrace.serialize.flat`),
    then copies of its article's fields that claims are searched by: the job (upload) it came
    from, its outlet and its publication day."""

    __tablename__ = "claims"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), index=True)
    claim_id: Mapped[str] = mapped_column(String(16))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(512), index=True)
    source_kind: Mapped[str] = mapped_column(String(32))
    chain: Mapped[str] = mapped_column(Text)
    cue: Mapped[str | None] = mapped_column(Text)
    certainty_score: Mapped[float] = mapped_column(Float)
    certainty_level: Mapped[str] = mapped_column(String(16))
    hedge_cues: Mapped[str] = mapped_column(Text, server_default="")
    kind: Mapped[str] = mapped_column(String(16))
    checkworthy: Mapped[float] = mapped_column(Float)
    job_id: Mapped[str | None] = mapped_column(String(32))
    outlet: Mapped[str | None] = mapped_column(String(255))
    published_on: Mapped[date | None] = mapped_column(Date, index=True)


# Claim search returns the most check-worthy claims first. These indexes hold claims in that
# order (as a whole, and within each value of an equality filter), so a search walks one of
# them and stops after the page it returns: no sort, and a page costs what it holds. A range of
# publication days has a plain index (``published_on``), for the database to weigh against them.
CLAIM_RANK = (ClaimRow.checkworthy.desc(), ClaimRow.id)
Index("ix_claims_rank", *CLAIM_RANK)
Index("ix_claims_source_kind_rank", ClaimRow.source_kind, *CLAIM_RANK)
Index("ix_claims_certainty_level_rank", ClaimRow.certainty_level, *CLAIM_RANK)
Index("ix_claims_kind_rank", ClaimRow.kind, *CLAIM_RANK)
Index("ix_claims_job_id_rank", ClaimRow.job_id, *CLAIM_RANK)
Index("ix_claims_outlet_rank", ClaimRow.outlet, *CLAIM_RANK)


class StoryRow(Base):
    """A story of a trace: the story's JSON, and what story lists and search show."""

    __tablename__ = "stories"

    id: Mapped[int] = mapped_column(primary_key=True)
    trace_id: Mapped[int] = mapped_column(ForeignKey("traces.id"), index=True)
    key: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(Text)
    origin: Mapped[str | None] = mapped_column(String(255))
    versions: Mapped[int] = mapped_column(Integer)
    drift: Mapped[int] = mapped_column(Integer)
    document: Mapped[str] = mapped_column(Text)


class CitationRow(Base):
    """An outlet a story's version credits: "every story citing outlet X" is one lookup."""

    __tablename__ = "citations"

    id: Mapped[int] = mapped_column(primary_key=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id"), index=True)
    article: Mapped[str] = mapped_column(String(512))
    cited: Mapped[str] = mapped_column(String(255), index=True)
