"""Exaggeration of scientific findings (Wright & Augenstein 2021, InSciOut pairs): macro-F1
over same / exaggerates / downplays, judging a press release's conclusion against the
paper's (:mod:`newstrace.eval.strength_judge`).

Data: JSON lines with ``abstract_conclusion``, ``press_release_conclusion`` and
``exaggeration_label`` (``insciout_train.jsonl``), every line scored.

What the figure means: the learned strength model is trained on PubMed conclusions and on
the 200 sentences of the ``insciout_train`` pairs themselves (their coded strengths), so its
figure on that file is in-sample; ``python -m newstrace.training.strength --cv`` gives the
cross-validated one (each fold judged by a model fitted without its pairs). The cue rules of
:mod:`newstrace.eval.strength_cues` were also written with those pairs' errors in sight.
The same command on the held-back InSciOut test file (563 pairs) gives the held-out figure.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from newstrace.errors import DataError
from newstrace.eval._io import write_predictions
from newstrace.eval._metrics import f1_of, macro_f1

LABELS = ("same", "exaggerates", "downplays")


def read_pairs(data: Path) -> list[tuple[str, str, str, str]]:
    """``(abstract, press release, label, id)`` of each line of an InSciOut file."""
    rows = []
    with Path(data).open(encoding="utf-8") as stream:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                rows.append(
                    (
                        row["abstract_conclusion"],
                        row["press_release_conclusion"],
                        row["exaggeration_label"],
                        str(row.get("original_file_id", number)),
                    )
                )
            except (json.JSONDecodeError, KeyError, TypeError) as error:
                raise DataError(f"{data}:{number}: not an exaggeration pair ({error})") from error
    if not rows:
        raise DataError(f"{data}: no pairs")
    return rows


def evaluate(data: Path, predictions: Path | None = None) -> dict[str, Any]:
    from newstrace.eval.strength_judge import compare, strengths

    rows = read_pairs(data)
    values = strengths([text for pair in rows for text in pair[:2]])
    predicted = [compare(values[2 * i], values[2 * i + 1]) for i in range(len(rows))]
    gold = [label for _, _, label, _ in rows]
    write_predictions(
        predictions, ((pair[3], label) for pair, label in zip(rows, predicted, strict=True))
    )
    majority = max(set(gold), key=gold.count)
    return {
        "n": len(rows),
        "macro_f1": round(macro_f1(predicted, gold), 4),
        **{f"f1_{label}": round(f1_of(predicted, gold, label), 4) for label in LABELS},
        "accuracy": round(sum(p == g for p, g in zip(predicted, gold, strict=True)) / len(rows), 4),
        "majority_macro_f1": round(macro_f1([majority] * len(gold), gold), 4),
    }
