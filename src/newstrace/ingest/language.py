"""Which language an article is in, and which of its passages are in another, offline and
cheaply: the analyzer refuses an article in another language politely, and leaves a foreign
passage of an English article (a quoted original, the other half of a bilingual page) out of
its claims instead of misreading it as English."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from newstrace.model import ForeignPassage, Span

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

SAMPLE_CHARS = 5000
"""Only the start of a text is classified: a few thousand characters settle the language and
keep the cost flat (about 2 ms) however long the article is."""

UNDETERMINED = "und"


def detect_language(text: str) -> tuple[str, float]:
    """The text's language as an ISO 639-1 code (639-3 where there is none) and a probability.

    Text without letters gives ``("und", 0.0)``. The model (py3langid's, shipped with the
    package) loads once, in about a second, on first use.

    >>> detect_language("The defector said the video surfaced in April.")[0]
    'en'
    """
    sample = text[:SAMPLE_CHARS]
    if not any(char.isalpha() for char in sample):
        return UNDETERMINED, 0.0
    language, probability = _identifier().classify(sample)
    return language, float(probability)


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier  # imports NumPy: when used

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


# --- passages in another language --------------------------------------------------------------
# Tuned by `newstrace eval passages` on its tune part (real English news of PolNeAR train, GVC
# train and real-stories/health, with real paragraphs of the 9 other languages of the SemEval
# 2022 news-similarity set spliced in); docs/BENCHMARKS.md has the figures of the tune part and
# of the part left untouched. Below these, a passage's language is not decided: short English
# lines (a byline, a list of names, "Photo: Reuters") are too often taken for another language.

PASSAGE_MIN_LETTERS = 30
"""Letters a passage needs before its language is judged (a CJK character counts as 3)."""

PASSAGE_MIN_CONFIDENCE = 0.5
"""py3langid's probability (normalised over its languages) that a foreign guess needs."""

PASSAGE_MAX_OWN = 0.05
"""The most probability the article's own language may keep for a passage to be foreign."""

LONG_PARAGRAPH = 400
"""A line longer than this many characters is judged in runs of sentences, not whole."""

_LINE = re.compile(r"[^\n]+")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=\S)|(?<=[。！？])")
_WORD = re.compile(r"\w+")
_COMMON_ENGLISH = (
    "the and of that with was were for from this have has which would their they is are "
    "said will been it its"
)
_ENGLISH_WORDS = frozenset(_COMMON_ENGLISH.split())
_WIDE = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def foreign_passages(
    text: str,
    language: str = "en",
    *,
    min_letters: int = PASSAGE_MIN_LETTERS,
    min_confidence: float = PASSAGE_MIN_CONFIDENCE,
    max_own: float = PASSAGE_MAX_OWN,
) -> list[ForeignPassage]:
    """The passages of ``text`` in another language than ``language``, at their offsets.

    A passage is a line of the text, or a run of sentences of a long one, with at least
    ``min_letters`` letters; a run of them found in one language (short lines between them
    included) is one passage.

    >>> text = "The mayor spoke on Monday.\\nWir öffnen die Brücke im Frühling wieder, sagte er."
    >>> [(p.span.start, p.span.end, p.language) for p in foreign_passages(text)]
    [(27, 78, 'de')]
    """
    found: list[ForeignPassage] = []
    joins = False  # whether a unit in the last found passage's language would join it
    for unit in _units(text, min_letters):
        if _letters(unit.text) < min_letters:
            continue  # too short to judge: neither ends nor starts a passage
        guess = _foreign(unit.text, language, min_confidence, max_own)
        if guess is None:
            joins = False
        elif joins and found[-1].language == guess[0]:
            last = found[-1]
            span = Span.of(text, last.span.start, unit.end)
            found[-1] = ForeignPassage(span, guess[0], min(last.confidence, guess[1]))
        else:
            found.append(ForeignPassage(unit, *guess))
            joins = True
    return found


def _foreign(
    text: str, language: str, min_confidence: float, max_own: float
) -> tuple[str, float] | None:
    """``text``'s language and its probability when it is not ``language``, else ``None``."""
    if language == "en" and _plainly_english(text):
        return None
    code, confidence = _identifier().classify(text)
    if code == language or confidence < min_confidence or _own(text, language) > max_own:
        return None
    return code, round(float(confidence), 4)


def _plainly_english(text: str) -> bool:
    """Whether a fifth or more of the words are English words no other language uses as often:
    most English paragraphs, which then cost no identification (a third of the time)."""
    words = _WORD.findall(text.lower())
    return sum(word in _ENGLISH_WORDS for word in words) * 5 >= len(words)


def _own(text: str, language: str) -> float:
    """The probability that ``text`` is in ``language`` (asked only of a foreign guess)."""
    return float(next((p for code, p in _identifier().rank(text) if code == language), 0.0))


def _units(text: str, min_letters: int) -> Iterator[Span]:
    """Each line of ``text`` (blanks trimmed), a long one cut into runs of sentences."""
    for line in _LINE.finditer(text):
        start, end = _trimmed(text, line.start(), line.end())
        if end - start <= LONG_PARAGRAPH:
            if start < end:
                yield Span.of(text, start, end)
            continue
        yield from _sentence_runs(text, start, end, min_letters)


def _sentence_runs(text: str, start: int, end: int, min_letters: int) -> Iterator[Span]:
    """``text[start:end]`` in runs of whole sentences of ``min_letters`` letters or more (a
    short last sentence joins the run before it)."""
    runs: list[tuple[int, int]] = []
    run_start = start
    for cut in _SENTENCE_END.finditer(text, start, end):
        if _letters(text[run_start : cut.start()]) >= min_letters:
            runs.append((run_start, cut.start()))
            run_start = cut.end()
    if runs and _letters(text[run_start:end]) < min_letters:
        run_start = runs.pop()[0]
    runs.append((run_start, end))
    return (Span.of(text, a, b) for a, b in runs)


def sentence_cuts(text: str) -> list[int]:
    """Where the sentences of ``text`` end (a rough cut, at ``.!?…`` before a space, or after
    ``。！？``), as offsets.

    >>> sentence_cuts("Kim cried. Lee left! 金は泣いた。")
    [10, 20, 27]
    """
    return [cut.start() for cut in _SENTENCE_END.finditer(text)]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _letters(text: str) -> int:
    """Letters in ``text``, a CJK character counted as 3 (one carries about a word)."""
    return sum(char.isalpha() for char in text) + 2 * len(_WIDE.findall(text))
