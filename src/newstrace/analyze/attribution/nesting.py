"""Attributions nested inside another one, read off the parse.

PolNeAR usually annotates "Asahi quoted a defector as describing a video" or "a CIA report
says Kim wants peace, CNBC reports" once (the outer attribution), but the ledger needs the
inner link as well, to chain sources. Two plain patterns: "<cue> X as <gerund> Y" and a
reporting verb ("say", "tell": lemmas whose cue-lexicon rate is at least
:data:`REPORTING_RATE`, or any cue verb whose subject is a study or its authors) with a
subject and a clausal complement inside a content; weaker cue verbs too ("told", "suggests")
where their subject names a speaker or a record (:func:`_relayed_by_speaker`). On PolNeAR
dev the second costs about 0.3 points of exact F1 per role (18 extra attributions in 84
articles), a price paid for the chains. A third, :func:`stated_that`, backs the cue tagger up
on main verbs with a "that" clause; :func:`credited_after` reads a credit that closes a report
("X said Y, according to the Post") as the attribution around it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from spacy.tokens import Doc, Span, Token

from newstrace.analyze.attribution._align import TokenSpan
from newstrace.analyze.attribution.roles import RoleExample, trimmed
from newstrace.analyze.hedges import word_list
from newstrace.analyze.nlp import opens_a_question
from newstrace.analyze.quotations import TAG_MARKS
from newstrace.analyze.sources import PLACES, speaker_heads

_INNER_COMPLEMENTS = {"dobj", "ccomp", "xcomp", "attr"}
REPORTING_RATE = 0.8
# weaker cue verbs ("tell" 0.70, "show" 0.39, "believe" 0.24) nest where a speaker or a
# record is their subject (:func:`_relayed_by_speaker`); set on the news tune claims
RELAYED_RATE = 0.2
_FINITE = frozenset({"VBD", "VBZ", "VBP"})
# denials whose object is a claim of the denier's ("denied owning the gun"); "reject" and
# "dismiss" negate a claim they govern (certainty.py) but mostly take a thing, not a claim
_DENIAL_VERBS = frozenset({"deny", "refute"})
# where a source says something, not who relays it: "said ..., according to a statement"
_VENUES = frozenset(
    {"statement", "release", "post", "tweet", "email", "e-mail", "interview", "letter"}
    | {"conference", "briefing", "video", "message", "website", "page", "account"}
)
STANCE_RATE = 0.05
# verbs by which a study reports what it found, also as a noun ("found a link between")
FINDING_VERBS = frozenset({"find", "show", "reveal", "identify", "uncover"})
# what is found or shown to hold a claim: "found no evidence that X"
_EVIDENCE = frozenset({"evidence", "proof", "sign", "indication", "suggestion"})
# the cue of an attribution to whom a report cites (:func:`cited_by`), of the report's words
CITING = "citing"
# named bodies a report may cite ("citing Pellin Police")
_BODIES = frozenset({"ORG", "NORP", "GPE"})
_RESEARCH_NOUNS = frozenset(
    {"study", "research", "researcher", "scientist", "paper", "report", "survey", "analysis"}
    | {"trial", "team", "review", "experiment", "finding", "data"}
    | {"complaint", "affidavit", "indictment", "record", "document", "filing", "warrant"}
)
# verbs a record reports with whatever their rate as cues ("state" is mostly a noun in
# training: 0.03): "Pike fired three shots, the complaint states"
_RECORD_VERBS = frozenset({"state", "say", "show", "allege", "indicate"})


def quoted_as(doc: Doc, cue: TokenSpan) -> RoleExample | None:
    """The inner attribution of "<cue> X as <gerund> Y" or "<cue> X saying Y" (a gerund on
    the object with a clause of its own), or ``None`` if the cue has none."""
    for head in doc[cue[0] : cue[1]]:
        objects = [child for child in head.children if child.dep_ == "dobj"]
        if not objects:
            continue
        # the parser may cut a hyphenated object into several ("co", "-", "author")
        first, obj = objects[0], objects[-1]
        # "as" may hang off the verb or, misparsed, off a phrase after the object
        marker = next(
            (c for c in head.subtree if c.i > obj.i and c.lower_ == "as" and c.dep_ == "prep"),
            None,
        )
        if marker is not None:
            gerund, complements = child_of(marker, {"pcomp"}), _INNER_COMPLEMENTS
        else:  # "quoted a professor saying the incident showed ..."
            gerund, complements = child_of(obj, {"acl"}), {"ccomp"}
        if gerund is None or gerund.tag_ != "VBG":
            continue
        complement = child_of(gerund, complements)
        if complement is None or complement.i < gerund.i:
            continue
        opening = marker or gerund
        return RoleExample(
            cue=(opening.i, gerund.i + 1),
            content=(complement.left_edge.i, _last_word(doc, complement.right_edge.i) + 1),
            source=(first.left_edge.i, min(obj.right_edge.i + 1, opening.i)),
        )
    return None


def said_within(
    doc: Doc, content: TokenSpan, lexicon: dict[str, float], taken: set[int]
) -> list[RoleExample]:
    """Reporting verbs with a subject and a complement clause inside ``content``.

    ``taken`` holds the token indices of cues already found; new cues are added to it.
    """
    verbs = (
        v
        for v in doc[content[0] : content[1]]
        if _rate(v, lexicon) >= REPORTING_RATE
        or (_stance(v, lexicon) and said_by_research(v))
        or (_rate(v, lexicon) >= RELAYED_RATE and _relayed_by_speaker(v))
        or _denial(v)
    )
    return _verb_attributions(doc, verbs, taken, that_clause=False)


def credited_after(doc: Doc, outer: RoleExample) -> RoleExample | None:
    """ "The agency said 300 homes were flooded, according to the Post": the credit that
    closes a content after a comma is the outer attribution of the whole report (its
    content runs from the first word of ``outer`` to the comma), so the chain reads [the
    Post, the agency]. ``None`` where the content ends otherwise, or where the credit is only
    where the source said it ("..., according to a statement")."""
    start, end = outer.content
    last = _last_word(doc, end - 1)
    if outer.source is None:
        return None  # "pronounced dead ..., according to the examiner": no one relayed
    for word in doc[start + 1 : last]:
        to = doc[word.i + 1]
        obj = child_of(to, {"pobj"}) if to.lower_ == "to" else None
        if (
            word.lower_ != "according"
            or obj is None
            or obj.right_edge.i != last
            or doc[word.i - 1].text != ","
            or is_venue(obj)
        ):
            continue
        first = min(outer.content[0], outer.cue[0], outer.source[0])
        if first >= word.i - 1:
            return None
        return RoleExample(
            cue=(word.i, to.i + 1),
            content=(first, _last_word(doc, word.i - 1) + 1),
            source=(obj.left_edge.i, obj.right_edge.i + 1),
        )
    return None


def is_venue(word: Token) -> bool:
    """Whether a credit's word names where a source spoke ("according to a statement"), not
    anyone who relays it."""
    return word.pos_ != "PROPN" and word.lemma_.lower() in _VENUES


def _relayed_by_speaker(verb: Token) -> bool:
    """Whether a weaker cue verb inside a content reports someone's words or a record's: a
    finite verb with a that-clause (not a question, "find out who did this") and a subject
    that names a person, officials, a group or a record ("police said the boy told them
    that ...", "investigators said evidence suggests ..."): the chain's inner link."""
    subject = child_of(verb, {"nsubj"})
    clause = child_of(verb, {"ccomp"})
    if subject is None or clause is None or verb.tag_ not in _FINITE:
        return False
    if opens_a_question(clause.left_edge):
        return False
    return _names_a_speaker(subject)


def _names_a_speaker(head: Token) -> bool:
    """Whether a noun names who speaks or keeps a record: a person, officials, a group, a
    record (:func:`~newstrace.analyze.sources.speaker_heads`)."""
    heads = speaker_heads()
    return head.ent_type_ == "PERSON" or head.lemma_.lower() in heads or head.lower_ in heads


def cited_by(doc: Doc, found: Sequence[RoleExample]) -> list[RoleExample]:
    """``found`` with whom each report cites ("X, Reuters reported, citing two police
    officials"; on the cue, or on the relayer: "state media citing local authorities") as
    an attribution of the report's content, in place of what the taggers made of "citing"
    (the cited as content, the relayer as source); the chain puts it inside the report's
    (:mod:`newstrace.analyze.chains`). Citing a reason ("citing the ongoing
    investigation") cites no one."""
    cited = []
    for example in found:
        if example.source is None or _cites(doc[example.cue[0]]):
            continue
        relayer = doc[example.source[0] : example.source[1]].root
        anchors = [*doc[example.cue[0] : example.cue[1]], relayer]
        for citing in (c for a in anchors for c in a.children if _cites(c)):
            named = child_of(citing, {"dobj"})
            if named is None or not _citable(named):
                continue
            source = (named.left_edge.i, named.right_edge.i + 1)
            cited.append(RoleExample((citing.i, citing.i + 1), example.content, source))
    kept = [e for e in found if not any(e.cue[0] <= c.cue[0] < e.cue[1] for c in cited)]
    return kept + cited


def as_reported(doc: Doc, found: Sequence[RoleExample]) -> list[RoleExample]:
    """``found`` with the clauses an "as reported by X" or "as X reported" credits ("The
    pier will close, as first reported by the Dover Courier"): no verb of the clause is a
    cue, so the taggers see none; the clause is X's report. On a reporting verb ("said X,
    as reported by Y") it is the relayer, left to the chains."""
    cues = {t.i for e in found for t in doc[e.cue[0] : e.cue[1]]}
    credited = []
    for verb in doc:
        if verb.dep_ != "advcl" or verb.lemma_ not in _AS_REPORTED or verb.i in cues:
            continue
        if not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
            continue
        agent = child_of(verb, {"agent"})
        named = child_of(agent, {"pobj"}) if agent is not None else child_of(verb, {"nsubj"})
        if named is None or not (_names_a_speaker(named) or named.ent_type_ in _BODIES):
            continue
        clause = verb.head
        if verb.i > clause.i:
            content = trimmed(doc, clause.left_edge.i, verb.left_edge.i)
        else:
            first = verb.right_edge.i + 1
            first += first < len(doc) and doc[first].is_punct
            content = trimmed(doc, first, clause.right_edge.i + 1)
        if content is not None and not any(content[0] <= i < content[1] for i in cues):
            source = (named.left_edge.i, named.right_edge.i + 1)
            credited.append(RoleExample((verb.i, verb.i + 1), content, source))
    return [*found, *credited]


# verbs of an "as reported by X" credit
_AS_REPORTED = frozenset({"report", "say", "state", "announce", "disclose", "confirm"})


def _citable(named: Token) -> bool:
    """Whether what "citing" takes names a source: a speaker or record, or a named body;
    not an act ("citing the release of prisoners": a record's word, "of" an act)."""
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in named.children):
        return False
    return _names_a_speaker(named) or named.ent_type_ in _BODIES


