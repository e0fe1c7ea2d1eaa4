"""The encoder recipe's data preparation (no torch needed): gold spans to piece labels and
back, on invented articles."""

from __future__ import annotations

import random

from newstrace.analyze.attribution._decode import ROLES, link, role_spans
from newstrace.analyze.attribution._windows import windows
from newstrace.analyze.attribution.encoder import load_tokenizer, tokenizer_path
from newstrace.eval.polnear import GoldArticle
from newstrace.model import AttributionSpans, Span
from newstrace.training.encoder import batches, examples, gold_labels, gold_spans, sample

TEXT = (
    "Ferry fares to rise\n\n"
    "The harbour master said the mayor told him the old pier would close in March.\n\n"
    '"We had no choice," a spokeswoman for the ferry board said, "and fares will rise."\n\n'
    "The weather was fine.\n"
)


ARTICLE = GoldArticle(
    "invented",
    TEXT,
    (
        AttributionSpans(
            Span.find(TEXT, "said"),
            Span.find(TEXT, "the mayor told him the old pier would close in March"),
            Span.find(TEXT, "The harbour master"),
        ),
        AttributionSpans(
            Span.find(TEXT, "told"),
            Span.find(TEXT, "the old pier would close in March"),
            Span.find(TEXT, "the mayor"),
        ),
        AttributionSpans(
            Span.find(TEXT, "said", TEXT.index("ferry board")),
            Span.of(TEXT, TEXT.index('"We'), TEXT.index("rise.") + 6),
            Span.find(TEXT, "a spokeswoman for the ferry board"),
        ),
    ),
)


def test_labels_decode_back_to_the_gold_except_a_nested_content():
    tokenizer = load_tokenizer(tokenizer_path())
    spans = gold_spans(ARTICLE)
    found: dict[str, list[tuple[int, int]]] = {role: [] for role in ROLES}
    for window in windows(TEXT, tokenizer):
        labels = gold_labels(window, spans)
        for column, role in enumerate(ROLES):
            found[role] += role_spans(labels[:, column], window.offsets, window.words)
    assert found["cue"] == spans["cue"] == sorted(spans["cue"])
    assert sorted(found["source"]) == sorted(spans["source"])
    # the two nested contents share pieces: the shorter is labelled, the longer left out
    assert [TEXT[a:b] for a, b in found["content"]] == [
        "the old pier would close in March",
        '"We had no choice," a spokeswoman for the ferry board said, "and fares will rise."',
    ]
    linked = link(TEXT, found["cue"], found["source"], found["content"])
    assert [TEXT[s[0] : s[1]] if s else None for _, s, _ in linked] == [
        "The harbour master",
        "the mayor",
        "a spokeswoman for the ferry board",
    ]


def test_windows_without_gold_are_sampled_and_batches_group_lengths():
    tokenizer = load_tokenizer(tokenizer_path())
    found = examples([ARTICLE], tokenizer)
    assert [spanned for _, spanned in found] == [True]
    assert sample(found * 3, 0.0, seed=1) == [found[0][0]] * 3
    data = [([1] * n, None) for n in (5, 50, 6, 51, 7, 52)]
    grouped = batches(data, 3, random.Random(0))  # type: ignore[arg-type]
    assert sorted(sorted(len(ids) for ids, _ in batch) for batch in grouped) == [
        [5, 6, 7],
        [50, 51, 52],
    ]
