"""Claims: the attributed contents, plus what the article asserts in its own voice.

Every attribution's content is a claim. So is every stretch of a sentence that no
attribution covers and that says something (has a verb): plain background ("In April, North
Korea had already offered ...") and the article's own speculation ("and it could be a sign ...")
must show up in the ledger too, asserted by the article itself. An act a claim only alleges
in a clause of its own ("faces charges after allegedly setting fire to ...") is a claim too.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import replace
from itertools import takewhile

from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from newstrace.analyze.attribution.nesting import (
    SUBJECT_DEPS,
    child_of,
    is_finding,
    said_by_research,
)
from newstrace.analyze.certainty import belief_verb, distancing
from newstrace.analyze.hedges import span_cues, word_list
from newstrace.analyze.kinds import is_reporting_verb
from newstrace.analyze.nlp import text_of
from newstrace.analyze.sources import speaker_heads
from newstrace.model import Attribution, AttributionSpans, Source, Span

_LEADING_JUNK = " \t\r\n-–—•*·:;,\"'“”‘’()"
_TRAILING_JUNK = " \t\r\n-–—•*·:;,"
# "as" joins clauses, but "As a result, ..." opens one
_CONJUNCTION = r"(?:and|but|or|so|while|as(?!\s+a\s+result\b)|because)"
_LEADING_CONJUNCTIONS = re.compile(rf"(?:{_CONJUNCTION}\b\W*)+", re.I)
_TRAILING_CONJUNCTIONS = re.compile(rf"(?:\W+\b{_CONJUNCTION})+\W*$", re.I)
# a relative word left at a piece's end where an attribution took its clause ("arrested Dale
# Lund, 22, who [police said admitted it]"); not "that", which may end a clause ("confirm that")
# ("Police are trying to determine who." ends its sentence: kept)
_TRAILING_RELATIVE = re.compile(r"\W+\b(?:who|whom|whose|which|where)[^\w.!?]*$", re.I)
_FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
# verbs of speaking whose infinitive after "declined", "refused", "asked not" is no claim
_NOT_SAYING = {"comment", "name", "identify", "say", "speak", "elaborate", "discuss", "respond"}
# verbs of refusing (:func:`refused`)
_REFUSALS = frozenset({"refuse", "decline"})
_HEADLINE_WORDS = 3
_NOUN_MODIFIERS = frozenset({"det", "amod", "compound", "poss", "case", "nummod"})
_SIGN_OFF = re.compile(r"(?:[A-Z][\w'’.-]*\s+){1,4}(?:reports|reported|reporting)\W*")
_MIN_WORDS = 4
# what may follow a credit that ends its sentence
_AFTER_CREDIT = " \t.,;:!?\"'”’"


def extent(attribution: Attribution, text: str) -> Span:
    """From the first to the last character of source, cue and content together.

    A claim the article makes itself has no cue; its source (the outlet, perhaps named in a
    credit line far away) is not part of its wording, so its extent is its content alone.
    """
    if attribution.cue is None:
        return attribution.content
    parts = [
        attribution.content,
        attribution.cue,
        *([attribution.source.span] if attribution.source.span else []),
    ]
    return Span.of(text, min(p.start for p in parts), max(p.end for p in parts))


def is_sign_off(text: str) -> bool:
    """Whether a sentence is a reporter's sign-off ("Katherine Creag reports.", "News4's
    Shomari Stone reports."): the broadcaster's own reporter introducing the story, no
    source of the sentences around it and no claim.

    >>> is_sign_off("News4's Shomari Stone reports."), is_sign_off("Stone reports a fire.")
    (True, False)
    """
    return _SIGN_OFF.fullmatch(text.strip()) is not None


# a call for tips: "Anyone with information should call ...", "asked anyone who saw the
# crash to contact ...", "Tips can be left at ...", "If you know anything, call ...", "you
# are asked to call ..."
_TIP_LINE = re.compile(
    r"\banyone (?:with|who (?:has|had|may have|might have)) (?:any )?"
    r"(?:information|knowledge|details)\b.*?\b(?:call|contact|text|reach|email|submit)\b"
    r"|\banyone who (?:knows|saw|witnessed)\b.*?\b(?:call|contact)\b"
    r"|\btips? (?:information )?(?:can|may) be\b"
    r"|\bif you (?:have|know|see|saw|witnessed)\b[^.]*?\b(?:call|contact)\b"
    r"|\byou(?:'re|’re| are) (?:being )?asked to (?:call|contact)\b",
    re.IGNORECASE,
)


def is_tip_line(text: str) -> bool:
    """Whether a sentence asks readers for tips ("Anyone with information is asked to call
    Dover police at ..."): page furniture of crime news, nothing a reader could check.

    >>> is_tip_line("Anyone with information is asked to call police."), is_tip_line(
    ...     "Anyone with a ticket can call the box office.")
    (True, False)
    >>> is_tip_line("If you know anything, call Crime Stoppers."), is_tip_line(
    ...     "If you see the comet, you will remember it.")
    (True, False)
    """
    return _TIP_LINE.search(text) is not None


# a page's labels before a colon: contact lines, links to other pages, Q&A columns
_PAGE_LABELS = frozenset({"email", "e-mail", "contact", "tel", "phone", "twitter", "follow"}) | {
    *("related", "related article", "related articles", "related story", "related stories"),
    *("gallery", "photos", "video", "watch", "read more", "source", "answer", "question"),
}


def is_page_label(found: AttributionSpans) -> bool:
    """Whether a tagged attribution is a page's label taken for a source and a colon
    ("Email: [someone@example.com]", "RELATED ARTICLE: [Teen killed in ...]", "GALLERY:
    [...]", "Contact Sam: [...]"): nobody said what follows."""
    if found.source is None:
        return False
    label = found.source.text.strip().lower()
    return label in _PAGE_LABELS or label.startswith("contact ")


# how often a word must be a cue in training for a cue of no verb to report anything
WORDLESS_RATE = 0.2
# nouns of speech that make a cue of no verb ("in his own words", "in the words of")
_WORDS = frozenset({"word", "words"})


def names_no_report(doc: Doc, found: AttributionSpans, cue_rates: dict[str, float]) -> bool:
    """Whether a tagged cue holds no word of reporting: no verb, no punctuation (a colon or
    a dash may introduce speech), and no word that is often a cue ("[championship
    moment]", "[Expand Link]", "[3 months free]": page widgets and captions the tagger
    read as cues), so nothing is reported there. "reportedly", "according to", "Notes", a
    colon, and a verb of reporting the tagger read as a noun ("the company [state in a
    blog post]") stay cues."""
    words = doc.char_span(found.cue.start, found.cue.end, alignment_mode="expand")
    if words is None or any(t.pos_ in ("VERB", "AUX") or t.is_punct for t in words):
        return False
    forms = {form for t in words for form in (t.lower_, t.lemma_.lower())}  # as printed, lemma
    return not any(
        form in _WORDS or is_reporting_verb(form) or cue_rates.get(form, 0.0) >= WORDLESS_RATE
        for form in forms
    )


def certainty_region(attribution: Attribution, text: str) -> Span:
    """Where a claim's certainty is read: its extent, but only its content where the cue
    stands in an earlier paragraph (a quotation running on): the cue's own paragraph
    holds another claim, with hedges of its own."""
    cue, content = attribution.cue, attribution.content
    if cue is not None and cue.end <= content.start and "\n" in text[cue.end : content.start]:
        return content
    return extent(attribution, text)


def trimmed(text: str, start: int, end: int) -> Span | None:
    """The piece without surrounding punctuation, bullets, dangling conjunctions and a
    dangling relative word.

    >>> trimmed("and so it ended, and", 0, 20).text, trimmed("As a result, it ended", 0, 21).text
    ('it ended', 'As a result, it ended')
    """
    while start < end and text[start] in _LEADING_JUNK:
        start += 1
    while end > start and text[end - 1] in _TRAILING_JUNK:
        end -= 1
    if leading := _LEADING_CONJUNCTIONS.match(text, start, end):
        start = leading.end()
    if trailing := _TRAILING_CONJUNCTIONS.search(text, start, end):
        end = trailing.start()
    if relative := _TRAILING_RELATIVE.search(text, start, end):
        end = relative.start()
    return Span.of(text, start, end) if start < end else None


def _lines(start: int, end: int, text: str) -> Iterator[tuple[int, int]]:
    """A sentence cut at line breaks: headings and bullets are never glued to the next line."""
    for piece in re.finditer(r"[^\n]+", text[start:end]):
        yield start + piece.start(), start + piece.end()


def _uncovered(start: int, end: int, covered: list[Span]) -> Iterator[tuple[int, int]]:
    """The pieces of ``[start, end)`` that no covered span touches."""
    cursor = start
    for span in sorted(covered, key=lambda s: s.start):
        if span.end <= cursor or span.start >= end:
            continue
        if span.start > cursor:
            yield cursor, span.start
        cursor = max(cursor, span.end)
    if cursor < end:
        yield cursor, end


def _says_something(doc: Doc, span: Span) -> bool:
    """A clause, not a heading or a fragment: enough words and a finite verb among them."""
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    if tokens is None:
        return False
    words = [t for t in tokens if t.is_alpha]
    return (
        len(words) >= _MIN_WORDS
        and any(t.tag_ in _FINITE_TAGS for t in tokens)
        and not is_sign_off(span.text)
        and not is_tip_line(span.text)
    )


def is_proposition(doc: Doc, span: Span) -> bool:
    """Whether an attribution's content says something a reader could check.

    A clause does (a finite verb, or a verb with its own subject: "footage showing him
    crying"), and so does an intention ("hope to carry out the experiment") or a headline's
    verbless statement of three words or more ("suggests egg yolks almost as bad as
    smoking"). The object of a preposition ("crying about his terrible economy"), a
    pronoun ("which") and a refusal to speak ("declined to comment", "asked not to be
    named") do not, nor a question with a gap (:func:`is_open_question`).
    """
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    if tokens is None or _open_question(tokens):
        return False
    verbs = [t for t in tokens if t.pos_ in ("VERB", "AUX")]
    if any(
        t.tag_ in _FINITE_TAGS or any(c.dep_ in SUBJECT_DEPS and c in tokens for c in t.children)
        for t in verbs
    ):
        return True
    inside = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    if all(t.pos_ in ("ADP", "PRON", "DET") or t.dep_ in ("prep", "pobj") for t in roots):
        return False
    if verbs:
        return not any(t.lemma_.lower() in _NOT_SAYING for t in verbs)
    if _names_a_thing(tokens) and not is_finding(tokens.root.head):
        return False  # but what a study found is its claim: "found [a link between X and Y]"
    return sum(t.is_alpha for t in tokens) >= _HEADLINE_WORDS


# words that leave a gap in the clause they open; not "that" (tagged WDT too, as a
# complementizer), nor "whether", "how", "why", "where" or "when", whose clauses labellers
# take as claims: "could not confirm [whether X]" is X not confirmed (`CLAIMS.md` 3), "laid
# out [how he was swindled]" is that he was, "[where the board fails], the party would sue"
# a condition
_GAP_WORDS = frozenset({"what", "which", "who", "whom", "whose"})


def is_open_question(doc: Doc, span: Span) -> bool:
    """Whether an attribution's content is a question with a gap (:func:`_open_question`)."""
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    return tokens is not None and _open_question(tokens)


def unanswered(doc: Doc, attribution: Attribution, chain: tuple[Source, ...]) -> Attribution:
    """ "Police did not say [what led to the shooting]": no claim of the police's, but the
    article's, that they did not say; its span runs from the source (where the same
    sentence names it) or the cue to the question's end, so that the sentence's other
    clauses ("Two men were hurt, but police did not say [who fired]") stay claims of their
    own."""
    text = text_of(doc)
    cue = attribution.cue or attribution.content
    sentence = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    first = sentence.sent.start_char if sentence is not None else cue.start
    source = attribution.source.span
    start = min(cue.start, attribution.content.start)  # "what [he calls] a murder"
    if source is not None and first <= source.start < start:
        start = source.start
    span = trimmed(text, start, attribution.content.end) or attribution.content
    return article_attribution(_with_subject(doc, span, first), chain)


def _open_question(tokens: TokenSpan) -> bool:
    """An embedded question that leaves a gap ("what led to the shooting", "who fired
    first", "how many shots were fired"): what someone did not say or was asked about, no
    proposition. A wh-word opening a clause inside the content ("what happened was a
    dispute"), a relative clause ("which the sheriff said appears to be ...") or an
    adverbial one asks nothing."""
    first = next((t for t in tokens if t.is_alpha), None)
    if first is None:
        return False
    second = first.nbor() if first.i + 1 < len(first.doc) else first
    gap = first.lower_ in _GAP_WORDS or (
        first.lower_ == "how" and second.pos_ in ("ADJ", "ADV") and second in tokens
    )
    if not gap:
        return False
    clause = next((t for t in first.ancestors if t.pos_ in ("VERB", "AUX")), None)
    return (
        clause is not None
        and clause in tokens
        and clause.head not in tokens
        and clause.dep_ not in ("relcl", "advcl")
    )


# below this rate (how often a word is a cue in the attribution training data) a verb is
# more often a deed than a cue ("believe" 0.24, "find" 0.26, "shoot" 0.11)
DEED_RATE = 0.3
# a verb's clauses after its object, as the parser hangs them ("found X to Y", "found X can Y")
_CLAUSES = frozenset({"xcomp", "advcl", "ccomp"})


def reports_a_deed(doc: Doc, cue: Span, content: Span, cue_rates: dict[str, float]) -> bool:
    """Whether a tagged attribution reports a deed, not words: a verb seldom a cue
    (:data:`DEED_RATE`) whose content is no clause nor quotation but a thing or an act ("A
    man shot [his neighbour]", "police found [him dead]", "[posted] bond", "planned [to add
    a charge]", a refusal: :func:`refused`). An object with a clause of its own ("urged
    [people to stay calm]", "found [cheese to contain casein]") was said or found. Such
    attributions (PolNeAR counts stances and intentions among them) make no claim; the
    sentence is the article's own."""
    verb = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    tokens = doc.char_span(content.start, content.end, alignment_mode="expand")
    if verb is None or tokens is None:
        return False
    if refused(doc, cue, content) is not None:
        return True  # "has refused [to release the report]": nothing was said
    if any(_pleaded(t) for t in verb):
        return True  # "[pleaded not guilty at] the federal court": the plea in the cue
    if _acts_on_a_thing(verb, cue_rates) or _finding_out(verb, tokens):
        return True  # "[pointed the handgun toward] an officer", "[to see] if it was an accident"
    head = _verb_of(verb)
    if head is None:
        return False
    if _pronounced_dead(head) or _dispatched(head) or _named_as(head) or _phoned(head):
        return True  # "was pronounced dead", "were called to the scene", "known as 'Shy'"
    if _pleaded(head) or _asked_a_question(head, tokens) or _refused_to(head):
        return True  # "pleaded guilty to ...", "asked whether ...", "was denied bond"
    if any(t.is_quote for t in tokens) or tokens[0].lower_ == "that":
        return False
    if _came_upon(head, tokens):
        return True  # "police found [four people shot]", "he saw [a man on the ground]"
    if cue_rates.get(head.lemma_.lower(), 0.0) >= DEED_RATE or is_finding(head):
        return False
    if head.lemma_.lower() in word_list("belief_frames") and tokens[0].lower_ == "to":
        return False  # "(now) hope [to test it on pensioners]": a guess at what may come
    complements = {t.dep_ for t in head.children if t in tokens}
    if "dobj" in complements and complements & _CLAUSES:
        return False  # "urged people to stay calm", "found cheese to contain casein"
    # a verb with a subject in the content makes it a clause ("no evidence [that the photo
    # was] ..."); the cue's own verb or a relative clause ("the man [who shot them]") does not
    return not any(
        t.dep_ in SUBJECT_DEPS and t.head in tokens and t.head != head and t.head.dep_ != "relcl"
        for t in tokens
    )


def not_known(doc: Doc, found: AttributionSpans) -> bool:
    """Whether a tagged attribution with no source only says what is not known ("It [was not
    known] if the victim went to a hospital"): the article's own statement that no one
    knows, not anyone's report, so no unnamed source is cited for it."""
    if found.source is not None:
        return False
    words = doc.char_span(found.cue.start, found.cue.end, alignment_mode="expand")
    verb = None if words is None else _verb_of(words)
    return (
        verb is not None
        and verb.lemma_.lower() == "know"
        and any(c.dep_ == "auxpass" for c in verb.children)
        and any(c.dep_ == "neg" for c in verb.children)
    )


# verbs of coming upon a person or a thing; those of seeing report no finding at all
_FINDING_UPON = frozenset({"find", "discover", "locate"})
_SEEING = frozenset({"see", "notice", "observe", "spot"})
# the tenses and subjects of a clause of its own (:func:`_tensed`)
_PRESENT = frozenset({"VBZ", "VBP", "MD"})
_SUBJECT_PRONOUNS = frozenset({"i", "he", "she", "we", "they"})


def _came_upon(verb: Token, content: TokenSpan) -> bool:
    """Whether a finding or seeing verb tells what someone came upon, a deed the article
    reports ("officers [found] the victim conscious", "deputies [discovered] him in a car",
    "[saw] a man on the ground", "[noticed] she had a missed call"), not a finding they
    report: what a study, record or named body found and what is found to be so in a clause
    of its own ("found he had been shot", "found 265 children shot themselves") stay
    reports, and so does a verb of seeing after what it credits ("..., the analyst
    observes")."""
    lemma = verb.lemma_.lower()
    if lemma in _SEEING:
        return content.start > verb.i
    if lemma not in _FINDING_UPON or said_by_research(verb):  # covers is_finding
        return False
    # a relative clause or a second verb of the finder's ("found a gun and [shot] himself")
    aside = {t.i for t in content if t.dep_ == "relcl" or t in verb.conjuncts for t in t.subtree}
    return not any(_tensed(t) and t.i not in aside for t in content)


def _tensed(word: Token) -> bool:
    """Whether a word marks a clause of its own, not a participle after an object ("found
    the boy [shot] in the chest"): a present or modal verb, a past auxiliary ("found he
    [had] been shot"), a subject pronoun ("found [he] died"), or a past verb with an object
    of its own ("found 265 children [shot] themselves")."""
    return (
        word.tag_ in _PRESENT
        or (word.tag_ == "VBD" and (word.pos_ == "AUX" or child_of(word, {"dobj"}) is not None))
        or word.lower_ in _SUBJECT_PRONOUNS
    )


# verbs that make a finding or a statement public: a report of it, whatever their cue rate
_MADE_PUBLIC = frozenset({"present", "publish", "release", "issue", "unveil"})


def _acts_on_a_thing(cue: TokenSpan, cue_rates: dict[str, float]) -> bool:
    """Whether the tagger's cue is a verb seldom a cue with its own object inside ("[pointed
    the handgun toward] an officer", "[filed the suit Friday against] the rule"): an act on a
    thing, whatever follows; not one that makes words public ("presented her model at",
    "made some predictions about": the object a record or someone who speaks)."""
    verbs = [t for t in cue if t.pos_ == "VERB"]
    if len(verbs) != 1 or verbs[0].lemma_.lower() in _MADE_PUBLIC:
        return False
    verb, speakers = verbs[0], speaker_heads()
    return cue_rates.get(verb.lemma_.lower(), 0.0) < DEED_RATE and any(
        c.dep_ == "dobj"
        and c in cue
        and c.pos_ == "NOUN"
        and c.lemma_.lower() not in speakers
        and c.lower_ not in speakers
        for c in verb.children
    )


# verbs of finding out, with "if" or "whether" an act still under way, no claim
_FINDING_OUT = frozenset({"see", "determine", "learn", "establish", "decide"})


def _finding_out(cue: TokenSpan, content: TokenSpan) -> bool:
    """Whether the cue ends in finding out and its content is what is not yet known
    ("detectives [are investigating to see] if the shooting was an accident", "[is still
    looking at the video to determine] whether a crime was committed")."""
    verbs = [t for t in cue if t.pos_ == "VERB"]
    return (
        bool(verbs)
        and verbs[-1].lemma_.lower() in _FINDING_OUT
        and content[0].lower_ in {"if", "whether"}
    )


def _verb_of(cue: TokenSpan) -> Token | None:
    """The one verb of a cue of a verb alone or with its auxiliaries, particle, preposition
    or adverbs ("shot", "are looking for", "were scattered about", "was later seen"), else
    None."""
    verbs = [t for t in cue if t.pos_ == "VERB"]
    if len(verbs) != 1 or any(t.pos_ not in _VERB_COMPANY for t in cue if t not in verbs):
        return None
    return verbs[0]


# what may stand beside a cue's verb in a cue that is still one verb
_VERB_COMPANY = frozenset({"AUX", "PART", "ADP", "ADV"})
# who is "pronounced dead", "declared dead" or "found dead" died: an act, not a report (one
# "reported dead" or "feared dead" is a report or a fear, and stays one)
_DEATH_WORDS = frozenset({"dead", "deceased"})
_DEATH_VERBS = frozenset({"pronounce", "declare", "find"})
# how the parser hangs "dead" on such a verb
_PREDICATIVES = frozenset({"oprd", "acomp", "xcomp", "ccomp", "advmod", "dobj", "attr"})


def _pronounced_dead(verb: Token) -> bool:
    """Whether ``verb`` pronounces or finds a death ("was pronounced dead", "declared him
    dead", "found him dead")."""
    return verb.lemma_.lower() in _DEATH_VERBS and any(
        c.lower_ in _DEATH_WORDS and c.dep_ in _PREDICATIVES for c in verb.children
    )


def _dispatched(verb: Token) -> bool:
    """Whether ``verb`` sends someone somewhere ("Police [were called to] the lounge",
    "agencies have been called to assist"): a passive "called to" is a dispatch."""
    return (
        verb.lemma_.lower() == "call"
        and any(c.dep_ == "auxpass" for c in verb.children)
        and verb.i + 1 < len(verb.doc)
        and verb.nbor().lower_ == "to"
    )


def _named_as(verb: Token) -> bool:
    """Whether ``verb`` gives a name ("a rapper [known as] 'Shymoney'"), not a report."""
    return verb.lemma_.lower() == "know" and any(
        c.lower_ == "as" and c.dep_ == "prep" for c in verb.children
    )


# whom one calls on the phone ("called 911", "called police", "called the Sheriff's Office")
_PHONED = frozenset(
    {"911", "police", "authority", "deputy", "officer", "dispatcher", "ambulance", "sheriff"}
    | {"office", "department", "paramedic", "firefighter", "trooper", "cop", "dispatch"}
)


def _phoned(verb: Token) -> bool:
    """Whether ``verb`` is a phone call ("Neighbors [called] police after hearing shots"),
    not a naming ("called the shooting a tragedy", whose second object the parser marks)."""
    return (
        verb.lemma_.lower() == "call"
        and not any(c.dep_ in ("oprd", "ccomp", "acomp") for c in verb.children)
        and any(c.dep_ == "dobj" and c.lemma_.lower() in _PHONED for c in verb.children)
    )


# what a plea says of the one who enters it
_PLEAS = frozenset({"guilty", "innocent", "contest"})


def _pleaded(verb: Token) -> bool:
    """Whether ``verb`` enters a plea in court ("pleaded guilty to manslaughter", "pleaded
    not guilty", "pleaded no contest"): an act on the record, not a report of a claim."""
    return verb.lemma_.lower() == "plead" and any(
        t.lower_ in _PLEAS for c in verb.children for t in c.subtree
    )


def _refused_to(verb: Token) -> bool:
    """Whether ``verb`` is a passive "denied" with no one named to deny ("was denied bond",
    "were denied entry", "his permit was denied because ..."): a court's or an office's
    refusal the article reports, not a denial anyone voiced."""
    return (
        verb.lemma_.lower() == "deny"
        and any(c.dep_ == "auxpass" for c in verb.children)
        and not any(c.dep_ == "agent" for c in verb.children)
    )


# words that open an indirect question ("asked [whether ...]", "asked [why ...]")
_QUESTION_WORDS = frozenset({"if", "whether", "why", "how", "what", "who", "when", "where"})
_ASKING = frozenset({"ask", "wonder", "inquire", "question"})


def _asked_a_question(verb: Token, content: TokenSpan) -> bool:
    """Whether ``verb`` asks and its content is the question ("Reporters asked [whether the
    mayor would resign]", "When asked [if the fire was set]"): nobody claims what is
    asked; the article says that it was asked. A quoted question ("“Why though? It seems
    ...?” asked one user") may carry its asker's claims, and stays theirs."""
    first = content[0]
    quoted = first.i > 0 and first.nbor(-1).is_quote
    return verb.lemma_.lower() in _ASKING and first.lower_ in _QUESTION_WORDS and not quoted


def refused(doc: Doc, cue: Span, content: Span) -> Token | None:
    """The verb of what a source refused to do ("has refused [to release the report]",
    "declined [to comment]"), where the cue is a refusal and its content an infinitive;
    PolNeAR tags such verbs as cues, but nothing was said, and the act was not done."""
    words = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    tokens = doc.char_span(content.start, content.end, alignment_mode="expand")
    if words is None or tokens is None or tokens[0].lower_ != "to":
        return None
    if not any(t.lemma_.lower() in _REFUSALS for t in words):
        return None
    return tokens[0].head if tokens[0].head in tokens else None


def refusal_claim(
    doc: Doc, found: AttributionSpans, chain: tuple[Source, ...]
) -> Attribution | None:
    """The article's claim that a source refused ("The council has refused to release the
    report"), from the refuser's subject to the end of what was refused, so that a clause
    after it ("..., saying she had done nothing wrong") stays a claim of its own; none for a
    refusal that describes a noun ("pupils who refuse to ...")."""
    act = refused(doc, found.cue, found.content)
    words = doc.char_span(found.cue.start, found.cue.end, alignment_mode="expand")
    verb = next((t for t in words or () if t.lemma_.lower() in _REFUSALS), None)
    if act is None or verb is None or verb.dep_ in ("relcl", "acl", "amod"):
        return None
    subject = child_of(verb, SUBJECT_DEPS)
    start = subject.left_edge.idx if subject is not None else verb.idx
    end = act.right_edge.idx + len(act.right_edge)
    span = trimmed(text_of(doc), min(start, verb.idx), end)
    return None if span is None else article_attribution(span, chain)


def with_own_subject(doc: Doc, found: AttributionSpans) -> AttributionSpans:
    """A sourceless attribution whose cue verb has a subject of its own before it, with a
    clause between the two that the role tagger lost it over ("Officials, who spoke on
    condition of anonymity because they were not authorized to discuss the case, said
    ..."): that subject is the source. In the ledger, not the extractor:
    PolNeAR dev marks such sources otherwise (CRFs 76.7 -> 76.6 with it there)."""
    cue = doc.char_span(found.cue.start, found.cue.end, alignment_mode="expand")
    if found.source is not None or cue is None or cue[-1].pos_ != "VERB":
        return found
    subject = child_of(cue[-1], {"nsubj"})
    if (
        subject is None
        or subject.pos_ not in ("NOUN", "PROPN")
        or subject.idx >= found.content.start
        or not any(c.dep_ in ("relcl", "acl", "appos") for c in subject.children)
    ):
        return found  # ("Brightwave, an advocacy group that tracks ..., found": an apposition)
    words = doc[subject.left_edge.i : subject.i + 1]  # not the clause, which names others
    source = Span.of(text_of(doc), words.start_char, words.end_char)
    return AttributionSpans(found.cue, found.content, source)


def source_after_according(doc: Doc, found: AttributionSpans) -> AttributionSpans:
    """A sourceless "according to" whose content took in the source named after it ("The
    boy, according to [the neighbor, was alert ...]", "According to [police, at 11:06 p.m.
    officers were called ...]"): that noun phrase is the source, and the content is the
    clause it credits, from its subject where the credit stands inside it. In the
    ledger, not the extractor: PolNeAR's spans are scored as the tagger gives them."""
    cue = doc.char_span(found.cue.start, found.cue.end, alignment_mode="expand")
    if found.source is not None or cue is None or cue.text.lower() != "according to":
        return found
    named = child_of(cue[-1], {"pobj"})
    if named is None or not found.content.start <= named.left_edge.idx < found.content.end:
        return found
    last = named.right_edge
    source = Span.of(text_of(doc), named.left_edge.idx, last.idx + len(last))
    subject = child_of(cue[0].head, SUBJECT_DEPS)
    before = subject.left_edge.idx if subject is not None and subject.i < cue.start else None
    start = source.end if before is None else before  # "The boy, according to ..., was"
    content = trimmed(text_of(doc), start, found.content.end)
    if content is None or content.end <= source.end:
        return found
    return AttributionSpans(found.cue, content, source)


def up_to_the_credit(doc: Doc, found: AttributionSpans) -> AttributionSpans:
    """A closing "according to" whose content stops short of it ("they found the man
    [yelling over the boy], who appeared to have been shot, according to a police report"):
    the report credits the whole clause before it, so the content runs on to the credit
    where every word between hangs on a word of the content."""
    cue = doc.char_span(found.cue.start, found.cue.end, alignment_mode="expand")
    tokens = doc.char_span(found.content.start, found.content.end, alignment_mode="expand")
    if cue is None or tokens is None or cue.text.lower() != "according to":
        return found
    between = doc[tokens.end : cue.start]
    words = [t for t in between if not t.is_punct]
    if not words or any(t.is_quote for t in between) or cue.sent != tokens.sent:
        return found
    inside = set(range(tokens.start, tokens.end))
    if not all(any(a.i in inside for a in t.ancestors) for t in words):
        return found
    content = trimmed(text_of(doc), found.content.start, words[-1].idx + len(words[-1]))
    return found if content is None else AttributionSpans(found.cue, content, found.source)


def _names_a_thing(tokens: TokenSpan) -> bool:
    """A noun phrase and nothing more ("citing a police report", "told the Dover Courier",
    "citing an interview in the Gazette"): its one root a noun, every other word a modifier
    before it or in a prepositional phrase after it. An adjective after the noun predicates
    ("police consider [the death accidental]")."""
    roots = [t for t in tokens if not t.is_punct and (t.head == t or t.head not in tokens)]
    if len(roots) != 1 or roots[0].pos_ not in ("NOUN", "PROPN"):
        return False
    noun = roots[0]
    if any(t.lower_ == "no" and t.head == noun for t in tokens):
        return False  # "found [no evidence of fraud]": a denial says something
    after = {t.i for c in noun.rights if c.dep_ == "prep" for t in c.subtree}
    return all(
        t.is_punct or t == noun or t.i in after or (t.dep_ in _NOUN_MODIFIERS and t.i < noun.i)
        for t in tokens
    )


def asserted_spans(doc: Doc, covered: Sequence[Span], skip: Sequence[Span]) -> list[Span]:
    """The stretches of each sentence the article states in its own voice."""
    found = []
    text = text_of(doc)
    for sentence in doc.sents:
        for line_start, line_end in _lines(sentence.start_char, sentence.end_char, text):
            for start, end in _uncovered(line_start, line_end, [*covered, *skip]):
                span = trimmed(text, start, end)
                if span is not None and _says_something(doc, span):
                    found.append(_with_subject(doc, span, line_start))
    return found


def _with_subject(doc: Doc, span: Span, line_start: int) -> Span:
    """A stretch that opens with its verb, whose subject an attribution took ("footage
    showing him crying" then "would be a shock."), with that subject put back: the claim
    is what is said of it, whatever the subject holds."""
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    if tokens is None:
        return span
    verb = next((t for t in tokens if t.tag_ in _FINITE_TAGS), None)
    head = verb.head if verb is not None and verb.dep_ in ("aux", "auxpass") else verb
    if head is None or head.dep_ not in ("ROOT", "conj", "ccomp"):
        return span
    subject = child_of(head, SUBJECT_DEPS)
    if subject is None or subject.idx >= span.start or subject.left_edge.idx < line_start:
        return span
    return trimmed(text_of(doc), subject.left_edge.idx, span.end) or span


def per_sentence(
    text: str, sentences: Sequence[tuple[int, int]], attribution: Attribution
) -> list[Attribution]:
    """An attribution whose content runs over several sentences (a long quotation), as one
    attribution per sentence: each sentence is a claim of its own, hedged or not on its
    own words ("This could help ... It may not be simple" is not one negated claim).
    ``sentences`` are the document's ``(start, end)`` character bounds in order
    (:func:`sentence_bounds`: walking ``Doc.sents`` per attribution cost a quarter of the
    ledger's time)."""
    content = attribution.content
    first = bisect_right(sentences, (content.start, len(text) + 1)) - 1
    pieces = [
        span
        for start, end in takewhile(lambda b: b[0] < content.end, sentences[max(first, 0) :])
        if content.start < end
        for span in [trimmed(text, max(start, content.start), min(end, content.end))]
        if span is not None
    ]
    if len(pieces) < 2:
        return [attribution]
    pieces = [_before_credit(text, piece, attribution) for piece in pieces]
    return [replace(attribution, content=piece) for piece in pieces]


def _before_credit(text: str, piece: Span, attribution: Attribution) -> Span:
    """A sentence piece that ends with the attribution's own credit ('"X," Lay said.', where
    the quotation runs on in the next sentence) cut to the words before it: the credit is no
    part of what was said, and its verb would stand in for the claim's own."""
    cue = attribution.cue
    if cue is None or not piece.start < cue.start < cue.end <= piece.end:
        return piece
    named = [
        s for s in (attribution.source.span,) if s and piece.start < s.start < s.end <= piece.end
    ]
    if text[max([cue.end, *(s.end for s in named)]) : piece.end].strip(_AFTER_CREDIT):
        return piece
    return trimmed(text, piece.start, min([cue.start, *(s.start for s in named)])) or piece


def alleged_acts(doc: Doc, attributions: Sequence[Attribution]) -> list[Attribution]:
    """The acts or facts claims only allege, report or believe in a clause of their own
    ("is facing charges after allegedly ordering his dog to attack officers", "a crowd
    expected to be about 50,000", "a rifle he believed was unloaded"), each a claim with the
    sources of the innermost claim that holds it: the hedged clause is what a reader checks,
    and the claim's own level (the charges are a fact) does not carry its hedge. A hedge on
    the claim's main verb hedges the claim itself and adds nothing."""
    acts: dict[tuple[int, int], Attribution] = {}
    for attribution in attributions:
        for span in _alleged_in(doc, attribution.content):
            act = replace(attribution, content=span)
            known = acts.setdefault((span.start, span.end), act)
            if len(act.chain) > len(known.chain):
                acts[span.start, span.end] = act  # the innermost report
    return list(acts.values())


# speculative frames that report a clause below a claim as only expected or predicted
_REPORTED_FRAMES = frozenset({("expected", "to"), ("predicted", "to")})
# where a hedged clause describes a noun, the noun opens the claim ("a crowd [expected to
# be about 50,000]")
_NOUN_CLAUSES = frozenset({"relcl", "acl"})


def _alleged_in(doc: Doc, content: Span) -> Iterator[Span]:
    """The clauses of ``content`` hedged by hearsay or belief below its own verb."""
    tokens = doc.char_span(content.start, content.end, alignment_mode="expand")
    if tokens is None:
        return
    for cue in span_cues(tokens):
        words = doc[cue.start : cue.end]
        frame = tuple(t.lower_ for t in words) in _REPORTED_FRAMES
        if (belief_verb(doc, cue).category != "evidential" and not frame) or distancing(doc, cue):
            continue  # "he claims [it will ...]" keeps the claim attributed: nothing to add
        verb = _hedged_verb(words)
        if verb is None or verb.head.i == verb.i or not tokens.start <= verb.head.i < tokens.end:
            continue  # no clause, or the claim's own verb
        top = verb.head if verb.dep_ in _NOUN_CLAUSES else verb
        first, last = top.left_edge, top.right_edge
        end = min(last.idx + len(last), content.end)
        span = trimmed(text_of(doc), max(first.idx, content.start), end)
        if span is not None and len(span.text.split()) >= _MIN_WORDS:
            yield span


def _hedged_verb(cue: TokenSpan) -> Token | None:
    """The verb of the clause a hedge puts as hearsay or belief: the hedged adverb's verb
    ("allegedly [ordering]", "as if [attempting]"), a hedging frame ("is said to", "appears
    to", "expected to"), or a single hedging verb with a clause of its own ("he [believed]
    was unloaded", not "[think] about the future" or "[claimed] the life of")."""
    root = cue.root
    if root.pos_ in ("VERB", "AUX"):
        reports = len(cue) > 1 or any(c.dep_ in ("ccomp", "xcomp") for c in root.children)
        return root if reports else None
    if root.dep_ in ("advmod", "mark") and root.head.pos_ in ("VERB", "AUX"):
        return root.head
    return None


def one_per_span(attributions: Sequence[Attribution]) -> list[Attribution]:
    """One claim for the same words: where two attributions hold one sentence (a quotation
    paragraph between two tags, each running its content over it), the one whose cue
    stands nearest the words keeps it; the article's own claims have no cue and come last.
    Where one attribution passes the words on from the other ("X, Reuters reported, citing
    officials"), the inner one, whose chain runs on from the other's, keeps them."""
    kept: dict[tuple[int, int], Attribution] = {}
    for attribution in attributions:
        key = (attribution.content.start, attribution.content.end)
        known = kept.setdefault(key, attribution)
        if _runs_on(attribution.chain, known.chain) or (
            not _runs_on(known.chain, attribution.chain)
            and _cue_distance(attribution) < _cue_distance(known)
        ):
            kept[key] = attribution
    return sorted(kept.values(), key=lambda a: a.content.start)


def _runs_on(chain: tuple[Source, ...], prefix: tuple[Source, ...]) -> bool:
    """Whether ``chain`` is ``prefix`` with more links after it."""
    return len(chain) > len(prefix) and chain[: len(prefix)] == prefix


def _cue_distance(attribution: Attribution) -> float:
    cue, content = attribution.cue, attribution.content
    if cue is None:
        return float("inf")
    return max(content.start - cue.end, cue.start - content.end, 0)


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """The ``(start, end)`` character bounds of every sentence of ``doc``, in order."""
    return [(sentence.start_char, sentence.end_char) for sentence in doc.sents]


def article_attribution(span: Span, chain: tuple[Source, ...]) -> Attribution:
    """The attribution of a claim the article makes itself: no cue, its outlet as source."""
    return Attribution(chain[-1], None, span, chain)
