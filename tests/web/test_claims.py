"""Claim search and export: what the store reads, pages of results, streaming, spreadsheets.

Speed itself is measured by bench/claims_export.py; these tests check what makes it linear:
claim queries read claim columns and an article's name, never its ledger, and walk an index
in the order they return, so the database neither copies ledgers nor sorts.
"""

from __future__ import annotations

import asyncio
import csv
import io
import re
from datetime import date
from html import unescape
from urllib.parse import parse_qs

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, event, text

from newstrace.store import ClaimQuery, Store
from newstrace.store.database import MIGRATIONS
from newstrace.store.tables import Base
from newstrace.web.app import create_app

from .conftest import claim_ledger


@pytest.fixture
def store(settings) -> Store:
    return Store(settings.database)


def _statements(store: Store) -> list[tuple[str, object]]:
    seen: list[tuple[str, object]] = []

    @event.listens_for(store.engine, "before_cursor_execute")
    def _seen(_connection, _cursor, statement, parameters, _context, _many) -> None:
        seen.append((statement, parameters))

    return seen


@pytest.mark.parametrize(
    "query",
    [
        ClaimQuery(),
        ClaimQuery(source_kind="anonymous_person"),
        ClaimQuery(level="attributed"),
        ClaimQuery(kind="statement"),
        ClaimQuery(text="bridge"),
        ClaimQuery(source_kind="named_person", source="mayor"),
        ClaimQuery(corpus="harbour-upload"),
        ClaimQuery(outlet="Pellin Gazette"),
        ClaimQuery(outlet="Pellin Gazette", published_from=date(2026, 3, 1)),
    ],
)
def test_claim_queries_skip_ledgers_and_follow_an_index(store, query):
    ledger = claim_ledger("long-article", 40, published="2026-03-02")
    store.add_ledger(ledger, job_id="harbour-upload")
    seen = _statements(store)
    hits = list(store.claims(query, offset=3, limit=10))
    assert hits and store.count_claims(query) >= len(hits)
    assert [h.checkworthy for h in hits] == sorted((h.checkworthy for h in hits), reverse=True)
    ran = list(seen)
    assert all("ledger" not in statement for statement, _ in ran)
    with store.engine.connect() as connection:
        for statement, parameters in ran:
            plan = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
            steps = " | ".join(row[-1] for row in plan)
            assert "TEMP B-TREE" not in steps, steps  # no sort of the rows found
            equal = query.source_kind or query.corpus or query.outlet
            assert "SCAN claims" not in steps or not equal, steps


def test_claims_come_in_pages_with_the_total(client):
    store = client.app.state.service.store
    for number in range(3):
        store.add_ledger(claim_ledger(f"article-{number}", 40))
    everything = client.get("/api/claims").json()
    assert everything["total"] == len(everything["claims"]) == 120
    pages = [
        client.get("/api/claims", params={"limit": 50, "offset": offset}).json()
        for offset in (0, 50, 100)
    ]
    assert [len(page["claims"]) for page in pages] == [50, 50, 20]
    assert all(page["total"] == 120 for page in pages)
    assert [c for page in pages for c in page["claims"]] == everything["claims"]
    named = client.get("/api/claims", params={"source_kind": "named_person", "limit": 7}).json()
    assert named["total"] == 60 and len(named["claims"]) == 7
    exported = client.get("/api/claims", params={"format": "csv", "offset": 110})
    assert len(list(csv.reader(io.StringIO(exported.text)))) == 1 + 10


def test_a_client_that_goes_away_ends_the_export(settings):
    app = create_app(settings)
    store = app.state.service.store
    store.add_ledger(claim_ledger("long-article", 5_000))
    sent: list[bytes] = []
    first_chunk = asyncio.Event()

    async def receive() -> dict:
        if not sent:
            return {"type": "http.request", "body": b"", "more_body": False}
        await first_chunk.wait()
        return {"type": "http.disconnect"}

    async def send(message: dict) -> None:
        if message["type"] == "http.response.body" and message.get("body"):
            sent.append(message["body"])
            first_chunk.set()

    scope = {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.3"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": "/api/claims",
        "raw_path": b"/api/claims",
        "query_string": b"format=csv",
        "root_path": "",
        "headers": [(b"host", b"127.0.0.1")],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
    }
    sent.append(b"")  # the request has been read: the next receive waits for a disconnect
    asyncio.run(app(scope, receive, send))
    rows = sum(chunk.count(b"\n") for chunk in sent)
    assert 0 < rows < 5_000  # stopped part-way
    assert store.engine.pool.checkedout() == 0  # and the store's query was closed with it


def test_csv_cells_cannot_start_a_spreadsheet_formula(client):
    hostile = ("=1+2", "+SUM(A1)", "-2+3", "@cmd", "\tlook", "\rback", "plain")
    store = client.app.state.service.store
    store.add_ledger(claim_ledger("=HYPERLINK(x)", len(hostile), texts=hostile, outlet="@outlet"))
    exported = client.get("/api/claims", params={"format": "csv"})
    rows = list(csv.DictReader(io.StringIO(exported.text, newline="")))
    assert sorted(row["text"] for row in rows) == sorted(
        ["'=1+2", "'+SUM(A1)", "'-2+3", "'@cmd", "'\tlook", "'\rback", "plain"]
    )
    assert {row["article"] for row in rows} == {"'=HYPERLINK(x)"}
    assert {row["outlet"] for row in rows} == {"'@outlet"}
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row.values())
    raw = client.get("/api/claims").json()["claims"]  # JSON keeps the text as it is
    assert sorted(claim["text"] for claim in raw) == sorted(hostile)


