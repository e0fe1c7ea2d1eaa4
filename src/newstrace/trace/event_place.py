"""The street a version first names: in a report of an event, where it happened.

Reports of one event often disagree on where it happened ("a car on Cherry Street" in one,
"on Cherry Road early Saturday" in the next) in sentences the aligner cannot pair, as
:mod:`~newstrace.trace.event_time` finds for times of day. The first street in a version's
body (page chrome left out) is taken as its event's place; two versions disagree where
their first streets differ and neither version names the other's street anywhere (a
victim's home street given first is then usually named beside the scene's own).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newstrace.ingest.chrome import body_ranges
from newstrace.trace.drift_lexicon import lexicon

_SUFFIXES = (
    r"Street|St\.|Road|Rd\.|Avenue|Ave\.?|Drive|Boulevard|Blvd\.?|Lane|Ln\.|Court|Ct\.|"
    r"Parkway|Pkwy\.?|Highway|Hwy\.?|Terrace|Way"
)
_WORD = r"(?:[A-Z][a-z]+|\d+(?:st|nd|rd|th))"
_STREET = re.compile(rf"\b(?P<name>{_WORD}(?: {_WORD}){{0,2}}) (?P<kind>{_SUFFIXES})(?![\w])")
# capitalised words that open a sentence or a phrase, not a street's name
_NOT_NAMES = frozenset({"on", "in", "at", "near", "along", "off", "the", "of", "and", "from"})


@dataclass(frozen=True, slots=True)
class Street:
    """A street as printed (``start``/``end`` in the text) and as compared: its name folded,
    its kind abbreviated ("Cherry Street" and "Cherry St." are "cherry st")."""

    value: str
    start: int
    end: int


@lru_cache(maxsize=64)
def streets(text: str) -> tuple[Street, ...]:
    """Every street named in the body of ``text``, in order."""
    body = body_ranges(text)
    found = []
    for match in _STREET.finditer(text):
        if not any(start <= match.start() < end for start, end in body):
            continue
        words = match["name"].split()
        while words and words[0].lower() in _NOT_NAMES:
            words = words[1:]
        if not words:
            continue
        kind = match["kind"].rstrip(".").lower()
        kind = lexicon().name_abbreviations.get(kind, kind)
        start = match.end() - len(match["kind"]) - 1 - len(" ".join(words))
        found.append(Street(f"{' '.join(words).lower()} {kind}", start, match.end()))
    return tuple(found)


def changed(later: str, earlier: str) -> tuple[Street, Street] | None:
    """The first streets of ``later`` and ``earlier`` where they disagree, else None."""
    now, before = streets(later), streets(earlier)
    if not now or not before or now[0].value == before[0].value:
        return None
    if now[0].value in {s.value for s in before} or before[0].value in {s.value for s in now}:
        return None
    return now[0], before[0]
