"""The certainty-family eval tasks on the real dev data (skipped without ../shared)."""

from __future__ import annotations

import csv

import pytest

from newstrace.eval import evaluate
from newstrace.eval.sentence_classifier import holdout_rows

pytestmark = pytest.mark.shared


def test_certainty_dev(shared_path, tmp_path):
    data = shared_path("datasets/certainty/sentence-level-certainty.jsonl")
    out = tmp_path / "pred.jsonl"
    result = evaluate("certainty", data, out)
    assert result["n"] == 136
    assert result["pearson_r"] > 0.61  # the TF-IDF ridge baseline
    assert 0.0 < result["mae"] < 0.78  # the constant-mean MAE
    assert len(out.read_text(encoding="utf-8").splitlines()) == 136


def test_factuality_meantime_dev(shared_path):
    result = evaluate("factuality", shared_path("datasets/factuality/MEANTIME"))
    assert result["n"] == 195
    assert result["pearson_r"] > 0.3
    assert result["mae"] < result["mean_baseline_mae"]


@pytest.mark.parametrize(
    ("task", "file", "metric", "floor"),
    [
        ("weasel", "datasets/weasel/train.csv", "f1_uncertain", 0.6),  # TF-IDF LR: 0.603 here
        ("strength", "datasets/claim-strength/annotated_pubmed.csv", "macro_f1", 0.6),
    ],
)
def test_classifier_on_its_held_out_rows(shared_path, tmp_path, task, file, metric, floor):
    with shared_path(file).open(encoding="utf-8", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    held = tmp_path / f"{task}_dev.csv"
    with held.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        writer.writerows(rows[i] for i in holdout_rows(len(rows)))
    result = evaluate(task, held)
    assert result["n"] == len(holdout_rows(len(rows)))
    assert floor < result[metric] <= 1.0
