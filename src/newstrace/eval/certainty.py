"""Sentence certainty (Pei & Jurgens, EMNLP 2021): Pearson r and MAE of the predicted 1-6 score.

Data: JSON lines with ``finding`` (a sentence), ``sentence-level-certainty`` (mean rating,
1-6) and optionally ``split``. Which items are scored: if any item has ``split == "val"``,
the val items (the dev split of the full file); otherwise every item not marked ``train``, so
a held-back test file, or a file without a split field, is scored whole. The model is
trained on the ``train`` items only.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

from newstrace.analyze.certainty_model import CertaintyModel
from newstrace.errors import DataError
from newstrace.eval._io import rounded, write_predictions
from newstrace.eval._metrics import mae, pearson

LABEL = "sentence-level-certainty"


def read_items(path: Path) -> list[dict[str, Any]]:
    """Every item of a Pei & Jurgens JSONL file, checked for ``finding`` and the label."""
    items = []
    with Path(path).open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                item["finding"], item[LABEL] = str(item["finding"]), float(item[LABEL])
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                raise DataError(f"{path}:{number}: not a certainty item ({exc})") from exc
            items.append(item)
    return items


def scored_items(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The items :func:`evaluate` scores (see the module docstring for the rule)."""
    if any(item.get("split") == "val" for item in items):
        return [item for item in items if item.get("split") == "val"]
    return [item for item in items if item.get("split") != "train"]


def evaluate(data: Path, predictions: Path | None = None) -> dict[str, Any]:
    items = scored_items(read_items(data))
    if len(items) < 2:
        raise DataError(f"{data}: fewer than two items to score")
    gold = np.array([item[LABEL] for item in items])
    pred = CertaintyModel.load().predict([item["finding"] for item in items])
    ids = [str(item.get("id", i)) for i, item in enumerate(items)]
    write_predictions(predictions, zip(ids, (round(float(p), 4) for p in pred), strict=True))
    return rounded({"n": len(items), "pearson_r": pearson(pred, gold), "mae": mae(pred, gold)})
