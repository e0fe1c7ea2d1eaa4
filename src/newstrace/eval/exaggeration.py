"""Exaggeration of scientific findings (Wright & Augenstein 2021, InSciOut pairs): macro-F1
over same / exaggerates / downplays, judging a press release's conclusion against the
paper's (:func:`newstrace.eval.strength_judge.judge`).

Data: JSON lines with ``abstract_conclusion``, ``press_release_conclusion`` and
``exaggeration_label`` (``insciout_train.jsonl``), every line scored. The strength model
was trained on PubMed conclusions (claim-strength data), which may include some of these
papers' abstracts: read the figure as a cross-check of the pairwise judgement, not as a
held-out score.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from newstrace.errors import DataError
from newstrace.eval._io import write_predictions
from newstrace.eval._metrics import macro_f1


def evaluate(data: Path, predictions: Path | None = None) -> dict[str, Any]:
    from newstrace.eval.strength_judge import judge, strengths

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
    values = strengths([text for pair in rows for text in pair[:2]])
    predicted = [
        judge(earlier, later, (values[2 * i], values[2 * i + 1]))
        for i, (earlier, later, _, _) in enumerate(rows)
    ]
    gold = [label for _, _, label, _ in rows]
    write_predictions(
        predictions, ((pair[3], label) for pair, label in zip(rows, predicted, strict=True))
    )
    majority = max(set(gold), key=gold.count)
    return {
        "n": len(rows),
        "macro_f1": round(macro_f1(predicted, gold), 4),
        "accuracy": round(sum(p == g for p, g in zip(predicted, gold, strict=True)) / len(rows), 4),
        "majority_macro_f1": round(macro_f1([majority] * len(gold), gold), 4),
    }
