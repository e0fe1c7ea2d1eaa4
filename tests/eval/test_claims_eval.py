"""The claim-ledger scorer (``newstrace eval claims``) on invented mini-articles: how names,
chains and cues are compared, which predicted claim a gold phrase is scored against, and how
the measures add up."""

from __future__ import annotations

import json

import pytest

from newstrace.cli import main
from newstrace.errors import DataError
from newstrace.eval._claim_compare import (
    GoldSource,
    cues_found,
    same_chain,
    same_source,
    sources_found,
)
from newstrace.eval._claim_match import locate, match_claim, reported_chain
from newstrace.eval.claims import GoldClaim, Predicted, judge, read_claims, score
from newstrace.model import (
    Article,
    Attribution,
    Certainty,
    CertaintyLevel,
    Claim,
    ClaimKind,
    Ledger,
    Source,
    SourceKind,
    Span,
)

K = SourceKind
L = CertaintyLevel
TEXT = (
    "(Shore Wire) - Harbour master Elena Varga told the Pellin Gazette that the quay gears "
    "“could  fail” within a year. It is said that the ferry may stop."
)


def _claim(phrase: str, chain: tuple[Source, ...], level=L.ATTRIBUTED, cues=()) -> Claim:
    span = Span.find(TEXT, phrase)
    return Claim(
        "c1",
        span,
        Attribution(chain[-1], None, span, chain),
        Certainty(0.5, level, tuple(Span.find(TEXT, c) for c in cues)),
        ClaimKind.STATEMENT,
        0.5,
    )


def _ledger(*claims: Claim) -> Ledger:
    credit = Span.find(TEXT, "Shore Wire")
    return Ledger(Article(TEXT, id="quay"), "en", "Pellin Post", claims, (), "Shore Wire", credit)


OUTLET = Source("Pellin Post", K.MEDIA_OUTLET)
GAZETTE = Source("Pellin Gazette", K.MEDIA_OUTLET, Span.find(TEXT, "Pellin Gazette"))
VARGA = Source("Elena Varga", K.NAMED_PERSON, Span.find(TEXT, "Elena Varga"))


def test_names_fold_case_articles_quotes_and_possessives():
    assert same_source(
        GoldSource("The Irish Sun", K.MEDIA_OUTLET), Source("irish sun", K.ORGANISATION)
    )
    assert same_source(
        GoldSource("the study's lead author", K.ANONYMOUS_PERSON),
        Source("Study’s lead author", K.ANONYMOUS_PERSON),
    )
    assert not same_source(GoldSource("one site", K.MEDIA_OUTLET), Source("site", K.MEDIA_OUTLET))


def test_a_possessive_owner_is_left_out_but_is_not_a_second_source():
    kaplan = Source("The Washington Post's Sarah Kaplan", K.MEDIA_OUTLET)
    assert same_source(GoldSource("Sarah Kaplan", K.NAMED_PERSON), kaplan)
    assert not same_source(GoldSource("Washington Post", K.MEDIA_OUTLET), kaplan)


def test_surnames_match_people_only():
    assert same_source(
        GoldSource("Valentina Zharkova", K.NAMED_PERSON), Source("Prof Zharkova", K.NAMED_PERSON)
    )
    assert same_source(
        GoldSource("Tabatha Thompson", K.GOVERNMENT_OFFICIAL), Source("Thompson", K.NAMED_PERSON)
    )
    assert not same_source(
        GoldSource("Reading University", K.ORGANISATION), Source("Leeds University", K.ORGANISATION)
    )


def test_a_document_is_the_same_whatever_order_its_words_come_in():
    gold = GoldSource("predictions from the model", K.DOCUMENT_REPORT)
    assert same_source(gold, Source("model predictions", K.DOCUMENT_REPORT))
    assert not same_source(gold, Source("model", K.DOCUMENT_REPORT))
    assert not same_source(
        GoldSource("Reading University study", K.DOCUMENT_REPORT),
        Source("study", K.DOCUMENT_REPORT),
    )
    people = GoldSource("friends of the mayor", K.UNNAMED_GROUP)
    assert not same_source(people, Source("mayor friends", K.UNNAMED_GROUP))


def test_a_department_is_found_by_its_clipped_name():
    gold = GoldSource("Pellin Police Department", K.ORGANISATION)
    assert same_source(gold, Source("Pellin police", K.ORGANISATION))
    assert not same_source(gold, Source("Pellin", K.ORGANISATION))
    assert not same_source(gold, Source("Dover police", K.ORGANISATION))


def test_outlet_aliases_are_one_outlet():
    assert same_source(GoldSource("Associated Press", K.MEDIA_OUTLET), Source("AP", K.MEDIA_OUTLET))


