"""What the trace keeps of each article to compare it with others, cheaply and in bulk.

Copy detection needs the article's own wording (hashed word 5-grams outside quotations, so
two reports sharing a quote do not look copied); story grouping needs what it is about
(term counts, names and numbers included). Both come from one pass over the text.
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from newstrace.ingest.chrome import chrome_spans
from newstrace.trace.text import STOPWORDS, outside, quoted_regions, stem, tokens

SHINGLE_WORDS = 5


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """An article reduced to what copy detection and story grouping compare.

    ``shingles`` are the sorted, unique CRC-32 hashes of its word 5-grams outside quotation
    marks; ``terms`` counts its content-word stems (numbers kept, stop words dropped).
    """

    article_id: str
    shingles: np.ndarray
    terms: Counter[str]
    published: date | None
    outlet: str | None


def fingerprint(
    article_id: str,
    text: str,
    published: date | None,
    outlet: str | None,
    chrome: Sequence[tuple[int, int]] | None = None,
) -> Fingerprint:
    """The :class:`Fingerprint` of one article's text, its page chrome (``chrome``: its spans,
    when found already) left out: a shared "Subscribe" box or menu is neither copying nor
    the same story."""
    chrome = chrome_spans(text) if chrome is None else chrome
    words = [w for w in tokens(text) if outside(w, chrome)] if chrome else tokens(text)
    quoted = quoted_regions(text)
    return Fingerprint(
        article_id,
        _shingles(
            [w.lower for w in words if outside(w, quoted)] if quoted else [w.lower for w in words]
        ),
        _terms(text, words),
        published,
        outlet,
    )


def is_specific(term: str) -> bool:
    """Whether a term names who, where or how many (a name or a number): versions of one event
    share these, while other events told in the same words (a template, boilerplate) do not."""
    return term.startswith("@") or term[:1].isdigit()


def shared_shingles(a: Fingerprint, b: Fingerprint) -> int:
    """How many word 5-grams the two articles' own wording has in common."""
    return int(np.intersect1d(a.shingles, b.shingles, assume_unique=True).size)


def _terms(text: str, words: list) -> Counter[str]:
    """Content-word stems, plus each capitalised word inside a sentence again as a name
    (``@ashbury``): the who and where tell two stories on one topic apart."""
    terms = Counter(stem(w.lower) for w in words if _is_term(w.lower))
    terms.update(
        "@" + w.lower
        for w in words
        if text[w.start].isupper() and _is_term(w.lower) and not _after_stop(text, w.start)
    )
    return terms


def _after_stop(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip()
    return not before or before[-1] in '.!?"“:\n'


def _is_term(word: str) -> bool:
    return word not in STOPWORDS and (len(word) >= 3 or word.isdigit())


def _shingles(words: list[str]) -> np.ndarray:
    grams = {
        zlib.crc32(" ".join(words[i : i + SHINGLE_WORDS]).encode())
        for i in range(len(words) - SHINGLE_WORDS + 1)
    }
    return np.array(sorted(grams), dtype=np.uint32)
