"""Find page chrome (menus, captions, share boxes, copyright) in plain-text news articles.

Pasted or crawled articles keep their page around them, and that chrome would otherwise
flow into claims, similarity and story titles. The rules here are lexical and structural,
one line at a time with a little context, in the spirit of trafilatura's boilerplate
heuristics. They are tuned for precision: a line of the story's own prose must never be
marked, so every rule needs a strong cue, and a doubtful line stays in the body.

The text is never changed: :func:`chrome_spans` gives character ranges into it.
The phrases live in ``lexicons/chrome.json``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = ["body_ranges", "chrome_spans", "headline"]

_LEXICON = Path(__file__).parent / "lexicons" / "chrome.json"

_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
_EDGE = re.compile(r"^[\s•·*\-–—|>»#]+|[\s:|.,;•·*\-–—]+$")
_END_SENTENCE = re.compile(r"[.!?…][\"'”’)\]]*$")
_MONTH = (
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"  # names or short forms
)
_DATE = re.compile(
    rf"(?<!\d)\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\s*,?\s+\d{{4}}\b"  # 16th Aug 2012
    rf"|\b{_MONTH}[\s-]+\d{{1,2}}(?:st|nd|rd|th)?(?:,|-|\s)\s*\d{{4}}\b"  # August 15, 2012
    r"|\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b"  # 13/07/2015, 2018-01-08
    r"|\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?|gmt|bst|utc|[ecmp][sd]t)?",  # 05:34 BST
    re.IGNORECASE,
)
_DATE_WORDS = re.compile(
    r"\b(?:posted|published|updated|last|and|on|at|by|release|date|time|mon|tue|wed|thu|fri|"
    r"sat|sun)[a-z]*\b|[^\w\s]",
    re.IGNORECASE,
)
# a caption ends with its credit: "(Picture: Getty)", "(Photo by X/Getty Images)"
_CAPTION = re.compile(
    r"\((?:picture|photo|pic|image|credit|source|photograph|video)s?\b[^()]{0,80}\)?\s*$"
    r"|\(photo by [^()]{0,80}\)?\s*$"
    r"|\b(?:picture|photo|pic|credit|image)s?:\s*[^.!?]{2,60}$"
    r"|(?<=[.!?)])\s*source:\s*[^.!?]{2,60}$"
    r"|\b[\w.-]+\s?/\s?(?:shutterstock|getty images|getty|ap|reuters|afp|alamy|epa)\s*$"
    r"|\((?:published|updated) [^()]*\)?\s*$"
    r"|^\S*(?:-image-|\.jpe?g|\.png)\S*",
    re.IGNORECASE,
)
_TWEET = re.compile(r"pic\.twitter\.com/|—\s*[^—]{1,60}\(@\w+\)\s*\w*", re.IGNORECASE)
_BYLINE = re.compile(r"^(?:[-–•\s]*by|from)\s+\S.*$|\bstaff reports?$", re.IGNORECASE)
# the reporter's contact box, not a police tip line
_CONTACT = re.compile(
    r"^(?:contact|to reach|reach|email|follow)\b.{0,80}@\w|^\S+@\S+\.\w+$"
    r"|\b(?:staff writer|reporter|correspondent)\b.{0,40}\b(?:reach|contact|email)\b",
    re.IGNORECASE,
)
_GALLERY = re.compile(r"\bimage \d+ of \d+\b|\bcaption close\b", re.IGNORECASE)
_PLAYLIST = re.compile(r"^\d{1,2}:\d{2} (?![ap]\.?m\b)\S", re.IGNORECASE)  # not "12:23 p.m."
_COMMENT = re.compile(r"^\s*(?:\d+\.\s*)?\S+ says:\s*$")
_AGE = re.compile(r",\s*\d{1,3},")
_LETTER = re.compile(r"[^\W\d_]")
_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "and",
        "or",
        "but",
        "by",
        "with",
        "from",
        "as",
        "is",
        "are",
        "was",
        "vs",
        "via",
        "after",
        "over",
    ]
)
_TITLE_SEPARATORS = re.compile(r"\s+(?:[-–—|:]|::)\s+")


@dataclass(frozen=True, slots=True)
class _Lexicon:
    lines: frozenset[str]
    prefixes: tuple[str, ...]
    phrases: tuple[str, ...]
    list_headers: frozenset[str]
    credits: frozenset[str]
    site_words: re.Pattern[str]
    bad_titles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int
    text: str  # stripped
    norm: str  # lower-cased, spaces collapsed, bullets and end punctuation trimmed
    words: int


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    raw = json.loads(_LEXICON.read_text(encoding="utf-8"))
    site = "|".join(re.escape(w) for w in raw["site_words"])
    return _Lexicon(
        lines=frozenset(raw["lines"]),
        prefixes=tuple(raw["prefixes"]),
        phrases=tuple(raw["phrases"]),
        list_headers=frozenset(raw["list_headers"]),
        credits=frozenset(raw["credits"]),
        site_words=re.compile(
            # a site word, a domain, or a US broadcaster's call sign ("WFSB 3")
            rf"(?i:\b(?:{site})\b|\.(?:com|net|org|co\.uk|tv)\b)|\b[KW][A-Z]{{2,3}}(?:-TV)?\d*\b"
        ),
        bad_titles=tuple(raw["bad_titles"]),
    )


def _normalise(text: str) -> str:
    return _EDGE.sub("", " ".join(text.lower().split()))


def _lines(text: str) -> list[_Line]:
    """The non-blank lines, each with its offsets (no newline or carriage return)."""
    out = []
    start = 0
    for raw in text.split("\n"):
        end = start + len(raw.rstrip("\r"))
        stripped = raw.strip()
        if stripped:
            words = len(_WORD.findall(stripped))
            out.append(_Line(start, end, stripped, _normalise(stripped), words))
        start += len(raw) + 1
    return out


def _is_sentence(line: _Line) -> bool:
    return bool(_END_SENTENCE.search(line.text))


def _is_short(line: _Line) -> bool:
    """A menu-like item: a few words, no sentence end, not a list's lead-in."""
    return line.words <= 5 and not _is_sentence(line) and not line.text.endswith(":")


