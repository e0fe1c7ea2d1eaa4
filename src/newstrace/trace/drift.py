"""How a claim changed from one version to the next, quoted from both texts.

A claim pair (the retelling's claim and the claim it retold) is compared on what the ledger
knows (certainty level and cues, source and chain, kind) and on a word diff of the two
phrasings, which finds the changed words to quote. Each check is one function; a change is
reported once, under the most specific type.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from importlib import resources

from newstrace.model import (
    CertaintyLevel,
    Claim,
    ClaimKind,
    DriftEvent,
    DriftType,
    Ledger,
    Source,
    SourceKind,
    Span,
)
from newstrace.trace.text import STOPWORDS, Token, tokens

# How much each type of change matters to a fact-checker, before the claim's check-worthiness.
SEVERITY = {
    DriftType.SPECULATION_AS_FACT: 0.9,
    DriftType.ATTRIBUTION_GARBLED: 0.8,
    DriftType.HEDGE_DROPPED: 0.7,
    DriftType.DETAIL_CHANGED: 0.7,
    DriftType.ATTRIBUTION_LOST: 0.6,
    DriftType.CERTAINTY_UPGRADED: 0.6,
    DriftType.EXAGGERATION: 0.6,
}
_UNSURE = {CertaintyLevel.SPECULATIVE, CertaintyLevel.CONDITIONAL}
_PLAIN = {CertaintyLevel.ASSERTED, CertaintyLevel.ATTRIBUTED}
_SPECULATIVE_KINDS = {ClaimKind.SPECULATION}
_FACT_KINDS = {ClaimKind.EVENT, ClaimKind.STATEMENT, ClaimKind.BACKGROUND}
_UNNAMED = {SourceKind.ANONYMOUS_PERSON, SourceKind.UNNAMED_GROUP}
_NUMBER = re.compile(r"\d")
# A diff block longer than this is a rewritten passage, not a changed word or two.
MAX_CHANGED_WORDS = 6


@dataclass(frozen=True, slots=True)
class Lexicon:
    scales: tuple[tuple[str, ...], ...]
    universal: frozenset[str]
    weak: frozenset[str]
    boosters: frozenset[str]
    hedges: tuple[str, ...]
    dates: frozenset[str]
    number_words: frozenset[str]
    generic_source_words: frozenset[str]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw = json.loads(resources.files("newstrace.trace").joinpath("lexicons/drift.json").read_text())
    return Lexicon(
        tuple(tuple(scale) for scale in raw["scales"]),
        frozenset(raw["universal"]),
        frozenset(raw["weak_commitment"]),
        frozenset(raw["boosters"]),
        tuple(raw["hedge_words"]),
        frozenset(raw["months"]),
        frozenset(raw["number_words"]),
        frozenset(raw["generic_source_words"]),
    )


@dataclass(frozen=True, slots=True)
class Version:
    """One side of a comparison: an article's ledger and one of its claims, tokenised."""

    article_id: str
    ledger: Ledger
    claim: Claim

    @property
    def text(self) -> str:
        return self.ledger.article.text

    @property
    def words(self) -> list[Token]:
        return tokens(self.text, self.claim.span.start, self.claim.span.end)


@dataclass(frozen=True, slots=True)
class Change:
    """A block of the word diff: parent words ``[i1, i2)`` became child words ``[j1, j2)``."""

    i1: int
    i2: int
    j1: int
    j2: int


def claim_drift(
    child: Version, parent: Version, is_outlet: Callable[[Source], bool] = lambda s: False
) -> list[DriftEvent]:
    """Every change between a claim and the claim it retold, most specific type first.

    ``is_outlet`` tells which sources are news outlets: crediting the outlet one took a story
    from instead of its source is relaying, reported as a citation, not as drift.
    """
    child_words, parent_words = child.words, parent.words
    changes = _diff(parent_words, child_words)
    events: list[DriftEvent] = []
    speculation = _speculation_as_fact(child, parent, changes, child_words, parent_words)
    if speculation:
        events.append(speculation)
    else:
        events.extend(_certainty_changes(child, parent, changes, child_words, parent_words))
    events.extend(_attribution_changes(child, parent, is_outlet))
    for change in changes:
        events.extend(_wording_changes(child, parent, change, child_words, parent_words))
    return events


