"""The HTTP API over SQLite: analyse, trace a corpus as a job, stories, search and export."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

import jsonschema
import pytest

from newstrace.serialize import TABLE_COLUMNS, json_schema, trace_json_schema
from newstrace.store import Store
from newstrace.web.app import create_app
from newstrace.web.jobs import INTERRUPTED
from newstrace.web.settings import Settings

from .conftest import serve, small_corpus, wait_for_job

ARTICLE = {
    "id": "bridge-1",
    "outlet": "Pellin Gazette",
    "title": "Swing bridge to stay shut",
    "text": "Harbour officials said the Pellin Quay swing bridge may stay shut until March. "
    "A trader, who asked not to be named, said the closure was reportedly costing stalls "
    "half their takings.",
}


def test_analyze_returns_the_ledger_and_keeps_it(client):
    response = client.post("/api/analyze", json=ARTICLE)
    assert response.status_code == 201
    ledger = response.json()
    jsonschema.validate(ledger, json_schema())
    assert ledger["article"]["id"] == "bridge-1" and ledger["claims"]
    stored = client.get(response.headers["location"])
    assert stored.status_code == 200 and stored.json() == ledger


def test_bad_articles_get_clear_errors(client):
    missing = client.post("/api/analyze", json={"title": "no text"})
    assert missing.status_code == 400 and missing.json()["error"]["code"] == "E105"
    empty = client.post("/api/analyze", json={"text": "   "})
    assert empty.json()["error"]["code"] == "E102"
    french = client.post(
        "/api/analyze",
        json={
            "text": "Le maire a annoncé hier que le pont "
            "restera fermé jusqu'en mars, selon des sources municipales."
        },
    )
    assert french.status_code == 422 and french.json()["error"]["code"] == "E106"
    assert client.get("/api/articles/999").status_code == 404


def test_a_request_over_the_limit_is_refused(tmp_path):
    settings = Settings(data_dir=tmp_path, max_request_bytes=1_000)
    with serve(settings) as client:
        response = client.post("/api/analyze", json={"text": "word " * 1_000})
    assert response.status_code == 413 and response.json()["error"]["code"] == "E108"


@pytest.mark.slow  # trace jobs in their own processes
def test_trace_job_stores_articles_stories_and_claims(client, tmp_path):
    corpus = small_corpus(tmp_path / "wildfire.jsonl")
    with corpus.open("rb") as stream:
        response = client.post("/api/trace", files={"corpus": ("wildfire.jsonl", stream)})
    assert response.status_code == 202
    job = wait_for_job(client, response.json()["id"])
    assert job["status"] == "done", job["error"]
    assert job["done"] == job["total"] == 4
    trace = client.get(job["trace"]).json()
    jsonschema.validate(trace, trace_json_schema())
    stories = client.get(job["stories"]).json()["stories"]
    assert stories and stories[0]["versions"] >= 2
    story = client.get(f"/api/stories/{stories[0]['id']}").json()
    assert story["origin"]["why"] and story["articles"]
    article = client.get(next(iter(story["articles"].values())))
    jsonschema.validate(article.json(), json_schema())
    outlet = story["citations"][0]["cited"]
    assert client.get("/api/stories", params={"cites": outlet}).json()["stories"]
    claims = client.get("/api/claims", params={"source_kind": "named_person"}).json()["claims"]
    assert claims and all(c["source_kind"] == "named_person" for c in claims)
    exported = client.get("/api/claims", params={"source_kind": "named_person", "format": "csv"})
    assert exported.headers["content-type"].startswith("text/csv")
    assert len(exported.text.strip().splitlines()) == len(claims) + 1
    # the store and the export speak the one claim-row definition the Parquet tables use
    header = exported.text.splitlines()[0].split(",")
    claim_columns = [name for name, _ in TABLE_COLUMNS["claims"]]
    assert header == ["article_id", "article", "outlet", *claim_columns[1:]]
    assert list(claims[0]) == header


def test_unsupported_and_oversized_uploads_are_refused(tmp_path):
    settings = Settings(data_dir=tmp_path, max_upload_bytes=200)
    with serve(settings) as client:
        pdf = client.post("/api/trace", files={"corpus": ("paper.pdf", b"%PDF-1.4")})
        assert pdf.status_code == 415 and pdf.json()["error"]["code"] == "E107"
        big = client.post("/api/trace", files={"corpus": ("big.jsonl", b"{}\n" * 200)})
        assert big.status_code == 413 and big.json()["error"]["code"] == "E108"


@pytest.mark.slow  # trace jobs in their own processes
def test_parallel_uploads_all_finish_without_corrupting_the_store(client, tmp_path):
    corpora = [
        small_corpus(tmp_path / f"c{n}.jsonl", (prefix,), 3)
        for n, prefix in enumerate(("b-wildfire", "a-leak", "b-takeover"))
    ]

    def upload(path):
        with path.open("rb") as stream:
            return client.post("/api/trace", files={"corpus": (path.name, stream)}).json()["id"]

    with ThreadPoolExecutor(3) as pool:
        job_ids = list(pool.map(upload, corpora))
    jobs = [wait_for_job(client, job_id) for job_id in job_ids]
    assert [job["status"] for job in jobs] == ["done"] * 3
    assert sum(job["done"] for job in jobs) == 9
    traces = [client.get(job["trace"]).json() for job in jobs]
    assert sorted(len(t["articles"]) for t in traces) == [3, 3, 3]


def test_a_job_left_running_by_a_stopped_server_is_marked_failed_and_keeps_its_articles(
    settings,
):
    from newstrace import analyze

    store = Store(settings.database)
    job = store.create_job("trace", "crashed.jsonl", owner="stopped-server", lease_s=-1)
    store.start_job(job.id)
    store.set_total(job.id, 10)
    finished = store.add_ledger(analyze(ARTICLE["text"]), name="finished-1", job_id=job.id)
    with serve(settings) as client:
        after = client.get(f"/api/jobs/{job.id}").json()
        kept = client.get(f"/api/articles/{finished}")
    assert after["status"] == "failed" and after["error"] == INTERRUPTED
    assert kept.status_code == 200 and kept.json()["claims"]


@pytest.mark.slow  # trace jobs in their own processes
def test_a_job_past_its_time_limit_is_stopped(tmp_path):
    settings = Settings(data_dir=tmp_path, job_timeout_s=0.5)
    corpus = small_corpus(tmp_path / "slow.jsonl")
    with serve(settings) as client, corpus.open("rb") as stream:
        job_id = client.post("/api/trace", files={"corpus": ("slow.jsonl", stream)}).json()["id"]
        job = wait_for_job(client, job_id, timeout=60)
    assert job["status"] == "failed" and "time limit" in job["error"]


def test_beyond_loopback_a_token_is_required(tmp_path):
    from newstrace.errors import ServiceError

    with pytest.raises(ServiceError, match="token"):
        create_app(Settings(data_dir=tmp_path, host="0.0.0.0"))
    settings = Settings(data_dir=tmp_path, host="0.0.0.0", token="s3cret-Tok3n-of-20ch")
    with serve(settings) as client:
        assert client.get("/api/stories").status_code == 401
        assert client.get("/api/health").status_code == 200
        ok = client.get("/api/stories", headers={"Authorization": "Bearer s3cret-Tok3n-of-20ch"})
        assert ok.status_code == 200
        page = client.get("/", follow_redirects=False)
        assert page.status_code == 303 and page.headers["location"] == "/login"
        login = client.post(
            "/login", data={"token": "s3cret-Tok3n-of-20ch"}, follow_redirects=False
        )
        assert "newstrace_session" in login.headers["set-cookie"]


def test_the_openapi_document_lists_the_api(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/api/analyze",
        "/api/trace",
        "/api/jobs/{job_id}",
        "/api/stories/{story_id}",
        "/api/articles/{article_id}",
        "/api/claims",
        "/api/stories",
    ):
        assert path in paths


def test_pages_escape_article_text(client):
    hostile = {
        "text": "The mayor said <script>alert('x')</script> the bridge <img src=x "
        "onerror=alert(1)> would reopen in May, officials said.",
        "title": "<b>bold</b>",
    }
    response = client.post("/api/analyze", json=hostile)
    article_id = response.headers["location"].rsplit("/", 1)[1]
    html = client.get(f"/articles/{article_id}").text
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;" in html
    assert json.dumps(hostile["title"])  # the title too is shown as text
    assert "<b>bold</b>" not in html
