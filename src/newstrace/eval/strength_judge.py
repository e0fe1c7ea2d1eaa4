"""Is a retelling stronger than what it retells? The pairwise judgement behind exaggeration.

Each phrasing gets a claim strength (0 no relationship, 1 correlational, 2 conditional
causal, 3 direct causal): the level its cue words settle when they settle one
(:func:`~newstrace.eval.strength_cues.cue_strength`, the InSciOut coding), else the learned
model's (:mod:`newstrace.eval.strength_model`, trained on PubMed conclusions and the
InSciOut training pairs' own sentences). A retelling
with a higher level exaggerates, a lower one downplays: with the true levels this is exactly
InSciOut's label. Only ``newstrace eval exaggeration`` uses it today; ``judge`` takes two
plain texts so the trace's drift stage could call it too.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from newstrace.eval.strength_cues import claim_core, cue_strength
from newstrace.eval.strength_model import StrengthModel

SAME, EXAGGERATES, DOWNPLAYS = "same", "exaggerates", "downplays"


@lru_cache(maxsize=1)
def _model() -> StrengthModel:
    return StrengthModel.load()


def strengths(texts: Sequence[str]) -> list[int]:
    """The claim strength (0-3) of each text."""
    return settled(texts, _model().predict(texts))


def settled(texts: Sequence[str], learned: Sequence[int] | np.ndarray) -> list[int]:
    """Each text's strength: the level its cue words settle, else its ``learned`` one."""
    return [
        level if (level := cue_strength(claim_core(text))) is not None else int(guess)
        for text, guess in zip(texts, learned, strict=True)
    ]


def compare(before: int, after: int) -> str:
    """The label of a retelling at strength ``after`` of a claim at strength ``before``."""
    if after == before:
        return SAME
    return EXAGGERATES if after > before else DOWNPLAYS


def judge(earlier: str, later: str) -> str:
    """``exaggerates``, ``downplays`` or ``same``: how ``later`` retells ``earlier``.

    For many pairs, :func:`strengths` of all texts at once and :func:`compare` are faster.
    """
    before, after = strengths([earlier, later])
    return compare(before, after)
