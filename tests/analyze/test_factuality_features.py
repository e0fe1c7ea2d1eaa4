"""Predicate features from the parse, and the packaged factuality model's ordering of events."""

from __future__ import annotations

from newstrace.analyze.nlp import load_nlp
from newstrace.eval.factuality_model import FactualityModel, adapt, predicate_features


def _features(sentence: str, word: str) -> dict[str, float]:
    doc = load_nlp()(sentence)
    return predicate_features(next(t for t in doc if t.text == word))


def test_governing_denial_and_own_modal_and_negation():
    denied = _features("The harbour master denied that the ferry sank.", "sank")
    assert denied["up1:ccomp|deny"] == 1.0
    assert denied["anc:cat=negation"] == 1.0
    modal = _features("The ferry may not sail on Friday?", "sail")
    assert {"self:aux=may", "self:neg", "question"} <= modal.keys()


def test_adapt_keeps_shared_and_adds_domain_copies():
    assert adapt({"a": 1.0}, "news") == {"a": 1.0, "news#a": 1.0}


def test_model_orders_plain_over_hedged_over_negated():
    model = FactualityModel.load()
    rows = [
        _features("The ferry sank on Friday.", "sank"),
        _features("The ferry might have sunk on Friday.", "sunk"),
        _features("The ferry did not sink on Friday.", "sink"),
    ]
    plain, hedged, negated = model.predict(rows)
    assert plain > hedged > negated
    assert plain > 2.0 and negated < 0.0
