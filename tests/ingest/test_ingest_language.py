"""Offline language identification on the start of a text."""

from __future__ import annotations

import pytest

from newstrace.ingest import detect_language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The defector said the video surfaced in April, according to the newspaper.", "en"),
        ("Le transfuge a déclaré que la vidéo était apparue en avril.", "fr"),
        ("Der Überläufer sagte, das Video sei im April aufgetaucht.", "de"),
        ("北朝鮮の指導者が泣いている動画が出回っている。", "ja"),
    ],
)
def test_detects_the_language_with_confidence(text, language):
    code, confidence = detect_language(text)
    assert code == language and 0.5 < confidence <= 1.0


def test_only_the_start_is_read():
    code, _ = detect_language("The mayor said the bridge would reopen. " * 200 + "Le maire " * 5000)
    assert code == "en"


@pytest.mark.parametrize("text", ["", "   ", "12345 !!! 2024-03-14"])
def test_text_without_letters_is_undetermined(text):
    assert detect_language(text) == ("und", 0.0)
