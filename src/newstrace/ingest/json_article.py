"""A JSON article ``{id, url, outlet, published, title, lang, text}`` to an Article."""

from __future__ import annotations

import json
from typing import Any

from newstrace.errors import EmptyInputError, EncodingError, MalformedInputError
from newstrace.model import Article

METADATA_FIELDS = ("id", "url", "outlet", "published", "title", "lang")


def article_from_json(text: str, where: str, *, one_line: bool = False) -> Article:
    """Parse one JSON article; ``where`` names it in errors, ``one_line`` for a JSONL line.

    Only ``text`` is required; other keys than :data:`METADATA_FIELDS` are ignored.

    >>> article_from_json('{"id": 7, "text": "Kim cried."}', "a.json")
    Article(text='Kim cried.', id='7', url=None, outlet=None, published=None, title=None, lang=None)
    """
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        raise MalformedInputError(
            f"{where}: invalid JSON at {_position(error, one_line)}: {error.msg}"
        ) from error
    return article_from_mapping(value, where)


def article_from_mapping(value: Any, where: str) -> Article:
    """Check a parsed JSON value is an article object and build the Article."""
    if not isinstance(value, dict):
        raise MalformedInputError(
            f"{where}: expected a JSON object with a 'text' field, got {_json_type(value)}"
        )
    if "text" not in value:
        raise MalformedInputError(f"{where}: the JSON article has no 'text' field")
    text = value["text"]
    if not isinstance(text, str):
        raise MalformedInputError(f"{where}: 'text' must be a string, got {_json_type(text)}")
    if not text.strip():
        raise EmptyInputError(f"{where}: 'text' is empty")
    metadata = {key: _metadata(value, key, where) for key in METADATA_FIELDS}
    for key, field in (("text", text), *metadata.items()):
        _check_encodable(field, key, where)
    return Article(text=text, **metadata)


def _check_encodable(field: str | None, key: str, where: str) -> None:
    """Refuse a lone surrogate (a JSON escape such as ``\\ud800`` with no partner): no UTF-8
    text holds one, so neither a ledger file nor the store could write the article.

    >>> _check_encodable("caf\\u00e9", "text", "a")
    >>> _check_encodable("x\\ud800", "title", "a")
    Traceback (most recent call last):
    ...
    newstrace.errors.EncodingError: [E104] a: 'title' holds a lone surrogate \\ud800 at character 1
    """
    try:
        (field or "").encode("utf-8")
    except UnicodeEncodeError as error:
        raise EncodingError(
            f"{where}: '{key}' holds a lone surrogate "
            f"\\u{ord(error.object[error.start]):04x} at character {error.start}"
        ) from None


def _metadata(value: dict[str, Any], key: str, where: str) -> str | None:
    field = value.get(key)
    if field is None or isinstance(field, str):
        return field
    if key == "id" and isinstance(field, int) and not isinstance(field, bool):
        return str(field)
    raise MalformedInputError(f"{where}: '{key}' must be a string, got {_json_type(field)}")


def _position(error: json.JSONDecodeError, one_line: bool) -> str:
    return f"column {error.colno}" if one_line else f"line {error.lineno}, column {error.colno}"


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
    if value is None:
        return "null"
    return names.get(type(value), "a number")
