"""Claim strength of PubMed conclusions (Yu et al. 2019): macro-F1 over labels 0-3.

Labels: 0 no relationship, 1 correlational, 2 conditional causal, 3 direct causal.

Data: a CSV with the text column and ``label``; every row of the file given is scored (PTB
escapes such as ``-LRB-`` are undone first). The packaged model was trained on a seeded 80% of
the public train file; the other 20% is our dev set, written to ``build/holdout/strength_dev.csv``
by ``python -m newstrace.training.certainty --only strength`` (see
:mod:`newstrace.eval.sentence_classifier`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newstrace.eval.sentence_classifier import evaluate_file


def evaluate(data: Path, predictions: Path | None = None) -> dict[str, Any]:
    return evaluate_file("strength", data, predictions)
