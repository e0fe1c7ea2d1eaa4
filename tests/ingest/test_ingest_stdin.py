"""Standard input: sniffed as JSON, HTML or text, or streamed as JSONL."""

from __future__ import annotations

import io
import json
import sys
import types

import pytest

from newstrace.errors import EmptyInputError, MalformedInputError
from newstrace.ingest import InputLimits, read_article, read_inputs, read_item


@pytest.fixture
def stdin(monkeypatch):
    def feed(data: bytes) -> None:
        monkeypatch.setattr(sys, "stdin", types.SimpleNamespace(buffer=io.BytesIO(data)))

    return feed


def test_plain_text(stdin):
    stdin(b"Kim cried.\r\nThe defector said so.\r\n")
    item = read_item("-")
    assert item.article.text == "Kim cried.\r\nThe defector said so.\r\n"
    assert (item.name, item.origin) == ("stdin", "<stdin>")


def test_json_object(stdin):
    stdin(json.dumps({"id": "k1", "title": "Tears", "text": "Kim cried."}, indent=2).encode())
    article = read_article("-")
    assert (article.id, article.title, article.text) == ("k1", "Tears", "Kim cried.")


def test_json_object_without_text_is_malformed(stdin):
    stdin(b'{"title": "Tears"}\n')
    with pytest.raises(MalformedInputError, match="no 'text' field"):
        read_article("-")


def test_html(stdin, fixtures_dir):
    stdin((fixtures_dir / "ingest" / "harbour_page.html").read_bytes())
    article = read_article("-")
    assert article.outlet == "The Marlow Courier" and "Subscribe" not in article.text


def test_jsonl_stream(stdin):
    stdin(b'{"id": "a", "text": "One."}\n{"text": "Two."}\n{"text": 3}\n')
    items = list(read_inputs("-"))
    assert [item.name for item in items] == ["a", "stdin:2", "stdin:3"]
    assert items[1].article.text == "Two." and items[1].origin == "<stdin>:2"
    assert "'text' must be a string" in items[2].error.message


def test_text_that_starts_with_a_json_line_is_not_jsonl(stdin):
    stdin(b'{"text": "One."}\nNot JSON at all.\n')
    with pytest.raises(MalformedInputError, match="invalid JSON"):
        read_article("-")


def test_empty_stdin(stdin):
    stdin(b"")
    with pytest.raises(EmptyInputError):
        read_article("-")


def test_long_stdin_is_read_up_to_the_limit(stdin):
    stdin(b"The mayor said so. " * 10)
    item = read_item("-", limits=InputLimits(markup_bytes=30))
    assert item.article.text == "The mayor said so. The mayor s"
    assert item.warnings == (
        "only the first 30 bytes of standard input were read (the read limit)",
    )
