"""Attributions a page's layout makes (``analyze/attribution/layouts.py``)."""

from __future__ import annotations

from newstrace.analyze.attribution.layouts import (
    headline_credits,
    layout_attributions,
    signed_quotes,
    transcript_turns,
)


def _roles(text: str) -> list[tuple[str, str, str]]:
    return [(a.source.text, a.cue.text, a.content.text) for a in signed_quotes(text)]


def test_each_signed_line_is_an_attribution_to_the_name_after_the_dash():
    text = (
        "Readers told us what the closure means to them.\n\n"
        "“The ferry is how my children get to school.” ― Mairi Lennox\n"
        "“Nobody asked the island.”\u00a0— Tam R. Gillies.\n\n"
        "The council meets on Monday."
    )
    assert _roles(text) == [
        ("Mairi Lennox", "―", "“The ferry is how my children get to school.”"),
        ("Tam R. Gillies", "—", "“Nobody asked the island.”"),
    ]


def test_a_dash_in_running_prose_or_after_a_sentence_is_no_signature():
    text = (
        "The plan ― a costly one ― failed.\n"
        "He called it “a lifeline” — and the council agreed.\n"
        "“It will close,” she said — Harbour Trust minutes\n"
    )
    assert _roles(text) == []


def test_an_interview_transcript_gives_each_turn_to_its_speaker():
    text = (
        "The interview, in part:\n\n"
        "MORAG KEIR: Will the ferry run next winter?\n\n"
        '"ALDERTON: It will, if the council pays for the pier.\n\n'
        "KEIR: And if it does not?"
    )
    assert [(a.source.text, a.cue.text, a.content.text) for a in transcript_turns(text)] == [
        ("MORAG KEIR", ":", "Will the ferry run next winter?"),
        ("ALDERTON", ":", "It will, if the council pays for the pier."),
        ("KEIR", ":", "And if it does not?"),
    ]


def test_headings_in_capitals_are_no_speakers():
    police_log = (
        "BURGLARY: A shed was entered on Mill Road.\n\n"
        "BURGLARY: Tools were taken from a van.\n\n"
        "ARREST: A man was held after a fight."
    )
    assert transcript_turns(police_log) == []
    one_correction = "CORRECTION: An earlier version gave the wrong date.\n\nThe pier opens."
    assert transcript_turns(one_correction) == []


def test_a_headline_opened_by_who_says_it_and_a_colon_credits_its_line():
    text = (
        "Police: Man shot in leg on Pier Road\n\n"
        "Video: Man shot in leg on Pier Road\n"
        "Source: Dover Courier\n"
        "Update: The road has reopened\n"
        "A man was shot in the leg on Monday. The harbour master: he saw it."
    )
    assert [(a.source.text, a.content.text) for a in headline_credits(text)] == [
        ("Police", "Man shot in leg on Pier Road")
    ]
    assert [a.source.text for a in layout_attributions(text)] == ["Police"]
