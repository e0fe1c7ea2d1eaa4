"""Who cites whom: the outlets an article credits, from its ledger and its own words.

Three signals, unioned: the credit line ("As first reported by ..."), the media outlets in
the ledger's attribution chains, and mentions of outlets that publish in the corpus (the
ledger cannot know a small local paper is an outlet; the corpus can).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from newstrace.analyze.credit import find_credit
from newstrace.model import Citation, Ledger, Source, SourceKind, Span

_PUNCTUATION = re.compile(r"[^\w\s]")
_SPACES = re.compile(r"\s+")


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
        alternatives = sorted(self.by_key, key=len, reverse=True)
        self._mentions = (
            re.compile(
                r"\b(?:" + "|".join(re.escape(key).replace(r"\ ", r"[\s-]+") for key in alternatives)
                + r")\b",
                re.IGNORECASE,
            )
            if alternatives
            else None
        )

    def canonical(self, name: str) -> str:
        """The corpus's spelling of an outlet name, or the name itself for outside outlets."""
        key = outlet_key(name)
        return self.by_key.get(key) or self.by_short.get(key) or name

    def mentions(self, text: str) -> Iterable[tuple[str, Span]]:
        if self._mentions is None:
            return
        for match in self._mentions.finditer(text):
            yield self.canonical(match.group()), Span.of(text, match.start(), match.end())


def find_citations(ledger: Ledger, outlets: OutletNames, article_id: str) -> list[Citation]:
    """Each outlet other than its own that the article credits, once, with the crediting words."""
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
    for claim in ledger.claims:
        attribution = claim.attribution
        for source in attribution.chain:
            if source.span is not None and _is_outlet(source, outlets):
                cue = attribution.cue if source == attribution.source else None
                add(source.name, _cover(text, source.span, cue))
    for name, span in outlets.mentions(text):
        add(name, span)
    return list(found.values())


def _is_outlet(source: Source, outlets: OutletNames) -> bool:
    return source.kind == SourceKind.MEDIA_OUTLET or outlet_key(source.name) in outlets.by_key


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
    return Span.of(text, start + len(line) - len(line.lstrip()), end - (len(line) - len(line.rstrip())))


def cited_keys(citations: Iterable[Citation]) -> set[str]:
    return {outlet_key(citation.cited) for citation in citations}


def citations_by_article(citations: Iterable[Citation]) -> Mapping[str, set[str]]:
    by_article: dict[str, set[str]] = {}
    for citation in citations:
        by_article.setdefault(citation.article_id, set()).add(outlet_key(citation.cited))
    return by_article