def _cites(token: Token) -> bool:
    return token.lower_ == CITING and token.dep_ in {"advcl", "acl"}


def _denial(verb: Token) -> bool:
    """ "He denied owning the gun, the report states": a denial inside a report is a claim
    of its own, the denier's, whatever its cue-lexicon rate (`CLAIMS.md` 3, negated)."""
    return verb.pos_ == "VERB" and verb.lemma_.lower() in _DENIAL_VERBS


def _denied_belief(verb: Token) -> bool:
    """ "Authorities do not believe drugs were involved": a negated verb of belief
    (``negation_raising`` in the hedge lexicon) denies the clause it governs, the
    subject's claim; the cue tagger finds "believe" but seldom "do not believe"."""
    return (
        verb.lemma_.lower() in word_list("negation_raising")
        and any(child.dep_ == "neg" for child in verb.children)
        and not any(child.lower_ in _ABLE for child in verb.children)
    )


# "can't believe you are gone" is astonishment, not a denied belief
_ABLE = frozenset({"can", "could", "ca"})
# what joins the believer's next deed; "but" and "or" go on with the belief ("do not believe
# it was planned but may have been an accident")
_NEXT_DEED = frozenset({"and", "so", "then"})
_THIRD_PERSON = frozenset({"they", "he", "she"})


