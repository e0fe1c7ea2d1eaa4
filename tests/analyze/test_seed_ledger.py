"""The seed article (a copy of a 2018 Business Insider piece) must come out right.

Reads ../shared/seed/000_2e3b3d9b51724c05.txt; skipped where ../shared is absent.
"""

from __future__ import annotations

import json

import jsonschema
import pytest

import newstrace
from newstrace.model import CertaintyLevel, ClaimKind, SourceKind
from newstrace.serialize import dumps, json_schema, loads

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def seed(shared_path):
    text = shared_path("seed/000_2e3b3d9b51724c05.txt").read_text(encoding="utf-8")
    return text, newstrace.analyze(text)


def _claims_in(ledger, phrase: str):
    return [c for c in ledger.claims if phrase in c.span.text]


def _chain(claim) -> list[str]:
    return [source.name for source in claim.attribution.chain]


def test_every_chain_starts_with_the_credited_outlet(seed):
    _, ledger = seed
    assert ledger.credit == "Business Insider"
    assert all(_chain(c)[0] == "Business Insider" for c in ledger.claims)


def test_video_claim_rests_on_the_defector_via_asahi(seed):
    _, ledger = seed
    claim = next(
        c
        for c in ledger.claims
        if c.attribution.cue and "describ" in c.attribution.cue.text and "video" in c.span.text
    )
    source = claim.attribution.source
    assert source.kind is SourceKind.ANONYMOUS_PERSON
    assert "with contacts inside the country" in (source.mention or source.span).text
    assert _chain(claim)[-2:] == ["Asahi Shimbun", source.name]


def test_narrator_is_nested_inside_the_defector_description(seed):
    _, ledger = seed
    claim = next(c for c in ledger.claims if c.attribution.source.name == "a narrator")
    assert _chain(claim)[-3:] == ["Asahi Shimbun", "a defector", "a narrator"]
    assert "Kim is crying" in claim.span.text


def test_later_defector_mentions_keep_the_chain(seed):
    _, ledger = seed
    claim = _claims_in(ledger, "surfaced in April")[0]
    assert claim.attribution.source.name == "a defector"
    assert "Asahi Shimbun" in _chain(claim)


@pytest.mark.parametrize(
    "phrase", ["reportedly", "is said to be", "could be a sign", "possibly", "would mark"]
)
def test_hedge_cues_are_found(seed, phrase):
    text, ledger = seed
    start = text.index(phrase)
    end = start + len(phrase)
    cues = [cue for claim in ledger.claims for cue in claim.certainty.cues]
    assert any(cue.start < end and start < cue.end for cue in cues), phrase


def test_conditional_sanctions_line_is_speculation_not_fact(seed):
    _, ledger = seed
    claims = [c for c in ledger.claims if "sanctions regime" in c.span.text]
    assert claims
    for claim in claims:
        assert claim.certainty.level is CertaintyLevel.CONDITIONAL
        assert claim.kind is ClaimKind.SPECULATION
        assert claim.certainty.score < 0.6


def test_cia_report_relayed_by_cnbc_ends_in_a_document(seed):
    _, ledger = seed
    claim = min(_claims_in(ledger, "burger joint"), key=lambda c: len(c.span.text))
    assert claim.attribution.source.kind is SourceKind.DOCUMENT_REPORT
    assert claim.attribution.source.name == "CIA report"
    assert _chain(claim)[-2:] == ["CNBC", "CIA report"]


def test_experts_are_an_unnamed_group(seed):
    _, ledger = seed
    claim = _claims_in(ledger, "give up his country")[0]
    assert claim.attribution.source.name == "Experts"
    assert claim.attribution.source.kind is SourceKind.UNNAMED_GROUP


def test_background_is_asserted_by_the_article(seed):
    _, ledger = seed
    claim = _claims_in(ledger, "had already offered the US a meeting")[0]
    assert claim.attribution.source.kind is SourceKind.THE_ARTICLE
    assert claim.attribution.cue is None
    assert claim.certainty.level is CertaintyLevel.ASSERTED
    assert claim.kind in {ClaimKind.BACKGROUND, ClaimKind.EVENT}


def test_sources_table_counts_claims(seed):
    _, ledger = seed
    table = {row.name: row for row in ledger.sources}
    assert table["Asahi Shimbun"].kind is SourceKind.MEDIA_OUTLET
    assert table["Asahi Shimbun"].claims >= 3


def test_seed_ledger_validates_and_round_trips(seed):
    _, ledger = seed
    document = json.loads(dumps(ledger))
    jsonschema.validate(document, json_schema())
    assert loads(dumps(ledger)) == ledger


def test_no_claim_is_a_fragment_or_rests_on_kim_crying(seed):
    """'crying about' is no reporting verb: Kim is not a source, and 'his country's terrible
    economy', 'which' or 'in the country' are no claims."""
    _, ledger = seed
    assert not any(c.attribution.source.name.startswith("Kim") for c in ledger.claims)
    fragments = {"which", "in the country", "his country’s terrible economy"}
    assert not any(c.span.text.strip(" .") in fragments for c in ledger.claims)
    circulating = _claims_in(ledger, "is reportedly circulating")
    assert circulating and circulating[0].certainty.level is CertaintyLevel.HEDGED
