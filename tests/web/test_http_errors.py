"""Every refusal over HTTP in the documented shape, ``{"error": {"code", "message"}}``, with its
status: bad bodies, bad parameters, unknown routes, bodies over the limit however they come,
tokens of any characters, unexpected failures; and no server folder in any message."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from newstrace.web.app import create_app
from newstrace.web.settings import Settings

from .conftest import serve

HUGE = 2**63  # one past SQL's BIGINT


def _error(response, status: int, code: str) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert list(body) == ["error"] and body["error"]["code"] == code, body
    return body["error"]["message"]


@pytest.mark.parametrize(
    ("body", "content_type", "status", "code"),
    [
        (b'{"text": ', "application/json", 400, "E105"),  # malformed JSON
        (b"[1, 2]", "application/json", 400, "E105"),
        (b"null", "application/json", 400, "E105"),
        (b"", "application/json", 400, "E105"),
        (b'{"text": "The mayor said it."}', "text/plain", 415, "E107"),
        (b"text=The+mayor+said+it.", "application/x-www-form-urlencoded", 415, "E107"),
        ('{"text": "The maire said it."}'.encode("utf-16"), "application/json", 400, "E104"),
        (b'{"text": "The mayor \xe9 said it."}', "application/json", 400, "E104"),
        (b'{"text": "The mayor said \\ud800 it would reopen."}', "application/json", 400, "E104"),
        (b'{"text": "The mayor said it.", "title": "\\udfff"}', "application/json", 400, "E104"),
    ],
)
def test_bad_article_bodies_get_the_documented_error(client, body, content_type, status, code):
    response = client.post("/api/analyze", content=body, headers={"content-type": content_type})
    _error(response, status, code)


def test_bad_parameters_and_unknown_routes_get_the_documented_error(client):
    assert "format" in _error(client.get("/api/claims?format=xml"), 400, "E001")
    assert "limit" in _error(client.get("/api/claims?limit=0"), 400, "E001")
    assert "offset" in _error(client.get(f"/api/claims?offset={HUGE}"), 400, "E001")
    assert "article_id" in _error(client.get("/api/articles/one"), 400, "E001")
    _error(client.post("/api/trace"), 400, "E001")  # no file
    _error(client.get("/api/no-such-route"), 404, "E404")
    _error(client.delete("/api/claims"), 405, "E001")
    page = client.get("/search?offset=-1")
    assert page.status_code == 400 and "E001" in page.text and "offset" in page.text


def test_ids_beyond_64_bits_are_simply_not_there(client):
    for path in (f"/api/articles/{HUGE}", f"/api/traces/{HUGE}", f"/api/stories/{-HUGE - 1}"):
        _error(client.get(path), 404, "E404")
    assert client.get(f"/api/stories?trace_id={HUGE}").json() == {"stories": []}
    assert client.get(f"/articles/{HUGE}").status_code == 404
    assert client.get(f"/stories?trace_id={HUGE}").status_code == 200


def _chunks(data: bytes, size: int = 400):
    for start in range(0, len(data), size):
        yield data[start : start + size]


def test_bodies_over_the_limit_are_refused_however_they_come(tmp_path):
    settings = Settings(data_dir=tmp_path, max_request_bytes=1_000, max_upload_bytes=100)
    json_body = b'{"text": "' + b"word " * 400 + b'"}'
    latin = b'{"text": "' + b"caf\xe9 " * 400 + b'"}'
    json_type = {"content-type": "application/json"}
    with serve(settings) as client:
        for body in (json_body, latin):  # chunked, without a Content-Length
            _error(
                client.post("/api/analyze", content=_chunks(body), headers=json_type), 413, "E108"
            )
            _error(client.post("/api/analyze", content=body, headers=json_type), 413, "E108")
        upload = b"--x\r\nContent-Disposition: form-data; name=corpus; filename=c.jsonl\r\n\r\n"
        chunked = _chunks(upload + b"{}\n" * 400_000, 100_000)
        multipart = {"content-type": "multipart/form-data; boundary=x"}
        _error(client.post("/api/trace", content=chunked, headers=multipart), 413, "E108")
        page = client.post(
            "/analyze",
            content=_chunks(b"text=" + b"word+" * 400),
            headers={"content-type": "application/x-www-form-urlencoded"},
        )
        assert page.status_code == 413 and "E108" in page.text


def test_tokens_of_any_characters_are_compared_without_failing(tmp_path):
    settings = Settings(data_dir=tmp_path, host="0.0.0.0", token="s3cret-Tok3n-of-20ch")
    with serve(settings) as client:
        for given in ("Bearer clé".encode(), b"Bearer \xff\xfe"):
            _error(client.get("/api/stories", headers={"authorization": given}), 401, "E401")
        login = client.post("/login", data={"token": "clé"}, follow_redirects=False)
        assert login.headers["location"] == "/login?failed=1"
    settings = Settings(data_dir=tmp_path, host="0.0.0.0", token="clé-très-secrète-2026")
    with serve(settings) as client:
        given = {"authorization": "Bearer clé-très-secrète-2026".encode()}
        assert client.get("/api/stories", headers=given).status_code == 200


def test_an_unexpected_failure_is_a_500_in_the_shape_without_server_paths(settings):
    app = create_app(settings)

    def broken(_article_id):
        raise OSError(f"disk full writing {settings.data_dir}/newstrace.db")

    app.state.service.store.article = broken
    with TestClient(app, base_url="http://127.0.0.1", raise_server_exceptions=False) as client:
        message = _error(client.get("/api/articles/1"), 500, "E000")
        page = client.get("/articles/1")
    assert str(settings.data_dir) not in message
    assert page.status_code == 500 and str(settings.data_dir) not in page.text


def test_an_uploaded_article_error_names_the_file_not_the_server_folder(client, settings):
    for name, data in (("notes.txt", b"\x89PNG\r\n\x1a\n" + bytes(64)), ("a.json", b"{bad")):
        response = client.post("/analyze", files={"file": (name, data)})
        assert response.status_code == 400 and name in response.text
        assert str(settings.data_dir) not in response.text and "uploads" not in response.text
