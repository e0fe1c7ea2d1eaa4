"""What sort of claim a claim is, read off its main predicate's tense, aspect and modality.

The kinds, and the order in which they are tested (the first that fits wins):

- **prediction**: about the future: will/shall, "going to", "expected/set/due/likely to",
  "plans to", "predict that"; also "would" inside an attribution outside any condition
  (future in the past: "officials said the bridge would reopen"). A future claim is a
  prediction even when the certainty level is speculative or conditional ("will probably
  fall", "if talks fail, sanctions will tighten").
- **speculation**: put as possible, not as fact: the certainty level is speculative or
  conditional, or the predicate carries could/might/may, an "if"/"unless" clause,
  perhaps/possibly, or a hypothetical "would" in the article's own voice.
- **opinion**: evaluative or normative: should/ought/must, "need/have to", "I think",
  "in my view", evaluative adverbs, or a copula with an evaluative adjective or noun
  ("is a disgrace", "seems reckless"). Evaluative words inside a noun phrase of an event
  ("crying about his terrible economy") do not count: only the predicate does.
- **statement**: an attributed claim whose checkable part is that the source holds or said
  it: a stance, wish or intention ("Kim wants ...", "we are ready to talk") or any
  present-tense description in a source's words. Such claims can be checked only as "did
  they say so". Hence "Experts assess that Kim doesn't really want to give up his nuclear
  weapons" has the kind statement: an attributed assessment of Kim's wishes.
- **background**: context restated, not news: past perfect in the article's own voice
  ("had already offered"), a copular or durative present perfect ("has been", "has long",
  "since ..."), habitual markers ("usually", "every year"), and unattributed present-tense
  states, generic statements and definitions.
- **event**: something happened or is happening: simple past, progressive, or a dynamic
  present perfect ("police have arrested three men"); in reported speech a past perfect is
  the speaker's past or present perfect shifted back ("said it had hired a new chief"), so
  it is read as one. Also the fallback for verbless claims.

A claim that carries its own reporting frame ("Experts assess that ...") is read from what
is reported, and counts as attributed. Cue words live in ``lexicons/kinds.json``; the rules
look at the main predicate's tags, dependents and lemmas in spaCy's parse, not at word
order, so they generalise over sentence shapes rather than over example sentences. They
were checked on the 112 hand-written sentences of ``tests/fixtures/kinds.jsonl``.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Token

from newstrace.model import Certainty, CertaintyLevel, ClaimKind, Span

_LEXICON = Path(__file__).parent / "lexicons" / "kinds.json"
_UNSURE = frozenset({CertaintyLevel.SPECULATIVE, CertaintyLevel.CONDITIONAL})
_VERBAL = frozenset({"VERB", "AUX"})


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, frozenset[str]]:
    """Each cue list of ``kinds.json`` as a set; phrases become space-joined strings."""
    raw = json.loads(_LEXICON.read_text(encoding="utf-8"))
    return {
        key: frozenset(" ".join(e) if isinstance(e, list) else e for e in entries)
        for key, entries in raw.items()
        if not key.startswith("_")
    }


def _has(key: str, word: str) -> bool:
    return word in _lexicon()[key]


def is_reporting_verb(word: str) -> bool:
    """Whether a lower-cased word or lemma is one of the lexicon's verbs of reporting
    ("say", "state", "according"), however the tagger read it."""
    return _has("reporting_verbs", word)


def _claim_tokens(doc: Doc, claim: Span) -> list[Token]:
    """The tokens of ``doc`` that overlap the claim's characters."""
    tokens = doc.char_span(claim.start, claim.end, alignment_mode="expand")
    return list(tokens) if tokens is not None else []


def _claim_head(tokens: list[Token]) -> Token | None:
    """The claim's head: a token whose head lies outside the claim, verbs and big subtrees first."""
    inside = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    if not roots:
        return None
    return min(roots, key=lambda t: (t.pos_ not in _VERBAL, -sum(1 for _ in t.subtree)))


def _reported(head: Token, tokens: list[Token]) -> Token:
    """What a reporting verb inside the claim reports ("the defector said [the video surfaced]").

    The kind is that of the reported content, so the claim is read from its predicate.
    """
    inside = {t.i for t in tokens}
    while _has("reporting_verbs", head.lemma_.lower()):
        complements = [c for c in head.children if c.dep_ in ("ccomp", "xcomp") and c.i in inside]
        if not complements:
            break
        head = complements[0]
    return head


