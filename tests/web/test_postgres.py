"""The same store operations against a real PostgreSQL server (skipped where none runs)."""

from __future__ import annotations

import csv
import io
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
import sqlalchemy
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from newstrace.errors import QuotaExceededError
from newstrace.store import Store
from newstrace.store.tables import Base
from newstrace.web.settings import Settings

from .conftest import meet_at_the_quota_check, serve, small_corpus, wait_for_job

pytestmark = pytest.mark.slow


@pytest.fixture
def database(postgres_url):
    """A fresh database on the server, dropped afterwards."""
    name = f"newstrace_test_{uuid.uuid4().hex[:10]}"
    admin = sqlalchemy.create_engine(
        postgres_url.replace("postgresql://", "postgresql+psycopg://", 1),
        isolation_level="AUTOCOMMIT",
    )
    with admin.connect() as connection:
        connection.execute(sqlalchemy.text(f'CREATE DATABASE "{name}"'))
    yield postgres_url.rsplit("/", 1)[0] + "/" + name
    with admin.connect() as connection:
        connection.execute(sqlalchemy.text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()


def test_analyze_trace_and_search_on_postgresql(database, tmp_path):
    settings = Settings(data_dir=tmp_path, db_url=database)
    with serve(settings) as client:
        analysed = client.post(
            "/api/analyze",
            json={
                "text": "Harbour officials said the Pellin Quay bridge may stay shut until March.",
                "outlet": "Pellin Gazette",
            },
        )
        assert analysed.status_code == 201
        corpus = small_corpus(tmp_path / "wildfire.jsonl")
        with corpus.open("rb") as stream:
            job_id = client.post("/api/trace", files={"corpus": ("w.jsonl", stream)}).json()["id"]
        job = wait_for_job(client, job_id)
        assert job["status"] == "done", job["error"]
        stories = client.get(job["stories"]).json()["stories"]
        assert client.get(f"/api/stories/{stories[0]['id']}").status_code == 200
        assert client.get("/api/claims", params={"q": "bridge"}).json()["claims"]
        paged = client.get("/api/claims", params={"limit": 2, "offset": 1}).json()
        assert paged["total"] > 3 and len(paged["claims"]) == 2
        exported = client.get("/api/claims", params={"format": "csv"}).text
        assert len(list(csv.reader(io.StringIO(exported)))) == 1 + paged["total"]
        with client.app.state.service.store.engine.connect() as connection:
            context = MigrationContext.configure(connection)
            assert compare_metadata(context, Base.metadata) == []  # migrations == tables.py
    # the store survives a restart: a new app over the same database sees the same job
    with serve(settings) as client:
        assert client.get(f"/api/jobs/{job_id}").json()["status"] == "done"


def test_two_uploads_that_fit_alone_but_not_together_are_not_both_counted(database, tmp_path):
    store = Store(database)
    jobs = [store.create_job("trace", f"c{n}.jsonl", owner="me", lease_s=60) for n in (1, 2)]
    meet_at_the_quota_check(store)

    def hold(job_id: str) -> bool:
        try:
            store.hold_upload(job_id, 600, 1_000)
        except QuotaExceededError:
            return False
        return True

    with ThreadPoolExecutor(2) as run:
        assert sorted(run.map(hold, [job.id for job in jobs], timeout=60)) == [False, True]
    store.engine.dispose()
