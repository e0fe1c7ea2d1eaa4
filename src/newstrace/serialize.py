"""The one path between the data model and JSON: ``newstrace.claims/1`` ledgers and
``newstrace.trace/1`` story traces.

Writing is total (every model object has one JSON shape, see ``docs/SCHEMA.md`` and
``schemas/claims-1.schema.json``); reading is strict where a mistake would silently corrupt a
ledger (a missing field, an unknown enum value, a span whose text is not the article's text at
its offsets, another schema major version) and lenient where the format may grow: unknown
fields are ignored, so a reader of ``/1`` keeps reading documents of later additive releases.

>>> article = Article("Kim cried.")
>>> ledger = Ledger(article, "en", None, (), ())
>>> ledger_from_dict(to_dict(ledger)) == ledger
True
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from enum import Enum
from functools import singledispatch
from pathlib import Path
from typing import Any, TypeVar

from newstrace._version import __version__
from newstrace.errors import MalformedInputError
from newstrace.model import (
    CLAIMS_SCHEMA,
    TRACE_SCHEMA,
    Article,
    ArticleStatus,
    Attribution,
    Certainty,
    CertaintyLevel,
    Citation,
    Claim,
    ClaimFamily,
    ClaimKind,
    ClaimRef,
    CopyEdge,
    CopyKind,
    DriftEvent,
    DriftType,
    ForeignPassage,
    Ledger,
    Origin,
    Source,
    SourceKind,
    SourceSummary,
    Span,
    Story,
    Trace,
    TracedArticle,
)

__all__ = [
    "SCHEMA_FILE",
    "TRACE_SCHEMA_FILE",
    "dumps",
    "dumps_index",
    "dumps_trace",
    "json_schema",
    "ledger_from_dict",
    "loads",
    "loads_trace",
    "story_from_dict",
    "to_dict",
    "trace_from_dict",
    "trace_json_schema",
]

SCHEMA_FILE = Path(__file__).parent / "schemas" / "claims-1.schema.json"
TRACE_SCHEMA_FILE = Path(__file__).parent / "schemas" / "trace-1.schema.json"

_E = TypeVar("_E", bound=Enum)


def json_schema() -> dict[str, Any]:
    """The published JSON Schema (draft 2020-12) of the documents :func:`dumps` writes."""
    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def trace_json_schema() -> dict[str, Any]:
    """The published JSON Schema of the ``trace.json`` documents :func:`dumps_trace` writes."""
    return json.loads(TRACE_SCHEMA_FILE.read_text(encoding="utf-8"))


# --- writing ---------------------------------------------------------------------------------


@singledispatch
def to_dict(obj: Any) -> dict[str, Any]:
    """The JSON-ready dict of a model object (a :class:`Ledger` gives the whole document)."""
    raise TypeError(f"newstrace cannot serialise {type(obj).__name__}")


def _opt(span: Span | None) -> dict[str, Any] | None:
    return None if span is None else to_dict(span)


@to_dict.register
def _(obj: Span) -> dict[str, Any]:
    return {"start": obj.start, "end": obj.end, "text": obj.text}


@to_dict.register
def _(obj: Article) -> dict[str, Any]:
    return {
        "id": obj.id,
        "url": obj.url,
        "outlet": obj.outlet,
        "published": obj.published,
        "title": obj.title,
        "lang": obj.lang,
        "text": obj.text,
    }


@to_dict.register
def _(obj: Source) -> dict[str, Any]:
    return {
        "name": obj.name,
        "kind": obj.kind.value,
        "span": _opt(obj.span),
        "mention": _opt(obj.mention),
    }


@to_dict.register
def _(obj: Attribution) -> dict[str, Any]:
    return {
        "source": to_dict(obj.source),
        "cue": _opt(obj.cue),
        "content": to_dict(obj.content),
        "chain": [to_dict(source) for source in obj.chain],
    }


@to_dict.register
def _(obj: Certainty) -> dict[str, Any]:
    return {
        "score": obj.score,
        "level": obj.level.value,
        "cues": [to_dict(cue) for cue in obj.cues],
    }


@to_dict.register
def _(obj: Claim) -> dict[str, Any]:
    return {
        "id": obj.id,
        "span": to_dict(obj.span),
        "attribution": to_dict(obj.attribution),
        "certainty": to_dict(obj.certainty),
        "kind": obj.kind.value,
        "checkworthy": obj.checkworthy,
    }


@to_dict.register
def _(obj: SourceSummary) -> dict[str, Any]:
    return {"name": obj.name, "kind": obj.kind.value, "claims": obj.claims}


@to_dict.register
def _(obj: ForeignPassage) -> dict[str, Any]:
    return {"span": to_dict(obj.span), "language": obj.language, "confidence": obj.confidence}


@to_dict.register
def _(obj: Ledger) -> dict[str, Any]:
    return {
        "schema": obj.schema,
        "newstrace": __version__,
        "article": to_dict(obj.article),
        "language": obj.language,
        "outlet": obj.outlet,
        "credit": obj.credit,
        "credit_span": _opt(obj.credit_span),
        "warnings": list(obj.warnings),
        "foreign_passages": [to_dict(passage) for passage in obj.foreign_passages],
        "claims": [to_dict(claim) for claim in obj.claims],
        "sources": [to_dict(row) for row in obj.sources],
    }


def dumps(ledger: Ledger, indent: int | None = 2) -> str:
    """The ledger as a JSON document; non-ASCII text is kept as is (UTF-8), not ``\\u``-escaped."""
    return json.dumps(to_dict(ledger), indent=indent, ensure_ascii=False)


@to_dict.register
def _(obj: TracedArticle) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": obj.id,
        "status": obj.status.value,
        "outlet": obj.outlet,
        "published": obj.published,
        "story_id": obj.story_id,
        "title": obj.title,
        "url": obj.url,
        "warnings": list(obj.warnings),
    }
    if obj.error is not None:
        row["error"] = {"code": obj.error[0], "message": obj.error[1]}
    return row


@to_dict.register
def _(obj: CopyEdge) -> dict[str, Any]:
    return {
        "article_id": obj.article_id,
        "copy_of": obj.copy_of,
        "kind": obj.kind.value,
        "overlap": obj.overlap,
    }


@to_dict.register
def _(obj: Citation) -> dict[str, Any]:
    return {
        "article_id": obj.article_id,
        "cited": obj.cited,
        "cue": to_dict(obj.cue),
        "target_article_id": obj.target_article_id,
    }


@to_dict.register
def _(obj: Origin) -> dict[str, Any]:
    return {"article_id": obj.article_id, "outlet": obj.outlet, "why": obj.why}


@to_dict.register
def _(obj: ClaimRef) -> dict[str, Any]:
    return {"article_id": obj.article_id, "span": to_dict(obj.span)}


@to_dict.register
def _(obj: ClaimFamily) -> dict[str, Any]:
    return {"id": obj.id, "claims": [to_dict(ref) for ref in obj.claims]}


@to_dict.register
def _(obj: DriftEvent) -> dict[str, Any]:
    return {
        "article_id": obj.article_id,
        "earlier_article_id": obj.earlier_article_id,
        "type": obj.type.value,
        "phrase": to_dict(obj.phrase),
        "earlier_phrase": to_dict(obj.earlier_phrase),
        "explanation": obj.explanation,
        "severity": obj.severity,
    }


@to_dict.register
def _(obj: Story) -> dict[str, Any]:
    return {
        "id": obj.id,
        "title": obj.title,
        "article_ids": list(obj.article_ids),
        "origin": to_dict(obj.origin),
        "ultimate_sources": [{"name": s.name, "kind": s.kind.value} for s in obj.ultimate_sources],
        "copies": [to_dict(edge) for edge in obj.copies],
        "citations": [to_dict(citation) for citation in obj.citations],
        "families": [to_dict(family) for family in obj.families],
        "drift": [to_dict(event) for event in obj.drift],
        "other_language_ids": list(obj.other_language_ids),
    }


@to_dict.register
def _(obj: Trace) -> dict[str, Any]:
    return {
        "schema": obj.schema,
        "newstrace": __version__,
        "articles": [to_dict(article) for article in obj.articles],
        "stories": [to_dict(story) for story in obj.stories],
    }


def dumps_trace(trace: Trace, indent: int | None = 2) -> str:
    """The story trace as a ``trace.json`` document (UTF-8 text kept as is)."""
    return json.dumps(to_dict(trace), indent=indent, ensure_ascii=False)


INDEX_SCHEMA = "newstrace.index/1"
_INDEX_FIELDS = ("name", "origin", "status", "error", "warnings", "output", "story_id")


def dumps_index(rows: Iterable[Mapping[str, Any]]) -> str:
    """An ``index.json`` document (``newstrace.index/1``): one row per input of a run.

    A row has the input's ``name`` and ``status`` (``ok`` or ``error``), its ``warnings``,
    ``error`` as ``{"code", "message"}`` when it failed, and where known its ``origin`` (the
    path or ``path:line`` it was read from), its ``output`` file and its ``story_id``.

    >>> rows = [{"name": "a", "status": "error", "error": ("E102", "empty")}]
    >>> print(dumps_index(rows))  # doctest: +ELLIPSIS
    {
      "schema": "newstrace.index/1",
      "newstrace": "...",
      "inputs": [
        {
          "name": "a",
          "status": "error",
          "error": {
            "code": "E102",
            "message": "empty"
          },
          "warnings": []
        }
      ]
    }
    """
    inputs = []
    for row in rows:
        entry: dict[str, Any] = {}
        for key in _INDEX_FIELDS:
            value = row.get(key)
            if key == "warnings":
                entry[key] = list(value or ())
            elif key == "error" and value is not None:
                code, message = value
                entry[key] = {"code": code, "message": message}
            elif value is not None:
                entry[key] = value
        inputs.append(entry)
    document = {"schema": INDEX_SCHEMA, "newstrace": __version__, "inputs": inputs}
    return json.dumps(document, indent=2, ensure_ascii=False)


# --- reading ---------------------------------------------------------------------------------


def loads(document: str) -> Ledger:
    """Read a ledger from a JSON document written by :func:`dumps`."""
    return ledger_from_dict(_json(document))


def _json(document: str) -> Any:
    try:
        return json.loads(document)
    except json.JSONDecodeError as exc:
        raise MalformedInputError(f"not a JSON document: {exc}") from None


def ledger_from_dict(data: Any) -> Ledger:
    """Rebuild a :class:`Ledger` from its dict; refuse another schema major version clearly."""
    doc = _object(data, "document")
    _check_schema(doc.get("schema"))
    article = _article(_field(doc, "article", "document"))
    return Ledger(
        article=article,
        language=_typed(doc, "language", str, "document"),
        outlet=_typed(doc, "outlet", str, "document", nullable=True),
        claims=tuple(
            _claim(c, article.text, f"claims[{i}]")
            for i, c in enumerate(_list(doc, "claims", "document"))
        ),
        sources=tuple(
            _summary(s, f"sources[{i}]") for i, s in enumerate(_list(doc, "sources", "document"))
        ),
        credit=_typed(doc, "credit", str, "document", nullable=True),
        credit_span=_opt_span(doc.get("credit_span"), article.text, "credit_span"),
        warnings=tuple(
            _string(w, f"warnings[{i}]")
            for i, w in enumerate(_list(doc, "warnings", "document", default=[]))
        ),
        foreign_passages=tuple(
            _foreign_passage(p, article.text, f"foreign_passages[{i}]")
            for i, p in enumerate(_list(doc, "foreign_passages", "document", default=[]))
        ),
        schema=doc["schema"],
    )


def _check_schema(schema: Any, expected: str = CLAIMS_SCHEMA) -> None:
    """Accept ``expected`` (any ``/1.x`` of it); name the version found otherwise."""
    family, _, wanted_major = expected.rpartition("/")
    what = family.removeprefix("newstrace.")
    if not isinstance(schema, str) or not schema.startswith(family + "/"):
        raise MalformedInputError(
            f"not a newstrace {what} document: 'schema' is {schema!r}, expected {expected!r}"
        )
    major = schema[len(family) + 1 :].split(".")[0]
    if major != wanted_major:
        raise MalformedInputError(
            f"this document uses schema {schema!r}, but newstrace {__version__} reads "
            f"{expected!r} only; read it with the newstrace version that wrote it "
            "(see its 'newstrace' field)"
        )


def _article(data: Any) -> Article:
    doc = _object(data, "article")
    meta = {
        key: _typed(doc, key, str, "article", nullable=True)
        for key in ("id", "url", "outlet", "published", "title", "lang")
    }
    return Article(text=_typed(doc, "text", str, "article"), **meta)


def _foreign_passage(data: Any, text: str, where: str) -> ForeignPassage:
    doc = _object(data, where)
    return ForeignPassage(
        span=_span(_field(doc, "span", where), text, f"{where}.span"),
        language=_typed(doc, "language", str, where),
        confidence=_number(_field(doc, "confidence", where), f"{where}.confidence"),
    )


def _claim(data: Any, text: str, where: str) -> Claim:
    doc = _object(data, where)
    return Claim(
        id=_typed(doc, "id", str, where),
        span=_span(_field(doc, "span", where), text, f"{where}.span"),
        attribution=_attribution(_field(doc, "attribution", where), text, f"{where}.attribution"),
        certainty=_certainty(_field(doc, "certainty", where), text, f"{where}.certainty"),
        kind=_enum(ClaimKind, _field(doc, "kind", where), f"{where}.kind"),
        checkworthy=_number(_field(doc, "checkworthy", where), f"{where}.checkworthy"),
    )


def _attribution(data: Any, text: str, where: str) -> Attribution:
    doc = _object(data, where)
    return Attribution(
        source=_source(_field(doc, "source", where), text, f"{where}.source"),
        cue=_opt_span(doc.get("cue"), text, f"{where}.cue"),
        content=_span(_field(doc, "content", where), text, f"{where}.content"),
        chain=tuple(
            _source(s, text, f"{where}.chain[{i}]")
            for i, s in enumerate(_list(doc, "chain", where, default=[]))
        ),
    )


def _source(data: Any, text: str, where: str) -> Source:
    doc = _object(data, where)
    return Source(
        name=_typed(doc, "name", str, where),
        kind=_enum(SourceKind, _field(doc, "kind", where), f"{where}.kind"),
        span=_opt_span(doc.get("span"), text, f"{where}.span"),
        mention=_opt_span(doc.get("mention"), text, f"{where}.mention"),
    )


def _certainty(data: Any, text: str, where: str) -> Certainty:
    doc = _object(data, where)
    return Certainty(
        score=_number(_field(doc, "score", where), f"{where}.score"),
        level=_enum(CertaintyLevel, _field(doc, "level", where), f"{where}.level"),
        cues=tuple(
            _span(c, text, f"{where}.cues[{i}]")
            for i, c in enumerate(_list(doc, "cues", where, default=[]))
        ),
    )


def _summary(data: Any, where: str) -> SourceSummary:
    doc = _object(data, where)
    claims = _field(doc, "claims", where)
    if not _is_int(claims) or claims < 0:
        raise MalformedInputError(f"{where}.claims: expected a count >= 0, got {claims!r}")
    return SourceSummary(
        name=_typed(doc, "name", str, where),
        kind=_enum(SourceKind, _field(doc, "kind", where), f"{where}.kind"),
        claims=claims,
    )


def _span(data: Any, text: str, where: str) -> Span:
    """A span whose offsets are code-point offsets into ``text`` and whose text matches them."""
    doc = _object(data, where)
    start, end = _field(doc, "start", where), _field(doc, "end", where)
    if not (_is_int(start) and _is_int(end) and 0 <= start <= end <= len(text)):
        raise MalformedInputError(
            f"{where}: offsets {start!r}..{end!r} are not within the article text (0..{len(text)})"
        )
    span = Span(start, end, _typed(doc, "text", str, where))
    if span.text != text[start:end]:
        raise MalformedInputError(
            f"{where}: text {span.text!r} is not the article text at {start}..{end} "
            f"({text[start:end]!r}); offsets count Unicode code points of article.text"
        )
    return span


def _opt_span(data: Any, text: str, where: str) -> Span | None:
    return None if data is None else _span(data, text, where)


# --- small checked accessors -------------------------------------------------------------------


def _object(data: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(data, Mapping):
        raise MalformedInputError(f"{where}: expected an object, got {type(data).__name__}")
    return data


def _field(doc: Mapping[str, Any], key: str, where: str) -> Any:
    if key not in doc:
        raise MalformedInputError(f"{where}: missing field '{key}'")
    return doc[key]


def _typed(doc: Mapping[str, Any], key: str, kind: type, where: str, nullable: bool = False) -> Any:
    """``doc[key]`` checked to be a ``kind`` (a nullable field may be absent or null)."""
    value = doc.get(key) if nullable else _field(doc, key, where)
    if not isinstance(value, kind) and not (nullable and value is None):
        raise MalformedInputError(
            f"{where}.{key}: expected {kind.__name__}, got {type(value).__name__}"
        )
    return value


def _list(
    doc: Mapping[str, Any], key: str, where: str, default: list[Any] | None = None
) -> list[Any]:
    value = doc.get(key, default) if default is not None else _field(doc, key, where)
    if not isinstance(value, list):
        raise MalformedInputError(f"{where}.{key}: expected a list, got {type(value).__name__}")
    return value


def _string(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise MalformedInputError(f"{where}: expected a string, got {type(value).__name__}")
    return value


def _number(value: Any, where: str) -> float:
    """A number in [0, 1] (scores and check-worthiness), as a float."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise MalformedInputError(f"{where}: expected a number in [0, 1], got {value!r}")
    return float(value)


