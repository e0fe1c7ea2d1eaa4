"""Check-worthiness on CLEF CheckThat! task 1 TSV files: F1, precision and recall of "Yes".

The file has a header ``Sentence_id, Text, class_label`` (tab-separated, some fields in CSV
quotes); a test file without ``class_label`` (or with it empty) still gets predictions, and
the metrics say they are unavailable.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newstrace.analyze.checkworthy import CheckworthyScorer
from newstrace.errors import DataError
from newstrace.eval._io import rounded, write_predictions

_LABELS = {"yes": True, "no": False}


@dataclass(frozen=True, slots=True)
class LabelledSentence:
    """One row: its id, its text and its gold label (``None`` in an unlabelled file)."""

    id: str
    text: str
    label: bool | None


def read_sentences(path: Path) -> list[LabelledSentence]:
    """Read a CheckThat! task 1 TSV; refuse one without ``Sentence_id`` and ``Text`` columns.

    One row per line: a field in CSV quotes is unquoted (doubled quotes become one), but a
    stray quote never swallows the following lines as a CSV reader would.
    """
    path = Path(path)
    if not path.is_file():
        raise DataError(f"expected a CheckThat! TSV file at {path}")
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if len(lines) < 2:
        raise DataError(f"{path} has no sentences")
    header = [name.strip().lower() for name in lines[0].split("\t")]
    if "sentence_id" not in header or "text" not in header:
        raise DataError(f"{path} lacks the columns Sentence_id and Text (header: {lines[0]!r})")
    columns: dict[str, int] = {
        name: header.index(name)
        for name in ("sentence_id", "text", "class_label")
        if name in header
    }
    return [_sentence(line, columns, path) for line in lines[1:]]


def _unquote(field: str) -> str:
    if len(field) >= 2 and field[0] == field[-1] == '"':
        return field[1:-1].replace('""', '"')
    return field


def _sentence(line: str, columns: dict[str, int], path: Path) -> LabelledSentence:
    fields = [_unquote(field) for field in line.split("\t")]
    if len(fields) <= max(columns["sentence_id"], columns["text"]):
        raise DataError(f"{path}: row {line[:60]!r} has fewer fields than the header")
    label = columns.get("class_label", len(fields))
    raw = fields[label].strip().lower() if label < len(fields) else ""
    if raw and raw not in _LABELS:
        raise DataError(f"{path}: class_label '{raw}' is neither Yes nor No")
    return LabelledSentence(
        fields[columns["sentence_id"]].strip(), fields[columns["text"]], _LABELS.get(raw)
    )


def yes_metrics(gold: list[bool], predicted: list[bool]) -> dict[str, float]:
    """F1, precision and recall of the Yes class, and accuracy.

    >>> yes_metrics([True, True, False, False], [True, False, True, False])
    {'f1': 0.5, 'precision': 0.5, 'recall': 0.5, 'accuracy': 0.5}
    """
    tp = sum(g and p for g, p in zip(gold, predicted, strict=True))
    precision = tp / max(sum(predicted), 1)
    recall = tp / max(sum(gold), 1)
    f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
    accuracy = sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold)
    return {"f1": f1, "precision": precision, "recall": recall, "accuracy": accuracy}


def evaluate(data: Path, predictions: Path | None = None) -> dict[str, Any]:
    """Score every sentence of ``data`` with the packaged model; metrics where labels exist."""
    sentences = read_sentences(data)
    scorer = CheckworthyScorer.load()
    scores = scorer.score([s.text for s in sentences])
    labels = [p >= scorer.threshold_ for p in scores]
    write_predictions(
        predictions,
        (
            (s.id, {"probability": round(p, 4), "label": "Yes" if y else "No"})
            for s, p, y in zip(sentences, scores, labels, strict=True)
        ),
    )
    result: dict[str, Any] = {"sentences": len(sentences), "threshold": scorer.threshold_}
    gold = [s.label for s in sentences if s.label is not None]
    if len(gold) < len(sentences):
        return {**result, "metrics": "unavailable: the file has no class_label for every row"}
    return rounded({**result, **yes_metrics(gold, labels)})
