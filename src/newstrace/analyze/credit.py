"""The outlet an article says it relays: "As reported by Business Insider", "(Reuters) -".

Copied and syndicated articles often carry their origin only in a credit line at the top or
the bottom. That outlet is the outermost link of every claim's chain, so it is found once per
article, before claims are assembled.
"""

from __future__ import annotations

import re

from newstrace.ingest import canonical_outlet
from newstrace.model import Span

_NAME = r"(?P<name>[A-Z][\w&.'’-]*(?:\s+(?:[A-Z][\w&.'’-]*|of|the|and|for))*)"
# a date after the name on a credit line: "Source: Wash Post, 07/15/2015"
_DATED = r"(?:,?\s+\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4})?"
_PATTERNS = [
    # a closing or opening line: "As reported by X", "Originally published in X", "Source: X"
    re.compile(
        r"^[ \t]*(?i:as\s+(?:first\s+|originally\s+)?(?:reported|published|seen|written)\s+"
        r"(?:by|in|on|at)|(?:this\s+(?:article|story)\s+)?(?:was\s+)?(?:originally|first)\s+"
        r"(?:published|appeared|ran)\s+(?:in|on|at|by)|source:|via|courtesy\s+of|"
        r"republished\s+(?:with\s+permission\s+)?from)\s+(?i:the\s+)?" + _NAME + _DATED + r"\W*$",
        re.MULTILINE,
    ),
    # a wire dateline: "WASHINGTON (Reuters) -", "(AP) —"
    re.compile(r"\((?P<name>Reuters|AP|AFP|Associated Press|Bloomberg|UPI|dpa)\)\s*[-–—]+"),
]
_DATELINE_END = re.compile(r"\)\s*[-–—]+")
_EDGE_CHARS = 400


def find_credit(text: str) -> tuple[str, Span] | None:
    """The canonical outlet credited in the opening or closing lines, and where it is named.

    >>> find_credit("Kim cried.\\nAs reported by Business Insider")[0]
    'Business Insider'
    >>> find_credit("Kim cried.\\nSource: Wash Post, 07/15/2015")[0]
    'The Washington Post'
    """
    edges = [(0, text[:_EDGE_CHARS]), (max(0, len(text) - _EDGE_CHARS), text[-_EDGE_CHARS:])]
    for pattern in _PATTERNS:
        for offset, window in edges:
            match = pattern.search(window)
            if match:
                raw = match.group("name").strip()
                start = offset + match.start("name")
                return canonical_outlet(raw) or raw, Span.of(text, start, start + len(raw))
    return None


def credit_region(text: str, credit: Span) -> Span:
    """What of ``text`` the credit named at ``credit`` takes up, which holds no claim: a wire
    dateline up to its dash ("PORT ELLIS, May 3 (UPI) —": the lead that follows it on the
    line is the story's), else the whole line ("As reported by Business Insider")."""
    start = text.rfind("\n", 0, credit.start) + 1
    dateline = _DATELINE_END.match(text, credit.end)
    if dateline:
        return Span.of(text, start, dateline.end())
    end = text.find("\n", credit.end)
    return Span.of(text, start, len(text) if end < 0 else end)