def _enum(enum: type[_E], value: Any, where: str) -> _E:
    try:
        return enum(value)
    except ValueError:
        allowed = ", ".join(member.value for member in enum)
        raise MalformedInputError(f"{where}: {value!r} is not one of {allowed}") from None


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


# --- reading a trace ---------------------------------------------------------------------------
# trace.json holds no article texts, so its spans are checked for shape, not against the text.


def loads_trace(document: str) -> Trace:
    """Read a story trace from a ``trace.json`` document written by :func:`dumps_trace`."""
    return trace_from_dict(_json(document))


def trace_from_dict(data: Any) -> Trace:
    """Rebuild a :class:`Trace`; refuse another schema major version clearly."""
    doc = _object(data, "document")
    _check_schema(doc.get("schema"), TRACE_SCHEMA)
    return Trace(
        articles=tuple(
            _traced_article(a, f"articles[{i}]")
            for i, a in enumerate(_list(doc, "articles", "document"))
        ),
        stories=tuple(
            story_from_dict(s, f"stories[{i}]")
            for i, s in enumerate(_list(doc, "stories", "document"))
        ),
        schema=doc["schema"],
    )


def _traced_article(data: Any, where: str) -> TracedArticle:
    doc = _object(data, where)
    error = doc.get("error")
    if error is not None:
        error_doc = _object(error, f"{where}.error")
        error = (_typed(error_doc, "code", str, where), _typed(error_doc, "message", str, where))
    return TracedArticle(
        id=_typed(doc, "id", str, where),
        status=_enum(ArticleStatus, _field(doc, "status", where), f"{where}.status"),
        outlet=_typed(doc, "outlet", str, where, nullable=True),
        published=_typed(doc, "published", str, where, nullable=True),
        story_id=_typed(doc, "story_id", str, where, nullable=True),
        title=_typed(doc, "title", str, where, nullable=True),
        url=_typed(doc, "url", str, where, nullable=True),
        error=error,
        warnings=tuple(
            _string(w, f"{where}.warnings[{i}]")
            for i, w in enumerate(_list(doc, "warnings", where, default=[]))
        ),
    )


