"""decode_bytes and truncate_text on their own: encodings, partial reads, cut points."""

from __future__ import annotations

import pytest

from newstrace.errors import BinaryInputError, EncodingError
from newstrace.ingest import decode_bytes, truncate_text


def test_utf8_needs_no_warning():
    assert decode_bytes("São Paulo — 北朝鮮".encode()) == (
        "São Paulo — 北朝鮮",
        (),
    )


def test_declared_encoding_is_used_before_guessing():
    data = "naïve café".encode("cp1252")
    assert decode_bytes(data, declared="windows-1252") == ("naïve café", ())


def test_unknown_declared_encoding_falls_back_to_a_guess():
    text, warnings = decode_bytes("café crème".encode("cp1252"), declared="no-such")
    assert text == "café crème" and warnings


def test_cp1252_quotes_are_guessed_as_cp1252():
    text, warnings = decode_bytes("He said “no” — twice.".encode("cp1252"))
    assert text == "He said “no” — twice."
    assert warnings == ("not valid UTF-8; decoded as cp1252 (a guess by charset-normalizer)",)


def test_cyrillic_single_byte_is_guessed():
    text, _ = decode_bytes("Москва заявила.".encode("cp1251"))
    assert text.startswith("Москва")


def test_partial_data_drops_an_incomplete_last_character():
    data = "café".encode()[:-1]
    assert decode_bytes(data, partial=True) == ("caf", ())


def test_bad_utf16_after_a_bom_is_an_encoding_error():
    with pytest.raises(EncodingError, match="UTF-16"):
        decode_bytes(b"\xff\xfe" + b"a\x00\x00\xdc")  # a lone low surrogate


def test_binary_is_refused_before_decoding():
    with pytest.raises(BinaryInputError, match="PDF"):
        decode_bytes(b"%PDF-1.4 rest")


@pytest.mark.parametrize(
    ("text", "limit", "kept"),
    [
        ("First para.\n\nSecond para here.", 20, "First para.\n\n"),
        ("Line one\nline two and more", 14, "Line one\n"),
        ("One sentence. Another one follows", 20, "One sentence. "),
        ("wordy words wording", 14, "wordy words "),
        ("abcdefghij", 4, "abcd"),
        ("ab\r\ncdef", 3, "ab"),
    ],
)
def test_truncation_prefers_paragraph_line_sentence_then_word_ends(text, limit, kept):
    cut, warning = truncate_text(text, limit, window=limit)
    assert cut == kept
    assert warning == (
        f"text truncated from {len(text)} to {len(kept)} characters (limit {limit})",
    )


def test_short_text_is_not_truncated():
    text = "Kim cried."
    kept, warnings = truncate_text(text, 100)
    assert kept is text and warnings == ()
