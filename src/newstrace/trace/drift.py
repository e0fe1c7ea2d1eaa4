"""How a claim changed from one version to the next, quoted from both texts.

A claim pair (the retelling's claim and the claim it retold) is compared on what the ledger
knows (certainty level and cues, source and chain) and on a folded word diff of the two
phrasings (:mod:`~newstrace.trace.wording`), which finds the changed words and the phrase
they sit in. The type comes from the comparison: a hedged claim now put plainly dropped its
hedge (or, if it was a guess, turned speculation into fact); a named source swapped for
another garbled the credit; a number, date or name that became another changed a detail; a
move up a lexical scale, a lost approximator or a wider scope exaggerates. Each check is one
function; a change of print alone (quotes, apostrophes, dashes, case) is never drift.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from newstrace.model import (
    CertaintyLevel,
    Claim,
    DriftEvent,
    DriftType,
    Ledger,
    Source,
    SourceKind,
    Span,
)
from newstrace.trace import event_age, event_place, event_time, people, reach
from newstrace.trace.drift_lexicon import lexicon
from newstrace.trace.text import STOPWORDS, Token, per_text, sentences, stem, tokens
from newstrace.trace.wording import Change, changes, fold, phrase, without_possessive

# How much each type of change matters to a fact-checker, before the claim's check-worthiness:
# a guess or a hedge turned into fact and a wrong source first, a changed number last.
SEVERITY = {
    DriftType.SPECULATION_AS_FACT: 0.9,
    DriftType.ATTRIBUTION_GARBLED: 0.8,
    DriftType.HEDGE_DROPPED: 0.75,
    DriftType.EXAGGERATION: 0.7,
    DriftType.CERTAINTY_UPGRADED: 0.65,
    DriftType.DETAIL_CHANGED: 0.6,
    DriftType.ATTRIBUTION_LOST: 0.6,
}
_PLAIN = {CertaintyLevel.ASSERTED, CertaintyLevel.ATTRIBUTED}
_HEDGED = {CertaintyLevel.HEDGED, CertaintyLevel.SPECULATIVE, CertaintyLevel.CONDITIONAL}
_UNNAMED = {SourceKind.ANONYMOUS_PERSON, SourceKind.UNNAMED_GROUP}
# the last word of a body that is a local government speaking ("the city", "Pellin County")
_COUNCILS = frozenset({"city", "county", "town", "village", "township"})
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
_RUN_TOGETHER = re.compile(r"^[a-z]+\.(?=\d)")
_YEAR = re.compile(r"(?:19|20)\d\d")
_PERCENT = frozenset({"per", "percent", "pc"})
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
_DECADE = re.compile(r"\d*0s")
_ABBREVIATION = re.compile(r"(?:^|\W)(?:[A-Z][a-z]{0,3}|[A-Z]\.[A-Z])\.$")
# A diff block longer than this is a rewritten passage, not a changed word or two ...
MAX_CHANGED_WORDS = 6
# ... except for a widened scope ("about 40 homes on two streets" -> "every household").
MAX_SCOPE_WORDS = 12
# Claims this alike (content-word Dice) are surely one claim retold.
SURE_PAIR = 0.5
# A line with at least this share of capitalised words is a headline: its capitals are not names.
TITLE_CASE = 0.6
# ... and so is a line of at most this many words that does not end a sentence.
HEADLINE_WORDS = 14
# A number rounded to within this share of the earlier one ("1,231" -> "1,200") is the same.
ROUNDING = 0.1
# A hedge this many words before a claim's span (outside its cue) still qualifies it.
LEAD_WORDS = 3
# ... and a hedge cue ending this many characters before a claim's span qualifies it.
LEAD_CHARS = 30
# A dropped hedge counts where two of the content words it qualified, of this many, remain.
ANCHOR_WORDS = 3
# ... or, in a sure pair, where the certainty score rose by more than this.
MIN_GAIN = 0.05
# A bare claim keeps its attribution where the same source is credited this many sentences
# before or after it (0, 1 and 2 tried on the drift tune set).
NEARBY_SENTENCES = 1


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

    def quote(self, words: list[Token], start: int, end: int) -> Span:
        """The whole phrase of this claim around its words ``[start, end)``."""
        return phrase(self.text, words, start, end, self.claim.span)


def claim_drift(
    child: Version,
    parent: Version,
    is_outlet: Callable[[Source], bool] = lambda s: False,
    sure: bool = True,
) -> list[DriftEvent]:
    """Every change between a claim and the claim it retold, most specific type first.

    ``is_outlet`` tells which sources are news outlets: crediting the outlet one took a story
    from instead of its source is relaying, reported as a citation, not as drift.
    ``sure`` tells whether the two are surely one claim (:func:`~.align.pair_claims`); if not,
    changed sources and upgraded wording are not reported (a wrong pairing fakes them), and a
    dropped hedge only where the words it qualified are still there.
    """
    child_words, parent_words = child.words, parent.words
    found = changes(parent_words, child_words)
    events = list(_certainty_changes(child, parent, found, child_words, parent_words, sure))
    if (
        sure
        and not any(e.type == DriftType.SPECULATION_AS_FACT for e in events)
        and not _denies(parent, child_words, parent_words)
    ):
        events.extend(_attribution_changes(child, parent, is_outlet))
    for change in found:
        events.extend(_wording_changes(child, parent, change, child_words, parent_words))
    for stretch in reach.stretches(_said(child, child_words), _said(parent, parent_words)):
        if all(e.type != stretch.type for e in events):  # the diff quoted it more closely
            events.append(_stretched(child, parent, stretch, child_words, parent_words))
    return events


def credit_dropped(
    child_id: str, child: Ledger, parent_id: str, parent: Ledger, credit: Span
) -> DriftEvent | None:
    """A copy that leaves out a credit its source carried ("as first reported by X"): the
    copy's sentence that retells the credited one, quoted against the credit."""
    sentence = _sentence_around(parent.article.text, credit)
    wanted = _stems(tokens(parent.article.text, *sentence)) - _stems(tokens(credit.text))
    best, best_score = None, 0.0
    for start, end in _sentences(child.article.text):
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