def story_from_dict(data: Any, where: str = "story") -> Story:
    """Rebuild one :class:`Story` from its dict (an element of ``trace.json``'s ``stories``)."""
    doc = _object(data, where)
    origin = _object(_field(doc, "origin", where), f"{where}.origin")
    return Story(
        id=_typed(doc, "id", str, where),
        title=_typed(doc, "title", str, where),
        article_ids=tuple(
            _string(a, f"{where}.article_ids[{i}]")
            for i, a in enumerate(_list(doc, "article_ids", where))
        ),
        origin=Origin(
            _typed(origin, "article_id", str, f"{where}.origin", nullable=True),
            _typed(origin, "outlet", str, f"{where}.origin", nullable=True),
            _typed(origin, "why", str, f"{where}.origin"),
        ),
        ultimate_sources=tuple(
            Source(
                _typed(_object(s, w), "name", str, w),
                _enum(SourceKind, _field(_object(s, w), "kind", w), f"{w}.kind"),
            )
            for i, s in enumerate(_list(doc, "ultimate_sources", where, default=[]))
            for w in [f"{where}.ultimate_sources[{i}]"]
        ),
        copies=tuple(
            _copy(c, f"{where}.copies[{i}]") for i, c in enumerate(_list(doc, "copies", where))
        ),
        citations=tuple(
            Citation(
                _typed(_object(c, w), "article_id", str, w),
                _typed(_object(c, w), "cited", str, w),
                _free_span(_field(_object(c, w), "cue", w), f"{w}.cue"),
                _typed(_object(c, w), "target_article_id", str, w, nullable=True),
            )
            for i, c in enumerate(_list(doc, "citations", where))
            for w in [f"{where}.citations[{i}]"]
        ),
        families=tuple(
            _family(f, f"{where}.families[{i}]")
            for i, f in enumerate(_list(doc, "families", where, default=[]))
        ),
        drift=tuple(
            _drift(d, f"{where}.drift[{i}]") for i, d in enumerate(_list(doc, "drift", where))
        ),
        other_language_ids=tuple(
            _string(a, f"{where}.other_language_ids[{i}]")
            for i, a in enumerate(_list(doc, "other_language_ids", where, default=[]))
        ),
    )


