"""Weasel wording (Wikipedia, derived from CoNLL-2010 task 1): F1 of the uncertain class (label 1).

Data: a CSV with the text column and ``label``; every row of the file given is scored (PTB
escapes such as ``-LRB-`` are undone first). The packaged model was trained on a seeded 80% of
the public train file; the other 20% is our dev set, written to ``build/holdout/weasel_dev.csv``
by ``python -m newstrace.training.certainty --only weasel`` (see
:mod:`newstrace.eval.sentence_classifier`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newstrace.eval.sentence_classifier import evaluate_file


def evaluate(data: Path, predictions: Path | None = None) -> dict[str, Any]:
    return evaluate_file("weasel", data, predictions)