def test_the_search_page_says_how_many_and_links_the_next_page(client):
    store = client.app.state.service.store
    store.add_ledger(claim_ledger("long-article", 250))
    first = client.get("/search", params={"source_kind": "named_person"}).text
    assert "1–100 of 125 claims" in first
    assert "offset=100" in first and "Previous" not in first
    last = client.get("/search", params={"source_kind": "named_person", "offset": 100}).text
    assert "101–125 of 125 claims" in last
    assert "offset=0" in last and ">Next" not in last
    assert last.count("<tr>") == 1 + 25


def test_claims_filter_by_corpus_outlet_and_publication_days(client):
    store = client.app.state.service.store
    upload = store.create_job("trace", "harbour.jsonl", owner="me", lease_s=60)
    for name, outlet, published, job_id in (
        ("early", "Pellin Gazette", "2026-03-02T23:30:00Z", upload.id),
        ("late", "Fenmouth Echo", "2026-03-20", upload.id),
        ("posted", "Pellin Gazette", "2026-04-01", None),
        ("undated", "Pellin Gazette", None, None),
    ):
        store.add_ledger(claim_ledger(name, 3, outlet=outlet, published=published), job_id=job_id)

    def articles(**params: str) -> list[str]:
        answer = client.get("/api/claims", params=params)
        assert answer.status_code == 200, answer.text
        return sorted({claim["article"] for claim in answer.json()["claims"]})

    assert articles(corpus=upload.id) == ["early", "late"]
    assert articles(outlet="Pellin Gazette") == ["early", "posted", "undated"]
    assert articles(published_from="2026-03-02", published_to="2026-03-20") == ["early", "late"]
    assert articles(published_from="2026-03-03") == ["late", "posted"]
    assert articles(published_to="2026-03-01") == []
    assert articles(corpus=upload.id, outlet="Pellin Gazette", published_to="2026-03-02") == [
        "early"
    ]
    wrong = client.get("/api/claims", params={"published_from": "2 March"})
    assert wrong.status_code == 400 and wrong.json()["error"]["code"] == "E001"
    assert "published_from" in wrong.json()["error"]["message"]


def test_the_search_page_filters_and_keeps_the_filters_in_its_page_links(client):
    store = client.app.state.service.store
    upload = store.create_job("trace", "harbour.jsonl", owner="me", lease_s=60)
    store.add_ledger(claim_ledger("kept", 120, published="2026-03-02"), job_id=upload.id)
    store.add_ledger(claim_ledger("other-outlet", 30, outlet="Fenmouth Echo"), job_id=upload.id)
    store.add_ledger(claim_ledger("elsewhere", 30, published="2026-03-02"))
    filters = {
        "corpus": upload.id,
        "outlet": "Pellin Gazette",
        "published_from": "2026-03-01",
        "published_to": "2026-03-31",
    }
    html = client.get("/search", params=filters | {"limit": "50", "offset": "50"}).text
    assert "51–100 of 120 claims" in html
    links = dict(re.findall(r'<a href="/search\?([^"]+)">(Previous|Next)</a>', html)[:2])
    pages = {label: parse_qs(unescape(query)) for query, label in links.items()}
    expected = {name: [value] for name, value in filters.items()} | {"limit": ["50"]}
    assert pages["Previous"] == expected | {"offset": ["0"]}
    assert pages["Next"] == expected | {"offset": ["100"]}
    assert f'<option value="{upload.id}" selected>harbour.jsonl' in html
    assert '<option value="Fenmouth Echo">' in html  # the outlets stored, to pick from
    for name in ("outlet", "published_from", "published_to"):
        assert f'name="{name}" value="{filters[name]}"' in html.replace(' list="outlets"', "")


def test_a_store_made_before_the_claim_indexes_keeps_its_claims_and_matches_the_tables(settings):
    settings.data_dir.mkdir(parents=True)
    engine = create_engine(settings.database)
    with engine.begin() as connection:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        config.attributes["connection"] = connection
        command.upgrade(config, "0002")
        connection.execute(
            text(
                "INSERT INTO articles (id, job_id, name, status, outlet, published, created_at) "
                "VALUES (1, 'upload-1', 'old', 'ok', 'Pellin Gazette', '2026-03', '2026-01-01')"
            )
        )
        connection.execute(
            text(
                'INSERT INTO claims (article_id, claim_id, start, "end", text, source, '
                "source_kind, chain, certainty_score, certainty_level, kind, checkworthy) "
                "VALUES (1, 'c1', 0, 5, 'Words', 'a', 'named_person', 'a', 0.5, 'attributed', "
                "'statement', 0.3)"
            )
        )
    engine.dispose()
    store = Store(settings.database)
    assert [hit.text for hit in store.claims(ClaimQuery(source_kind="named_person"))] == ["Words"]
    filled = ClaimQuery(corpus="upload-1", outlet="Pellin Gazette", published_to=date(2026, 3, 15))
    assert [(hit.text, hit.outlet) for hit in store.claims(filled)] == [("Words", "Pellin Gazette")]
    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection)
        assert compare_metadata(context, Base.metadata) == []  # migrations == tables.py
