"""Guess what decoded input is when nothing else says so (stdin, a file without a known suffix)."""

from __future__ import annotations

import re
from typing import Literal

Kind = Literal["json", "html", "text"]

_HTML_START = re.compile(
    r"\A\s*(?:<!--.*?-->\s*|<\?xml[^>]*>\s*)*"
    r"<(?:!doctype\s+html|html|head|body|meta|title|article|main|div|p|h1)\b",
    re.IGNORECASE | re.DOTALL,
)
_HEAD_CHARS = 4096


def sniff_kind(text: str) -> Kind:
    """``"json"`` for what opens with a brace, ``"html"`` for markup, else ``"text"``.

    Anything that starts with ``{`` is taken as a JSON article: prose never starts so, and
    broken JSON deserves a JSON error naming the bad position, not analysis as text.

    >>> sniff_kind('{"text": "Kim cried."}'), sniff_kind("<!DOCTYPE html><p>Hi</p>")
    ('json', 'html')
    >>> sniff_kind("Kim cried.")
    'text'
    """
    if text.lstrip().startswith("{"):
        return "json"
    if _HTML_START.match(text[:_HEAD_CHARS]):
        return "html"
    return "text"
