"""The one data model every newstrace stage reads and writes.

An :class:`Article` owns its text; everything found in it (claims, sources, cues) is a
:class:`Span`, an offset view into that text, never a loose copy. All classes are frozen
dataclasses; :mod:`newstrace.serialize` is the only place that turns them into JSON and back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields, is_dataclass, replace
from enum import StrEnum
from typing import TypeVar

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

    @classmethod
    def find(cls, text: str, phrase: str, after: int = 0) -> Span:
        """The first ``phrase`` in ``text`` at or after ``after``; ValueError if there is none.

        >>> Span.find("Kim cried. Kim left.", "Kim", after=1)
        Span(start=11, end=14, text='Kim')
        """
        start = text.index(phrase, after)
        return cls(start, start + len(phrase), phrase)

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def shifted(self, offset: int) -> Span:
        """The same characters counted from ``offset`` characters earlier (a piece's span
        placed in the whole text).

        >>> Span.of("Kim cried.", 4, 9).shifted(100)
        Span(start=104, end=109, text='cried')
        """
        return Span(self.start + offset, self.end + offset, self.text)


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
class ForeignPassage:
    """A stretch of an article in another language than the article's own (a quoted original,
    the other half of a bilingual page): found, named, and left out of the claims.

    ``language`` is an ISO 639-1 code (639-3 where there is none); ``confidence`` the
    identifier's probability for it, in [0, 1].
    """

    span: Span
    language: str
    confidence: float


@dataclass(frozen=True, slots=True)
class Ledger:
    """The claim ledger of one article.

    ``outlet`` comes from the metadata or the URL; ``credit`` is the outlet the text itself
    says it relays ("As reported by Business Insider", "(Reuters) -"), named at
    ``credit_span``. ``warnings`` tells what was done to the input on the way (truncation, a
    guessed encoding); ``foreign_passages`` are the passages in another language, which no
    claim is taken from.
    """

    article: Article
    language: str
    outlet: str | None
    claims: tuple[Claim, ...]
    sources: tuple[SourceSummary, ...]
    credit: str | None = None
    credit_span: Span | None = None
    warnings: tuple[str, ...] = field(default=())
    foreign_passages: tuple[ForeignPassage, ...] = ()
    schema: str = CLAIMS_SCHEMA


# --- the story trace: a corpus of ledgers, grouped and compared ------------------------------

TRACE_SCHEMA = "newstrace.trace/1"


class ArticleStatus(StrEnum):
    """Whether an input article made it into the trace."""

    OK = "ok"
    ERROR = "error"
    OTHER_LANGUAGE = "other_language"
    """Not analysed (newstrace reads English only), but kept: it joins the story whose
    versions it shares names, numbers and outlets with."""


@dataclass(frozen=True, slots=True)
class TracedArticle:
    """One input of a trace, failed ones included: where it landed, or why it could not.

    ``error`` is ``(code, message)`` of the :class:`~newstrace.errors.NewstraceError` that
    stopped it; ``warnings`` say what was done to it on the way (a corrected date, a renamed
    duplicate id).
    """

    id: str
    status: ArticleStatus
    outlet: str | None = None
    published: str | None = None
    story_id: str | None = None
    title: str | None = None
    url: str | None = None
    error: tuple[str, str] | None = None
    warnings: tuple[str, ...] = ()


class CopyKind(StrEnum):
    """A verbatim copy carries (nearly) all its text from the other; a partial one, part."""

    VERBATIM = "verbatim"
    PARTIAL = "partial"


@dataclass(frozen=True, slots=True)
class CopyEdge:
    """``article_id`` took its text from ``copy_of``; ``overlap`` is the share of its own
    text found there, in [0, 1]."""

    article_id: str
    copy_of: str
    kind: CopyKind
    overlap: float


@dataclass(frozen=True, slots=True)
class Citation:
    """``article_id`` credits the outlet ``cited``, with the words in ``cue``;
    ``target_article_id`` is the story's version from that outlet, when the corpus has one."""

    article_id: str
    cited: str
    cue: Span
    target_article_id: str | None = None


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a story started: an article of the corpus, or an outlet outside it, and why;
    neither when it is unknown (one version, or nothing orders the versions)."""

    article_id: str | None
    outlet: str | None
    why: str

    @property
    def where(self) -> str:
        """The origin in a few words: "Outlet (article id)", "Outlet (outside the corpus)"
        or "unknown"."""
        if self.article_id:
            return f"{self.outlet or '?'} ({self.article_id})"
        return f"{self.outlet} (outside the corpus)" if self.outlet else "unknown"


@dataclass(frozen=True, slots=True)
class ClaimRef:
    """A claim of one article of the story, by its span in that article's text."""

    article_id: str
    span: Span


