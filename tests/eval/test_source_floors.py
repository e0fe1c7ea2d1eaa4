"""CI floors for the ledger's sources on real texts labelled blind (every source a
careful reader finds, `bench/source_mentions.py`): recall, precision and kind, a little
under the figures in docs/BENCHMARKS.md (thirty-sixth session, with the check of false
sources: tune 0.843 / 0.942 / 0.914, held out 0.810 / 0.897 / 0.816); and the held-out
fresh sources the ledger gave (`bench/source_kinds.py`), which gate the check of false
sources."""

from __future__ import annotations

import pytest

from newstrace.training import news_texts

pytestmark = [pytest.mark.slow, pytest.mark.shared]

FLOORS = {
    "tune": {"recall": 0.83, "precision": 0.93, "kind_accuracy": 0.90},
    "heldout": {"recall": 0.79, "precision": 0.88, "kind_accuracy": 0.80},
}


@pytest.mark.parametrize("part", sorted(FLOORS))
def test_sources_on_whole_real_texts_hold_their_floors(part, shared_path, bench_script):
    mentions = bench_script("source_mentions")
    for corpus in (news_texts.GVC, news_texts.CRAWL, news_texts.ECBPLUS):
        shared_path(corpus)  # or skip
    labelled = mentions.read_labels(mentions.LABELS, part)
    result = mentions.score(labelled, mentions.labelled_given(labelled, shared_path("")))
    for metric, floor in FLOORS[part].items():
        assert result[metric] >= floor, (part, metric, result)


def test_the_held_out_fresh_sources_hold_their_floors(shared_path, bench_script):
    """The held-out fresh sources (`bench/source_kinds.py --part heldout`, rounds 1, 3 and
    6; thirty-sixth session: kind 0.845 with a lost source counted wrong, 63 of 98 false
    sources still given, 9 of 400 true ones lost, all in round 6, drawn where the check of
    false sources acts): the check must not drop more true sources nor keep more false ones."""
    kinds = bench_script("source_kinds")
    for corpus in (news_texts.SEMEVAL, news_texts.GVC, news_texts.CRAWL, news_texts.ECBPLUS):
        shared_path(corpus)  # or skip
    labels = kinds.read_labels(kinds.LABELS, "heldout")
    result = kinds.score(labels, kinds.labelled_given(labels, shared_path("")))
    assert result["kind_accuracy"] >= 0.83, result
    assert result["not_sources_kept"] <= 66 and result["sources_lost"] <= 12, result
