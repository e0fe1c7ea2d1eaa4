"""The word diff of two phrasings of one claim, and the whole phrase each change sits in.

Retellings reprint text with other typography: curly for straight quotes and apostrophes,
dashes of any length, other case. Words are compared folded, so a change of print is never a
changed word; a change is then quoted as the stretch of the claim between punctuation marks
around it (a clause or phrase), never a lone function word such as "is" or "saying".
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from newstrace.model import Span
from newstrace.trace.text import STOPWORDS, Token

_FOLD = str.maketrans(
    {"’": "'", "‘": "'", "‛": "'", "`": "'", "“": '"', "”": '"', "–": "-", "—": "-"}
)
# Marks that end a phrase inside a sentence; a quotation mark alone does not ("said 'could'").
_BREAKS = frozenset(",;:()[]\n.!?")
# Diff blocks one word apart merge into one change up to this many words a side.
MERGED_WORDS = 12
# A phrase quoted for a change keeps at most this many words each side of it.
CONTEXT_WORDS = 6


@dataclass(frozen=True, slots=True)
class Change:
    """A block of the word diff: parent words ``[i1, i2)`` became child words ``[j1, j2)``."""

    i1: int
    i2: int
    j1: int
    j2: int


def fold(word: str) -> str:
    """A word as compared: lower case, straight quotes and apostrophes, one kind of dash.

    >>> fold("Alzheimer’s") == fold("alzheimer's")
    True
    """
    return word.lower().translate(_FOLD)


def without_possessive(word: str) -> str:
    """A folded word without a possessive "'s" ("pellow's" -> "pellow")."""
    return word[:-2] if word.endswith("'s") else word


def changes(before: list[Token], after: list[Token]) -> list[Change]:
    """The diff blocks of two phrasings, folded; blocks one equal word apart are one change
    ("the island of Brask" -> "Bresk island" keeps "island" in common), unless that makes a
    block longer than :data:`MERGED_WORDS` (a rewritten passage: its parts are kept apart, so
    a changed year inside it is still seen)."""
    matcher = SequenceMatcher(
        None, [fold(w.lower) for w in before], [fold(w.lower) for w in after], autojunk=False
    )
    merged: list[Change] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        last = merged[-1] if merged else None
        if (
            last
            and i1 - last.i2 <= 1
            and j1 - last.j2 <= 1
            and max(i2 - last.i1, j2 - last.j1) <= MERGED_WORDS
        ):
            merged[-1] = Change(last.i1, i2, last.j1, j2)
        else:
            merged.append(Change(i1, i2, j1, j2))
    return merged


def phrase(text: str, words: list[Token], start: int, end: int, claim: Span) -> Span:
    """The phrase around words ``[start, end)`` of a claim: widened to the punctuation marks
    around them (at most :data:`CONTEXT_WORDS` words each way), so the quote is a whole
    phrase with a content word in it; an empty block is quoted with the words around it."""
    if not words:
        return claim
    first = min(start, len(words) - 1)
    last = max(first, min(end, len(words)) - 1)
    if end <= start:  # nothing on this side: the place it would be, between two words
        first, last = max(0, first - 1), min(len(words) - 1, first)
    while first > 0 and start - first < CONTEXT_WORDS and not _break(text, words, first - 1):
        first -= 1
    while (
        last < len(words) - 1 and last - end < CONTEXT_WORDS - 1 and not _break(text, words, last)
    ):
        last += 1
    while first < last and words[first].lower in STOPWORDS and first < start:
        first += 1  # no quote starts on "the" or "is"
    return Span.of(text, words[first].start, words[last].end)


def _break(text: str, words: list[Token], k: int) -> bool:
    """Whether punctuation ends the phrase between word ``k`` and the next."""
    between = text[words[k].end : words[k + 1].start]
    return any(char in _BREAKS for char in between)
