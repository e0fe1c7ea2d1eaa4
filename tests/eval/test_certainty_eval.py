"""Metric code and data rules of the certainty-family eval tasks, on tiny hand-written files."""

from __future__ import annotations

import json
import math

import pytest

from newstrace.errors import DataError
from newstrace.eval import certainty, factuality
from newstrace.eval._metrics import f1_of, macro_f1, mae, pearson
from newstrace.eval.sentence_classifier import holdout_rows, read_rows, unescape_ptb


def test_pearson_and_mae_by_hand():
    assert pearson([1, 2, 3], [1, 2, 3]) == pytest.approx(1.0)
    assert pearson([1, 2, 3], [3, 2, 1]) == pytest.approx(-1.0)
    # deviations (-1, 0, 1) and (-1, 1, 0): r = 1 / sqrt(2 * 2) = 0.5
    assert pearson([1, 2, 3], [1, 3, 2]) == pytest.approx(0.5)
    assert pearson([2, 2, 2], [1, 2, 3]) == 0.0
    assert mae([1, 2, 3], [2, 2, 5]) == pytest.approx(1.0)


def test_f1_and_macro_f1_by_hand():
    pred, gold = [1, 1, 0, 0, 1], [1, 0, 0, 1, 1]
    # class 1: tp 2, predicted 3, actual 3 -> P = R = 2/3 -> F1 2/3
    assert f1_of(pred, gold, 1) == pytest.approx(2 / 3)
    # class 0: tp 1, predicted 2, actual 2 -> 1/2
    assert macro_f1(pred, gold) == pytest.approx((2 / 3 + 1 / 2) / 2)
    assert f1_of([0, 0], [1, 0], 1) == 0.0


def _write_jsonl(path, items):
    path.write_text("".join(json.dumps(item) + "\n" for item in items), encoding="utf-8")
    return path


def test_certainty_scores_val_items_of_a_full_file(tmp_path):
    items = [
        {"id": i, "finding": f"Finding {i} .", "sentence-level-certainty": 3.0, "split": split}
        for i, split in enumerate(["train", "val", "test", "val"])
    ]
    chosen = certainty.scored_items(certainty.read_items(_write_jsonl(tmp_path / "a.jsonl", items)))
    assert [item["id"] for item in chosen] == [1, 3]


def test_certainty_scores_whole_file_without_train_val(tmp_path):
    items = [
        {"finding": "A .", "sentence-level-certainty": 2},
        {"finding": "B .", "sentence-level-certainty": 5, "split": "test"},
    ]
    assert (
        len(certainty.scored_items(certainty.read_items(_write_jsonl(tmp_path / "t.jsonl", items))))
        == 2
    )


def test_certainty_malformed_line_is_a_data_error(tmp_path):
    path = _write_jsonl(tmp_path / "bad.jsonl", [{"finding": "No label here ."}])
    with pytest.raises(DataError):
        certainty.read_items(path)


def test_factuality_reads_targets_and_checks_spans(tmp_path):
    good = {"text": "The ferry did not sail .", "targets": [{"span1": [4, 5], "label": -3.0}]}
    sentences = factuality.read_sentences(_write_jsonl(tmp_path / "dev.jsonl", [good]))
    assert sentences == [
        {"words": ["The", "ferry", "did", "not", "sail", "."], "targets": [(4, 5, -3.0)]}
    ]
    bad = {"text": "Too short .", "targets": [{"span1": [2, 9], "label": 1.0}]}
    with pytest.raises(DataError):
        factuality.read_sentences(_write_jsonl(tmp_path / "bad.jsonl", [bad]))


def test_factuality_parses_an_empty_token_in_its_place(tmp_path):
    """Two spaces in a row make an empty token (MV2 and RP have some): it keeps its place, so
    the target after it is still the word it names."""
    item = {"text": "Pellin managed to  sail .", "targets": [{"span1": [4, 5], "label": 3.0}]}
    sentences = factuality.read_sentences(_write_jsonl(tmp_path / "dev.jsonl", [item]))
    [doc] = factuality.parse(sentences)
    assert len(doc) == 6
    assert doc[4].text == "sail"


def test_factuality_folder_rule(tmp_path):
    item = {"text": "It rained .", "targets": [{"span1": [1, 2], "label": 3.0}]}
    for name, split in [("NEWS", "dev"), ("WEB", "test")]:
        (tmp_path / name).mkdir()
        _write_jsonl(tmp_path / name / f"{split}.jsonl", [item])
    (tmp_path / "EMPTY").mkdir()
    assert factuality.data_files(tmp_path) == {
        "NEWS": tmp_path / "NEWS" / "dev.jsonl",
        "WEB": tmp_path / "WEB" / "test.jsonl",
    }
    assert factuality.data_files(tmp_path / "NEWS") == {"NEWS": tmp_path / "NEWS/dev.jsonl"}
    with pytest.raises(DataError):
        factuality.data_files(tmp_path / "EMPTY")


def test_factuality_figures_include_the_mean_baseline():
    figures = factuality.figures([3.0, 1.0], [3.0, -1.0], mean=2.0)
    assert figures == {"n": 2, "pearson_r": 1.0, "mae": 1.0, "mean_baseline_mae": 2.0}


def test_ptb_unescape_and_csv_reading(tmp_path):
    assert unescape_ptb("A -LRB- b -RRB- `` c ''\n") == 'A ( b ) " c "'
    path = tmp_path / "w.csv"
    path.write_text(
        'text,label\n"It is -LRB- said -RRB- so\n",1\nPlain fact .,0\n', encoding="utf-8"
    )
    assert read_rows(path, "text") == (["It is ( said ) so", "Plain fact ."], [1, 0])
    with pytest.raises(DataError):
        read_rows(path, "sentence")


def test_holdout_is_seeded_and_a_fifth():
    first, again = holdout_rows(1000), holdout_rows(1000)
    assert first.tolist() == again.tolist()
    assert len(first) == 200 and len(set(first.tolist())) == 200
    assert not math.isclose(holdout_rows(1000, seed=1).sum(), first.sum())
