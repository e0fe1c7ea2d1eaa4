"""The encoder attribution tagger: windows, label decoding and linking on invented text, then
the shipped int8 model on one invented sentence (skipped where the model file is absent)."""

from __future__ import annotations

import pytest

from newstrace.analyze.attribution._decode import B, I, O, link, role_spans
from newstrace.analyze.attribution._windows import MAX_PIECES, Window, windows
from newstrace.analyze.attribution.encoder import (
    ARTEFACT,
    MODEL_FILE,
    load_tokenizer,
    tokenizer_path,
)
from newstrace.artefacts import model_dir
from newstrace.errors import UsageError


@pytest.fixture(scope="module")
def tokenizer():
    return load_tokenizer(tokenizer_path())


def _spans(text: str, *phrases: str) -> list[tuple[int, int]]:
    """Character spans of each phrase's first occurrence."""
    spans = []
    for phrase in phrases:
        start = text.index(phrase)
        spans.append((start, start + len(phrase)))
    return spans


def _texts(text: str, linked) -> list[tuple[str | None, str, str]]:
    def cut(span):
        return None if span is None else text[span[0] : span[1]]

    return [(cut(source), cut(cue), cut(content)) for cue, source, content in linked]


# --- windows -----------------------------------------------------------------------------


def test_windows_pack_paragraphs_and_cover_every_word(tokenizer):
    text = 'Port Hallow fares rose.\n\nThe ferry board said:\n\n"We had no choice."\n'
    [window] = windows(text, tokenizer)
    assert window.ids[0] == tokenizer.token_to_id("[CLS]")
    assert window.ids[-1] == tokenizer.token_to_id("[SEP]")
    assert (window.start, window.end) == (0, len(text) - 1)
    pieces = [text[a:b] for a, b in window.offsets[1:-1]]
    assert pieces[:4] == ["Port", "Hall", "ow", "fares"]
    assert window.words[2] == window.words[3] != window.words[4]  # "Hall" "##ow" one word


def test_a_long_paragraph_is_cut_at_sentence_ends(tokenizer):
    sentence = "The harbour master of Port Hallow said the old pier would close in March. "
    text = sentence * 20
    cut = windows(text, tokenizer)
    assert len(cut) > 1
    assert all(len(w.ids) <= MAX_PIECES for w in cut)
    for window in cut:
        assert text[window.start : window.end].startswith("The harbour master")
        assert text[window.start : window.end].endswith("in March.")
    covered = [span for w in cut for span in w.offsets[1:-1]]
    assert covered == sorted(covered)  # every piece once, in order


def test_a_sentence_longer_than_a_window_is_cut_at_the_budget(tokenizer):
    text = " ".join(["harbour"] * 300)
    cut = windows(text, tokenizer, max_pieces=64)
    assert [len(w.ids) for w in cut] == [64] * 4 + [300 - 4 * 62 + 2]


# --- labels to spans -----------------------------------------------------------------------


def _window(text: str, words: list[str]) -> Window:
    offsets, start = [], 0
    for word in words:
        start = text.index(word, start)
        offsets.append((start, start + len(word)))
        start += len(word)
    numbers = list(range(len(words)))
    return Window(
        0,
        len(text),
        tuple(range(len(words) + 2)),
        ((-1, -1), *offsets, (-1, -1)),
        (-1, *numbers, -1),
    )


def test_bio_layers_decode_to_character_spans():
    text = "Officials said the bridge would reopen."
    window = _window(text, ["Officials", "said", "the", "bridge", "would", "reopen", "."])
    labels = [O, B, O, B, I, I, I, O, O]
    spans = role_spans(labels, window.offsets, window.words)
    assert [text[a:b] for a, b in spans] == ["Officials", "the bridge would reopen"]


def test_an_inside_label_after_outside_starts_a_span_and_specials_end_one():
    offsets = [(-1, -1), (0, 2), (3, 5), (-1, -1)]
    assert role_spans([I, O, I, I], offsets, [-1, 0, 1, -1]) == [(3, 5)]
    assert role_spans([O, B, B, O], offsets, [-1, 0, 1, -1]) == [(0, 2), (3, 5)]


def test_a_span_ending_inside_a_word_takes_the_whole_word():
    offsets = [(-1, -1), (0, 4), (4, 6), (7, 12), (-1, -1)]  # "Hall" "##ow" "fares"
    words = [-1, 0, 0, 1, -1]
    assert role_spans([O, B, O, O, O], offsets, words) == [(0, 6)]
    assert role_spans([O, O, B, I, O], offsets, words) == [(0, 12)]


