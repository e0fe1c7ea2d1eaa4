"""Words with their offsets, for comparing articles: tokens, light stems, quoted regions.

Everything the trace compares (shingles for copies, terms for stories, claim wording for
drift) is built from these tokens, so offsets always point back into the article's text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from newstrace.ingest.chrome import body_ranges, chrome_spans

_WORD = re.compile(r"\w+(?:[.,'’]\w+)*", re.UNICODE)
_SENTENCE = re.compile(r"\S.*?(?:[.!?]+[\"”’)]?(?=\s|$)|$)", re.MULTILINE)
_QUOTED = re.compile(r"“[^”]{0,2000}”|\"[^\"\n]{0,2000}\"|‘[^’\n]{12,2000}’")
_SUFFIXES = ("ings", "ing", "ies", "ied", "ed", "es", "s")
_Y_SUFFIXES = ("ies", "ied")

# Function words and reporting verbs: they say nothing about what a story is about.
STOPWORDS = frozenset(
    """a an the and or but if then than that this these those of in on at to for from by with as is
    are was were be been being has have had do does did it its it's he she they them his her
    their we our you your i me my not no so such there here which who whom whose what when where
    why how all any both each few more most other some own same too very can will just should
    now also into over after before about against between through during under again further
    once would could may might must said says say told according""".split()  # noqa: SIM905
)


STORY_TEXTS = 1024
"""How many texts the facts read from a whole text (its chrome, sentences, names, times)
are kept for: every version of a large story, each compared with its parent and read again
for its own retellings; with fewer, a story of hundreds of versions reads each text anew."""

per_text = lru_cache(maxsize=STORY_TEXTS)
"""Memoise a function of an article's text over :data:`STORY_TEXTS` texts."""


@per_text
def page_chrome(text: str) -> tuple[tuple[int, int], ...]:
    """:func:`~newstrace.ingest.chrome.chrome_spans` of ``text``, found once per text."""
    return tuple(chrome_spans(text))


@per_text
def body(text: str) -> tuple[tuple[int, int], ...]:
    """The article's own text (:func:`~newstrace.ingest.chrome.body_ranges`), found once per
    text for the names, times, streets and ages read from it."""
    return tuple(body_ranges(text, page_chrome(text)))


@dataclass(frozen=True, slots=True)
class Token:
    """A word of an article: its characters ``[start, end)`` and its lower-cased form."""

    start: int
    end: int
    lower: str

    @property
    def is_number(self) -> bool:
        return any(char.isdigit() for char in self.lower)


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The words of ``text[start:end]``, with offsets into the whole ``text``.

    >>> [t.lower for t in tokens("Rents rose 3.5% in May.")]
    ['rents', 'rose', '3.5', 'in', 'may']
    """
    end = len(text) if end is None else end
    return [
        Token(match.start(), match.end(), match.group().lower())
        for match in _WORD.finditer(text, start, end)
    ]


def stem(word: str) -> str:
    """A crude stem so "closures"/"closure" and "cutting"/"cut" meet; numbers stay as they are.

    >>> [stem(w) for w in ("closures", "closure", "ferries", "ferry", "voted", "vote", "bus")]
    ['closur', 'closur', 'ferry', 'ferry', 'vot', 'vot', 'bus']
    """
    if len(word) <= 3 or any(char.isdigit() for char in word):
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + ("y" if suffix in _Y_SUFFIXES else "")
            break
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


def sentences(text: str) -> list[tuple[int, int]]:
    """Rough sentence ranges (ends at . ! ? or a line break), enough to quote a retold line.

    >>> [text[a:b] for text in ["One. Two!\\nThree"] for a, b in sentences(text)]
    ['One.', 'Two!', 'Three']
    >>> [text[a:b] for text in ["A $412.6 million plan. Next."] for a, b in sentences(text)]
    ['A $412.6 million plan.', 'Next.']
    """
    return [(m.start(), m.end()) for m in _SENTENCE.finditer(text)]


def quoted_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks: shared quotes do not make a copy."""
    return [(match.start(), match.end()) for match in _QUOTED.finditer(text)]


def outside(token: Token, regions: Sequence[tuple[int, int]]) -> bool:
    return not any(start <= token.start < end for start, end in regions)
