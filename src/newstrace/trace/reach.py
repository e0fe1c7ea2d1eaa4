"""How far a retold claim reaches beyond the one it retold, judged on whole claims.

The word diff (:mod:`.wording`) sees a changed word; a retelling that rewrites a sentence
can still stretch what it says while sharing few words with it. The stretches a
fact-checker looks for first are checked on the two claims as wholes:

- a partial comparison made whole: "about two-thirds as bad as smoking", "similar to
  smoking" retold as "as bad as smoking" (the same thing compared with);
- a comparison intensified: "significantly more plaque" retold as "exponentially higher",
  "as addictive as" as "as addictive, if not more";
- a rate inflated: "three glasses a week" retold as "three glasses per day";
- a finding about animals or cells retold as one about people: the earlier article tested
  rats, the retold claim is about "people who drink";
- evidence promoted to proof: what someone claimed or a study suggested is now "proven" or
  "established".

Each check returns the word positions to quote in both claims; the caller quotes them as
whole phrases and builds the event.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from newstrace.model import DriftType
from newstrace.trace.drift_lexicon import lexicon
from newstrace.trace.text import STOPWORDS, stem

_PREPOSITIONS = frozenset({"for", "in", "to", "of", "among", "with", "on", "by", "from"})
# How many words may stand between the two "as" of a comparison ("as bad for arteries as").
COMPARISON_GAP = 4


@dataclass(frozen=True, slots=True)
class Stretch:
    """A claim retold wider or firmer: the words ``[start, end)`` of each claim to quote
    (``None``: the claim's source and cue, where the stronger word is)."""

    type: DriftType
    child: tuple[int, int] | None
    parent: tuple[int, int] | None
    why: str


@dataclass(frozen=True, slots=True)
class Said:
    """One side of the comparison: a claim's folded words, its cue's, and whether the
    article it comes from reports a study on animals."""

    words: Sequence[str]
    cue: Sequence[str]
    animal_study: bool = False


def stretches(child: Said, parent: Said) -> Iterator[Stretch]:
    """Every stretch from ``parent`` to ``child``, one per check."""
    checks = (
        _comparison_made_whole,
        _comparison_intensified,
        _rate_inflated,
        _animals_to_people,
        _proof_claimed,
    )
    for check in checks:
        found = check(child, parent)
        if found is not None:
            yield found


def reports_animal_study(sentences: Sequence[Sequence[str]]) -> bool:
    """Whether an article says a study was done on animals: a sentence naming an animal
    subject ("rats", "mice") and study work ("experiments", "fed", "tested")."""
    lex = lexicon()
    return any(
        _has(words, lex.animal_subjects) and _has(words, lex.study_words) for words in sentences
    )


def _comparison_made_whole(child: Said, parent: Said) -> Stretch | None:
    was = [c for c in _comparisons(parent.words) if c[2]]
    for start, end, partial, compared in _comparisons(child.words):
        if partial:
            continue
        for p_start, p_end, _, p_compared in was:
            if compared and compared == p_compared:
                old = " ".join(parent.words[p_start:p_end])
                new = " ".join(child.words[start:end])
                return Stretch(
                    DriftType.EXAGGERATION,
                    (start, end),
                    (p_start, p_end),
                    f"a partial comparison made whole: '{old}' became '{new}'",
                )
    return None


def _comparisons(words: Sequence[str]) -> list[tuple[int, int, bool, str]]:
    """Each comparison of a claim: its words ``[start, end)``, whether it is partial
    ("almost as", "two-thirds as", "similar to") and the stem of what is compared with;
    not "as many as 60", a bound on an amount."""
    lex = lexicon()
    found = []
    partial_words = lex.downtoners | lex.approximators | lex.fractions | {"not"}
    for k, word in enumerate(words):
        if word != "as":
            continue
        close = next(
            (m for m in range(k + 2, min(k + 2 + COMPARISON_GAP, len(words))) if words[m] == "as"),
            None,
        )
        if close is None:
            continue
        compared = _compared(words, close + 1)
        if compared is None or compared[0].isdigit() or compared in lex.number_words:
            continue
        before = set(words[max(0, k - 2) : k])
        start = k - 1 if k and words[k - 1] in partial_words else k
        found.append((start, close + 1, bool(before & partial_words), stem(compared)))
    joined = f" {' '.join(words)} "
    for likeness in lex.likenesses:
        at = joined.find(f" {likeness} ")
        if at >= 0:
            k = joined[:at].count(" ")
            end = k + len(likeness.split())
            compared = _compared(words, end)
            if compared is not None:
                found.append((k, end, True, stem(compared)))
    return found


def _compared(words: Sequence[str], start: int) -> str | None:
    return next((w for w in words[start : start + 3] if w not in STOPWORDS), None)


def _comparison_intensified(child: Said, parent: Said) -> Stretch | None:
    """An intensifier ("exponentially", "if not more") the earlier claim did not have, next
    to a comparison ("higher", "more", "as")."""
    lex = lexicon()
    joined = f" {' '.join(parent.words)} "
    for k in range(len(child.words)):
        for intensifier in lex.intensifiers:
            size = len(intensifier.split())
            if " ".join(child.words[k : k + size]) != intensifier:
                continue
            around = set(child.words[k : k + size + 2])
            if around & lex.comparatives and f" {intensifier} " not in joined:
                return Stretch(
                    DriftType.EXAGGERATION,
                    (k, k + size + 1),
                    None,
                    f"'{intensifier}' added to a comparison",
                )
    return None


def _rate_inflated(child: Said, parent: Said) -> Stretch | None:
    """The same amount per a shorter time ("three a week" -> "three per day")."""
    was, now = _rates(parent.words), _rates(child.words)
    units_was, units_now = {u for *_, u in was}, {u for *_, u in now}
    for k, amount, unit in now:
        for p_k, p_amount, p_unit in was:
            kept = p_unit in units_now  # "each week, not each day"
            if amount == p_amount and unit > p_unit and not kept and unit not in units_was:
                return Stretch(
                    DriftType.EXAGGERATION,
                    (k, k + 1),
                    (p_k, p_k + 1),
                    f"a rate inflated: '{parent.words[p_k]}' became '{child.words[k]}'",
                )
    return None


def _rates(words: Sequence[str]) -> list[tuple[int, str, int]]:
    """Each rate of a claim ("three glasses a week"): the unit's position, the amount
    before it (within four words of "a", "per", "each" or "every") and how frequent the
    unit is (its rank)."""
    lex = lexicon()
    found = []
    for k, word in enumerate(words):
        if word in lex.rate_units and k and words[k - 1] in {"a", "an", "per", "each", "every"}:
            amounts = [
                w for w in words[max(0, k - 5) : k - 1] if w in lex.number_words or w.isdigit()
            ]
            if amounts:
                found.append((k, amounts[-1], lex.rate_units.index(word)))
    return found


def _animals_to_people(child: Said, parent: Said) -> Stretch | None:
    lex = lexicon()
    if not parent.animal_study or _has(child.words, lex.animal_subjects):
        return None
    people = [
        k
        for k, w in enumerate(child.words)
        if w in lex.human_subjects and not set(child.words[max(0, k - 2) : k]) & _PREPOSITIONS
    ]  # "people who drink", not "results for people"
    new = [k for k in people if child.words[k] not in parent.words]
    if not new or _has(parent.words, lex.human_subjects):
        return None
    k = new[0]
    return Stretch(
        DriftType.EXAGGERATION,
        (k, k + 1),
        None,
        f"a finding from a study on animals retold about '{child.words[k]}'",
    )


def _proof_claimed(child: Said, parent: Said) -> Stretch | None:
    lex = lexicon()
    proof = lex.proof_words
    if _has(parent.words, proof) or _has(parent.cue, proof):
        return None
    weak = [w for w in (*parent.cue, *parent.words) if w in lex.weak or w in lex.hedges]
    if not weak:
        return None
    in_claim = [k for k, w in enumerate(child.words) if w in proof]
    in_cue = [w for w in child.cue if w in proof]
    if not in_claim and not in_cue:
        return None
    stronger = child.words[in_claim[0]] if in_claim else in_cue[0]
    return Stretch(
        DriftType.CERTAINTY_UPGRADED,
        (in_claim[0], in_claim[0] + 1) if in_claim else None,
        None,
        f"'{weak[0]}' became '{stronger}': evidence retold as proof",
    )


def _has(words: Sequence[str], wanted: frozenset[str]) -> bool:
    """Whether ``words`` hold one of ``wanted`` (a phrase of several words too)."""
    joined = f" {' '.join(words)} "
    return any(f" {w} " in joined for w in wanted)
