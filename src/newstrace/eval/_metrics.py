"""The metrics the certainty-family tasks report, written out so edge cases are explicit."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def pearson(pred: Sequence[float] | np.ndarray, gold: Sequence[float] | np.ndarray) -> float:
    """Pearson's r; 0.0 when either side is constant (r is undefined there).

    >>> pearson([1, 2, 3], [2, 4, 7])
    0.9933992677987828
    """
    p, g = np.asarray(pred, dtype=float), np.asarray(gold, dtype=float)
    if p.std() == 0 or g.std() == 0:
        return 0.0
    return float(np.corrcoef(p, g)[0, 1])


def mae(pred: Sequence[float] | np.ndarray, gold: Sequence[float] | np.ndarray) -> float:
    """Mean absolute error."""
    return float(np.mean(np.abs(np.asarray(pred, dtype=float) - np.asarray(gold, dtype=float))))


def f1_of(
    pred: Sequence[object] | np.ndarray, gold: Sequence[object] | np.ndarray, label: object
) -> float:
    """F1 of one class: 2PR / (P + R), 0.0 when the class is never predicted or never gold."""
    tp = sum(p == label and g == label for p, g in zip(pred, gold, strict=True))
    predicted = sum(p == label for p in pred)
    actual = sum(g == label for g in gold)
    if tp == 0:
        return 0.0
    precision, recall = tp / predicted, tp / actual
    return float(2 * precision * recall / (precision + recall))


def macro_f1(pred: Sequence[object] | np.ndarray, gold: Sequence[object] | np.ndarray) -> float:
    """Unweighted mean of per-class F1 over the classes present in ``gold`` or ``pred``."""
    labels = sorted(set(gold) | set(pred), key=str)
    return float(np.mean([f1_of(pred, gold, label) for label in labels]))
