"""Directories: every supported file, recursively, in a fixed order; nothing skipped silently."""

from __future__ import annotations

import json

import pytest

from newstrace.errors import EmptyInputError, InputError, UnsupportedInputError
from newstrace.ingest import read_article, read_inputs, read_item


@pytest.fixture
def folder(tmp_path, fixtures_dir):
    root = tmp_path / "corpus"
    (root / "b-sub").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / ".git" / "HEAD").write_text("ref: main")
    (root / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (root / "z.txt").write_text("The mayor said the bridge would reopen.")
    (root / "a.TXT").write_text("Engineers were less sure.")
    (root / "notes.pdf").write_bytes(b"%PDF-1.4")
    (root / "b-sub" / "z.txt").write_text("A second story with the same stem.")
    (root / "b-sub" / "page.htm").write_bytes(
        (fixtures_dir / "ingest" / "harbour_page.html").read_bytes()
    )
    (root / "b-sub" / "more.jsonl").write_text(
        json.dumps({"id": "j1", "text": "One."}) + "\n" + json.dumps({"text": "Two."}) + "\n"
    )
    (root / "b-sub" / "one.json").write_text(json.dumps({"text": "Three."}))
    return root


def test_every_file_in_a_fixed_order_with_unique_names(folder):
    items = list(read_inputs(folder))
    assert [item.name for item in items] == [
        "a", "notes", "z", "j1", "more:2", "one", "page", "z-2",
    ]  # fmt: skip
    assert [item.article.id for item in items if item.article] == [
        "a", "z", "j1", "more:2", "one", "page", "z-2",
    ]  # fmt: skip


def test_unsupported_files_are_reported(folder):
    (notes,) = [item for item in read_inputs(folder) if item.error]
    assert notes.origin == str(folder / "notes.pdf")
    assert isinstance(notes.error, UnsupportedInputError)
    assert notes.error.code == "E107"
    assert "unsupported file type '.pdf'" in notes.error.message


def test_read_article_wants_exactly_one(folder, tmp_path):
    with pytest.raises(InputError, match="more than one article"):
        read_article(folder)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(EmptyInputError, match="no article"):
        read_item(empty)
