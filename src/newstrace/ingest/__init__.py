"""Ingest: whatever the user gives (a file, a directory, a JSONL corpus, stdin) to Articles.

Per-item problems (a binary file, a bad JSONL line) come back as :class:`InputItem` errors,
each a :mod:`newstrace.errors` class with a stable code, so a batch goes on past them.
"""

from newstrace.ingest.decode import decode_bytes
from newstrace.ingest.item import InputItem
from newstrace.ingest.language import detect_language, foreign_passages
from newstrace.ingest.limits import DEFAULT_LIMITS, InputLimits
from newstrace.ingest.outlets import canonical_outlet, outlet_from_url, outlet_identity, outlet_key
from newstrace.ingest.read import read_article, read_inputs, read_item
from newstrace.ingest.truncate import truncate_text

__all__ = [
    "DEFAULT_LIMITS",
    "InputItem",
    "InputLimits",
    "canonical_outlet",
    "decode_bytes",
    "detect_language",
    "foreign_passages",
    "outlet_from_url",
    "outlet_identity",
    "outlet_key",
    "read_article",
    "read_inputs",
    "read_item",
    "truncate_text",
]
