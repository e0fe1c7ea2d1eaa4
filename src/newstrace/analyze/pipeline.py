"""The claim-ledger pipeline: parse each article once, then let each stage read the parse.

Stages, in order: language check, passages in another language (left out of the claims),
spaCy parse (batched with ``nlp.pipe``), credit line,
attribution extraction, source resolution and chains, the article's own assertions,
certainty, claim kind, check-worthiness, sources table. Each stage lives in its own module;
this one only runs them in order and builds the :class:`~newstrace.model.Ledger`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from functools import cached_property

from spacy.tokens import Doc

from newstrace.analyze.attribution import Extractor, load_extractor
from newstrace.analyze.attribution.extractor import cue_lexicon
from newstrace.analyze.certainty import CertaintyAssessor
from newstrace.analyze.chains import build_attributions, outlet_chain, the_article
from newstrace.analyze.checkworthy import CheckworthyScorer
from newstrace.analyze.claims import (
    alleged_acts,
    article_attribution,
    asserted_spans,
    certainty_region,
    extent,
    is_open_question,
    is_page_label,
    is_proposition,
    is_sign_off,
    is_tip_line,
    names_no_report,
    not_known,
    one_per_span,
    per_sentence,
    refusal_claim,
    reports_a_deed,
    sentence_bounds,
    source_after_according,
    unanswered,
    up_to_the_credit,
    with_own_subject,
)
from newstrace.analyze.credit import credit_region, find_credit
from newstrace.analyze.kinds import classify_kind
from newstrace.analyze.nlp import PIECE_CHARS, for_parser, load_nlp, pieces, text_of
from newstrace.analyze.quotations import (
    continued_from,
    quoted_again,
    reopened,
    run_ons,
    standalone_quotes,
)
from newstrace.analyze.source_check import SourceCheck
from newstrace.analyze.sources import SourceResolver
from newstrace.errors import EmptyInputError, NewstraceError, UnsupportedLanguageError
from newstrace.ingest import detect_language, foreign_passages, outlet_from_url, truncate_text
from newstrace.ingest.chrome import blank_chrome
from newstrace.model import (
    Article,
    Attribution,
    Claim,
    Ledger,
    Source,
    SourceKind,
    SourceSummary,
    Span,
    resliced,
    shifted,
)

ENGLISH = "en"
LANGUAGE_CONFIDENCE = 0.5


def _named(article: Article) -> str:
    return f"article '{article.id}'" if article.id else "the article"


def _language(
    declared: str | None, text: str, warnings: tuple[str, ...]
) -> tuple[str, tuple[str, ...]]:
    """The article's language: as declared ("en-GB" -> "en"), else identified from the text.

    A short text is often identified wrongly ("Kim cried." scores 0.14): below
    ``LANGUAGE_CONFIDENCE`` the guess is only a warning and the text is read as English.
    """
    if declared:
        return declared.replace("_", "-").split("-")[0].lower(), warnings
    code, confidence = detect_language(text)
    if code == ENGLISH or confidence >= LANGUAGE_CONFIDENCE:
        return code, warnings
    note = f"language uncertain (looks like '{code}' at {confidence:.2f}); read as English"
    return ENGLISH, (*warnings, note)


def _prepared(article: Article) -> tuple[Article, str, tuple[str, ...]]:
    """Check an article can be analysed as English; cap its length. Raises per article."""
    if not article.text.strip():
        raise EmptyInputError(f"{_named(article)} has no text")
    text, warnings = truncate_text(article.text)
    if text is not article.text:
        article = replace(article, text=text)
    language, warnings = _language(article.lang, text, warnings)
    if language != ENGLISH:
        raise UnsupportedLanguageError(
            f"{_named(article)} is in '{language}', not English; newstrace analyses "
            "English only rather than misread other languages"
        )
    return article, language, warnings


def _inside(span: Span, regions: Sequence[Span]) -> bool:
    return any(region.contains(span) for region in regions)


def _mostly_inside(span: Span, regions: Sequence[Span]) -> bool:
    """Whether half or more of ``span``'s characters lie in ``regions`` (which do not overlap)."""
    shared = sum(max(0, min(span.end, r.end) - max(span.start, r.start)) for r in regions)
    return shared * 2 >= span.end - span.start > 0


