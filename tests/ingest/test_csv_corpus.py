"""CSV corpora: streamed, one item a row, bad rows failing alone, the header checked once."""

from __future__ import annotations

import csv

import pytest

from newstrace.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputTooLargeError,
    MalformedInputError,
)
from newstrace.ingest import InputLimits, read_inputs

HEADER = "title,text,id,outlet,url,published,lang,notes\r\n"


def _corpus(tmp_path, body: str, name: str = "corpus.csv", encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(body.encode(encoding))
    return path


@pytest.fixture
def restore_field_limit():
    limit = csv.field_size_limit()
    yield
    csv.field_size_limit(limit)


def test_rows_become_articles_with_their_metadata(tmp_path):
    path = _corpus(
        tmp_path,
        HEADER + "Ferry resumes,The Quillmere ferry will resume on Monday.,q1,Harbour Post,"
        "https://harbour-post.example/ferry,2031-05-02,en,ignored\r\n"
        + ",Officials in Brantwick denied the report.,,,,,,\r\n",
    )
    first, second = read_inputs(path)
    assert first.name == "q1" and first.origin == f"{path}:2" and first.warnings == ()
    assert first.article.text == "The Quillmere ferry will resume on Monday."
    assert first.article.title == "Ferry resumes"
    assert first.article.outlet == "Harbour Post"
    assert first.article.url == "https://harbour-post.example/ferry"
    assert (first.article.published, first.article.lang) == ("2031-05-02", "en")
    assert second.name == "corpus:3" and second.article.id == "corpus:3"
    assert second.article.title is None and second.article.url is None  # empty cells


def test_only_text_is_required_and_columns_match_loosely(tmp_path):
    path = _corpus(tmp_path, " Text ,Extra\nA short note about the Lindqvist bridge.,x\n")
    (item,) = read_inputs(path)
    assert item.article.text == "A short note about the Lindqvist bridge."
    assert item.name == "corpus:2"


def test_a_bad_row_fails_alone(tmp_path):
    path = _corpus(
        tmp_path,
        "id,text\n"
        "a1,The mayor said the bridge would reopen.\n"
        "a2,too,many,fields\n"
        "a3,\n"
        'a4,"He said "soon" twice"\n'
        "a5,Engineers were less sure.\n",
    )
    items = list(read_inputs(path))
    assert [item.name for item in items] == ["a1", "corpus:3", "corpus:4", "corpus:5", "a5"]
    assert [item.origin for item in items] == [f"{path}:{n}" for n in range(2, 7)]
    too_many, empty, bad_quote = (item.error for item in items[1:4])
    assert isinstance(too_many, MalformedInputError) and too_many.code == "E105"
    assert too_many.message.startswith(f"{path}:3: the row has 4 fields but the header has 2")
    assert isinstance(empty, EmptyInputError) and "'text' is empty" in empty.message
    assert isinstance(bad_quote, MalformedInputError)
    assert bad_quote.message.startswith(f"{path}:5: the row is not valid CSV")
    assert items[4].article.text == "Engineers were less sure."


def test_quoted_fields_keep_newlines_commas_and_quotes(tmp_path):
    text = 'Para one, with a comma.\r\n\r\nPara two says "hello".'
    path = _corpus(
        tmp_path,
        'id,text\r\nm1,"Para one, with a comma.\r\n\r\nPara two says ""hello""."\r\n,Next.\r\n',
    )
    first, second = read_inputs(path)
    assert first.article.text == text  # exactly as given, \r\n included
    assert second.name == "corpus:5" and second.origin == f"{path}:5"  # the line it starts on


def test_a_file_without_text_column_is_one_failed_item(tmp_path):
    path = _corpus(tmp_path, "id,title,body\n1,T,Some words.\n2,U,More words.\n")
    (item,) = read_inputs(path)
    assert item.name == "corpus" and item.origin == str(path)
    assert isinstance(item.error, MalformedInputError)
    assert "no 'text' column (its header: id, title, body)" in item.error.message


def test_other_delimiters_get_a_hint(tmp_path):
    path = _corpus(tmp_path, "id;text\n1;Some words.\n")
    (item,) = read_inputs(path)
    assert "separated by ';', but newstrace reads commas" in item.error.message


def test_a_column_named_twice_is_refused(tmp_path):
    path = _corpus(tmp_path, "text,TEXT\na,b\n")
    (item,) = read_inputs(path)
    assert "names the 'text' column twice" in item.error.message


def test_utf8_bom_is_dropped_and_utf16_is_refused(tmp_path):
    marked = _corpus(tmp_path, "id,text\nb1,The caf\u00e9 reopened.\n", "marked.csv", "utf-8-sig")
    (item,) = read_inputs(marked)
    assert item.name == "b1" and item.article.text == "The caf\u00e9 reopened."
    wide = _corpus(tmp_path, "id,text\nw1,Some words.\n", "wide.csv", "utf-16")
    (item,) = read_inputs(wide)
    assert isinstance(item.error, EncodingError) and item.error.code == "E104"
    assert "must be UTF-8, this one is utf-16" in item.error.message


def test_a_row_that_is_not_utf8_fails_alone(tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_bytes(b"id,text\nc1,The caf\xe9 reopened.\nc2,Plain words.\n")
    first, second = read_inputs(path)
    assert isinstance(first.error, EncodingError)
    assert first.error.message == (
        f"{path}:2: the row is not valid UTF-8 (byte 0xe9); re-save the CSV file as UTF-8"
    )
    assert second.article.text == "Plain words."


def test_a_binary_file_is_one_failed_item(tmp_path):
    path = tmp_path / "sheet.csv"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    (item,) = read_inputs(path)
    assert isinstance(item.error, BinaryInputError) and "ZIP archive" in item.error.message


def test_a_field_over_the_limit_fails_its_row_only(tmp_path, restore_field_limit):
    long_line = "word " * 20
    long_field = "\n".join(["line of words"] * 6)
    path = _corpus(
        tmp_path,
        f'id,text\nx1,{long_line}\nx2,Short one.\nx3,"{long_field}"\nx4,Fine.\n'
        f'x5,"Opening line\n{long_line}\nclosing line"\nx6,Last.\n',
    )
    items = list(read_inputs(path, limits=InputLimits(markup_bytes=40)))
    assert [item.name for item in items] == ["corpus:2", "x2", "corpus:4", "x4", "corpus:11", "x6"]
    assert all(isinstance(items[n].error, InputTooLargeError) for n in (0, 2, 4))
    assert "the line is longer than 40 bytes" in items[0].error.message
    assert "a field is longer than 40 characters" in items[2].error.message
    assert items[5].origin == f"{path}:14"


def test_long_texts_fit_under_the_raised_field_limit(tmp_path, restore_field_limit):
    text = "The council met again. " * 10_000  # far over the csv module's default 131,072
    path = _corpus(tmp_path, f"text\n{text}\n")
    (item,) = read_inputs(path)
    assert item.article.text == text


def test_rows_are_read_one_at_a_time(tmp_path):
    path = _corpus(tmp_path, "text\nStory 0.\n")
    items = read_inputs(path)
    assert next(items).article.text == "Story 0."
    with path.open("a", encoding="utf-8") as more:  # rows the reader cannot have seen yet
        more.write("".join(f"Story {n}.\n" for n in range(1, 5)))
    assert [item.article.text for item in items] == [f"Story {n}." for n in range(1, 5)]


def test_empty_files_and_blank_rows_give_no_items(tmp_path):
    assert list(read_inputs(_corpus(tmp_path, "", "empty.csv"))) == []
    assert list(read_inputs(_corpus(tmp_path, "id,text\n", "header.csv"))) == []
    blanks = _corpus(tmp_path, "id,text\n\n,\nk1,Words.\n", "blanks.csv")
    assert [item.name for item in read_inputs(blanks)] == ["k1"]
