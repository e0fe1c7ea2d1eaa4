"""How firmly a claim is put: its certainty level, its hedge cues, and a score in [0, 1].

The level comes from the cues that *govern* the claim in the parse: a cue counts when it sits
on the claim's spine (the content's root, its coordinated verbs, and the words above it in the
region, such as the reporting verb) or hangs directly off it. So "reportedly said" hedges the
claim, while "possible" in "possible changes" or a "not" inside a relative clause does not.
Cues are looked for in the content's sentence(s) (cut at line breaks), so an "if" clause
outside the attribution words still makes the claim conditional.
Precedence: negated > conditional > speculative > hedged > attributed > asserted.

The score is a band per level, and the learned sentence-certainty model
(:mod:`newstrace.analyze.certainty_model`) places the claim inside its band by the rank of
its prediction among the training sentences. Level and score therefore never disagree: a
hedged claim never outscores an attributed one. For a negated claim the rank is reversed
(a firmly worded denial is closer to "ruled out", 0).

:attr:`Certainty.cues` lists every hedge cue in the region (evidential, speculative,
approximator), plus negation and conditional cues that govern the claim; boosters such as
"with near unanimity" are not hedges and are never listed.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from newstrace.analyze.certainty_model import CertaintyModel
from newstrace.analyze.hedges import Cue, span_cues, word_list
from newstrace.analyze.nlp import opens_a_question
from newstrace.model import Certainty, CertaintyLevel, Span

#: Score band ``(low, high)`` of each level; the model's rank places a claim inside it.
BANDS = {
    CertaintyLevel.ASSERTED: (0.85, 1.0),
    CertaintyLevel.ATTRIBUTED: (0.7, 0.85),
    CertaintyLevel.HEDGED: (0.55, 0.7),
    CertaintyLevel.SPECULATIVE: (0.4, 0.55),
    CertaintyLevel.CONDITIONAL: (0.25, 0.4),
    CertaintyLevel.NEGATED: (0.0, 0.15),
}
_BY_CATEGORY = {
    "conditional": CertaintyLevel.CONDITIONAL,
    "negation": CertaintyLevel.NEGATED,
    "speculative": CertaintyLevel.SPECULATIVE,
    "evidential": CertaintyLevel.HEDGED,
}
_ALWAYS_LISTED = frozenset({"evidential", "speculative", "approximator"})
# hedges only as a predicate ("the motive is unknown"); before a noun ("an unknown gunman")
# it says who is unidentified, not how sure the claim is
_PREDICATIVE_ONLY = frozenset({"unknown"})
_LOOSE_DEPS = frozenset({"amod", "compound", "det", "poss", "nmod", "appos", "relcl", "acl"})
_FUNCTION_DEPS = frozenset({"cc", "punct", "mark", "det", "case", "prep", "advmod"})
_NEGATIVE_NOMINALS = frozenset({"no", "none", "nobody", "nothing", "neither", "nowhere"})
_FUTURE = frozenset({"will", "'ll", "wo", "shall"})
_DENIALS = frozenset({"deny", "refute", "reject", "dismiss"})
_NEGATIVE_PREDICATES = frozenset({"impossible", "false", "untrue", "unable"})
_DISTANCING = frozenset({"claim", "allege"})
# verbs of telling or knowing whose negation leaves an indirect question unanswered
_TELLING = frozenset(
    {"say", "tell", "confirm", "disclose", "release", "reveal", "specify", "know", "explain"}
)
_NOT_DONE = frozenset({"yet", "fail", "fails", "failed"})  # "have yet to", "failed to"
# subjects of a "be" that only announces the clause after it: "The problem is that X"
_ANNOUNCING_SUBJECTS = frozenset(
    {"problem", "trouble", "truth", "fact", "point", "issue", "reality", "catch", "answer"}
)
# ... and the adjectives of a "be" that does so: "it is clear that X"
_PLAIN_TRUTHS = frozenset({"clear", "true", "obvious", "evident", "plain"})
# words after which "if" asks "whether": knowing, asking, finding out
_WHETHER_HEADS = frozenset(
    {"unclear", "clear", "know", "ask", "wonder", "see", "determine", "sure", "certain",
     "check", "investigate", "decide", "tell", "unknown", "question", "doubt"}
)  # fmt: skip
_MARKED_CLAUSES = frozenset({"advcl", "ccomp", "pcomp"})
_CONDITION_MARKS = frozenset(
    {"if", "unless", "provided", "providing", "assuming", "long", "case", "condition", "event"}
)
# what "you" do in an "if" that only points the reader somewhere ("if you look at the
# figures, they have fallen"): the claim holds whether or not anyone looks
_POINTING_VERBS = frozenset({"look", "consider", "compare", "check", "ask", "think", "see"})
# what a claim says would follow a "where" clause before it: "where the board fails to act,
# the party would go to court" (a place before a plain statement stays a place)
_CONSEQUENCE_MODALS = frozenset({"would", "will", "'ll", "could", "can", "may", "might", "shall"})
# the verbs that open a condition by inversion: "should the fund be approved", "had he known"
_INVERTED = frozenset({"should", "had", "were"})


class CertaintyAssessor:
    """Assess the certainty of claims in a parsed Doc; cheap per claim (no re-parse)."""

    def __init__(self, model: CertaintyModel) -> None:
        self.model = model

    @classmethod
    def load(cls) -> CertaintyAssessor:
        """The assessor with the packaged sentence-certainty model."""
        return cls(CertaintyModel.load())

    def assess(self, doc: Doc, region: Span, content: Span, attributed: bool) -> Certainty:
        """Level, score and cues of the claim ``content`` said within ``region`` of ``doc``."""
        content_tokens, region_tokens = _tokens(doc, content), _tokens(doc, region)
        scope = _scope(doc, region_tokens, content_tokens)
        near = _clipped(doc, region_tokens, scope)
        spine = _spine(near, content_tokens)
        cues = [
            belief_verb(doc, cue)
            for cue in span_cues(scope)
            if not _before_a_noun(doc[cue.start : cue.end])
            and not (cue.category != "negation" and _a_thing_named(doc[cue.start : cue.end]))
        ]
        governing = [
            cue
            for cue in cues
            if cue.category in _BY_CATEGORY and _governs(doc, cue, spine, content_tokens)
        ]
        governing += _side_conditions(scope, content_tokens)
        level = _level(doc, governing, attributed, content_tokens)
        listed = [
            cue
            for cue in sorted({*cues, *governing}, key=lambda c: (c.start, c.end))
            if cue in governing
            or (cue.category in _ALWAYS_LISTED and near.start <= cue.start < near.end)
        ]
        rank = self.model.rank(self.model.predict_one(near.text, [t.text for t in near]))
        return Certainty(_score(level, rank), level, tuple(_char_span(doc, c) for c in listed))


def _before_a_noun(words: TokenSpan) -> bool:
    """A predicate-only hedge used before a noun ("an unknown gunman"): no cue of the claim."""
    return len(words) == 1 and words[0].lower_ in _PREDICATIVE_ONLY and words[0].dep_ == "amod"


def _a_thing_named(words: TokenSpan) -> bool:
    """A hedge word used as a plain noun, an argument with no clause of its own ("backed off
    [those claims]", "[the reports] were wrong"): it names a thing and hedges nothing; "claims
    [that the mayor lied]" still hedges its clause. Not a negation: "[None] of them" denies."""
    noun = words[0]
    return (
        len(words) == 1
        and noun.pos_ == "NOUN"
        and not noun.is_upper  # a text in capitals is parsed too badly to tell
        and noun.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass", "conj")
        and not any(c.dep_ in ("acl", "ccomp") for c in noun.children)
        and not (noun.dep_ == "nsubj" and noun.head.lemma_ == "be")  # "My guess is that ..."
    )


def belief_verb(doc: Doc, cue: Cue) -> Cue:
    """ "believed" and "thought" are weasel words in the lexicon (mostly "is believed to", "a
    thought"); as a verb with a subject and a clause of its own ("he believed it was
    unloaded", "she thought it was a firework", not "believed in fun") they hedge that
    clause, as "believes" does."""
    words = doc[cue.start : cue.end]
    verb = words[0]
    if (
        cue.category == "weasel"
        and len(words) == 1
        and verb.pos_ == "VERB"
        and verb.lower_ in word_list("belief_frames")
        and {"nsubj", "ccomp"} <= {c.dep_ for c in verb.children}
    ):
        return Cue(cue.start, cue.end, "evidential")
    return cue


def _score(level: CertaintyLevel, rank: float) -> float:
    low, high = BANDS[level]
    if level is CertaintyLevel.NEGATED:
        rank = 1.0 - rank
    return round(low + (high - low) * rank, 4)


def _level(doc: Doc, governing: list[Cue], attributed: bool, content: TokenSpan) -> CertaintyLevel:
    found = {
        _BY_CATEGORY[c.category]
        for c in governing
        if c.category in _BY_CATEGORY and not distancing(doc, c)
    }
    said = {doc[c.start : c.end].text.lower() for c in governing}
    if said & word_list("not_confirmed"):
        found.add(CertaintyLevel.NEGATED)  # "it is unclear whether X": X stated as not confirmed
    if any(_foretold(doc, cue) for cue in governing):
        found.add(CertaintyLevel.SPECULATIVE)  # "he believes Kim will uphold": a guess
    if CertaintyLevel.SPECULATIVE in found and not _guessed(said, content):
        found = (found - {CertaintyLevel.SPECULATIVE}) | {CertaintyLevel.HEDGED}
    for level in _BY_CATEGORY.values():
        if level in found:
            return level
    return CertaintyLevel.ATTRIBUTED if attributed else CertaintyLevel.ASSERTED


def distancing(doc: Doc, cue: Cue) -> bool:
    """A reporting verb that distances the reporter from what its subject says ("Pike
    claimed the gun was unloaded", "prosecutors allege he stole"): `CLAIMS.md` 3 keeps the
    claim attributed (its note accepts hedged). Its passive ("it is claimed", "is alleged
    to") has no one to credit and hedges, as "it is said" does."""
    words = doc[cue.start : cue.end]
    verb = words[0]
    return (
        len(words) == 1
        and verb.pos_ == "VERB"
        and verb.lemma_.lower() in _DISTANCING
        and not any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    )


def _guessed(said: set[str], content: TokenSpan) -> bool:
    """Whether the claim is a guess (speculative), not a fact softened by a modal (hedged):
    a conjecture cue ("I think", "speculated"), a belief frame over a modal ("researchers
    believe it may ..."), or a modal on a verb of consequence ("may pave the way", "could
    cause"). "Temperatures could drop" softens what will be the case: hedged. ``said``: the
    governing cues' words, lower-case."""
    if said & word_list("conjecture") or said & word_list("belief_frames"):
        return True
    verbs = _roots(content)
    verbs |= {c for v in verbs for c in v.children if c.dep_ == "xcomp"}
    return any(v.lemma_.lower() in word_list("consequence_verbs") for v in verbs)


def _foretold(doc: Doc, cue: Cue) -> bool:
    """Whether a belief cue governs a clause about what will happen ("he believes Kim will
    uphold his commitment", "thinks she will resign"): a guess at a future act, not a
    softened fact."""
    words = doc[cue.start : cue.end]
    if words.text.lower() not in word_list("belief_frames"):
        return False
    clauses = [c for t in words for c in t.children if c.dep_ == "ccomp"]
    return any(a.dep_ == "aux" and a.lower_ in _FUTURE for c in clauses for a in c.children)


def _tokens(doc: Doc, span: Span) -> TokenSpan:
    """The tokens covering ``span`` (expanded to whole tokens; never empty for a non-empty doc)."""
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    if tokens is None or len(tokens) == 0:
        first = next((t.i for t in doc if t.idx + len(t) > span.start), len(doc) - 1)
        tokens = doc[first : first + 1]
    return tokens


def _scope(doc: Doc, region: TokenSpan, content: TokenSpan) -> TokenSpan:
    """The content's sentences, plus the region where it ends in a neighbouring sentence.

    An "if" clause governs a claim even where the attribution words do not reach it. A region
    that runs further off (to a credit line at the article's end) is not followed, and the
    scope stops at line breaks, which spaCy may glue to a heading ("Big if true").
    """
    sents = list(content.sents)  # type: ignore[attr-defined]  # spaCy's stubs lack Span.sents
    start, end = sents[0].start, sents[-1].end
    if 0 < region.start < start and region.start >= doc[start - 1].sent.start:
        start = region.start
    if end < region.end <= len(doc) and region.end <= doc[end].sent.end:
        end = region.end
    breaks = [t.i for t in doc[start:end] if "\n" in t.text]
    start = max([i + 1 for i in breaks if i < content.start], default=start)
    end = min([i for i in breaks if i >= content.end], default=end)
    return doc[start:end]


def _clipped(doc: Doc, region: TokenSpan, scope: TokenSpan) -> TokenSpan:
    """The part of the region inside the scope: what the sentence model reads."""
    return doc[max(region.start, scope.start) : min(region.end, scope.end)]


def _spine(region: TokenSpan, content: TokenSpan) -> set[Token]:
    """The content's roots, their coordinated verbs, and the words above them in the region;
    where the content is a noun with a clause describing it ("a crowd expected to be about
    50,000", an act :func:`~newstrace.analyze.claims.alleged_acts` split off), that clause's
    verb too: it is what the words claim."""
    roots = _roots(content)
    spine = set(roots)
    spine.update(
        child
        for root in roots
        if root.pos_ in ("NOUN", "PROPN", "PRON")
        for child in root.children
        if child.dep_ in ("relcl", "acl") and _inside(child, content)
    )
    for root in roots:
        spine.update(
            child
            for child in root.children
            if child.dep_ == "conj"
            and child.pos_ in ("VERB", "AUX")
            and _same_claim(child, content)
        )
        spine.update(a for a in root.ancestors if region.start <= a.i < region.end)
    spine.update(clause for token in list(spine) for clause in _announced(token))
    return spine


def _same_claim(verb: Token, content: TokenSpan) -> bool:
    """Whether a verb coordinated with the claim's own verb is part of it: inside the
    content, or sharing its subject ("was shot and did not survive"); "..., but police do
    not believe ..." is a clause of its own, another claim's frame, and so is a passive
    report or belief with its own infinitive ("was taken to a hospital and [is expected to
    survive]": that survival is the hedged claim, the trip to hospital is not)."""
    if _inside(verb, content):
        return True
    return not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and not (
        verb.lemma_.lower() in _RAISING_FRAMES and any(c.dep_ == "xcomp" for c in verb.children)
    )


# verbs that frame a claim about their subject in the passive ("is expected to", "are
# believed to", "was said to", "is feared to")
_RAISING_FRAMES = frozenset(
    {"expect", "believe", "think", "say", "report", "fear", "suspect", "presume", "allege"}
)


def _announced(token: Token) -> list[Token]:
    """The clause an announcing "be" introduces ("The problem is that the study didn't
    answer that", "The law is clear that if ... then"): what the sentence asserts, so its
    own "not" and "if" count."""
    if token.lemma_ != "be" or not any(
        (c.dep_ == "nsubj" and c.lemma_.lower() in _ANNOUNCING_SUBJECTS)
        or (c.dep_ == "acomp" and c.lemma_.lower() in _PLAIN_TRUTHS)
        for c in token.children
    ):
        return []
    return [c for c in token.children if c.dep_ == "ccomp"]


def _roots(content: TokenSpan) -> set[Token]:
    """Content tokens whose head lies outside it, leaving out a leading "and", "that" or comma.

    (spaCy's ``Span.root`` breaks ties by position, so "and it could be" would root at "and".)
    """
    roots = {t for t in content if not _inside(t.head, content) or t.head.i == t.i}
    words = {t for t in roots if t.dep_ not in _FUNCTION_DEPS}
    return words or roots or {content.root}


def _governs(doc: Doc, cue: Cue, spine: set[Token], content: TokenSpan) -> bool:
    tokens = doc[cue.start : cue.end]
    if cue.category == "negation":
        return any(_negates(t, spine, content) for t in tokens)
    if cue.category == "conditional":
        return any(_conditions(t, spine) for t in tokens)
    if cue.category == "speculative" and _backshifted(tokens, spine, content):
        return False
    return any(
        _attached(t, spine, content) or _on_predicate(t, spine) or _apparent_in(t, content)
        for t in tokens
    )


def _inside(token: Token, span: TokenSpan) -> bool:
    return span.start <= token.i < span.end


def _backshifted(tokens: TokenSpan, spine: set[Token], content: TokenSpan) -> bool:
    """ "would" under a past-tense reporting verb is reported "will" ("said it would close")."""
    return tokens.text.lower() == "would" and any(
        t.tag_ == "VBD" and not _inside(t, content) for t in spine
    )


def _attached(token: Token, spine: set[Token], content: TokenSpan) -> bool:
    """On the spine, a direct dependent of it, an adverb on one of its auxiliaries (the
    parser hangs "was apparently backed" on "was"), or an adverb one preposition below it.
    A verb coordinated with the spine counts only as part of the same claim
    (:func:`_same_claim`)."""
    if token in spine:
        return True
    if token.head in spine and token.dep_ not in _LOOSE_DEPS:
        return (
            token.dep_ != "conj" or token.pos_ not in ("VERB", "AUX") or _same_claim(token, content)
        )
    if token.dep_ == "advmod" and token.head.dep_ in ("aux", "auxpass"):
        return token.head.head in spine
    return (
        token.dep_ == "advmod"
        and token.head.dep_ in ("prep", "advmod")
        and (token.head.head in spine)
    )


def _on_predicate(token: Token, spine: set[Token]) -> bool:
    """A hedge adjective on the noun a "be" on the spine predicates: "was the apparent
    victim" is "apparently was the victim"; "possible" on an object ("possible changes")
    still does not govern."""
    return token.dep_ == "amod" and token.head.dep_ == "attr" and token.head.head in spine


def _apparent_in(token: Token, content: TokenSpan) -> bool:
    """ "apparent" on a noun of the claim's own words: "found him suffering from an apparent
    gunshot wound", "died in an apparent murder-suicide" report what the scene suggested,
    not what was established (the labels hedge them; "possible" and "suspected" on a noun
    they leave plain)."""
    return token.lower_ == "apparent" and token.dep_ == "amod" and _inside(token, content)


def _negates(token: Token, spine: set[Token], content: TokenSpan) -> bool:
    """ "not"/"never" on the claim's own verbs ("did not say that X" does not deny X) or on a
    verb of belief above it ("police do not believe X" denies X, as "believe not X" would);
    "no"/"nothing" as or in an argument of the spine, or after an existential "there is";
    "impossible"/"false" as the spine's predicate; a denial verb above the claim."""
    if token.dep_ == "neg":
        verb = token.head  # the parser may hang "not" on an auxiliary: "have not been reviewed"
        verb = verb.head if verb.dep_ in ("aux", "auxpass") else verb
        if verb.dep_ == "advmod" and verb.lower_ in ("longer", "anymore"):
            verb = verb.head  # "was no longer bound": the parser hangs "no" on "longer"
        raised = verb.lemma_.lower() in word_list("negation_raising")
        unsaid = verb.lemma_.lower() in _TELLING and _asks(content)
        return verb in spine and (_inside(verb, content) or raised or unsaid)
    if token.lower_ in _NEGATIVE_NOMINALS:
        return (
            token.head in spine
            or (token.dep_ == "det" and token.head.head in spine)
            or _denies_existence(token, spine)
        )
    if token.lower_ in _NOT_DONE:  # "police have yet to name him": not named; not above X
        return _inside(token, content) and (
            token in spine or (token.dep_ == "advmod" and token.head in spine)
        )
    if token.lower_ in _NEGATIVE_PREDICATES:
        return token in spine or (token.dep_ in ("acomp", "attr") and token.head in spine)
    return token.lemma_.lower() in _DENIALS and token in spine and not _inside(token, content)


def _asks(content: TokenSpan) -> bool:
    """Whether the content is an indirect question ("whether the shooting was an accident",
    "how many shots were fired"): under "did not say" or "could not confirm" it is stated as
    not confirmed, as under "it is unclear"."""
    first = next((t for t in content if not t.is_punct), None)
    return first is not None and opens_a_question(first)


def _denies_existence(token: Token, spine: set[Token]) -> bool:
    """ "there is no evidence (that) X": the "no" after an existential "be" on the spine,
    wherever the parse hangs it (it often makes the evidence a modifier of X's subject)."""
    before = token.doc[token.i - 1] if token.i else None
    while before is not None and before.i and (before.is_quote or before.dep_ == "advmod"):
        before = token.doc[before.i - 1]  # there is "no ...", there is still no ...
    return (
        before is not None
        and (before.lemma_ == "be" or before.norm_ == "'s")  # spaCy misses "there’s"
        and before in spine
        and any(child.dep_ == "expl" for child in before.children)
    )


def _conditions(token: Token, spine: set[Token]) -> bool:
    """An if/unless clause hanging off the spine or holding the claim, or its "then"."""
    if token.lower_ == "then":
        return token.head in spine and any(
            c.dep_ == "advcl" and any(m.lower_ in _CONDITION_MARKS for m in c.children)
            for c in token.head.children
        )
    if token.lower_ not in _CONDITION_MARKS:
        return False
    clause: Token | None = token.head
    anchor = token.head.head
    if token.head.dep_ != "advcl":  # "as long as X", "provided that X": X hangs on the mark
        clause = next((c for c in token.children if c.dep_ in _MARKED_CLAUSES), None)
        anchor = token.head
    return (
        clause is not None
        and (anchor in spine or clause in spine)
        and not (token.lower_ == "if" and _asks_whether(clause))
        and not _points_the_reader(clause)
    )


def _side_conditions(scope: TokenSpan, content: TokenSpan) -> list[Cue]:
    """Conditions the parser sets beside the claim instead of under it, each a clause set off
    by a comma: a "where" clause before a claim of what would follow ("where the board fails
    to act, the party would go to court") and a clause opened by an inverted "should", "had"
    or "were" on either side ("others will follow, should the fund be approved")."""
    doc, claim = scope.doc, _roots(content)
    claim |= {c for root in claim for c in root.children if c.dep_ == "conj"}
    found = []
    for word in scope:
        clause = _opened_condition(word)
        if clause is None or not claim - {clause}:
            continue
        own = _own_words(clause)
        words = [i for i in own if not doc[i].is_punct]
        first, last = min(words), max(words)
        after = _comma_then_claim(doc, last + 1, 1, claim - {clause}, own)
        before = _comma_then_claim(doc, first - 1, -1, claim - {clause}, own)
        if word.lower_ == "where":
            held = (
                after is not None
                and any(a.dep_ == "aux" and a.lower_ in _CONSEQUENCE_MODALS for a in after.children)
                # not what the claim's verb takes: "would not divulge where they were, ..."
                and (clause.head not in claim or clause.dep_ == "advcl")
            )
        else:
            held = after is not None or before is not None
        if held:
            found.append(Cue(word.i, word.i + 1, "conditional"))
    return found


def _opened_condition(word: Token) -> Token | None:
    """The clause ``word`` opens as a condition: "where" first in a clause that is no
    relative one ("the town where"), or an inverted "should", "had" or "were" before its
    clause's subject."""
    if word.lower_ != "where" and word.lower_ not in _INVERTED:
        return None
    clause = word.head if word.dep_ in ("advmod", "aux", "auxpass") else word
    opening = next(t for t in clause.subtree if not t.is_punct)
    if opening.i != word.i or clause.dep_ in ("relcl", "acl"):
        return None
    before = word.doc[word.i - 1] if word.i else None
    if word.lower_ == "where" and word.tag_ == "WRB":
        return None if before is not None and before.pos_ in ("NOUN", "PROPN") else clause
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    if word.lower_ in _INVERTED and subjects and subjects[0].i > word.i:
        return None if word.sent[-1].text == "?" else clause
    return None


def _comma_then_claim(
    doc: Doc, at: int, step: int, roots: set[Token], condition: set[int]
) -> Token | None:
    """The claim's root whose clause lies past a comma at ``at`` (``step``: the direction
    away from the condition), where none of its words belong to the condition (the indices
    in ``condition``)."""
    near = at + step
    if not (0 <= near < len(doc) and 0 <= at < len(doc)) or doc[at].text != ",":
        return None
    if near in condition:
        return None
    return next((r for r in roots if near in {t.i for t in r.subtree}), None)


def _own_words(clause: Token) -> set[int]:
    """The indices of a clause's words, less the clauses joined to it by "and" or a comma
    (the parser may hang the claim itself on the condition: "Should X pass, [the mill will
    close]")."""
    joined = {t.i for c in clause.children if c.dep_ == "conj" for t in c.subtree}
    return {t.i for t in clause.subtree} - joined


def _points_the_reader(clause: Token) -> bool:
    """An "if you look at X" clause: a condition on the reader's attention, not on the
    claim's truth ("If you look at the statistics, they've been on decline")."""
    return clause.lemma_.lower() in _POINTING_VERBS and any(
        c.dep_ == "nsubj" and c.lower_ == "you" for c in clause.children
    )


def _asks_whether(clause: Token) -> bool:
    """An "if" clause after a word of knowing or asking is a "whether", no condition: "it
    was unclear if the shooting was filmed", "police asked if anyone saw it"."""
    head = clause.head
    words = {head.lemma_.lower()}
    words |= {c.lemma_.lower() for c in head.children if c.dep_ in ("acomp", "attr")}
    return bool(words & _WHETHER_HEADS)


def _char_span(doc: Doc, cue: Cue) -> Span:
    tokens = doc[cue.start : cue.end]  # not doc.text: spaCy rebuilds it on every access
    return Span(tokens.start_char, tokens.end_char, tokens.text)