def _copy(data: Any, where: str) -> CopyEdge:
    doc = _object(data, where)
    return CopyEdge(
        _typed(doc, "article_id", str, where),
        _typed(doc, "copy_of", str, where),
        _enum(CopyKind, _field(doc, "kind", where), f"{where}.kind"),
        _number(_field(doc, "overlap", where), f"{where}.overlap"),
    )


def _family(data: Any, where: str) -> ClaimFamily:
    doc = _object(data, where)
    return ClaimFamily(
        _typed(doc, "id", str, where),
        tuple(
            ClaimRef(
                _typed(_object(c, w), "article_id", str, w),
                _free_span(_field(_object(c, w), "span", w), f"{w}.span"),
            )
            for i, c in enumerate(_list(doc, "claims", where))
            for w in [f"{where}.claims[{i}]"]
        ),
    )


def _drift(data: Any, where: str) -> DriftEvent:
    doc = _object(data, where)
    return DriftEvent(
        _typed(doc, "article_id", str, where),
        _typed(doc, "earlier_article_id", str, where),
        _enum(DriftType, _field(doc, "type", where), f"{where}.type"),
        _free_span(_field(doc, "phrase", where), f"{where}.phrase"),
        _free_span(_field(doc, "earlier_phrase", where), f"{where}.earlier_phrase"),
        _typed(doc, "explanation", str, where),
        _number(_field(doc, "severity", where), f"{where}.severity"),
    )


