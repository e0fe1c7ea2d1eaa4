"""Passages in another language are left out of the claims and recorded in the ledger, at
offsets of the whole text, however the text is cut into pieces (issue 15). The articles are
written for these tests."""

from __future__ import annotations

from newstrace.analyze.pipeline import Analyzer
from newstrace.model import Article

BEFORE = "The Pellin harbour board said the swing bridge will stay shut until March."
GERMAN = (
    "Der Bürgermeister sagte, die Stadt werde die Kosten für die Fähre übernehmen, "
    "und die Gewerkschaft erklärte, die Arbeiter seien sehr unzufrieden."
)
AFTER = (
    "A resident, Dorit Ashgrove, told the Pellin Gazette that the ferry queues were long. "
    "Officials said the repairs could cost more than the board had planned for this year."
)
TEXT = f"{BEFORE}\n\n{AFTER}\n\n{GERMAN}\n\n{AFTER}"


def _in_german(span, text=TEXT):
    start = text.index(GERMAN)
    return span.start < start + len(GERMAN) and start < span.end


def test_no_claim_comes_from_a_german_paragraph_and_the_ledger_says_so():
    ledger = Analyzer()(Article(TEXT, id="pellin"))
    (passage,) = ledger.foreign_passages
    assert (passage.language, passage.span.text) == ("de", GERMAN)
    assert passage.span.start == TEXT.index(GERMAN)
    assert ledger.claims, "the English paragraphs still have their claims"
    assert not [c for c in ledger.claims if _in_german(c.span)]
    sources = {c.attribution.source.name for c in ledger.claims}
    assert "Der Bürgermeister" not in sources and "die Gewerkschaft" not in sources


def test_an_english_cue_before_a_german_quote_makes_no_claim():
    text = f"{BEFORE}\n\n{AFTER}\n\nThe mayor told reporters:\n\n{GERMAN}\n\n{AFTER}"
    ledger = Analyzer()(Article(text))
    assert not [c for c in ledger.claims if _in_german(c.attribution.content, text)]


def test_an_english_article_has_no_foreign_passages():
    assert Analyzer()(Article(f"{BEFORE}\n\n{AFTER}")).foreign_passages == ()


def test_offsets_stay_right_when_a_long_text_is_analysed_in_pieces():
    text = "\n\n".join([BEFORE, AFTER, GERMAN, BEFORE, AFTER, GERMAN, AFTER])
    whole = Analyzer()(Article(text))
    cut = Analyzer(piece_chars=200)(Article(text))
    assert cut.foreign_passages == whole.foreign_passages
    assert [p.span.start for p in cut.foreign_passages] == [
        text.index(GERMAN),
        text.rindex(GERMAN),
    ]
    assert len(cut.claims) == len(whole.claims)
    assert all(text[c.span.start : c.span.end] == c.span.text for c in cut.claims)
    assert not [c for c in cut.claims if _in_german(c.span, text)]
