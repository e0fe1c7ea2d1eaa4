"""Who cites whom: the outlets an article credits, from its ledger and its own words.

Three signals, unioned: the credit line ("As first reported by ..."), the media outlets in
the ledger's attribution chains, and mentions of outlets that publish in the corpus (the
ledger cannot know a small local paper is an outlet; the corpus can).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from newstrace.analyze.credit import find_credit
from newstrace.model import Citation, Ledger, Source, SourceKind, Span

_PUNCTUATION = re.compile(r"[^\w\s]")
_SPACES = re.compile(r"\s+")
_TOLD = re.compile(
    r"\b(?:told|published by|obtained by|interview with|reported by|broadcast by|aired by|"
    r"first reported by|in an interview with|speaking to)\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})"
)
# Words that make a sentence naming an outlet a credit to it ("told", "according to").
_CREDIT_WORDS = re.compile(
    r"\b(?:according to|report\w*|told|tells|said|says|quot\w*|cit\w*|via|revealed|"
    r"wrote|writes|published|broke|first|interview\w*|obtained|learned|claim\w*)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?\n]")


def outlet_key(name: str) -> str:
    """The form under which outlet names are compared.

    >>> outlet_key("The Harbour-Gazette") == outlet_key("harbour gazette")
    True
    """
    key = _SPACES.sub(" ", _PUNCTUATION.sub(" ", name.lower())).strip()
    return key.removeprefix("the ")


class OutletNames:
    """The outlets publishing in a corpus, to recognise them (and their short forms) in text."""

    def __init__(self, names: Iterable[str]) -> None:
        self.by_key = {outlet_key(name): name for name in names if name and outlet_key(name)}
        short: dict[str, list[str]] = {}
        for key, name in self.by_key.items():
            words = key.split()
            if len(words) > 1:
                short.setdefault(words[-1], []).append(name)
        # "the Gazette" names the corpus's one Gazette; with two Gazettes it names neither
        self.by_short = {word: names[0] for word, names in short.items() if len(names) == 1}
        self._mentions = _alternation(list(self.by_key)) if self.by_key else None

    def canonical(self, name: str) -> str:
        """The corpus's spelling of an outlet name, or the name itself for outside outlets."""
        key = outlet_key(name)
        return self.by_key.get(key) or self.by_short.get(key) or name

    def mentions(self, text: str, extra: Iterable[str] = ()) -> Iterable[tuple[str, Span]]:
        """Where the text names a corpus outlet, or one of the ``extra`` outlet names."""
        patterns = [self._mentions] if self._mentions is not None else []
        extra_keys = [outlet_key(name) for name in extra if outlet_key(name) not in self.by_key]
        if extra_keys:
            patterns.append(_alternation(extra_keys))
        for pattern in patterns:
            for match in pattern.finditer(text):
                yield self.canonical(match.group()), Span.of(text, match.start(), match.end())


def find_citations(
    ledger: Ledger, outlets: OutletNames, article_id: str, known: Iterable[str] = ()
) -> list[Citation]:
    """Each outlet other than its own that the article credits, once, with the crediting words.

    ``known`` are outlet names found credited elsewhere (in other versions of the story), to
    be recognised here too when the text names them without the ledger taking them as a source.
    A short form ("the Ledger") is read as the article's own outlet, or as a fuller name the
    same article credits, or as the corpus's one outlet of that name.
    """
    text = ledger.article.text
    own = outlet_key(ledger.outlet) if ledger.outlet else None
    found: dict[str, Citation] = {}

    def add(name: str, cue: Span) -> None:
        cited = outlets.canonical(name)
        key = outlet_key(cited)
        if key and key != own and key not in found:
            found[key] = Citation(article_id, cited, cue)

    credit = find_credit(text)
    if credit:
        add(credit[0], _line_around(text, credit[1]))
    named: set[str] = set(known)
    for claim in ledger.claims:
        attribution = claim.attribution
        for source in attribution.chain:
            if source.span is not None and _is_outlet(source, outlets, text):
                cue = attribution.cue if source == attribution.source else None
                add(source.name, _cover(text, source.span, cue))
                named.add(source.name)
    for name, span in outlets.mentions(text, extra=named):
        if _credits_in_sentence(text, span):
            add(name, _with_credit_words(text, span))
    return _resolve_short_forms(found, own)


def _resolve_short_forms(found: dict[str, Citation], own: str | None) -> list[Citation]:
    """Drop one-word names that stand for the article's own outlet or a fuller name cited."""
    kept = []
    for key, citation in found.items():
        if " " not in key:
            fuller = [k for k in found if k != key and key in k.split()]
            if fuller or (own and own.endswith(" " + key)):
                continue
        kept.append(citation)
    return kept


def _is_outlet(source: Source, outlets: OutletNames, text: str) -> bool:
    """A named news outlet: publishing in the corpus, so kinded by the ledger or named like
    one ("... Ledger"), or an organisation the text says was told or published something."""
    if not source.name[:1].isupper():
        return False  # "the newspaper": a description of an outlet named elsewhere
    if outlet_key(source.name) in outlets.by_key:
        return True
    if source.kind == SourceKind.MEDIA_OUTLET:
        return True
    if outlet_key(source.name).rsplit(" ", 1)[-1] in _outlet_words():
        return True
    return source.kind == SourceKind.ORGANISATION and outlet_key(source.name) in _told(text)


def _told(text: str) -> set[str]:
    """Names the text says were told, interviewed by or published something."""
    return {outlet_key(match.group("name")) for match in _TOLD.finditer(text)}


def _alternation(keys: list[str]) -> re.Pattern[str]:
    """One pattern for many names, longest first, spaces matching any run of spaces/hyphens."""
    ordered = sorted(keys, key=len, reverse=True)
    body = "|".join(re.escape(key).replace(r"\ ", r"[\s-]+") for key in ordered)
    return re.compile(r"\b(?:" + body + r")\b", re.IGNORECASE)


def _with_credit_words(text: str, span: Span) -> Span:
    """The mention with the crediting words just before it ("according to a report in")."""
    window = max(0, span.start - 45)
    found = list(_CREDIT_WORDS.finditer(text, window, span.start))
    if not found or _SENTENCE_END.search(text, found[-1].start(), span.start):
        return span
    return Span.of(text, found[-1].start(), span.end)


def _credits_in_sentence(text: str, span: Span) -> bool:
    start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, span.start)), default=0)
    end_match = _SENTENCE_END.search(text, span.end)
    end = end_match.start() if end_match else len(text)
    return bool(_CREDIT_WORDS.search(text, start, end))


@lru_cache(maxsize=1)
def _outlet_words() -> frozenset[str]:
    raw = resources.files("newstrace.analyze").joinpath("lexicons/sources.json").read_text("utf-8")
    return frozenset(json.loads(raw)["outlet_words"])


def _cover(text: str, span: Span, cue: Span | None) -> Span:
    """The outlet's name and, when close by, the words crediting it ("according to")."""
    if cue is None or abs(cue.start - span.start) > 80:
        return span
    return Span.of(text, min(span.start, cue.start), max(span.end, cue.end))


def _line_around(text: str, span: Span) -> Span:
    start = text.rfind("\n", 0, span.start) + 1
    end = text.find("\n", span.end)
    end = len(text) if end == -1 else end
    line = text[start:end]
    return Span.of(
        text, start + len(line) - len(line.lstrip()), end - (len(line) - len(line.rstrip()))
    )