def _is_label(line: _Line) -> bool:
    """A few words without a sentence end: alt text, a keyword list, a section label."""
    return line.words <= 8 and not _is_sentence(line)


def _is_menu_item(line: _Line) -> bool:
    """A short line with no figures or ``key: value``: records and charge lists have those."""
    return _is_short(line) and not re.search(r"\d|\S:\s", line.text)


def _is_teaser(line: _Line) -> bool:
    """A link to another story: a title-case line of five words or more, no full stop."""
    return (
        5 <= line.words <= 16
        and not line.text.endswith((".", ":"))
        and not line.text.isupper()  # a broadcast transcript shouts every line
        and not _AGE.search(line.text)  # "Jane DOE, 22, of Main St": a list of people
        and _is_title_case(line)
    )


def _is_date_line(line: _Line) -> bool:
    """A dateline or timestamp widget: a date and hardly anything else."""
    if not _DATE.search(line.text) or _is_sentence(line) and line.words > 8:
        return False
    if line.norm.startswith(("source", "via")):
        return False  # a credit line with its date names who the story came from
    rest = _WORD.findall(_DATE_WORDS.sub(" ", _DATE.sub(" ", line.text)))
    if _is_sentence(line) and sum(word.islower() for word in rest) >= 3:
        return False  # a short sentence with its time: "The incident happened around 3:30 p.m."
    return len(rest) <= 4


def _is_title_case(line: _Line) -> bool:
    """Every word but the small ones capitalised, as headlines and menus are written."""
    words = [w for w in _WORD.findall(line.text) if w[0].isalpha()]
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    return len(content) >= 3 and all(w[0].isupper() for w in content)


