"""A long text is analysed in pieces: the same claims, at the same offsets of the whole text."""

from __future__ import annotations

import pytest

from newstrace.analyze.nlp import pieces
from newstrace.analyze.pipeline import Analyzer
from newstrace.model import Article

PARAGRAPHS = [
    "The Pellin harbour board said the swing bridge may stay shut until March.",
    "Ferry fares will rise by 4% from Monday, the operator announced.",
    "A resident, Dorit Ashgrove, told the Pellin Gazette that the queues were long.",
    "Engineers believe the new sea wall could pave the way for a marina.",
]
TEXT = "\n\n".join(PARAGRAPHS * 3)


def _claims(ledger):
    return [
        (c.span.start, c.span.end, c.attribution.source.name, c.certainty.level, c.kind)
        for c in ledger.claims
    ]


def test_pieces_join_back_into_the_text_and_end_at_paragraph_breaks():
    cut = pieces(TEXT, 200)
    assert "".join(cut) == TEXT
    assert all(len(piece) <= 200 and piece.endswith("\n\n") for piece in cut[:-1])


@pytest.mark.parametrize("extractor", ["crf", "encoder"])
def test_a_text_analysed_in_pieces_has_the_claims_of_the_whole(monkeypatch, extractor):
    monkeypatch.setenv("NEWSTRACE_ATTRIBUTION", extractor)
    whole = Analyzer()(Article(TEXT, id="long"))
    cut = Analyzer(piece_chars=200)(Article(TEXT, id="long"))
    assert _claims(cut) == _claims(whole)
    assert {"Dorit Ashgrove", "the operator"} <= {claim[2] for claim in _claims(cut)}
    assert [c.id for c in cut.claims] == [f"c{n}" for n in range(1, len(cut.claims) + 1)]
    for claim in cut.claims:  # every span, however deep, indexes the whole text
        assert TEXT[claim.span.start : claim.span.end] == claim.span.text
        for source in claim.attribution.chain:
            if source.span is not None:
                assert TEXT[source.span.start : source.span.end] == source.span.text
        for cue in claim.certainty.cues:
            assert TEXT[cue.start : cue.end] == cue.text


def test_a_claim_ending_a_piece_ends_as_in_the_whole():
    text = (
        "The harbour board said the pier will close in May.\n\n"
        "The ferry will stop on Monday, officials said.\n\n"
        "The council has approved a new sea wall for the town.\n\nIt will cost a lot."
    )
    whole = Analyzer()(Article(text, id="t"))
    cut = Analyzer(piece_chars=60)(Article(text, id="t"))
    assert [c.span.text for c in cut.claims] == [c.span.text for c in whole.claims]
