"""Versions in another language: not analysed (the ledger reads English only), but kept in
the trace and placed in the story they retell.

A translation or foreign retelling keeps what does not translate: the names of people,
places and outlets ("Kim Jong Un", "Asahi Shimbun"), numbers, and often the words of its
web address ("/kim-jong-un-crying-video"). Its common words are another language's, so only
these are compared: it joins the story whose versions share the most of them with it, if
they share at least :data:`MIN_SHARED` that are not in most of the corpus's stories ("Kim"
in a corpus about North Korea tells nothing), and no other story shares as many.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from newstrace.model import Story
from newstrace.trace.fingerprint import Fingerprint, is_specific

MIN_SHARED = 3
"""Distinctive names and numbers a version must share with a story to join it."""
COMMON_SHARE = 0.5
"""A name or number in more than this share of the stories is not distinctive."""
_SLUG_WORD = re.compile(r"[a-z]{4,}")  # numbers in addresses are ids, not facts
_WEB_WORDS = frozenset(
    ("html", "shtml", "aspx", "news", "article", "articles", "story", "stories", "index")
    + ("view", "post", "posts", "page", "print")
)


@dataclass(frozen=True, slots=True)
class Specifics:
    """The names and numbers of one article (``@name`` terms and digits, as fingerprints
    count them), with the words of its web address as names."""

    article_id: str
    terms: frozenset[str]

    @classmethod
    def of(cls, print_: Fingerprint, url: str | None = None) -> Specifics:
        names = {term for term in print_.terms if is_specific(term)}
        return cls(print_.article_id, frozenset(names | _url_names(url)))


def with_other_languages(
    stories: Sequence[Story], others: Sequence[Specifics], members: Iterable[Specifics]
) -> list[Story]:
    """``stories`` with each other-language version (``others``) placed in the one it shares
    most distinctive names and numbers with (``members``: those of the analysed versions)."""
    if not others:
        return list(stories)
    by_id = {m.article_id: m.terms for m in members}
    story_terms = {
        s.id: frozenset().union(*(by_id.get(a, frozenset()) for a in s.article_ids))
        for s in stories
    }
    placed = placements(others, story_terms)
    return [
        replace(s, other_language_ids=tuple(placed[s.id])) if s.id in placed else s for s in stories
    ]


def placements(
    others: Sequence[Specifics], story_terms: Mapping[str, frozenset[str]]
) -> dict[str, list[str]]:
    """Story id -> the other-language versions placed in it (in the order of ``others``),
    from each story's names and numbers (``story_terms``); those in most stories are left
    out (:func:`common_terms`)."""
    ids = list(story_terms)
    common = common_terms(story_terms.values())
    terms = [story_terms[i] - common for i in ids]
    placed: dict[str, list[str]] = {}
    for other in others:
        chosen = best_story(other.terms - common, terms)
        if chosen is not None:
            placed.setdefault(ids[chosen], []).append(other.article_id)
    return placed


def common_terms(story_terms: Iterable[frozenset[str]]) -> frozenset[str]:
    """Names and numbers in more than :data:`COMMON_SHARE` of the stories (two at least):
    "Kim" in a corpus of North Korea stories tells none of them apart.

    >>> sorted(common_terms([frozenset({"@kim", "@asahi"}), frozenset({"@kim", "2023"})]))
    ['@kim']
    """
    counted = list(story_terms)
    frequency = Counter(term for terms in counted for term in terms)
    return frozenset(t for t, n in frequency.items() if n >= 2 and n > COMMON_SHARE * len(counted))


def best_story(terms: frozenset[str], story_terms: Sequence[frozenset[str]]) -> int | None:
    """The story sharing the most of ``terms``, if at least :data:`MIN_SHARED` and more than
    any other story; else None.

    >>> best_story(frozenset({"@skerrin", "@fenmouth", "212", "@x"}),
    ...            [frozenset({"@kellport"}), frozenset({"@skerrin", "@fenmouth", "212"})])
    1
    """
    shared = sorted(((len(terms & mine), k) for k, mine in enumerate(story_terms)), reverse=True)
    if not shared or shared[0][0] < MIN_SHARED:
        return None
    if len(shared) > 1 and shared[1][0] == shared[0][0]:
        return None
    return shared[0][1]


def _url_names(url: str | None) -> set[str]:
    """The words of a web address's path as names ("kim-jong-un-video" -> @jong, @video),
    less its numbers (ids) and the words of web addresses ("html", "news")."""
    if not url:
        return set()
    try:
        path = urlsplit(url).path.lower()
    except ValueError:
        return set()
    return {"@" + w for w in _SLUG_WORD.findall(path) if w not in _WEB_WORDS}