def details_changed(
    article_id: str, ledger: Ledger, earlier_id: str, earlier: Ledger
) -> list[DriftEvent]:
    """Details a version gives otherwise than the version it retold, whether or not a claim
    around them was paired: a person's age or the spelling of their name
    (:mod:`~newstrace.trace.people`), and the time of day, the street and the age each
    version gives first (:mod:`~newstrace.trace.first_given`)."""
    text, earlier_text = ledger.article.text, earlier.article.text
    found: list[tuple[Span, Span, str]] = []
    for change in people.changes(text, earlier_text):
        now, was = change.later, change.earlier
        said, before = Span.of(text, now.start, now.end), Span.of(earlier_text, was.start, was.end)
        if change.what == "age":
            found.append((said, before, f"{now.first} {now.surname} is {now.age}, was {was.age}"))
        else:
            found.append((said, before, f"'{before.text}' became '{said.text}'"))
    for module, what in ((event_time, "time"), (event_place, "street"), (event_age, "age")):
        if moved := module.changed(text, earlier_text):
            now_at, was_at = moved
            said = Span.of(text, now_at.start, now_at.end)
            before = Span.of(earlier_text, was_at.start, was_at.end)
            told = f"the {what} given first: '{before.text}' became '{said.text}'"
            found.append((said, before, told))
    return [
        _event(DriftType.DETAIL_CHANGED, article_id, earlier_id, said, before, told, 0.5)
        for said, before, told in found
    ]


def _sentence_around(text: str, span: Span) -> tuple[int, int]:
    """The sentence holding the start of ``span`` (the span itself if none does)."""
    ranges = _sentences(text)
    k = _sentence_index(text, span.start)
    if k >= 0 and span.start < ranges[k][1]:
        return ranges[k]
    return span.start, span.end


def _sentence_index(text: str, start: int) -> int:
    """The index of the last sentence of ``text`` starting at or before ``start`` (-1: none)."""
    return bisect_right(_sentences(text), (start, len(text) + 1)) - 1


@per_text
def _sentences(text: str) -> tuple[tuple[int, int], ...]:
    """An article's sentence ranges, found once: every claim compared asks for them."""
    return tuple(sentences(text))


def _credited_nearby(child: Version, source: Source, source_text: str) -> bool:
    """Whether a claim of ``child`` within :data:`NEARBY_SENTENCES` of this one credits
    ``source``: news names a source once for the sentences around it, so a bare sentence
    beside "police said" has not lost its attribution."""
    ranges = _sentences(child.text)
    if not ranges:
        return False
    k = max(_sentence_index(child.text, child.claim.span.start), 0)
    start = ranges[max(k - NEARBY_SENTENCES, 0)][0]
    end = ranges[min(k + NEARBY_SENTENCES, len(ranges) - 1)][1]
    return any(
        start <= claim.span.start < end
        and claim.attribution.source.kind != SourceKind.THE_ARTICLE
        and _same_source(claim.attribution.source, source, child.text, source_text)
        for claim in child.ledger.claims
    )


def _stems(words: list[Token]) -> set[str]:
    return {stem(w.lower) for w in words if w.lower not in STOPWORDS}


# --- the checks -------------------------------------------------------------------------------


