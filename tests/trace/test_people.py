"""People a version names, and the ages and spellings a retelling changes (fictional text)."""

from __future__ import annotations

from newstrace import Article, analyze
from newstrace.trace import drift, people

EARLIER = (
    "Police found 19-year-old Marek Vollan outside the Pellin ferry terminal. "
    "Dorit Ashgrove, 42, said she heard three shots. "
    "Harbour Chief Ilse Brandvik said the terminal would reopen on Monday."
)


def _changes(later: str, earlier: str = EARLIER) -> list[tuple[str, str, str]]:
    return [
        (c.what, later[c.later.start : c.later.end], earlier[c.earlier.start : c.earlier.end])
        for c in people.changes(later, earlier)
    ]


def test_names_come_with_the_age_beside_them_and_without_titles():
    found = {(m.first, m.surname, m.age) for m in people.mentions(EARLIER)}
    assert ("Marek", "Vollan", "19") in found
    assert ("Dorit", "Ashgrove", "42") in found
    assert ("Ilse", "Brandvik", None) in found


def test_a_changed_age_and_a_changed_spelling_are_found():
    later = "Marek Vollan, 20, was found outside the terminal. Doritt Ashgrove heard shots."
    assert _changes(later) == [
        ("age", "Marek Vollan, 20", "19-year-old Marek Vollan"),
        ("spelling", "Doritt Ashgrove", "Dorit Ashgrove, 42"),
    ]


def test_a_surname_spelt_otherwise_is_a_changed_spelling_but_a_possessive_is_not():
    later = "Police found Marek Vollen outside the terminal."
    assert _changes(later) == [("spelling", "Marek Vollen", "19-year-old Marek Vollan")]
    assert _changes("Marek Vollan's family was told on Sunday.") == []
    # another person who shares the first name only
    assert _changes("Marek Brandt, the ferry's captain, saw nothing.") == []


def test_the_same_details_and_other_people_of_one_surname_are_no_change():
    assert _changes("A 19-year-old, Marek Vollan, was found. Dorit Ashgrove, 42, spoke.") == []
    assert _changes("His brother Jonas Vollan, 23, was not hurt.") == []


def test_places_and_bodies_are_not_people():
    earlier = "She was taken to Eskby Hospital on Port Lane Avenue."
    assert people.mentions(earlier) == ()
    assert _changes("She was taken to Eskbi Hospital.", earlier) == []
    # an estate named for its hills, shortened by a retelling
    assert _changes("Shots were fired at Tarrow Hill.", "Shots were fired at Tarrow Hills.") == []


def test_a_spelling_both_versions_print_is_no_change():
    earlier = "Dorit Ashgrove said she heard shots; Doritt Ashgrove is how her card spells it."
    assert _changes("Doritt Ashgrove heard shots.", earlier) == []


def test_a_misspelling_is_a_change_though_the_retelling_also_spells_the_name_right():
    later = (
        "Doritt Ashgrove, 42, heard three shots outside the terminal on Friday night. "
        "Dorit Ashgrove had walked there from the harbour, her brother said."
    )
    assert _changes(later) == [("spelling", "Doritt Ashgrove, 42", "Dorit Ashgrove, 42")]


def test_a_changed_age_is_a_changed_detail_quoted_from_both_versions():
    earlier = analyze(Article(EARLIER, id="earlier"))
    later = analyze(Article("Police found 21-year-old Marek Vollan near the terminal.", id="later"))
    [event] = drift.details_changed("later", later, "earlier", earlier)
    assert event.type.value == "detail_changed"
    assert event.phrase.text == "21-year-old Marek Vollan"
    assert event.earlier_phrase.text == "19-year-old Marek Vollan"


def test_a_double_surname_shortened_is_no_change_but_one_part_swapped_is_a_spelling():
    earlier = "Police said the victim, Tamsin Ashby-Lorne, was walking home."
    assert _changes("Tamsin Lorne was walking home.", earlier) == []
    assert _changes("Tamsin Lorne-Fairley was walking home.", earlier) == [
        ("spelling", "Tamsin Lorne-Fairley", "Tamsin Ashby-Lorne")
    ]
