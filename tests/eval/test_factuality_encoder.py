"""The factuality encoder (evaluation only): word pieces matched to events, and the shipped
int8 model on invented sentences (its dev figures are pinned in test_accuracy_floors.py)."""

from __future__ import annotations

import pytest

from newstrace.analyze.attribution.encoder import load_tokenizer, tokenizer_path
from newstrace.eval.factuality_encoder import MAX_PIECES, EncodedFactuality, event_pieces
from newstrace.eval.factuality_model import SCALE


@pytest.fixture(scope="module")
def encoder() -> EncodedFactuality:
    return EncodedFactuality.load()


def _sentence(text: str, *events: str) -> dict:
    words = text.split(" ")
    return {"words": words, "targets": [(words.index(e), words.index(e) + 1, 0.0) for e in events]}


def test_each_word_knows_its_pieces():
    tokenizer = load_tokenizer(tokenizer_path())
    ids, owners = event_pieces(tokenizer, ["The", "ferryman", "resigned", "."])
    assert owners[0] is None and owners[-1] is None  # [CLS], [SEP]
    assert len(ids) == len(owners)
    assert {o for o in owners if o is not None} == {0, 1, 2, 3}
    assert owners.count(1) > 1  # "ferryman" is more than one piece


def test_a_sentence_past_the_limit_is_cut_and_keeps_its_end():
    tokenizer = load_tokenizer(tokenizer_path())
    ids, owners = event_pieces(tokenizer, ["harbour"] * 600)
    assert len(ids) == len(owners) == MAX_PIECES
    assert ids[-1] == tokenizer.token_to_id("[SEP]") and owners[-1] is None


def test_a_denied_event_rates_below_one_that_happened(encoder):
    happened = _sentence("The ferry board raised the fares on Monday .", "raised")
    denied = _sentence("The ferry board did not raise the fares on Monday .", "raise")
    wished = _sentence("The ferry board might raise the fares next year .", "raise")
    [did], [did_not], [might] = (encoder.predict([s]) for s in (happened, denied, wished))
    assert SCALE[0] <= did_not < might < did <= SCALE[1]


def test_one_rating_per_target_in_order(encoder):
    two = _sentence("Officials said the bridge collapsed .", "said", "collapsed")
    both = encoder.predict([two])
    assert len(both) == 2
    assert encoder.predict([_sentence("Officials said the bridge collapsed .", "said")])[0] == (
        pytest.approx(both[0])
    )
