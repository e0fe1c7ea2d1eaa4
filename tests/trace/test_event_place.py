"""The street a version first names, and when two versions disagree on it."""

from __future__ import annotations

from newstrace import Article, analyze
from newstrace.trace import drift, event_place

EARLIER = (
    "A man was shot in a parked car on Cherry Street late Friday, police said. "
    "He lived on Harbour Ave. in the Marden district."
)


def test_streets_are_read_with_their_kind_abbreviated():
    assert [s.value for s in event_place.streets(EARLIER)] == ["cherry st", "harbour ave"]
    found = event_place.streets("On Mill Pond Drive and at West 16th St. two men ran.")
    assert [s.value for s in found] == ["mill pond dr", "w 16th st"]
    # a person named like a street, known by the age beside the name
    people = (
        "Police said 17-year-old Tomas Lane was shot. "
        "Tomas Lane, 17, lived on Elm Street, 2 doors down."
    )
    assert [s.value for s in event_place.streets(people)] == ["elm st"]


def test_a_different_first_street_is_a_change():
    later = "Police said a man was shot on Cherry Road early Saturday."
    now, before = event_place.changed(later, EARLIER)
    assert (now.value, before.value) == ("cherry rd", "cherry st")
    assert later[now.start : now.end] == "Cherry Road"


def test_a_direction_added_to_a_street_is_no_change_but_another_direction_is():
    assert event_place.changed("in the 600 block of South Cherry Street", EARLIER) is None
    assert event_place.changed("on W. 16th St. late Friday", "on West 16th Street") is None
    now, before = event_place.changed("on East 16th Street", "on West 16th Street")
    assert (now.value, before.value) == ("e 16th st", "w 16th st")


def test_the_same_street_or_one_named_in_both_is_no_change():
    assert event_place.changed("The car was parked on Cherry St. in Marden.", EARLIER) is None
    # the victim's home street given first, with the scene's own beside it
    home_first = "A Harbour Avenue man was shot on Cherry Street."
    assert event_place.changed(home_first, EARLIER) is None
    assert event_place.changed("A man was shot in Marden on Friday.", EARLIER) is None


def test_a_changed_street_is_a_changed_detail_quoted_from_both_versions():
    parent = analyze(Article(EARLIER, id="earlier"))
    later = "Police said a man was shot on Cherry Road early Saturday."
    child = analyze(Article(later, id="later"))
    [event] = drift.details_changed("later", child, "earlier", parent)
    assert event.type.value == "detail_changed"
    assert (event.phrase.text, event.earlier_phrase.text) == ("Cherry Road", "Cherry Street")
