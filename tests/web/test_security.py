"""``newstrace serve`` under real use: sign-in and sessions, the limit on wrong tokens, where
the token comes from, Host names, cross-site requests, security headers and the API docs."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from newstrace.errors import ServiceError
from newstrace.web.auth import COOKIE, FailureLimiter
from newstrace.web.settings import Settings, read_token

from .conftest import claim_ledger, serve

TOKEN = "k7Qe2-Vx9pLm4RtZ8wYb"
EVIL = "https://evil.example"


def _guarded(tmp_path, token: str = TOKEN, **options) -> TestClient:
    return serve(Settings(data_dir=tmp_path, host="0.0.0.0", token=token, **options))


def _error(response, status: int, code: str) -> str:
    assert response.status_code == status, response.text
    assert response.json()["error"]["code"] == code, response.text
    return response.json()["error"]["message"]


def _sign_in(client: TestClient, token: str = TOKEN, next_page: str | None = None):
    form = {"token": token} | ({"next": next_page} if next_page is not None else {})
    return client.post("/login", data=form, follow_redirects=False)


def test_the_session_cookie_is_signed_and_never_the_token(tmp_path):
    with _guarded(tmp_path) as client:
        login = _sign_in(client)
        cookie = login.headers["set-cookie"]
        assert login.status_code == 303 and login.headers["location"] == "/"
        assert TOKEN not in cookie and quote(TOKEN) not in cookie
        flags = {part.strip().lower() for part in cookie.split(";")}
        assert {"httponly", "samesite=lax", "path=/"} <= flags and "secure" not in flags
        assert client.get("/", follow_redirects=False).status_code == 200
    with _guarded(tmp_path) as client:  # the raw token as a cookie is no session
        client.cookies.set(COOKIE, TOKEN)
        assert client.get("/", follow_redirects=False).status_code == 303


def test_over_tls_the_session_cookie_is_secure(tmp_path):
    settings = Settings(data_dir=tmp_path, host="0.0.0.0", token=TOKEN)
    with serve(settings, base_url="https://127.0.0.1") as client:
        flags = {part.strip().lower() for part in _sign_in(client).headers["set-cookie"].split(";")}
    assert "secure" in flags


@pytest.mark.parametrize("token", ["semi;colon=and,comma and space", "clé-très-secrète-🔑-2026"])
def test_a_token_of_any_characters_signs_in(tmp_path, token):
    with _guarded(tmp_path, token=token) as client:
        login = _sign_in(client, token)
        assert login.status_code == 303 and login.headers["location"] == "/"
        login.headers["set-cookie"].encode("ascii")  # a cookie a browser keeps as it is
        assert client.get("/", follow_redirects=False).status_code == 200


def test_wrong_tokens_are_limited_per_client(tmp_path):
    with _guarded(tmp_path, login_attempts=3) as client:
        for _ in range(3):
            _error(client.get("/api/stories", headers={"authorization": "Bearer no"}), 401, "E401")
        bearer = {"authorization": f"Bearer {TOKEN}"}
        limited = client.get("/api/stories", headers=bearer)  # even the right token, for now
        assert "wait" in _error(limited, 429, "E429")
        assert int(limited.headers["retry-after"]) > 0
        page = _sign_in(client)
        assert page.status_code == 429 and "E429" in page.text
    settings = Settings(data_dir=tmp_path, host="0.0.0.0", token=TOKEN, login_attempts=3)
    with serve(settings, client=("192.0.2.7", 50000)) as other:
        for _ in range(3):
            other.get("/api/stories", headers={"authorization": "Bearer no"})
    with serve(settings, client=("192.0.2.8", 50000)) as another:
        assert another.get("/api/stories", headers=bearer).status_code == 200


def test_the_limit_on_wrong_tokens_lifts_after_its_window():
    now = [1000.0]
    limiter = FailureLimiter(attempts=2, window_s=60, clock=lambda: now[0])
    limiter.failed("a")
    limiter.failed("a")
    assert limiter.wait("a") == 60 and limiter.wait("b") == 0
    now[0] += 30
    assert limiter.wait("a") == 30
    now[0] += 31
    assert limiter.wait("a") == 0


@pytest.mark.parametrize(
    "token", ["x", "s3cret", "aaaaaaaaaaaaaaaaaaaaaaaa", "abababababababababab"]
)
def test_beyond_loopback_a_weak_token_is_refused_at_start(tmp_path, token):
    with pytest.raises(ServiceError, match="at least 16 characters"):
        Settings(data_dir=tmp_path, host="0.0.0.0", token=token).check()
    Settings(data_dir=tmp_path, host="127.0.0.1", token=token).check()  # loopback: your call


def test_the_token_comes_from_a_file_or_the_environment(tmp_path):
    secret = tmp_path / "token"
    secret.write_text(TOKEN + "\n", encoding="utf-8")
    assert read_token(secret, {}) == TOKEN
    assert read_token(None, {"NEWSTRACE_TOKEN": TOKEN}) == TOKEN
    assert read_token(None, {}) is None
    with pytest.raises(ServiceError, match="token file"):
        read_token(tmp_path / "missing", {})
    secret.write_text("\n", encoding="utf-8")
    with pytest.raises(ServiceError, match="empty"):
        read_token(secret, {})


def test_a_token_on_the_command_line_is_warned_about(tmp_path, monkeypatch, capsys):
    import uvicorn

    from newstrace.cli import main

    started = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: started.append(options))
    assert main(["serve", "--data-dir", str(tmp_path), "--token", TOKEN]) == 0
    assert started and "--token-file" in capsys.readouterr().err


def test_sign_out_ends_the_session(tmp_path):
    with _guarded(tmp_path) as client:
        _sign_in(client)
        session = client.cookies[COOKIE]
        assert "Sign out" in client.get("/").text
        out = client.post("/logout", follow_redirects=False)
        assert out.status_code == 303 and out.headers["location"] == "/login?signed_out=1"
        assert "max-age=0" in out.headers["set-cookie"].lower()
        assert "signed out" in client.get(out.headers["location"]).text
        client.cookies.set(COOKIE, session)  # a copy of the old cookie is no use either
        assert client.get("/", follow_redirects=False).status_code == 303


def test_a_failed_sign_in_says_so_and_the_asked_page_comes_after(tmp_path):
    with _guarded(tmp_path) as client:
        asked = client.get("/search?source_kind=anonymous_person&q=x", follow_redirects=False)
        login_page = asked.headers["location"]
        assert login_page == "/login?next=%2Fsearch%3Fsource_kind%3Danonymous_person%26q%3Dx"
        assert 'value="/search?source_kind=anonymous_person&amp;q=x"' in client.get(login_page).text
        failed = _sign_in(client, "wrong", "/search?q=x")
        assert failed.headers["location"] == "/login?failed=1&next=%2Fsearch%3Fq%3Dx"
        assert "wrong token" in client.get(failed.headers["location"]).text
        assert _sign_in(client, next_page="/search?q=x").headers["location"] == "/search?q=x"


@pytest.mark.parametrize(
    "next_page",
    [EVIL, "//evil.example/x", "/\\evil.example", "\\\\evil.example", "javascript:alert(1)", ""],
)
def test_sign_in_never_sends_the_browser_off_site(tmp_path, next_page):
    with _guarded(tmp_path) as client:
        assert _sign_in(client, next_page=next_page).headers["location"] == "/"


def test_unknown_host_names_are_refused(tmp_path):
    with serve(Settings(data_dir=tmp_path)) as client:
        rebound = client.get("/api/health", headers={"host": "rebind.evil.example"})
        assert "rebind.evil.example" in _error(rebound, 403, "E403")
        assert client.get("/", headers={"host": "rebind.evil.example"}).status_code == 403
        for host in ("localhost:8000", "127.0.0.1", "[::1]:8000", "LOCALHOST."):
            assert client.get("/api/health", headers={"host": host}).status_code == 200, host
    allowed = Settings(data_dir=tmp_path, allowed_hosts=("news.example.org",))
    with serve(allowed) as client:
        assert client.get("/api/health", headers={"host": "news.example.org"}).status_code == 200


def test_cross_site_posts_are_refused(tmp_path):
    with serve(Settings(data_dir=tmp_path)) as client:
        form = {"text": "The mayor said the bridge would reopen in May."}
        for headers in ({"origin": EVIL}, {"sec-fetch-site": "cross-site"}, {"origin": "null"}):
            refused = client.post("/analyze", data=form, headers=headers, follow_redirects=False)
            assert refused.status_code == 403 and "E403" in refused.text, headers
            api = client.post("/api/analyze", json=form, headers=headers)
            _error(api, 403, "E403")
        assert client.get("/", headers={"origin": EVIL}).status_code == 200  # reading is fine
    with _guarded(tmp_path) as client:
        _sign_in(client)
        _error(client.post("/api/analyze", json={}, headers={"origin": EVIL}), 403, "E403")
        assert client.post("/logout", headers={"origin": EVIL}).status_code == 403
        client.cookies.clear()
        script = {"authorization": f"Bearer {TOKEN}", "origin": EVIL}
        _error(client.post("/api/analyze", json={}, headers=script), 400, "E105")


def test_a_same_origin_form_post_goes_through(tmp_path):
    with serve(Settings(data_dir=tmp_path)) as client:
        same = {"origin": "http://127.0.0.1", "sec-fetch-site": "same-origin"}
        response = client.post("/analyze", data={"text": ""}, headers=same)
        assert response.status_code == 400 and "E102" in response.text  # past the guard


def test_every_response_carries_the_security_headers(tmp_path):
    with _guarded(tmp_path) as client:
        responses = [
            client.get("/login"),
            client.get("/", follow_redirects=False),
            client.get("/api/stories"),
            client.get("/api/health", headers={"host": "evil.example"}),
        ]
        _sign_in(client)
        responses += [client.get("/"), client.get("/api/no-such-route"), client.get("/docs")]
    for response in responses:
        headers = response.headers
        policy = dict(
            part.strip().split(" ", 1) for part in headers["content-security-policy"].split(";")
        )
        assert policy["script-src"] == "'self'" and policy["frame-ancestors"] == "'none'"
        assert policy["default-src"] == "'self'"
        assert headers["x-frame-options"] == "DENY"
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "same-origin"


def test_pages_carry_no_inline_script(client):
    article_id = client.app.state.service.store.add_ledger(claim_ledger("a1", 3), name="a1")
    job = client.app.state.service.store.create_job("trace", "c.jsonl", owner="me", lease_s=60)
    for path in ("/", f"/articles/{article_id}", f"/jobs/{job.id}", "/search", "/docs"):
        html = client.get(path).text
        inline = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html)
        assert not inline, path
        for source in re.findall(r'<script[^>]*\bsrc="([^"]+)"', html):
            script = client.get(source)
            assert script.status_code == 200 and "javascript" in script.headers["content-type"]


def test_the_api_docs_come_from_the_package(client):
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "cdn" not in docs.text.lower() and "https://" not in docs.text
    for path in ("/api/analyze", "/api/claims", "/api/jobs/{job_id}", "/openapi.json"):
        assert path in docs.text
    assert "Analyse one article" in docs.text
