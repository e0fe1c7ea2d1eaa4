"""Store: ledgers, jobs, traces and stories kept in SQLite (default) or PostgreSQL."""

from newstrace.store.store import (
    DONE,
    FAILED,
    QUEUED,
    RUNNING,
    ClaimHit,
    ClaimQuery,
    Cut,
    Job,
    JobFailure,
    Store,
    StoredArticle,
    StoryRecord,
    StorySummary,
)

__all__ = [
    "DONE",
    "FAILED",
    "QUEUED",
    "RUNNING",
    "ClaimHit",
    "ClaimQuery",
    "Cut",
    "Job",
    "JobFailure",
    "Store",
    "StoredArticle",
    "StoryRecord",
    "StorySummary",
]
