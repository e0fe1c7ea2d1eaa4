"""Check-worthiness: how likely a sentence is a factual claim worth fact-checking.

A class-balanced logistic regression (:class:`~newstrace.analyze.sparse_linear.SparseLinear`)
over what marks such sentences without parsing them: word 1-2-grams, character 2-5-grams (both
with digits folded to ``0``, so "$4.2 billion" and "$7.9 billion" look alike) and a few cue flags
(numbers, percentages, money, years, quantity words, first-person talk, "should"). It is
trained on CLEF CheckThat! 2024 task 1 (English political debates) by ``make train``
(``training/checkworthy.py``); scoring a sentence costs well under a millisecond,
so a whole ledger is scored in one batch.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import CountVectorizer

from newstrace.analyze.sparse_linear import SparseLinear, load_thresholded, save_thresholded

NAME = "checkworthy"
FORMAT = 1

_DIGIT = re.compile(r"\d")
_CUES: dict[str, re.Pattern[str]] = {
    "number": re.compile(r"\d"),
    "percent": re.compile(r"%|\bper ?cent\b", re.I),
    "money": re.compile(r"[$£€]|\b(dollars?|euros?|pounds)\b", re.I),
    "year": re.compile(r"\b(1[89]|20)\d\d\b"),
    "quantity": re.compile(
        r"\b(hundreds?|thousands?|millions?|billions?|trillions?|half|twice|doubled?|tripled?"
        r"|rate|average|record|highest|lowest)\b",
        re.I,
    ),
    "question": re.compile(r"\?\W*$"),
    "first_person": re.compile(r"\b(I|I'm|I've|I'd|I'll|me|my)\b"),
    "second_person": re.compile(r"\b(you|your|you're)\b", re.I),
    "normative": re.compile(r"\b(should|must|ought|need to|have to|let's|let us)\b", re.I),
}


def _normalise(text: str) -> str:
    """Lower-case and fold digits to ``0``: the kind of number matters, not its value."""
    return _DIGIT.sub("0", text.lower())


_WORD_NGRAMS = CountVectorizer(ngram_range=(1, 2), preprocessor=_normalise).build_analyzer()
_CHAR_NGRAMS = CountVectorizer(
    analyzer="char_wb", ngram_range=(2, 5), preprocessor=_normalise
).build_analyzer()


def checkworthy_features(text: str) -> dict[str, float]:
    """Counts of ``w=`` word n-grams, ``c=`` char n-grams and ``cue=`` flags of one sentence.

    >>> f = checkworthy_features("Prices rose 12% in 2019.")
    >>> f["w=prices rose"], f["cue=percent"], f["cue=year"], "cue=question" in f
    (1.0, 1.0, 1.0, False)
    """
    features: Counter[str] = Counter(f"w={gram}" for gram in _WORD_NGRAMS(text))
    features.update(f"c={gram}" for gram in _CHAR_NGRAMS(text))
    features.update(f"cue={name}" for name, cue in _CUES.items() if cue.search(text))
    if len(text.split()) < 6:
        features["cue=short"] += 1
    return {name: float(count) for name, count in features.items()}


class CheckworthyScorer:
    """Probability that a sentence is a check-worthy factual claim.

    >>> scorer = CheckworthyScorer.load()
    >>> high, low = scorer.score(["Unemployment fell to 3.9 percent in May.", "Thank you all."])
    >>> high > 0.5 > low
    True
    """

    def __init__(self, *, C: float = 3.0, threshold: float = 0.5, min_df: int = 2) -> None:
        self.C = C
        self.threshold = threshold
        self.min_df = min_df

    def fit(
        self, texts: Sequence[str], labels: Sequence[int | bool] | np.ndarray
    ) -> CheckworthyScorer:
        """Learn the weights; classes are balanced (only a quarter of the sentences are Yes)."""
        self.model_ = SparseLinear(
            task="classification", C=self.C, min_df=self.min_df, class_weight="balanced"
        ).fit([checkworthy_features(t) for t in texts], [int(bool(y)) for y in labels])
        self.threshold_ = self.threshold
        return self

    def score(self, texts: Sequence[str]) -> list[float]:
        """Probability in [0, 1], per sentence, that it is a check-worthy factual claim."""
        if not texts:
            return []
        rows = [checkworthy_features(t) for t in texts]
        return self.model_.predict_proba(rows)[:, 1].tolist()

    def predict(self, texts: Sequence[str]) -> list[bool]:
        """Yes/No per sentence: its score reaches the tuned ``threshold_``."""
        return [p >= self.threshold_ for p in self.score(texts)]

    def save(self, directory: Path) -> None:
        """Write the weights (JSON + npz, no pickle) and ``scorer.json`` with the threshold."""
        params = {"C": self.C, "threshold": self.threshold_, "min_df": self.min_df}
        save_thresholded(self.model_, directory, NAME, "scorer.json", params)

    @classmethod
    def load(cls, directory: Path | None = None) -> CheckworthyScorer:
        """Load the packaged model (checking its format) or one saved in ``directory``."""
        params, model = load_thresholded(NAME, FORMAT, directory, NAME, "scorer.json")
        scorer = cls(**params)
        scorer.model_ = model
        scorer.threshold_ = scorer.threshold
        return scorer
