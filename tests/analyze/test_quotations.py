"""Quotations that run on into later paragraphs or stand alone after their speaker's, and the
ledger crediting them to the speaker."""

from __future__ import annotations

import pytest

from newstrace.analyze.quotations import quoted_at, run_ons, standalone_quotes
from newstrace.api import analyze
from newstrace.model import SourceKind

LONG_QUOTE = (
    "Harbour master Ada Morn told the Pellin Courier: ‘The pier is sinking. "
    "Divers saw cracks in two piles.\n\n"
    "‘We don’t know how fast it will go. It could close by March.\n\n"
    "‘Nobody will be hurt.’\n\n"
    "The council meets on Tuesday."
)


def _quoted(text: str) -> list[list[str]]:
    return [[text[a:b] for a, b in run.continued] for run in run_ons(text)]


def test_a_quotation_reopened_in_the_next_paragraphs_runs_on():
    assert _quoted(LONG_QUOTE) == [
        [
            "‘We don’t know how fast it will go. It could close by March.",
            "‘Nobody will be hurt.’",
        ]
    ]


def test_a_closed_quotation_or_a_plain_next_paragraph_does_not_run_on():
    assert run_ons("She said: “It fell.”\n\n“We ran,” he said.") == []
    assert run_ons("She said: “It fell.\n\nThe council meets on Tuesday.") == []


def test_the_paragraphs_a_quotation_runs_on_into_are_the_speakers():
    ledger = analyze(LONG_QUOTE)
    later = [
        c
        for c in ledger.claims
        if "could close by March" in c.span.text or "Divers saw cracks" in c.span.text
    ]
    assert later and all(c.attribution.source.name == "Ada Morn" for c in later)
    council = [c for c in ledger.claims if "council meets" in c.span.text]
    assert council and council[0].attribution.source.kind == SourceKind.THE_ARTICLE


def test_each_sentence_of_a_long_quotation_is_a_claim_hedged_on_its_own_words():
    ledger = analyze(
        "Harbour master Ada Morn said: “The repairs could help the pier. "
        "The tide will not fall this year.”"
    )
    levels = {c.span.text: c.certainty.level.value for c in ledger.claims}
    repairs = next(level for text, level in levels.items() if "repairs could help" in text)
    tide = next(level for text, level in levels.items() if "tide will not fall" in text)
    assert (repairs, tide) == ("hedged", "negated")


def test_a_reporters_sign_off_is_no_claim_and_credits_nothing():
    ledger = analyze(
        "A ferry hit the Pellin pier on Tuesday night. Police said a deckhand was hurt by a "
        "falling rope. Ada Morn reports. (Published Wednesday, Dec. 14, 2016)\n\n"
        "Divers were searching the harbour after the ferry hit the pier."
    )
    assert all("Ada Morn" not in c.span.text for c in ledger.claims)
    assert all(c.attribution.source.name != "Ada Morn" for c in ledger.claims)


# a widget line between the speaker's paragraph and the quotation changes nothing
@pytest.mark.parametrize("between", ["", "Advertisement\n\n", "Article continues below\n\n"])
def test_a_standalone_quotation_after_its_speakers_paragraph_is_the_speakers(between):
    text = (
        "A spokesman for the Pellin port authority said the tests were early.\n\n"
        f"{between}“This is the first time cracks have been found.”\n\n"
        "The council meets on Tuesday."
    )
    claims = analyze(text).claims
    [said] = [c for c in claims if c.span.text.startswith("the tests")]
    [quoted] = [c for c in claims if c.span.text.startswith("This is")]
    assert quoted.attribution.source == said.attribution.source
    assert said.attribution.source.span.text.startswith("A spokesman")
    assert not [c for c in claims if between and between.strip() in c.span.text]


def test_a_quotation_with_its_own_cue_or_after_a_heading_stands_on_nothing():
    assert standalone_quotes("Ada Morn said it was early.\n\n“It fell,” she said. “We ran.”") == []
    assert standalone_quotes("Pier closed\n\n“It fell.”") == []


def test_a_standalone_quotation_is_the_speakers_not_the_outlet_around_them():
    text = (
        '“The tide tables have confused the issue," said Ada Morn, a harbour engineer, '
        "according to the Pellin Gazette.\n"
        '"It has been known for years that the pier sinks a little each winter."\n'
        "The council meets on Tuesday."
    )
    claims = analyze(text).claims
    [quoted] = [c for c in claims if c.span.text.startswith("It has been known")]
    assert [s.name for s in quoted.attribution.chain][-2:] == ["Pellin Gazette", "Ada Morn"]


def test_a_quotation_opened_just_before_a_word_is_open_at_it():
    text = 'He left. "I think it is safe," she said.'
    assert quoted_at(text, 0, text.index("I think"))
    assert not quoted_at(text, 0, text.index("she"))


def test_a_quotation_reopened_after_its_speakers_and_left_open_is_the_speakers():
    text = (
        "Crews reached the pier at noon.\n\n"
        '"We saw smoke pouring out of the roof," said Chief Ada Morn. "By the time we got '
        "inside, the fire had spread to the second floor.\n\n"
        '"It took four hours to put out."'
    )
    spread = [c for c in analyze(text).claims if "had spread" in c.span.text]
    assert spread and spread[0].attribution.source.name == "Ada Morn"


def test_a_quotation_tagged_by_any_verb_and_the_next_one_are_the_speakers():
    text = (
        "Mara Okafor ran the shop for years. “Most places never cook the crab right,” "
        "she sobbed. “My tongue is definitely burning.”"
    )
    claims = analyze(text).claims
    quoted = [c for c in claims if c.span.text.startswith(("Most", "My"))]
    assert [c.attribution.source.name for c in quoted] == ["Mara Okafor", "Mara Okafor"]
    assert quoted[0].attribution.cue.text == "sobbed"


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        ("“We will not reopen the pier,” the statement read.", "the statement", "read"),
        (
            "“The pier will stay shut all winter,” the harbour master sobbed.",
            "the harbour master",
            "sobbed",
        ),
        ("“Why wait? The pier will stay shut,” asked one reader.", "one reader", "asked"),
    ],
)
def test_a_quotation_tagged_by_a_noun_phrase_is_its_speakers(text, source, cue):
    [shut] = [c for c in analyze(text).claims if "pier" in c.span.text]
    assert shut.attribution.source.name == source
    assert shut.attribution.cue.text == cue


def test_a_word_in_quotation_marks_has_no_speaker():
    from newstrace.analyze.attribution.nesting import tagged_quotes
    from newstrace.analyze.nlp import load_nlp

    doc = load_nlp()("Crowds staged a “die-in,” this march follows others.")
    opening, closing = (t.i for t in doc if t.text in "“”")
    assert tagged_quotes(doc, [(opening, closing + 1)], [], set()) == []


def test_a_quotation_after_another_persons_sentence_is_not_the_first_speakers():
    text = (
        "Dale Lund described the night. “It was very quiet,” he sobbed. The chief of the "
        "Pellin fire crew spoke next. “The whole block was in chaos.”"
    )
    [chaos] = [c for c in analyze(text).claims if c.span.text.startswith("The whole")]
    assert chaos.attribution.source.name != "Dale Lund"
