"""Plain-text files: read as is, refused clearly when empty, binary or undecodable."""

from __future__ import annotations

import gzip
import io
import zipfile

import pytest

from newstrace.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputNotFoundError,
)
from newstrace.ingest import (
    DEFAULT_LIMITS,
    InputLimits,
    read_article,
    read_inputs,
    read_item,
)

ARTICLE = (
    "The harbour bridge will stay closed until April, the council said on Tuesday.\r\n"
    "\r\n"
    "Engineers found cracks in two piers, according to a report seen by the Courier.\r\n"
)


def test_text_is_kept_exactly_with_crlf_and_named_by_stem(tmp_path):
    path = tmp_path / "bridge-story.txt"
    path.write_bytes(ARTICLE.encode("utf-8"))
    item = read_item(path)
    assert item.article.text == ARTICLE
    assert item.name == "bridge-story" and item.article.id == "bridge-story"
    assert item.origin == str(path) and item.warnings == ()


def test_utf8_bom_is_dropped(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"))
    assert read_article(path).text == ARTICLE


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom(tmp_path, encoding):
    bom = {"utf-16-be": b"\xfe\xff"}.get(encoding, b"")
    path = tmp_path / "wide.txt"
    path.write_bytes(bom + ARTICLE.encode(encoding))
    item = read_item(path)
    assert item.article.text == ARTICLE and item.warnings == ()


def test_latin1_is_guessed_with_a_warning(tmp_path):
    text = "The caf\u00e9 owner in S\u00e3o Paulo said the na\u00efve r\u00e9gime had failed."
    path = tmp_path / "latin.txt"
    path.write_bytes(text.encode("latin-1"))
    item = read_item(path)
    assert item.article.text == text
    assert len(item.warnings) == 1 and "cp1252" in item.warnings[0]


def test_missing_path_raises_at_once(tmp_path):
    with pytest.raises(InputNotFoundError, match="no such file"):
        read_inputs(tmp_path / "nowhere.txt")
    assert InputNotFoundError.code == "E101"


@pytest.mark.parametrize("content", [b"", b"   \r\n\t \n"])
def test_empty_and_whitespace_only(tmp_path, content):
    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    with pytest.raises(EmptyInputError):
        read_article(path)


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("story.txt", ARTICLE)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("content", "looks_like"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF document"),
        (_zip_bytes(), "ZIP archive"),
        (gzip.compress(ARTICLE.encode()), "gzip"),
        (b"Kim\x00cried\x00", "NUL bytes"),
        (bytes([1, 2, 3, 4, 5, 6, 7, 8]) * 20 + b"text", "control characters"),
    ],
)
def test_binary_files_are_refused_saying_what_they_look_like(tmp_path, content, looks_like):
    path = tmp_path / "story.txt"
    path.write_bytes(content)
    item = next(read_inputs(path))
    assert item.article is None
    assert isinstance(item.error, BinaryInputError)
    assert looks_like in item.error.message and str(path) in item.error.message


def test_undecodable_bytes(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(128, 256)) * 4)
    with pytest.raises(EncodingError, match="UTF-8"):
        read_article(path)


def test_huge_text_is_read_in_part_and_truncated_at_a_paragraph(tmp_path):
    paragraph = "The council said the bridge would reopen. Engineers were less sure.\n\n"
    path = tmp_path / "huge.txt"
    path.write_text(paragraph * (10_500_000 // len(paragraph)), encoding="utf-8")
    item = read_item(path)
    text = item.article.text
    limit = DEFAULT_LIMITS.text_chars
    assert limit - 60_000 < len(text) <= limit
    assert text.endswith("sure.\n\n")
    assert any(f"first {DEFAULT_LIMITS.text_bytes:,} of" in w for w in item.warnings)
    assert any(f"to {len(text):,} characters" in w for w in item.warnings)


def test_multibyte_character_cut_by_the_read_limit_is_dropped(tmp_path):
    path = tmp_path / "cut.txt"
    path.write_bytes("\u00e9\U0001f4f0".encode())  # 4 bytes read: é's 2, then 2 of 📰's 4
    item = read_item(path, limits=InputLimits(text_chars=1))
    assert item.article.text == "\u00e9"
    assert "only the first 4 of 6 bytes" in item.warnings[0]


def test_unknown_suffix_named_explicitly_is_sniffed(tmp_path):
    path = tmp_path / "story.md"
    path.write_text(ARTICLE, encoding="utf-8")
    assert read_article(path).text == ARTICLE


def test_a_directory_named_like_a_file_is_read_as_a_directory(tmp_path):
    path = tmp_path / "folder.txt"
    path.mkdir()
    (path / "inner.txt").write_text(ARTICLE)
    assert [item.name for item in read_inputs(path)] == ["inner"]


def test_binary_file_with_an_unknown_suffix_is_refused(tmp_path):
    path = tmp_path / "photo.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(BinaryInputError, match="PNG image"):
        read_article(path)


@pytest.mark.shared
def test_seed_article_reads_as_is(shared_path):
    path = shared_path("seed/000_2e3b3d9b51724c05.txt")
    item = read_item(path)
    assert item.article.text == path.read_bytes().decode("utf-8") and item.warnings == ()
