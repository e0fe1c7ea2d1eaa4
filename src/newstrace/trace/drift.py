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
from newstrace.trace.text import STOPWORDS, Token, sentences, stem, tokens

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
_PLAIN = {CertaintyLevel.ASSERTED, CertaintyLevel.ATTRIBUTED}
_FACT_KINDS = {ClaimKind.EVENT, ClaimKind.STATEMENT, ClaimKind.BACKGROUND}
_UNNAMED = {SourceKind.ANONYMOUS_PERSON, SourceKind.UNNAMED_GROUP}
# Kinds of source that a retelling may swap for one another without changing who speaks
# ("a resident" for "Marion Pike"); moving between families changes the source's role.
_FAMILY = {
    SourceKind.NAMED_PERSON: "person",
    SourceKind.ANONYMOUS_PERSON: "person",
    SourceKind.GOVERNMENT_OFFICIAL: "person",
    SourceKind.ORGANISATION: "body",
    SourceKind.DOCUMENT_REPORT: "document",
    SourceKind.MEDIA_OUTLET: "outlet",
    SourceKind.UNNAMED_GROUP: "group",
}
_NUMBER = re.compile(r"\d")
# A diff block longer than this is a rewritten passage, not a changed word or two ...
MAX_CHANGED_WORDS = 6
# ... except for a widened scope ("about 40 homes on two streets" -> "every household").
MAX_SCOPE_WORDS = 12
# Claims this alike (content-word Dice) are surely one claim retold.
SURE_PAIR = 0.5


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
    vague_source_words: frozenset[str]
    speculation_markers: tuple[str, ...]


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
        frozenset(raw["vague_source_words"]),
        tuple(raw["speculation_markers"]),
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
    child: Version,
    parent: Version,
    is_outlet: Callable[[Source], bool] = lambda s: False,
    likeness: float = 1.0,
) -> list[DriftEvent]:
    """Every change between a claim and the claim it retold, most specific type first.

    ``is_outlet`` tells which sources are news outlets: crediting the outlet one took a story
    from instead of its source is relaying, reported as a citation, not as drift.
    ``likeness`` (0-1) is how surely the two are one claim; below :data:`SURE_PAIR` only
    changed words are reported, not changed certainty or sources, which a wrong pairing fakes.
    """
    child_words, parent_words = child.words, parent.words
    changes = _merged(_diff(parent_words, child_words))
    events: list[DriftEvent] = []
    sure = likeness >= SURE_PAIR
    speculation = _speculation_as_fact(child, parent, changes, child_words, parent_words, sure)
    if speculation:
        events.append(speculation)  # the whole claim changed status: nothing to add on it
    else:
        events.extend(_certainty_changes(child, parent, changes, child_words, parent_words, sure))
        if sure:
            events.extend(_attribution_changes(child, parent, is_outlet))
    for change in changes:
        events.extend(_wording_changes(child, parent, change, child_words, parent_words))
    return events


def credit_dropped(
    child_id: str, child: Ledger, parent_id: str, parent: Ledger, credit: Span
) -> DriftEvent | None:
    """A copy that leaves out a credit its source carried ("as first reported by X"): the
    copy's sentence that retells the credited one, quoted against the credit."""
    sentence = _sentence_around(parent.article.text, credit)
    wanted = _stems(tokens(parent.article.text, *sentence)) - _stems(tokens(credit.text))
    best, best_score = None, 0.0
    for start, end in sentences(child.article.text):
        got = _stems(tokens(child.article.text, start, end))
        score = 2 * len(wanted & got) / (len(wanted) + len(got)) if wanted and got else 0.0
        if score > best_score:
            best, best_score = (start, end), score
    if best is None or best_score < SURE_PAIR:
        return None
    return _event(
        DriftType.ATTRIBUTION_LOST,
        child_id,
        parent_id,
        Span.of(child.article.text, *best),
        credit,
        f"the copy drops the credit '{credit.text}'",
        0.5,
    )


def _sentence_around(text: str, span: Span) -> tuple[int, int]:
    for start, end in sentences(text):
        if start <= span.start < end:
            return start, end
    return span.start, span.end


def _stems(words: list[Token]) -> set[str]:
    return {stem(w.lower) for w in words if w.lower not in STOPWORDS}


# --- the checks -------------------------------------------------------------------------------


