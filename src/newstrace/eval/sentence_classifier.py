"""Sentence classifiers for weasel wording (Wikipedia, CoNLL-2010) and claim strength (PubMed).

Both are logistic regressions over :func:`~newstrace.analyze.sentence_features.sentence_features`
read from a ``text,label`` CSV. Both data sets ship only a train file here, so a seeded 20% of
its rows is held out as our dev set (:func:`holdout_rows`); training
(:mod:`newstrace.training.sentence_classifier`) never sees those rows and writes them out as a
CSV of the same format for ``newstrace eval``. Only ``newstrace eval weasel``, ``eval strength``
and ``eval exaggeration`` load these models, from ``newstrace/eval/models/``.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from newstrace.analyze.sentence_features import sentence_features, tokenise
from newstrace.analyze.sparse_linear import SparseLinear
from newstrace.artefacts import EVAL_MODELS_DIR, model_dir, read_meta
from newstrace.errors import DataError
from newstrace.eval._io import write_predictions
from newstrace.eval._metrics import f1_of, macro_f1

FORMAT = 1
SEED = 13
HOLDOUT = 0.2
_PTB = {
    "-LRB-": "(",
    "-RRB-": ")",
    "-LSB-": "[",
    "-RSB-": "]",
    "-LCB-": "{",
    "-RCB-": "}",
    "``": '"',
    "''": '"',
}
_PTB_RE = re.compile("|".join(re.escape(k) for k in _PTB))


@dataclass(frozen=True)
class Task:
    """Where a task's train file lives, its columns, and the metric it is scored by."""

    file: str
    text: str
    metric: Callable[[Sequence[int] | np.ndarray, Sequence[int] | np.ndarray], float]
    metric_name: str
    class_weight: str | None


TASKS = {
    "weasel": Task(
        "weasel/train.csv", "text", lambda p, g: f1_of(p, g, 1), "f1_uncertain", "balanced"
    ),
    "strength": Task(
        "claim-strength/annotated_pubmed.csv", "sentence", macro_f1, "macro_f1", "balanced"
    ),
}


def unescape_ptb(text: str) -> str:
    """Undo Penn Treebank escapes: ``-LRB-`` -> ``(``, ````` -> ``"``; strip the ends."""
    return _PTB_RE.sub(lambda m: _PTB[m.group(0)], text).strip()


def read_rows(path: Path, text_column: str) -> tuple[list[str], list[int]]:
    """Texts (PTB-unescaped) and integer labels of a ``<text_column>,label`` CSV."""
    try:
        with Path(path).open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        texts = [unescape_ptb(row[text_column]) for row in rows]
        labels = [int(float(row["label"])) for row in rows]
    except (KeyError, TypeError, ValueError, csv.Error) as exc:
        raise DataError(f"{path}: not a CSV with columns {text_column},label ({exc})") from exc
    if not rows:
        raise DataError(f"{path}: no rows")
    return texts, labels


def holdout_rows(n: int, seed: int = SEED) -> np.ndarray:
    """Sorted indices of the seeded 20% of ``n`` rows held out as dev."""
    order = np.random.default_rng(seed).permutation(n)
    return np.sort(order[: round(HOLDOUT * n)])


class SentenceClassifier:
    """Logistic regression over sentence features; ``predict`` takes token-text lists."""

    def __init__(self, *, C: float = 1.0, class_weight: str | None = None) -> None:
        self.C = C
        self.class_weight = class_weight

    def fit(
        self, sentences: Sequence[Sequence[str]], y: Sequence[int] | np.ndarray
    ) -> SentenceClassifier:
        rows = [sentence_features(words) for words in sentences]
        self.model_ = SparseLinear(
            task="classification", C=self.C, class_weight=self.class_weight, min_df=2, seed=SEED
        ).fit(rows, y)
        return self

    def predict(self, sentences: Sequence[Sequence[str]]) -> np.ndarray:
        return self.model_.predict([sentence_features(words) for words in sentences])

    @classmethod
    def load(cls, name: str) -> SentenceClassifier:
        read_meta(name, fmt=FORMAT, root=EVAL_MODELS_DIR)
        model = cls()
        model.model_ = SparseLinear.load(model_dir(name, root=EVAL_MODELS_DIR), "classifier")
        return model


def evaluate_file(name: str, data: Path, predictions: Path | None) -> dict[str, Any]:
    """Score every row of ``data`` with the packaged model of task ``name``."""
    task = TASKS[name]
    texts, labels = read_rows(data, task.text)
    pred = SentenceClassifier.load(name).predict(tokenise(texts))
    write_predictions(predictions, ((str(i), int(p)) for i, p in enumerate(pred)))
    return {"n": len(texts), task.metric_name: round(task.metric(pred.tolist(), labels), 4)}
