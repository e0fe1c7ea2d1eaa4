"""The exaggeration judge: reporting frames cut, cue levels, the pairwise label, the eval file."""

from __future__ import annotations

import json

import pytest

from newstrace.errors import DataError
from newstrace.eval import exaggeration
from newstrace.eval.strength_cues import claim_core, cue_strength
from newstrace.eval.strength_judge import DOWNPLAYS, EXAGGERATES, SAME, compare, judge


@pytest.mark.parametrize(
    ("text", "core"),
    [
        (
            "Walking is linked to better sleep, finds a new study.",
            "Walking is linked to better sleep",
        ),
        ("Scientists have found that walking improves sleep.", "Walking improves sleep."),
        ("According to new research, naps may help memory.", "Naps may help memory."),
        ("Naps help memory, say researchers", "Naps help memory"),
        ("Naps help memory.", "Naps help memory."),
    ],
)
def test_claim_core_cuts_the_reporting_frame(text, core):
    assert claim_core(text) == core


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Screen time was not associated with grades.", 0),
        ("The diet had no significant effect on weight.", 0),
        ("Screen time is linked to lower grades.", 1),
        ("Smokers were more likely to report poor sleep.", 1),
        ("A daily walk can reduce blood pressure.", 2),
        ("Naps may improve memory in older adults.", 2),
        ("The drug reduces pain after surgery.", 3),
        ("Exercise causes the release of endorphins.", 3),
        ("Participants were recruited from five clinics.", None),
    ],
)
def test_cue_strength_follows_the_coding_scheme(text, level):
    assert cue_strength(text) == level


def test_compare_orders_levels():
    assert compare(1, 3) == EXAGGERATES
    assert compare(3, 2) == DOWNPLAYS
    assert compare(2, 2) == SAME


def test_judge_compares_two_texts():
    paper = "Coffee drinking was associated with lower blood pressure."
    release = "Drinking coffee lowers blood pressure, a new study finds."
    assert judge(paper, release) == EXAGGERATES
    assert judge(release, paper) == DOWNPLAYS
    assert judge(paper, "Coffee is linked to lower blood pressure, say scientists.") == SAME


def _write(tmp_path, rows):
    path = tmp_path / "pairs.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def test_evaluate_scores_every_pair(tmp_path):
    pair = {
        "abstract_conclusion": "Tea drinking was associated with fewer colds.",
        "press_release_conclusion": "Tea prevents colds, researchers say.",
        "exaggeration_label": "exaggerates",
    }
    same = {
        **pair,
        "press_release_conclusion": "Tea is linked to fewer colds.",
        "exaggeration_label": "same",
    }
    predictions = tmp_path / "pred.jsonl"
    result = exaggeration.evaluate(_write(tmp_path, [pair, same]), predictions)
    assert result["n"] == 2
    assert result["macro_f1"] == result["accuracy"] == 1.0
    assert result["f1_downplays"] == 0.0
    assert [json.loads(line)["prediction"] for line in predictions.open()] == [EXAGGERATES, SAME]


def test_evaluate_rejects_a_line_without_the_fields(tmp_path):
    with pytest.raises(DataError, match=":1: not an exaggeration pair"):
        exaggeration.evaluate(_write(tmp_path, [{"abstract_conclusion": "x"}]))
