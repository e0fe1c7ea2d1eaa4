"""The parser reads a copy of the text with wraps and datelines mended; claims quote the text."""

from __future__ import annotations

import pytest

from newstrace import Article, analyze
from newstrace.analyze.nlp import for_parser
from newstrace.model import Span, resliced

WRAPPED = (
    "The harbour board has confirmed that the pier will\nclose for six days in December. "
    "Despite the closure, officials say that the\nferries will not face any major problems."
)


def test_the_copy_for_the_parser_keeps_every_offset():
    text = "PELLIN - The pier will\r\nclose.\n\nHeadline\nBody. Ends here.\nnext line"
    copy = for_parser(text)
    assert len(copy) == len(text)
    assert copy.startswith("PELLIN.\n The pier will  close.")
    assert "Ends here.\nnext line" in copy  # a sentence ended before the break: kept


def test_a_wrapped_sentence_is_one_claim_quoted_as_given():
    ledger = analyze(Article(WRAPPED, id="wrapped"))
    officials = [c for c in ledger.claims if c.attribution.source.name == "officials"]
    [claim] = officials
    assert "\n" in claim.span.text
    assert claim.span.text == WRAPPED[claim.span.start : claim.span.end]
    assert claim.span.text.endswith("major problems")


def test_a_dateline_is_no_part_of_the_source():
    ledger = analyze(Article("PELLIN - The harbour board said the pier will close.", id="d"))
    assert [c.attribution.source.name for c in ledger.claims] == ["The harbour board"]


@pytest.mark.parametrize(
    "dateline", ["Dover, Ore. - ", "Rural Dover Falls, Ore. – ", "Dover, N.C. (WPLN) -- "]
)
def test_a_town_and_state_dateline_is_no_part_of_the_source(dateline):
    text = dateline + "Pellin Children's Hospital confirmed the boy went home."
    [claim] = analyze(Article(text, id="d")).claims
    assert claim.attribution.source.name == "Pellin Children's Hospital"


def test_a_station_credited_alone_opens_no_claim():
    text = "(WPLN-TV) – Pellin police are searching for two men.\n\n(The pier) is closed."
    assert for_parser(text).startswith("(WPLN-TV).\n Pellin police")
    ledger = analyze(Article(text, id="station"))
    assert ledger.claims[0].span.text.startswith("Pellin police are searching")


def test_a_headline_above_a_dateline_ends_there():
    text = "Study: Eating eggs is as bad as smoking\n\n(WPLN-TV) - The pier could close in May."
    copy = for_parser(text)
    assert copy.startswith("Study: Eating eggs is as bad as smoking.\n(WPLN-TV).\n")
    claims = [c.span.text for c in analyze(Article(text, id="headline")).claims]
    assert claims == ["Eating eggs is as bad as smoking", "The pier could close in May."]
    assert for_parser("Ends.\n\nPELLIN - Go.") == "Ends.\n\nPELLIN.\n Go."  # stopped already


def test_spans_read_again_from_the_text_as_given():
    from_copy = (Span(0, 8, "the pier"), Span(4, 8, "pier"))
    assert resliced(from_copy, "the\npier") == (Span(0, 8, "the\npier"), Span(4, 8, "pier"))


def test_a_quotation_mark_glued_after_a_stop_is_split_off_on_its_side():
    text = (
        'The boy was known for his humour."Very polite boy," neighbour Mara Pellin said. '
        '"Very sweet kid. If he saw you with a bag, he would carry it."The search goes on.'
    )
    copy = for_parser(text)
    assert "humour.“Very" in copy and "carry it.”The" in copy
    ledger = analyze(Article(text, id="glued"))
    by_start = {c.span.text.split()[0].strip('"“'): c for c in ledger.claims}
    assert by_start["Very"].attribution.source.name == "Mara Pellin"
    assert by_start["If"].attribution.source.name == "Mara Pellin"
    assert by_start["The"].attribution.source.name != "Mara Pellin"


def test_a_clock_time_before_a_day_ends_no_sentence():
    from newstrace.analyze.nlp import load_nlp

    text = "Lund died at the scene at 8:07 p.m. Wednesday, according to police."
    assert [s.text for s in load_nlp()(text).sents] == [text]
    [claim] = analyze(Article(text, id="clock")).claims
    assert claim.span.text == "Lund died at the scene at 8:07 p.m. Wednesday"
    assert claim.attribution.source.name == "police"
    # a time that ends its sentence still ends it
    text = "Officers arrived at 10 p.m. Wednesday. Police said the man was dead."
    assert len(list(load_nlp()(text).sents)) == 2


def test_windows_punctuation_read_as_control_characters_is_read_as_punctuation():
    text = "The sign read \x93We will call police\x94 and it\x92s still there."
    copy = for_parser(text)
    assert len(copy) == len(text)
    assert copy == "The sign read “We will call police” and it’s still there."


def test_a_rank_abbreviated_before_a_name_ends_no_sentence():
    from newstrace.analyze.nlp import load_nlp

    text = "The man was shot, according to Tfc. Sam Riley of the state police."
    assert [s.text for s in load_nlp()(text).sents] == [text]


@pytest.mark.parametrize(
    "dateline", ["KIDRON, Ohio - ", "NOBLE COUNTY, Ind. (WANE) – ", "PUYALLUP, Wash. — "]
)
def test_a_capitals_dateline_with_its_state_ends_there(dateline):
    text = f"{dateline}The Pellin Sheriff's Office said a boy was hurt."
    copy = for_parser(text)
    assert len(copy) == len(text) and copy[: copy.index("\n")].endswith(".")  # a stop
    [claim] = analyze(Article(text, id="d")).claims
    assert claim.attribution.source.name == "Pellin Sheriff's Office"
    assert claim.span.text == "a boy was hurt"


def test_a_claim_ends_at_its_words_not_at_a_break_read_as_a_stop():
    text = "No charges against a boy who shot his friend\n\nPELLIN - The boy is 13."
    texts = [c.span.text for c in analyze(Article(text, id="h")).claims]
    assert "No charges against a boy who shot his friend" in texts
