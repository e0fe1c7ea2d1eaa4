"""Passages in another language, on real news: false alarms on real English paragraphs stay
under their ceilings and recall of real foreign paragraphs spliced into real English articles
above its floors, a little short of the figures in docs/BENCHMARKS.md ("Passages in another
language"). Needs ../shared (skipped where absent); about a minute."""

from __future__ import annotations

import pytest

from newstrace.eval.passages import evaluate

pytestmark = [pytest.mark.slow, pytest.mark.shared]

# recorded 2026-12-03 (tune / heldout): false alarms 0 of 23,061 / 3 of 4,638 paragraphs
# (0.0000 / 0.0006; one of the 3 is a Hindi headline in a text labelled English), recall
# 0.949 / 0.959, a paragraph of its own 1.000 / 0.997, a run inside an English paragraph
# 0.947 / 0.934, language right 0.997 / 0.999
PARTS = ("tune", "heldout")
CEILINGS = {"false_alarm_rate": (0.001, 0.002)}  # metric: (tune, heldout)
FLOORS = {
    "recall": (0.93, 0.94),
    "recall_paragraph": (0.98, 0.98),
    "recall_inline": (0.92, 0.91),
    "language_right": (0.99, 0.99),
}


@pytest.mark.parametrize("part", PARTS)
def test_foreign_passages_hold_their_floors(part, shared_path):
    metrics = evaluate(shared_path("datasets"), split=part)[part]
    assert metrics["foreign_passages"] > 3000 and metrics["english_paragraphs"] > 4000
    at = PARTS.index(part)
    for metric, ceilings in CEILINGS.items():
        assert metrics[metric] <= ceilings[at], f"{part} {metric}: {metrics[metric]} too high"
    for metric, floors in FLOORS.items():
        assert metrics[metric] >= floors[at], f"{part} {metric}: {metrics[metric]} too low"
