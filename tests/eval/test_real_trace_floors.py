"""The full trace on the real retellings holds floors a little under the figures recorded in
docs/BENCHMARKS.md ("Full trace on the real sets"): citations, origin and drift, not only
grouping. Each set is traced once (its ledgers analysed, a minute or two). Skipped where
../shared is absent."""

from __future__ import annotations

import pytest

from newstrace.eval.trace import _read_drift, read_gold, score

pytestmark = [pytest.mark.slow, pytest.mark.shared]

# set: {metric: floor}; recorded 2026-12-03, seventh session (health / tech): citation F1
# 0.821 / 0.923, origin 0.667 / 0.667, drift typed F1 0.539 / 0.244, health drift precision
# 0.609 (both sets are tuned on now; bench/drift_heldout_eval.py is the held-out check).
# Tech drift 0.200 since the tenth session's certainty model: one event's pairing hung on the
# sentence model's rank between two near-alike claims (BENCHMARKS, certainty); 0.244 since
# the twelfth session (a share compared with the earlier version's shares only); health
# 0.566 (P 0.625) and tech 0.270 since the thirteenth (surname spellings; changes reported
# where first made; denials)
FLOORS = {
    "health": {
        "citation_f1": 0.78,
        "origin_accuracy": 0.66,
        "drift_typed_f1": 0.55,
        "drift_typed_p": 0.60,
    },
    "tech": {"citation_f1": 0.88, "origin_accuracy": 0.66, "drift_typed_f1": 0.25},
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_real_trace_holds_its_floors(name, shared_path, ledger_cache):
    import newstrace

    folder = shared_path(f"datasets/real-stories/{name}")
    gold = read_gold(folder / "articles.jsonl")
    trace = newstrace.trace(folder / "articles.jsonl", cache=ledger_cache).trace
    metrics = score(trace, gold, _read_drift(folder / "drift.jsonl", gold))
    for metric, floor in FLOORS[name].items():
        assert metrics[metric] >= floor, f"{name}: {metric} {metrics[metric]} under {floor}"


# The GVA drift tune set (bench/drift_heldout_eval.py --set tune: 77 crawled reports of 25
# shootings, drift labelled blind to the tool), the set drift rules are now read on: typed
# F1 0.600, precision 0.783 recorded 2026-12-04 (fourteenth session). The held-out set stays
# a benchmark figure only, so that no one mends rules on its failures.
# The second tune set (--set tune2, labelled blind in the same session): 0.302, P 0.421.
TUNE_FLOORS = {
    "tune": {"drift_typed_f1": 0.58, "drift_typed_p": 0.75},
    "tune2": {"drift_typed_f1": 0.28, "drift_typed_p": 0.39},
}


@pytest.mark.parametrize("part", sorted(TUNE_FLOORS))
def test_drift_on_the_gva_tune_sets_holds_its_floors(part, shared_path, bench_script, tmp_path):
    import newstrace

    bench = bench_script("drift_heldout_eval")
    crawl = shared_path("datasets/" + bench.CRAWL)
    articles, drift = bench.write_set(part, crawl, tmp_path / part)
    gold = read_gold(articles)
    trace = newstrace.trace(articles, cache=tmp_path / "ledgers").trace
    metrics = score(trace, gold, _read_drift(drift, gold))
    for metric, floor in TUNE_FLOORS[part].items():
        assert metrics[metric] >= floor, f"{part}: {metric} {metrics[metric]} under {floor}"