def credit_dropped(
    child_id: str,
    child: Ledger,
    parent_id: str,
    parent: Ledger,
    parent_cue: Span,
    child_phrase: Span,
) -> DriftEvent:
    """A copy that leaves out the credit line its source carried."""
    return _event(
        DriftType.ATTRIBUTION_LOST,
        child_id,
        parent_id,
        child_phrase,
        parent_cue,
        f"the copy drops the credit '{parent_cue.text}'",
        0.5,
    )


# --- the checks -------------------------------------------------------------------------------


def _speculation_as_fact(child, parent, changes, child_words, parent_words) -> DriftEvent | None:
    was_unsure = parent.claim.certainty.level in _UNSURE or parent.claim.kind in _SPECULATIVE_KINDS
    now_fact = child.claim.certainty.level in _PLAIN and child.claim.kind in _FACT_KINDS
    gain = child.claim.certainty.score - parent.claim.certainty.score
    if not (was_unsure and now_fact and gain >= 0.15):
        return None
    child_lower = f" {' '.join(word.lower for word in child_words)} "
    dropped = [
        c for c in _hedge_cues(parent, parent_words) if f" {c.text.lower()} " not in child_lower
    ]
    if not dropped:
        return None
    cue = dropped[0]
    phrase, earlier = _quote(child, parent, changes, child_words, parent_words, near=cue)
    return _event(
        DriftType.SPECULATION_AS_FACT,
        child.article_id,
        parent.article_id,
        phrase,
        earlier,
        f"put as fact ({child.claim.certainty.level}) what was "
        f"{parent.claim.certainty.level} ('{earlier.text}')",
        max(child.claim.checkworthy, parent.claim.checkworthy),
    )


def _certainty_changes(child, parent, changes, child_words, parent_words) -> Iterator[DriftEvent]:
    gain = child.claim.certainty.score - parent.claim.certainty.score
    child_lower = " ".join(word.lower for word in child_words)
    dropped = [
        cue
        for cue in _hedge_cues(parent, parent_words)
        if f" {cue.text.lower()} " not in f" {child_lower} "
    ]
    if dropped and gain > 0.05:
        cue = dropped[0]
        phrase, earlier = _quote(child, parent, changes, child_words, parent_words, near=cue)
        upgraded = _replaced_by(changes, parent_words, child_words, cue, lexicon().boosters)
        kind = DriftType.CERTAINTY_UPGRADED if upgraded else DriftType.HEDGE_DROPPED
        yield _event(
            kind,
            child.article_id,
            parent.article_id,
            phrase,
            earlier,
            f"'{cue.text}' dropped" + (f", now '{upgraded}'" if upgraded else ""),
            max(child.claim.checkworthy, parent.claim.checkworthy),
        )
        return
    for change in changes:
        before = {w.lower for w in parent_words[change.i1 : change.i2]}
        after = {w.lower for w in child_words[change.j1 : change.j2]}
        weak, strong = before & lexicon().weak, after & lexicon().boosters
        if weak and strong and not (before & strong):
            phrase, earlier = _spans(child, parent, change, child_words, parent_words)
            yield _event(
                DriftType.CERTAINTY_UPGRADED,
                child.article_id,
                parent.article_id,
                phrase,
                earlier,
                f"'{sorted(weak)[0]}' became '{sorted(strong)[0]}'",
                max(child.claim.checkworthy, parent.claim.checkworthy),
            )
            return


