"""The one data model every newstrace stage reads and writes.

An :class:`Article` owns its text; everything found in it (claims, sources, cues) is a
:class:`Span`, an offset view into that text, never a loose copy. All classes are frozen
dataclasses; :mod:`newstrace.serialize` is the only place that turns them into JSON and back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

CLAIMS_SCHEMA = "newstrace.claims/1"


@dataclass(frozen=True, slots=True)
class Span:
    """Characters ``text[start:end]`` of an article, with that text kept for readability."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """Cut the span ``[start, end)`` out of ``text``.

        >>> Span.of("Kim cried.", 0, 3)
        Span(start=0, end=3, text='Kim')
        """
        return cls(start, end, text[start:end])

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True, slots=True)
class Article:
    """A news article as it came in: the text exactly as given plus its provenance."""

    text: str
    id: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    title: str | None = None
    lang: str | None = None


class SourceKind(StrEnum):
    """Who a claim rests on."""

    NAMED_PERSON = "named_person"
    ANONYMOUS_PERSON = "anonymous_person"
    ORGANISATION = "organisation"
    MEDIA_OUTLET = "media_outlet"
    GOVERNMENT_OFFICIAL = "government_official"
    DOCUMENT_REPORT = "document_report"
    UNNAMED_GROUP = "unnamed_group"
    THE_ARTICLE = "the_article"


@dataclass(frozen=True, slots=True)
class Source:
    """One source: its canonical name, its kind, and where the article mentions it.

    ``span`` is ``None`` for sources that are not mentioned in the text (the article itself,
    or its outlet known only from metadata). ``mention`` is the span of the earlier, fuller
    mention a pronoun or a definite description ("the defector") was resolved to.
    """

    name: str
    kind: SourceKind
    span: Span | None = None
    mention: Span | None = None


@dataclass(frozen=True, slots=True)
class AttributionSpans:
    """An attribution as the extractor finds it: three spans, before sources are resolved.

    ``content`` runs from the first to the last piece of a split quotation ("X," she said,
    "Y"). ``source`` is ``None`` when the text names no one ("it is said that ...").
    """

    cue: Span
    content: Span
    source: Span | None = None


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who a claim is credited to, with which words, and through whom it passed.

    ``chain`` runs from the article's own outlet inwards and ends with ``source``:
    ``Business Insider <- Asahi Shimbun <- a defector``.
    """

    source: Source
    cue: Span | None
    content: Span
    chain: tuple[Source, ...] = ()


class CertaintyLevel(StrEnum):
    """How firmly a claim is put, from plain assertion to negation."""

    ASSERTED = "asserted"
    ATTRIBUTED = "attributed"
    HEDGED = "hedged"
    SPECULATIVE = "speculative"
    CONDITIONAL = "conditional"
    NEGATED = "negated"


@dataclass(frozen=True, slots=True)
class Certainty:
    """A score in [0, 1] (1 = stated as plain fact), its level, and the cues that set it."""

    score: float
    level: CertaintyLevel
    cues: tuple[Span, ...] = ()


class ClaimKind(StrEnum):
    """What sort of claim it is: checkable event, someone's statement, opinion, ..."""

    EVENT = "event"
    STATEMENT = "statement"
    OPINION = "opinion"
    SPECULATION = "speculation"
    PREDICTION = "prediction"
    BACKGROUND = "background"


@dataclass(frozen=True, slots=True)
class Claim:
    """One claim of an article: what is claimed, on whose word, how surely, what kind."""

    id: str
    span: Span
    attribution: Attribution
    certainty: Certainty
    kind: ClaimKind
    checkworthy: float


@dataclass(frozen=True, slots=True)
class SourceSummary:
    """A row of the article's sources table: a distinct source and how many claims rest on it."""

    name: str
    kind: SourceKind
    claims: int


@dataclass(frozen=True, slots=True)
class Ledger:
    """The claim ledger of one article.

    ``outlet`` comes from the metadata or the URL; ``credit`` is the outlet the text itself
    says it relays ("As reported by Business Insider", "(Reuters) -"). ``warnings`` tells what
    was done to the input on the way (truncation, a guessed encoding).
    """

    article: Article
    language: str
    outlet: str | None
    claims: tuple[Claim, ...]
    sources: tuple[SourceSummary, ...]
    credit: str | None = None
    warnings: tuple[str, ...] = field(default=())
    schema: str = CLAIMS_SCHEMA
