"""The street a version first names: in a report of an event, where it happened.

"a car on Cherry Street" in one report, "on Cherry Road early Saturday" in the next;
compared as :mod:`~newstrace.trace.first_given` says (page chrome left out). A person named
like a street ("17-year-old Thomas Lane") is no street, and a direction added to a street's
name ("South Aberdeen Street") names the same street.
"""

from __future__ import annotations

import re

from newstrace.trace.drift_lexicon import lexicon
from newstrace.trace.first_given import Given, first_disagreeing, in_body
from newstrace.trace.text import per_text

_SUFFIXES = (
    r"Street|St\.|Road|Rd\.|Avenue|Ave\.?|Drive|Boulevard|Blvd\.?|Lane|Ln\.|Court|Ct\.|"
    r"Parkway|Pkwy\.?|Highway|Hwy\.?|Terrace|Way"
)
_WORD = r"(?:[A-Z][a-z]+|\d+(?:st|nd|rd|th)|[NSEW]\.)"
_STREET = re.compile(rf"\b(?P<name>{_WORD}(?: {_WORD}){{0,2}}) (?P<kind>{_SUFFIXES})(?![\w])")
# capitalised words that open a sentence or a phrase, not a street's name
_NOT_NAMES = frozenset({"on", "in", "at", "near", "along", "off", "the", "of", "and", "from"})
# a person named like a street, by the age beside the name ("17-year-old Thomas Lane",
# "Thomas Lane, 17,")
_AGE_BEFORE = re.compile(r"(?:year|month)s?[- ]old\s+$")
_AGE_AFTER = re.compile(r",\s+\d{1,3}(?:[,.;)]|$)")


@per_text
def streets(text: str) -> tuple[Given, ...]:
    """Every street named in the body of ``text``, in order, each as its name folded with
    its kind and direction abbreviated ("Cherry Street" and "Cherry St." are "cherry st",
    "West 16th Street" and "W. 16th St." "w 16th st")."""
    found = []
    abbreviations = lexicon().name_abbreviations
    for match in in_body(_STREET, text):
        words = match["name"].split()
        while words and words[0].lower() in _NOT_NAMES:
            words = words[1:]
        if not words:
            continue
        kind = match["kind"].rstrip(".").lower()
        kind = abbreviations.get(kind, kind)
        name = " ".join(words)  # the name group without the opening words dropped
        start = match.end("name") - len(name)
        if _AGE_BEFORE.search(text, max(0, start - 16), start) or _AGE_AFTER.match(
            text, match.end()
        ):
            continue
        folded = " ".join(
            abbreviations.get(word, word) for word in (w.lower().rstrip(".") for w in words)
        )
        found.append(Given(f"{folded} {kind}", start, match.end()))
    return tuple(found)


_DIRECTIONS = frozenset({"n", "s", "e", "w", "ne", "nw", "se", "sw"})


def changed(later: str, earlier: str) -> tuple[Given, Given] | None:
    """The first streets of ``later`` and ``earlier`` where they disagree, else None: not
    where one only adds a direction to the other's name ("South Aberdeen Street" for
    "Aberdeen St."), though "West 16th Street" and "East 16th Street" are two streets."""
    moved = first_disagreeing(streets(later), streets(earlier))
    if moved is None:
        return None
    now, was = moved[0].value, moved[1].value
    return None if _undirected(now) == was or _undirected(was) == now else moved


def _undirected(value: str) -> str:
    """A street's value without the direction before its name ("s aberdeen st": "aberdeen
    st")."""
    first, _, rest = value.partition(" ")
    return rest if first in _DIRECTIONS and rest.count(" ") >= 1 else value
