"""Small shared pieces of the evaluation tasks: prediction files and metric rounding."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any


def write_predictions(path: Path | None, rows: Iterable[tuple[str, Any]]) -> None:
    """Write one JSON line ``{"id", "prediction"}`` per item; do nothing without a path."""
    if path is None:
        return
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for item_id, prediction in rows:
            out.write(json.dumps({"id": item_id, "prediction": prediction}) + "\n")


def rounded(metrics: dict[str, float], digits: int = 4) -> dict[str, float]:
    """Round every float metric so the printed JSON line stays readable."""
    return {k: round(v, digits) if isinstance(v, float) else v for k, v in metrics.items()}
