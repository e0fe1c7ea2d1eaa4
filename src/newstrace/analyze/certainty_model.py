"""The learned sentence-certainty model: how certain a sentence sounds, on Pei & Jurgens' 1-6 scale.

It is a ridge regression over :func:`~newstrace.analyze.sentence_features.sentence_features`
trained on the Pei & Jurgens (EMNLP 2021) findings (``make train``: ``training/certainty.py``).
Besides the 1-6 prediction it keeps the quantiles of its own predictions on the training
sentences, so :meth:`SentenceCertainty.rank` can say where a claim stands among typical
sentences; the assessor uses that rank to place a claim inside the score band of its level.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newstrace.analyze.sentence_features import sentence_features
from newstrace.analyze.sparse_linear import SparseLinear
from newstrace.artefacts import model_dir, read_meta

NAME = "certainty"
FORMAT = 1
SCALE = (1.0, 6.0)


class SentenceCertainty:
    """Predict a sentence's certainty (1-6) from its token texts."""

    def __init__(self, *, alpha: float = 1.0, min_df: int = 2, n_quantiles: int = 101) -> None:
        self.alpha = alpha
        self.min_df = min_df
        self.n_quantiles = n_quantiles

    def fit(
        self, sentences: Sequence[Sequence[str]], y: Sequence[float] | np.ndarray
    ) -> SentenceCertainty:
        rows = [sentence_features(words) for words in sentences]
        self.model_ = SparseLinear(task="regression", alpha=self.alpha, min_df=self.min_df)
        self.model_.fit(rows, y)
        fitted = self.model_.predict(rows)
        self.quantiles_ = np.quantile(fitted, np.linspace(0.0, 1.0, self.n_quantiles))
        return self

    def predict(self, sentences: Sequence[Sequence[str]]) -> np.ndarray:
        """Certainty on the 1-6 scale, clipped to it."""
        rows = [sentence_features(words) for words in sentences]
        return np.clip(self.model_.predict(rows), *SCALE)

    def predict_one(self, words: Sequence[str]) -> float:
        """:meth:`predict` for one sentence, without the batch machinery (for claims)."""
        value = self.model_.decision_one(sentence_features(words))[0]
        return float(np.clip(value, *SCALE))

    def rank(self, prediction: float) -> float:
        """Where ``prediction`` falls among the training predictions, in [0, 1]."""
        grid = np.linspace(0.0, 1.0, len(self.quantiles_))
        return float(np.interp(prediction, self.quantiles_, grid))

    def save(self) -> None:
        directory = model_dir(NAME)
        self.model_.save(directory, "sentence")
        np.savez_compressed(directory / "quantiles.npz", quantiles=self.quantiles_)

    @classmethod
    def load(cls) -> SentenceCertainty:
        read_meta(NAME, fmt=FORMAT)
        directory = model_dir(NAME)
        model = cls()
        model.model_ = SparseLinear.load(directory, "sentence")
        with np.load(directory / "quantiles.npz", allow_pickle=False) as arrays:
            model.quantiles_ = arrays["quantiles"]
        return model
