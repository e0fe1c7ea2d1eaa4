"""How the check of false sources reads each label file into false / true / no row."""

from __future__ import annotations

import numpy as np

from newstrace.model import Span
from newstrace.training.source_check import (
    _best_threshold,
    _claims_flag,
    _kinds_flag,
    _mentions_flag,
)

TEXT = "Walter Pike wanted a new quay. Ana Ruiz said the quay is sound."
PIKE, WANTED = Span.of(TEXT, 0, 11), Span.of(TEXT, 19, 29)
RUIZ, SOUND = Span.of(TEXT, 31, 39), Span.of(TEXT, 45, 62)


def _label(span: Span, role: str, kind: str | None) -> dict:
    return {"start": span.start, "end": span.end, "role": role, "kind": kind}


def test_a_kinds_label_at_the_place_or_overlapping_it_decides():
    labels = [_label(PIKE, "not_source", None), _label(RUIZ, "source", "named_person")]
    assert _kinds_flag(labels, PIKE, WANTED) is True
    assert _kinds_flag(labels, Span.of(TEXT, 35, 39), SOUND) is False  # "Ruiz" overlaps
    assert _kinds_flag(labels, Span.of(TEXT, 40, 44), SOUND) is None  # "said": no label
    # a source whose real speaker is no one is false whatever its role says
    assert _kinds_flag([_label(PIKE, "partial", None)], PIKE, WANTED) is True


def test_a_source_no_labelled_mention_overlaps_is_false():
    text = {"mentions": [_label(RUIZ, "source", "named_person")]}
    assert _mentions_flag(text, PIKE, WANTED) is True
    assert _mentions_flag(text, RUIZ, SOUND) is False


def test_the_claim_gold_says_false_for_an_unsourced_claim_and_true_for_its_source():
    claims = [(WANTED, set()), (SOUND, {"ana", "ruiz"})]
    assert _claims_flag(claims, PIKE, WANTED) is True  # the gold gives the claim no source
    assert _claims_flag(claims, RUIZ, SOUND) is False
    # another source of a sourced claim is a wrong one, not a false one: no row
    assert _claims_flag(claims, PIKE, SOUND) is None
    # a content that covers little of any gold claim: no row
    assert _claims_flag(claims, PIKE, Span.of(TEXT, 0, 62)) is None


def test_the_threshold_removes_most_false_sources_within_the_loss_ratio():
    flags = np.array([True] * 10 + [False] * 10)
    scores = np.array([0.99] * 8 + [0.6] * 2 + [0.97, 0.7] + [0.1] * 8)
    # from 0.5 to 0.7, 10 or 8 removed cost 2 lost: under 8 to 1; from 0.71, 8 for 1
    best = _best_threshold(flags, scores)
    assert best == {"threshold": 0.71, "false_removed": 8, "true_lost": 1}
