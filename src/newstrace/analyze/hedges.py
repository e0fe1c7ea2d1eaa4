"""Finding hedge, negation, conditional and booster cues in a run of tokens.

Cues are matched on lower-cased token texts against ``lexicons/hedges.json``, longest match
first, so "no doubt" is a booster and not a negation and "is said to be" is one cue. Matching
needs only the tokenizer, so the same function feeds the learned sentence models (which see
tokenised data) and :class:`~newstrace.analyze.certainty.CertaintyAssessor` (which sees a
parsed Doc and then also uses part-of-speech tags to drop the month "May").
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from spacy.tokens import Span as TokenSpan

_LEXICON = Path(__file__).parent / "lexicons" / "hedges.json"

#: Categories in the order that wins when one phrase is listed under several.
CATEGORIES = (
    "negation",
    "conditional",
    "speculative",
    "evidential",
    "approximator",
    "booster",
    "weasel",
)
_MODALS = frozenset({"could", "might", "may", "would"})
# Cue words that are also everyday nouns: a hedge only as a verb ("police suspect that"),
# not "the suspect fled" or "identifying suspects", common in crime news.
_VERB_ONLY = frozenset({"suspect", "suspects"})


@dataclass(frozen=True, slots=True)
class Cue:
    """Tokens ``[start, end)`` (indices into the token sequence given) of one cue."""

    start: int
    end: int
    category: str


def normalise(word: str) -> str:
    """Lower-case a token and straighten typographic apostrophes ("n’t" -> "n't")."""
    return word.lower().replace("\u2019", "'")


@lru_cache(maxsize=1)
def _patterns() -> dict[tuple[str, ...], str]:
    """Every lexicon phrase, macros expanded, mapped to its winning category."""
    raw = json.loads(_LEXICON.read_text(encoding="utf-8"))
    macros: dict[str, list[str]] = raw["macros"]
    patterns: dict[tuple[str, ...], str] = {}
    for category in CATEGORIES:
        for phrase in raw[category]:
            for words in _expand(phrase.split(), macros):
                patterns.setdefault(words, category)
    return patterns


@cache
def word_list(name: str) -> frozenset[str]:
    """One of the lexicon's plain word lists that refine a category ("conjecture",
    "belief_frames", "consequence_verbs", "negation_raising"), lower-case, phrases
    space-joined. Read once each: the claim checks ask for them per token."""
    raw = json.loads(_LEXICON.read_text(encoding="utf-8"))
    return frozenset(raw[name])


def _expand(words: list[str], macros: dict[str, list[str]]) -> list[tuple[str, ...]]:
    choices = [macros.get(word, [word]) for word in words]
    return [tuple(combo) for combo in itertools.product(*choices)]


@lru_cache(maxsize=1)
def _longest() -> int:
    return max(len(words) for words in _patterns())


def find_cues(words: Sequence[str], tags: Sequence[str] | None = None) -> list[Cue]:
    """All cues in ``words`` (raw token texts), longest match first, left to right.

    With ``tags`` (Penn tags), a one-word modal counts only when tagged ``MD``; without them
    a capitalised "May" inside a sentence is taken for the month.

    >>> [(c.start, c.end, c.category) for c in find_cues("He is said to be ill".split())]
    [(1, 5, 'evidential')]
    """
    lowered = [normalise(word) for word in words]
    patterns, cues, i = _patterns(), [], 0
    while i < len(lowered):
        for size in range(min(_longest(), len(lowered) - i), 0, -1):
            category = patterns.get(tuple(lowered[i : i + size]))
            if category and _plausible(words, tags, i, size):
                cues.append(Cue(i, i + size, category))
                i += size
                break
        else:
            i += 1
    return cues


def _plausible(words: Sequence[str], tags: Sequence[str] | None, i: int, size: int) -> bool:
    """Reject a one-word modal that the tagger (or capitalisation) says is something else,
    and a verb-only cue the tagger reads as a noun."""
    word = normalise(words[i])
    if size == 1 and word in _VERB_ONLY and tags is not None:
        return tags[i].startswith("VB")
    if size > 1 or word not in _MODALS:
        return True
    if tags is not None:
        return tags[i] == "MD"
    return not (i > 0 and words[i] == "May")


def word_category(word: str) -> str | None:
    """The lexicon category of a single word ("reportedly" -> "evidential"), if it has one."""
    return _patterns().get((normalise(word),))


def span_cues(span: TokenSpan) -> list[Cue]:
    """Cues in a spaCy span, with token indices into its Doc."""
    tags = [t.tag_ for t in span] if span.doc.has_annotation("TAG") else None
    found = find_cues([t.text for t in span], tags)
    return [Cue(c.start + span.start, c.end + span.start, c.category) for c in found]
