"""The packaged sentence-certainty model: the ridge and the fine-tuned encoder, averaged, on
invented sentences (the dev figure is pinned in tests/eval/test_accuracy_floors.py)."""

from __future__ import annotations

import numpy as np
import pytest

from newstrace.analyze.certainty_encoder import EncodedCertainty
from newstrace.analyze.certainty_model import SCALE, CertaintyModel
from newstrace.analyze.sentence_features import tokenise

FIRM = "The new ferry carried 412 passengers to Lindholm on its first day."
UNSURE = "The new ferry might possibly help some islanders, although this remains unclear."


@pytest.fixture(scope="module")
def model() -> CertaintyModel:
    return CertaintyModel.load()


def test_the_encoder_hears_a_hedged_sentence_as_less_certain():
    encoder = EncodedCertainty.load()
    firm, unsure = encoder.predict([FIRM, UNSURE])
    assert SCALE[0] <= unsure < firm <= SCALE[1]


def test_the_model_averages_the_ridge_and_the_encoder(model):
    [blended] = model.predict([UNSURE])
    ridge = model.ridge.predict(tokenise([UNSURE]))[0]
    encoded = model.encoder.predict_one(UNSURE)
    assert blended == pytest.approx((ridge + encoded) / 2)
    assert model.predict_one(UNSURE, tokenise([UNSURE])[0]) == pytest.approx(blended)


def test_a_sentence_is_rated_alone_whatever_runs_beside_it(model):
    """One run per sentence: int8 activations are scaled per run, so a batch would let a
    sentence's rating depend on its neighbours."""
    alone = model.encoder.predict([UNSURE])
    beside = model.encoder.predict([FIRM, UNSURE, FIRM * 3])
    assert beside[1] == alone[0]


def test_rank_places_predictions_among_the_training_sentences(model):
    assert model.rank(SCALE[0]) == 0.0
    assert model.rank(SCALE[1]) == 1.0
    ranks = [model.rank(p) for p in model.predict([UNSURE, FIRM])]
    assert 0.0 <= ranks[0] < ranks[1] <= 1.0
    assert np.all(np.diff(model.quantiles) >= 0)


def test_a_very_long_sentence_is_cut_not_refused(model):
    long = " ".join([FIRM] * 60)
    assert SCALE[0] <= model.encoder.predict_one(long) <= SCALE[1]


def test_a_long_sentence_keeps_its_closing_piece():
    from newstrace.analyze.attribution.encoder import load_tokenizer, tokenizer_path
    from newstrace.analyze.certainty_encoder import MAX_PIECES, pieces

    tokenizer = load_tokenizer(tokenizer_path())
    cut = pieces(tokenizer, " ".join([FIRM] * 60))
    assert len(cut) == MAX_PIECES
    assert cut[0] == tokenizer.token_to_id("[CLS]")
    assert cut[-1] == tokenizer.token_to_id("[SEP]")
    assert pieces(tokenizer, "Fares  rose\n in May.") == pieces(tokenizer, "Fares rose in May.")