def _certainty_changes(child, parent, found, child_words, parent_words, sure):
    """A claim put more firmly than before, judged on what the ledger found: the earlier
    claim's hedge cues ("may", "reportedly") are gone from the retold claim, whose level is
    not hedged, speculative or conditional or whose cues hold no hedge word, where the words
    the hedge qualified remain or the pair is surely one claim put more firmly (a higher
    certainty score). If the earlier claim was a guess, a fear or a condition, speculation
    is now told as fact.
    Otherwise a weak verb swapped for a firm one ("suggests" -> "shows") upgrades it."""
    was, now = parent.claim.certainty, child.claim.certainty
    score = max(child.claim.checkworthy, parent.claim.checkworthy)
    firmer = now.score - was.score > MIN_GAIN
    guess = _conjecture(parent, parent_words)
    if (
        not _denies(parent, child_words, parent_words)
        and not _believed(child)
        and (now.level not in _HEDGED or not _hedge_cues(child))
    ):
        kept = f" {' '.join(fold(w.lower) for w in _with_cue(child, child_words))} "
        dropped = [
            cue
            for cue in _hedge_cues(parent)
            if f" {fold(cue.text)} " not in kept
            and (now.level in _PLAIN or guess)  # "will not survive" denies a guess outright
            and _qualifies(cue, parent.claim.span)
            and (
                _anchored(cue, parent_words, child_words)
                or (sure and firmer and _anchored(cue, parent_words, child_words, 1))
            )
        ]
        if dropped:
            cue = dropped[0]
            phrase_, earlier = _quote(child, parent, found, child_words, parent_words, near=cue)
            kind = DriftType.SPECULATION_AS_FACT if guess else DriftType.HEDGE_DROPPED
            why = f"a guess ('{guess}')" if guess else "hedged"
            yield _event(
                kind,
                child.article_id,
                parent.article_id,
                phrase_,
                earlier,
                f"'{cue.text}' dropped: put firmly ({now.level}) what was {why}",
                score,
            )
            return
    hoped = _conjecture_cue(parent)
    if hoped and now.level == CertaintyLevel.ASSERTED and not _conjecture_cue(child):
        yield _event(
            DriftType.SPECULATION_AS_FACT,
            child.article_id,
            parent.article_id,
            child.claim.span,
            _attribution_span(parent),
            f"put as fact what was only {hoped} ('{parent.claim.attribution.cue.text}')",
            score,
        )
        return
    if not sure:
        return
    for change in found:
        before = {fold(w.lower) for w in parent_words[change.i1 : change.i2]}
        after = {fold(w.lower) for w in child_words[change.j1 : change.j2]}
        weak, strong = before & lexicon().weak, after & lexicon().boosters
        if weak and strong and not (before & strong):
            phrase_, earlier = _spans(child, parent, change, child_words, parent_words)
            yield _event(
                DriftType.CERTAINTY_UPGRADED,
                child.article_id,
                parent.article_id,
                phrase_,
                earlier,
                f"'{sorted(weak)[0]}' became '{sorted(strong)[0]}'",
                score,
            )
            return


def _believed(version: Version) -> bool:
    """Whether a claim is told as what someone believes, suspects or claims ("police believe
    he was shot during a dispute", "a boy who police believe was shot", "the site claimed
    that"): still not put as fact, whatever hedge it dropped."""
    cues = [version.claim.attribution.cue, *version.claim.certainty.cues]
    belief = lexicon().belief_words
    return any(cue is not None and set(fold(cue.text).split()) & belief for cue in cues)


def _denies(parent: Version, child_words: list[Token], parent_words: list[Token]) -> bool:
    """Whether the retelling denies what the earlier claim said: a denial is no hedged report
    or guess put firmly, nor the claim without its source ("no hard evidence it can"; "No,
    Earth is not heading toward a mini ice age" after "could be headed for, researchers have
    warned"), but an open question answered "no" is still told as fact ("whether it can
    survive" -> "will not")."""
    guess = _conjecture(parent, parent_words)
    return guess not in lexicon().open_questions and bool(
        _negations(child_words) - _negations(parent_words)
    )


def _conjecture(version: Version, words: list[Token]) -> str | None:
    """The speculation marker ("if", "wondered whether", "a sign") that makes a claim someone's
    guess rather than a hedged report, in its cue or its words; "if" for a conditional."""
    cue = version.claim.attribution.cue
    said = [fold(w.lower) for w in tokens(cue.text)] if cue else []
    joined = f" {' '.join([*said, *(fold(w.lower) for w in words)])} "
    found = next((m for m in lexicon().speculation_markers if f" {m} " in joined), None)
    if found is None and version.claim.certainty.level == CertaintyLevel.CONDITIONAL:
        return "if"
    return found


def _conjecture_cue(version: Version) -> str | None:
    """The speculation marker of a claim's reporting cue ("they *hope* to carry out ...")."""
    cue = version.claim.attribution.cue
    if cue is None:
        return None
    said = f" {' '.join(fold(w.lower) for w in tokens(cue.text))} "
    return next((m for m in lexicon().speculation_markers if f" {m} " in said), None)


def _official(source: Source, text: str) -> bool:
    """Whether a source speaks for the authorities: an official, or a body or person the
    text names or describes with an official word ("the Hendry County Sheriff's Office",
    "Dr. James Patrick, Lucas County coroner", "Louisville Metro Police spokesman Dwight
    Mitchell", then "Mitchell said"), or as a spokesperson for a public body ("Mark Brady, a
    spokesman for the county department")."""
    if source.kind == SourceKind.GOVERNMENT_OFFICIAL:
        return True
    last = fold(source.name).rsplit(" ", 1)[-1]
    if source.kind == SourceKind.ORGANISATION and last in _COUNCILS:
        return True  # "the city says" for its city manager: the same authorities
    named = source.mention or source.span  # "he" resolved: his fuller mention
    printed = fold(source.name)
    if named is not None:
        printed = " ".join(fold(w.lower) for w in _described(named, text))
    if any(re.search(rf"\b{re.escape(word)}\b", printed) for word in lexicon().official_words):
        return True
    words = set(printed.split())  # "a spokesman for the county department"
    return bool(words & _SPOKESPEOPLE and words & _PUBLIC_BODIES)


