"""The age a version gives first: in a report of an event, usually its victim's.

"a 15-year-old boy handling a firearm" in one report, "a 16-year-old boy from Josephine
County" in the next, with no name for :mod:`~newstrace.trace.people` to follow; compared as
:mod:`~newstrace.trace.first_given` says (page chrome left out). An age counts with its unit:
"a 10-month-old" is no "10-year-old".
"""

from __future__ import annotations

import re

from newstrace.trace.drift_lexicon import lexicon
from newstrace.trace.first_given import Given, first_disagreeing, in_body, sentence_of
from newstrace.trace.text import per_text

_UNIT = r"[- ](?P<{}>year|month|week|day)s?[- ]olds?\b"
# an unnamed person's age ("a 16-year-old boy", "two 21-year-olds"); "a 26- and 31-year-old"
# gives both; an age before a name is the named person's (:mod:`~newstrace.trace.people`) ...
_AGE = re.compile(
    r"\b(?P<age>\d{1,3}|[A-Za-z]+)(?:"
    + _UNIT.format("unit")
    + r"|-\s(?:and|or|to)\s(?=\d{1,3}"
    + _UNIT.format("shared")
    + r"))(?!\s+[A-Z])"
)
# ... as is an age before a relative's word and a name ("her 15-year-old brother Tommie")
_RELATIVE_NAMED = re.compile(r"\s+(?P<word>[a-z-]+),?\s+[A-Z][a-z]")
# a suspect's age, in a sentence about an arrest or a charge ("The 19-year-old man charged in
# connection with the shooting"): the victim's is the one to compare
_SUSPECT = re.compile(
    r"\b(?:charged|arrested|suspects?|accused|custody|booked|pleaded|sentenced|convicted)\b",
    re.IGNORECASE,
)


@per_text
def ages(text: str) -> tuple[Given, ...]:
    """Every unnamed person's "N-year-old" (month, week, day) in the body of ``text``, in
    order, as "N unit" with the number in digits ("a ten-year-old": "10 year"); not a named
    relative's, nor one in a sentence about a suspect."""
    found = []
    for match in in_body(_AGE, text):
        relative = _RELATIVE_NAMED.match(text, match.end())
        if relative and relative["word"] in lexicon().family_words:
            continue
        if _SUSPECT.search(sentence_of(text, *match.span())):
            continue
        age = match["age"].lower()
        age = age if age.isdigit() else lexicon().number_values.get(age)
        if age is not None:
            unit = (match["unit"] or match["shared"]).lower()
            found.append(Given(f"{age} {unit}", *match.span()))
    return tuple(found)


def changed(later: str, earlier: str) -> tuple[Given, Given] | None:
    """The first ages of ``later`` and ``earlier`` where they disagree, else None."""
    return first_disagreeing(ages(later), ages(earlier))