def _speculation_as_fact(child, parent, changes, child_words, parent_words, sure):
    """Someone's conjecture ("if ...", "wondered whether", "could be a sign") retold as fact.

    A hedge dropped from a plain report ("may have leaked" -> "leaked") is a dropped hedge;
    it is speculation retold as fact when the earlier claim was a guess, a fear or a
    condition, which its wording or its level shows.
    """
    cue = parent.claim.attribution.cue
    said = [w.lower for w in tokens(cue.text)] if cue else []  # "Islanders *fear* ..."
    parent_lower = f" {' '.join([*said, *(w.lower for w in parent_words)])} "
    conjecture = parent.claim.certainty.level == CertaintyLevel.CONDITIONAL or any(
        f" {marker} " in parent_lower for marker in lexicon().speculation_markers
    )
    now_fact = (
        child.claim.certainty.level in _PLAIN
        or child.claim.kind in _FACT_KINDS
        or not _hedge_cues(child, child_words)  # "is a sign that": no hedge word is left
    )
    gain = child.claim.certainty.score - parent.claim.certainty.score
    if not (conjecture and now_fact and (gain > 0.05 or not _hedge_cues(child, child_words))):
        return None
    dropped = _dropped_hedges(parent, parent_words, _with_cue(child, child_words), sure)
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


def _certainty_changes(child, parent, changes, child_words, parent_words, sure):
    gain = child.claim.certainty.score - parent.claim.certainty.score
    dropped = _dropped_hedges(parent, parent_words, _with_cue(child, child_words), sure)
    if dropped and gain > 0.05:
        cue = dropped[0]
        phrase, earlier = _quote(child, parent, changes, child_words, parent_words, near=cue)
        yield _event(
            DriftType.HEDGE_DROPPED,
            child.article_id,
            parent.article_id,
            phrase,
            earlier,
            f"'{cue.text}' dropped",
            max(child.claim.checkworthy, parent.claim.checkworthy),
        )
        return
    if not sure:
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
    if was.source.kind == SourceKind.THE_ARTICLE or is_outlet(now.source):
        return  # the parent asserts it, or the retelling credits the outlet it relays
    if _hearsay(parent):
        return  # "a video said to show": a hedge, not a source
    earlier = _attribution_span(parent)
    if now.source.kind == SourceKind.THE_ARTICLE:
        if is_outlet(was.source):
            return  # the outlet's own claim, now told without its name: a citation question
        yield _event(
            DriftType.ATTRIBUTION_LOST,
            child.article_id,
            parent.article_id,
            child.claim.span,
            earlier,
            f"no longer credited: '{was.source.name}' ({was.source.kind}) is gone",
            max(child.claim.checkworthy, parent.claim.checkworthy),
        )
    elif _vague(was.source) or _vague(now.source):
        return  # "she", "the company": who is meant is not known well enough to compare
    elif not any(_same_source(now.source, source) for source in (was.source, *was.chain)):
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
    if not after or len(before) > MAX_SCOPE_WORDS or len(after) > MAX_SCOPE_WORDS:
        return  # a rewritten passage, not a changed detail: its claims are compared instead
    score = max(child.claim.checkworthy, parent.claim.checkworthy)
    small = len(before) <= MAX_CHANGED_WORDS and len(after) <= MAX_CHANGED_WORDS
    detail = small and _detail(before, after, parent, child, parent_words, child_words)
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
    stronger = _stronger(before, after, small)
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


def _with_cue(version: Version, words: list[Token]) -> list[Token]:
    """The claim's words with its reporting cue's in front ("*are pushing over* the ridge")."""
    cue = version.claim.attribution.cue
    if cue is None or cue.start >= version.claim.span.start:
        return words
    return tokens(version.text, cue.start, cue.end) + words


def _dropped_hedges(parent: Version, parent_words, child_words, sure: bool) -> list[Span]:
    """The parent's hedges missing from the child claim, where the words they qualified are
    still there (so it is the same statement, less hedged) or the pair is surely one claim."""
    child_lower = f" {' '.join(word.lower for word in child_words)} "
    return [
        cue
        for cue in _hedge_cues(parent, parent_words)
        if f" {cue.text.lower()} " not in child_lower
        and (sure or _anchored(cue, parent_words, child_words))
    ]


def _anchored(cue: Span, parent_words: list[Token], child_words: list[Token]) -> bool:
    """Whether the two content words after the hedge ("may *help older* people") follow
    each other in the retelling too."""
    following = [
        stem(w.lower) for w in parent_words if w.start >= cue.end and w.lower not in STOPWORDS
    ][:2]
    if len(following) < 2:
        return False
    child = [stem(w.lower) for w in child_words if w.lower not in STOPWORDS]
    return any(child[i : i + 2] == following for i in range(len(child) - 1))


