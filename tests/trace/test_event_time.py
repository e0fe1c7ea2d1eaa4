"""The time of day a version first gives, and when two versions disagree on it."""

from __future__ import annotations

from newstrace import Article, analyze
from newstrace.trace import drift, event_time

EARLIER = (
    "The ferry struck the pier at about 2:20 p.m. on Sunday, the harbour board said. "
    "A deckhand was taken to Pellin General, where he was released at 6 p.m."
)


def test_times_are_read_as_24_hour_values():
    assert [m.value for m in event_time.moments(EARLIER)] == ["14:20", "18:00"]
    assert [m.value for m in event_time.moments("Shortly after 12 a.m. and 11:05am.")] == [
        "00:00",
        "11:05",
    ]


def test_a_different_first_time_is_a_change():
    later = "The ferry hit the pier around 2:40 p.m. Sunday."
    now, before = event_time.changed(later, EARLIER)
    assert (now.value, before.value) == ("14:40", "14:20")
    assert later[now.start : now.end] == "2:40 p.m."


def test_the_same_time_or_one_printed_in_both_is_no_change():
    assert event_time.changed("It struck the pier at 2:20pm.", EARLIER) is None
    # a later time given first, with the event's own time beside it
    assert event_time.changed("Released at 6 p.m., he said it struck at 2:20 p.m.", EARLIER) is None
    assert event_time.changed("The ferry struck the pier on Sunday.", EARLIER) is None


def test_a_time_rounded_to_the_hour_by_the_retelling_is_no_change():
    earlier = "The ferry struck the pier at 1:50 p.m. on Sunday."
    assert event_time.changed("The ferry struck the pier at 2 p.m. Sunday.", earlier) is None
    # twenty minutes off is a change, rounded or not
    assert event_time.changed("The ferry struck the pier at 2 p.m. Sunday.", EARLIER) is not None
    # minutes where the earlier version gave the hour say something else
    earlier = "The ferry struck the pier just after 2 p.m. on Sunday."
    assert event_time.changed("It struck the pier around 1:45 p.m.", earlier) is not None


def test_the_time_of_a_press_conference_or_an_update_is_not_the_events():
    later = (
        "Updated 9:10 a.m.\n"
        "Police will hold a press conference at 11 a.m. about the crash.\n"
        "A live press release is scheduled for 2:00pm at the harbour office.\n"
        "The ferry struck the pier at about 2:20 p.m. on Sunday."
    )
    assert [m.value for m in event_time.moments(later)] == ["14:20"]
    assert event_time.changed(later, EARLIER) is None


def test_numbers_that_are_not_times_are_left_alone():
    assert event_time.moments("Route 9 amended; 13 pm2.5 readings; 25 am radio.") == ()


def test_a_changed_time_is_a_changed_detail_quoted_from_both_versions():
    earlier = analyze(Article(EARLIER, id="earlier"))
    later = analyze(Article("The ferry hit the pier around 3 p.m. Sunday.", id="later"))
    [event] = drift.details_changed("later", later, "earlier", earlier)
    assert event.type.value == "detail_changed"
    assert (event.phrase.text, event.earlier_phrase.text) == ("3 p.m.", "2:20 p.m.")


def test_a_word_inside_a_time_of_day_is_known_as_such():
    text = "Shots at 11:35 a.m. hit 35 windows."
    assert event_time.inside_time(text, text.index("35"))
    assert not event_time.inside_time(text, text.rindex("35"))