def _free_span(data: Any, where: str) -> Span:
    """A span of a text not at hand: integer offsets in order, and its text."""
    doc = _object(data, where)
    start, end = _field(doc, "start", where), _field(doc, "end", where)
    if not (_is_int(start) and _is_int(end) and 0 <= start <= end):
        raise MalformedInputError(f"{where}: offsets {start!r}..{end!r} are not a span")
    return Span(start, end, _typed(doc, "text", str, where))


# --- flat tables (Parquet, for the Spark engine and other tools) ----------------------------

TABLE_COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "articles": (
        ("id", "string"),
        ("status", "string"),
        ("outlet", "string"),
        ("published", "string"),
        ("story_id", "string"),
        ("title", "string"),
        ("url", "string"),
        ("error_code", "string"),
        ("error_message", "string"),
        ("warnings", "array<string>"),
    ),
    "claims": (
        ("article_id", "string"),
        ("claim_id", "string"),
        ("start", "int"),
        ("end", "int"),
        ("text", "string"),
        ("source", "string"),
        ("source_kind", "string"),
        ("chain", "array<string>"),
        ("cue", "string"),
        ("certainty_score", "double"),
        ("certainty_level", "string"),
        ("hedge_cues", "array<string>"),
        ("kind", "string"),
        ("checkworthy", "double"),
    ),
    "stories": (
        ("id", "string"),
        ("title", "string"),
        ("article_ids", "array<string>"),
        ("origin_article_id", "string"),
        ("origin_outlet", "string"),
        ("origin_why", "string"),
        ("ultimate_sources", "array<string>"),
        ("other_language_ids", "array<string>"),
    ),
    "copies": (
        ("story_id", "string"),
        ("article_id", "string"),
        ("copy_of", "string"),
        ("kind", "string"),
        ("overlap", "double"),
    ),
    "citations": (
        ("story_id", "string"),
        ("article_id", "string"),
        ("cited", "string"),
        ("cue_start", "int"),
        ("cue_end", "int"),
        ("cue_text", "string"),
        ("target_article_id", "string"),
    ),
    "drift": (
        ("story_id", "string"),
        ("article_id", "string"),
        ("earlier_article_id", "string"),
        ("type", "string"),
        ("phrase_start", "int"),
        ("phrase_end", "int"),
        ("phrase", "string"),
        ("earlier_phrase_start", "int"),
        ("earlier_phrase_end", "int"),
        ("earlier_phrase", "string"),
        ("explanation", "string"),
        ("severity", "double"),
    ),
}