@dataclass(frozen=True, slots=True)
class ClaimFamily:
    """The versions of one claim across the articles of a story."""

    id: str
    claims: tuple[ClaimRef, ...]


class DriftType(StrEnum):
    """How a claim changed from one version to the next."""

    HEDGE_DROPPED = "hedge_dropped"
    CERTAINTY_UPGRADED = "certainty_upgraded"
    ATTRIBUTION_LOST = "attribution_lost"
    ATTRIBUTION_GARBLED = "attribution_garbled"
    SPECULATION_AS_FACT = "speculation_as_fact"
    EXAGGERATION = "exaggeration"
    DETAIL_CHANGED = "detail_changed"


@dataclass(frozen=True, slots=True)
class DriftEvent:
    """One change between a version and the one it retold, with both phrasings quoted.

    ``phrase`` is a span of ``article_id``'s text, ``earlier_phrase`` one of
    ``earlier_article_id``'s; ``severity`` in [0, 1] ranks what a fact-checker should see first.
    """

    article_id: str
    earlier_article_id: str
    type: DriftType
    phrase: Span
    earlier_phrase: Span
    explanation: str
    severity: float


@dataclass(frozen=True, slots=True)
class Story:
    """The versions of one news event in the corpus and how it travelled between them.

    ``ultimate_sources`` are the innermost sources the story's claims rest on (the people,
    documents and bodies at the far end of the chains), most-cited first;
    ``other_language_ids`` the versions in another language that joined it (by the names,
    numbers and outlets they share), not analysed, so in no copy, citation or drift.
    """

    id: str
    title: str
    article_ids: tuple[str, ...]
    origin: Origin
    ultimate_sources: tuple[Source, ...] = ()
    copies: tuple[CopyEdge, ...] = ()
    citations: tuple[Citation, ...] = ()
    families: tuple[ClaimFamily, ...] = ()
    drift: tuple[DriftEvent, ...] = ()
    other_language_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Trace:
    """The story trace of a corpus: every input article and the stories they form."""

    articles: tuple[TracedArticle, ...]
    stories: tuple[Story, ...]
    schema: str = TRACE_SCHEMA


_Record = TypeVar("_Record")


def shifted(value: _Record, offset: int) -> _Record:
    """``value`` (a span, or a record or tuple holding spans) with every span moved by
    ``offset`` characters: what was found in a piece of a text, placed in the whole text."""
    if offset == 0:
        return value
    return _with_spans(value, lambda span: span.shifted(offset))


def resliced(value: _Record, text: str) -> _Record:
    """``value`` with every span's characters read again from ``text``: what was found in
    a copy of the text made for the parser (line wraps as spaces) quoted as given."""
    return _with_spans(value, lambda span: Span.of(text, span.start, span.end))


def _with_spans(value: _Record, change: Callable[[Span], Span]) -> _Record:
    if isinstance(value, Span):
        return change(value)  # type: ignore[return-value]
    if isinstance(value, tuple):
        return tuple(_with_spans(item, change) for item in value)  # type: ignore[return-value]
    if is_dataclass(value) and not isinstance(value, type):
        changed = {f.name: _with_spans(getattr(value, f.name), change) for f in fields(value)}
        return replace(value, **changed)
    return value
