"""The people a version names and the ages it gives them, to compare across versions.

A retelling often changes who a story is about without rewording any claim the aligner can
pair: "20-year-old Dashwan Smith" becomes "22-year-old Dashwan Smith" in a later report,
"Tommy Thomas" becomes "Tommie Thomas". Such a person is found by a capitalised name of two
or three words (an initial may sit between them), with the age before it ("20-year-old
Dashwan Smith") or after it ("Torius Russell, 29,"). Two mentions are one person where the
surnames match and the first names are spelt alike (:data:`SAME_NAME`), or the first names
match and the surnames are spelt alike ("Dr. David Spence" retold as "Dr. David Spencer");
a name spelt otherwise is a changed spelling only where neither version also prints the
other spelling.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from newstrace.trace.drift_lexicon import lexicon
from newstrace.trace.text import STOPWORDS, per_text
from newstrace.trace.text import body as text_body
from newstrace.trace.wording import fold, without_possessive

# Two first names this alike (difflib ratio, folded) with the same initial are one name
# spelt two ways ("Tommy" / "Tommie" 0.73, "Dashwan" / "Dashawn" 0.86); different people who
# share a surname score far lower ("Tyanna" / "Tommie" 0.33). Set on the drift tune set.
SAME_NAME = 0.7

# One way only to match each word (no nested stars): "Tommie", "McDonald", "Xy'Ahier",
# "O'Neil", "Rose-Robinson".
_WORD = r"[A-Z][a-z]*(?:[A-Z][a-z]+)?(?:['’][A-Z]?[a-z]+)?(?:-[A-Z][a-z]+)?"
_NAME = rf"{_WORD}(?:[ \t]+{_WORD}){{0,4}}(?:[ \t]+[A-Z]\.)?[ \t]+{_WORD}"
_AGE = r"\d{1,3}|[A-Za-z]+"
_AGE_BEFORE = re.compile(rf"\b(?P<age>{_AGE})[- ](?:year|yr)s?[- ]old\s+(?P<name>{_NAME})\b")
_AGE_AFTER = re.compile(rf"\b(?P<name>{_NAME}),\s+(?:age\s+)?(?P<age>\d{{1,3}})\b(?![-\w])")
_MENTION = re.compile(rf"\b{_NAME}\b")
# A place or body before a noun is not a person: "a 20-year-old Des Moines man".
_DESCRIBED = re.compile(r"\s+(?:man|woman|boy|girl|teen|teenager|student|resident|native)\b")


@dataclass(frozen=True, slots=True)
class Mention:
    """A person's name as a version prints it, with the age given beside it if any
    (``start`` and ``end`` take in the age: "22-year-old Dashwan Smith")."""

    first: str
    surname: str
    start: int
    end: int
    age: str | None = None

    @property
    def first_key(self) -> str:
        return fold(self.first.lower())

    @property
    def surname_key(self) -> str:
        """The surname folded, without a possessive ("Pellow's" is Pellow)."""
        return without_possessive(fold(self.surname.lower()))

    @property
    def key(self) -> tuple[str, str]:
        """The whole name as compared: first name and surname, folded."""
        return self.first_key, self.surname_key


@per_text
def mentions(text: str) -> tuple[Mention, ...]:
    """The person names in the body of ``text`` (not its page chrome), aged ones first."""
    body = text_body(text)
    found: dict[tuple[int, int], Mention] = {}
    for pattern in (_AGE_BEFORE, _AGE_AFTER, _MENTION):
        for match in pattern.finditer(text):
            start, end = match.span("name") if "name" in pattern.groupindex else match.span()
            if (start, end) in found or not any(a <= start < b for a, b in body):
                continue
            words = _without_titles(text[start:end].split())
            if len(words) < 2 or _DESCRIBED.match(text, end) or _is_place(words[-1]):
                continue
            age = _age(match.group("age")) if "age" in pattern.groupindex else None
            if "age" in pattern.groupindex and age is None:
                continue
            first = text.rfind(words[0], start, end)
            phrase = match.span() if age else (first, end)
            found[(start, end)] = Mention(words[0], words[-1], *phrase, age)
    return tuple(sorted(found.values(), key=lambda m: (m.age is None, m.start)))


@dataclass(frozen=True, slots=True)
class PersonChange:
    """A person two versions give differently: ``what`` is "age" or "spelling"."""

    what: str
    later: Mention
    earlier: Mention


def changes(later: str, earlier: str) -> Iterator[PersonChange]:
    """How the people of ``earlier`` (a version's text) are given in ``later``: each person
    whose age or first-name spelling differs, once."""
    before_all, now_all = mentions(earlier), mentions(later)
    spelt_before = {m.key for m in before_all}
    reported: set[tuple[str, str]] = set()
    for now in now_all:
        same = _same_person(now, before_all)
        for before in same:
            if _shortened(now.surname_key, before.surname_key):
                what = ""  # "Rose-Robinson" called "Robinson": one part of the same name
            elif now.key != before.key:
                # a spelling only where the earlier version does not print the new one too
                # (a retelling that misspells a name and prints it right elsewhere changed it)
                what = "" if now.key in spelt_before else "spelling"
            elif now.age and before.age and now.age != before.age:
                # an age only where the earlier version nowhere gives the new one
                what = "" if any(m.age == now.age for m in same) else "age"
            else:
                what = ""
            if what and (what, now.surname_key) not in reported:
                reported.add((what, now.surname_key))
                yield PersonChange(what, now, before)


def _same_person(now: Mention, earlier: Sequence[Mention]) -> list[Mention]:
    """The earlier mentions of the same surname whose first name is spelt alike, or of the
    same first name whose surname is ("David Spence" / "David Spencer") or shares a part of
    a double surname ("Reginald Rose-Robinson" / "Reginald Robinson-Foster")."""
    return [
        m
        for m in earlier
        if (m.surname_key == now.surname_key and alike(m.first_key, now.first_key))
        or (
            m.first_key == now.first_key
            and (
                alike(m.surname_key, now.surname_key)
                or set(m.surname_key.split("-")) & set(now.surname_key.split("-"))
            )
        )
    ]


def _shortened(one: str, other: str) -> bool:
    """Whether one surname is a part of the other, double one ("Robinson", "Rose-Robinson")."""
    return one != other and (one in other.split("-") or other in one.split("-"))


def alike(one: str, other: str) -> bool:
    """Two spellings of one name: the same initial and a difflib ratio of ``SAME_NAME``."""
    return one[:1] == other[:1] and SequenceMatcher(None, one, other).ratio() >= SAME_NAME


def _without_titles(words: list[str]) -> list[str]:
    """The name after the last title or common word before it ("Lake Placid Police Chief
    William Moore" -> "William Moore"; "The Nov" -> "Nov")."""
    skip = _title_words()
    titled = [k for k, word in enumerate(words) if fold(word.lower()).rstrip(".") in skip]
    return words[titled[-1] + 1 :] if titled else words


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    lex = lexicon()
    return lex.person_titles | lex.generic_source_words | STOPWORDS


@lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    lex = lexicon()
    abbreviations = lex.name_abbreviations
    return lex.place_heads | set(abbreviations) | set(abbreviations.values())


def _is_place(word: str) -> bool:
    """Whether a name ending in ``word`` names a place or body ("Eskenazi Hospital")."""
    return fold(word.lower()).rstrip(".") in _place_words()


def _age(word: str) -> str | None:
    """The age as digits ("22", "ten" -> "10"), or None for a word that is no number."""
    if word.isdigit():
        return word
    return lexicon().number_values.get(word.lower())
