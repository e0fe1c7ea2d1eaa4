"""``newstrace serve`` under real use (issue 16): analysis beside long analyses, jobs owned by
the server that runs them, uploads that cannot take the disk, and jobs that tell the truth."""

from __future__ import annotations

import io
import os
import select
import subprocess
import sys
import time
import zipfile
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newstrace.errors import InputTooLargeError, MalformedInputError, UnsupportedLanguageError
from newstrace.store import Store
from newstrace.web.app import create_app
from newstrace.web.jobs import INTERRUPTED
from newstrace.web.settings import Settings
from newstrace.web.uploads import UnpackLimits, unpack_zip

from .conftest import LOOPBACK, claim_ledger, meet_at_the_quota_check, serve, wait_for_job

HELPERS = Path(__file__).parent / "helpers"
_ANSWER_S = 60  # the longest a test waits for a request it sent from a thread


@pytest.fixture
def fakes(monkeypatch):
    """The stand-in analyser, importable by name in the pool's spawned workers too."""
    monkeypatch.syspath_prepend(str(HELPERS))
    import serve_fakes

    return serve_fakes


class _Gate:
    """Holds the stand-in analysis of an article titled with its folder (``serve_fakes``) until
    released; released when the block ends, however it ends, so no request is left waiting."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir()
        self.folder = folder

    def __enter__(self) -> _Gate:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()

    def __str__(self) -> str:
        return str(self.folder)

    def started(self, request: Future, timeout_s: float = 60) -> None:
        """Wait for the held analysis to begin; fail at once if ``request`` was answered
        without it (refused), or after ``timeout_s``."""
        deadline = time.monotonic() + timeout_s
        while not (self.folder / "started").exists():
            if request.done():
                raise AssertionError(f"answered before its analysis began: {request.result().text}")
            if time.monotonic() > deadline:
                raise AssertionError(f"the analysis did not begin within {timeout_s} s")
            time.sleep(0.02)

    def release(self) -> None:
        (self.folder / "release").touch()


def _pool_client(tmp_path: Path, fakes, **settings) -> TestClient:
    app = create_app(Settings(data_dir=tmp_path / "data", **settings))
    app.state.service.pool.analyse = fakes.analyse
    return TestClient(app, base_url=LOOPBACK)


def _code(response, status: int) -> str:
    assert response.status_code == status, response.text
    return response.json()["error"]["code"]


# --- 1. one long analysis must not hold up the rest -----------------------------------------


def test_a_small_analysis_is_answered_while_a_long_one_runs(tmp_path, fakes):
    with (
        _pool_client(tmp_path, fakes, analysis_workers=2) as client,
        ThreadPoolExecutor(1) as run,
        _Gate(tmp_path / "gate") as gate,
    ):
        long = run.submit(client.post, "/api/analyze", json={"text": "Long.", "title": str(gate)})
        gate.started(long)  # the long analysis has begun in a worker
        small = client.post("/api/analyze", json={"text": "The mayor said the bridge shut."})
        assert small.status_code == 201, small.text
        assert not long.done()
        gate.release()
        assert long.result(timeout=_ANSWER_S).status_code == 201


def test_a_full_queue_refuses_at_once_and_says_so(tmp_path, fakes):
    settings = {"analysis_workers": 1, "analysis_queue": 0}
    with (
        _pool_client(tmp_path, fakes, **settings) as client,
        ThreadPoolExecutor(1) as run,
        _Gate(tmp_path / "gate") as gate,
    ):
        long = run.submit(client.post, "/api/analyze", json={"text": "Long.", "title": str(gate)})
        gate.started(long)
        assert _code(client.post("/api/analyze", json={"text": "Small."}), 503) == "E503"
        gate.release()
        assert long.result(timeout=_ANSWER_S).status_code == 201


def test_a_refused_request_fails_the_wait_for_its_analysis_at_once(tmp_path, fakes):
    with (
        _pool_client(tmp_path, fakes, analysis_workers=1) as client,
        ThreadPoolExecutor(1) as run,
        _Gate(tmp_path / "gate") as gate,
    ):
        empty = run.submit(client.post, "/api/analyze", json={"text": " ", "title": str(gate)})
        began = time.monotonic()
        with pytest.raises(AssertionError, match="E102"):
            gate.started(empty)
        assert time.monotonic() - began < 10


def test_an_analysis_past_its_time_limit_is_stopped_and_its_worker_replaced(tmp_path, fakes):
    settings = {"analysis_workers": 1, "analysis_timeout_s": 1.0}
    with _pool_client(tmp_path, fakes, **settings) as client, _Gate(tmp_path / "gate") as gate:
        # never released while the request waits: the analysis would go on forever
        stuck = client.post("/api/analyze", json={"text": "Long.", "title": str(gate)})
        assert _code(stuck, 504) == "E408"
        assert client.post("/api/analyze", json={"text": "Small."}).status_code == 201


def test_a_long_text_becomes_a_job_and_the_cut_is_in_the_response(tmp_path):
    settings = Settings(data_dir=tmp_path / "data", max_inline_chars=1_000, parallel_jobs=0)
    with serve(settings) as client:
        medium = client.post("/api/analyze", json={"id": "m", "text": "The mayor said so. " * 100})
        huge = client.post("/api/analyze", json={"id": "h", "text": "Officials said it. " * 60_000})
        assert medium.status_code == huge.status_code == 202
        assert medium.headers["location"] == f"/api/jobs/{medium.json()['id']}"
        assert medium.json()["kind"] == "analyze" and medium.json()["truncated"] is None
        cut = huge.json()["truncated"]
        assert cut["from"] == 1_140_000 and 990_000 < cut["to"] <= 1_000_000
        assert client.get(huge.headers["location"]).json()["truncated"] == cut


@pytest.mark.slow  # a job process that loads the models
def test_an_analysis_job_stores_its_article(tmp_path):
    settings = Settings(data_dir=tmp_path / "data", max_inline_chars=100)
    text = "Harbour officials said the Pellin Quay swing bridge may stay shut until March. " * 3
    with serve(settings) as client:
        job = wait_for_job(client, client.post("/api/analyze", json={"text": text}).json()["id"])
        assert job["status"] == "done" and job["error"] is None, job
        assert (job["done"], job["failed"], job["total"]) == (1, 0, 1)
        assert client.get(job["article"]).json()["claims"]
        assert not (settings.data_dir / "uploads" / job["id"]).exists()


# --- 2. jobs belong to the server that runs them ---------------------------------------------

_SERVER = """
import time
from newstrace.web.processes import start_owned
process = start_owned(time.sleep, (3600,), "sleeper")
print(process.pid, flush=True)
time.sleep(3600)
"""


def test_a_job_process_dies_with_its_server():
    server = subprocess.Popen([sys.executable, "-c", _SERVER], stdout=subprocess.PIPE, text=True)
    assert server.stdout is not None
    child = int(server.stdout.readline())
    watch = os.pidfd_open(child)
    server.kill()
    server.wait()
    ended, _, _ = select.select([watch], [], [], 60)
    os.close(watch)
    assert ended, "the job process outlived its server"


def test_a_server_leaves_another_servers_live_job_alone(settings):
    store = Store(settings.database)
    job = store.create_job("trace", "theirs.jsonl", owner="other-server", lease_s=3600)
    store.start_job(job.id)
    with serve(settings) as client:
        seen = client.get(f"/api/jobs/{job.id}").json()
    assert seen["status"] == "running" and seen["error"] is None
    store.renew_leases("other-server", lease_s=-1)  # that server stopped renewing its lease
    with serve(settings) as client:
        after = client.get(f"/api/jobs/{job.id}").json()
    assert after["status"] == "failed" and after["error"] == INTERRUPTED


def test_a_failed_job_never_ends_done_and_a_done_job_never_fails(settings):
    store = Store(settings.database)
    lost = store.create_job("trace", "lost.jsonl", owner="me", lease_s=60)
    store.start_job(lost.id)
    store.fail_job(lost.id, "the lease ran out")
    assert store.finish_job(lost.id, None, {}) is None
    after = store.job(lost.id)
    assert after is not None and (after.status, after.error) == ("failed", "the lease ran out")
    done = store.create_job("trace", "done.jsonl", owner="me", lease_s=60)
    store.start_job(done.id)
    store.finish_job(done.id, None, {})
    store.fail_job(done.id, "too late")
    finished = store.job(done.id)
    assert finished is not None and (finished.status, finished.error) == ("done", None)


def test_a_job_shows_true_counts_its_failures_and_an_eta(settings):
    store = Store(settings.database)
    job = store.create_job("trace", "mixed.jsonl", owner="other-server", lease_s=3600)
    store.start_job(job.id)
    store.set_total(job.id, 3)
    store.add_ledger(claim_ledger("ok-1", 2), name="ok-1", job_id=job.id)
    french = UnsupportedLanguageError("bad-1 is in 'fr', not English")
    failed = store.add_failure("bad-1", french, job_id=job.id)
    with serve(settings) as client:
        running = client.get(f"/api/jobs/{job.id}").json()
        page = client.get(f"/jobs/{job.id}").text
        store.finish_job(job.id, None, {})
        done = client.get(f"/api/jobs/{job.id}").json()
        done_page = client.get(f"/jobs/{job.id}").text
    assert (running["done"], running["failed"], running["total"]) == (1, 1, 3)
    assert running["failures"] == [
        {
            "article": f"/api/articles/{failed}",
            "name": "bad-1",
            "code": "E106",
            "message": french.message,
        }
    ]
    assert running["eta_s"] is not None and running["eta_s"] >= 0
    assert "1 of 3, 1 failed" in page and "bad-1" in page and "E106" in page
    assert done["eta_s"] is None and done["error"] is None
    assert "done: 1 of 3, 1 failed" in done_page


# --- 3. uploads cannot take the disk ---------------------------------------------------------


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _falsified(data: bytes, size: int) -> bytes:
    """``data`` (a zip of one member) with that member's unpacked size given as ``size``, in
    its local header and in the central directory alike."""
    patched = bytearray(data)
    local, central = patched.find(b"PK\x03\x04"), patched.find(b"PK\x01\x02")
    patched[local + 22 : local + 26] = size.to_bytes(4, "little")
    patched[central + 24 : central + 28] = size.to_bytes(4, "little")
    return bytes(patched)


ARTICLE_LINE = b'{"id": "a1", "text": "The mayor said the bridge would reopen in May."}\n'
BOMB = _zip({"bomb.jsonl": b" " * 20_000_000})
FALSIFIED = _falsified(_zip({"a.jsonl": ARTICLE_LINE * 50}), 10)


@pytest.mark.parametrize(
    ("data", "max_bytes", "error", "words"),
    [
        (
            _falsified(_zip({"a.jsonl": ARTICLE_LINE * 50}), 10),
            50_000,
            MalformedInputError,
            "corrupt",
        ),
        (BOMB, 100_000_000, InputTooLargeError, "compressed like a zip bomb"),
        (_zip({"a.jsonl": ARTICLE_LINE * 1_000}), 50_000, InputTooLargeError, "limit of 50,000"),
    ],
)
def test_unpacking_counts_the_bytes_it_writes_not_the_headers(
    tmp_path, data, max_bytes, error, words
):
    path = tmp_path / "corpus.zip"
    path.write_bytes(data)
    limits = UnpackLimits(max_bytes=max_bytes, max_files=10, max_ratio=100)
    with pytest.raises(error, match=words):
        unpack_zip(path, tmp_path / "corpus", limits)


@pytest.mark.slow  # a job process
@pytest.mark.parametrize(
    ("data", "code"),
    [(FALSIFIED, "E105"), (BOMB, "E108")],
)
def test_a_zip_that_fails_to_unpack_fails_its_job_and_leaves_no_upload(settings, data, code):
    with serve(settings) as client:
        response = client.post("/api/trace", files={"corpus": ("corpus.zip", data)})
        assert response.status_code == 202, response.text
        job = wait_for_job(client, response.json()["id"], timeout=120)
    assert job["status"] == "failed" and job["error"].startswith(f"[{code}]"), job
    assert not (settings.data_dir / "uploads" / job["id"]).exists()


def test_uploads_past_the_stores_quota_are_refused(tmp_path):
    settings = Settings(data_dir=tmp_path / "data", upload_quota_bytes=1_000)
    store = Store(settings.database)
    theirs = store.create_job("trace", "theirs.jsonl", owner="other-server", lease_s=3600)
    store.hold_upload(theirs.id, 900, settings.upload_quota_bytes)
    with serve(settings) as client:
        refused = client.post("/api/trace", files={"corpus": ("c.jsonl", ARTICLE_LINE * 3)})
    assert _code(refused, 413) == "E413"
    assert "quota" in refused.json()["error"]["message"]
    assert not list((settings.data_dir / "uploads").glob("*"))  # the refused one is gone


def test_two_uploads_that_fit_alone_but_not_together_are_not_both_taken(tmp_path):
    settings = Settings(data_dir=tmp_path / "data", upload_quota_bytes=1_000, parallel_jobs=0)
    corpus = ARTICLE_LINE * 8  # 568 bytes: under the quota alone, over it together
    with serve(settings) as client, ThreadPoolExecutor(2) as run:
        meet_at_the_quota_check(client.app.state.service.store)

        def upload(_number: int):
            return client.post("/api/trace", files={"corpus": ("c.jsonl", corpus)})

        answers = list(run.map(upload, range(2), timeout=_ANSWER_S))
    assert sorted(answer.status_code for answer in answers) == [202, 413], answers
