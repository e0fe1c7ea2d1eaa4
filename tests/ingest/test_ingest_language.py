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


# --- passages in another language (the sentences below are written for these tests) ----------

from newstrace.ingest import foreign_passages  # noqa: E402

ENGLISH = (
    "The harbour board of Pellin voted on Tuesday to close the swing bridge for repairs.",
    "Engineers told the board that the steel deck had corroded faster than expected.",
)
GERMAN = (
    "Die Brücke bleibt bis zum Frühjahr gesperrt, weil die Reparatur länger dauert als geplant."
)
FRENCH = "Le conseil municipal a promis de rouvrir le pont avant la fin de l'été prochain."


def _passages(text):
    return [(text[p.span.start : p.span.end], p.language) for p in foreign_passages(text)]


def test_a_german_paragraph_in_an_english_article_is_found_at_its_offsets():
    text = f"{ENGLISH[0]}\n\n{GERMAN}\n\n{ENGLISH[1]}"
    (passage,) = foreign_passages(text)
    assert (passage.span.text, passage.language) == (GERMAN, "de")
    assert text[passage.span.start : passage.span.end] == GERMAN
    assert 0.5 <= passage.confidence <= 1.0


def test_a_french_paragraph_is_named_french():
    assert _passages(f"{ENGLISH[0]}\n{FRENCH}\n{ENGLISH[1]}") == [(FRENCH, "fr")]


def test_an_english_article_with_short_lines_has_no_foreign_passage():
    text = "\n".join(
        ["By Mara Quell", "Photo: Pellin Gazette", *ENGLISH, "Tags: bridge, harbour, Pellin"]
    )
    assert foreign_passages(text) == []


def test_a_line_too_short_to_judge_is_left_alone():
    assert foreign_passages(f"{ENGLISH[0]}\n\nDanke schön, Pellin!\n\n{ENGLISH[1]}") == []


def test_neighbouring_paragraphs_in_one_language_are_one_passage():
    second = "Der Bürgermeister sagte, die Stadt werde die Kosten für die Fähre übernehmen."
    text = f"{ENGLISH[0]}\n\n{GERMAN}\n\nFoto: dpa\n\n{second}\n\n{ENGLISH[1]}"
    (passage,) = foreign_passages(text)
    assert passage.language == "de"
    assert passage.span.text == text[text.index(GERMAN) : text.index(second) + len(second)]


def test_foreign_sentences_inside_a_long_english_paragraph_are_found():
    paragraph = " ".join([*ENGLISH, GERMAN, *ENGLISH, *ENGLISH])
    assert len(paragraph) > 400  # judged in runs of sentences, not whole
    (passage,) = foreign_passages(paragraph)
    assert passage.language == "de" and GERMAN in passage.span.text
    assert ENGLISH[1] not in passage.span.text.replace(GERMAN, "")[: len(ENGLISH[1]) + 40]


def test_offsets_count_from_the_text_as_given():
    text = f"  {ENGLISH[0]}\r\n\r\n   {GERMAN}  \r\n"
    (passage,) = foreign_passages(text)
    assert (passage.span.start, passage.span.text) == (text.index(GERMAN), GERMAN)


def test_another_article_language_turns_the_question_around():
    assert _passages(f"{GERMAN}\n{ENGLISH[0]}") == [(GERMAN, "de")]
    found = foreign_passages(f"{GERMAN}\n{ENGLISH[0]}", language="de")
    assert [p.span.text for p in found] == [ENGLISH[0]]


@pytest.mark.parametrize("text", ["", "\n\n", "2024-03-14 12:00\n\n!!!"])
def test_text_without_passages(text):
    assert foreign_passages(text) == []


def test_english_between_two_foreign_paragraphs_keeps_them_apart():
    text = f"{GERMAN}\n\n{ENGLISH[0]} {ENGLISH[1]}\n\n{GERMAN}\n\n{ENGLISH[1]} {ENGLISH[0]}"
    assert _passages(text) == [(GERMAN, "de"), (GERMAN, "de")]