def _hedge_cues(version: Version, words: list[Token]) -> list[Span]:
    """The hedges of a claim: its ledger cues that hold a hedge word ("could be a sign",
    "reportedly"; not "if" or "not"), else the hedge words found in it."""
    hedges = lexicon().hedges
    cues = [
        cue
        for cue in version.claim.certainty.cues
        if any(f" {hedge} " in f" {cue.text.lower()} " for hedge in hedges)
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


def _detail(before, after, parent: Version, child: Version, parent_words, child_words):
    """A number, a date or a name that became another one.

    A changed word counts only when the new one is nowhere in the earlier article and the
    old one nowhere in the retold claim: "six days a week to five" and "five days instead
    of six" say the same, and a place named elsewhere in the source was not invented.
    """
    lex = lexicon()
    old_text, new_text = parent.text.lower(), child.text
    new_claim = {_value(w.lower) for w in child_words}

    def numbers(words, text):
        return {
            _value(w.lower) for w in words if _NUMBER.search(w.lower) or w.lower in lex.number_words
        }

    def dates(words, text):
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

    for pick in (numbers, dates, names):
        was, now = pick(before, parent.text), pick(after, new_text)
        new = {
            w for w in now - was if not re.search(rf"(?<![\w.,]){re.escape(w)}(?![\w])", old_text)
        }
        gone = {w for w in was - now if w not in new_claim}
        if new and gone:
            return f"'{' '.join(sorted(gone))}' became '{' '.join(sorted(new))}'"
    return None


def _value(word: str) -> str:
    """A number word as its value, so "£180m" and "180 million" meet: "1,200" -> "1200"."""
    word = word.replace(",", "").lstrip("£$€")
    return word[:-1] if word[:-1].replace(".", "").isdigit() and word[-1] in "mkb" else word


def _starts_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].strip()
    return not before or before[-1] in '.!?"“:\n'


def _stronger(before: list[Token], after: list[Token], small: bool = True) -> str | None:
    """Stronger wording or wider scope: up a scale ("rose" to "soared"), or a new "all"
    (not "all seven" for "the seven": the same count). Scales only within a small change."""
    lex = lexicon()
    old = " ".join(w.lower for w in before)
    new = " ".join(w.lower for w in after)
    for scale in lex.scales if small else ():
        was = [rank for rank, word in enumerate(scale) if f" {word} " in f" {old} "]
        now = [rank for rank, word in enumerate(scale) if f" {word} " in f" {new} "]
        if was and now and max(now) > max(was):
            return f"'{scale[max(was)]}' became '{scale[max(now)]}'"
    widened = {
        w.lower
        for w, following in zip(after, [*after[1:], None], strict=True)
        if w.lower in lex.universal and not (following and following.is_number)
    }
    if widened and before and not ({w.lower for w in before} & lex.universal):
        return f"'{old}' became '{new}' (wider scope)"
    return None


def _same_source(a: Source, b: Source) -> bool:
    """The same source as far as the text tells: two unnamed sources, names that share a
    word ("a spokesman for the Fire District", "the Fire District"), or one without a name
    of the same kind; not a source of another kind (officials retold as "experts")."""
    if a.kind in _UNNAMED and b.kind in _UNNAMED:
        return True
    words_a, words_b = _source_words(a), _source_words(b)
    if words_a and words_b:
        return bool(words_a & words_b)
    return _FAMILY.get(a.kind) == _FAMILY.get(b.kind)


def _hearsay(version: Version) -> bool:
    """Whether the claim's cue is the hedge "said to" ("is said to be") and not a source."""
    cue = version.claim.attribution.cue
    return cue is not None and version.text[cue.end : cue.end + 4].lower() == " to "


def _vague(source: Source) -> bool:
    """A pronoun or a bare description ("it", "the company") rather than a source's name."""
    if source.span is None:
        return False
    words = [w.lower for w in tokens(source.span.text)]
    return all(w in STOPWORDS or w in lexicon().vague_source_words for w in words)


def _source_words(source: Source) -> set[str]:
    """The proper-name words of a source ("Tallis", "Harlan"), from its name and mentions."""
    texts = [source.name] + [span.text for span in (source.span, source.mention) if span]
    generic = lexicon().generic_source_words
    return (
        {w.lower for text in texts for w in tokens(text) if text[w.start].isupper()}
        - generic
        - STOPWORDS
    )


# --- quoting both phrasings ---------------------------------------------------------------------


def _diff(before: list[Token], after: list[Token]) -> list[Change]:
    matcher = SequenceMatcher(
        None, [w.lower for w in before], [w.lower for w in after], autojunk=False
    )
    return [
        Change(i1, i2, j1, j2) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"
    ]


def _merged(changes: list[Change]) -> list[Change]:
    """Changes one equal word apart as one: "the island of Brask" -> "Bresk island" is one
    change, though the diff keeps "island" in common."""
    merged: list[Change] = []
    for change in changes:
        last = merged[-1] if merged else None
        if last and change.i1 - last.i2 <= 1 and change.j1 - last.j2 <= 1:
            merged[-1] = Change(last.i1, change.i2, last.j1, change.j2)
        else:
            merged.append(change)
    return merged


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
