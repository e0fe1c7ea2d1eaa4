"""The attribution scorer and the PolNeAR reader, on a tiny hand-made brat folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newstrace.errors import DataError
from newstrace.eval.attribution import score
from newstrace.eval.polnear import read_polnear
from newstrace.model import AttributionSpans, Span

TEXT = 'Mayor Ana Ruiz said the ferry will run. "It is late," the clerk added, "again."\n'
# Offsets into TEXT: "Mayor Ana Ruiz" 0-14, "said" 15-19, "the ferry will run" 20-38,
# '"It is late,' 40-52, "the clerk" 54-63, "added" 64-69, '"again."' 71-79.
FIRST_ANN = (
    "T1\tSource 0 14\tMayor Ana Ruiz\n"
    "T2\tCue 15 19\tsaid\n"
    "T3\tContent 20 38\tthe ferry will run\n"
    "T4\tAttribution 15 19\tsaid\n"
    "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n"
    "T5\tSource 54 63\tthe clerk\n"
    "T6\tCue 64 69\tadded\n"
    'T7\tContent 40 52;71 79\t"It is late," "again."\n'
    "a continuation line of a span text\n"
    "T8\tAttribution 64 69\tadded\n"
    "E2\tAttribution:T8 Source:T5 Cue:T6 Content:T7\n"
    "#1\tAnnotatorNotes T7\ta note\n"
)
SECOND_ANN = "T1\tCue 15 19\tsaid\nT2\tContent 0 4\tMayo\nE1\tCue:T1 Content:T2\n"


def _folder(root: Path) -> Path:
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    (root / "text" / "a1.txt").write_text(TEXT, encoding="utf-8")
    (root / "attributions" / "a1_ann1.ann").write_text(FIRST_ANN, encoding="utf-8")
    (root / "attributions" / "a1_ann2.ann").write_text(SECOND_ANN, encoding="utf-8")
    return root


def _attr(cue: tuple[int, int], content: tuple[int, int], source=None) -> AttributionSpans:
    return AttributionSpans(
        cue=Span.of(TEXT, *cue),
        content=Span.of(TEXT, *content),
        source=Span.of(TEXT, *source) if source else None,
    )


def test_reader_takes_first_annotator_and_joins_split_content(tmp_path):
    [article] = read_polnear(_folder(tmp_path))
    assert article.id == "a1"
    assert [a.source.text for a in article.attributions] == ["Mayor Ana Ruiz", "the clerk"]
    assert article.attributions[1].content == Span.of(TEXT, 40, 79)


def test_reader_refuses_a_folder_without_attributions(tmp_path):
    (tmp_path / "text").mkdir()
    with pytest.raises(DataError):
        read_polnear(tmp_path)


def test_reader_refuses_an_article_without_annotations(tmp_path):
    folder = _folder(tmp_path)
    (folder / "text" / "a2.txt").write_text("Nobody spoke.\n", encoding="utf-8")
    with pytest.raises(DataError, match="a2"):
        read_polnear(folder)


def test_score_arithmetic(tmp_path):
    gold = [list(read_polnear(_folder(tmp_path))[0].attributions)]
    predicted = [
        [
            _attr((15, 19), (20, 38), (6, 14)),  # source "Ana Ruiz": overlaps, not exact
            _attr((64, 69), (40, 52)),  # content only the first piece, no source
            _attr((0, 5), (6, 9)),  # an invented cue and content
        ]
    ]
    m = score(gold, predicted)
    assert m["source_exact_p"] == 0.0 and m["source_exact_r"] == 0.0
    assert m["source_overlap_p"] == 1.0 and m["source_overlap_r"] == 0.5
    assert m["source_overlap_f1"] == pytest.approx(2 / 3, abs=1e-4)
    assert m["cue_exact_p"] == pytest.approx(2 / 3, abs=1e-4) and m["cue_exact_r"] == 1.0
    assert m["content_exact_p"] == pytest.approx(1 / 3, abs=1e-4)
    assert m["content_exact_r"] == 0.5
    assert m["content_overlap_r"] == 1.0


def test_overlap_matching_is_one_to_one():
    gold = [[_attr((15, 19), (0, 38))]]
    predicted = [[_attr((15, 19), (0, 10)), _attr((15, 19), (20, 38))]]
    m = score(gold, predicted)
    assert m["content_overlap_p"] == 0.5 and m["content_overlap_r"] == 1.0


def test_evaluate_on_five_dev_articles(tmp_path, shared_path):
    from newstrace.eval.attribution import evaluate

    dev = shared_path("datasets/polnear/dev")
    for name in sorted(p.stem for p in (dev / "text").glob("*.txt"))[:5]:
        (tmp_path / "text").mkdir(exist_ok=True)
        (tmp_path / "attributions").mkdir(exist_ok=True)
        shutil.copy(dev / "text" / f"{name}.txt", tmp_path / "text")
        for ann in (dev / "attributions").glob(f"{name}_*.ann"):
            shutil.copy(ann, tmp_path / "attributions")
    predictions = tmp_path / "out" / "predictions.jsonl"
    metrics = evaluate(tmp_path, predictions)
    assert metrics["articles"] == 5
    for role in ("source", "cue", "content"):
        for kind in ("exact", "overlap"):
            for measure in ("p", "r", "f1"):
                assert 0.0 <= metrics[f"{role}_{kind}_{measure}"] <= 1.0
        assert metrics[f"{role}_overlap_f1"] >= metrics[f"{role}_exact_f1"]
    assert metrics["cue_exact_f1"] > 0.3
    assert len(predictions.read_text(encoding="utf-8").splitlines()) == 5