def _described(span: Span, text: str) -> list[Token]:
    """A source's mention with the title run before it ("Louisville Metro Police spokesman
    Dwight Mitchell") and the apposition after it ("Mark Brady, a spokesman for the county
    fire department"): the words that say whom a person speaks for."""
    before = tokens(text, max(0, span.start - 60), span.start)
    run: list[Token] = []
    titles = lexicon().person_titles | _SPOKESPEOPLE
    for word in reversed(before):
        if not (text[word.start].isupper() or fold(word.lower).rstrip(".") in titles):
            break
        run.insert(0, word)
    after = tokens(text, span.end, min(len(text), span.end + 60))[:_APPOSITION]
    if not text[span.end : span.end + 2].startswith(","):
        after = []
    return [*run, *tokens(text, span.start, span.end), *after]


def _family(source: Source, text: str) -> bool:
    """Whether a source is a person's family as its mention, or the words just after it in
    ``text``, describe it ("Family members", "his father's Facebook page", "Rudy Bandemer,
    the boy's older half-brother")."""
    if source.span is None:
        return False
    after = tokens(text, source.span.end, min(len(text), source.span.end + 60))[:_APPOSITION]
    words = {without_possessive(fold(w.lower)) for w in [*tokens(source.span.text), *after]}
    return bool(words & lexicon().family_words)


_SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson"})
_PUBLIC_BODIES = frozenset({"county", "city", "state", "department", "government", "ministry"})
_APPOSITION = 6
"""Words after a source's name that may still describe it ("..., the boy's half-brother")."""


def _attribution_changes(child: Version, parent: Version, is_outlet) -> Iterator[DriftEvent]:
    was, now = parent.claim.attribution, child.claim.attribution
    if was.source.kind == SourceKind.THE_ARTICLE or is_outlet(now.source):
        return  # the parent asserts it, or the retelling credits the outlet it relays
    if is_outlet(was.source) and len(was.chain) < 2 and now.source.kind != SourceKind.THE_ARTICLE:
        return  # the outlet's own source, which it did not name, named now: relaying too
    if _hearsay(parent):
        return  # "a video said to show": a hedge, not a source
    earlier = _attribution_span(parent)
    if now.source.kind == SourceKind.THE_ARTICLE:
        if is_outlet(was.source):
            return  # the outlet's own claim, now told without its name: a citation question
        if _credited_nearby(child, was.source, parent.text):
            return  # "A boy died Sunday. Police said ...": the paragraph still names them
        if was.source.span is None:
            return  # "was pronounced dead": no one was named, so no one's name is lost
        if _official(was.source, parent.text) or _family(was.source, parent.text):
            # what police or officials gave out about the event, later told as established
            # fact: routine in news, and not what the GVA tune set's readers labelled (1 of
            # 9 such losses); a witness's, a family's or an outlet's account losing its name
            # is still reported
            return
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
    elif not (_source_words(was.source, parent.text) or _source_words(now.source, child.text)):
        return  # two descriptions ("the study", "researchers"): no name was changed
    elif (
        _official(was.source, parent.text)
        and _official(now.source, child.text)
        and not (_source_words(was.source, parent.text) and _source_words(now.source, child.text))
    ):
        return  # "Police said" for "the Jacksonville Sheriff's Office": the same authorities
    elif now.source.kind == SourceKind.DOCUMENT_REPORT and not _source_words(
        now.source, child.text
    ):
        return  # "a recent study" for its author: the finding is still the study's
    elif not any(
        _same_source(now.source, source, child.text, parent.text)
        for source in (was.source, *(link for link in was.chain if _relays(link, now.source)))
    ):
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
    if len(before) > MAX_SCOPE_WORDS or len(after) > MAX_SCOPE_WORDS:
        return  # a rewritten passage, not a changed detail: its claims are compared instead
    score = max(child.claim.checkworthy, parent.claim.checkworthy)
    small = len(before) <= MAX_CHANGED_WORDS and len(after) <= MAX_CHANGED_WORDS
    detail = small and _detail(before, after, parent, child, child_words)
    stronger = _stronger(change, parent_words, child_words, small)
    for kind, why in ((DriftType.DETAIL_CHANGED, detail), (DriftType.EXAGGERATION, stronger)):
        if why:
            phrase_, earlier = _spans(child, parent, change, child_words, parent_words)
            yield _event(kind, child.article_id, parent.article_id, phrase_, earlier, why, score)


# --- what counts as a change --------------------------------------------------------------------


def _with_cue(version: Version, words: list[Token]) -> list[Token]:
    """The claim's words with its reporting cue's in front ("*are pushing over* the ridge"),
    and the words just before the claim in its sentence ("said champagne *could* | help"):
    a hedge the claim's span leaves out still qualifies it."""
    start = version.claim.span.start
    sentence, _ = _sentence_around(version.text, version.claim.span)
    lead = tokens(version.text, sentence, start)[-LEAD_WORDS:]
    cue = version.claim.attribution.cue
    if cue is None or cue.start >= start:
        return lead + words
    return tokens(version.text, cue.start, cue.end) + lead + words


def _negations(words: list[Token]) -> set[str]:
    return {fold(w.lower) for w in words} & lexicon().negations


def _qualifies(cue: Span, claim: Span) -> bool:
    """Whether a hedge cue sits in the claim or just before it ("allegedly" elsewhere in the
    sentence qualifies another part of it)."""
    return claim.start - LEAD_CHARS <= cue.end and cue.start <= claim.end


