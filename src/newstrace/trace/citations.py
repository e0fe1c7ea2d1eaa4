"""Who cites whom: the outlets an article credits, from its ledger and its own words.

Four signals, unioned: the credit line the ledger found ("As first reported by ..."), the
media outlets in the ledger's attribution chains, crediting constructions in the text
("told the Mail on Sunday", :mod:`newstrace.trace.credits`), and mentions of outlets that
publish in the corpus (the ledger cannot know a small local paper is an outlet; the corpus
can). Nothing in the page chrome ("MORE NEWS") is a citation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from newstrace.ingest import canonical_outlet, outlet_identity, outlet_key
from newstrace.model import Citation, Ledger, Source, SourceKind, Span
from newstrace.trace.credits import credited_names, outlet_words

_BRAND = re.compile(r"\s[-|–—]\s(?=[^-|–—]*$)")  # "Headline - Brand": split before the brand
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
_WORD = re.compile(r"\w+")


class OutletNames:
    """The outlets publishing in a corpus, to recognise them (and their short forms) in text."""

    def __init__(self, names: Iterable[str]) -> None:
        self.by_key = {outlet_key(name): name for name in names if name and outlet_key(name)}
        for name in list(self.by_key.values()):
            self.by_key.setdefault(outlet_identity(name), name)  # "BuzzFeed News" is "BuzzFeed"
        short: dict[str, list[str]] = {}
        for key, name in self.by_key.items():
            words = key.split()
            if len(words) > 1:
                short.setdefault(words[-1], []).append(name)
        # "the Gazette" names the corpus's one Gazette; with two Gazettes it names neither
        self.by_short = {word: names[0] for word, names in short.items() if len(names) == 1}
        self._finder = _NameFinder(self.by_key)

    def canonical(self, name: str) -> str:
        """The corpus's spelling of an outlet name; for outside outlets the known outlet's
        name ("AP" is the Associated Press), or the name itself."""
        key = outlet_key(name)
        found = self.by_key.get(key) or self.by_short.get(key)
        if found:
            return found
        known = canonical_outlet(name)
        return self.by_key.get(outlet_key(known), known) if known else name

    def mentions(
        self, text: str, extra: Iterable[str] = (), corpus: bool = True
    ) -> Iterable[tuple[str, Span]]:
        """Where the text names a corpus outlet (unless not ``corpus``) or an ``extra`` one."""
        finders = [self._finder] if corpus else []
        extra_keys = [outlet_key(name) for name in extra if outlet_key(name) not in self.by_key]
        if extra_keys:
            finders.append(_NameFinder(extra_keys))
        words = [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text)]
        for finder in finders:
            for start, end in finder.find(words):
                yield self.canonical(text[start:end]), Span.of(text, start, end)


def find_citations(
    ledger: Ledger,
    outlets: OutletNames,
    article_id: str,
    chrome: Sequence[tuple[int, int]] = (),
) -> list[Citation]:
    """Each outlet other than its own that the article credits, once, with the crediting words,
    none of them inside the ``chrome`` (character ranges of page furniture).

    A short form ("the Ledger") is read as the article's own outlet, or as a fuller name the
    same article credits, or as the corpus's one outlet of that name.
    """
    text = ledger.article.text
    found = _Found(ledger, outlets, article_id, chrome)
    if ledger.credit and ledger.credit_span:
        found.add(ledger.credit, _line_around(text, ledger.credit_span))
    named: set[str] = set()
    for claim in ledger.claims:
        attribution = claim.attribution
        for source in attribution.chain:
            if (
                source.span is not None
                and not found.in_chrome(source.span)
                and _is_outlet(source, outlets, text)
            ):
                cue = attribution.cue if source == attribution.source else None
                found.add(source.name, _cover(text, source.span, cue))
                named.add(source.name)
    for name, cue in credited_names(text, chrome):
        found.add(name, cue)
        named.add(name)
    found.add_mentions(outlets.mentions(text, extra=named))
    return found.resolved()


def with_known_outlets(
    citations: list[Citation],
    ledger: Ledger,
    outlets: OutletNames,
    article_id: str,
    known: Iterable[str],
) -> list[Citation]:
    """``citations`` plus the ``known`` outlets (credited by other versions of the story) that
    this text names with crediting words, though its ledger did not take them as sources."""
    extra = [name for name in known if outlet_key(name) not in outlets.by_key]
    if not extra:
        return citations
    found = _Found(ledger, outlets, article_id)
    for citation in citations:
        found.found[outlet_key(citation.cited)] = citation
    found.add_mentions(outlets.mentions(ledger.article.text, extra=extra, corpus=False))
    return found.resolved()


class _Found:
    """The citations of one article as they are found, one per outlet, its own left out."""

    def __init__(
        self,
        ledger: Ledger,
        outlets: OutletNames,
        article_id: str,
        chrome: Sequence[tuple[int, int]] = (),
    ) -> None:
        self.text = ledger.article.text
        self.chrome = chrome
        self.own = outlet_key(ledger.outlet) if ledger.outlet else None
        parts = _BRAND.split(ledger.article.title or "")
        self.brand = outlet_key(parts[-1]) if len(parts) > 1 else ""
        self.outlets = outlets
        self.article_id = article_id
        self.found: dict[str, Citation] = {}

    def in_chrome(self, span: Span) -> bool:
        return any(start <= span.start < end for start, end in self.chrome)

    def add(self, name: str, cue: Span) -> None:
        cited = self.outlets.canonical(name)
        key = outlet_key(cited)
        if key and not self._is_own(key) and key not in self.found:
            self.found[key] = Citation(self.article_id, cited, cue)

    def _is_own(self, key: str) -> bool:
        """The article's own outlet, also as its web domain names it ("Local 10" on
        local10.com) or as the brand ending its page title does ("... | WANE NewsChannel 15")."""
        if key == self.own:
            return True
        compact = key.replace(" ", "")
        if self.own and len(compact) >= 4 and compact in self.own.replace(" ", ""):
            return True
        return len(key) >= 4 and f" {key} " in f" {self.brand} "

    def add_mentions(self, mentions: Iterable[tuple[str, Span]]) -> None:
        for name, span in mentions:
            if not self.in_chrome(span) and _credits_in_sentence(self.text, span):
                self.add(name, _with_credit_words(self.text, span))

    def resolved(self) -> list[Citation]:
        return _resolve_short_forms(self.found, self.own)


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
    if outlet_key(source.name).rsplit(" ", 1)[-1] in outlet_words():
        return True
    return source.kind == SourceKind.ORGANISATION and outlet_key(source.name) in _told(text)


def _told(text: str) -> set[str]:
    """Names the text says were told, interviewed by or published something."""
    return {outlet_key(match.group("name")) for match in _TOLD.finditer(text)}


class _NameFinder:
    """Names (outlet keys, lower-case words) found in a text's words in one pass: a dict
    from each name's first word, not a regular expression with hundreds of alternatives."""

    def __init__(self, keys: Iterable[str]) -> None:
        self.by_first: dict[str, list[tuple[str, ...]]] = {}
        for key in keys:
            words = tuple(key.split())
            if words:
                self.by_first.setdefault(words[0], []).append(words)
        for candidates in self.by_first.values():
            candidates.sort(key=len, reverse=True)

    def find(self, words: list[tuple[int, int, str]]) -> Iterable[tuple[int, int]]:
        """(start, end) of each name in ``words`` ((start, end, lower-case word) each)."""
        i = 0
        while i < len(words):
            length = next(
                (
                    len(name)
                    for name in self.by_first.get(words[i][2], ())
                    if tuple(w[2] for w in words[i : i + len(name)]) == name
                ),
                0,
            )
            if length:
                yield words[i][0], words[i + length - 1][1]
            i += length or 1


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
