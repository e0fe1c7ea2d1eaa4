"""Train the weasel and claim-strength classifiers (run by ``newstrace.training.certainty``).

``python -m newstrace.training.certainty --only weasel strength`` trains both. Each is fitted
on the rows of its public train file outside the seeded 20% holdout
(:func:`~newstrace.eval.sentence_classifier.holdout_rows`), C chosen by 5-fold cross
validation on those rows; the held-out rows are scored once and, with ``holdout_dir``, copied
to ``build/holdout/<name>_dev.csv`` for ``newstrace eval``. The models go to
``newstrace/eval/models/<name>/``.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.model_selection import StratifiedKFold

from newstrace.analyze.sentence_features import tokenise
from newstrace.artefacts import EVAL_MODELS_DIR, model_dir, write_meta
from newstrace.eval.sentence_classifier import (
    FORMAT,
    HOLDOUT,
    SEED,
    TASKS,
    SentenceClassifier,
    Task,
    holdout_rows,
    read_rows,
)

C_GRID = (1.0, 3.0, 10.0, 30.0)
HOLDOUT_DIR = Path("build/holdout")


def train(name: str, data: Path, holdout_dir: Path | None = HOLDOUT_DIR) -> dict[str, Any]:
    """Fit task ``name`` on its non-held-out rows (C by 5-fold CV); score the held-out rows."""
    task = TASKS[name]
    path = data / task.file
    texts, labels = read_rows(path, task.text)
    held = set(holdout_rows(len(texts)).tolist())
    fit_ids = [i for i in range(len(texts)) if i not in held]
    dev_ids = sorted(held)
    words, y = tokenise(texts), np.array(labels)
    fit_words, fit_y = [words[i] for i in fit_ids], y[fit_ids]
    C = max(C_GRID, key=lambda c: _cv_score(task, fit_words, fit_y, c))
    model = SentenceClassifier(C=C, class_weight=task.class_weight).fit(fit_words, fit_y)
    pred = model.predict([words[i] for i in dev_ids])
    figures = {"n": len(dev_ids), task.metric_name: round(task.metric(pred, y[dev_ids]), 4)}
    model.model_.save(model_dir(name, root=EVAL_MODELS_DIR), "classifier")
    write_meta(
        name,
        fmt=FORMAT,
        root=EVAL_MODELS_DIR,
        trained_on=f"{path.name}: {len(fit_ids)} rows (seeded 80%)",
        holdout=f"rows {HOLDOUT:.0%} by numpy default_rng({SEED}).permutation",
        C=C,
        dev=figures,
    )
    if holdout_dir is not None:
        _write_holdout(holdout_dir / f"{name}_dev.csv", path, dev_ids)
    return figures


def _cv_score(task: Task, words: list[list[str]], y: np.ndarray, C: float) -> float:
    scores = []
    for fit, held in StratifiedKFold(5, shuffle=True, random_state=SEED).split(words, y):
        model = SentenceClassifier(C=C, class_weight=task.class_weight)
        model.fit([words[i] for i in fit], y[fit])
        scores.append(task.metric(model.predict([words[i] for i in held]), y[held]))
    return float(np.mean(scores))


def _write_holdout(target: Path, source: Path, ids: list[int]) -> None:
    """Copy the held-out rows, as they are, to a CSV outside the package (under build/)."""
    with source.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header, rows = next(reader), list(reader)
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        writer.writerows(rows[i] for i in ids)