def test_an_exact_chain_needs_every_source_in_order_with_its_kind():
    gold = (GoldSource("Pellin Gazette", K.MEDIA_OUTLET), GoldSource("Elena Varga", K.NAMED_PERSON))
    assert same_chain(gold, (GAZETTE, VARGA))
    assert not same_chain(gold, (VARGA, GAZETTE))
    assert not same_chain(gold, (GAZETTE, Source("Elena Varga", K.GOVERNMENT_OFFICIAL)))
    assert not same_chain(gold, (VARGA,))
    assert same_chain((), ())


def test_each_predicted_source_is_found_once():
    scientists = GoldSource("scientists", K.UNNAMED_GROUP)
    assert sources_found((scientists, scientists), (Source("Scientists", K.UNNAMED_GROUP),)) == 1
    gold = (GoldSource("Pellin Gazette", K.MEDIA_OUTLET), GoldSource("Elena Varga", K.NAMED_PERSON))
    assert sources_found(gold, (VARGA,)) == 1


def test_cues_count_by_folded_word_overlap():
    predicted = (Span(0, 3, "n’t"), Span(0, 12, "is likely to"))
    assert cues_found(["didn’t find"], predicted) == 1  # "n't" is "not", as in "did not"
    assert cues_found(["is said to"], predicted) == 0  # "is" and "to" alone join nothing
    assert cues_found(["no hard evidence", "likely"], predicted) == 1


def test_a_phrase_is_found_through_curly_quotes_and_spaces():
    start, end = locate(TEXT, 'gears "could fail" within')
    assert TEXT[start:end] == "gears “could  fail” within"
    with pytest.raises(DataError):
        locate(TEXT, "the bridge will close")


def test_a_phrase_that_takes_in_a_cue_is_scored_against_that_cues_claim():
    outer = _claim("that the quay gears “could  fail” within a year", (OUTLET, GAZETTE))
    span = Span.find(TEXT, "the quay gears “could  fail” within a year")
    inner = Claim(
        "c2",
        span,
        Attribution(VARGA, Span.find(TEXT, "told"), span, (OUTLET, GAZETTE, VARGA)),
        Certainty(0.5, L.ATTRIBUTED, ()),
        ClaimKind.STATEMENT,
        0.5,
    )
    # the phrase holds "told" and overlaps the content it frames: the gold means that claim
    assert (
        match_claim(
            _ledger(outer, inner),
            *locate(TEXT, "Varga told the Pellin Gazette that the quay gears"),
        )
        == inner
    )
    assert match_claim(_ledger(outer, inner), *locate(TEXT, "the quay gears")) == inner


def test_the_smallest_claim_holding_the_phrase_is_scored():
    outer = _claim("the quay gears “could  fail” within a year", (OUTLET, GAZETTE))
    inner = _claim("“could  fail” within a year", (OUTLET, GAZETTE, VARGA))
    assert match_claim(_ledger(outer, inner), *locate(TEXT, "could fail")) == inner


def test_without_a_holding_claim_the_most_overlap_wins_and_no_overlap_is_a_miss():
    left = _claim("Elena Varga told", (OUTLET, VARGA))
    right = _claim("the Pellin Gazette that the quay", (OUTLET, GAZETTE))
    ledger = _ledger(left, right)
    assert match_claim(ledger, *locate(TEXT, "Varga told the Pellin Gazette that")) == right
    assert match_claim(ledger, *locate(TEXT, "the ferry may stop")) is None


def test_the_reported_chain_leaves_out_publisher_credit_and_unnamed_sources():
    credit = Source("Shore Wire", K.MEDIA_OUTLET, Span.find(TEXT, "Shore Wire"))
    unnamed = Source("unnamed sources", K.UNNAMED_GROUP)
    attributed = _claim("the quay gears", (OUTLET, credit, GAZETTE, VARGA))
    agentless = _claim("the ferry may stop", (OUTLET, credit, unnamed), L.HEDGED)
    own = _claim(
        "It is said", (OUTLET, Source("Shore Wire", K.THE_ARTICLE, Span.find(TEXT, "Shore Wire")))
    )
    ledger = _ledger(attributed, agentless, own)
    assert reported_chain(ledger, attributed) == (GAZETTE, VARGA)
    assert reported_chain(ledger, agentless) == ()
    assert reported_chain(ledger, own) == ()


def _gold(chain=(), level=L.ASSERTED, cues=()) -> GoldClaim:
    return GoldClaim("quay:1", "quay", "the quay gears", tuple(chain), level, tuple(cues))


def _predicted(chain=(), level=L.ASSERTED, cues=()) -> Predicted:
    return Predicted(
        Span.find(TEXT, "the quay gears"), tuple(chain), level, tuple(Span(0, 0, c) for c in cues)
    )