def _by_itself(line: _Line, lex: _Lexicon) -> bool:
    """Chrome whatever surrounds it: a known phrase, a caption, a widget."""
    norm = line.norm
    if not _LETTER.search(line.text):
        return True  # rules, dots, bare numbers
    if norm in lex.lines or norm in lex.list_headers or norm in lex.credits:
        return True
    if line.words <= 60 and any(norm.startswith(p) for p in lex.prefixes):
        return True
    if line.words <= 40 and any(p in norm for p in lex.phrases):
        return True
    if line.words <= 60 and (_CAPTION.search(line.text) or _TWEET.search(line.text)):
        return True
    if line.words <= 10 and not _is_sentence(line) and _BYLINE.search(line.text):
        return True
    if line.words <= 40 and _CONTACT.search(line.text):
        return True
    return _GALLERY.search(line.text) is not None or _is_date_line(line)


def _line_flags(lines: list[_Line]) -> list[bool]:
    """Whether each line is chrome: the line's own cues first, then its neighbourhood's."""
    lex = _lexicon()
    flags = [_by_itself(line, lex) for line in lines]
    n = len(lines)
    # a later copy of a line: related-story teasers, repeated captions, a lead printed twice
    seen: set[str] = set()
    for i, line in enumerate(lines):
        if line.words >= 2 and line.norm in seen:
            flags[i] = True
        seen.add(line.norm)
    # a video playlist: several lines that start with a running time
    if sum(bool(_PLAYLIST.match(line.text)) for line in lines) >= 3:
        for i, line in enumerate(lines):
            flags[i] = flags[i] or bool(_PLAYLIST.match(line.text))
    # a comment thread runs to the end of the page
    headers = [i for i, line in enumerate(lines) if _COMMENT.match(line.text)]
    if len(headers) >= 2:
        for i in range(headers[0], n):
            flags[i] = True
    # a run of three or more menu-like lines (not a list that a line with ':' opens)
    i = 0
    while i < n:
        j = i
        while j < n and _is_menu_item(lines[j]):
            j += 1
        opened = i > 0 and lines[i - 1].text.endswith(":")
        if j - i >= 3 and not opened:
            for k in range(i, j):
                flags[k] = True
        i = max(j, i + 1)
    # links to other stories between the paragraphs: three or more teasers
    teasers = [i for i, line in enumerate(lines[1:], 1) if _is_teaser(line)]
    if len(teasers) >= 3:
        for i in teasers:
            flags[i] = True
    # the short alt text or keywords printed just above a caption
    for i in range(n - 1):
        next_is_caption = flags[i + 1] and _CAPTION.search(lines[i + 1].text)
        adjacent = lines[i + 1].start - lines[i].end == 1
        if next_is_caption and adjacent and _is_label(lines[i]):
            flags[i] = True
    # the links a header like "Related stories:" opens, until the next sentence
    for i, line in enumerate(lines):
        if line.norm in lex.list_headers or line.norm.startswith("related"):
            for k in range(i + 1, n):
                if _is_sentence(lines[k]) or lines[k].words > 20:
                    break
                flags[k] = True
    # a short label wedged between chrome (or the page's edge) and chrome
    changed = True
    while changed:
        changed = False
        for i, line in enumerate(lines):
            if flags[i] or not (_is_short(line) and line.words <= 3):
                continue
            # the page's top counts as chrome, its end does not: excerpts end mid-sentence
            before = i == 0 or flags[i - 1]
            if before and i < n - 1 and flags[i + 1]:
                flags[i] = changed = True
    return flags


