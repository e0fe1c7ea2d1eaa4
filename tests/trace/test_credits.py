"""Crediting constructions in an article's own words: which names are credited, which not."""

from __future__ import annotations

import pytest

from newstrace.trace.credits import credited_names


def names(text: str, skip=()) -> set[str]:
    return {name for name, _ in credited_names(text, skip)}


@pytest.mark.parametrize(
    ("text", "credited"),
    [
        ("Dr Ana Brisk told the Mail on Sunday: 'It worked.'", "Mail on Sunday"),
        ("That's right, Pelvox reports that the ferry is late.", "Pelvox"),
        ("According to a report in Harbour Times on Sunday, the pier shut.", "Harbour Times"),
        ("KERRAN, Ont. (KVLT) - A fire broke out on Monday.", "KVLT"),
        ("time: source: Gullwing\n\nThe storm passed.", "Gullwing"),
        ("The story was first published by satire news site Glimmer.com last week.", "Glimmer.com"),
        ("Bram Tell, a student, spoke to Local 12 about the noise.", "Local 12"),
        (
            "The claim was repeated, according to the Royal Society of Tides.",
            "Royal Society of Tides",
        ),
        ("As Crane Weekly's Ola Marsh discusses in her column, it may not last.", "Crane Weekly"),
        ('"It will pass," reported The Valley Herald.', "Valley Herald"),
        ("Copyright 2016 The Associated Press. All rights reserved.", "Associated Press"),
        ("By MARA VOSS, Associated Press\n\nThe council met.", "Associated Press"),
        ("The News Tribune of Kellport reports that two were hurt.", "News Tribune"),
    ],
)
def test_a_crediting_construction_names_the_outlet(text, credited):
    assert credited in names(text)


@pytest.mark.parametrize(
    "text",
    [
        # people and bodies that speak are sources, not publications credited
        "Professor Jeremy Stoll ran the trial. Stoll said the results were dramatic.",
        "Officers arrived, according to the Brannock Police Department.",
        "The Department of Tidal Studies said the study was small.",
        "Scientists at Kellport said the model is new. Kellport reports are due in May.",
        # a capitalised word at a sentence start proves nothing
        "The street was closed. Neighbors reported hearing shots.",
        "A student told Fenwick that the pier was shut. Ada Fenwick is a teacher.",
    ],
)
def test_sources_that_speak_and_capitalised_words_are_not_credited(text):
    assert names(text) == set()


def test_credits_in_page_chrome_are_skipped_unless_a_credit_line():
    text = "MORE NEWS\nGullwing reports the pier is shut.\n(c) 2019 The Associated Press"
    chrome = [(0, 9), (10, len("MORE NEWS\nGullwing reports the pier is shut.")), (45, len(text))]
    assert names(text, chrome) == {"Associated Press"}


def test_the_span_covers_the_crediting_words():
    text = "He told the Harbour Gazette: 'It worked.'"
    [(name, span)] = credited_names(text)
    assert name == "Harbour Gazette" and span.text == "told the Harbour Gazette"
