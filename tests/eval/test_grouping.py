"""``newstrace eval grouping``: scoring plain document groups (ECB+, GVC and alike)."""

from __future__ import annotations

import json

import pytest

from newstrace.errors import DataError
from newstrace.eval import evaluate
from newstrace.eval.grouping import read_documents, score


def test_scores_are_b_cubed_and_ari():
    perfect = score([[0, 1], [2]], ["a", "a", "b"])
    assert (perfect["b3_p"], perfect["b3_r"], perfect["b3_f1"], perfect["ari"]) == (1, 1, 1, 1)
    merged = score([[0, 1, 2]], ["a", "a", "b"])
    assert merged["b3_r"] == 1.0 and merged["b3_p"] == pytest.approx(5 / 9, abs=1e-4)
    assert (merged["stories"], merged["gold_stories"]) == (1, 2)


def _write(path, rows):
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def test_documents_are_read_by_the_named_fields_and_split(tmp_path):
    data = _write(
        tmp_path / "docs.jsonl",
        [
            {"doc_id": 1, "subtopic": "1_ecb", "text": "One.", "split": "dev"},
            {
                "doc_id": 2,
                "subtopic": "1_ecb",
                "content": "Two.",
                "dct": "2014-03",
                "split": "train",
            },
        ],
    )
    [dev] = read_documents(data, "doc_id", "subtopic", "dev")
    assert (dev.id, dev.label, dev.text) == ("1", "1_ecb", "One.")
    [train] = read_documents(data, "doc_id", "subtopic", "train")
    assert (train.text, train.published) == ("Two.", "2014-03")


@pytest.mark.parametrize(
    ("line", "problem"),
    [("{not json", "docs.jsonl:1"), ('{"id": "a", "text": "x"}', "story"), ('{"id": "a"}', "text")],
)
def test_a_bad_line_is_a_data_error_with_its_place(tmp_path, line, problem):
    data = tmp_path / "docs.jsonl"
    data.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=problem):
        read_documents(data, "id", "story")


def test_an_empty_split_is_refused(tmp_path):
    data = _write(tmp_path / "docs.jsonl", [{"id": "a", "story": "s", "text": "x"}])
    with pytest.raises(DataError, match="no documents in split 'dev'"):
        read_documents(data, "id", "story", "dev")


def test_a_task_refuses_an_option_it_does_not_take(tmp_path):
    data = _write(tmp_path / "docs.jsonl", [{"id": "a", "story": "s", "text": "x"}])
    with pytest.raises(DataError, match="--id-field"):
        evaluate("similarity", data, id_field="id")


def test_two_retellings_group_apart_from_other_news(tmp_path):
    ferry = "Ferry fares on the Pellin crossing will rise by 4% from Monday, the operator said."
    again = "The Pellin ferry operator is putting its fares up by 4% from Monday."
    orchard = "Volunteers planted two hundred apple trees in the old school orchard at Ashbury."
    data = _write(
        tmp_path / "docs.jsonl",
        [
            {"id": "a", "story": "ferry", "text": ferry},
            {"id": "b", "story": "ferry", "text": again},
            {"id": "c", "story": "orchard", "text": orchard},
        ],
    )
    metrics = evaluate("grouping", data)
    assert metrics["b3_f1"] == 1.0 and metrics["documents"] == 3


# Floors a little under the figures in docs/BENCHMARKS.md (trace/models/same_story card).
REAL_FLOORS = [
    ("real-stories/health/articles.jsonl", "id", "story", None, 0.93),
    ("real-stories/tech/articles.jsonl", "id", "story", None, 0.88),
    ("ecbplus/docs.jsonl", "doc_id", "subtopic", "dev", 0.94),
    ("gvc/gvc_docs.jsonl", "doc_id", "incident_id", "dev", 0.98),
]


@pytest.mark.slow
@pytest.mark.shared
@pytest.mark.parametrize(("relative", "id_field", "label_field", "split", "floor"), REAL_FLOORS)
def test_real_grouping_holds_its_floor(shared_path, relative, id_field, label_field, split, floor):
    data = shared_path(f"datasets/{relative}")
    metrics = evaluate("grouping", data, id_field=id_field, label_field=label_field, split=split)
    assert metrics["b3_f1"] >= floor, f"{relative}: B3 F1 {metrics['b3_f1']} under {floor}"