def _anchored(
    cue: Span, parent_words: list[Token], child_words: list[Token], needed: int = 2
) -> bool:
    """Whether the retelling still says what the hedge qualified: ``needed`` of the three
    content words after it ("could *help prevent dementia*") are in the retold claim."""
    qualified = {
        stem(fold(w.lower)) for w in parent_words if w.start >= cue.end and w.lower not in STOPWORDS
    }
    first = sorted(qualified, key=[stem(fold(w.lower)) for w in parent_words].index)
    child = {stem(fold(w.lower)) for w in child_words}
    return sum(w in child for w in first[:ANCHOR_WORDS]) >= needed


def _hedge_cues(version: Version) -> list[Span]:
    """The cues that made the ledger call a claim hedged that hold a hedge word ("could be a
    sign", "reportedly"; not "up to", "expected to" or "not")."""
    cues = version.claim.certainty.cues
    hedged = [
        cue
        for cue in cues
        if any(f" {hedge} " in f" {fold(cue.text)} " for hedge in lexicon().hedges)
    ]
    return hedged


def _detail(before, after, parent: Version, child: Version, child_words):
    """A number, a date or a name that became another one.

    A changed word counts only when the new one is nowhere in the earlier article and the
    old one nowhere in the retold claim: "six days a week to five" and "five days instead
    of six" say the same, and a place named elsewhere in the source was not invented. A
    share is compared with the earlier article's shares only: "drop by 50%" retold from
    "plummet by around 60 per cent" changed it, though the source counts "50 sunspots".
    """
    lex = lexicon()
    old_text = fold(parent.text)
    new_claim = {_value(fold(w.lower)) for w in child_words}

    def numbers(words, text):
        return {
            _value(fold(w.lower))
            for w in words
            if (_NUMBER.search(w.lower) or w.lower in lex.number_words)
            and not event_time.inside_time(text, w.start)
        }

    def dates(words, text):
        said = (lex.date_abbreviations.get(w.lower, w.lower) for w in words)
        return {word for word in said if word in lex.dates}

    def names(words, text):
        return {
            lex.name_abbreviations.get(fold(w.lower), fold(w.lower))
            for w in words
            if _is_name(text, w)
            and lex.date_abbreviations.get(w.lower, w.lower) not in lex.dates
            and not _NUMBER.search(w.lower)
        }

    shares = _percentages(after, child.text) - _percentages_in(parent.text)
    for pick in (numbers, dates, names):
        was, now = pick(before, parent.text), pick(after, child.text)
        new = {
            w
            for w in now - was
            if w in shares
            or (
                w not in _values_in(parent.text)
                and not re.search(rf"(?<![\w.,]){re.escape(w)}(?![\w])", old_text)
            )
        }
        gone = {w for w in was - now if w not in new_claim}
        if pick is numbers and (_rounded(gone, new) or _other_measures(gone, new, before, after)):
            continue
        if pick is names and gone | new <= lex.place_heads:
            continue  # "Eskenazi Hospital" called "Eskenazi Health": one place, named otherwise
        if pick is dates and _told_closer(gone, new):
            continue
        if pick is names and (
            _place_misspelt(gone, new, before, after, parent.text, child.text)
            or _place_told_closer(gone, new, before, after, parent.text, child.text)
        ):
            continue
        if new and gone:
            return f"'{' '.join(sorted(gone))}' became '{' '.join(sorted(new))}'"
    return None


def _place_misspelt(gone, new, before, after, old_text: str, new_text: str) -> bool:
    """Whether the changed name is one place's name spelt otherwise: "Eskenazi Hospital"
    printed "Eskanzi Hospital", or "Memorial Hermann Hospital" "Herman Memorial Hospital",
    is a typo, not another hospital (a person's name spelt otherwise is told apart by
    :mod:`~newstrace.trace.people`)."""

    def heads(words: set[str], tokens_: list[Token], text: str) -> dict[str, set[str]]:
        return {
            fold(w.lower): _next_words(text, w) & lexicon().place_heads
            for w in tokens_
            if fold(w.lower) in words
        }

    was, now = heads(gone, before, old_text), heads(new, after, new_text)
    return bool(now) and all(
        head and any(people.alike(old, name) and was[old] & head for old in was)
        for name, head in now.items()
    )


_WEEKEND = frozenset({"saturday", "sunday", "morning", "afternoon", "evening", "night"})


def _told_closer(gone: set[str], new: set[str]) -> bool:
    """Whether one version says "this weekend" where the other names the day ("early
    Sunday morning"): the same time told less (or more) closely."""
    return ({"weekend"} == new and gone <= _WEEKEND) or ({"weekend"} == gone and new <= _WEEKEND)


def _place_told_closer(gone, new, before, after, old_text: str, new_text: str) -> bool:
    """Whether one version names a street where the other names its area: "on Fennimore
    Ave" for "near the campus on Long Island" tells the same place more (or less) closely."""

    def in_street(names: set[str], tokens_: list[Token], text: str) -> bool:
        spans = [(g.start, g.end) for g in event_place.streets(text)]
        named = [w for w in tokens_ if fold(w.lower) in names]
        return bool(named) and all(any(a <= w.start < b for a, b in spans) for w in named)

    areas = lexicon().area_heads
    return bool(
        (gone & areas and in_street(new, after, new_text))
        or (new & areas and in_street(gone, before, old_text))
    )


