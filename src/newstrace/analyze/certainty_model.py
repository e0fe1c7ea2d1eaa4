"""The learned sentence-certainty model: how certain a sentence sounds, on Pei & Jurgens' 1-6 scale.

Two learners trained on the Pei & Jurgens (EMNLP 2021) findings (``make train``):
:class:`SentenceCertainty`, a ridge regression over
:func:`~newstrace.analyze.sentence_features.sentence_features` (``training/certainty.py``),
and :class:`~newstrace.analyze.certainty_encoder.EncodedCertainty`, a fine-tuned encoder
(``training/certainty_encoder.py``). :class:`CertaintyModel`, what the ledger and
``newstrace eval certainty`` use, averages the two and keeps the quantiles of its own
predictions on the training sentences, so :meth:`CertaintyModel.rank` can say where a claim
stands among typical sentences; the assessor uses that rank to place a claim inside the
score band of its level.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newstrace.analyze.certainty_encoder import SCALE, EncodedCertainty, read_quantiles
from newstrace.analyze.sentence_features import sentence_features, tokenise
from newstrace.analyze.sparse_linear import SparseLinear
from newstrace.artefacts import model_dir, read_meta

NAME = "certainty"
FORMAT = 2


class SentenceCertainty:
    """Predict a sentence's certainty (1-6) from its token texts (a ridge regression)."""

    def __init__(self, *, alpha: float = 1.0, min_df: int = 2) -> None:
        self.alpha = alpha
        self.min_df = min_df

    def fit(
        self, sentences: Sequence[Sequence[str]], y: Sequence[float] | np.ndarray
    ) -> SentenceCertainty:
        self.model_ = SparseLinear(task="regression", alpha=self.alpha, min_df=self.min_df)
        self.model_.fit([sentence_features(words) for words in sentences], y)
        return self

    def predict(self, sentences: Sequence[Sequence[str]]) -> np.ndarray:
        """Certainty on the 1-6 scale, clipped to it."""
        rows = [sentence_features(words) for words in sentences]
        return np.clip(self.model_.predict(rows), *SCALE)

    def predict_one(self, words: Sequence[str]) -> float:
        """:meth:`predict` for one sentence, without the batch machinery (for claims)."""
        value = self.model_.decision_one(sentence_features(words))[0]
        return float(np.clip(value, *SCALE))

    def save(self) -> None:
        self.model_.save(model_dir(NAME), "sentence")

    @classmethod
    def load(cls) -> SentenceCertainty:
        read_meta(NAME, fmt=FORMAT)
        model = cls()
        model.model_ = SparseLinear.load(model_dir(NAME), "sentence")
        return model


class CertaintyModel:
    """The ridge and the encoder averaged: a sentence's certainty (1-6) from its text, and
    where a prediction ranks among the training sentences'."""

    def __init__(
        self, ridge: SentenceCertainty, encoder: EncodedCertainty, quantiles: np.ndarray
    ) -> None:
        self.ridge = ridge
        self.encoder = encoder
        self.quantiles = quantiles

    @classmethod
    def load(cls) -> CertaintyModel:
        """The packaged model (``models/certainty`` and ``models/certainty-encoder``)."""
        return cls(SentenceCertainty.load(), EncodedCertainty.load(), read_quantiles())

    def predict(self, texts: Sequence[str]) -> np.ndarray:
        """Certainty on the 1-6 scale, one value per text."""
        return (self.ridge.predict(tokenise(texts)) + self.encoder.predict(texts)) / 2

    def predict_one(self, text: str, words: Sequence[str]) -> float:
        """:meth:`predict` for one sentence (a claim's), given its text and its token texts
        (the parse's: tokenising again costs as much as the ridge)."""
        return (self.ridge.predict_one(words) + self.encoder.predict_one(text)) / 2

    def rank(self, prediction: float) -> float:
        """Where ``prediction`` falls among the training predictions, in [0, 1]."""
        grid = np.linspace(0.0, 1.0, len(self.quantiles))
        return float(np.interp(prediction, self.quantiles, grid))
