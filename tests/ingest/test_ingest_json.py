"""JSON articles: the fields newstrace knows, and precise errors for everything else."""

from __future__ import annotations

import json

import pytest

from newstrace.errors import EmptyInputError, InputError, MalformedInputError
from newstrace.ingest import InputLimits, read_article, read_item
from newstrace.model import Article

FULL = {
    "id": "courier-0042",
    "url": "https://www.marlow-courier.example/news/ferry",
    "outlet": "The Marlow Courier",
    "published": "2024-03-15",
    "title": "Ferry to replace bridge",
    "lang": "en",
    "text": "A temporary ferry will run from Monday, the council said.\r\n",
    "section": "local",
}


def _write(tmp_path, content: str, name: str = "story.json"):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def test_all_fields_are_read_and_unknown_ones_ignored(tmp_path):
    item = read_item(_write(tmp_path, json.dumps(FULL)))
    fields = {k: v for k, v in FULL.items() if k != "section"}
    assert item.article == Article(**fields)
    assert item.name == "courier-0042"


def test_only_text_is_required_and_a_numeric_id_becomes_a_string(tmp_path):
    assert read_article(_write(tmp_path, '{"text": "Kim cried."}')).id == "story"
    assert read_article(_write(tmp_path, '{"id": 7, "text": "Kim cried."}')).id == "7"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            '{"id": "a",\n "text": "x",,\n}',
            "invalid JSON at line 2, column 14: Expecting property name enclosed in double quotes",
        ),
        ('{"id": "a"}', "no 'text' field"),
        ('{"text": ["Kim", "cried"]}', "'text' must be a string, got an array"),
        ('{"text": "Kim cried.", "title": 5}', "'title' must be a string, got a number"),
        ('[{"text": "Kim cried."}]', "expected a JSON object with a 'text' field, got an array"),
    ],
)
def test_malformed_json_says_where_and_what(tmp_path, content, message):
    path = _write(tmp_path, content)
    with pytest.raises(MalformedInputError) as raised:
        read_article(path)
    assert message in raised.value.message and str(path) in raised.value.message
    assert raised.value.code == "E105"


def test_empty_text_field(tmp_path):
    with pytest.raises(EmptyInputError, match="'text' is empty"):
        read_article(_write(tmp_path, '{"text": "  \\n "}'))


def test_oversized_json_is_refused_not_cut(tmp_path):
    path = _write(tmp_path, json.dumps({"text": "word " * 100}))
    with pytest.raises(InputError, match="at most 100 bytes"):
        read_article(path, limits=InputLimits(markup_bytes=100))