def _next_words(text: str, word: Token) -> set[str]:
    """The two words after ``word`` in ``text``, folded ("Memorial Hospital" after
    "Herman", "Hospital" after "Hermann")."""
    following = re.findall(r"\w+", text[word.end : word.end + 40])[:2]
    return {fold(w.lower()) for w in following}


def _percentages(words: list[Token], text: str) -> set[str]:
    """The numbers given as shares ("50%", "60 per cent") among ``words``."""
    return {
        _value(fold(word.lower))
        for word, after in _with_next(words)
        if _NUMBER.search(word.lower)
        and (text[word.end : word.end + 1] == "%" or (after and after.lower in _PERCENT))
    }


@per_text
def _percentages_in(text: str) -> frozenset[str]:
    """Every share an article gives: a "50%" retold from "around 50 sunspots" is new."""
    return frozenset(_percentages(tokens(text, 0, len(text)), text))


@per_text
def _values_in(text: str) -> frozenset[str]:
    """Every word of an article as :func:`_value` reads it: "three" there is a "3" retold."""
    return frozenset(_value(fold(w.lower)) for w in tokens(text, 0, len(text)))


def _rounded(gone: set[str], new: set[str]) -> bool:
    """Whether each new number is an earlier one rounded, or told more closely ("1231" ->
    "1200", "the 43000 block" -> "43145": near it, and one of the two written rounder); two
    numbers as round as each other changed ("104" -> "106"), and a year is never rounded
    ("2014" -> "2020" moved the date)."""
    old = [(w, n) for w in gone if (n := _number(w))]
    return all(
        (n := _number(w)) is not None
        and not _YEAR.fullmatch(w)
        and any(abs(n - o) <= ROUNDING * o and _roundness(w) != _roundness(v) for v, o in old)
        for w in new
    )


def _roundness(value: str) -> int:
    """How round a number is written: its trailing zeros, less its decimal places ("1200":
    2, "1231": 0, "2.1": -1), so that "104" -> "106" is no rounding."""
    whole, _, fraction = value.lstrip("-").partition(".")
    if fraction.rstrip("0"):
        return -len(fraction.rstrip("0"))
    return len(whole) - len(whole.rstrip("0"))


def _other_measures(gone: set[str], new: set[str], before, after) -> bool:
    """Whether the old and the new numbers measure different things: other units of time
    ("a 10-month-old" and "a 16-year-old" are two people, not one age changed) or other
    forms (the "2030s" are no "17th" century)."""

    def units(values: set[str], words: list[Token]) -> set[str]:
        pairs = zip(words, words[1:], strict=False)
        return {
            stem(unit.lower)
            for word, unit in pairs
            if _value(fold(word.lower)) in values and stem(unit.lower) in lexicon().rate_units
        }

    def forms(values: set[str]) -> set[str]:
        return {
            "ordinal" if _ORDINAL.fullmatch(v) else "decade" if _DECADE.fullmatch(v) else "count"
            for v in values
        }

    was, now = units(gone, before), units(new, after)
    return bool(was and now and not was & now) or not forms(gone) & forms(new)


def _value(word: str) -> str:
    """A number word as its value, so "£180m" and "180 million" meet: "1,200" -> "1200",
    "ten" -> "10"; a date run together ("Dec.16") is its number."""
    word = lexicon().number_values.get(word, word)
    word = _RUN_TOGETHER.sub("", word.replace(",", "")).lstrip("£$€")
    return word[:-1] if word[:-1].replace(".", "").isdigit() and word[-1] in "mkb" else word


def _is_name(text: str, word: Token) -> bool:
    """A capitalised word inside a sentence of running text: not a sentence's first word,
    nor a word of a headline (a short line with no full stop, or one where every word has
    a capital)."""
    if not text[word.start].isupper() or word.lower in STOPWORDS or _starts_sentence(text, word):
        return False
    line_start = text.rfind("\n", 0, word.start) + 1
    line_end = text.find("\n", word.end)
    line_end = len(text) if line_end < 0 else line_end
    line = tokens(text, line_start, line_end)
    if len(line) <= HEADLINE_WORDS and text[line_start:line_end].rstrip()[-1:] not in '.!?"”':
        return False
    long = [w for w in line if len(w.lower) > 3 and not w.is_number]
    capitals = sum(text[w.start].isupper() for w in long)
    return capitals < TITLE_CASE * len(long)


def _starts_sentence(text: str, word: Token) -> bool:
    """Whether a word opens a sentence, a line or a quotation ("Dr. Spence" does not)."""
    before = text[max(0, word.start - 8) : word.start].rstrip()
    if not before or before[-1] in '!?"“:\n':
        return True
    return before[-1] == "." and not _ABBREVIATION.search(before)


