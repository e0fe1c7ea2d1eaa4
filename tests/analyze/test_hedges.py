"""Cue finding over token texts: longest match, categories, modal tags, the month May."""

from __future__ import annotations

from newstrace.analyze.hedges import find_cues, word_category


def _found(sentence: str, tags: list[str] | None = None) -> list[tuple[str, str]]:
    words = sentence.split()
    return [(" ".join(words[c.start : c.end]), c.category) for c in find_cues(words, tags)]


def test_multiword_cue_is_one_match():
    assert _found("The mayor is said to be furious") == [("is said to be", "evidential")]


def test_longest_match_wins_over_shorter_entries():
    assert _found("There is no doubt the bridge fell") == [("no doubt", "booster")]


def test_categories_of_common_cues():
    found = dict(_found("Officials reportedly fear the dam could fail if it rains , not later"))
    assert found == {
        "reportedly": "evidential",
        "fear": "speculative",
        "could": "speculative",
        "if": "conditional",
        "not": "negation",
    }


def test_typographic_apostrophe_negation():
    assert _found("He doesn\u2019t n\u2019t") == [("n\u2019t", "negation")]


def test_modal_needs_md_tag_when_tags_are_given():
    words = ["They", "may", "go"]
    assert _found("They may go", ["PRP", "MD", "VB"]) == [("may", "speculative")]
    assert find_cues(words, ["PRP", "NNP", "VB"]) == []


def test_capitalised_may_inside_a_sentence_is_the_month():
    assert _found("The vote in May was close") == []
    assert _found("May I add a remark") == [("May", "speculative")]


def test_word_category():
    assert word_category("Allegedly") == "evidential"
    assert word_category("bridge") is None


def test_suspect_is_a_hedge_only_as_a_verb():
    assert _found("Police suspect arson", ["NNS", "VBP", "NN"]) == [("suspect", "evidential")]
    assert _found("Police sought two suspects", ["NNS", "VBD", "CD", "NNS"]) == []
    assert _found("The suspect fled", ["DT", "NN", "VBD"]) == []
