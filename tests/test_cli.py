"""The command line end to end: formats, batches with bad inputs, exit codes."""

from __future__ import annotations

import json

import jsonschema
import pytest

from newstrace.cli import main
from newstrace.serialize import json_schema

ARTICLE = (
    "Harbour officials said on Monday that the ferry to Gull Island would stop running in "
    "June. The island's council reportedly fears the decision could empty the village. "
    "Ferry tickets had already doubled in price last year.\n"
)
FRENCH = (
    "Le conseil municipal a annoncé lundi que le ferry vers l'île ne circulera plus en juin. "
    "Les habitants craignent que le village se vide complètement avant l'hiver prochain.\n"
)


def _write(tmp_path, name: str, data: str | bytes):
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def test_json_format_is_a_claims_document(tmp_path, capsys):
    path = _write(tmp_path, "ferry.txt", ARTICLE)
    assert main(["analyze", str(path), "--format", "json"]) == 0
    ledger = json.loads(capsys.readouterr().out)
    jsonschema.validate(ledger, json_schema())
    assert ledger["schema"] == "newstrace.claims/1"
    sources = {c["attribution"]["source"]["name"] for c in ledger["claims"]}
    assert "Harbour officials" in sources
    for claim in ledger["claims"]:
        span = claim["span"]
        assert ARTICLE[span["start"] : span["end"]] == span["text"]


def test_text_format_shows_chains_and_cues(tmp_path, capsys):
    path = _write(tmp_path, "ferry.txt", ARTICLE)
    assert main(["analyze", str(path), "--format", "text"]) == 0
    out = capsys.readouterr().out
    assert "Harbour officials" in out and "reportedly" in out


@pytest.mark.parametrize(
    ("name", "data", "code", "exit_code"),
    [
        ("empty.txt", "  \n\t ", "E102", 2),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "E103", 2),
        ("french.txt", FRENCH, "E106", 3),
        ("broken.json", '{"id": "a1", "text": "unterminated', "E105", 2),
    ],
)
def test_bad_single_input_fails_clearly(tmp_path, capsys, name, data, code, exit_code):
    path = _write(tmp_path, name, data)
    assert main(["analyze", str(path)]) == exit_code
    assert code in capsys.readouterr().err


def test_missing_input_is_reported(tmp_path, capsys):
    assert main(["analyze", str(tmp_path / "nowhere.txt")]) == 2
    assert "E101" in capsys.readouterr().err


def test_batch_keeps_going_and_indexes_every_input(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _write(corpus, "ferry.txt", ARTICLE)
    _write(corpus, "empty.txt", "")
    _write(corpus, "french.txt", FRENCH)
    out = tmp_path / "out"
    assert main(["analyze", str(corpus), "-o", str(out), "--format", "json"]) == 1
    index = json.loads((out / "index.json").read_text())
    status = {row["name"]: row["status"] for row in index["inputs"]}
    assert status == {"empty": "error", "ferry": "ok", "french": "error"}
    assert json.loads((out / "ferry.json").read_text())["claims"]


def test_unknown_eval_task_is_an_error(tmp_path, capsys):
    assert main(["eval", "telepathy", "--data", str(tmp_path)]) == 2
    assert "unknown task" in capsys.readouterr().err


@pytest.mark.parametrize(
    "command",
    [
        ["analyze", "{folder}"],
        ["analyze", "{folder}", "-o", "{out}"],
        ["trace", "{folder}", "-o", "{out}"],
    ],
)
def test_a_folder_without_articles_is_an_error_not_an_empty_success(tmp_path, capsys, command):
    folder = tmp_path / "nothing-here"
    folder.mkdir()
    args = [part.format(folder=folder, out=tmp_path / "out") for part in command]
    assert main(args) == 2
    assert "E102" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("task", "content"),
    [("certainty", b"\xa4\x00\xff binary"), ("grouping", b"not json at all"), ("weasel", None)],
)
def test_eval_data_it_cannot_read_is_a_clear_error(tmp_path, capsys, task, content):
    data = tmp_path / "data"
    if content is None:
        data.mkdir()  # a folder where the task reads one file
    else:
        data.write_bytes(content)
    assert main(["eval", task, "--data", str(data)]) == 2
    assert "E300" in capsys.readouterr().err