def _belief_end(clause: Token) -> int:
    """Where a denied belief's clause ends: before a verb joined to it by "and" with no subject
    of its own, which is the believer's next deed ("Detectives do not believe the shooting was
    random [and are searching for a suspect]", "did not think there was time to wait [and
    drove the boy to hospital]"), as the parser hangs it inside the clause."""
    for word in clause.subtree:
        if word.dep_ != "cc" or word.lower_ not in _NEXT_DEED:
            continue
        joined = next((c for c in word.head.children if c.dep_ == "conj" and c.i > word.i), None)
        if (
            joined is not None
            and joined.pos_ in ("VERB", "AUX")
            and child_of(joined, SUBJECT_DEPS) is None
        ):
            return _last_word(clause.doc, word.i - 1)
    return _last_word(clause.doc, clause.right_edge.i)


def _subject(verb: Token) -> Token | None:
    """The verb's subject, also where the parser took it for a compound of the verb ("the
    complaint states" read as one name)."""
    subject = child_of(verb, {"nsubj"})
    if subject is None and verb.pos_ == "VERB":
        subject = next((c for c in verb.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"), None)
    return subject


def said_by_research(verb: Token) -> bool:
    """Whether a verb's subject is a study or its authors ("the study showed", "scientists
    concluded"), or a named body that found something ("Everytown found 265 children were
    shot"; "Riley showed how to rack the slide" is a deed): science news relays findings
    through such links, with verbs ("show", "find") that are cues too rarely in PolNeAR to
    pass :data:`REPORTING_RATE`."""
    subject = _subject(verb)
    if subject is None:
        return False
    # a body, tagged or not; not a dateline's place ("SHELTON, Wash. — found")
    named = subject.ent_type_ == "ORG" or (
        subject.pos_ == "PROPN" and not subject.is_upper and subject.ent_type_ not in PLACES
    )
    finder = verb.lemma_.lower() == "find" and named
    return finder or subject.lemma_.lower() in _RESEARCH_NOUNS


def in_their_words(doc: Doc, taken: set[int]) -> list[RoleExample]:
    """ "In Mack's own words: 'It was just a joke'": the clause the phrase hangs on is the
    possessor's, the phrase its cue (rare in PolNeAR, 3 in its train texts; the cue tagger
    never learnt it)."""
    found = []
    for words in (t for t in doc if t.lower_ == "words" and t.dep_ == "pobj"):
        prep, owner = words.head, child_of(words, {"poss"})
        if prep.lower_ != "in" or owner is None or prep.i in taken:
            continue
        clause = prep.head
        start = words.i + 1
        while start < clause.right_edge.i and (doc[start].is_punct or doc[start].is_quote):
            start += 1  # past the colon and an opening quotation mark
        if start <= clause.i <= clause.right_edge.i:
            taken.update(range(prep.i, words.i + 1))
            found.append(
                RoleExample(
                    cue=(prep.i, words.i + 1),
                    content=(start, _last_word(doc, clause.right_edge.i) + 1),
                    source=(owner.left_edge.i, owner.i + 1),
                )
            )
    return found


_TAG_PRONOUNS = frozenset({"he", "she", "they"})


def tagged_quotes(
    doc: Doc,
    regions: Sequence[tuple[int, int]],
    found: Sequence[RoleExample],
    taken: set[int],
) -> list[RoleExample]:
    """A quotation ended by a comma and followed by its speaker and a verb ("“Nobody cooks
    it right,” she gushed", "... the statement read", "...?” asked one user"): the verb is
    the cue whatever it is. The cue tagger learnt "said", "added", "recalled" but not the
    rarer tags news writes ("gushed", "sobbed", "wailed"); ``regions`` are the quotations'
    token ranges, marks included. A quotation inside a content ``found`` already is left
    to it, unless that content has no source: the cue tagger often finds the tag and not
    its speaker, and this reading then takes its place (the caller drops the sourceless
    one)."""
    sourceless = {i for e in found if e.source is None for i in range(*e.cue)}
    tagged = []
    for start, end in regions:
        if end + 1 >= len(doc) or end - start < 4 or doc[end - 2].text not in TAG_MARKS:
            continue
        if any(
            e.source is not None and e.content[0] <= start + 1 and end - 2 <= e.content[1]
            for e in found
        ):
            continue
        if not _holds_a_clause(doc[start + 1 : end - 2]):
            continue  # a word in quotation marks: 'staging a "die-in," this protest follows'
        tag = _speaker_then_verb(doc[end]) or _verb_then_speaker(doc[end])
        if tag is None or (tag[0].i in taken and tag[0].i not in sourceless):
            continue
        verb, source = tag
        taken.add(verb.i)
        tagged.append(RoleExample((verb.i, verb.i + 1), (start + 1, end - 2), source))
    return tagged


def _holds_a_clause(words: Span) -> bool:
    """Whether quoted words hold a clause of their own (a verb other than a participle
    before a noun), as words a speaker said do and a quoted term does not."""
    return any(t.pos_ in ("VERB", "AUX") and t.dep_ != "amod" for t in words)


def _speaker_then_verb(first: Token) -> tuple[Token, TokenSpan] | None:
    """'she gushed', 'Mara Okafor sobbed', 'the statement read': a pronoun, a name or a
    noun phrase whose head is the subject of the finite verb right after it."""
    speaker = first
    if first.dep_ == "det" and first.head.i > first.i:
        speaker = first.head  # "the father": the noun is the subject
    while speaker.dep_ == "compound" and speaker.head.i == speaker.i + 1:
        speaker = speaker.head  # "Mara Okafor": the surname is the subject
    verb = speaker.head
    if (
        speaker.dep_ != "nsubj"
        or verb.i != speaker.i + 1
        or verb.tag_ not in _FINITE
        or not (
            speaker.lower_ in _TAG_PRONOUNS
            or speaker.pos_ == "PROPN"
            or (speaker.pos_ == "NOUN" and speaker is not first)
        )
    ):
        return None
    return verb, (first.i, verb.i)


def _verb_then_speaker(verb: Token) -> tuple[Token, TokenSpan] | None:
    """'asked one user', 'wrote Mara Okafor': a past-tense verb whose subject follows it
    (the parser may call it an object) and ends the sentence or a clause."""
    if verb.tag_ != "VBD" or verb.dep_ != "ROOT":
        return None
    speaker = next(
        (
            child
            for child in verb.rights
            if child.dep_ in ("nsubj", "dobj")
            and child.left_edge.i == verb.i + 1
            and child.pos_ in ("NOUN", "PROPN")
        ),
        None,
    )
    if speaker is None or (speaker.pos_ == "NOUN" and speaker.left_edge is speaker):
        return None  # a bare noun: "asked questions"
    after = speaker.right_edge.i + 1
    if after < len(verb.doc) and not (verb.doc[after].is_punct or verb.doc[after].dep_ == "prep"):
        return None
    return verb, (verb.i + 1, after)


# what a body gives out as a block ("issued the following press release:")
_GIVEN_OUT = frozenset({"issue", "release", "give", "post", "publish", "send", "share"})
_BLOCKS = _VENUES | {"following", "conclusion", "notice", "update", "announcement"}


def introduced_block(doc: Doc, lexicon: dict[str, float], taken: set[int]) -> list[RoleExample]:
    """A paragraph a line ending in a colon introduces as someone's words ("Dover Police
    issued the following press release:", "The Courier reported:"): the paragraph is the
    subject's (`CLAIMS.md` 2.4, block quotes). Only the first paragraph: where a block
    ends the page does not say."""
    found = []
    for colon in (t for t in doc[:-1] if t.text == ":" and "\n" in t.whitespace_ + t.nbor().text):
        intro = doc[colon.sent.start : colon.i]
        verb = intro.root
        subject = child_of(verb, {"nsubj"})
        start = colon.i + 1
        while start < len(doc) and doc[start].is_space:
            start += 1
        if (
            len(intro) < 2
            or verb.i in taken
            or subject is None
            or subject.pos_ not in ("NOUN", "PROPN")
            or not _introduces(verb, lexicon)
        ):
            continue
        end = start
        while end < len(doc) and not (doc[end].is_space and "\n" in doc[end].text):
            end += 1
        if end - start < 3:
            continue
        taken.add(verb.i)
        found.append(
            RoleExample(
                cue=(verb.i, verb.i + 1),
                content=(start, _last_word(doc, end - 1) + 1),
                source=(subject.left_edge.i, subject.right_edge.i + 1),
            )
        )
    return found


def _introduces(verb: Token, lexicon: dict[str, float]) -> bool:
    """A verb of saying ("reported:", "wrote:"), or of giving out a statement or the like
    ("issued the following press release:")."""
    if verb.pos_ == "VERB" and _rate(verb, lexicon) >= REPORTING_RATE:
        return True
    given = child_of(verb, {"dobj"})
    return (
        verb.lemma_.lower() in _GIVEN_OUT and given is not None and given.lemma_.lower() in _BLOCKS
    )


def stated_that(doc: Doc, lexicon: dict[str, float], taken: set[int]) -> list[RoleExample]:
    """Main verbs with a subject and a "that" clause the cue tagger left out ("Experts assess
    ... that Kim ..."), when their lemma is a cue often enough in training (>= STANCE_RATE).

    On PolNeAR dev this is neutral (75.21 / 70.42 / 54.65 exact against 75.20 / 70.42 / 54.57
    without it); it is kept because stance verbs with a that-clause are claims readers want
    attributed. Applied to every verb, not only main verbs, it cost 0.2 points per role.
    """
    verbs = (v for v in doc if _main_verb(v) and _stance(v, lexicon))
    return _verb_attributions(doc, verbs, taken, that_clause=True)


def record_closing(doc: Doc, taken: set[int]) -> list[RoleExample]:
    """A record's credit that closes its sentence after a comma ("Pike fired twice, the
    affidavit states."), which the taggers and :func:`stated_that` miss where the parser
    read the verb as a plural noun ("affidavit states" as one name) or the record as the
    verb's compound: the words before the comma are the record's. Only a record's verb
    (:data:`_RECORD_VERBS`) right after a speaker's or a record's head word
    (:func:`speaker_heads`: "affidavit", "video", "department") and before the full stop."""
    heads = speaker_heads()
    found = []
    for sentence in doc.sents:
        end = sentence.end
        while end > sentence.start and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        verb = doc[end - 1] if end - sentence.start >= 4 else None
        if (
            verb is None
            or verb.i in taken
            or verb.lemma_.lower() not in _RECORD_VERBS
            or not any(t.text in {".", "!"} for t in doc[end : sentence.end])
        ):
            continue
        head = doc[verb.i - 1]
        first = head.i
        while first > sentence.start and doc[first - 1].pos_ in {"NOUN", "PROPN", "ADJ", "PART"}:
            first -= 1
        first -= first > sentence.start and doc[first - 1].pos_ == "DET"
        comma = first - 1 - (first - 1 > sentence.start and doc[first - 1].is_quote)
        content = trimmed(doc, _opening(sentence, comma), comma)
        if (
            not ({head.lemma_.lower(), head.lower_} & heads)
            or comma <= sentence.start
            or doc[comma].text != ","
            or content is None
            or not any(t.pos_ in {"VERB", "AUX"} for t in doc[content[0] : content[1]])
        ):
            continue
        taken.add(verb.i)
        found.append(RoleExample(cue=(verb.i, verb.i + 1), content=content, source=(first, verb.i)))
    return found


def _opening(sentence: Span, end: int) -> int:
    """Where the words before ``end`` open: after the last line break before it (the parser
    may join a headline to the paragraph under it) and any quotation marks."""
    doc = sentence.doc
    breaks = [t.i + 1 for t in doc[sentence.start : end] if "\n" in t.text]
    start = max(breaks, default=sentence.start)
    while start < end - 1 and doc[start].is_quote:
        start += 1
    return start


def _main_verb(verb: Token) -> bool:
    """The sentence's root, or for a denied belief also a root's second verb ("The farm
    grows hemp, but investigators do not believe it is related") or the clause a root
    reports ("Police do not believe the fire was set, Lt. Lund said")."""
    return verb.dep_ == "ROOT" or (
        verb.dep_ in {"conj", "ccomp"} and verb.head.dep_ == "ROOT" and _denied_belief(verb)
    )


def _stance(verb: Token, lexicon: dict[str, float]) -> bool:
    """A cue often enough in training (>= STANCE_RATE), or a record's verb said by one."""
    if _rate(verb, lexicon) >= STANCE_RATE:
        return True
    return verb.pos_ == "VERB" and verb.lemma_.lower() in _RECORD_VERBS and said_by_research(verb)


def _rate(verb: Token, lexicon: dict[str, float]) -> float:
    return lexicon.get(verb.lemma_.lower(), 0.0) if verb.pos_ == "VERB" else 0.0


def _verb_attributions(
    doc: Doc, verbs: Iterable[Token], taken: set[int], *, that_clause: bool
) -> list[RoleExample]:
    """(subject, verb, following complement clause) as attributions, for untaken verbs.

    With ``that_clause`` the clause must open with "that" and a pronoun subject is refused,
    unless the subject is a study or its authors (:func:`said_by_research`), whose clause
    may also come first. Those two only for research subjects: for any subject they cost
    PolNeAR dev 0.2 points per role; for these, nothing. A denied belief ("Police do not
    believe the fire was set", :func:`_denied_belief`) may also go without "that", and its
    subject may be a third person's pronoun ("They do not believe she was involved"; PolNeAR
    rarely marks a speaker's own "I don't think").
    """
    found = []
    for verb in verbs:
        subject = _subject(verb)
        by_research = said_by_research(verb)
        clause = child_of(verb, {"ccomp"}) or (_object_clause(verb) if by_research else None)
        clause = clause or (child_of(verb, {"xcomp"}) if _denial(verb) else None)
        noun = None
        if clause is None and (found_noun := _noun_found(verb, by_research)) is not None:
            noun, clause = found_noun
        if verb.i in taken or subject is None or clause is None:
            continue
        # a study or its authors may also come after ("..., scientists have found") or
        # take a clause without "that" ("The study found three glasses ... can help")
        research = that_clause and by_research
        if clause.i < verb.i and not (research and subject.i > clause.right_edge.i):
            continue
        denied = _denied_belief(verb)
        opens = _opens_with_that(clause) or research or denied
        told_of = denied and subject.lower_ in _THIRD_PERSON  # "They do not believe X"
        if that_clause and ((subject.pos_ == "PRON" and not told_of) or not opens):
            continue
        taken.add(verb.i)
        opening = noun or _misparsed_subject(verb, clause) or clause
        end = _belief_end(clause) if denied else _last_word(doc, clause.right_edge.i)
        found.append(
            RoleExample(
                cue=(verb.i, verb.i + 1),
                content=(opening.left_edge.i, end + 1),
                source=(subject.left_edge.i, subject.right_edge.i + 1),
            )
        )
    return found


def _evidence_that(verb: Token) -> tuple[Token, Token] | None:
    """The object and its "that" clause in "found no evidence that X" (what was or was not
    found is the claim, "no evidence that X"), or ``None``."""
    obj = child_of(verb, {"dobj"})
    if obj is None or obj.lemma_.lower() not in _EVIDENCE:
        return None
    clause = next((c for c in obj.children if c.dep_ in ("acl", "ccomp")), None)
    return (obj, clause) if clause is not None and _opens_with_that(clause) else None


def _noun_found(verb: Token, by_research: bool) -> tuple[Token, Token] | None:
    """The noun a verb found and the word its content ends on: "found [no evidence that X]"
    for any finder (:func:`_evidence_that`), "the study found [a link between X and Y]" for a
    study or its authors (:func:`_found`)."""
    if (evidence := _evidence_that(verb)) is not None:
        return evidence
    found = _found(verb) if by_research else None
    return (found, found) if found is not None else None


def _found(verb: Token) -> Token | None:
    """What a study found or showed, named by a noun and what it bears on ("the study found
    [a link between the drug and heart attacks]", "showed [a 20 percent rise in asthma]"):
    the object, or ``None``."""
    obj = child_of(verb, {"dobj"})
    if verb.lemma_.lower() not in FINDING_VERBS or obj is None or obj.pos_ != "NOUN":
        return None
    return obj if any(c.dep_ == "prep" for c in obj.children) else None


def is_finding(verb: Token) -> bool:
    """Whether a verb reports what a study or its authors found (:func:`_found`)."""
    return said_by_research(verb) and _found(verb) is not None


def _misparsed_subject(verb: Token, clause: Token) -> Token | None:
    """The verb's object where it is the subject of the clause after it, misparsed ("found
    two glasses ..., not each day, can help"): the clause has no subject of its own."""
    obj = child_of(verb, {"dobj"})
    if obj is None or obj.i > clause.i or any(c.dep_ == "nsubj" for c in clause.children):
        return None
    return obj


def _object_clause(verb: Token) -> Token | None:
    """The verb of "found cheese to contain ..." or "found three glasses ... can help ...",
    which the parser reads as an object and an adverbial clause: a clause after the object,
    without a subject of its own, led by "to" or a modal."""
    obj = child_of(verb, {"dobj"})
    if obj is None:
        return None
    return next(
        (
            c
            for c in verb.children
            if c.dep_ == "advcl"
            and c.i > obj.i
            and not any(g.dep_ in ("nsubj", "mark") for g in c.children)
            and any(g.dep_ == "aux" and g.tag_ in ("TO", "MD") for g in c.children)
        ),
        None,
    )


def _opens_with_that(clause: Token) -> bool:
    """Whether a clause opens with "that", also where the parser hung it on the clause's
    verb as an object ("confirmed to the Courier that the app would shut")."""
    first = clause.left_edge
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children) or (
        first.lower_ == "that" and first.pos_ == "SCONJ"
    )


# the dependency labels of a verb's subject
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


def child_of(token: Token, deps: Collection[str]) -> Token | None:
    """The first child of ``token`` with one of the dependency labels ``deps``."""
    return next((child for child in token.children if child.dep_ in deps), None)


def _last_word(doc: Doc, index: int) -> int:
    """Step back over trailing punctuation, which PolNeAR leaves out of a content."""
    while index > 0 and doc[index].is_punct:
        index -= 1
    return index
