"""The claim ledger against the hand-labelled claims of the real retellings holds floors a
little under the figures recorded in docs/BENCHMARKS.md ("Claim ledger on real news"). Each
set's 16 labelled articles are analysed (seconds). Skipped where ../shared is absent."""

from __future__ import annotations

import pytest

from newstrace.eval.claims import evaluate

pytestmark = [pytest.mark.slow, pytest.mark.shared]

# set: {metric: floor}, a little under the figures in docs/BENCHMARKS.md; recorded 2026-12-04,
# thirteenth session (health / tech): chain exact 0.809 / 0.804, chain source recall 0.814 /
# 0.767, source kind 0.941 / 0.833, level 0.851 / 0.870, hedge cue recall 0.909 / 1.000
FLOORS = {
    "health": {
        "chain_exact": 0.78,
        "chain_source_recall": 0.79,
        "source_kind_accuracy": 0.91,
        "level_accuracy": 0.82,
        "hedge_cue_recall": 0.88,
    },
    "tech": {
        "chain_exact": 0.77,
        "chain_source_recall": 0.74,
        "source_kind_accuracy": 0.80,
        "level_accuracy": 0.84,
        "hedge_cue_recall": 0.96,
    },
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_real_claims_hold_their_floors(name, shared_path):
    folder = shared_path(f"datasets/real-stories/{name}")
    metrics = evaluate(folder / "claims.jsonl", articles=folder / "articles.jsonl")
    assert metrics["matched"] == metrics["claims"], f"{name}: a gold claim found no claim"
    for metric, floor in FLOORS[name].items():
        assert metrics[metric] >= floor, f"{name}: {metric} {metrics[metric]} under {floor}"
