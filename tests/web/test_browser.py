"""The web app end to end in headless Chromium (Debian's, driven by Playwright).

Each page is photographed into build/screenshots/ as a test artefact. Skipped with a
message where Playwright or /usr/bin/chromium is missing.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from .conftest import DEV

pytestmark = pytest.mark.slow

CHROMIUM = Path(os.environ.get("NEWSTRACE_CHROMIUM", "/usr/bin/chromium"))
SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"
ARTICLE = (
    "Harbour officials said on Monday that the Pellin Quay swing bridge may stay shut until "
    "March while engineers replace its rusted gears.\n\nA trader, who asked not to be named, "
    "said the closure was reportedly costing stalls half their takings."
)
HOSTILE = (
    "The mayor said <script>window.pwned = 1; alert('x')</script> the bridge would "
    '<img src=x onerror="window.pwned = 2"> reopen in May, officials said.'
)


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        pytest.skip(f"needs Debian's chromium at {CHROMIUM} (apt-get install chromium)")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """``newstrace serve`` on a free loopback port, in its own process."""
    data = tmp_path_factory.mktemp("serve")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "newstrace.cli",
            "serve",
            "--data-dir",
            str(data),
            "--port",
            str(port),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "/api/health", timeout=1)
            break
        except OSError:
            time.sleep(0.3)
    else:
        process.kill()
        raise AssertionError(process.stdout.read().decode() if process.stdout else "no server")
    yield base, data
    process.terminate()
    process.wait(10)


@pytest.fixture
def page(browser):
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.dialogs = dialogs
    yield page
    page.close()


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_paste_an_article_and_read_its_claims(server, page):
    base, _ = server
    page.goto(base + "/")
    _shot(page, "01-home")
    page.fill("textarea[name=text]", ARTICLE)
    page.fill("input[name=title]", "Bridge stays shut")
    page.click("#analyze-form button[type=submit]")
    page.wait_for_url("**/articles/*")
    claims = page.locator(".seg.claim")
    assert claims.count() > 0
    assert page.locator(".hedge, .seg.hedge, [class*=hedge]").count() > 0
    claims.first.click()
    detail = page.locator(".detail.shown")
    assert detail.count() == 1
    assert detail.locator(".chain").count() >= 1
    _shot(page, "02-article")


def test_article_text_full_of_markup_never_runs(server, page):
    base, _ = server
    page.goto(base + "/")
    page.fill("textarea[name=text]", HOSTILE)
    page.click("#analyze-form button[type=submit]")
    page.wait_for_url("**/articles/*")
    assert page.evaluate("window.pwned") is None
    assert page.dialogs == []
    assert "<script>" in page.inner_text("#article")
    _shot(page, "03-hostile-article")


def test_upload_the_demo_corpus_then_open_a_story(server, page):
    base, _ = server
    page.goto(base + "/")
    page.set_input_files("input[name=corpus]", str(DEV))
    page.click("#corpus-form button[type=submit]")
    page.wait_for_url("**/jobs/*")
    _shot(page, "04-job-running")
    page.wait_for_selector("#stories-link", timeout=180_000)
    _shot(page, "05-job-done")
    page.click("#stories-link")
    page.wait_for_selector("#stories a")
    _shot(page, "06-stories")
    page.click("#stories a >> nth=0")
    page.wait_for_selector("svg .version")
    page.click("svg .version >> nth=1")
    assert page.locator(".node-detail").inner_text().strip() != ""
    assert page.locator(".arc.lit").count() >= 1
    _shot(page, "07-story")
    drift_rows = page.locator("h3:has-text('Drift') + table tr")
    assert drift_rows.count() >= 2  # the largest story of the demo corpus has drift
    assert page.locator("table mark").count() >= 1


def test_search_claims_by_source_kind(server, page):
    base, _ = server
    page.goto(base + "/search?source_kind=anonymous_person")
    _shot(page, "08-search")
    assert page.locator("#claims tr").count() >= 2


def _a_story(base: str) -> str:
    """The address of a stored story's page, tracing the demo corpus first if none is stored."""
    import json

    stories = json.load(urllib.request.urlopen(base + "/api/stories"))["stories"]
    if not stories:
        boundary = "newstrace-test"
        body = (
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="corpus"; '
                f'filename="articles.jsonl"\r\n\r\n'
            ).encode()
            + DEV.read_bytes()
            + f"\r\n--{boundary}--\r\n".encode()
        )
        request = urllib.request.Request(
            base + "/api/trace",
            data=body,
            headers={"content-type": f"multipart/form-data; boundary={boundary}"},
        )
        job = json.load(urllib.request.urlopen(request))
        deadline = time.monotonic() + 180
        while job["status"] not in ("done", "failed") and time.monotonic() < deadline:
            time.sleep(1)
            job = json.load(urllib.request.urlopen(f"{base}/api/jobs/{job['id']}"))
        stories = json.load(urllib.request.urlopen(base + "/api/stories"))["stories"]
    return f"/stories/{max(stories, key=lambda story: story['versions'])['id']}"


@pytest.mark.parametrize("width", [375, 1200])
def test_the_story_graph_fits_the_page_with_every_label(server, browser, width):
    base, _ = server
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto(base + _a_story(base))
    page.wait_for_selector("svg .version")
    graph = page.evaluate(
        """() => {
        const svg = document.querySelector("svg[role=img]");
        const box = svg.viewBox.baseVal;
        const labels = Array.from(svg.querySelectorAll("text")).map((text) => text.getBBox());
        return {
          shown: svg.getBoundingClientRect().right,
          page: document.documentElement.clientWidth,
          cut: labels.filter((l) => l.x < box.x || l.x + l.width > box.x + box.width).length,
        };
    }"""
    )
    _shot(page, f"09-story-{width}")
    page.close()
    assert graph["cut"] == 0 and graph["shown"] <= graph["page"]


def test_no_page_scrolls_sideways_on_a_phone(server, browser):
    base, _ = server
    page = browser.new_page(viewport={"width": 375, "height": 800})
    page.goto(base + "/")
    page.fill("textarea[name=text]", ARTICLE)
    page.fill("input[name=title]", "Bridge stays shut " * 6)
    page.click("#analyze-form button[type=submit]")
    page.wait_for_url("**/articles/*")
    paths = [page.url.removeprefix(base), "/", "/stories", "/docs", _a_story(base)]
    paths.append("/search?source_kind=anonymous_person")
    wide = {}
    for number, path in enumerate(paths):
        page.goto(base + path)
        _shot(page, f"10-phone-{number}")
        scroll = page.evaluate("document.documentElement.scrollWidth")
        if scroll > 375:
            wide[path] = scroll
    page.close()
    assert not wide