# --- linking ------------------------------------------------------------------------------


def test_each_cue_takes_its_own_content_and_source():
    text = 'The mayor said the pier will close. "It is old," a clerk said.'
    cues = _spans(text, "said the", "said.")
    cues = [(cues[0][0], cues[0][0] + 4), (cues[1][0], cues[1][0] + 4)]
    found = link(
        text,
        cues,
        _spans(text, "The mayor", "a clerk"),
        _spans(text, "the pier will close", "It is old"),
    )
    assert _texts(text, found) == [
        ("The mayor", "said", "the pier will close"),
        ("a clerk", "said", "It is old"),
    ]


def test_a_split_quotation_keeps_its_source_inside_the_content():
    text = '"We have waited long enough," Mayor Lina Oduya said, "and the bridge must open."'
    found = link(text, _spans(text, "said"), _spans(text, "Mayor Lina Oduya"), [(0, len(text))])
    assert _texts(text, found) == [("Mayor Lina Oduya", "said", text)]


def test_according_to_finds_the_source_after_the_cue():
    text = "According to the town council, the library will reopen next week."
    found = link(
        text,
        _spans(text, "According to"),
        _spans(text, "the town council"),
        _spans(text, "the library will reopen next week"),
    )
    assert _texts(text, found) == [
        ("the town council", "According to", "the library will reopen next week")
    ]


def test_a_source_inside_the_content_belongs_to_the_inner_cue():
    text = "The clerk said the mayor told him the pier would close."
    cues = [(10, 14), (25, 29)]
    sources = _spans(text, "The clerk", "the mayor")
    contents = [
        _spans(text, "the mayor told him the pier would close")[0],
        _spans(text, "the pier would close")[0],
    ]
    found = link(text, cues, sources, contents)
    assert _texts(text, found) == [
        ("The clerk", "said", "the mayor told him the pier would close"),
        ("the mayor", "told", "the pier would close"),
    ]


def test_a_cue_far_from_any_content_is_dropped_and_no_source_is_invented():
    text = "It was said.\n\n" + "Nothing to see here. " * 30 + "The pier will close."
    found = link(text, _spans(text, "said"), [], _spans(text, "The pier will close"))
    assert found == []
    text = "It is said that the pier will close."
    found = link(text, _spans(text, "is said"), [], _spans(text, "the pier will close"))
    assert _texts(text, found) == [(None, "is said", "the pier will close")]


# --- choosing the extractor and the shipped model -----------------------------------------


def test_the_environment_chooses_the_extractor(monkeypatch):
    from newstrace.analyze.settings import extractor_name

    monkeypatch.delenv("NEWSTRACE_ATTRIBUTION", raising=False)
    assert extractor_name() == "crf"
    monkeypatch.setenv("NEWSTRACE_ATTRIBUTION", "Encoder")
    assert extractor_name() == "encoder"
    monkeypatch.setenv("NEWSTRACE_ATTRIBUTION", "bert")
    with pytest.raises(UsageError, match="crf, encoder"):
        extractor_name()


@pytest.fixture(scope="module")
def shipped():
    if not (model_dir(ARTEFACT) / MODEL_FILE).is_file():
        pytest.skip(f"no {ARTEFACT}/{MODEL_FILE} in the package: `make train-encoder` builds it")
    from newstrace.analyze.attribution import load_extractor

    return load_extractor("encoder")


def test_the_shipped_model_tags_an_invented_sentence(shipped):
    text = "The harbour master of Port Hallow said the old pier would close in March."
    found = shipped.tag(text)
    assert [(a.source.text if a.source else None, a.cue.text) for a in found] == [
        ("The harbour master of Port Hallow", "said")
    ]
    assert found[0].content.text.startswith("the old pier would close")
    for attribution in found:
        for span in (attribution.cue, attribution.content, attribution.source):
            assert span is None or text[span.start : span.end] == span.text


def test_the_ledger_adds_the_extractors_rule_layers_to_what_the_encoder_tags(shipped):
    from newstrace.analyze.nlp import load_nlp

    text = "The Pellin Gazette quoted a harbour pilot as saying the pier was unsafe."
    cues = {a.cue.text for a in shipped.predict(load_nlp()(text))}
    assert "as saying" in cues  # "quoted X as saying Y": Y is X's, inside the Gazette's
    assert "as saying" not in {a.cue.text for a in shipped.tag(text)}
