"""Is a retelling stronger than what it retells? The pairwise judgement behind exaggeration.

Each phrasing gets a claim strength (0 no relation, 1 correlational, 2 conditional causal,
3 direct causal; the eval-only ``strength`` model, trained on PubMed conclusions), and the
hedges each carries are counted: a retelling that claims a stronger relation, or keeps it
with fewer hedges, exaggerates; the reverse downplays. Only ``newstrace eval exaggeration``
uses it (:mod:`newstrace.eval.exaggeration`); the trace's own drift labels do not.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from newstrace.analyze.sentence_features import tokenise
from newstrace.eval.sentence_classifier import SentenceClassifier
from newstrace.trace.drift import lexicon

SAME, EXAGGERATES, DOWNPLAYS = "same", "exaggerates", "downplays"


@lru_cache(maxsize=1)
def _model() -> SentenceClassifier:
    return SentenceClassifier.load("strength")


def strengths(texts: Sequence[str]) -> list[int]:
    """The claim strength (0-3) of each text."""
    return [int(value) for value in _model().predict(tokenise(list(texts)))]


def judge(earlier: str, later: str, strength: tuple[int, int] | None = None) -> str:
    """``exaggerates``, ``downplays`` or ``same``: how ``later`` retells ``earlier``.

    ``strength`` passes both strengths when they were computed in bulk.
    """
    before, after = strength if strength is not None else strengths([earlier, later])
    if after != before:
        return EXAGGERATES if after > before else DOWNPLAYS
    hedges = _hedges(earlier) - _hedges(later)
    if hedges >= 2:
        return EXAGGERATES
    if hedges <= -2:
        return DOWNPLAYS
    return SAME


def _hedges(text: str) -> int:
    lowered = f" {' '.join(text.lower().split())} "
    return sum(lowered.count(f" {hedge} ") for hedge in lexicon().hedges)
