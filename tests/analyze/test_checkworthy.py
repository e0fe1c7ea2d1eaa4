"""Check-worthiness scorer: features, fit/score contract, save/load round trip, packaged model."""

from __future__ import annotations

import pytest

from newstrace.analyze.checkworthy import CheckworthyScorer, checkworthy_features
from newstrace.errors import ArtefactError

CLAIMS = [
    "The city spent 4.5 million dollars on road repairs in 2021.",
    "Unemployment in the province rose to 8 percent last year.",
    "The new bridge cost twice as much as the old one.",
    "Crime fell by 12 percent after the program began.",
    "Our state created 40,000 jobs in 2019.",
    "The tax on fuel doubled between 2010 and 2020.",
]
OTHER = [
    "Thank you all for coming tonight.",
    "I want to talk about our future together.",
    "Good evening, everyone.",
    "We should all be proud of this team.",
    "Let me answer that question.",
    "What a wonderful crowd you are!",
]


def _toy() -> CheckworthyScorer:
    return CheckworthyScorer(C=1.0, min_df=1).fit(CLAIMS + OTHER, [1] * 6 + [0] * 6)


def test_features_fold_digits_and_flag_cues():
    features = checkworthy_features("Prices rose 12% in 2019?")
    assert features["w=rose 00"] == 1.0
    assert features["c= 0000"] == 1.0
    assert {"cue=number", "cue=percent", "cue=year", "cue=question", "cue=short"} <= set(features)
    assert "cue=money" not in features


def test_fit_returns_self_and_scores_are_probabilities():
    scorer = CheckworthyScorer(C=1.0, min_df=1)
    assert scorer.fit(CLAIMS + OTHER, [1] * 6 + [0] * 6) is scorer
    scores = scorer.score(["Exports fell 3 percent in 2022.", "Hello and welcome."])
    assert len(scores) == 2
    assert all(0.0 <= s <= 1.0 for s in scores)
    assert scores[0] > scores[1]
    assert scorer.score([]) == []
    assert scorer.predict(["Exports fell 3 percent in 2022."]) == [True]


def test_save_load_round_trip_scores_the_same(tmp_path):
    scorer = _toy()
    scorer.threshold_ = 0.6
    scorer.save(tmp_path)
    loaded = CheckworthyScorer.load(tmp_path)
    sentences = ["Rents rose 9 percent in 2023.", "Thanks, Martha."]
    assert loaded.score(sentences) == pytest.approx(scorer.score(sentences))
    assert loaded.threshold_ == 0.6
    assert not list(tmp_path.glob("*.pkl"))


def test_load_without_scorer_file_is_an_artefact_error(tmp_path):
    with pytest.raises(ArtefactError):
        CheckworthyScorer.load(tmp_path)


def test_packaged_model_ranks_numeric_news_claims_above_opinions_and_greetings():
    scorer = CheckworthyScorer.load()
    facts = [
        "The regional health service treated 14,000 patients for heat stroke in July.",
        "Car sales in Veland fell by a third in the first quarter, to 41,000 vehicles.",
        "The dam project has cost taxpayers 2.3 billion euros since 2015.",
    ]
    others = [
        "Good morning and welcome to our live coverage.",
        "The minister should apologise to the families.",
        "What a remarkable evening it was.",
    ]
    fact_scores, other_scores = scorer.score(facts), scorer.score(others)
    assert min(fact_scores) > max(other_scores)
    assert min(fact_scores) >= scorer.threshold_ > max(other_scores)
