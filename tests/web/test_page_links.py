"""Article and story pages: the versions of a story linked both ways, and their downloads
(issue 16), over a story stored by hand (no models)."""

from __future__ import annotations

import csv
import io
import re

import jsonschema

from newstrace.serialize import json_schema

from .conftest import claim_ledger, stored_story

VERSIONS = ("gazette-1", "echo-2", "herald-3")


def _section(html: str, heading: str) -> str:
    """The part of ``html`` from ``heading`` to the end of its section."""
    start = html.index(heading)
    return html[start : html.index("</section>", start)]


def _downloads(html: str) -> dict[str, str]:
    """The page's download links, by label."""
    return {
        label: href
        for href, label in re.findall(r'<a href="([^"]+)" download="[^"]+">([^<]+)</a>', html)
    }


def test_an_article_page_links_its_story_and_the_other_versions(client):
    story_id, ids = stored_story(client.app.state.service.store, VERSIONS)
    html = client.get(f"/articles/{ids['echo-2']}").text
    versions = _section(html, "Other versions of this story")
    assert f'<a href="/stories/{story_id}">Swing bridge to stay shut</a>' in versions
    linked = re.findall(r'<a href="/articles/(\d+)">([^<]+)</a>', versions)
    assert linked == [(str(ids["gazette-1"]), "gazette-1"), (str(ids["herald-3"]), "herald-3")]
    assert "herald-3 outlet, 2026-03-02" in versions


def test_an_article_in_no_story_links_no_versions(client):
    article_id = client.app.state.service.store.add_ledger(claim_ledger("posted", 2))
    html = client.get(f"/articles/{article_id}").text
    assert "Other versions" not in html and "/stories/" not in html.split("</nav>", 1)[1]


def test_a_story_page_links_each_version_to_its_article_page(client):
    story_id, ids = stored_story(client.app.state.service.store, VERSIONS)
    html = client.get(f"/stories/{story_id}").text
    for name, number in ids.items():
        assert f'<a href="/articles/{number}">{name}</a>' in html


def test_an_article_page_downloads_its_ledger_and_its_claims(client):
    store = client.app.state.service.store
    _, ids = stored_story(store, VERSIONS)
    html = client.get(f"/articles/{ids['echo-2']}").text
    links = _downloads(html)
    assert set(links) == {"ledger (JSON)", "claims (CSV)"}
    ledger = client.get(links["ledger (JSON)"]).json()
    jsonschema.validate(ledger, json_schema())
    assert ledger["article"]["id"] == "echo-2"
    claims = client.get(links["claims (CSV)"].replace("&amp;", "&"))
    assert claims.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(claims.text)))
    assert [row["article"] for row in rows] == ["echo-2"] * 2
    assert {row["claim_id"] for row in rows} == {claim["id"] for claim in ledger["claims"]}


def test_a_story_page_downloads_the_story_and_its_claims(client):
    store = client.app.state.service.store
    story_id, ids = stored_story(store, VERSIONS)
    store.add_ledger(claim_ledger("not-in-the-story", 3))
    links = _downloads(client.get(f"/stories/{story_id}").text)
    assert set(links) == {"story (JSON)", "claims (CSV)"}
    story = client.get(links["story (JSON)"]).json()
    assert story["story_id"] == story_id and story["article_ids"] == list(VERSIONS)
    claims = client.get(links["claims (CSV)"].replace("&amp;", "&")).text
    rows = list(csv.DictReader(io.StringIO(claims)))
    assert sorted(row["article"] for row in rows) == sorted(VERSIONS * 2)
    assert {int(row["article_id"]) for row in rows} == set(ids.values())
