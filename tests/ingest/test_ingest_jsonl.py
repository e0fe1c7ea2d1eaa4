"""JSONL corpora: streamed, one item a line, bad lines failing alone."""

from __future__ import annotations

import io
import json

from newstrace.errors import BinaryInputError, EncodingError, InputError, MalformedInputError
from newstrace.ingest import InputLimits, read_inputs
from newstrace.ingest.jsonl import capped_lines


def _corpus(tmp_path, lines: list[str], name: str = "corpus.jsonl"):
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_one_bad_line_fails_alone(tmp_path):
    path = _corpus(
        tmp_path,
        [
            json.dumps({"id": "a1", "text": "The mayor said the bridge would reopen."}),
            '{"id": "a2", "text": "Unterminated',
            "",
            json.dumps({"text": "Officials denied the report."}),
            json.dumps({"id": "a4", "title": "No text here"}),
        ],
    )
    items = list(read_inputs(path))
    assert [item.name for item in items] == ["a1", "corpus:2", "corpus:4", "corpus:5"]
    assert [item.origin for item in items] == [f"{path}:{n}" for n in (1, 2, 4, 5)]
    assert items[0].article.text == "The mayor said the bridge would reopen."
    assert isinstance(items[1].error, MalformedInputError)
    assert items[1].error.message.startswith(f"{path}:2: invalid JSON at column ")
    assert items[2].article.id == "corpus:4"
    assert "no 'text' field" in items[3].error.message


def test_repeated_ids_are_made_unique(tmp_path):
    path = _corpus(tmp_path, [json.dumps({"id": "x", "text": f"Story {n}."}) for n in range(3)])
    items = list(read_inputs(path))
    assert [item.name for item in items] == ["x", "x-2", "x-3"]
    assert [item.article.id for item in items] == ["x", "x", "x"]  # the given id is kept


def test_lines_are_read_one_at_a_time(tmp_path):
    path = _corpus(tmp_path, [json.dumps({"text": "Story 0."})])
    items = read_inputs(path)
    assert next(items).article.text == "Story 0."
    with path.open("a", encoding="utf-8") as more:  # lines the reader cannot have seen yet
        more.writelines(json.dumps({"text": f"Story {n}."}) + "\n" for n in range(1, 5))
    assert [item.article.text for item in items] == [f"Story {n}." for n in range(1, 5)]


def test_an_overlong_line_fails_without_being_held_in_memory(tmp_path):
    path = _corpus(
        tmp_path,
        [json.dumps({"text": "word " * 50}), json.dumps({"text": "Short one."})],
    )
    first, second = read_inputs(path, limits=InputLimits(markup_bytes=40))
    assert isinstance(first.error, InputError) and "longer than 40 bytes" in first.error.message
    assert second.article.text == "Short one."


def test_capped_lines_skips_the_rest_of_a_long_line():
    stream = io.BytesIO(b"a" * 100 + b"\nshort\n")
    assert list(capped_lines(stream, 10)) == [b"a" * 11, b"short\n"]


def test_binary_or_utf16_jsonl_is_one_failed_item(tmp_path):
    png = tmp_path / "images.jsonl"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    wide = tmp_path / "wide.jsonl"
    wide.write_bytes('{"text": "Kim cried."}\n'.encode("utf-16"))
    (item,) = read_inputs(png)
    assert isinstance(item.error, BinaryInputError) and "PNG" in item.error.message
    (item,) = read_inputs(wide)
    assert isinstance(item.error, EncodingError) and "UTF-8" in item.error.message


def test_empty_corpus_has_no_items(tmp_path):
    path = tmp_path / "empty.jsonl"
    path.write_bytes(b"\n\n")
    assert list(read_inputs(path)) == []
