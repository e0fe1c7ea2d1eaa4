"""The learned claim-strength model behind the exaggeration judge: words plus a sentence gist.

Two multinomial logistic regressions over the finding without its reporting frame
(:func:`~newstrace.eval.strength_cues.claim_core`), averaged: one over word n-grams and hedge
cues (:func:`~newstrace.analyze.sentence_features.sentence_features`), which knows the cue
words, and one over the MiniLM sentence embedding (:mod:`newstrace.trace.embed`), which
still says something about wording the PubMed data never used (headlines, lay verbs). Trained
by :mod:`newstrace.training.strength`; stored in ``newstrace/eval/models/claim_strength/``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sklearn.linear_model import LogisticRegression

from newstrace.analyze.sentence_features import sentence_features, tokenise
from newstrace.analyze.sparse_linear import SparseLinear
from newstrace.artefacts import EVAL_MODELS_DIR, model_dir, read_meta
from newstrace.errors import ArtefactError
from newstrace.eval.strength_cues import claim_core

NAME = "claim_strength"
FORMAT = 1
SEED = 13


class StrengthModel:
    """Claim strength (0-3) probabilities of texts; ``fit`` on texts and their levels."""

    def __init__(self, *, C_words: float = 1.0, C_gist: float = 1.0) -> None:
        self.C_words = C_words
        self.C_gist = C_gist

    def fit(self, texts: Sequence[str], y: Sequence[int] | np.ndarray) -> StrengthModel:
        return self.fit_inputs(*inputs(texts), y)

    def fit_inputs(
        self, words: Sequence[dict[str, float]], gists: np.ndarray, y: Sequence[int] | np.ndarray
    ) -> StrengthModel:
        """``fit`` on texts already read by :func:`inputs` (cross-validation reads them once)."""
        self.words_ = SparseLinear(
            task="classification", C=self.C_words, class_weight="balanced", min_df=2, seed=SEED
        ).fit(words, y)
        gist = LogisticRegression(
            C=self.C_gist, class_weight="balanced", max_iter=5000, random_state=SEED
        ).fit(gists, np.asarray(y))
        self.gist_coef_, self.gist_intercept_ = gist.coef_, gist.intercept_
        return self

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        """Shape ``(n, 4)``: the mean of both models' probabilities of levels 0-3."""
        return self.probabilities_of(*inputs(texts))

    def probabilities_of(self, words: Sequence[dict[str, float]], gists: np.ndarray) -> np.ndarray:
        """``probabilities`` of texts already read by :func:`inputs`."""
        scores = gists @ self.gist_coef_.T + self.gist_intercept_
        scores = np.exp(scores - scores.max(axis=1, keepdims=True))
        gist = scores / scores.sum(axis=1, keepdims=True)
        return np.asarray((self.words_.predict_proba(words) + gist) / 2)

    def predict(self, texts: Sequence[str]) -> np.ndarray:
        return self.probabilities(texts).argmax(axis=1)

    def save(self) -> None:
        directory = model_dir(NAME, root=EVAL_MODELS_DIR)
        self.words_.save(directory, "words")
        np.savez_compressed(
            directory / "gist.npz",
            allow_pickle=False,
            coef=self.gist_coef_,
            intercept=self.gist_intercept_,
        )

    @classmethod
    def load(cls) -> StrengthModel:
        read_meta(NAME, fmt=FORMAT, root=EVAL_MODELS_DIR)
        directory = model_dir(NAME, root=EVAL_MODELS_DIR)
        model = cls()
        model.words_ = SparseLinear.load(directory, "words")
        try:
            arrays = np.load(directory / "gist.npz", allow_pickle=False)
        except FileNotFoundError as exc:
            raise ArtefactError(f"{exc.filename} is missing; rebuild it with `make train`") from exc
        model.gist_coef_, model.gist_intercept_ = arrays["coef"], arrays["intercept"]
        return model


def inputs(texts: Sequence[str]) -> tuple[list[dict[str, float]], np.ndarray]:
    """Word features and sentence embeddings of each text's claim core."""
    from newstrace.trace.embed import sentence_encoder

    cores = [claim_core(text) for text in texts]
    words = [sentence_features(tokens) for tokens in tokenise(cores)]
    return words, sentence_encoder().encode(cores)
