"""The learnt check of false sources: what it reads of an attribution, and what a rejected
attribution becomes in the ledger."""

from __future__ import annotations

import pytest

from newstrace.analyze.attribution.extractor import cue_lexicon
from newstrace.analyze.nlp import load_nlp
from newstrace.analyze.pipeline import Analyzer
from newstrace.analyze.source_check import SourceCheck, attribution_features
from newstrace.model import Attribution, Source, SourceKind, Span


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def _attribution(text: str, source: str, cue: str, content: str) -> Attribution:
    def at(words: str) -> Span:
        start = text.index(words)
        return Span.of(text, start, start + len(words))

    return Attribution(Source(source, SourceKind.NAMED_PERSON, at(source)), at(cue), at(content))


def _features(nlp, text: str, source: str, cue: str, content: str, rate: float) -> dict:
    """The features of one attribution, its cue word rated ``rate``."""
    attribution = _attribution(text, source, cue, content)
    return attribution_features(nlp(text), attribution, {cue: rate})


def test_features_read_cue_content_source_and_their_order(nlp):
    text = '"The pier will close," Mara Okafor said on Monday.'
    features = _features(nlp, text, "Mara Okafor", "said", "The pier will close", 0.93)
    assert features["cue=say"] == features["cue_rate=4"] == 1.0
    assert features["content_quoted"] == features["content_subject"] == 1.0
    assert features["content_before_cue"] == 1.0 and "source_after_cue" not in features
    assert features["source_head=NAME"] == features["kind=named_person"] == 1.0
    assert features["content_first=the"] == 1.0


def test_a_wish_is_read_with_a_low_cue_rate_and_an_unquoted_clause(nlp):
    text = "Walter Pike wanted the council to rebuild the quay."
    content = "the council to rebuild the quay"
    features = _features(nlp, text, "Walter Pike", "wanted", content, 0.05)
    assert features["cue=want"] == features["cue_rate=0"] == 1.0
    assert "content_quoted" not in features and "source_after_cue" not in features


def _fitted(reject_wishes: bool) -> SourceCheck:
    """A check fitted on a few rows: wishes false where asked, everything else true."""
    rows = [{"cue=say": 1.0}] * 6 + [{"cue=want": 1.0}] * 6
    flags = [False] * 6 + [reject_wishes] * 6
    if not reject_wishes:
        rows, flags = rows + [{"cue=other": 1.0}], flags + [True]
    return SourceCheck(C=10.0, threshold=0.8).fit(rows, flags)


def test_only_attributions_the_model_is_sure_of_are_rejected(nlp):
    text = "Walter Pike wanted a new quay. Ana Ruiz said the quay is sound."
    doc = nlp(text)
    wanted = _attribution(text, "Walter Pike", "wanted", "a new quay")
    said = _attribution(text, "Ana Ruiz", "said", "the quay is sound")
    assert _fitted(True).kept(doc, [wanted, said], cue_lexicon()) == [said]
    assert _fitted(False).kept(doc, [wanted, said], cue_lexicon()) == [wanted, said]


def test_an_attribution_that_names_no_one_is_never_rejected(nlp):
    text = "It is said the quay is sound."
    doc = nlp(text)
    said = Attribution(
        Source("unnamed", SourceKind.UNNAMED_GROUP), Span.of(text, 6, 10), Span.of(text, 11, 28)
    )
    assert _fitted(True).kept(doc, [said], cue_lexicon()) == [said]


class _RejectAll(SourceCheck):
    def kept(self, doc, attributions, cue_rates):
        return [a for a in attributions if a.source.span is None]


def test_a_rejected_attribution_leaves_its_sentence_to_the_article():
    text = "Dale Lund said the Pellin ferry will stop in May."
    credited = Analyzer()(text).claims
    assert [c.attribution.source.name for c in credited] == ["Dale Lund"]
    own = Analyzer(source_check=_RejectAll())(text).claims
    assert [c.attribution.source.kind for c in own] == [SourceKind.THE_ARTICLE]
    assert own[0].span.text.startswith("Dale Lund said")


def test_the_packaged_check_loads_with_a_threshold_chosen_out_of_fold():
    check = SourceCheck.load()
    assert 0.5 <= check.threshold_ < 1.0