def _stronger(change: Change, parent_words, child_words, small: bool = True) -> str | None:
    """Stronger wording or wider scope: up a scale ("rose" to "soared"), a weaker degree made
    stronger (:func:`_degree`), or a new "all" (not "all seven" for "the seven": the same
    count). Scales and degrees only within a small change."""
    lex = lexicon()
    before = parent_words[change.i1 : change.i2]
    after = child_words[change.j1 : change.j2]
    old = " ".join(fold(w.lower) for w in parent_words[change.i1 : change.i2 + 1])
    new = " ".join(fold(w.lower) for w in child_words[change.j1 : change.j2 + 1])
    for scale in lex.scales if small else ():
        was = [rank for rank, word in enumerate(scale) if f" {word} " in f" {old} "]
        now = [rank for rank, word in enumerate(scale) if f" {word} " in f" {new} "]
        if was and now and max(now) > max(was):
            return f"'{scale[max(was)]}' became '{scale[max(now)]}'"
    degree = small and _degree(change, parent_words, child_words, old, new)
    if degree:
        return f"{degree}: '{_joined(before)}' became '{_joined(after)}'"
    widened = {
        w.lower
        for k, (w, following) in enumerate(_with_next(after))
        if w.lower in lex.universal
        and (small or w.lower in lex.quantifiers)  # "cut eggs out completely" widens nothing
        and not (following and (following.is_number or following.lower in lex.number_words))
        and not _floating(child_words, change.j1 + k)
    }
    if widened and before and not ({w.lower for w in before} & lex.universal):
        return f"'{_joined(before)}' became '{_joined(after)}' (wider scope)"
    return None


_FLOAT_HOSTS = frozenset({"are", "were", "is", "was", "have", "had", "they", "we", "them"})


def _floating(words: list[Token], k: int) -> bool:
    """Whether the universal word at ``k`` floats after a verb or a pronoun ("the victims
    were all treated", "they all said"): it stresses the set already named, widening nothing."""
    return k > 0 and words[k - 1].lower in _FLOAT_HOSTS


def _degree(change: Change, parent_words, child_words, old: str, new: str) -> str | None:
    """A comparison or an amount put more strongly: a downtoner lost while what it
    qualified stays ("almost as bad" to "as bad", "nearly 1 million" to "a million"), an
    approximator lost from a comparison ("about as bad" to "as bad"), a bound raised ("over
    a million"), or an intensifier added ("exponentially higher"). An approximator lost from
    an amount ("around 60 per cent" to "60%") rounds, it does not exaggerate: no labeller of
    the real sets counted one."""
    lex = lexicon()
    soft = lex.downtoners, lex.approximators
    lost = _bound(parent_words, change.i1, change.i2, *soft, amounts=False)
    if lost is not None and _bound(child_words, change.j1, change.j2, *soft) is None:
        qualified = {fold(w.lower) for w in parent_words[lost + 1 : lost + 3]}
        window = child_words[change.j1 : change.j2 + 2]
        kept = {fold(w.lower) for w in window}
        hedged = kept & set(lex.hedges)
        amount = any(_is_amount(w) for w in qualified) and any(_is_amount(w) for w in kept)
        if not hedged and (qualified & kept or amount):
            return f"'{fold(parent_words[lost].lower)}' dropped"
    raised = _bound(child_words, change.j1, change.j2, frozenset(), lex.exceeders)
    if (
        raised is not None
        and _bound(parent_words, change.i1, change.i2, frozenset(), lex.exceeders) is None
        and not _smaller(child_words[raised + 1 : raised + 3], parent_words[change.i1 : change.i2])
    ):
        return f"'{fold(child_words[raised].lower)}' added"
    added = [x for x in lex.intensifiers if f" {x} " in f" {new} " and f" {x} " not in f" {old} "]
    return f"'{added[0]}' added" if added else None


def _bound(
    words: list[Token],
    start: int,
    end: int,
    always: frozenset[str],
    before_amount: frozenset[str],
    amounts: bool = True,
) -> int | None:
    """The first degree word in ``words[start:end]``: one of ``always`` ("almost"), or one of
    ``before_amount`` ("about", "over") where a comparison ("as") follows, or an amount
    unless ``amounts`` is False."""
    for k in range(start, end):
        word = fold(words[k].lower)
        following = [fold(w.lower) for w in words[k + 1 : k + 3]]
        compared = bool(following) and following[0] == "as"
        amount = amounts and any(map(_is_amount, following))
        if word in always or (word in before_amount and (compared or amount)):
            return k
    return None


def _smaller(bounded: list[Token], before: list[Token]) -> bool:
    """Whether the amount after a new "at least" or "over" is below the amount it replaced
    ("at least seven years" before parole, for "20 years"): another amount, not a bound
    raised."""

    def values(words: list[Token]) -> list[float]:
        return [n for w in words if (n := _number(_value(fold(w.lower)))) is not None]

    now, was = values(bounded), values(before)
    return bool(now and was) and max(now) < max(was)


def _number(word: str) -> float | None:
    """A value as :func:`_value` writes it, as a number ("1200" -> 1200.0), or None."""
    try:
        return float(word)
    except ValueError:
        return None


def _is_amount(word: str) -> bool:
    return bool(_NUMBER.search(word)) or word in lexicon().number_words


def _with_next(words: list[Token]) -> list[tuple[Token, Token | None]]:
    return [(w, words[k + 1] if k + 1 < len(words) else None) for k, w in enumerate(words)]


def _joined(words: list[Token]) -> str:
    return " ".join(w.lower for w in words)


# bodies named after who holds them: "Voss's office", "the mayor's office"
_OFFICES = frozenset({"office", "offices", "campaign"})


