"""Credits a text gives in its own words: "told the Mail on Sunday", "Jezebel reports",
"according to a report in Tech Times", "(CNN) -", "source: Gizmodo".

The ledger finds sources by parsing, and on web pages it often types a small outlet as a
person or misses it. These constructions name where a retelling got its story; the name
they introduce must look like an organisation (a known outlet, an outlet or institution
word, a web domain, an acronym, a camel-cased brand) or, for one-word names, at least not
be a person the text names in full elsewhere ("Spencer" after "Jeremy Spencer").
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from newstrace.ingest import canonical_outlet
from newstrace.model import Span

# A capitalised word ("Huzlers.com", "BuzzFeed", "U.S.") and a name of them, with the small
# linking words institutions carry inside their names ("Mail on Sunday", "University of X").
_CAP = r"(?:[A-Z][\w&.'’-]*[\w]|[A-Z])"
_NAME = (
    rf"(?P<name>{_CAP}(?:[ \t]+(?:(?:of|on|for|and|the|de|&)[ \t]+)?{_CAP}){{0,5}}"
    r"(?:[ \t]+\d{1,4}\b)?)"  # "Local 10", "WCBS 880"
)
# "the UK tabloid", "satirical news site", "blog site": a description before the name
_DESCRIBED = (
    r"(?:(?:[A-Z]{2,3}|[A-Z]?[a-z]+)[ \t]+){0,3}?"
    r"(?:site|website|tabloid|newspaper|paper|magazine|outlet|blog|journal|broadcaster|"
    r"network|channel|agency|publication)[ \t]+"
)
_PRE = rf"(?:(?:the|The)[ \t]+)?(?P<described>{_DESCRIBED})?(?:(?:the|The)[ \t]+)?"
_REPORT = r"(?:report|story|article|post|piece|statement|press release|release|study|interview)"
# verbs of reporting, and the ones only a publisher uses of itself ("Jezebel reports")
_VERBS = (
    r"(?:reported|reports|wrote|writes|says|said|states|stated|noted|notes|suggested|"
    r"suggests|revealed|reveals|first reported|broke the story|has reported)"
)
_PUBLISHER_VERBS = r"(?:reported|reports|has reported|first reported|broke the story)"


class _Trust:
    """How far a construction vouches for the name it introduces."""

    CREDIT = 3  # "told X", "X reports", "(X) -": outlets, institutions, acronyms, and a
    # one-word name that is no part of a longer name and no common word
    INSTITUTION = 2  # "according to X", "X's Jane Doe writes": outlets and institutions
    OUTLET = 1  # "X said", "Copyright X": only names shaped like news outlets ("said the
    # University" is a source speaking, not a publication credited)


@dataclass(frozen=True, slots=True)
class _Construction:
    pattern: re.Pattern[str]
    trust: int
    in_chrome: bool = False
    """Credit lines ("Copyright 2016 The Associated Press") count in page furniture too."""


def _construction(pattern: str, trust: int, in_chrome: bool = False) -> _Construction:
    return _Construction(re.compile(pattern), trust, in_chrome)


_CONSTRUCTIONS: tuple[_Construction, ...] = (
    _construction(
        rf"\b(?i:told|tells|telling|speaking to|spoke to|said to|in an interview with|"
        rf"in an e-?mail to|interviewed by|in a statement to|reports for|writes for|"
        rf"wrote for|writing for|reporting for)[ \t]+{_PRE}{_NAME}",
        _Trust.CREDIT,
    ),
    _construction(
        rf"\b(?i:as reported (?:by|in)|reported by|published by|written by|first reported by|"
        rf"broken by|started by|created by|originated (?:from|with)|via|h/t|hat tip(?: to)?|"
        rf"courtesy of|credit:|(?:story )?sources?:|picked up by|(?:originally|first) "
        rf"(?:appeared|published|ran) (?:on|in))[ \t]+{_PRE}{_NAME}",
        _Trust.CREDIT,
    ),
    _construction(
        rf"\b(?i:(?:a|the) (?:new )?(?:report|story|article) (?:in|by|from))[ \t]+{_PRE}{_NAME}",
        _Trust.INSTITUTION,
    ),
    _construction(
        rf"\b(?i:according to)[ \t]+(?:(?i:a|an)[ \t]+(?:new[ \t]+)?{_REPORT}[ \t]+"
        rf"(?i:in|by|from|on)[ \t]+)?{_PRE}{_NAME}",
        _Trust.INSTITUTION,
    ),
    _construction(
        rf"\b(?i:according to)[ \t]+(?:a|an|the)[ \t]+{_NAME}[ \t]+{_REPORT}\b", _Trust.CREDIT
    ),
    _construction(rf"\b{_PRE}{_NAME}[ \t]+{_PUBLISHER_VERBS}\b", _Trust.CREDIT),
    _construction(rf"\({_NAME}(?:/[\w .-]+)?\)[ \t]*[-–—]", _Trust.CREDIT),
    _construction(rf"(?m)^[ \t]*\({_NAME}\)[ \t]*(?=[A-Z])", _Trust.CREDIT),
    _construction(
        rf"\b(?i:read (?:the full|more)[^\n]{{0,120}}? (?:at|on))[ \t]+{_PRE}{_NAME}",
        _Trust.CREDIT,
    ),
    _construction(
        rf"\b{_NAME}['’]s[ \t]+[A-Z][a-z]+[ \t]+[A-Z][a-z]+[ \t]+(?:{_VERBS}|discuss\w*)",
        _Trust.INSTITUTION,
    ),
    _construction(rf"\b{_PRE}{_NAME}[ \t]+{_VERBS}\b", _Trust.OUTLET),
    _construction(
        rf"[\"”’'],?[ \t]*\n?(?i:reported|reports|wrote|writes|said|says)[ \t]+{_PRE}{_NAME}",
        _Trust.OUTLET,
    ),
    _construction(
        rf"(?i:copyright|©|\(c\))[ \t]*(?:\d{{4}}[ \t]+)?{_PRE}{_NAME}", _Trust.OUTLET, True
    ),
    _construction(
        rf"\b{_PRE}{_NAME}[ \t]+(?i:contributed to this (?:report|story)|report is included)",
        _Trust.OUTLET,
        True,
    ),
)
# "By KEVIN McGILL, Associated Press": a byline naming the writer's outlet
_BYLINE = re.compile(r"(?m)^[ \t]*(?:By|BY|by):?[ \t]+(?P<line>[^\n]{3,90})$")
_GLUED = re.compile(r"(?<=[A-Z]{2})(?=[A-Z][a-z])")
_TRAILING = re.compile(r"(?:['’]s?|[.,])+$")
# "Tech Times on Sunday", "Washington Post July": a date run into the name
_WHEN = (
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|"
    r"May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|"
    r"Sep|Sept|Oct|Nov|Dec"
)
_DATE_TAIL = re.compile(rf"(?:[ \t]+(?:on|in))?[ \t]+(?:{_WHEN})\b.*$")
_HONORIFIC = re.compile(r"\b(?:Dr|Prof|Professor|Mr|Mrs|Ms|Miss|Sir|Dame|Lord|Lady)\.?[ \t]+$")
_DOMAIN = re.compile(r"^[\w-]+(?:\.[a-z]{2,6}){1,2}$", re.IGNORECASE)
# institutions whose statements and releases are published ("the Royal Astronomical Society",
# "University of X"); not police, courts or offices, which are sources that speak
_PUBLISHING_INSTITUTIONS = frozenset(
    ["university", "society", "institute", "academy", "college", "foundation", "journal", "press"]
)
_SENTENCE_START = re.compile(r"(?:[.!?]\s+|\n\s*)$")
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")
_CAMEL = re.compile(r"^[A-Z][a-z]+[A-Z]\w*$")
# sentence openers and words that are capitalised without naming anyone
_NOT_NAMES = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "it",
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
        "his",
        "her",
        "their",
        "our",
        "its",
        "researchers",
        "scientists",
        "experts",
        "officials",
        "study",
        "report",
        "reports",
        "but",
        "and",
        "as",
        "in",
        "on",
        "according",
        "since",
        "when",
        "after",
        "before",
        "while",
        "although",
        "though",
        "if",
        "because",
        "so",
        "then",
        "also",
        "now",
        "last",
        "earlier",
        "later",
        "meanwhile",
        "read",
        "more",
        "source",
        "sources",
        "story",
    ]
)


def credited_names(text: str, skip: Sequence[tuple[int, int]] = ()) -> Iterable[tuple[str, Span]]:
    """Each (name, span) the text credits by a crediting construction, outside ``skip``
    (page chrome) unless a credit line; the span covers the crediting words and the name."""
    for construction in _CONSTRUCTIONS:
        for match in construction.pattern.finditer(text):
            raw = match.group("name")
            name = _trimmed(raw)
            if not name:
                continue
            start = match.start("name") + raw.index(name)
            end = start + len(name)
            if not construction.in_chrome and any(a <= start < b for a, b in skip):
                continue
            if not match.groupdict().get("described") and not is_organisation(
                name, text, start, construction.trust
            ):
                continue
            cover_end = match.end() if match.end("name") < match.end() else end
            yield name, Span.of(text, _first_word(text, match.start(), start), cover_end)
    yield from _byline_credits(text)


def _byline_credits(text: str) -> Iterable[tuple[str, Span]]:
    """The known outlet a byline ends with ("By Jane Doe, Associated Press")."""
    for match in _BYLINE.finditer(text):
        words = _GLUED.sub(" ", match.group("line")).replace(",", " ").split()
        for size in (4, 3, 2, 1):
            if len(words) > size and canonical_outlet(" ".join(words[-size:])):
                name = " ".join(words[-size:])
                end = match.end("line")
                yield name, Span.of(text, match.start("line") - 3, end)
                break


def is_organisation(name: str, text: str, start: int, trust: int) -> bool:
    """Whether ``name`` (at ``start`` of ``text``) reads as an outlet, or, as far as the
    construction introducing it vouches (``trust``, a :class:`_Trust`), an institution.

    >>> is_organisation("Mail on Sunday", "He told the Mail on Sunday", 12, _Trust.CREDIT)
    True
    >>> is_organisation("Spencer", "Jeremy Spencer spoke. He told Spencer", 30, _Trust.CREDIT)
    False
    """
    words = name.split()
    if canonical_outlet(name) or canonical_outlet("The " + name):
        return True
    if _DOMAIN.match(name) or _CAMEL.match(name) or words[-1].lower() in outlet_words():
        return True
    if len(words) > 1 and words[-1].isdigit():
        return True  # a station: "Local 10", "WCBS 880"
    if trust == _Trust.OUTLET:
        return False
    if words[-1].lower() in _PUBLISHING_INSTITUTIONS:
        return True
    if any(word in ("of", "on", "for", "and", "&") for word in words[1:-1]):
        return True
    if trust == _Trust.CREDIT and _ACRONYM.match(name):
        return True
    if trust == _Trust.INSTITUTION or _HONORIFIC.search(text, max(0, start - 12), start):
        return False
    if _SENTENCE_START.search(text, max(0, start - 4), start) or start == 0:
        return False  # capitalised there whatever it is ("Neighbors reported")
    return len(words) == 1 and not _part_of_longer_name(name, text) and not _common_word(name, text)


def _trimmed(name: str) -> str:
    """The name without an opening word ("As", "The"), a possessive, a full stop or a date
    run into it."""
    words = name.split()
    while words and words[0].lower() in _NOT_NAMES:
        words.pop(0)
    name = _TRAILING.sub("", name[name.index(words[0]) :]) if words else ""
    if canonical_outlet(name):
        return name  # "Mail on Sunday"
    name = _TRAILING.sub("", _DATE_TAIL.sub("", name))
    head, of, _ = name.partition(" of ")
    if of and head.split()[-1].lower() in outlet_words():
        return head  # "The News Tribune of Tacoma"
    return name


def _part_of_longer_name(word: str, text: str) -> bool:
    """A surname or place: the text has "<Name> <word>" ("Jeremy Spencer") or "<word>
    <Name>" ("Sanford Police") somewhere."""
    for found in re.finditer(rf"\b([A-Z][\w'’-]*)[ \t]+{re.escape(word)}\b", text):
        if found.group(1).lower() not in _NOT_NAMES:
            return True
    return bool(re.search(rf"\b{re.escape(word)}[ \t]+[A-Z][a-z]", text))


def _common_word(word: str, text: str) -> bool:
    """A word the text also writes in lower case ("Neighbors reported", "neighbors")."""
    return re.search(rf"\b{re.escape(word.lower())}\b", text) is not None


def _first_word(text: str, match_start: int, name_start: int) -> int:
    """Where the crediting words begin (the match less the separator before them)."""
    while match_start < name_start and not text[match_start].isalnum():
        match_start += 1
    return match_start


@lru_cache(maxsize=1)
def outlet_words() -> frozenset[str]:
    """Words news outlets' names end with ("Gazette", "Times"), from the analyser's lexicon."""
    raw = resources.files("newstrace.analyze").joinpath("lexicons/sources.json").read_text("utf-8")
    return frozenset(json.loads(raw)["outlet_words"])