def _governors(predicate: Token) -> list[Token]:
    """The predicate and, for a conjoined verb ("... and was"), the verb it is joined to."""
    return [predicate, predicate.head] if predicate.dep_ == "conj" else [predicate]


def _auxiliaries(predicate: Token) -> list[Token]:
    return [c for g in _governors(predicate) for c in g.children if c.dep_ in ("aux", "auxpass")]


def _modal_in(predicate: Token, key: str) -> bool:
    return any(a.tag_ == "MD" and _has(key, a.lower_) for a in _auxiliaries(predicate))


def _advmods(predicate: Token) -> set[str]:
    return {c.lower_ for c in predicate.children if c.dep_ == "advmod"}


def _has_to_complement(token: Token) -> bool:
    """``token`` governs an infinitive: "expected [to rise]", "expect [snow to reach]"."""
    return any(
        c.dep_ == "xcomp" or (c.dep_ == "ccomp" and any(a.lower_ == "to" for a in c.children))
        for c in token.children
    )


def _is_future(predicate: Token) -> bool:
    """will/shall, "going to", "expected/set/plans to", "due/likely/about to", "predict that",
    a passive forecast verb ("the minister is expected in Brussels")."""
    lemma = predicate.lemma_.lower()
    if _modal_in(predicate, "future_modals"):
        return True
    if lemma == "go" and predicate.tag_ == "VBG" and _has_to_complement(predicate):
        return True
    if _has("future_predicates", lemma) and _has_to_complement(predicate):
        return True
    if _has("forecast_verbs", lemma) and any(
        c.dep_ in ("ccomp", "auxpass") for c in predicate.children
    ):
        return True
    return any(
        c.dep_ == "acomp" and _has("future_predicates", c.lemma_.lower()) and _has_to_complement(c)
        for c in predicate.children
    )


def _is_conditional(tokens: list[Token], predicate: Token) -> bool:
    """An if/unless clause hangs off the predicate ("If X, then [predicate] ...")."""
    return any(
        t.dep_ == "mark"
        and _has("conditional_marks", t.lower_)
        and t.head.dep_ == "advcl"
        and t.head.head in _governors(predicate)
        for t in tokens
    )


def _is_speculative(predicate: Token) -> bool:
    """could/might/may/would or perhaps/possibly on the predicate."""
    if _modal_in(predicate, "speculative_modals") or _modal_in(predicate, "hypothetical_modals"):
        return True
    return bool(_advmods(predicate) & _lexicon()["speculative_adverbs"])


def _is_opinion(tokens: list[Token], predicate: Token) -> bool:
    """Normative modal or need/have to, "I think", evaluative adverb or copular evaluation."""
    lemma = predicate.lemma_.lower()
    if _modal_in(predicate, "normative_modals") or _has("normative_modals", predicate.lower_):
        return True
    if _has("normative_verbs", lemma) and _has_to_complement(predicate):
        return True
    if _advmods(predicate) & _lexicon()["evaluative_adverbs"]:
        return True
    if _has("opinion_verbs", lemma) and any(
        c.dep_ == "nsubj" and _has("first_person", c.lower_) for c in predicate.children
    ):
        return True
    return _has_opinion_phrase(tokens) or _is_evaluative_predicate(predicate)


def _has_opinion_phrase(tokens: list[Token]) -> bool:
    words = [t.lower_ for t in tokens]
    phrases = _lexicon()["opinion_phrases"]
    return any(" ".join(words[i : i + n]) in phrases for n in (1, 2, 3) for i in range(len(words)))


def _is_evaluative_predicate(predicate: Token) -> bool:
    """An evaluative adjective or noun as what the predicate says of its subject."""
    if predicate.pos_ == "ADJ":
        return _has("evaluative_adjectives", predicate.lemma_.lower())
    if not _has("copulas", predicate.lemma_.lower()):
        return False
    for child in predicate.children:
        if child.dep_ == "acomp" and _has("evaluative_adjectives", child.lemma_.lower()):
            return True
        if child.dep_ == "attr" and (
            _has("evaluative_nouns", child.lemma_.lower())
            or any(
                m.dep_ == "amod" and _has("evaluative_adjectives", m.lemma_.lower())
                for m in child.children
            )
        ):
            return True
    return False


