"""A newstrace server per test: the app over a fresh SQLite store, or a PostgreSQL one."""

from __future__ import annotations

import contextlib
import json
import os
import threading
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event

from newstrace.model import (
    Article,
    ArticleStatus,
    Attribution,
    Certainty,
    CertaintyLevel,
    Claim,
    ClaimKind,
    Ledger,
    Origin,
    Source,
    SourceKind,
    Span,
    Story,
    Trace,
    TracedArticle,
)
from newstrace.store import Store
from newstrace.web.app import create_app
from newstrace.web.settings import Settings

DEV = Path(__file__).resolve().parents[2] / "data" / "trace-dev" / "articles.jsonl"
POSTGRES_ENV = "NEWSTRACE_TEST_POSTGRES"


def small_corpus(path: Path, prefixes: tuple[str, ...] = ("b-wildfire",), limit: int = 4) -> Path:
    """The first ``limit`` versions of dev-corpus stories (fictional articles) as a JSONL."""
    kept: list[str] = []
    per_story: dict[str, int] = {}
    for line in DEV.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["id"].startswith(prefixes) and per_story.get(row["story"], 0) < limit:
            per_story[row["story"]] = per_story.get(row["story"], 0) + 1
            kept.append(line)
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    return path


def claim_ledger(
    name: str,
    claims: int,
    *,
    texts: tuple[str, ...] = (),
    outlet: str = "Pellin Gazette",
    published: str | None = None,
) -> Ledger:
    """A fictional article of ``claims`` attributed sentences and its ledger, built without the
    models (fast enough for thousands of claims): odd claims rest on an anonymous source, even
    ones on a named person, check-worthiness cycles through ten values. ``texts`` replace the
    first sentences, to store claims of any wording."""
    sentence = "The mayor said the bridge would reopen in May, according to the council."
    sentences = [*texts, *[sentence] * (claims - len(texts))][:claims]
    text = " ".join(sentences)
    made, start = [], 0
    for number, claimed in enumerate(sentences):
        span = Span.of(text, start, start + len(claimed))
        start = span.end + 1
        named = number % 2 == 0
        source = Source(
            "The mayor" if named else "an official",
            SourceKind.NAMED_PERSON if named else SourceKind.ANONYMOUS_PERSON,
        )
        made.append(
            Claim(
                f"c{number + 1}",
                span,
                Attribution(source, None, span, (source,)),
                Certainty(0.9, CertaintyLevel.ATTRIBUTED),
                ClaimKind.STATEMENT,
                (number % 10) / 10,
            )
        )
    article = Article(text=text, id=name, outlet=outlet, published=published, title=f"{name} title")
    return Ledger(article, "en", outlet, tuple(made), ())


def stored_story(store: Store, names: tuple[str, ...]) -> tuple[int, dict[str, int]]:
    """A finished trace job of one story whose versions are ``names`` (ledgers of two claims
    each from :func:`claim_ledger`, no models): the story's id, each version's article id."""
    job = store.create_job("trace", "story.jsonl", owner="test", lease_s=60)
    store.start_job(job.id)
    ids = {
        name: store.add_ledger(
            claim_ledger(name, 2, outlet=f"{name} outlet", published="2026-03-02"), job_id=job.id
        )
        for name in names
    }
    origin = Origin(names[0], f"{names[0]} outlet", "the earliest version")
    story = Story("story-1", "Swing bridge to stay shut", names, origin)
    versions = tuple(TracedArticle(name, ArticleStatus.OK, story_id=story.id) for name in names)
    trace_id = store.finish_job(job.id, Trace(versions, (story,)), ids)
    assert trace_id
    return store.stories(trace_id=trace_id)[0].id, ids


def wait_for_job(client: TestClient, job_id: str, timeout: float = 180) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = client.get(f"/api/jobs/{job_id}").json()
        if job["status"] in ("done", "failed"):
            return job
        time.sleep(0.5)
    raise AssertionError(f"job {job_id} did not finish in {timeout} s")


def meet_at_the_quota_check(store: Store) -> None:
    """Hold each statement that reads the uploads held until a second upload has read them
    too (or a second has passed): two uploads checked at once, the race the quota must win."""
    meeting = threading.Barrier(2, timeout=1)

    @event.listens_for(store.engine, "after_cursor_execute")
    def _meet(_connection, _cursor, statement, *_rest) -> None:
        if "sum(jobs.upload_bytes)" in statement:
            with contextlib.suppress(threading.BrokenBarrierError):
                meeting.wait()


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(data_dir=tmp_path / "data", job_timeout_s=300, parallel_jobs=2)


LOOPBACK = "http://127.0.0.1"
"""What test clients ask for: the app refuses Host names it does not know."""


def serve(settings: Settings, **options) -> TestClient:
    """A test client of the app over ``settings``, asking for the server by its loopback address
    (the app refuses Host names it does not know, such as the test client's own "testserver")."""
    return TestClient(create_app(settings), **{"base_url": LOOPBACK, **options})


@pytest.fixture
def client(settings):
    with serve(settings) as client:
        yield client


@pytest.fixture
def postgres_url() -> str:
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        pytest.skip(f"no PostgreSQL server: set {POSTGRES_ENV}=postgresql://... (.ci/run does)")
    return url