def _attribution_changes(child: Version, parent: Version, is_outlet) -> Iterator[DriftEvent]:
    was, now = parent.claim.attribution, child.claim.attribution
    if was.source.kind == SourceKind.THE_ARTICLE or is_outlet(was.source) or is_outlet(now.source):
        return
    earlier = _attribution_span(parent)
    if now.source.kind == SourceKind.THE_ARTICLE:
        yield _event(
            DriftType.ATTRIBUTION_LOST,
            child.article_id,
            parent.article_id,
            child.claim.span,
            earlier,
            f"no longer credited: '{was.source.name}' ({was.source.kind}) is gone",
            max(child.claim.checkworthy, parent.claim.checkworthy),
        )
    elif not _same_source(now.source, was.source):
        yield _event(
            DriftType.ATTRIBUTION_GARBLED,
            child.article_id,
            parent.article_id,
            _attribution_span(child),
            earlier,
            f"credited to '{now.source.name}' ({now.source.kind}), "
            f"not '{was.source.name}' ({was.source.kind})",
            max(child.claim.checkworthy, parent.claim.checkworthy),
        )


def _wording_changes(child, parent, change, child_words, parent_words) -> Iterator[DriftEvent]:
    before = parent_words[change.i1 : change.i2]
    after = child_words[change.j1 : change.j2]
    if not after or len(before) > MAX_CHANGED_WORDS or len(after) > MAX_CHANGED_WORDS:
        return  # a rewritten passage, not a changed detail: its claims are compared instead
    score = max(child.claim.checkworthy, parent.claim.checkworthy)
    detail = _detail(before, after, parent.text, child.text)
    if detail:
        phrase, earlier = _spans(child, parent, change, child_words, parent_words)
        yield _event(
            DriftType.DETAIL_CHANGED,
            child.article_id,
            parent.article_id,
            phrase,
            earlier,
            detail,
            score,
        )
    stronger = _stronger(before, after)
    if stronger:
        phrase, earlier = _spans(child, parent, change, child_words, parent_words)
        yield _event(
            DriftType.EXAGGERATION,
            child.article_id,
            parent.article_id,
            phrase,
            earlier,
            stronger,
            score,
        )


# --- what counts as a change --------------------------------------------------------------------


def _hedge_cues(version: Version, words: list[Token]) -> list[Span]:
    """The hedges of a claim: its ledger cues (not negation or 'if'), else hedge words."""
    cues = [
        cue
        for cue in version.claim.certainty.cues
        if cue.text.lower() not in {"if", "then", "unless", "not", "n't", "no", "never"}
    ]
    if cues:
        return cues
    text = version.text
    found = []
    joined = " ".join(w.lower for w in words)
    for hedge in lexicon().hedges:
        if f" {hedge} " in f" {joined} ":
            first = hedge.split()[0]
            token = next(w for w in words if w.lower == first)
            found.append(Span.of(text, token.start, token.start + len(hedge)))
    return found


def _detail(before: list[Token], after: list[Token], old: str, new: str) -> str | None:
    """A number, a date or a name that became another one."""
    lex = lexicon()

    def numbers(words):
        return {w.lower for w in words if _NUMBER.search(w.lower) or w.lower in lex.number_words}

    def dates(words):
        return {w.lower for w in words if w.lower in lex.dates}

    def names(words, text):
        return {
            w.lower
            for w in words
            if text[w.start].isupper()
            and w.lower not in lex.dates
            and w.lower not in STOPWORDS
            and not _starts_sentence(text, w.start)
        }

    for pick in (numbers, dates):
        was, now = pick(before), pick(after)
        if was and now and was != now:
            return f"'{' '.join(sorted(was))}' became '{' '.join(sorted(now))}'"
    was, now = names(before, old), names(after, new)
    if was and now and not (was & now):
        return f"'{' '.join(sorted(was))}' became '{' '.join(sorted(now))}'"
    return None


def _starts_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].strip()
    return not before or before[-1] in '.!?"“:\n'


