"""``newstrace eval checkworthy``: TSV reading, Yes-class metrics, predictions, unlabelled files."""

from __future__ import annotations

import json

import pytest

from newstrace.errors import DataError
from newstrace.eval import checkworthy
from newstrace.eval.checkworthy import read_sentences, yes_metrics


class _DigitScorer:
    """Stands in for the trained model: a sentence with a digit is a claim (0.9), else 0.2."""

    threshold_ = 0.5

    def score(self, texts):
        return [0.9 if any(ch.isdigit() for ch in t) else 0.2 for t in texts]


@pytest.fixture
def digit_scorer(monkeypatch):
    fake = classmethod(lambda cls: _DigitScorer())
    monkeypatch.setattr(checkworthy.CheckworthyScorer, "load", fake)


def _tsv(tmp_path, rows, header="Sentence_id\tText\tclass_label"):
    path = tmp_path / "cw.tsv"
    path.write_text(header + "\n" + "\n".join("\t".join(r) for r in rows) + "\n", encoding="utf-8")
    return path


ROWS = [
    ("1", "Taxes rose 5 percent.", "Yes"),  # TP
    ("2", "The plant closed in 2019.", "Yes"),  # TP
    ("3", "Wages fell sharply.", "Yes"),  # FN
    ("4", "Thank you, 2 minutes left.", "No"),  # FP
    ("5", "Good evening.", "No"),  # TN
    ("6", "I love this town.", "No"),  # TN
]


def test_metrics_by_hand(tmp_path, digit_scorer):
    result = checkworthy.evaluate(_tsv(tmp_path, ROWS))
    # TP 2, FP 1, FN 1, TN 2: P = 2/3, R = 2/3, F1 = 2/3, accuracy = 4/6
    assert result["sentences"] == 6
    assert result["precision"] == pytest.approx(0.6667)
    assert result["recall"] == pytest.approx(0.6667)
    assert result["f1"] == pytest.approx(0.6667)
    assert result["accuracy"] == pytest.approx(0.6667)


def test_yes_metrics_edge_cases():
    assert yes_metrics([True, False], [False, False])["f1"] == 0.0
    assert yes_metrics([True, True, False], [True, True, True]) == pytest.approx(
        {"f1": 0.8, "precision": 2 / 3, "recall": 1.0, "accuracy": 2 / 3}
    )


def test_predictions_file_per_sentence_id(tmp_path, digit_scorer):
    out = tmp_path / "pred.jsonl"
    checkworthy.evaluate(_tsv(tmp_path, ROWS), out)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["1", "2", "3", "4", "5", "6"]
    assert lines[0]["prediction"] == {"probability": 0.9, "label": "Yes"}
    assert lines[4]["prediction"] == {"probability": 0.2, "label": "No"}


def test_unlabelled_file_still_gets_predictions(tmp_path, digit_scorer):
    path = _tsv(tmp_path, [(i, t) for i, t, _ in ROWS], header="Sentence_id\tText")
    out = tmp_path / "pred.jsonl"
    result = checkworthy.evaluate(path, out)
    assert result["metrics"].startswith("unavailable")
    assert "f1" not in result
    assert len(out.read_text(encoding="utf-8").splitlines()) == 6


def test_csv_quoting_is_undone(tmp_path):
    path = _tsv(tmp_path, [("7", '"He said ""no"" twice."', "No")])
    assert read_sentences(path)[0].text == 'He said "no" twice.'


def test_a_stray_quote_does_not_swallow_the_next_rows(tmp_path):
    path = _tsv(tmp_path, [("1", '"An unclosed quote.', "No"), ("2", "Next row.", "Yes")])
    assert [(s.id, s.label) for s in read_sentences(path)] == [("1", False), ("2", True)]


@pytest.mark.parametrize(
    ("header", "rows"),
    [
        ("id\tsentence\tlabel", [("1", "x", "Yes")]),
        ("Sentence_id\tText\tclass_label", [("1", "x", "Maybe")]),
    ],
)
def test_malformed_files_are_data_errors(tmp_path, header, rows):
    with pytest.raises(DataError):
        read_sentences(_tsv(tmp_path, rows, header=header))


def test_missing_file_is_a_data_error(tmp_path):
    with pytest.raises(DataError):
        read_sentences(tmp_path / "absent.tsv")


@pytest.mark.shared
def test_real_dev_split(shared_path):
    data = shared_path("datasets/checkworthiness/CT24_checkworthy_english_dev.tsv")
    result = checkworthy.evaluate(data)
    assert result["sentences"] == 1032
    assert 0.85 <= result["f1"] <= 1.0
    assert 0.9 <= result["accuracy"] <= 1.0
