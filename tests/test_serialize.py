"""The one serialisation path: exact round trips, the published schema, strict reading.

The ledger here is built by hand over a fictional article (no analyzer involved) and uses
every enum value, a nested claim and a three-link chain. ``tests/fixtures/ledger_northport.json``
is the same ledger as written by :func:`dumps`: a golden file that catches format changes.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from newstrace import serialize
from newstrace.errors import MalformedInputError
from newstrace.model import (
    CLAIMS_SCHEMA,
    Article,
    Attribution,
    Certainty,
    CertaintyLevel,
    Claim,
    ClaimKind,
    ForeignPassage,
    Ledger,
    Source,
    SourceKind,
    SourceSummary,
    Span,
)

TEXT = (
    "NORTHPORT — The Harbour Bridge may have to close for up to a year, Mayor Elena Varga "
    "said on Tuesday.\n"
    "\u201cWe cannot rule out a full closure,\u201d Varga told reporters, adding that engineers "
    "had found cracks in two support piers.\n"
    "According to the Coastal Herald, a city engineer said the repairs could cost as much as "
    "40 million euros.\n"
    "A 2023 inspection report found no structural damage.\n"
    "The Harbour Authority called the bridge a vital link, and a ministry spokesperson said "
    "funding was available.\n"
    "Café owners near the bridge say the closure is a disgrace.\n"
    "If the council rejects the plan, the bridge would stay open with a weight limit.\n"
    "The bridge opened in 1962 and carries about 30,000 vehicles a day.\n"
    "Le pont a été ouvert en 1962 et reste le seul lien entre les deux rives."
)
FRENCH = "Le pont a été ouvert en 1962 et reste le seul lien entre les deux rives."
GAZETTE = "The Northport Gazette"
SCHEMA_DOC = Path(__file__).resolve().parents[1] / "docs" / "SCHEMA.md"


def _at(phrase: str, nth: int = 0) -> Span:
    """The span of the ``nth`` occurrence of ``phrase`` in the article."""
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(phrase, start + 1)
    return Span.of(TEXT, start, start + len(phrase))


def _claim(
    n: int,
    text: str,
    source: Source,
    cue: Span | None,
    level: CertaintyLevel,
    score: float,
    kind: ClaimKind,
    checkworthy: float,
    hedges: tuple[Span, ...] = (),
    via: tuple[Source, ...] = (),
) -> Claim:
    span = _at(text)
    outlet = Source(GAZETTE, SourceKind.MEDIA_OUTLET)
    chain = (outlet, *via, source) if source.kind is not SourceKind.THE_ARTICLE else ()
    return Claim(
        id=f"c{n}",
        span=span,
        attribution=Attribution(source, cue, span, chain),
        certainty=Certainty(score, level, hedges),
        kind=kind,
        checkworthy=checkworthy,
    )


def build_ledger() -> Ledger:
    """A ledger of the fictional Northport article that uses every enum value once or more."""
    varga = Source("Mayor Elena Varga", SourceKind.NAMED_PERSON, _at("Mayor Elena Varga"))
    varga_again = Source(
        "Mayor Elena Varga",
        SourceKind.NAMED_PERSON,
        _at("Varga", 1),
        mention=_at("Mayor Elena Varga"),
    )
    herald = Source("Coastal Herald", SourceKind.MEDIA_OUTLET, _at("the Coastal Herald"))
    engineer = Source("a city engineer", SourceKind.ANONYMOUS_PERSON, _at("a city engineer"))
    report = Source(
        "A 2023 inspection report", SourceKind.DOCUMENT_REPORT, _at("A 2023 inspection report")
    )
    authority = Source("Harbour Authority", SourceKind.ORGANISATION, _at("The Harbour Authority"))
    spokes = Source(
        "a ministry spokesperson", SourceKind.GOVERNMENT_OFFICIAL, _at("a ministry spokesperson")
    )
    owners = Source(
        "Café owners near the bridge", SourceKind.UNNAMED_GROUP, _at("Café owners near the bridge")
    )
    article = Source(GAZETTE, SourceKind.THE_ARTICLE)
    negation = Span.of(TEXT, _at("no structural").start, _at("no structural").start + 2)
    lv, kd = CertaintyLevel, ClaimKind
    claims = (
        _claim(
            1,
            "The Harbour Bridge may have to close for up to a year",
            varga,
            _at("said"),
            lv.HEDGED,
            0.5,
            kd.PREDICTION,
            0.85,
            hedges=(_at("may"),),
        ),
        _claim(
            2,
            "We cannot rule out a full closure",
            varga_again,
            _at("told"),
            lv.SPECULATIVE,
            0.3,
            kd.SPECULATION,
            0.55,
            hedges=(_at("cannot rule out"),),
        ),
        _claim(
            3,
            "engineers had found cracks in two support piers",
            varga_again,
            _at("adding"),
            lv.ATTRIBUTED,
            0.75,
            kd.EVENT,
            0.9,
        ),
        _claim(
            4,
            "a city engineer said the repairs could cost as much as 40 million euros",
            herald,
            _at("According to"),
            lv.ATTRIBUTED,
            0.7,
            kd.STATEMENT,
            0.5,
        ),
        _claim(
            5,
            "the repairs could cost as much as 40 million euros",
            engineer,
            _at("said", 1),
            lv.HEDGED,
            0.45,
            kd.PREDICTION,
            0.8,
            hedges=(_at("could"), _at("as much as")),
            via=(herald,),
        ),
        _claim(
            6,
            "no structural damage",
            report,
            _at("found", 1),
            lv.NEGATED,
            0.9,
            kd.EVENT,
            0.7,
            hedges=(negation,),
        ),
        _claim(
            7,
            "the bridge a vital link",
            authority,
            _at("called"),
            lv.ATTRIBUTED,
            0.8,
            kd.OPINION,
            0.2,
        ),
        _claim(
            8,
            "funding was available",
            spokes,
            _at("said", 2),
            lv.ATTRIBUTED,
            0.8,
            kd.STATEMENT,
            0.6,
        ),
        _claim(
            9, "the closure is a disgrace", owners, _at("say"), lv.ATTRIBUTED, 0.6, kd.OPINION, 0.1
        ),
        _claim(
            10,
            "If the council rejects the plan, the bridge would stay open with a weight limit",
            article,
            None,
            lv.CONDITIONAL,
            0.4,
            kd.PREDICTION,
            0.5,
            hedges=(_at("If"), _at("would")),
        ),
        _claim(
            11,
            "The bridge opened in 1962 and carries about 30,000 vehicles a day",
            article,
            None,
            lv.ASSERTED,
            1.0,
            kd.BACKGROUND,
            0.35,
        ),
    )
    sources = (
        SourceSummary("Mayor Elena Varga", SourceKind.NAMED_PERSON, 3),
        SourceSummary("Coastal Herald", SourceKind.MEDIA_OUTLET, 1),
        SourceSummary("a city engineer", SourceKind.ANONYMOUS_PERSON, 1),
        SourceSummary("A 2023 inspection report", SourceKind.DOCUMENT_REPORT, 1),
        SourceSummary("Harbour Authority", SourceKind.ORGANISATION, 1),
        SourceSummary("a ministry spokesperson", SourceKind.GOVERNMENT_OFFICIAL, 1),
        SourceSummary("Café owners near the bridge", SourceKind.UNNAMED_GROUP, 1),
        SourceSummary(GAZETTE, SourceKind.THE_ARTICLE, 2),
    )
    return Ledger(
        article=Article(
            TEXT,
            id="northport-001",
            url="https://gazette.example/bridge",
            outlet=GAZETTE,
            published="2026-03-03",
            title="Bridge may close",
            lang="en",
        ),
        language="en",
        outlet=GAZETTE,
        claims=claims,
        sources=sources,
        credit=None,
        warnings=("text truncated to 8 lines (fictional warning)",),
        foreign_passages=(ForeignPassage(_at(FRENCH), "fr", 0.9987),),
    )


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = serialize.json_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


@pytest.fixture
def ledger() -> Ledger:
    return build_ledger()


def test_round_trip_is_exact(ledger):
    assert serialize.ledger_from_dict(serialize.to_dict(ledger)) == ledger
    assert serialize.loads(serialize.dumps(ledger)) == ledger


def test_golden_file_matches_the_hand_built_ledger(ledger, fixtures_dir):
    golden = json.loads((fixtures_dir / "ledger_northport.json").read_text(encoding="utf-8"))
    written = serialize.to_dict(ledger)
    assert {**written, "newstrace": None} == {**golden, "newstrace": None}
    assert serialize.ledger_from_dict(golden) == ledger


def test_a_document_from_before_credit_spans_still_reads(ledger):
    """``credit_span`` came in 0.2 (an additive change of ``newstrace.claims/1``)."""
    older = {k: v for k, v in serialize.to_dict(ledger).items() if k != "credit_span"}
    assert serialize.ledger_from_dict(older) == ledger


def test_a_document_from_before_foreign_passages_still_reads(ledger):
    """``foreign_passages`` came in 0.2 too (additive): absent, it reads as none."""
    older = {k: v for k, v in serialize.to_dict(ledger).items() if k != "foreign_passages"}
    assert serialize.ledger_from_dict(older).foreign_passages == ()


def test_a_foreign_passage_must_point_at_its_text(ledger):
    doc = serialize.to_dict(ledger)
    doc["foreign_passages"][0]["span"]["start"] += 1
    with pytest.raises(MalformedInputError, match=r"foreign_passages\[0\]\.span"):
        serialize.ledger_from_dict(doc)


def test_the_credit_line_is_kept_with_where_it_is_named():
    text = "Kim cried.\nAs reported by Business Insider"
    ledger = Ledger(Article(text), "en", None, (), (), "Business Insider", Span.of(text, 26, 42))
    again = serialize.loads(serialize.dumps(ledger))
    assert again.credit_span == Span(26, 42, "Business Insider")


def test_document_shape(ledger):
    doc = serialize.to_dict(ledger)
    assert doc["schema"] == "newstrace.claims/1"
    assert list(doc) == [
        "schema",
        "newstrace",
        "article",
        "language",
        "outlet",
        "credit",
        "credit_span",
        "warnings",
        "foreign_passages",
        "claims",
        "sources",
    ]
    nested = doc["claims"][4]
    assert [s["name"] for s in nested["attribution"]["chain"]] == [
        GAZETTE,
        "Coastal Herald",
        "a city engineer",
    ]
    assert nested["certainty"]["level"] == "hedged"
    assert nested["kind"] == "prediction"
    assert doc["claims"][1]["attribution"]["source"]["mention"]["text"] == "Mayor Elena Varga"
    assert doc["claims"][10]["attribution"]["cue"] is None


def test_offsets_are_code_points(ledger):
    doc = json.loads(serialize.dumps(ledger))
    text = doc["article"]["text"]
    for claim in doc["claims"]:
        span = claim["span"]
        assert text[span["start"] : span["end"]] == span["text"]
    assert "Café" in serialize.dumps(ledger)


def test_every_enum_value_is_used_and_validates(ledger, validator):
    doc = serialize.to_dict(ledger)
    validator.validate(doc)
    claims = doc["claims"]
    sources = [c["attribution"]["source"]["kind"] for c in claims]
    assert set(sources) == {k.value for k in SourceKind}
    assert {c["certainty"]["level"] for c in claims} == {v.value for v in CertaintyLevel}
    assert {c["kind"] for c in claims} == {v.value for v in ClaimKind}


def test_schema_enums_match_the_model():
    defs = serialize.json_schema()["$defs"]
    assert defs["sourceKind"]["enum"] == [k.value for k in SourceKind]
    assert defs["certaintyLevel"]["enum"] == [v.value for v in CertaintyLevel]
    assert defs["claimKind"]["enum"] == [v.value for v in ClaimKind]
    assert serialize.json_schema()["properties"]["schema"]["const"] == CLAIMS_SCHEMA


@pytest.mark.parametrize(
    "path, value",
    [
        (("claims", 0, "kind"), "rumour"),
        (("claims", 0, "certainty", "score"), 1.5),
        (("claims", 0, "span", "start"), -1),
        (("sources", 0, "kind"), "celebrity"),
        (("schema",), "newstrace.claims/2"),
    ],
)
def test_schema_rejects_invalid_values(ledger, validator, path, value):
    doc = serialize.to_dict(ledger)
    _set(doc, path, value)
    assert not validator.is_valid(doc)


def test_schema_rejects_unknown_and_missing_fields(ledger, validator):
    doc = serialize.to_dict(ledger)
    doc["claims"][0]["verdict"] = "false"
    assert not validator.is_valid(doc)
    doc = serialize.to_dict(ledger)
    del doc["claims"][0]["attribution"]["chain"]
    assert not validator.is_valid(doc)


@pytest.mark.parametrize("schema", ["newstrace.claims/2", "newstrace.claims/0"])
def test_reader_refuses_another_major_version(ledger, schema):
    doc = {**serialize.to_dict(ledger), "schema": schema}
    with pytest.raises(MalformedInputError, match=r"newstrace\.claims/2|newstrace\.claims/0"):
        serialize.ledger_from_dict(doc)


@pytest.mark.parametrize("schema", [None, "something.else/1", 1])
def test_reader_refuses_non_ledgers(ledger, schema):
    doc = {**serialize.to_dict(ledger), "schema": schema}
    with pytest.raises(MalformedInputError, match="not a newstrace claims document"):
        serialize.ledger_from_dict(doc)


def test_reader_ignores_unknown_fields_of_additive_releases(ledger):
    doc = serialize.to_dict(ledger)
    doc["claims"][0]["stance"] = "neutral"
    doc["engine"] = "future"
    assert serialize.ledger_from_dict(doc) == ledger


@pytest.mark.parametrize(
    "path, value, message",
    [
        (("claims", 0, "span", "text"), "The Harbour", "not the article text"),
        (("claims", 0, "span", "end"), 10_000, "not within the article text"),
        (("claims", 0, "kind"), "rumour", "'rumour' is not one of"),
        (("claims", 0, "checkworthy"), "high", r"claims\[0\]\.checkworthy"),
        (("claims", 2, "attribution", "source"), None, r"claims\[2\]\.attribution\.source"),
        (("article",), [], "article: expected an object"),
    ],
)
def test_reader_names_what_is_wrong(ledger, path, value, message):
    doc = serialize.to_dict(ledger)
    _set(doc, path, value)
    with pytest.raises(MalformedInputError, match=message):
        serialize.ledger_from_dict(doc)


def test_reader_reports_missing_fields(ledger):
    doc = copy.deepcopy(serialize.to_dict(ledger))
    del doc["claims"][3]["certainty"]["level"]
    with pytest.raises(MalformedInputError, match=r"claims\[3\]\.certainty: missing field 'level'"):
        serialize.ledger_from_dict(doc)


def test_documented_example_is_valid_and_readable(validator):
    example = re.search(r"```json\n(.*?)```", SCHEMA_DOC.read_text(encoding="utf-8"), re.S)
    doc = json.loads(example.group(1))
    validator.validate(doc)
    ledger = serialize.ledger_from_dict(doc)
    assert ledger.claims[0].attribution.chain[-1] == ledger.claims[0].attribution.source


def test_loads_refuses_broken_json():
    with pytest.raises(MalformedInputError, match="not a JSON document"):
        serialize.loads('{"schema": ')


def test_to_dict_refuses_foreign_objects():
    with pytest.raises(TypeError, match="cannot serialise"):
        serialize.to_dict(object())


def _set(doc: dict, path: tuple, value: object) -> None:
    for key in path[:-1]:
        doc = doc[key]
    doc[path[-1]] = value