def _stronger(before: list[Token], after: list[Token]) -> str | None:
    """Stronger wording or wider scope: up a scale ("rose" to "soared"), or a new "all"."""
    lex = lexicon()
    old = " ".join(w.lower for w in before)
    new = " ".join(w.lower for w in after)
    for scale in lex.scales:
        was = [rank for rank, word in enumerate(scale) if f" {word} " in f" {old} "]
        now = [rank for rank, word in enumerate(scale) if f" {word} " in f" {new} "]
        if was and now and max(now) > max(was):
            return f"'{scale[max(was)]}' became '{scale[max(now)]}'"
    widened = {w.lower for w in after} & lex.universal
    if widened and before and not ({w.lower for w in before} & lex.universal):
        return f"'{old}' became '{new}' (wider scope)"
    return None


def _same_source(a: Source, b: Source) -> bool:
    """The same source, allowing for a shorter or fuller name ("a spokesman for the Fire
    District" and "the Fire District"), or two unnamed sources."""
    if a.kind in _UNNAMED and b.kind in _UNNAMED:
        return True
    words_a, words_b = _source_words(a), _source_words(b)
    if words_a & words_b:
        return True
    return not words_a and not words_b and a.kind == b.kind


def _source_words(source: Source) -> set[str]:
    """The distinctive words of a source: its name and how the text names it."""
    texts = [source.name] + [span.text for span in (source.span, source.mention) if span]
    generic = lexicon().generic_source_words
    return {w.lower for text in texts for w in tokens(text)} - generic - STOPWORDS


def _replaced_by(changes, parent_words, child_words, cue: Span, words: frozenset[str]) -> str:
    for change in changes:
        span = parent_words[change.i1 : change.i2]
        if span and span[0].start <= cue.start < span[-1].end:
            found = [w.lower for w in child_words[change.j1 : change.j2] if w.lower in words]
            if found:
                return found[0]
    return ""


# --- quoting both phrasings ---------------------------------------------------------------------


def _diff(before: list[Token], after: list[Token]) -> list[Change]:
    matcher = SequenceMatcher(
        None, [w.lower for w in before], [w.lower for w in after], autojunk=False
    )
    return [
        Change(i1, i2, j1, j2) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"
    ]


def _quote(child, parent, changes, child_words, parent_words, near: Span | None):
    """The changed words nearest ``near`` (a span of the parent), in both versions."""
    if near is not None:
        for change in changes:
            span = parent_words[change.i1 : change.i2]
            touches = span and span[0].start <= near.end and near.start <= span[-1].end
            at = (
                not span
                and change.i1 < len(parent_words)
                and parent_words[change.i1].start >= near.start
            )
            if touches or at:
                return _spans(child, parent, change, child_words, parent_words)
    return child.claim.span, (near if near is not None else parent.claim.span)


def _spans(child, parent, change: Change, child_words, parent_words) -> tuple[Span, Span]:
    """Both sides of a change, widened by a word of context each way so neither is empty."""
    return (
        _window(child.text, child_words, change.j1, change.j2, child.claim.span),
        _window(parent.text, parent_words, change.i1, change.i2, parent.claim.span),
    )


def _window(text: str, words: list[Token], start: int, end: int, fallback: Span) -> Span:
    if not words:
        return fallback
    first = max(0, min(start, len(words) - 1) - 1)
    last = min(len(words) - 1, max(end, start + 1))
    return Span.of(text, words[first].start, words[last].end)


def _attribution_span(version: Version) -> Span:
    """The source and cue of a claim ("a resident told the station"), else the claim."""
    attribution = version.claim.attribution
    parts = [span for span in (attribution.source.span, attribution.cue) if span is not None]
    if not parts:
        return version.claim.span
    return Span.of(version.text, min(p.start for p in parts), max(p.end for p in parts))


def _event(
    kind: DriftType,
    article_id: str,
    earlier_id: str,
    phrase: Span,
    earlier: Span,
    explanation: str,
    checkworthy: float,
) -> DriftEvent:
    severity = round(SEVERITY[kind] * (0.5 + 0.5 * checkworthy), 3)
    return DriftEvent(article_id, earlier_id, kind, phrase, earlier, explanation, severity)