def article_row(article: TracedArticle) -> dict[str, Any]:
    """The ``articles`` table row of a traced article."""
    code, message = article.error or (None, None)
    return {
        "id": article.id,
        "status": article.status.value,
        "outlet": article.outlet,
        "published": article.published,
        "story_id": article.story_id,
        "title": article.title,
        "url": article.url,
        "error_code": code,
        "error_message": message,
        "warnings": list(article.warnings),
    }


def claim_rows(ledger: Ledger) -> list[dict[str, Any]]:
    """The ``claims`` table rows of an article's ledger: the one flat view of a claim, used
    by the Parquet tables, the store and the claim export (columns: ``TABLE_COLUMNS``)."""
    return [
        {
            "article_id": ledger.article.id,
            "claim_id": claim.id,
            "start": claim.span.start,
            "end": claim.span.end,
            "text": claim.span.text,
            "source": claim.attribution.source.name,
            "source_kind": claim.attribution.source.kind.value,
            "chain": [source.name for source in claim.attribution.chain],
            "cue": claim.attribution.cue.text if claim.attribution.cue else None,
            "certainty_score": claim.certainty.score,
            "certainty_level": claim.certainty.level.value,
            "hedge_cues": [cue.text for cue in claim.certainty.cues],
            "kind": claim.kind.value,
            "checkworthy": claim.checkworthy,
        }
        for claim in ledger.claims
    ]