def test_the_measures_add_up_and_a_missed_claim_is_wrong_in_each():
    gazette = GoldSource("Pellin Gazette", K.MEDIA_OUTLET)
    varga = GoldSource("Elena Varga", K.NAMED_PERSON)
    scored = [
        judge(
            _gold((gazette, varga), L.HEDGED, ["could"]),
            _predicted((VARGA,), L.SPECULATIVE, ["could"]),
        ),
        judge(_gold(), _predicted()),
        judge(_gold((gazette,), L.ATTRIBUTED), _predicted((GAZETTE,), L.ATTRIBUTED)),
        judge(_gold((varga,), L.NEGATED, ["not"]), None),
    ]
    metrics = score(scored)
    assert metrics["claims"] == 4 and metrics["matched"] == 3 and metrics["sourced"] == 3
    assert metrics["chain_exact"] == 0.5  # the empty chain and the Gazette's
    assert metrics["chain_source_recall"] == 0.5  # Varga and the Gazette, of 4
    assert metrics["source_kind_accuracy"] == round(2 / 3, 4)  # innermost; the missed one wrong
    assert metrics["level_accuracy"] == 0.5
    assert metrics["level_lenient"] == 0.75  # hedged and speculative taken as one
    assert metrics["hedge_cue_recall"] == 0.5
    assert metrics["level_confusion"]["negated"] == {"missed": 1}
    assert metrics["level_confusion"]["hedged"] == {"speculative": 1}


def test_a_gold_line_with_an_unknown_level_is_refused(tmp_path):
    path = tmp_path / "claims.jsonl"
    line = {"article_id": "quay", "claim_phrase": "the quay gears", "chain": [], "level": "sure"}
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match="claims.jsonl:1"):
        read_claims(path)


ARTICLE = (
    "Pellin Quay will close for repairs in March, the Pellin Gazette reported. Harbour master "
    "Elena Varga told the Gazette that the old gears could fail within a year. The ferry "
    "reportedly runs twice a day."
)


def test_eval_claims_runs_the_ledger_and_writes_a_line_per_gold_claim(tmp_path, capsys):
    articles = tmp_path / "quay-articles.jsonl"
    articles.write_text(json.dumps({"id": "quay", "outlet": "Shore Wire", "text": ARTICLE}))
    gold = [
        ("will close for repairs in March", [("Pellin Gazette", "media_outlet")], "attributed", []),
        (
            "the old gears could fail",
            [("Pellin Gazette", "media_outlet"), ("Elena Varga", "named_person")],
            "hedged",
            ["could"],
        ),
        ("runs twice a day", [], "hedged", ["reportedly"]),
    ]
    claims = tmp_path / "claims.jsonl"
    claims.write_text(
        "".join(
            json.dumps(
                {
                    "article_id": "quay",
                    "claim_phrase": phrase,
                    "chain": [{"name": n, "kind": k} for n, k in chain],
                    "level": level,
                    "hedge_cues": cues,
                }
            )
            + "\n"
            for phrase, chain, level, cues in gold
        )
    )
    assert main(["eval", "claims", "--data", str(claims)]) == 2  # no articles.jsonl beside it
    assert "give them with --articles" in capsys.readouterr().err
    predictions = tmp_path / "predicted.jsonl"
    argv = ["eval", "claims", "--data", str(claims), "--articles", str(articles)]
    assert main([*argv, "--predictions", str(predictions)]) == 0
    metrics = json.loads(capsys.readouterr().out)
    assert metrics["task"] == "claims" and metrics["claims"] == 3 and metrics["matched"] == 3
    rows = [json.loads(line) for line in predictions.read_text().splitlines()]
    assert [row["id"] for row in rows] == ["quay:1", "quay:2", "quay:3"]
    first = rows[0]["prediction"]
    assert first["predicted"]["chain"] == [{"name": "Pellin Gazette", "kind": "media_outlet"}]
    assert first["verdict"]["chain_exact"] is True
    assert rows[2]["prediction"]["predicted"]["chain"] == []  # agentless: no source
    cache = tmp_path / "ledgers"
    assert main([*argv, "--cache", str(cache), "--jobs", "1"]) == 0
    assert json.loads(capsys.readouterr().out) == metrics
    assert len(list(cache.rglob("*.json"))) == 1  # the one article with gold claims, kept
    assert main([*argv, "--cache", str(cache)]) == 0  # the same figures from the kept ledger
    assert json.loads(capsys.readouterr().out) == metrics


def test_eval_options_belong_to_their_tasks(tmp_path, capsys):
    data = tmp_path / "certainty.jsonl"
    data.write_text(json.dumps({"sentence": "It may rain.", "certainty": 2.0}) + "\n")
    assert main(["eval", "certainty", "--data", str(data), "--jobs", "2"]) == 2
    assert "takes no option --jobs" in capsys.readouterr().err