def _sources_table(claims: list[Claim]) -> tuple[SourceSummary, ...]:
    """Each distinct source in any claim's chain, and how many claims rest on it.

    The outlet asserting a claim itself (kind ``the_article``) is the same source as that
    outlet relaying others, so it is counted under one row with the outlet's own kind.
    """
    counts: Counter[str] = Counter()
    kinds: dict[str, SourceKind] = {}
    for claim in claims:
        chain = claim.attribution.chain
        counts.update({source.name for source in chain})
        for source in chain:
            if kinds.get(source.name, SourceKind.THE_ARTICLE) is SourceKind.THE_ARTICLE:
                kinds[source.name] = source.kind
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return tuple(SourceSummary(name, kinds[name], n) for name, n in rows)


class Analyzer:
    """Turns articles into claim ledgers; models load once, on first use.

    A text longer than ``piece_chars`` is parsed and analysed piece by piece (cut at
    paragraph breaks), so its memory stays bounded; a pronoun at the start of a piece is
    then resolved within the piece only. ``source_check`` replaces the packaged check of
    false sources (:class:`~.source_check.SourceCheck`; training passes one that keeps all).

    >>> Analyzer()("Officials said the bridge will reopen.").claims[0].attribution.source.name
    'Officials'
    """

    def __init__(
        self,
        *,
        batch_size: int = 16,
        piece_chars: int = PIECE_CHARS,
        source_check: SourceCheck | None = None,
    ) -> None:
        self.batch_size = batch_size
        self.piece_chars = piece_chars
        self.source_check = source_check

    @cached_property
    def _nlp(self):
        return load_nlp()

    @cached_property
    def _extractor(self) -> Extractor:
        return load_extractor()

    @cached_property
    def _cue_rates(self) -> dict[str, float]:
        return cue_lexicon()

    @cached_property
    def _certainty(self) -> CertaintyAssessor:
        return CertaintyAssessor.load()

    @cached_property
    def _source_check(self) -> SourceCheck:
        return self.source_check or SourceCheck.load()

    @cached_property
    def _checkworthy(self) -> CheckworthyScorer:
        return CheckworthyScorer.load()

    def __call__(self, article: Article | str) -> Ledger:
        """The ledger of one article; raises a :class:`NewstraceError` if it cannot be made."""
        if isinstance(article, str):
            article = Article(article)
        result = next(self.pipe([article]))
        if isinstance(result, NewstraceError):
            raise result
        return result

    def pipe(self, articles: Iterable[Article]) -> Iterator[Ledger | NewstraceError]:
        """Ledgers in input order; an article that fails yields its error instead."""
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= self.batch_size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def _run_batch(self, batch: list[Article]) -> Iterator[Ledger | NewstraceError]:
        prepared: list[tuple[Article, str, tuple[str, ...]] | NewstraceError] = []
        for article in batch:
            try:
                prepared.append(_prepared(article))
            except NewstraceError as error:
                prepared.append(error)
        short = [
            for_parser(blank_chrome(p[0].text))
            for p in prepared
            if not isinstance(p, NewstraceError) and len(p[0].text) <= self.piece_chars
        ]
        docs = iter(self._nlp.pipe(short, batch_size=self.batch_size))
        for item in prepared:
            if isinstance(item, NewstraceError):
                yield item
                continue
            article, language, warnings = item
            if len(article.text) <= self.piece_chars:
                yield self._ledger(article, [(0, next(docs))], language, warnings)
            else:
                yield self._ledger(article, self._pieces(article.text), language, warnings)

    def _pieces(self, text: str) -> Iterator[tuple[int, Doc]]:
        """A long text parsed one :func:`~.nlp.pieces` piece at a time, with its offset: each
        piece is analysed and let go before the next is parsed, so memory stays bounded and
        time grows with the length, not faster."""
        offset = 0
        for piece in pieces(blank_chrome(text), self.piece_chars):
            yield offset, self._nlp(for_parser(piece).rstrip())  # its break is no part of a claim
            offset += len(piece)

    def _ledger(
        self,
        article: Article,
        docs: Iterable[tuple[int, Doc]],
        language: str,
        warnings: tuple[str, ...],
    ) -> Ledger:
        """The ledger of an article from the Docs of its pieces (one for most articles)."""
        text = article.text
        outlet = article.outlet or (outlet_from_url(article.url) if article.url else None)
        credit = find_credit(text)
        root = outlet_chain(outlet, credit)
        foreign = tuple(foreign_passages(text, language))
        elsewhere = tuple(passage.span for passage in foreign)
        skip = ((credit_region(text, credit[1]),) if credit else ()) + elsewhere
        claims: list[Claim] = []
        for offset, doc in docs:
            piece = (shifted(root, -offset), shifted(skip, -offset), shifted(elsewhere, -offset))
            claims += [shifted(claim, offset) for claim in self._piece_claims(doc, *piece)]
        # the parser read a copy of the text (for_parser): quote every span as given, without
        # the break that copy read as a dateline's or a headline's full stop
        claims = [
            replace(resliced(claim, text), id=f"c{n}", span=_stripped(claim.span, text))
            for n, claim in enumerate(claims, 1)
        ]
        return Ledger(
            article=article,
            language=language,
            outlet=outlet,
            claims=tuple(claims),
            sources=_sources_table(claims),
            credit=credit[0] if credit else None,
            credit_span=credit[1] if credit else None,
            warnings=warnings,
            foreign_passages=foreign,
        )

    def _piece_claims(
        self,
        doc: Doc,
        root: tuple[Source, ...],
        skip: tuple[Span, ...],
        foreign: tuple[Span, ...],
    ) -> list[Claim]:
        """The claims of one parsed text (an article or a piece of it), offsets its own: none
        with its cue in ``skip`` (the credit line, passages in another language) or with most
        of its content in another language (an English "she said:" before a German quote)."""
        text = text_of(doc)
        sentences = sentence_bounds(doc)
        kept = [
            a
            for a in self._extractor.predict(doc)
            if not _inside(a.cue, skip)
            and not _mostly_inside(a.content, foreign)
            and not is_sign_off(_sentence_of(doc, a.cue))
            and not is_page_label(a)
            and not names_no_report(doc, a, self._cue_rates)
        ]
        found = [
            with_own_subject(doc, up_to_the_credit(doc, source_after_according(doc, a)))
            for a in kept
            if not reports_a_deed(doc, a.cue, a.content, self._cue_rates) and not not_known(doc, a)
        ]
        # every attribution names its sources for the ones after it ("the society" after
        # "the Royal Astronomical Society said"); only those that say something are claims
        pieces = [
            piece
            for a in build_attributions(SourceResolver(doc), found, root).values()
            for piece in per_sentence(text, sentences, a)
            if not is_sign_off(piece.content.text)
            and not is_tip_line(_sentence_of(doc, piece.content))
        ]
        propositions = [a for a in pieces if is_proposition(doc, a.content)]
        attributions = self._source_check.kept(doc, propositions, self._cue_rates)
        own_chain = the_article(root)
        # what a source did not say is the article's claim, that they did not say it
        unanswered_ones = [
            unanswered(doc, a, own_chain) for a in pieces if is_open_question(doc, a.content)
        ]
        unanswered_ones += [r for a in kept if (r := refusal_claim(doc, a, own_chain))]
        covered = [extent(a, text) for a in attributions + unanswered_ones]
        runs = run_ons(text) + reopened(text) + standalone_quotes(text) + quoted_again(text)
        own = [
            continued_from(span, attributions, runs) or article_attribution(span, own_chain)
            for span in asserted_spans(doc, covered, skip)
        ]
        alleged = alleged_acts(doc, attributions + own)
        return self._claims(doc, text, one_per_span(attributions + own + unanswered_ones + alleged))

    def _claims(self, doc: Doc, text: str, attributions: list[Attribution]) -> list[Claim]:
        scores = self._checkworthy.score([a.content.text for a in attributions])
        claims = []
        for number, (attribution, worth) in enumerate(zip(attributions, scores, strict=True), 1):
            attributed = attribution.source.kind is not SourceKind.THE_ARTICLE
            region = certainty_region(attribution, text)
            certainty = self._certainty.assess(doc, region, attribution.content, attributed)
            kind = classify_kind(doc, attribution.content, attributed, certainty)
            claims.append(
                Claim(
                    f"c{number}",
                    attribution.content,
                    attribution,
                    certainty,
                    kind,
                    round(float(worth), 4),
                )
            )
        return claims


def _sentence_of(doc: Doc, span: Span) -> str:
    """The text of the sentence ``span`` starts in."""
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    return tokens.sent.text if tokens is not None else span.text


def _stripped(span: Span, text: str) -> Span:
    """``span`` quoted from ``text`` without white space at either end."""
    quoted = text[span.start : span.end]
    start = span.start + len(quoted) - len(quoted.lstrip())
    return Span.of(text, start, max(start, span.end - (len(quoted) - len(quoted.rstrip()))))