def _same_source(a: Source, b: Source, text_a: str, text_b: str) -> bool:
    """The same source as far as the text tells: two unnamed sources, names that share a
    word ("a spokesman for the Fire District", "the Fire District"), or one without a name
    of the same kind; not a source of another kind (officials retold as "experts"). Two
    sources with one canonical name are one, whatever kind each was given."""
    if a.kind in _UNNAMED and b.kind in _UNNAMED or fold(a.name) == fold(b.name):
        return True
    for office, other in ((a, b), (b, a)):
        holder = _holder(office.name)
        if holder and holder <= set(fold(other.name).split()):
            return True  # "Voss's office" and "a spokesperson for Voss": her office speaks
    names = set(fold(a.name).split()), set(fold(b.name).split())
    if min(names, key=len) < max(names, key=len) and a.name[:1].isupper() and b.name[:1].isupper():
        return True  # "McQuilliams" for "Kevin McQuilliams", whatever kind each was given
    words_a, words_b = _source_words(a, text_a), _source_words(b, text_b)
    if words_a and words_b:
        return bool(words_a & words_b)
    return _FAMILY.get(a.kind) == _FAMILY.get(b.kind)


def _holder(name: str) -> set[str] | None:
    """The words of whoever an office is named after ("Voss's office": {"voss"}), else None."""
    words = fold(name).split()
    if len(words) < 2 or words[-1] not in _OFFICES or not words[-2].endswith("'s"):
        return None
    return {without_possessive(w) for w in words[:-1]}


def _relays(link: Source, source: Source) -> bool:
    """Whether crediting ``source`` names ``link`` of the earlier chain as what it was: the
    outlet or its report ("a report in the Courier"), not its people as witnesses
    ("Riverside FM reporters saw" what a resident told Riverside FM)."""
    paper = {SourceKind.MEDIA_OUTLET, SourceKind.DOCUMENT_REPORT}
    return link.kind == source.kind or {link.kind, source.kind} <= paper


def _hearsay(version: Version) -> bool:
    """Whether the claim's cue is the hedge "said to" ("is said to be") and not a source."""
    cue = version.claim.attribution.cue
    return cue is not None and version.text[cue.end : cue.end + 4].lower() == " to "


def _vague(source: Source) -> bool:
    """A pronoun, a bare description ("it", "the company") or no words at all (the ledger's
    "unnamed sources") rather than a source's name."""
    if source.span is None:
        return True
    words = [w.lower for w in tokens(source.span.text)]
    return all(w in STOPWORDS or w in lexicon().vague_source_words for w in words)


def _source_words(source: Source, text: str) -> set[str]:
    """The proper-name words of a source ("Tallis", "Harlan") as the article prints them (not
    a capital that only starts a sentence, "Researchers say", unless the next word has one
    too: "Fenmouth Council said"), else from its name."""
    spans = [span for span in (source.span, source.mention) if span]
    if spans:
        words = {
            fold(w.lower)
            for span in spans
            for w, following in _with_next(tokens(text, span.start, span.end))
            if text[w.start].isupper()
            and (not _starts_sentence(text, w) or (following and text[following.start].isupper()))
        }
    else:
        words = {fold(w.lower) for w in tokens(source.name) if source.name[w.start].isupper()}
    return words - lexicon().generic_source_words - STOPWORDS


def _said(version: Version, words: list[Token]) -> reach.Said:
    cue = version.claim.attribution.cue
    return reach.Said(
        [fold(w.lower) for w in words],
        [fold(w.lower) for w in tokens(cue.text)] if cue else [],
        _animal_study(version.text),
    )


@per_text
def _animal_study(text: str) -> bool:
    """Whether an article reports a study on animals (once per article, not per claim)."""
    return reach.reports_animal_study(
        [[fold(w.lower) for w in tokens(text, start, end)] for start, end in _sentences(text)]
    )


def _stretched(child, parent, stretch: reach.Stretch, child_words, parent_words) -> DriftEvent:
    """The event of a :class:`~.reach.Stretch`, both sides quoted as whole phrases."""
    phrase_ = (
        child.quote(child_words, *stretch.child) if stretch.child else _attribution_span(child)
    )
    earlier = parent.quote(parent_words, *stretch.parent) if stretch.parent else parent.claim.span
    score = max(child.claim.checkworthy, parent.claim.checkworthy)
    return _event(
        stretch.type, child.article_id, parent.article_id, phrase_, earlier, stretch.why, score
    )


# --- quoting both phrasings ---------------------------------------------------------------------


def _quote(child, parent, found, child_words, parent_words, near: Span) -> tuple[Span, Span]:
    """The change nearest ``near`` (a cue of the parent) as whole phrases of both versions;
    the retelling's claim against the cue when no change touches it."""
    for change in found:
        span = parent_words[change.i1 : change.i2]
        touches = span and span[0].start <= near.end and near.start <= span[-1].end
        at = (
            not span
            and change.i1 < len(parent_words)
            and parent_words[change.i1].start >= near.start
        )
        if touches or at:
            return _spans(child, parent, change, child_words, parent_words)
    return child.claim.span, near


def _spans(child, parent, change: Change, child_words, parent_words) -> tuple[Span, Span]:
    """Both sides of a change, each as the whole phrase it sits in."""
    return (
        child.quote(child_words, change.j1, change.j2),
        parent.quote(parent_words, change.i1, change.i2),
    )


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
    phrase_: Span,
    earlier: Span,
    explanation: str,
    checkworthy: float,
) -> DriftEvent:
    severity = round(SEVERITY[kind] * (0.5 + 0.5 * checkworthy), 3)
    return DriftEvent(article_id, earlier_id, kind, phrase_, earlier, explanation, severity)
