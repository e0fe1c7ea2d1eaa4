"""The claim ledger against hand-labelled claims in real news holds floors a little under the
figures recorded in docs/BENCHMARKS.md ("Claim ledger on real news"): the real retellings'
claims (16 articles a set) and the news claims of ``bench/data/news_claims*.jsonl`` (16 news
texts a part, in ../shared; the held-out part is never tuned on). Each set is analysed in
seconds. Skipped where ../shared is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from newstrace.eval.claims import evaluate
from newstrace.training import news_texts

pytestmark = [pytest.mark.slow, pytest.mark.shared]

# set: {metric: floor}, a little under the figures in docs/BENCHMARKS.md. Real retellings,
# recorded 2026-12-04, thirteenth session (health / tech): chain exact 0.809 / 0.804, chain
# source recall 0.814 / 0.767, source kind 0.941 / 0.833, level 0.851 / 0.870, hedge cue
# recall 0.909 / 1.000. News, default extractor, recorded 2026-12-05, eighteenth session
# (tune, three parts, 144 claims / held out, three parts, 144): 0.618 / 0.563, 0.675 /
# 0.674, 0.688 / 0.560, 0.785 / 0.722, 0.852 / 0.771 (after changes 22-23: tune 0.632, kind 0.734).
# Nineteenth session (changes 24-32): tune 0.667, 0.707, 0.762, 0.840, 0.889; held out 0.563,
# 0.682, 0.578, 0.736, 0.786. Twentieth session (changes 34-45): tune 0.701, 0.724, 0.826,
# 0.882, 0.901; held out 0.576, 0.698, 0.606, 0.750, 0.786; health level 0.872. Twenty-first
# session (changes 46-53): tune 0.750, 0.780, 0.835, 0.896, 0.926; held out 0.583, 0.705,
# 0.606, 0.750, 0.786. Twenty-second session: a fourth held-out part (48 claims, labelled blind)
# joins the three, 192 held out at 0e8a263: 0.578, 0.673, 0.583, 0.745, 0.809; a fourth and
# a fifth tune part join the three, 240 tune claims: 0.700, 0.727, 0.761, 0.854, 0.898.
# After changes 54-59: tune 0.733, 0.753, 0.795, 0.858, 0.898; held out 0.583, 0.679, 0.590,
# 0.745, 0.809. Twenty-third session (changes 62-74): tune 0.750, 0.768, 0.813, 0.854, 0.914;
# held out 0.625, 0.679, 0.648, 0.745, 0.830. Twenty-fourth session (changes 75-85): tune
# 0.754, 0.768, 0.824, 0.854, 0.914; held out 0.635, 0.691, 0.655, 0.745, 0.830.
# Twenty-fifth session: a sixth tune part and a fifth held-out part (48 claims each, labelled
# blind) join, 288 tune / 240 held out: at 16ca98b tune 0.729, 0.715, 0.805, 0.847, 0.896 and
# held out 0.633, 0.682, 0.649, 0.729, 0.821; after changes 87-95 tune 0.757, 0.749, 0.819,
# 0.872, 0.917, held out 0.633, 0.687, 0.649, 0.733, 0.821. Twenty-sixth session (changes
# 97-112, probes of common news wording): tune 0.764, 0.757, 0.819, 0.872, 0.917; held out
# 0.633, 0.692, 0.661, 0.742, 0.821. Twenty-eighth session: a seventh and an eighth tune
# part (96 claims, half from the wider GVA crawl) join, 384 tune claims, scored before their
# errors were read: the 96 alone 0.708, 0.694, 0.726, 0.792, 0.830; all 384 0.753, 0.743,
# 0.802, 0.852, 0.895. Twenty-ninth session: a ninth and a tenth (96 more, blind: 0.729,
# 0.610, 0.692, 0.760, 0.837), 480 tune claims; after changes 128-135 0.756, 0.732, 0.793,
# 0.835, 0.883. Thirtieth session (changes 136-143): tune 0.779, 0.760, 0.815, 0.840, 0.883.
# Thirty-first (changes 145-151): tune 0.785, 0.765, 0.821, 0.852, 0.892; held out 0.638,
# 0.697, 0.673, 0.750, 0.812. Thirty-fourth (changes 179-184): tune 0.792, 0.768, 0.830,
# 0.852, 0.892; held out 0.646, 0.697, 0.678, 0.754, 0.821. Thirty-fifth (185-191): tune
# unchanged; held out 0.650, 0.697, 0.678, 0.754, 0.821. Thirty-sixth (192, the check of
# false sources, trained on the tune claims among others): tune 0.798, 0.768, 0.830, 0.854,
# 0.892; held out 0.658, 0.697, 0.678, 0.754, 0.821.
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
    "news-tune": {
        "chain_exact": 0.76,
        "chain_source_recall": 0.74,
        "source_kind_accuracy": 0.80,
        "level_accuracy": 0.83,
        "hedge_cue_recall": 0.87,
    },
    "news-heldout": {
        "chain_exact": 0.64,
        "chain_source_recall": 0.66,
        "source_kind_accuracy": 0.65,
        "level_accuracy": 0.73,
        "hedge_cue_recall": 0.80,
    },
}

# gold claims no predicted claim holds: a headline credited after a colon in the third tune
# part ("Expert: X no longer Y") is left out of the claims, and two short phrases of the
# ninth and tenth parts (a line of an event notice, a description of a remark); two
# held-out claims (one of the fourth part, one of the fifth; held out, so not read) too
MISSED = {"news-tune": 3, "news-heldout": 2}

# two processes analyse (the sets are a minute of analysis on one core; CI has two)
JOBS = 2


@pytest.fixture(scope="module")
def news_parts(shared_path, bench_script, tmp_path_factory) -> tuple[Path, dict[str, Path]]:
    """The news claim files, built from their text-free labels and the texts in ../shared."""
    module = bench_script("news_claims")
    (
        shared_path(news_texts.SEMEVAL),
        shared_path(news_texts.GVC),
        shared_path(news_texts.CRAWL),
    )  # or skip
    out = tmp_path_factory.mktemp("news-claims")
    return out, module.write(shared_path(""), out, module.LABELS)


def _files(name: str, shared_path, request) -> tuple[Path, Path]:
    """The gold claims and the articles of set ``name``."""
    if name.startswith("news-"):
        out, parts = request.getfixturevalue("news_parts")
        return parts[name.removeprefix("news-")], out / "articles.jsonl"
    folder = shared_path(f"datasets/real-stories/{name}")
    return folder / "claims.jsonl", folder / "articles.jsonl"


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_real_claims_hold_their_floors(name, shared_path, request, ledger_cache):
    claims, articles = _files(name, shared_path, request)
    metrics = evaluate(claims, articles=articles, cache=ledger_cache, jobs=JOBS)
    missed = metrics["claims"] - metrics["matched"]
    assert missed <= MISSED.get(name, 0), f"{name}: {missed} gold claims found no claim"
    for metric, floor in FLOORS[name].items():
        assert metrics[metric] >= floor, f"{name}: {metric} {metrics[metric]} under {floor}"
