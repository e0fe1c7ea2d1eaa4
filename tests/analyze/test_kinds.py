"""Claim kinds from the parse: the hand-labelled fixture, the seed article, level precedence."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from newstrace.analyze.kinds import _lexicon, classify_kind
from newstrace.analyze.nlp import load_nlp
from newstrace.model import Certainty, CertaintyLevel, ClaimKind, Span

SEED = "seed/000_2e3b3d9b51724c05.txt"


def _kind(
    text: str, claim: str | None = None, attributed: bool = False, level: str = "asserted"
) -> ClaimKind:
    claim = claim or text
    start = text.index(claim)
    certainty = Certainty(0.5, CertaintyLevel(level))
    return classify_kind(
        load_nlp()(text), Span.of(text, start, start + len(claim)), attributed, certainty
    )


def test_lexicon_entries_are_lower_case_and_lists_not_empty():
    lexicon = _lexicon()
    assert {"future_modals", "evaluative_adjectives", "stance_predicates"} <= set(lexicon)
    for key, entries in lexicon.items():
        assert entries, key
        assert all(entry == entry.lower() for entry in entries), key


def test_fixture_accuracy_and_every_kind_recognised(fixtures_dir):
    rows = [json.loads(line) for line in (fixtures_dir / "kinds.jsonl").open(encoding="utf-8")]
    assert len(rows) >= 60
    got = [_kind(r["text"], r["claim"], r["attributed"], r["level"]).value for r in rows]
    correct = Counter(r["kind"] for r, g in zip(rows, got, strict=True) if r["kind"] == g)
    total = Counter(r["kind"] for r in rows)
    assert sum(correct.values()) / len(rows) >= 0.9
    assert set(total) == {k.value for k in ClaimKind}
    for kind, n in total.items():
        assert correct[kind] / n >= 0.8, kind


def test_certainty_level_turns_a_claim_into_speculation_unless_it_is_future():
    plain = "The ministry closed the border crossing."
    assert _kind(plain) is ClaimKind.EVENT
    assert _kind(plain, level="speculative") is ClaimKind.SPECULATION
    assert _kind(plain, level="conditional") is ClaimKind.SPECULATION
    assert _kind("The ministry will close the border.", level="speculative") is ClaimKind.PREDICTION


def test_would_is_future_in_reported_speech_and_hypothetical_in_the_article_voice():
    text = "The council said the pool would reopen in June."
    content = "the pool would reopen in June"
    for level in ("attributed", "speculative"):
        assert _kind(text, content, attributed=True, level=level) is ClaimKind.PREDICTION
    assert _kind("The pool would reopen in June.", level="speculative") is ClaimKind.SPECULATION
    conditional = "The council said that if the heat lasts, the pool would reopen early."
    claim = conditional[conditional.index("if") :]
    assert _kind(conditional, claim, attributed=True, level="conditional") is (
        ClaimKind.SPECULATION
    )


def test_claim_without_tokens_falls_back_by_attribution():
    doc = load_nlp()("Hello there.")
    empty = Span.of(doc.text, 12, 12)
    certainty = Certainty(1.0, CertaintyLevel.ASSERTED)
    assert classify_kind(doc, empty, False, certainty) is ClaimKind.EVENT
    assert classify_kind(doc, empty, True, certainty) is ClaimKind.STATEMENT


def test_attribution_decides_statement_or_background_for_present_states():
    text = "The agency said the reservoir holds enough water for two years."
    content = "the reservoir holds enough water for two years"
    assert _kind(text, content, attributed=True) is ClaimKind.STATEMENT
    assert _kind("The reservoir holds enough water for two years.") is ClaimKind.BACKGROUND
    # a claim that carries its own reporting frame is read as attributed
    assert _kind(text) is ClaimKind.STATEMENT


def test_evaluative_word_inside_an_event_is_not_an_opinion():
    assert _kind("A video of the mayor praising the terrible road was shared online.") is (
        ClaimKind.EVENT
    )


@pytest.mark.shared
@pytest.mark.parametrize(
    ("start", "level", "attributed", "expected"),
    [
        ("If Kim is crying", "conditional", False, ClaimKind.SPECULATION),
        ("In April, North Korea had already", "asserted", False, ClaimKind.BACKGROUND),
        ("Kim doesn\u2019t really want", "attributed", True, ClaimKind.STATEMENT),
        ("Experts assess with near unanimity", "asserted", False, ClaimKind.STATEMENT),
    ],
)
def test_seed_article_sentences(shared_path, start, level, attributed, expected):
    text = shared_path(SEED).read_text(encoding="utf-8")
    begin = text.index(start)
    end = text.index(".", begin) + 1
    assert _kind(text[begin:end], level=level, attributed=attributed) is expected
