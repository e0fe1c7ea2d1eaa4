"""The age a version gives first, and when two versions disagree on it."""

from __future__ import annotations

from newstrace import Article, analyze
from newstrace.trace import drift, event_age

EARLIER = (
    "A 15-year-old boy was shot in Marden on Friday, police said. "
    "His 40-year-old uncle called for help."
)


def test_unnamed_ages_are_read_with_their_unit_and_named_ones_left_to_people():
    assert [g.value for g in event_age.ages(EARLIER)] == ["15 year", "40 year"]
    text = "Two 21-year-olds, a 26- and 31-year-old and a ten-month-old were hurt."
    assert [g.value for g in event_age.ages(text)] == ["21 year", "26 year", "31 year", "10 month"]
    assert event_age.ages("Police named 16-year-old Tomas Reyes.") == ()
    # a relative's age before their name is the named person's too
    assert event_age.ages("She is accused of shooting her 15-year-old brother Tomas.") == ()
    assert [g.value for g in event_age.ages("Her 15-year-old brother was hurt.")] == ["15 year"]
    # a suspect's age is not the victim's
    charged = "The 19-year-old man charged in the shooting was held. A 17-year-old was hurt."
    assert [g.value for g in event_age.ages(charged)] == ["17 year"]


def test_a_different_first_age_is_a_change():
    later = "A 16-year-old boy from Pellin County was shot on Friday."
    now, before = event_age.changed(later, EARLIER)
    assert (now.value, before.value) == ("16 year", "15 year")
    assert later[now.start : now.end] == "16-year-old"


def test_the_same_age_or_one_given_in_both_is_no_change():
    assert event_age.changed("The 15-year-old was taken to hospital.", EARLIER) is None
    # another person's age given first, with the victim's own beside it
    assert event_age.changed("A 40-year-old man said a 15-year-old was shot.", EARLIER) is None
    assert event_age.changed("A boy was shot in Marden.", EARLIER) is None


def test_a_changed_age_is_a_changed_detail_quoted_from_both_versions():
    parent = analyze(Article(EARLIER, id="earlier"))
    later = "A 16-year-old boy from Pellin County was shot on Friday."
    [event] = drift.details_changed("later", analyze(Article(later, id="later")), "earlier", parent)
    assert (event.phrase.text, event.earlier_phrase.text) == ("16-year-old", "15-year-old")
