"""A linear model over named sparse features, stored as JSON + npz instead of a pickle.

The certainty, factuality, weasel and claim-strength models are all linear over hand-built
features (n-grams, cue counts, parse features). scikit-learn fits them; this class keeps only
the feature names, idf weights and coefficients, so loading needs no pickle and scoring one
claim is a dictionary look-up and a dot product. Fitting and predicting share one
``_matrix`` transform, so training and run time cannot drift apart.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression, Ridge

from newstrace.artefacts import model_dir, read_meta
from newstrace.errors import ArtefactError

Features = Mapping[str, float]


class SparseLinear:
    """Ridge regression or logistic regression over ``{feature name: value}`` rows.

    With ``tfidf`` the values are treated as counts: sublinear tf, smoothed idf, l2 norm (as
    scikit-learn's ``TfidfTransformer(sublinear_tf=True)``); without it they are used as given.
    """

    def __init__(
        self,
        *,
        task: str = "regression",
        alpha: float = 1.0,
        C: float = 1.0,
        tfidf: bool = True,
        min_df: int = 1,
        class_weight: str | None = None,
        seed: int = 0,
    ) -> None:
        self.task = task
        self.alpha = alpha
        self.C = C
        self.tfidf = tfidf
        self.min_df = min_df
        self.class_weight = class_weight
        self.seed = seed

    def fit(self, rows: Sequence[Features], y: Sequence[Any] | np.ndarray) -> SparseLinear:
        if self.task not in ("regression", "classification"):
            raise ValueError(f"task must be regression or classification, not {self.task!r}")
        self._fit_vocabulary(rows)
        X = self._matrix(rows)
        if self.task == "regression":
            est = Ridge(alpha=self.alpha).fit(X, np.asarray(y, dtype=float))
            self.classes_ = None
        else:
            est = LogisticRegression(
                C=self.C, class_weight=self.class_weight, max_iter=5000, random_state=self.seed
            ).fit(X, np.asarray(y))
            self.classes_ = est.classes_.tolist()
        self.coef_ = np.atleast_2d(est.coef_).astype(np.float64)
        self.intercept_ = np.atleast_1d(est.intercept_).astype(np.float64)
        return self

    def _fit_vocabulary(self, rows: Sequence[Features]) -> None:
        df: dict[str, int] = {}
        for row in rows:
            for name in row:
                df[name] = df.get(name, 0) + 1
        names = sorted(name for name, count in df.items() if count >= self.min_df)
        self.features_ = names
        self.vocabulary_ = {name: i for i, name in enumerate(names)}
        counts = np.array([df[name] for name in names], dtype=float)
        self.idf_ = np.log((1 + len(rows)) / (1 + counts)) + 1 if self.tfidf else None

    def _row(self, row: Features) -> tuple[np.ndarray, np.ndarray]:
        """Column indices and weighted values of one row (sublinear tf-idf, l2 norm)."""
        pairs = [
            (self.vocabulary_[n], float(v)) for n, v in row.items() if v and n in self.vocabulary_
        ]
        cols = np.array([c for c, _ in pairs], dtype=np.int64)
        values = np.array([v for _, v in pairs], dtype=np.float64)
        if self.idf_ is not None and len(values):  # an idf is kept exactly when tfidf is on
            values = (1.0 + np.log(values)) * self.idf_[cols]
            values /= np.sqrt(values @ values)
        return cols, values

    def _matrix(self, rows: Sequence[Features]) -> sparse.csr_matrix:
        weighted = [self._row(row) for row in rows]
        indptr = np.cumsum([0] + [len(cols) for cols, _ in weighted])
        cols = np.concatenate([c for c, _ in weighted] or [np.zeros(0, np.int64)])
        data = np.concatenate([v for _, v in weighted] or [np.zeros(0)])
        return sparse.csr_matrix((data, cols, indptr), shape=(len(rows), len(self.features_)))

    def decision_one(self, row: Features) -> np.ndarray:
        """Raw scores of a single row without building a matrix: the per-claim fast path."""
        cols, values = self._row(row)
        return self.coef_[:, cols] @ values + self.intercept_

    def weights(self) -> dict[str, float]:
        """Each feature's weight, for a model of one output without tf-idf: a row's score is
        the intercept plus the sum of value x weight, which a caller scoring many small rows
        adds up faster itself than through a matrix."""
        if self.idf_ is not None or self.coef_.shape[0] != 1:
            raise ValueError("weights() is for a model of one output without tf-idf")
        return dict(zip(self.features_, self.coef_[0].tolist(), strict=True))

    def decision_function(self, rows: Sequence[Features]) -> np.ndarray:
        """Raw linear scores, shape ``(n, outputs)``."""
        return np.asarray(self._matrix(rows) @ self.coef_.T) + self.intercept_

    def predict(self, rows: Sequence[Features]) -> np.ndarray:
        scores = self.decision_function(rows)
        if self.classes_ is None:
            return scores[:, 0]
        if scores.shape[1] == 1:
            return np.asarray(self.classes_)[(scores[:, 0] > 0).astype(int)]
        return np.asarray(self.classes_)[scores.argmax(axis=1)]

    def predict_proba(self, rows: Sequence[Features]) -> np.ndarray:
        """Class probabilities (classification only), columns in ``classes_`` order."""
        scores = self.decision_function(rows)
        if scores.shape[1] == 1:
            positive = 1.0 / (1.0 + np.exp(-scores[:, 0]))
            return np.column_stack([1.0 - positive, positive])
        scores = np.exp(scores - scores.max(axis=1, keepdims=True))
        return scores / scores.sum(axis=1, keepdims=True)

    def save(self, directory: Path, name: str) -> None:
        """Write ``<name>.json`` (parameters, classes, feature names) and ``<name>.npz``."""
        directory.mkdir(parents=True, exist_ok=True)
        head = {
            "params": {k: getattr(self, k) for k in _PARAMS},
            "classes": self.classes_,
            "features": self.features_,
        }
        (directory / f"{name}.json").write_text(json.dumps(head), encoding="utf-8")
        arrays = {"coef": self.coef_, "intercept": self.intercept_}
        if self.idf_ is not None:
            arrays["idf"] = self.idf_
        np.savez_compressed(directory / f"{name}.npz", allow_pickle=False, **arrays)

    @classmethod
    def load(cls, directory: Path, name: str) -> SparseLinear:
        try:
            head = json.loads((directory / f"{name}.json").read_text(encoding="utf-8"))
            arrays = np.load(directory / f"{name}.npz", allow_pickle=False)
        except FileNotFoundError as exc:
            raise ArtefactError(f"{exc.filename} is missing; rebuild it with `make train`") from exc
        model = cls(**head["params"])
        model.classes_ = head["classes"]
        model.features_ = head["features"]
        model.vocabulary_ = {name: i for i, name in enumerate(model.features_)}
        model.coef_, model.intercept_ = arrays["coef"], arrays["intercept"]
        model.idf_ = arrays.get("idf")
        return model


_PARAMS = ("task", "alpha", "C", "tfidf", "min_df", "class_weight", "seed")


def save_thresholded(
    model: SparseLinear, directory: Path, name: str, settings: str, params: dict[str, Any]
) -> None:
    """Write a thresholded classifier: its weights and the file ``settings`` holding the
    estimator's own parameters (C, the tuned threshold, ...)."""
    model.save(directory, name)
    (directory / settings).write_text(json.dumps(params) + "\n", encoding="utf-8")


def load_thresholded(
    artefact: str, fmt: int, directory: Path | None, name: str, settings: str
) -> tuple[dict[str, Any], SparseLinear]:
    """The parameters and weights :func:`save_thresholded` wrote, from the packaged model
    ``artefact`` (checking its format) or from ``directory``."""
    if directory is None:
        read_meta(artefact, fmt=fmt)
        directory = model_dir(artefact)
    path = directory / settings
    if not path.exists():
        raise ArtefactError(f"{path} is missing; rebuild it with `make train`")
    return json.loads(path.read_text(encoding="utf-8")), SparseLinear.load(directory, name)