LIST_SEPARATORS = {"chain": " <- ", "hedge_cues": "; ", "warnings": "; "}
"""How a table row's lists are written where a cell holds text (CSV, SQL columns)."""


def flat(row: Mapping[str, Any]) -> dict[str, Any]:
    """A table row with its lists as text, for CSV and SQL.

    >>> flat({"chain": ["Business Insider", "Asahi Shimbun"], "kind": "statement"})
    {'chain': 'Business Insider <- Asahi Shimbun', 'kind': 'statement'}
    """
    return {
        key: LIST_SEPARATORS.get(key, "; ").join(value) if isinstance(value, list) else value
        for key, value in row.items()
    }


def story_rows(story: Story) -> dict[str, list[dict[str, Any]]]:
    """The rows a story adds to the ``stories``, ``copies``, ``citations`` and ``drift``
    tables."""
    return {
        "stories": [
            {
                "id": story.id,
                "title": story.title,
                "article_ids": list(story.article_ids),
                "origin_article_id": story.origin.article_id,
                "origin_outlet": story.origin.outlet,
                "origin_why": story.origin.why,
                "ultimate_sources": [source.name for source in story.ultimate_sources],
                "other_language_ids": list(story.other_language_ids),
            }
        ],
        "copies": [{"story_id": story.id, **to_dict(edge)} for edge in story.copies],
        "citations": [
            {
                "story_id": story.id,
                "article_id": c.article_id,
                "cited": c.cited,
                "cue_start": c.cue.start,
                "cue_end": c.cue.end,
                "cue_text": c.cue.text,
                "target_article_id": c.target_article_id,
            }
            for c in story.citations
        ],
        "drift": [
            {
                "story_id": story.id,
                "article_id": e.article_id,
                "earlier_article_id": e.earlier_article_id,
                "type": e.type.value,
                "phrase_start": e.phrase.start,
                "phrase_end": e.phrase.end,
                "phrase": e.phrase.text,
                "earlier_phrase_start": e.earlier_phrase.start,
                "earlier_phrase_end": e.earlier_phrase.end,
                "earlier_phrase": e.earlier_phrase.text,
                "explanation": e.explanation,
                "severity": e.severity,
            }
            for e in story.drift
        ],
    }
