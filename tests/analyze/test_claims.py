"""The article's own assertions: what is left of each line once attributions are taken out."""

from __future__ import annotations

from newstrace.analyze.claims import asserted_spans
from newstrace.analyze.nlp import load_nlp
from newstrace.model import Span

TEXT = (
    "Strange news\n"
    "A recording is said to be circulating, and it could be a sign she will resign.\n"
    "In March, the council had already voted to cut fees.\n"
)


def test_uncovered_clauses_become_claims_without_dangling_words():
    doc = load_nlp()(TEXT)
    said = TEXT.index("A recording")
    covered = [Span.of(TEXT, said, TEXT.index(", and"))]
    texts = [span.text for span in asserted_spans(doc, covered, [])]
    assert texts == [
        "it could be a sign she will resign.",
        "In March, the council had already voted to cut fees.",
    ]


def test_offsets_index_the_text_as_given():
    doc = load_nlp()(TEXT)
    for span in asserted_spans(doc, [], []):
        assert TEXT[span.start : span.end] == span.text