def _is_stance(predicate: Token) -> bool:
    """A wish, belief, intention or readiness ("wants", "is ready to", "remains committed")."""
    if _has("stance_predicates", predicate.lemma_.lower()):
        return True
    return _has("copulas", predicate.lemma_.lower()) and any(
        c.dep_ in ("acomp", "attr") and _has("stance_predicates", c.lemma_.lower())
        for c in predicate.children
    )


def _tense(predicate: Token) -> str:
    """past_perfect, present_perfect, progressive, past, present or other (modal, verbless).

    A participle without auxiliaries ("the video surfaced", mis-tagged VBN) counts as past.
    """
    auxes = _auxiliaries(predicate)
    has = [a for a in auxes if a.lemma_.lower() == "have"]
    if has and predicate.tag_ == "VBN":
        return "past_perfect" if has[0].tag_ == "VBD" else "present_perfect"
    if predicate.tag_ == "VBG" and any(a.lemma_.lower() == "be" for a in auxes):
        return "progressive"
    tags = {predicate.tag_} | {a.tag_ for a in auxes}
    if "MD" in tags:
        return "other"
    if "VBD" in tags or (predicate.tag_ == "VBN" and not auxes):
        return "past"
    return "present" if tags & {"VBZ", "VBP"} else "other"


def _is_habitual(tokens: list[Token], predicate: Token) -> bool:
    """usually/always/traditionally on the predicate, or "every year", "each winter" on it."""
    if _advmods(predicate) & _lexicon()["habitual_adverbs"]:
        return True
    return any(
        t.lower_ in ("every", "each")
        and _has("time_nouns", t.head.lemma_.lower())
        and t.head.head in _governors(predicate)
        for t in tokens
    )


def _is_durative(tokens: list[Token], predicate: Token) -> bool:
    """A state that lasts up to now: "already", "long", "since ...", "for years", "so far"."""
    if _advmods(predicate) & _lexicon()["durative_words"]:
        return True
    words = [t.lower_ for t in tokens]
    pairs = {" ".join(words[i : i + 2]) for i in range(len(words) - 1)}
    return bool(pairs & _lexicon()["durative_words"]) or any(
        t.lower_ in ("since", "during") for t in tokens
    )


def classify_kind(doc: Doc, claim: Span, attributed: bool, certainty: Certainty) -> ClaimKind:
    """The kind of ``claim`` (a span of ``doc``'s text); see the module docstring for the rules."""
    tokens = _claim_tokens(doc, claim)
    head = _claim_head(tokens)
    if head is None:
        return ClaimKind.STATEMENT if attributed else ClaimKind.EVENT
    predicate = _reported(head, tokens)
    attributed = attributed or predicate is not head  # the claim carries its own "X said"
    conditional = certainty.level is CertaintyLevel.CONDITIONAL or _is_conditional(
        tokens, predicate
    )
    reported_future = attributed and _modal_in(predicate, "hypothetical_modals")
    if _is_future(predicate) or (reported_future and not conditional):
        return ClaimKind.PREDICTION
    if conditional or certainty.level in _UNSURE or _is_speculative(predicate):
        return ClaimKind.SPECULATION
    if _is_opinion(tokens, predicate):
        return ClaimKind.OPINION
    return _by_tense(tokens, predicate, attributed)


def _by_tense(tokens: list[Token], predicate: Token, attributed: bool) -> ClaimKind:
    """Event, statement or background for a claim with no modal, future or evaluative cue."""
    tense = _tense(predicate)
    if tense == "past_perfect" and attributed:
        tense = "present_perfect"  # backshifted in reported speech: "said it had hired"
    if tense == "past_perfect":
        return ClaimKind.BACKGROUND
    if attributed and _is_stance(predicate):
        return ClaimKind.STATEMENT
    habitual = _is_habitual(tokens, predicate)
    if tense == "present_perfect":
        lasting = predicate.lemma_.lower() == "be" or habitual or _is_durative(tokens, predicate)
        return ClaimKind.BACKGROUND if lasting else ClaimKind.EVENT
    if habitual and tense != "progressive":
        return ClaimKind.BACKGROUND
    if tense in ("past", "progressive"):
        return ClaimKind.EVENT
    if attributed:
        return ClaimKind.STATEMENT
    return ClaimKind.BACKGROUND if tense == "present" else ClaimKind.EVENT
