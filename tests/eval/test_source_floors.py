"""CI floors for the ledger's sources on whole real texts labelled blind (every source a
careful reader finds, `bench/source_mentions.py`): recall, precision and kind, a little
under the figures in docs/BENCHMARKS.md (thirty-sixth session, with the check of false
sources: tune 0.843 / 0.942 / 0.914, held out 0.810 / 0.897 / 0.816)."""

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
