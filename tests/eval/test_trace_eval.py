"""`newstrace eval trace` reads a labelled folder as well as a file, and refuses what it
cannot read with a clear error."""

from __future__ import annotations

import json

import pytest

from newstrace.errors import DataError
from newstrace.eval import evaluate

ARTICLES = [
    {
        "id": "a1",
        "story": "bridge",
        "origin": "a1",
        "published": "2026-03-01",
        "title": "Harbour bridge to close for repairs",
        "text": "The Harbour bridge will close for six weeks from May, the city council said "
        "on Monday. Engineers found cracks in two of its supports, officials said.",
    },
    {
        "id": "a2",
        "story": "bridge",
        "origin": "a1",
        "published": "2026-03-02",
        "title": "Harbour bridge shut for repairs",
        "text": "The Harbour bridge will close for six months from May, the city council "
        "said. Engineers found cracks in two of its supports.",
    },
]
DRIFT = {
    "story": "bridge",
    "article_id": "a2",
    "derivative_phrase": "six months",
    "earlier_id": "a1",
    "earlier_phrase": "six weeks",
    "drift_type": "detail_changed",
}


def _write(path, rows):
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")


def test_a_folder_is_read_as_its_articles_and_drift_files(tmp_path):
    _write(tmp_path / "articles.jsonl", ARTICLES)
    _write(tmp_path / "drift.jsonl", [DRIFT])
    metrics = evaluate("trace", tmp_path)
    assert metrics["articles"] == 2
    assert "drift_typed_f1" in metrics  # the drift file beside the articles was read


def test_a_folder_without_articles_is_a_clear_error(tmp_path):
    with pytest.raises(DataError, match="articles.jsonl"):
        evaluate("trace", tmp_path)


def test_a_binary_file_is_a_clear_error(tmp_path):
    (tmp_path / "corpus.jsonl").write_bytes(b"\xff\xfe\x00\x81binary")
    with pytest.raises(DataError, match="UTF-8"):
        evaluate("trace", tmp_path / "corpus.jsonl")


def test_a_drift_line_may_give_its_phrase_by_offset_and_a_wrong_one_is_refused(tmp_path):
    from newstrace.eval.trace import _read_drift

    text = "Police said two men were hurt. Later, police said two men were hurt badly."
    gold = {"a2": {**ARTICLES[1], "text": text}}
    second = text.rindex("two men")
    path = tmp_path / "drift.jsonl"
    line = {**DRIFT, "derivative_phrase": "two men", "start": second}
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    [read] = _read_drift(path, gold)
    assert (read["start"], read["end"]) == (second, second + len("two men"))
    path.write_text(json.dumps({**line, "start": second + 1}) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match="phrase not found"):
        _read_drift(path, gold)