def chrome_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of ``text`` that are page chrome, whole lines merged into groups.

    A group runs from the first character of its first line to the last of its last line;
    blank lines between chrome lines join them. ``text[start:end]`` is the chrome itself.
    """
    lines = _lines(text)
    spans: list[tuple[int, int]] = []
    for line, is_chrome in zip(lines, _line_flags(lines), strict=True):
        if not is_chrome:
            continue
        if spans and not text[spans[-1][1] : line.start].strip():
            spans[-1] = (spans[-1][0], line.end)
        else:
            spans.append((line.start, line.end))
    return spans


@lru_cache(maxsize=1)
def _continues_below() -> re.Pattern[str]:
    """The lexicon's "... continues below" widgets wherever a flattened page put them: no
    sentence of news says them."""
    widgets = sorted(w for w in _lexicon().lines if w.endswith("continues below"))
    return re.compile(r"\b(?:" + "|".join(map(re.escape, widgets)) + r")\b", re.IGNORECASE)


def blank_chrome(text: str) -> str:
    """``text`` with each line that is a known widget by itself ("Advertisement", "article
    continues below", "Share this story") turned to line breaks, and "article continues
    below" run into a line turned to spaces, same length, so offsets hold: the analyser
    reads a quotation on past the widget to its speaker. A line that ends a sentence
    ("today." closing a wrapped paragraph) stays, and so does other chrome, as the parser
    needs the line breaks and full stops it gives."""
    lex = _lexicon()
    chars = list(text)
    for line in _lines(text):
        widget = line.norm in lex.lines or line.norm in lex.list_headers
        if widget and not _is_sentence(line):
            chars[line.start : line.end] = "\n" * (line.end - line.start)
    for inline in _continues_below().finditer(text):  # the widget run into a line
        if chars[inline.start()] != "\n":
            chars[inline.start() : inline.end()] = " " * (inline.end() - inline.start())
    return "".join(chars)


def body_ranges(
    text: str, chrome: Sequence[tuple[int, int]] | None = None
) -> list[tuple[int, int]]:
    """The complement of :func:`chrome_spans` (or of ``chrome``, when found already): the
    article's own text, trimmed of blanks."""
    ranges = []
    position = 0
    spans = chrome_spans(text) if chrome is None else chrome
    for start, end in [*spans, (len(text), len(text))]:
        piece = text[position:start]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            ranges.append((position + lead, position + len(piece.rstrip())))
        position = end
    return ranges


def _clean_title(title: str) -> str | None:
    """The title without the site's name ("... - WAFF-TV: News, Weather and Sports")."""
    lex = _lexicon()
    text = " ".join(title.split())
    if not text or any(bad in text.lower() for bad in lex.bad_titles):
        return None

    def is_site(part: str) -> bool:
        return bool(lex.site_words.search(part)) and len(_WORD.findall(part)) <= 16

    separators = list(_TITLE_SEPARATORS.finditer(text))
    # a site name after the headline: cut at the first separator with only the site after it
    for separator in separators:
        head, rest = text[: separator.start()], text[separator.end() :]
        if is_site(rest) and len(_WORD.findall(head)) >= 3:
            return head
    # or a site name before it: "CBS 58 - Multiple Victims After ..."
    if separators:
        head, rest = text[: separators[0].start()], text[separators[0].end() :]
        if is_site(head) and len(_WORD.findall(rest)) >= 4 and not is_site(rest):
            return rest
    return text


def headline(
    text: str, title: str | None = None, chrome: Sequence[tuple[int, int]] | None = None
) -> str | None:
    """The article's headline: the title field when it is real, else the text's first line.

    A first line counts when it is not chrome (``chrome``: its spans, when found already)
    and reads like a headline: three to thirty words with no full stop at its end. A lead
    sentence there means the page has none.
    """
    if title and (cleaned := _clean_title(title)):
        return cleaned
    lines = _lines(text)
    flags = (
        _line_flags(lines)
        if chrome is None
        else [any(a <= line.start < b for a, b in chrome) for line in lines]
    )
    for line, is_chrome in zip(lines, flags, strict=True):
        if is_chrome or line.words < 3:
            continue
        if line.words <= 30 and not line.text.endswith((".", "…", ":")):
            return line.text
        return None
    return None
