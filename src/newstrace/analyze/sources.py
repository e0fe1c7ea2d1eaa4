"""Who a source is: its canonical name, its kind, and what a pronoun or "the defector" refers to.

The extractor only marks *where* a source is mentioned. Readers need more: that "Japan's
Asahi Shinbun" is the outlet Asahi Shimbun, that "a new report from the CIA" is a document,
that "Experts" are an unnamed group, and that a later "he" or "the defector" is the same
source as an earlier, fuller mention. :class:`SourceResolver` answers that for one document,
reading mentions in text order so every resolution looks only backwards.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise, takewhile
from pathlib import Path

from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from newstrace.analyze.nlp import common_nouns, text_of
from newstrace.analyze.quotations import quoted_at
from newstrace.ingest import canonical_outlet
from newstrace.model import Source, SourceKind, Span

# the entity types of places, never a speaker
PLACES = frozenset({"GPE", "LOC", "FAC"})

_LEXICON = Path(__file__).parent / "lexicons" / "sources.json"
# the kinds of a source that is one person by name or office
PEOPLE = frozenset({SourceKind.NAMED_PERSON, SourceKind.GOVERNMENT_OFFICIAL})
_NP_MODIFIERS = {"det", "amod", "compound", "nummod", "poss", "case", "nmod", "quantmod"}
_STORIES = frozenset({"story", "article"})
# the writer speaking in the first person outside any quotation: the article's own voice
_WRITER = frozenset({"i", "we", "me", "us"})
# an outlet's own research is a document ("a CBS News poll"), not the outlet's reporting
_OUTLETS_OWN_RESEARCH = frozenset({"poll", "survey", "study", "analysis"})
# courtesy titles before a surname ("Dr Manning", "Mrs. Okafor")
_HONORIFICS = frozenset({"dr", "mr", "mrs", "ms", "miss", "prof", "professor", "sir", "dame"})
# what follows a family name in a full name: "Don Coppola Jr."
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# a singular pronoun's gender: a "he" never refers back to a "she"
_GENDERS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
# ... and of the words that describe one person by sex or kin
_MALE = ("boy", "man", "son", "father", "grandfather", "brother", "uncle", "husband")
_FEMALE = ("girl", "woman", "daughter", "mother", "grandmother", "sister", "aunt", "wife")
_GENDERED = {**dict.fromkeys(_MALE, "m"), **dict.fromkeys(_FEMALE, "f")}
# a police department, a sheriff's office or a bureau of investigation by its initials:
# "LAPD", "IMPD", "PCSO", "GBI"
# the last word of a police force's name: "Pellin RCMP", "Avon Police"
_FORCES = frozenset({"police", "rcmp", "constabulary", "gendarmerie", "carabinieri"})
# the shortest surname read as another's misspelling (:meth:`SourceResolver._respelt`)
_RESPELT_LENGTH = 6
_POLICE_INITIALS = re.compile(r"[A-Z]{1,4}PD|[A-Z]{1,3}SO|[A-Z]{1,3}BI")
# initials a text gives a body in brackets: "(CDC)", "(AT&T)"
_INITIALS = re.compile(r"[A-Z][A-Z&]{1,5}")
# a body's initials written with no brackets: three letters at least, small words skipped
_LEAST_INITIALS = 3
_LINKING_WORDS = frozenset({"of", "for", "and", "the", "&", "on", "in"})
# the entity types of a date or a time, never a place, a body or a speaker
TIMES = frozenset({"DATE", "TIME"})
_AT_PLACE = frozenset({"at", "in", "inside", "outside", "near"})
_ARTICLES = frozenset({"a", "an", "the"})
# possessives that stand for a body named before: "the party ... its spokesman"
_ITS = frozenset({"its", "their"})
_SITES = frozenset({"website", "site"})
# what a source "told" that can only be an outlet named before ("told the paper")
_TOLD_OUTLETS = frozenset({"paper", "newspaper", "station", "magazine", "site", "website"})
# words a description of an outlet ends in, for the outlet named before it ("the magazine")
_OUTLET_WORDS = frozenset({"magazine", "newspaper", "tabloid", "broadcaster", "network"})
# the entity labels a description of a body can shorten ("the department", "the magazine")
_NAMED_BODIES = frozenset({"ORG", "FAC", "GPE", "WORK_OF_ART", "PERSON"})
# a station's name for itself, with no place or call sign ("told 24-Hour News 8", "told
# Eyewitness News", "told NBC4"): other outlets name it by city or letters, so the page is the
# station's own, and the publisher is no link in a chain (CLAIMS.md 2.1)
_OWN_STATION = re.compile(
    r"(?:the )?(?:\d+-hour )?(?:news ?\d+|channel \d+(?: \w+)? news|eyewitness news|action news"
    r"|(?:abc|nbc|cbs|fox) ?\d+(?: news)?)",
    re.IGNORECASE,
)
# a broadcaster's call sign (US stations: K or W and three letters, or two before "-TV"),
# or a network's local station by its channel ("FOX8", "CBS 11")
_CALL_SIGN = re.compile(
    r"[KW][A-Z]{3}(?:-(?:TV|DT|FM|AM))?|[KW][A-Z]{2}-(?:TV|DT|FM|AM)|(?:FOX|CBS|NBC|ABC) ?\d{1,2}"
)
_NOT_STATIONS = frozenset({"KPMG", "WWII"})
# a sheriff's office's or a police department's initials look like a call sign ("KCSO")
_OFFICE_LETTERS = ("SO", "PD")
_DOMAIN = re.compile(r"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:com|org|net|co|info|news|uk|us)", re.I)


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, frozenset[str]]:
    raw = json.loads(_LEXICON.read_text(encoding="utf-8"))
    return {key: frozenset(values) for key, values in raw.items() if not key.startswith("_")}


@lru_cache(maxsize=16)
def _heads(*lists: str) -> frozenset[str]:
    """The words of several of the lexicon's lists together, built once per combination:
    the source rules ask for them per mention."""
    lex = _lexicon()
    return frozenset().union(*(lex[name] for name in lists))


_UNRESOLVABLE = _WRITER | {"you", "one"}
# a verb's contraction glued to a pronoun in one token: "We've", "WE'RE"
_CONTRACTED = re.compile(r"['’](?:re|ve|ll|d|m)$")
# heads of one person described, not named ("the boy", "an expert", "a worker", "a source")
_DESCRIBED = ("people_heads", "person_heads", "staff_heads", "anonymous_heads")
# ... and those that may be described through a person: "Pike's family", "Mercer's spokesman"
_OWNED = (*_DESCRIBED, "group_heads", "role_titles")
# heads of a body: "the coroner's office", "the Justice Department"
_BODIES = ("organisation_heads", "public_bodies")
# government words that make a staff post (director, manager) an office: not a force's
# initials ("NPD's food industry adviser" is a firm's) nor "office", which any body has
_STAFFED_BY_GOVERNMENT = _heads("government_words") - {"office"}
# the prepositions that name whom a spokesperson speaks for
_SPOKEN_FOR = frozenset({"for", "of", "at", "with"})
# what a description may call any organisation, whatever its name
_GENERIC_BODIES = frozenset({"company", "firm", "group", "organisation", "organization"})
# what a description may call any document before it ("the study" for "a paper in Nature");
# other document words ("the obituary", "the video") stand only for one of their own kind
_GENERIC_DOCUMENTS = frozenset(
    {"study", "research", "paper", "report", "survey", "analysis", "findings", "review"}
    | {"document", "documents", "record", "records", "data", "figures", "results"}
    | {"filing", "statement", "release"}  # a lawsuit's filing, a release's statement
)
_GENERIC_WORDS = {
    SourceKind.ORGANISATION: _GENERIC_BODIES,
    SourceKind.DOCUMENT_REPORT: _GENERIC_DOCUMENTS,
}


def speaker_heads() -> frozenset[str]:
    """Head words of a mention that names who speaks or keeps a record: people, officials,
    staff, groups, public bodies and documents ("the boy", "investigators", "evidence")."""
    return _heads(*_DESCRIBED, "official_titles", "group_heads", "public_bodies", "document_heads")


def given_names(text: str, surname: str) -> set[str]:
    """The capitalised words printed right before a surname that are no title or courtesy
    ("Dale" and "Ana" in "Chief Dale Lund ... Ana Lund ... Chief Lund"): how many people of
    that name the text may mean."""
    titles = _lexicon()["official_titles"] | _HONORIFICS | _ARTICLES | {"chief"}
    before = re.finditer(rf"\b([A-Z][a-z]+)\.? {re.escape(surname)}\b", text)
    return {m[1] for m in before if m[1].lower() not in titles and f"{m[1].lower()}." not in titles}


def names_nobody(name: str) -> bool:
    """Whether a source's name is a bare pronoun left unresolved ("It", "they", the generic
    "you" of an example): PolNeAR marks such sources, but they name no one a reader could
    look up."""
    word = name.strip().lower()
    lexicon = _lexicon()
    return word in _UNRESOLVABLE or any(
        word in lexicon[key]
        for key in ("pronouns_person_singular", "pronouns_plural", "pronouns_thing")
    )


@dataclass(frozen=True, slots=True)
class _Mention:
    """A source mention already resolved, kept for later pronouns and descriptions."""

    source: Source
    head_lemma: str
    plural: bool
    human: bool


def token_span(doc: Doc, span: Span) -> TokenSpan:
    """The spaCy tokens covering a character span (expanded to whole tokens)."""
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    if tokens is None:
        raise ValueError(f"characters {span.start}..{span.end} are not inside the parsed text")
    return tokens


def _short_name(tokens: TokenSpan) -> str:
    """The mention without its trailing modifiers: "a defector with contacts" -> "a defector"."""
    return tokens.doc[_name_start(tokens) : tokens.root.i + 1].text


def _name_start(tokens: TokenSpan) -> int:
    """Where a mention's name starts: its head's first modifier inside the mention, with the
    words that modify it ("[North] Korean media")."""
    head = tokens.root
    kept = [t for t in head.lefts if t.dep_ in _NP_MODIFIERS and t in tokens]
    return min([max(t.left_edge.i, tokens.start) for t in kept] + [head.i])


def _anonymous_name(tokens: TokenSpan) -> str:
    """An unnamed person with the work they are named by: "the lead researcher on the
    study", "an author of the report" (else the placed name: "a supervisor at the office in
    Avon"; "a defector with contacts" -> "a defector")."""
    documents = _lexicon()["document_heads"]
    work = _named_after(tokens, tokens.root, {"on", "of"}, lambda t: t.lemma_.lower() in documents)
    if work is None:
        return _placed_name(tokens)
    return tokens.doc[_name_start(tokens) : work.right_edge.i + 1].text


def _placed_name(tokens: TokenSpan) -> str:
    """An unnamed official or person with the place or body they are at, where the mention
    names one after them, up to the end of that name: "authorities in Orleans County", "a
    supervisor at the regional office in Avon" (the text's own description, as the claim
    labels keep it); else the short name."""
    head = tokens.root
    for prep in head.rights:
        if prep.dep_ != "prep" or prep.lower_ not in {"at", "in", "from"}:
            continue
        name = next((t for t in prep.subtree if t.pos_ == "PROPN" and t.i < tokens.end), None)
        entity = next((e for e in tokens.doc.ents if name and e.start <= name.i < e.end), None)
        if name is None or (entity is not None and entity.label_ in TIMES):
            continue  # "the brother of a victim from Saturday": a day is no place
        end = min(entity.end if entity is not None else name.i + 1, tokens.end)
        return tokens.doc[_name_start(tokens) : end].text
    on_duty = _governmental(tokens) or head.lower_ in _lexicon()["official_titles"]
    at_a_place = None if on_duty else _with_common_noun(tokens, _AT_PLACE)  # "police at the scene"
    return _in_the_know(tokens) or at_a_place or _short_name(tokens)


def _with_common_noun(tokens: TokenSpan, preps: Collection[str]) -> str | None:
    """An unnamed person with the place or body they belong to, where the mention gives one
    as a noun with its article after one of ``preps``: "a worker at the liquor store", "a
    spokesperson for the department" (not "a woman in her 40s": an age or a time is none)."""
    for prep in (c for c in tokens.root.rights if c.dep_ == "prep" and c.lower_ in preps):
        place = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if (
            place is None
            or place.pos_ != "NOUN"
            or place.right_edge.i >= tokens.end
            or not any(c.dep_ == "det" and c.lower_ in _ARTICLES for c in place.children)
            or any(t.ent_type_ in TIMES or t.like_num for t in place.subtree)
        ):
            continue
        return tokens.doc[_name_start(tokens) : place.right_edge.i + 1].text
    return None


# what an unnamed source is known by: "people familiar with the matter", "a source close to
# the mayor", "a person with knowledge of the talks", "an official briefed on the plans"
_KNOWING = frozenset({"familiar", "close", "knowledge", "briefed"})


def _in_the_know(tokens: TokenSpan) -> str | None:
    """An unnamed source's name with what puts it in the know, where the mention says
    (:data:`_KNOWING`): news names anonymous sources so, and the words tell them apart."""
    head = tokens.root
    for child in head.rights:
        knowing = child if child.dep_ in ("amod", "acl") else None
        if child.dep_ == "prep" and child.lower_ == "with":
            knowing = next((c for c in child.children if c.dep_ == "pobj"), None)
        if knowing is not None and knowing.lower_ in _KNOWING:
            end = min(child.right_edge.i + 1, tokens.end)
            return tokens.doc[_name_start(tokens) : end].text
    return None


def _group_name(tokens: TokenSpan) -> str:
    """An unnamed group with the body it works at or comes from, where the mention names
    one: "researchers at the University of Reading", "experts from Harvard" (the body's
    name as tagged, without the place after it)."""
    body = _body_named(tokens, tokens.root, {"at", "from"})
    if body is None:
        return _in_the_know(tokens) or _short_name(tokens)
    named = next((e for e in body.doc.ents if e.start <= body.i < e.end), None)
    end = named.end if named is not None else body.right_edge.i + 1  # not "in the UK" after it
    return tokens.doc[_name_start(tokens) : end].text


def _outlet_name(tokens: TokenSpan, ents: list[TokenSpan]) -> str | None:
    """The outlet named by the mention: a known one (canonical name) or a newspaper-like name."""
    candidates = [tokens.text, _short_name(tokens)]
    candidates += [ent.text for ent in ents if ent.label_ in {"ORG", "PERSON", "GPE"}]
    for text in candidates:
        name = canonical_outlet(text)
        if name:
            return name
    station = next((t for t in candidates[:2] if _CALL_SIGN.fullmatch(t)), None)
    if station and station not in _NOT_STATIONS and not station.endswith(_OFFICE_LETTERS):
        return station  # "told WKYT", "WXYZ-TV says", "CBS11 talked to"
    head = tokens.root
    proper = [t for t in tokens if t.i <= head.i and _capital(t) and t.dep_ != "det"]
    named = any(t.is_title for t in proper)  # "Riverside FM", not a bare "TV"
    if _names_an_office(tokens):
        return None  # "Cook County Medical Examiner", "Police Department News Affairs Officer"
    if named and _capital(head) and any(t.lower_ in _lexicon()["outlet_words"] for t in proper):
        names = [tokens.doc[t.i : head.i + 1].text for t in proper]
        # a known outlet behind a country or a description ("UK Daily Mail"), else the name
        return next(
            (known for n in names if (known := canonical_outlet(n))), _numbered(proper[0], head)
        )
    return None


# words of a public office's or an officer's name: a name holding one is no newspaper, though
# it holds an outlet word too ("Medical Examiner", "Police Department News Affairs Officer")
_OFFICE_WORDS = frozenset({"police", "sheriff", "department", "officer", "coroner", "prosecutor"})


def _names_an_office(tokens: TokenSpan) -> bool:
    """Whether the mention names a public office or an officer ("the Cook County Medical
    Examiner's Office", "Police Department News Affairs Officer Ron Gaines")."""
    words = [t.lower_ for t in tokens]
    return bool(_OFFICE_WORDS.intersection(words)) or any(
        pair == ("medical", "examiner") for pair in pairwise(words)
    )


def _numbered(first: Token, head: Token) -> str:
    """An outlet's name from its first capitalised word to its head, with the numbers a
    station's name holds on either side ("24-Hour News 8") and the words a hyphen joins to
    it ("Post-Gazette")."""
    doc, start, end = head.doc, first.i, head.i + 1
    if start >= 2 and doc[start - 1].text == "-" and doc[start - 2].like_num:
        start -= 2
    if end < len(doc) and doc[end].like_num and doc[end].head == head:
        end += 1
    while end < len(doc) and _hyphen_joined(doc, end):
        end += 2  # "the Post-Gazette"
    return doc[start:end].text


def _capital(token: Token) -> bool:
    """A word of a name: "Riverside", a short one in capitals ("FM", "TV") and a
    broadcaster's call sign ("WPLN", "KTVU"), not a heading's word ("NEWS")."""
    short = len(token) <= 3 or (len(token) == 4 and token.text[0] in "KW")
    return token.is_title or (token.is_upper and token.is_alpha and short)


def _shortened_by(name: TokenSpan, head: Token) -> bool:
    """Whether a description's head word is the word a name ends in ("the coroner's office")
    or its head, a possessive's owner aside ("the tournament" of "Tournament of Roses"; not
    "the sheriff" of "Pellin County Sheriff's Office", which the parser may head so)."""
    lemma = head.lemma_.lower()
    root = name.root
    owned = any(t.tag_ == "POS" for t in name[root.i - name.start :])
    return lemma == name[-1].lemma_.lower() or (lemma == root.lemma_.lower() and not owned)


def _bare(entity: TokenSpan) -> str:
    """An entity's name without a leading article, a place that owns it or an acronym in
    brackets after it: "the CIA" -> "CIA", "Britain's National Health Service (NHS)" ->
    "National Health Service" (a one-word rest keeps its owner: "McDonald's Corp")."""
    end = next((t.i for t in entity if t.text == "("), entity.end)
    start = entity.start + (entity[0].lower_ == "the" and end - entity.start > 1)
    owner = next((t.i for t in entity.doc[start:end] if t.tag_ == "POS"), None)
    if owner is not None and end - owner > 2:
        start = owner + 1
    return entity.doc[start:end].text if end > start else entity.text


def _document_name(tokens: TokenSpan, orgs: list[TokenSpan], persons: list[TokenSpan]) -> str:
    """A document as the text describes it where its owner is named before its head:
    from the owner's name to the head ("GasBuddy's annual forecast", not "fuel savings app
    GasBuddy's ..."; "the Orange County incident report"); else the owner named after it
    put first ("a report from the audit office": "audit office report"), else its own
    words ("new research")."""
    head, doc = tokens.root, tokens.doc
    mark = next((t for t in tokens if t.i < head.i and t.tag_ == "POS"), None)
    before = [e for e in orgs + persons if tokens.start <= e.start and e.end <= head.i]
    if mark is not None:
        possessor = next((e for e in before if e.end == mark.i), None)
        start = possessor.start if possessor is not None else mark.head.left_edge.i
    elif before:
        start = min(_name_start(tokens), before[0].start)
    else:
        start = None
    if start is not None:
        return _without_article(doc[start : head.i + 1])  # the labels' names start after it
    owner = _bare(orgs[0]) if orgs else (persons[0].text if persons else _author(tokens))
    return f"{owner} {head.lower_}" if owner else _short_name(tokens)


def _author(tokens: TokenSpan) -> str | None:
    """Who a document is from when no entity names it: "a report from the audit office"."""
    for prep in tokens.root.children:
        if prep.dep_ == "prep" and prep.lower_ in {"from", "by"}:
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.i < tokens.end:
                words = [t for t in obj.subtree if t.dep_ not in {"det", "poss"}]
                return tokens.doc[words[0].i : obj.i + 1].text if words else None
    return None


def _person_kind(name: TokenSpan) -> SourceKind:
    """A person named in full, an official where a title of office stands right before the
    name ("Lt. Pete Hettema", "Polk County Sheriff Grady Judd"): a later "Judd said" is
    still the sheriff's word."""
    doc = name.doc
    start = name.start
    while start > 0 and name.start - start < 4 and doc[start - 1].pos_ in ("PROPN", "NOUN"):
        start -= 1
    official = _has_title(doc[start : name.end], name)
    return SourceKind.GOVERNMENT_OFFICIAL if official else SourceKind.NAMED_PERSON


def _has_title(tokens: TokenSpan, person: TokenSpan) -> bool:
    """Whether the mention gives the person a government office: a title before the name, in
    the mention or just before it (a tagger's source span often leaves the rank out, "Cpl.
    [Jesse Olsen]"), or in the apposition after it ("Mara Okafor, the city's police chief").
    A title any body gives (spokesman, president, chair) is an office only where the body
    named with it is a government one or none is named: "Facebook spokesman Andy Stone"
    speaks for a company. A staff post (director, manager) is one only with a government
    body named."""
    lex = _lexicon()
    before = [t for t in tokens if t.i < person.start]
    if tokens.start > 0:
        before.insert(0, tokens.doc[tokens.start - 1])
    described = _apposition(person)
    lower = [t.lower_ for t in before]
    found = set(lower) | {" ".join(pair) for pair in pairwise(lower)}
    found |= {  # as printed: "State's Attorney" is three tokens
        tokens.doc[t.i : t.i + 3].text.lower() for t in before if t.i + 3 <= person.start
    }
    for head in (t for t in described if t.dep_ == "appos" and t.head == person.root):
        found |= {head.lower_, f"{head.doc[head.i - 1].lower_} {head.lower_}"}
    if any(t.lower_ in _NO_LONGER for t in before + described):
        return False  # "a former county chair", "Retired Sgt. Dale Lund": no office now
    if any(t.lemma_.lower() in _PRIVATE_PARTIES for t in before + described):
        return False  # "family spokesman Harlan Boll" speaks for no office
    titles = found & lex["official_titles"]
    if found & _NOT_RANKS:
        titles -= {"general"}  # "general manager Tony Reagins", "general counsel"
    if titles - lex["body_titles"]:
        return True
    if _chief_before(person):
        return True  # "Chief Dale Lund": in the news, a police or fire chief
    words = before + described
    words += [body for t in words if t.lower_ in _ITS and (body := _body_before(t)) is not None]
    posts = lex["staff_heads"] | _POSTS_HEADED
    if found & posts and any(t.lower_ in _STAFFED_BY_GOVERNMENT for t in words):
        return True  # "Dale Lund, director of the state health department"
    if _of_a_government_body(person):
        return True  # "Sam Riley of the Pellin Police Department"
    return bool(titles) and (_governmental(words) or not any(_names_a_body(t) for t in words))


def _of_a_government_body(person: TokenSpan) -> bool:
    """Whether the name is followed by the government body the person works in ("Sam Riley
    of the Pellin Police Department", "Ana Ruiz with the Office of Traffic Safety"): the
    phrase's head is a body's word of government, not a place ("Dale Lund of Pellin
    County") nor another body ("of the Pellin Historical Society")."""
    return any(
        body.dep_ == "pobj" and body.ent_type_ not in PLACES and _governmental([body])
        for prep in person.root.children
        if prep.dep_ == "prep" and prep.lower_ in ("of", "with")
        for body in prep.children
    )


def _chief_before(person: TokenSpan) -> bool:
    """Whether a capitalised "Chief" stands right before the name as its title ("Chief Dale
    Lund"), not as the first word of a company title ("Chief Executive Ana Ruiz")."""
    doc = person.doc
    return (
        person.start > 0
        and doc[person.start - 1].text == "Chief"
        and person[0].lower_ not in _title_words()
    )


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    """Titles of office and of a company's head: words that open no name after "Chief"."""
    return _lexicon()["official_titles"] | _CHIEFS


def _body_before(its: Token) -> Token | None:
    """The body an "its" or "their" refers to: the nearest body's word or name before it in
    the sentence ("at the secretariat of the party in Abuja, its national spokesman")."""
    lex = _lexicon()
    for token in reversed(its.doc[its.sent.start : its.i]):
        if token.lemma_.lower() in lex["organisation_heads"] or token.ent_type_ == "ORG":
            return token
        if token.lower_ in lex["government_words"]:
            return token
    return None


def _apposition(person: TokenSpan) -> list[Token]:
    """The words that describe a person right after the name ("Mara Okafor, [a spokeswoman
    for the county]"), without a clause on the description ("a neighbour [who called
    police]"). Only the description's head can be a title: "a graduate of the fire
    department" holds no office."""
    clauses = {"relcl", "acl", "advcl", "ccomp"}
    words: list[Token] = []
    for appos in (c for c in person.root.children if c.dep_ == "appos"):
        inside = {t.i for c in appos.children if c.dep_ in clauses for t in c.subtree}
        words += [t for t in appos.subtree if t.i not in inside]
    return words


def _names_a_body(word: Token) -> bool:
    """Whether a word of a title names the body it is held in: a proper name other than a
    title, a courtesy or a place ("Facebook", not "President", "Dr" or the "US" of "US
    President"), or a body's word ("the party's spokesman")."""
    lex = _lexicon()
    lower = word.lower_.rstrip(".")
    if lower in lex["official_titles"] or lower in _HONORIFICS or word.ent_type_ == "GPE":
        return False
    return word.pos_ == "PROPN" or word.lemma_.lower() in lex["organisation_heads"]


def entities_in(tokens: TokenSpan, ents: list[TokenSpan]) -> list[TokenSpan]:
    """The named entities inside a mention, from the document's list read once.

    ``Span.ents`` walks every entity of the document on each call, which made source
    resolution quadratic in the length of long articles.
    """
    return [e for e in ents if tokens.start <= e.start and e.end <= tokens.end]


def classify(tokens: TokenSpan, ents: list[TokenSpan]) -> tuple[str, SourceKind]:
    """Canonical name and kind of a mention that is not a pronoun (``ents``: its entities)."""
    lex = _lexicon()
    head = _noun_head(tokens)
    lemma = head.lemma_.lower()
    relayer = _relaying_outlet(head)
    if relayer is not None and relayer.head.head.left_edge.i > tokens.start:
        tokens = tokens.doc[tokens.start : relayer.head.head.left_edge.i]  # the records alone
        ents = [e for e in ents if e.end <= tokens.end]
    persons = [
        e
        for e in ents
        if e.label_ == "PERSON" and not _in_a_phrase_of(head, e) and not _body_as_person(e)
    ]
    orgs = [
        e
        for e in ents
        if (e.label_ in {"ORG", "GPE", "NORP"} or _body_as_person(e)) and not _common_plural(e)
    ]
    if (group := _people_opening(tokens)) is not None:
        return group  # "Neighbors told ...", the tagger's proper noun
    person = persons[-1] if persons else None
    if person and person.start <= head.i < person.end and _owned(tokens, person):
        return _person(tokens, person)  # "Washington Post's Sarah Kaplan": the person
    if lemma in lex["own_look_heads"] and not _done_by_someone(tokens):
        return _short_name(tokens), SourceKind.THE_ARTICLE
    outlet = None if lemma in _OUTLETS_OWN_RESEARCH else _outlet_name(tokens, ents)
    if outlet:
        return outlet, SourceKind.MEDIA_OUTLET
    domain = next((t.text for t in tokens if _DOMAIN.fullmatch(t.text)), None)
    if domain:
        return domain, SourceKind.MEDIA_OUTLET  # "Huzlers.com, a satirical news site"
    if lemma in _STORIES and (site := _published_on(tokens, ents)) is not None:
        return site  # "an article on a fake news website says": the site says
    # "Sheriff Sam Page", "Sheriff Page": a surname that is a document's word
    a_person = any(p.start <= head.i < p.end for p in persons) or (
        head.pos_ == "PROPN"
        and head.i > tokens.start
        and head.nbor(-1).lower_ in lex["official_titles"]
        and head.nbor(-1).lower_ not in lex["public_bodies"]  # "Police Report" is one
    )
    if (lemma in lex["document_heads"] or head.lower_ in lex["document_heads"]) and not a_person:
        if head != tokens.root:  # "charging documents": the words as printed
            return _without_article(tokens), SourceKind.DOCUMENT_REPORT
        return _document_name(tokens, orgs, persons), SourceKind.DOCUMENT_REPORT
    if (office := _holders_office(tokens, head)) is not None:
        return office, SourceKind.ORGANISATION
    if not persons and (named := _named_in_apposition(head)) is not None:
        return named.text, _person_kind(named)  # "Ana Ruiz, a manager for the city", untagged
    if not persons and (owner := _proper_owner(head)) is not None:
        return _short_name(tokens), _kind_described(head, owner)  # "Pike's mother", untagged
    if persons and _described_by_owner(head, persons[-1]):
        return _short_name(tokens), _kind_described(head, persons[-1])  # "Rock's girlfriend"
    if persons:
        return _person(tokens, persons[-1])
    if (titled_name := _titled_name(tokens, ents)) is not None:
        return _person(tokens, titled_name)  # "Sheriff Shaver", "Chief Bowers": untagged
    if (after_title := _named_after_title(tokens)) is not None:
        return _person(tokens, after_title)  # "State Police Capt. Doug Cain", tagged one body
    if (role_named := _role_named(tokens)) is not None:
        return _person(tokens, role_named)  # "Witness Ruby Poore", tagged a body or nothing
    if orgs and _named_after_occupation(orgs[-1]):
        return _person(tokens, orgs[-1])  # the tagger's ORG for "co-author ..., Nicola Avena"
    if orgs and _titled_as_a_person(titled := _widened(orgs[-1], tokens)):
        return _person(tokens, titled)  # "chief executive Ana [Ruiz]", "Ruiz" tagged a body
    if head.lower_ in lex["role_titles"] or lemma in lex["role_titles"]:
        spoken_for = _with_body_after(tokens, head)
        return _spokesperson_name(spoken_for, head), _role_kind(spoken_for, head)
    if _named_body(tokens, head):
        named = next((e for e in orgs if e.start <= head.i < e.end), None)
        return (_bare(named) if named else _body_name(tokens, head)), SourceKind.ORGANISATION
    if _official_title(head, tokens):
        return _placed_name(tokens), SourceKind.GOVERNMENT_OFFICIAL
    if lemma in lex["outlet_heads"] or head.lower_ in lex["outlet_heads"]:
        return _short_name(tokens), SourceKind.MEDIA_OUTLET  # "one site", "local media"
    if (head.lower_ in lex["staff_heads"] or head.lower_ == "source") and _governmental(tokens):
        # "a White House aide", "a police source"; the claim gold has "police sources" a group
        return _anonymous_name(tokens), SourceKind.GOVERNMENT_OFFICIAL
    if lemma in lex["anonymous_heads"] or head.lower_ in lex["anonymous_heads"]:
        plural = head.tag_ == "NNS" and head.lower_ not in lex["anonymous_heads_singular"]
        plural = plural or _coordinated(head)
        kind = SourceKind.UNNAMED_GROUP if plural else SourceKind.ANONYMOUS_PERSON
        return _anonymous_name(tokens), kind  # "a source" one person, "sources" a group
    if (
        head.lower_ in lex["group_heads"]
        or (head.tag_ == "NNS" and not orgs)
        or _people(head, orgs)
    ):
        return _group_name(tokens), SourceKind.UNNAMED_GROUP
    if (name := _titled_untagged(tokens, ents)) is not None:
        return name.text, _person_kind(name)  # "Detective Kola Pike", no entity tagged
    if head.pos_ == "PROPN" and _told_of_as_someone(head, [e for e in ents if e.start <= head.i]):
        name = _widened(tokens.doc[head.i : head.i + 1], tokens)  # not "A tearful Ana Ruiz"
        return _person(tokens, name)  # "Ana Ruiz, who lives nearby"; "Reynolds, the DA"
    if head.pos_ == "NOUN" and lemma in _heads(*_DESCRIBED):  # "the owner of Brightwave"
        if head.tag_ == "NNS" or _coordinated(head):
            return _group_name(tokens), SourceKind.UNNAMED_GROUP
        return _anonymous_name(tokens), SourceKind.ANONYMOUS_PERSON
    if orgs or lemma in lex["organisation_heads"] or head.pos_ == "PROPN":
        named = next((e for e in orgs if e.start <= head.i < e.end), None)
        if named is None and not (head.pos_ != "PROPN" and _placed_only(orgs)):
            named = orgs[0] if orgs else None  # "the NASA team" is NASA
        return (_bare(_widened(named, tokens)) if named else _untagged_body(tokens)), (
            SourceKind.ORGANISATION
        )
    return _anonymous_name(tokens), SourceKind.ANONYMOUS_PERSON


def _coordinated(head: Token) -> bool:
    """Whether another person is joined to the mention's head ("her manager and her
    publicist", "the teen and the 24-year-old man"): two unnamed people are a group."""
    return any(c.dep_ == "conj" and c.pos_ == "NOUN" for c in head.children)


def _first_person(tokens: TokenSpan) -> bool:
    """Whether a mention is one first-person word the tagger took for a name: in capitals or
    with its verb glued on ("WE'RE told", "11pm.We've learned")."""
    word = _CONTRACTED.sub("", tokens.text.lower()) if len(tokens) == 1 else ""
    return word in _WRITER


def _people_opening(tokens: TokenSpan) -> tuple[str, SourceKind] | None:
    """A plural word for people alone, opening its sentence, that the tagger took for a
    proper noun ("Neighbors told WPLN", "Deputies said"): a group, or officials."""
    word = tokens[0]
    if len(tokens) != 1 or word.tag_ not in ("NNP", "NNPS") or not word.is_sent_start:
        return None
    lower = word.lower_
    singular = lower[:-3] + "y" if lower.endswith("ies") else lower[:-1]
    if not word.text.istitle() or not lower.endswith("s"):
        return None
    if {lower, singular} & _lexicon()["official_titles"]:
        return word.text, SourceKind.GOVERNMENT_OFFICIAL
    people = _heads(*_DESCRIBED, "group_heads")
    return (word.text, SourceKind.UNNAMED_GROUP) if {lower, singular} & people else None


def _common_plural(entity: TokenSpan) -> bool:
    """Whether a tagged name is one plural common noun, capitalised only as a sentence's first
    word ("Dispatchers said ...", "Tenants said ..."): people, not a body."""
    word = entity[0]
    return (
        len(entity) == 1
        and word.tag_ == "NNS"
        and word.is_sent_start is True
        and word.lemma_ in common_nouns()  # not "McQuilliams", tagged so too
    )


def _untagged_body(tokens: TokenSpan) -> str:
    """An untagged body's name with the proper nouns its "for" or "of" joins to it
    ("Everytown for Gun Safety", "Mothers of Pellin"), else the short name."""
    head = tokens.root
    joined = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ in ("for", "of")), None)
    if head.pos_ != "PROPN" or joined is None or joined.i != head.i + 1:
        return _short_name(tokens)
    after = tokens.doc[joined.i + 1 : tokens.end]
    names = len(list(takewhile(lambda t: t.pos_ == "PROPN" and t.text.istitle(), after)))
    end = joined.i + 1 + names if names else head.i + 1
    return tokens.doc[_name_start(tokens) : end].text


def _told_of_as_someone(name: Token, tagged: list[TokenSpan]) -> bool:
    """Whether a name the tagger did not tag as a person (``tagged``: its entities) is
    described as one: a relative clause opened by "who" ("said Ana Ruiz, who lives nearby";
    a body takes "which" or "that"), an age ("Ruby Poore, 32, said") or a person's post or
    kin in apposition ("Reynolds, the county DA, said"). A name tagged anything (a body, a
    work) needs "who" itself ("Riley, who worked at a diner, said"), not "whose", which a
    company takes too; a place is no one."""
    if any(e.label_ in PLACES | {"NORP"} for e in tagged):
        return False
    who = {"who", "whom"} if any(e.label_ not in _AGES for e in tagged) else _WHO
    posts = _heads(*_DESCRIBED, "official_titles", "role_titles")
    return any(
        (clause.dep_ == "relcl" and clause.left_edge.lower_ in who)
        or (clause.dep_ == "appos" and clause.like_num and clause.text.isdigit())
        or (
            clause.dep_ == "appos"
            and clause.lower_ in posts
            and (clause.pos_ == "NOUN" or clause.text.isupper())  # "the DA" is tagged a name
        )
        for clause in name.children
    )


def _official_title(head: Token, tokens: TokenSpan) -> bool:
    """Whether the head, alone or with the word before it, is a title of government office:
    "the sheriff", and "the fire chief" or "the district attorney", whose head alone
    ("chief", "attorney") any body or client may have."""
    titles = _lexicon()["official_titles"]
    before = head.doc[head.i - 1] if head.i > tokens.start else None
    pair = f"{before.lower_} {head.lower_}" if before is not None else ""
    return head.lower_ in titles or head.lemma_.lower() in titles or pair in titles


def _placed_only(orgs: list[TokenSpan]) -> bool:
    """Whether a body's only names are a nationality or a place that describe it ("the
    Swiss-based team", "a Texas company", "the French firm"): not its name, which is the
    description as a whole."""
    return all(e.label_ in ("NORP", "GPE") for e in orgs)


def _untagged_full_name(before: TokenSpan, surname: str) -> TokenSpan | None:
    """The first "Given Surname" before a bare surname where the tagger found no person
    ("police arrested Tristan Pike, 28, ... Pike said", with "Pike" tagged a place): a
    capitalised proper noun, no title nor honorific, right before the surname."""
    lower = surname.lower()
    if lower in speaker_heads() or lower in _heads("organisation_heads") or lower in _FORCES:
        return None  # "Police said", "RCMP say": no one's surname ("Dover Police")
    titles = _lexicon()["official_titles"]
    for word in before:
        if word.text != surname or word.i == before.start:
            continue
        given = before.doc[word.i - 1]
        if (
            given.pos_ == "PROPN"
            and given.text.istitle()
            and given.lower_.rstrip(".") not in _HONORIFICS | titles
            and (not given.is_sent_start or _one_name(given, word))
        ):
            return before.doc[given.i : word.i + 1]
    return None


def _one_name(given: Token, surname: Token) -> bool:
    """Whether the tagger took two words opening a sentence for one name of any kind
    ("Amanda Viscomi, the village clerk, ...", tagged a body): a name, not a first word."""
    return (
        given.ent_iob_ == "B"
        and surname.ent_iob_ == "I"
        and (surname.i + 1 == len(surname.doc) or surname.doc[surname.i + 1].ent_iob_ != "I")
    )


def _named_in_apposition(head: Token) -> TokenSpan | None:
    """A name the tagger found no person in, set beside words that describe a person, in
    either order ("Ana Ruiz, a program manager for the city of Dover"; "his aunt, Ana
    Ruiz"): the proper nouns that end the name."""
    beside = next((c for c in head.children if c.dep_ == "appos"), None)
    if beside is None:
        return None
    name, described = (head, beside) if head.pos_ == "PROPN" else (beside, head)
    if name.pos_ != "PROPN" or not _describes_a_person(described):
        return None
    start = name.i
    while start > 0 and name.doc[start - 1].pos_ == "PROPN" and name.doc[start - 1].head == name:
        start -= 1
    return name.doc[start : name.i + 1] if start < name.i else None


def _describes_a_person(word: Token) -> bool:
    return word.lower_ in _human_heads() or word.lemma_.lower() in _human_heads()


def _without_article(tokens: TokenSpan) -> str:
    """The mention's words without the determiners it opens with ("the", "a")."""
    start = tokens.start
    while start < tokens.end - 1 and tokens.doc[start].pos_ == "DET":
        start += 1
    return tokens.doc[start : tokens.end].text


def _handled_by(head: Token) -> Token | None:
    """Who obtained, reviewed or published a record a mention names ("documents obtained by
    The Associated Press", "emails reviewed by the Courier"): the agent's head word. The
    record is the source; whoever handled it relayed it (:meth:`SourceResolver.venue`)."""
    if head.lemma_.lower() not in _lexicon()["document_heads"]:
        return None
    for verb in (c for c in head.children if c.dep_ == "acl" and c.lemma_ in _HANDLING):
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        if agent is not None:
            return next((c for c in agent.children if c.dep_ == "pobj"), None)
    return None


def _relaying_outlet(head: Token) -> Token | None:
    """The outlet that obtained or reviewed the record a mention names, if one did ("emails
    reviewed by the Courier"; not "a study published by the University of Reading", whose
    name keeps its body)."""
    handler = _handled_by(head)
    if handler is None:
        return None
    words = _name_of(handler)
    outlet = classify(words, [e for e in handler.doc.ents if words.start <= e.start < words.end])
    return handler if outlet[1] is SourceKind.MEDIA_OUTLET else None


# what someone does to a record before an outlet reports it
_HANDLING = frozenset({"obtain", "review", "see", "examine", "view", "acquire", "publish"})


_NOMINAL = frozenset({"NOUN", "PROPN", "ADJ"})


def _noun_head(tokens: TokenSpan) -> Token:
    """The mention's head noun, also where the parser read a modifier as a verb taking it
    ("charging documents" as "charging [documents]"), or the mention's words as modifiers
    of the verb after it ("A viral post claims" read as one noun phrase, "the obituary
    states" with "obituary" an adjective)."""
    head = tokens.root
    last = tokens[-1]
    if head.tag_ == "VBG" and last.dep_ == "dobj" and last.head == head:
        return last
    if head.pos_ in ("DET", "ADJ") and last.pos_ in _NOMINAL and last.head.i >= tokens.end:
        return last
    return head


def _head_word(tokens: TokenSpan) -> Token:
    """The word a mention is resolved by: its root, or its noun where the root is an article
    (the parser hung "the affidavit" on "states", read as a noun)."""
    return _noun_head(tokens) if tokens.root.pos_ == "DET" else tokens.root


def _titled_untagged(tokens: TokenSpan, ents: list[TokenSpan]) -> TokenSpan | None:
    """The name after a title of office where the tagger found no entity ("Detective Kola
    Pike said"): one to three capitalised proper nouns that end the mention."""
    if ents:
        return None
    titles = _lexicon()["official_titles"]
    end = tokens.end
    start = end
    while start > tokens.start and end - start < 3:
        word = tokens.doc[start - 1]
        if word.pos_ != "PROPN" or not word.text[:1].isupper() or word.lower_ in titles:
            break
        start -= 1
    if start == end or start == tokens.start:
        return None
    title = tokens.doc[start - 1]
    pair = f"{tokens.doc[start - 2].lower_} {title.lower_}" if start - 2 >= tokens.start else ""
    if title.lower_ not in titles and pair not in titles:
        return None
    return tokens.doc[start:end]


def _holders_office(tokens: TokenSpan, head: Token) -> str | None:
    """A body named after the one who holds it, its head in lower case ("The Pellin County
    Prosecutor's office", "Weld County Sheriff's office"): the tagger leaves the office out of
    the name, or takes the holder for a person; the name runs from the holder to the head."""
    if head.lemma_.lower() not in _heads(*_BODIES) or head.i <= tokens.start + 1:
        return None
    mark = head.doc[head.i - 1]
    if mark.tag_ != "POS" or mark.head.pos_ != "PROPN":
        return None
    start = max(mark.head.left_edge.i, tokens.start)
    start += head.doc[start].lower_ == "the"
    return head.doc[start : head.i + 1].text


def _described_by_owner(head: Token, person: TokenSpan) -> bool:
    """Whether the mention is someone described through a person named as their owner
    ("Rock's girlfriend", "Pike's neighbour", "the Lund family"): the source is the one
    described, unnamed."""
    owner = next((c for c in head.children if c.dep_ in ("poss", "compound")), None)
    return (
        head.lemma_.lower() in _heads(*_OWNED)
        and not person.start <= head.i < person.end
        and owner is not None
        and person.start <= owner.i < person.end
    )


def _proper_owner(head: Token) -> TokenSpan | None:
    """The name that owns a person described by kin or role in the story ("Pike's mother",
    "Phillips' son"), where the tagger found no person in it (a surname tagged as a body or
    a place): no body has a mother."""
    owner = next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
    if owner is None or head.lemma_.lower() not in _heads("people_heads"):
        return None
    return head.doc[owner.left_edge.i : owner.i + 1]


def _kind_described(head: Token, owner: TokenSpan) -> SourceKind:
    """The kind of someone described through a person: a group ("Pike's family"), an
    official where a spokesperson speaks for an office holder ("Mayor Mercer's spokesman"),
    else one unnamed person ("Rock's girlfriend", "Brightwave's spokeswoman")."""
    lex = _lexicon()
    if head.tag_ == "NNS" or head.lower_ in lex["group_heads"]:
        return SourceKind.UNNAMED_GROUP
    if (
        head.lemma_.lower() in lex["role_titles"]
        and _person_kind(owner) is SourceKind.GOVERNMENT_OFFICIAL
    ):
        return SourceKind.GOVERNMENT_OFFICIAL
    return SourceKind.ANONYMOUS_PERSON


def _body_as_person(entity: TokenSpan) -> bool:
    """A body the tagger took for a person: a PERSON name ending in a body's word ("Delta
    Chi Fraternity") or in a police force's ("Pellin RCMP", "Avon PD"), or a town's name
    that names its force ("Lawrence police say", tagged a person before "police")."""
    lex = _lexicon()
    last = entity[-1]
    doc = entity.doc
    return entity.label_ == "PERSON" and (
        last.lemma_.lower() in lex["organisation_heads"]
        or (
            len(entity) > 1
            and (last.lower_ in _FORCES or _POLICE_INITIALS.fullmatch(last.text) is not None)
        )
        or (
            entity.end < len(doc)
            and doc[entity.end].lower_ in _FORCES
            and entity.root.head.i == entity.end
        )
    )


def _widened(name: TokenSpan, tokens: TokenSpan) -> TokenSpan:
    """A tagged name with the proper nouns of the mention right before it, or after it up to
    the mention's head and before any post, that the tagger left out ("Delta" of "Delta Chi
    Fraternity", "Patrol" of "the Pellin Highway Patrol")."""
    start = name.start
    while start > tokens.start and name.doc[start - 1].pos_ == "PROPN":
        start -= 1
    return name.doc[start : _to_head(name, tokens).end]


def _to_head(name: TokenSpan, tokens: TokenSpan) -> TokenSpan:
    """A tagged name with the proper nouns after it up to the mention's head, before any post
    ("Joe" of "Cmdr. Joe Florip", the surname untagged)."""
    after = name.doc[name.end : tokens.root.i + 1]
    posts = _heads(*_DESCRIBED, "official_titles", "role_titles")
    if all(t.pos_ == "PROPN" and t.lower_ not in posts for t in after):
        return name.doc[name.start : max(name.end, after.end)]  # not "... Assistant Professor"
    return name


def _people(head: Token, orgs: list[TokenSpan]) -> bool:
    """Whether the mention is a people named by nation, faith or party ("French Jews",
    "Republicans"): a group of persons, not an organisation."""
    return head.tag_ == "NNPS" and any(
        e.label_ == "NORP" and e.start <= head.i < e.end for e in orgs
    )


def _named_body(tokens: TokenSpan, head: Token) -> bool:
    """Whether the mention names one public body that speaks as a body: a police force, a
    department or a ministry with its proper name ("Fairbanks police", "the Justice
    Department", "the Ministry of Defence"), an organisation; bare "police" or "the
    government" stay officials."""
    bodies = _lexicon()["public_bodies"]
    if head.lower_ not in bodies and head.lemma_.lower() not in bodies:
        return False
    if head.lower_ == "authorities":
        return False  # "Texas authorities": officials, as "authorities" alone are
    named_before = any(
        t.i < head.i and (t.pos_ == "PROPN" or (t.dep_ == "compound" and t.is_title))
        for t in tokens
    )  # the tagger takes "Fairbanks" in "Fairbanks police" for a common noun
    return named_before or _name_after(tokens, head) is not None


def _name_after(tokens: TokenSpan, head: Token) -> Token | None:
    """The proper name in an "of" or "for" phrase after a body's head ("Ministry of Defence")."""
    return _named_after(tokens, head, {"of", "for"}, lambda t: t.pos_ == "PROPN")


def _body_name(tokens: TokenSpan, head: Token) -> str:
    """A named body's name: from its first modifier to its head, with an "of" phrase after
    it ("the Ministry of Defence")."""
    after = _name_after(tokens, head)
    end = after.right_edge.i + 1 if after is not None else head.i + 1
    start = min(t.i for t in tokens if t.i <= head.i and t.dep_ != "det" and t.pos_ != "DET")
    return tokens.doc[start:end].text


def _in_a_phrase_of(head: Token, name: TokenSpan) -> bool:
    """Whether a name is the object of a prepositional phrase of a common noun heading the
    mention, directly or through other such phrases: "a supervisor at the office in Avon",
    "a lawyer for Mara Pellin" are the supervisor and the lawyer, not what is named after
    them, and so is "an attorney for Lewis' grandparents", and "experts hired by the Pike
    family". A name in apposition ("a resident, Marion Pike") stays the source's."""
    word = name.root
    if word.dep_ in ("poss", "compound") and word.head.dep_ == "pobj":
        word = word.head  # the owner of a preposition's object, or a name before it
    if head.pos_ != "NOUN" or name.start <= head.i < name.end or word.dep_ != "pobj":
        return False
    # up through prepositions, adjectives with one ("sources close to Mercer"), a
    # participle's agent ("hired by") and the nouns joined to the head ("doctors and experts")
    while word.dep_ in ("pobj", "prep", "agent", "conj") or (
        word.dep_ in ("amod", "acl") and word.i > head.i
    ):
        word = word.head
        if word.i == head.i:
            return True
    return False


def _published_on(tokens: TokenSpan, ents: list[TokenSpan]) -> tuple[str, SourceKind] | None:
    """The outlet an article or a story is on, in or from, where the mention names one."""
    for prep in (c for c in tokens.root.rights if c.lower_ in {"on", "in", "from", "by"}):
        place = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if place is None or place.right_edge.i >= tokens.end:
            continue
        words = tokens.doc[place.left_edge.i : place.right_edge.i + 1]
        name, kind = classify(words, [e for e in ents if words.start <= e.start])
        if kind is SourceKind.MEDIA_OUTLET:
            return name, kind
    return None


def _done_by_someone(tokens: TokenSpan) -> bool:
    """Whether a look or a check is someone's: "an inspection by the FDA", "the FDA's check"."""
    head = tokens.root
    return any(t.tag_ == "POS" or t.dep_ == "poss" for t in tokens if t.i < head.i) or any(
        c.dep_ in ("prep", "agent") and c.lower_ == "by" for c in head.rights
    )


def _named_after_occupation(name: TokenSpan) -> bool:
    """Whether a name of two or more proper nouns follows a comma after a person's
    occupation ("co-author of the study, Nicola Avena"): a person, whatever the tagger says."""
    doc = name.doc
    if len(name) < 2 or not all(t.pos_ == "PROPN" for t in name) or name.start < 2:
        return False
    if doc[name.start - 1].text != ",":
        return False
    word = doc[name.start - 2]
    while word.dep_ in ("pobj", "prep") and word.head.i < word.i:
        word = word.head  # up from "the study" to "co-author of"
    return word.lemma_.lower() in _lexicon()["person_heads"]


def _titled_as_a_person(name: TokenSpan) -> bool:
    """Whether a name the tagger took for a body ("Ruiz" in "chief executive Ana Ruiz") has a
    person's title or occupation right before it, among the words that modify it: a person,
    whatever the tagger says ("Pellin Motors" after "carmaker" stays a body)."""
    doc, lex = name.doc, _lexicon()
    titles = _heads("person_heads", "staff_heads", "official_titles", "role_titles") | _CHIEFS
    start = name.start
    while start > 0 and name.start - start < 4 and doc[start - 1].head.i >= name.start:
        start -= 1
        word = doc[start]
        if word.lower_ in titles or word.lemma_.lower() in titles:
            # a title spelt as part of a name is none ("General" of "General Motors")
            return word.pos_ == "NOUN" or word.lower_ in _CHIEFS
        if word.pos_ not in ("PROPN", "ADJ", "NOUN") or word.lower_ in lex["organisation_heads"]:
            return False
    return False


# titles of a company's head, which the source lexicon's lists leave out
# A title after these words is one the person held once ("a former chair", "Retired Sgt.").
_NO_LONGER = frozenset({"former", "retired", "ex", "onetime", "one-time"})
# Heads of a post that a government body named with them makes an office ("chief of the
# criminal division of the county prosecutor's office"), beside the staff's words.
_POSTS_HEADED = frozenset({"chief", "head", "commander"})
_CHIEFS = frozenset({"ceo", "executive", "founder", "co-founder", "chairman", "owner"})
# "general" is a rank, but not in a company's posts
_NOT_RANKS = frozenset({"general manager", "general counsel", "general partner"})
# whom a spokesperson may speak for without any office: a family, a private person
_PRIVATE_PARTIES = frozenset({"family", "families", "relative", "relatives"})


def _owned(tokens: TokenSpan, person: TokenSpan) -> bool:
    """Whether a person's name follows a possessive in the mention ("Washington Post's Sarah
    Kaplan") and is no outlet's name itself ("Japan's Asahi Shinbun")."""
    possessive = any(t.tag_ == "POS" for t in tokens if t.i < person.start)
    return possessive and not canonical_outlet(person.text)


def _person(tokens: TokenSpan, person: TokenSpan) -> tuple[str, SourceKind]:
    """A named person, a government official where a title of office comes before the name
    or opens it: the tagger often takes the title in ("Sgt. Ray Kelly" is Ray Kelly)."""
    name = _untitled(_to_head(person, tokens))
    kind = SourceKind.GOVERNMENT_OFFICIAL if _has_title(tokens, name) else SourceKind.NAMED_PERSON
    return name.text, kind


def _titled_name(tokens: TokenSpan, ents: list[TokenSpan]) -> TokenSpan | None:
    """The name after the titles of office that open a mention in which the tagger found no
    person ("Sheriff Shaver", "Detective Captain Dale Lund", a capitalised "Chief Bowers"):
    one to three capitalised proper nouns that end the mention, none a title or a body's
    word. A title inside a body's name is none ("General Motors", tagged a body)."""
    words = [t for t in tokens if not (t.i == tokens.start and t.pos_ == "DET")]
    titles = _lexicon()["official_titles"]
    count = 0
    while count < len(words) and (words[count].lower_ in titles or words[count].text == "Chief"):
        count += 1
    name = words[count:]
    if not count or not 1 <= len(name) <= 3 or words[count - 1].tag_ in ("NNS", "NNPS"):
        return None  # "Authorities Sunday": a group's word, and a day, no one's title and name
    if not _a_name(name, _heads("organisation_heads", "public_bodies")):
        return None
    if any(
        e.label_ in ("ORG", "GPE", "NORP", "FAC") and e.start <= words[0].i < e.end for e in ents
    ):
        return None
    return tokens.doc[name[0].i : name[-1].i + 1]


# how the tagger labels an age given after a name ("Ruby Poore, 32,")
_AGES = frozenset({"DATE", "CARDINAL"})
# the relative pronouns that open a clause about a person
_WHO = frozenset({"who", "whom", "whose"})


@lru_cache(maxsize=1)
def _titles_before_a_name() -> frozenset[str]:
    """The title words :func:`_named_after_title` reads a name after, built once."""
    return _heads("official_titles", "staff_heads", "person_heads") | _CHIEFS | {"superintendent"}


def _named_after_title(tokens: TokenSpan) -> TokenSpan | None:
    """The person a mention names after a body's name and a title ("Tulsa Police Officer
    Leland Ashley", "State Police Capt. Doug Cain", "Mid-Central Superintendent Dan
    Guericke"): one to three capitalised proper nouns that end it, after its last title
    word. The tagger often takes the whole for one body, or for a work of art after a
    quotation."""
    titles = _titles_before_a_name()
    words = list(tokens)
    last = max((k for k, t in enumerate(words) if t.lower_ in titles), default=None)
    if last is None or last == 0 or not 1 <= len(words) - last - 1 <= 3:
        return None
    name = words[last + 1 :]
    if not _a_name(name, _heads("organisation_heads", "public_bodies")):
        return None
    if tokens.root not in name:
        return None  # "a spokesman for Mayor John Mercer": the spokesman speaks
    return tokens.doc[name[0].i : name[-1].i + 1]


def _role_named(tokens: TokenSpan) -> TokenSpan | None:
    """The name after a word for who a person is that opens a mention ("Witness Ruby Poore
    said", "Neighbor Sam Riley", "Professor Mara Okafor"): one to three capitalised proper
    nouns that end it. The tagger takes such a capitalised word and name for a body."""
    words = [t for t in tokens if not (t.i == tokens.start and t.pos_ == "DET")]
    roles = _heads("people_heads", "person_heads", "staff_heads") - {"old"}
    if len(words) < 2 or len(words) > 4 or words[0].lower_ not in roles:
        return None
    name = words[1:]
    if not _a_name(name, frozenset()):
        return None
    return tokens.doc[name[0].i : name[-1].i + 1]


def _a_name(words: list[Token], bodies: frozenset[str]) -> bool:
    """Whether ``words`` can be a person's name after a title or a role word: capitalised
    proper nouns, none a title, a day or a time, nor one of ``bodies``' words."""
    return all(
        t.pos_ == "PROPN"
        and _name_cased(t)
        and t.lower_ not in _title_words()
        and t.lower_ not in bodies
        and t.ent_type_ not in TIMES
        for t in words
    )


# a speaker's words about themself: a person says "I", a body "we"
_FIRST_PERSON = re.compile(r"\b(?:I|I['’](?:m|ve|d|ll)|[Mm]e|[Mm]y|[Mm]yself)\b")


def speaks_as_one(doc: Doc, source: Source, content: Span) -> bool:
    """Whether a source typed a body is a person by its own words: a plain name (name-cased
    words, no place, no body's word such as "Police" or "Inc") whose content says "I" or
    "my" ('"I had to spend a night in jail," Jamal Gilmer said': the tagger called the name
    a work of art)."""
    if (
        source.kind is not SourceKind.ORGANISATION
        or source.span is None
        or not _FIRST_PERSON.search(content.text)
    ):
        return False
    tokens = doc.char_span(source.span.start, source.span.end, alignment_mode="expand")
    bodies = _heads("organisation_heads", "public_bodies", "government_words")
    return (
        tokens is not None
        and all(t.text == "-" or (t.pos_ == "PROPN" and _name_cased(t)) for t in tokens)
        and not any(t.ent_type_ in PLACES or t.lower_ in bodies for t in tokens)
    )


def _name_cased(word: Token) -> bool:
    """Written as a name is: a capital first, not all capitals ("McMullen", "DeShawn", "Poore";
    not "NEWS")."""
    return word.text[:1].isupper() and any(c.islower() for c in word.text)


def _untitled(person: TokenSpan) -> TokenSpan:
    """A tagged name without the title of office the tagger took in, opening it ("Sgt. Ray
    Kelly") or after the body ("Auckland Harbourmaster Andrew Hayton"); a title among the
    last two words is part of the name ("Martin Luther King Jr.")."""
    titles = _lexicon()["official_titles"]
    start = person.start
    while start < person.end - 1 and person.doc[start].lower_ in titles:
        start += 1
    inside = [t.i + 1 for t in person.doc[start : max(start, person.end - 2)] if t.lower_ in titles]
    return person.doc[max(inside, default=start) : person.end]


def _spokesperson_name(tokens: TokenSpan, head: Token) -> str:
    """A spokesperson with the body they speak for, where it is named after them: "a
    spokesman for the Alzheimer's Society" is the "Alzheimer's Society spokesman"."""
    body = _body_named(tokens, head, {"for", "of", "at"})
    if body is None:
        return _with_common_noun(tokens, {"for"}) or _short_name(tokens)
    first = body.left_edge.i + (body.left_edge.dep_ == "det")  # not "the"
    return f"{tokens.doc[first : body.right_edge.i + 1].text} {head.text}"


def _body_named(tokens: TokenSpan, head: Token, preps: Collection[str]) -> Token | None:
    """The proper noun after ``head`` and one of ``preps``, inside the mention: the body a
    spokesperson speaks for, or a group works at."""
    return _named_after(tokens, head, preps, lambda t: t.pos_ == "PROPN")


def _named_after(
    tokens: TokenSpan, head: Token, preps: Collection[str], wanted: Callable[[Token], bool]
) -> Token | None:
    """The object of a preposition in ``preps`` after ``head`` that is ``wanted``, inside the
    mention ("a spokesman for [the Society]", "the researcher on [the study]")."""
    for prep in (c for c in head.rights if c.dep_ == "prep" and c.lower_ in preps):
        obj = next((c for c in prep.children if c.dep_ == "pobj" and wanted(c)), None)
        if obj is not None and obj.right_edge.i < tokens.end:
            return obj
    return None


def _governmental(words: TokenSpan | list[Token]) -> bool:
    """Whether the words name a government body ("police", "NASA", "the council", a police
    force by its initials: "IMPD", "GBI")."""
    lex = _lexicon()["government_words"]
    return any(t.lower_ in lex or _POLICE_INITIALS.fullmatch(t.text) for t in words)


def _role_kind(tokens: TokenSpan, head: Token) -> SourceKind:
    """A spokesperson or official speaks for government where no body is named or the body
    is a government one ("a police spokesman", "officials"); for a company, a club or a
    charity they are one anonymous person ("a Facebook spokesperson", "a center
    representative"), or a group."""
    body = [
        t
        for t in tokens
        if t.i != head.i
        and (t.pos_ == "PROPN" or t.dep_ == "compound" or (t.pos_ == "NOUN" and t.i < head.i))
    ]
    named = _named_after(tokens, head, _SPOKEN_FOR, lambda t: t.pos_ in ("NOUN", "PROPN"))
    if named is not None:
        body.append(named)  # "a spokesperson for the university"
    if not body or _governmental(tokens) or _for_an_office_holder(tokens, head):
        return SourceKind.GOVERNMENT_OFFICIAL
    return SourceKind.UNNAMED_GROUP if head.tag_ == "NNS" else SourceKind.ANONYMOUS_PERSON


def _with_body_after(tokens: TokenSpan, head: Token) -> TokenSpan:
    """A spokesperson's mention with the body named after it, where the tagger's span
    stopped at the head ("[A spokesperson] for the university told ...")."""
    if tokens.end != head.i + 1:
        return tokens
    phrase = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ in _SPOKEN_FOR), None)
    return tokens if phrase is None else tokens.doc[tokens.start : phrase.right_edge.i + 1]


def _for_an_office_holder(tokens: TokenSpan, head: Token) -> bool:
    """Whether a spokesperson speaks for someone titled with a government office ("a
    spokesman for Mayor John Mercer"); titles any body gives (president, chair) do not say."""
    lex = _lexicon()
    titles = lex["official_titles"] - lex["body_titles"]
    return any(t.i > head.i and t.lower_ in titles for t in tokens)


# a clause on the cue that names who heard it: "Speaking to WPLN, she said"
_TALK = frozenset({"speak", "talk"})
# verbs whose "to" names who heard it: "confirmed to the Pellin Gazette", "said to ABC"
_SAID_TO = frozenset({"confirm", "say", "explain", "speak", "talk", "admit", "reveal", "describe"})


def _listener(verb: Token) -> Token | None:
    """Who a source told: the object of "tell", the "to" of "confirmed to", the "with" of
    "spoke with"."""
    if verb.lemma_ == "tell":
        return next((c for c in verb.children if c.dep_ in {"dobj", "dative"}), None)
    words = ("to", "with") if verb.lemma_ in ("speak", "talk") else ("to",)
    to = next(
        (c for c in verb.children if c.dep_ in {"prep", "dative"} and c.lower_ in words), None
    )
    return None if to is None else next((c for c in to.children if c.dep_ == "pobj"), None)


def _interviewer(verb: Token) -> Token | None:
    """Who interviewed the source: "said in an interview with CNN", "during an interview on
    Fox News" (the outlet it spoke to, as "told CNN" says)."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in _INTERVIEWED_IN):
        for talk in (c for c in prep.children if c.dep_ == "pobj" and c.lemma_ in _INTERVIEWS):
            for by in (c for c in talk.children if c.dep_ == "prep" and c.lower_ in {"with", "on"}):
                return next((c for c in by.children if c.dep_ == "pobj"), None)
    return None


_INTERVIEWED_IN = frozenset({"in", "during"})
_INTERVIEWS = frozenset({"interview", "appearance"})


def _reported_by(verb: Token) -> Token | None:
    """Who "as reported by X" on a reporting verb names: the relayer's head word."""
    for clause in (c for c in verb.children if c.dep_ == "advcl" and c.lemma_ == "report"):
        if any(c.dep_ == "mark" and c.lower_ == "as" for c in clause.children):
            agent = next((c for c in clause.children if c.dep_ == "agent"), None)
            if agent is not None:
                return next((c for c in agent.children if c.dep_ == "pobj"), None)
    return None


def _name_of(head: Token) -> TokenSpan:
    """The name a noun heads, with the words that continue it ("the Mail on Sunday")."""
    doc = head.doc
    end = head.i + 1
    while end < len(doc):
        if end + 1 < len(doc) and doc[end].lower_ in {"on", "of"} and doc[end + 1].is_title:
            end += 2
        elif doc[end].like_num and doc[end].dep_ == "nummod" and doc[end].head == head:
            end += 1  # "Channel 7"
        elif _hyphen_joined(doc, end):
            end += 2  # "the Post-Gazette"
        else:
            break
    return doc[head.left_edge.i : end]


def _hyphen_joined(doc: Doc, at: int) -> bool:
    """Whether ``doc[at]`` is a hyphen joining the capitalised words either side of it."""
    return (
        doc[at].text in ("-", "–")
        and at + 1 < len(doc)
        and not doc[at - 1].whitespace_
        and not doc[at].whitespace_
        and doc[at + 1].is_title
    )


def _contrasted(tokens: TokenSpan) -> TokenSpan:
    """The source a "not just X but Y" mention ends on: "(according not just to) me but to
    the lead researcher on the study" is the researcher's word, the one the writer adds."""
    but = next((t for t in tokens if t.lower_ == "but" and t.pos_ == "CCONJ"), None)
    if but is None:
        return tokens
    start = but.i + 1
    while start < tokens.end and tokens.doc[start].lower_ in {"also", "to", "rather", "even"}:
        start += 1
    return tokens.doc[start : tokens.end] if start < tokens.end else tokens


def _owned_noun(tokens: TokenSpan) -> TokenSpan:
    """A mention that stops at an owner's "'s" runs on to what is owned ("[Dale Lund's]
    family said" is the family speaking, not Lund)."""
    mark = tokens[-1]
    owned = mark.head.head if mark.tag_ == "POS" and mark.head.dep_ == "poss" else None
    if owned is None or owned.i < tokens.end or owned.pos_ != "NOUN":
        return tokens
    return tokens.doc[tokens.start : owned.i + 1]


def _relative_head(tokens: TokenSpan) -> TokenSpan:
    """A relative pronoun stands for the noun its clause hangs on ("French Jews, [who] fear
    ..." is the French Jews); one opening a longer mention ("who [initial reports] said")
    is left off it."""
    first = tokens[0]
    if first.tag_ not in {"WP", "WDT"}:
        return tokens
    if len(tokens) > 1:
        return tokens[1:]
    if first.head.dep_ != "relcl":
        return tokens
    noun = first.head.head
    return noun.doc[noun.left_edge.i : noun.i + 1]


def _on_its_line(tokens: TokenSpan) -> TokenSpan:
    """A mention from the last line break inside it: a subheading above the paragraph is
    no part of the name ("Family 'close-knit'\n\nA woman, who said ...")."""
    breaks = [t.i for t in tokens[:-1] if "\n" in t.text or "\n" in t.whitespace_]
    return tokens.doc[breaks[-1] + 1 : tokens.end] if breaks else tokens


_PLURAL_TAGS = frozenset({"NNS", "NNPS", "VBZ"})


def _is_plural(token: Token) -> bool:
    """Whether a mention's head names more than one; a head tagged as a verb's third person
    is a plural noun the parser misread ("the court [documents] state")."""
    return token.tag_ in _PLURAL_TAGS or token.lower_ in _lexicon()["pronouns_plural"]


def _is_human(kind: SourceKind) -> bool:
    return kind in {
        SourceKind.NAMED_PERSON,
        SourceKind.ANONYMOUS_PERSON,
        SourceKind.GOVERNMENT_OFFICIAL,
        SourceKind.UNNAMED_GROUP,
    }


def _kinds_described(lemma: str) -> frozenset[SourceKind]:
    """The kinds of source a bare description names by its head ("the paper": an outlet or a
    study; "the study": a document; "the company": an organisation)."""
    lex = _lexicon()
    kinds = set()
    if lemma in lex["outlet_heads"] or lemma in {"paper", "newspaper", "story", "article"}:
        kinds.add(SourceKind.MEDIA_OUTLET)
    if lemma in lex["document_heads"]:
        kinds.add(SourceKind.DOCUMENT_REPORT)
    if lemma in lex["organisation_heads"]:
        kinds.add(SourceKind.ORGANISATION)
    return frozenset(kinds)


def _may_stand_for(lemma: str, source: Source) -> bool:
    """Whether a bare description may refer back to ``source``: an organisation only where
    its word is a generic one or in the name ("the company" for Meta, "the school" for
    Lincoln High School, not for the police department before it); a document likewise
    ("the study" for any, "the obituary" not for the affidavit before it)."""
    generic = _GENERIC_WORDS.get(source.kind)
    if generic is None or lemma in generic:
        return True
    return lemma in source.name.lower().split()


def _before_as_subject(word: Token, pronoun: Token) -> bool:
    """Whether ``word`` is a verb's subject standing before ``pronoun`` (no pronoun itself)."""
    return word.dep_ in ("nsubj", "nsubjpass") and word.i < pronoun.i and word.pos_ != "PRON"


def _human_heads() -> frozenset[str]:
    """Head words of a singular mention of one person: a person by occupation, office or
    role, or as the story speaks of them ("the boy", "the victim", "a 15-year-old")."""
    return _heads(*_DESCRIBED, "official_titles", "role_titles")


def _one_letter_apart(a: str, b: str) -> bool:
    """Whether two different words differ by one letter added, dropped or changed (stricter
    than the trace's ``people.alike``, a difflib ratio: here no other name is there to
    compare, so a looser match would join different people)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    first = next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )
    return a[first + (len(a) >= len(b)) :] == b[first + (len(b) >= len(a)) :]


def _surname(person: TokenSpan) -> str:
    """The family name of a full name, past a generational suffix ("Don Coppola Jr.")."""
    last = person[-1]
    if last.lower_.rstrip(".") in _SUFFIXES and len(person) > 2:
        return person[-2].text
    return last.text


def _hyphenated(tokens: TokenSpan) -> bool:
    """Whether a mention is one double name joined by hyphens ("Minor-Melvin")."""
    return all(not t.whitespace_ for t in tokens[:-1]) and any(t.text == "-" for t in tokens)


def _spoken_of(name: Token) -> bool:
    """Whether a name is what its sentence speaks of, as a pronoun after it would be: a
    subject, an apposition ("her son, Kola Pike"), or a name a "who" clause describes
    ("belonged to Walter Pike, who was not home"); not one in a list of victims, nor a place
    the tagger took for a person ("at the packed Hookah Lounge")."""
    if name.dep_ in ("nsubj", "nsubjpass", "appos"):
        return True
    return any(c.dep_ == "relcl" for c in name.children)


def _spelt_out(doc: Doc, ents: list[TokenSpan]) -> dict[str, str]:
    """The bodies a text names by initials it gives in brackets ("the Centers for Disease
    Control (CDC)"): initials to the name, so that a later "CDC said" is the same source
    under one name (`CLAIMS.md` 2.6, canonical names). A bracket after no tagged name, or
    initials given to two names, name nothing."""
    names: dict[str, set[str]] = {}
    bodies = [e for e in ents if e.label_ in {"ORG", "GPE", "FAC", "NORP"}]
    ends = {e.end: e for e in bodies}
    for bracket in (t for t in doc[:-2] if t.text == "(" and t.i in ends):
        initials = doc[bracket.i + 1]
        if doc[bracket.i + 2].text == ")" and _INITIALS.fullmatch(initials.text):
            names.setdefault(initials.text, set()).add(_bare(ends[bracket.i]))
    by_letters: dict[str, set[str]] = {}
    for body in bodies:
        words = [w for w in _bare(body).split() if w.lower() not in _LINKING_WORDS]
        if len(words) >= _LEAST_INITIALS and all(w[0].isupper() for w in words):
            by_letters.setdefault("".join(w[0] for w in words), set()).add(_bare(body))
    for word in doc:  # "LRPD" after "the Little Rock Police Department", no brackets given
        if word.text not in names and word.text in by_letters and _INITIALS.fullmatch(word.text):
            names[word.text] = by_letters[word.text]
    return {initials: next(iter(full)) for initials, full in names.items() if len(full) == 1}


class SourceResolver:
    """Resolves the source mentions of one document, in text order.

    >>> from newstrace.analyze.nlp import load_nlp
    >>> doc = load_nlp()("The defector said Kim cried. The defector later left.")
    >>> resolved = SourceResolver(doc).resolve(Span.of(doc.text, 0, 12))
    >>> resolved.name, resolved.kind.value
    ('The defector', 'anonymous_person')
    """

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._ents = list(doc.ents)  # read once: Doc.ents and Span.ents rebuild it per call
        self._seen: list[_Mention] = []
        self._initials = _spelt_out(doc, self._ents)
        # the surnames the tagger gives people anywhere in the text, read once per document
        self._person_surnames = {_surname(e) for e in self._ents if e.label_ == "PERSON"}

    def resolve(self, span: Span) -> Source:
        """The :class:`Source` a mention refers to; remembers it for later mentions."""
        tokens = _on_its_line(_relative_head(_contrasted(_owned_noun(token_span(self.doc, span)))))
        span = Span.of(text_of(self.doc), tokens.start_char, tokens.end_char)
        ents = entities_in(tokens, self._ents)
        head = _head_word(tokens)
        first_person = (head.pos_ == "PRON" and head.lower_ in _WRITER) or _first_person(tokens)
        antecedent = None if first_person else self._antecedent(tokens, ents)
        if first_person and not self._quoted(tokens):
            source = Source(span.text, SourceKind.THE_ARTICLE, span)  # "I think": the writer
        elif first_person:
            source = Source(span.text, SourceKind.ANONYMOUS_PERSON, span)  # the quote's speaker
        elif antecedent is not None:
            first = antecedent.source
            source = Source(first.name, first.kind, span, first.mention or first.span)
        elif head.pos_ == "PRON":
            source = self._entity_before(tokens, span)
        elif (publisher := self._publisher_before(tokens)) is not None:
            source = Source(publisher.name, publisher.kind, span, publisher.span)
        elif (named := self._named_before(tokens) or self._named_next(tokens)) is not None:
            name, kind = classify(named, entities_in(named, self._ents))
            mention = Span(named.start_char, named.end_char, named.text)
            source = Source(name, kind, span, mention)
        elif (group := self._group_before(tokens)) is not None:
            mention = Span(group.start_char, group.end_char, group.text)
            source = Source(_group_name(group), SourceKind.UNNAMED_GROUP, span, mention)
        elif (full := self._full_name(tokens)) is not None:
            source = Source(
                full.text,
                _person_kind(full),
                span,
                Span(full.start_char, full.end_char, full.text),
            )
        else:
            name, kind = classify(tokens, ents)
            source = Source(name, kind, span)
        if source.kind is SourceKind.ORGANISATION and self._a_person_elsewhere(tokens, ents):
            source = replace(source, kind=SourceKind.NAMED_PERSON)  # "said Zharkova" as a place
        if source.name in self._initials:  # "CDC said" after "the Centers for ... (CDC)"
            kind = SourceKind.ORGANISATION if _is_human(source.kind) else source.kind
            source = replace(source, name=self._initials[source.name], kind=kind)
        elif (in_full := self._named_in_full(source, tokens)) is not None:
            source = replace(source, name=in_full)
        self._seen.append(
            _Mention(source, head.lemma_.lower(), _is_plural(head), _is_human(source.kind))
        )
        return source

    def record_in_cue(self, cue: Span) -> Source | None:
        """The record a sourceless cue opens with ("footage showing him crying": the footage
        shows it), as a document; None where the cue does not open with one."""
        tokens = token_span(self.doc, cue)
        first = tokens[0] if len(tokens) > 1 else None
        if (
            first is None
            or first.pos_ != "NOUN"
            or first.lemma_.lower() not in _lexicon()["document_heads"]
            or not any(t.pos_ == "VERB" for t in tokens[1:])
        ):
            return None
        return Source(
            first.text,
            SourceKind.DOCUMENT_REPORT,
            Span.of(text_of(self.doc), first.idx, first.idx + len(first)),
        )

    def venue(self, cue: Span, source: Source) -> Source | None:
        """The outlet a source spoke to or writes for, where the text names one: "X told
        the Mail on Sunday", "neighbors who spoke to KARK say", "The Washington Post's
        Sarah Kaplan" (also when a later "said
        Kaplan" refers back to that mention), or whoever the text says reported the words
        ("said Zharkova, as reported by the Royal Astronomical Society"). That one relayed
        the claim: the link just outside the source in its chain."""
        mention = source.mention or source.span
        described = _noun_head(token_span(self.doc, mention)) if mention is not None else None
        cue_words = token_span(self.doc, cue)
        told = [  # "X told WPLN", "neighbors who spoke to WPLN say", "Speaking to WPLN, X said"
            *cue_words,
            *(c for c in (described.children if described else ()) if c.dep_ == "relcl"),
            *(c for t in cue_words for c in t.children if c.dep_ == "advcl" and c.lemma_ in _TALK),
        ]
        for verb in told:
            if verb.lemma_ in ("tell", *_SAID_TO):
                listener = _listener(verb) or _interviewer(verb)
                words = _name_of(listener) if listener is not None else None
                if words is not None and (
                    found := self._outlet_meant(words) or self._outlet(words, told=True)
                ):
                    return None if _OWN_STATION.fullmatch(found.name) else found
            if (relayer := _reported_by(verb)) is not None:
                words = _name_of(relayer)
                name, kind = classify(words, entities_in(words, self._ents))
                return Source(name, kind, Span(words.start_char, words.end_char, words.text))
        if mention is not None and source.kind is SourceKind.DOCUMENT_REPORT:
            handler = _relaying_outlet(_noun_head(token_span(self.doc, mention)))
            return None if handler is None else self._outlet(_name_of(handler), told=False)
        if mention is None or source.kind not in PEOPLE:
            return None
        tokens = token_span(self.doc, mention)
        owner = next((t for t in tokens if t.tag_ == "POS"), None)
        if owner is None and tokens.start > 1 and self.doc[tokens.start - 1].tag_ == "POS":
            owner = self.doc[tokens.start - 1]  # the name alone was the mention
        if owner is None or owner.i == 0:
            return None
        if self.doc[owner.i - 1].head.lemma_.lower() in _heads(*_DESCRIBED):
            return None  # "Mark Pike's brother, Mike Pike": a kinsman's name, no publisher
        words = _name_of(self.doc[owner.i - 1])  # "the website's Deborah Byrd": EarthSky's
        return self._publisher_before(words) or self._outlet(words, told=False)

    def _outlet(self, words: TokenSpan, told: bool) -> Source | None:
        """``words`` as an outlet source, if they name one (a known outlet, a name with an
        outlet's word, a web domain) and no person; after "told", also a proper name of no
        person and no government body ("told Mic", not "told Local 10 News reporter Andrew
        Perez" nor "told Congress")."""
        if not len(words):
            return None
        ents = entities_in(words, self._ents)
        if self._names_person(words, ents) and not canonical_outlet(words.text):
            return None  # the tagger takes "France Info" for a person
        name, kind = classify(words, ents)
        span = Span(words.start_char, words.end_char, words.text)
        if kind == SourceKind.MEDIA_OUTLET:
            return Source(name, kind, span)
        if told and words.root.pos_ == "PROPN" and not _governmental(words):
            return Source(_bare(words), SourceKind.MEDIA_OUTLET, span)
        return None

    def _outlet_meant(self, words: TokenSpan) -> Source | None:
        """The outlet "told the paper" or "told the station" means: the last outlet a
        source was credited to, else the last outlet named before."""
        if (
            len(words) != 2
            or words[0].lower_ != "the"
            or words.root.lemma_.lower() not in _TOLD_OUTLETS
        ):
            return None
        for seen in reversed(self._seen):
            if seen.source.kind is SourceKind.MEDIA_OUTLET:
                return seen.source
        before = [e for e in self._ents if e.end <= words.start]
        return next((o for e in reversed(before) if (o := self._outlet(e, told=False))), None)

    def _names_person(self, words: TokenSpan, ents: list[TokenSpan]) -> bool:
        """Whether ``words`` name a person: a tagged name of two words or more, or one word
        (tagged a person or not) of a person's full name elsewhere in the text. The tagger
        takes a lone unknown name after "told" for a person ("told Mic"), but news names a
        person in full first."""
        people = [e for e in ents if e.label_ == "PERSON"]
        if any(len(e) > 1 for e in people):
            return True
        word = people[0].text if people else words.text if len(words) == 1 else None
        return word is not None and any(  # "Rob Clariday ... Wright told Clariday"
            e.label_ == "PERSON" and len(e) > 1 and word in e.text.split() for e in self._ents
        )

    def _antecedent(self, tokens: TokenSpan, ents: list[TokenSpan]) -> _Mention | None:
        """An earlier mention that a pronoun or a definite description refers back to."""
        lex = _lexicon()
        head = _head_word(tokens)
        word = head.lower_
        if head.pos_ == "PRON":
            plural = word in lex["pronouns_plural"]
            human = word in lex["pronouns_person_singular"] or plural
            gender = _GENDERS.get(word)
            if human and not plural:
                above = self._subject_above(head, gender)
                if above is not None or (above := self._person_just_named(tokens)) is not None:
                    return above
            for seen in reversed(self._seen):
                if seen.plural == plural and (seen.human == human or plural):
                    said = _GENDERS.get(seen.head_lemma) or _GENDERED.get(seen.head_lemma)
                    if gender and said not in (None, gender):
                        continue  # a "he" is not the "she" or "the woman" just before
                    if gender and seen.source.kind is SourceKind.UNNAMED_GROUP:
                        continue  # nor "the family" before
                    return seen
            return None
        determiner = tokens[0].lower_ if len(tokens) else ""
        bare = not any(t.tag_ == "POS" for t in tokens)  # not "the examiner's office"
        if determiner in {"the", "this", "that", "these", "those"} and not ents and bare:
            lemma, plural = head.lemma_.lower(), _is_plural(head)
            for seen in reversed(self._seen):
                if seen.head_lemma == lemma and seen.plural == plural:
                    return seen  # "the doctor" is not the "doctors" before
            kinds = _kinds_described(lemma)  # "the paper" after "the Mail on Sunday said"
            for seen in reversed(self._seen):
                if seen.source.kind in kinds and _may_stand_for(lemma, seen.source):
                    return seen
            if not plural and lemma in lex["person_heads"]:
                for seen in reversed(self._seen):  # "Dr. Spencer said ... The doctor noted"
                    if seen.source.kind in PEOPLE and not seen.plural:
                        return seen
        return None

    def _subject_above(self, pronoun: Token, gender: str | None) -> _Mention | None:
        """The person a "he" or "she" stands for inside a clause that hangs under a verb
        whose subject, before it, is one person named or described ("a 15-year-old brought
        out a gun he said was not loaded": the 15-year-old, not a source quoted before)."""
        subject = next(
            (c for v in pronoun.ancestors for c in v.children if _before_as_subject(c, pronoun)),
            None,
        )
        if subject is None or any(
            t.dep_ == "parataxis" for t in pronoun.ancestors if subject.head.is_ancestor(t)
        ):
            return None  # "The teenager, she says, grew up with her": she is not the teenager
        words = self.doc[subject.left_edge.i : subject.right_edge.i + 1]
        ents = entities_in(words, self._ents)
        lemma = subject.lemma_.lower()
        person = any(e.label_ == "PERSON" and e.start <= subject.i < e.end for e in ents)
        singular = subject.tag_ in ("NN", "NNP") or (subject.lower_ == "old" and not person)
        if not singular or not (person or lemma in _human_heads()):
            return None
        if gender and _GENDERED.get(lemma, gender) != gender:
            return None  # "the woman ... he said"
        for seen in reversed(self._seen):
            if seen.source.span is not None and seen.source.span.start <= words.start_char < (
                seen.source.span.end
            ):
                return seen  # the subject was a source itself: "Pike said he told police"
        name, kind = classify(words, ents)
        mention = Span(words.start_char, words.end_char, words.text)
        return _Mention(Source(name, kind, mention, mention), lemma, False, True)

    def _in_full(self, name: str) -> str | None:
        """The full name the text gives a public body a short form stands for: "Fairbanks
        police" is the "Fairbanks Police Department" named elsewhere in the text (the
        labels' canonical name for a force printed in short form). A bare "police" names
        no one body."""
        words, lex = name.lower().split(), _lexicon()
        if len(words) < 2 or words[-1] not in lex["public_bodies"]:
            return None
        heads = _heads(*_BODIES)
        for entity in (e for e in self._ents if e.label_ in {"ORG", "FAC"}):
            full = _bare(entity)
            printed = full.lower().split()
            if (
                len(printed) > len(words)
                and printed[: len(words)] == words
                and printed[-1] in heads
            ):
                return full
        return None

    def _named_in_full(self, source: Source, tokens: TokenSpan) -> str | None:
        """The full name the text gives a body or an outlet named in short."""
        if source.kind is SourceKind.ORGANISATION:
            return self._in_full(source.name)
        if source.kind is SourceKind.MEDIA_OUTLET:
            return self._outlet_in_full(source.name, tokens)
        return None

    def _outlet_in_full(self, name: str, tokens: TokenSpan) -> str | None:
        """The full name of an outlet a text names before by its last word alone: "the
        Post reported" after "The Denver Post spoke with ..." is The Denver Post."""
        word = name.lower().removeprefix("the ")
        if " " in word or word not in _lexicon()["outlet_words"]:
            return None
        for entity in reversed([e for e in self._ents if e.end <= tokens.start]):
            full = _bare(entity)
            if entity.label_ == "ORG" and " " in full and full.lower().endswith(f" {word}"):
                return full
        return None

    def _person_just_named(self, tokens: TokenSpan) -> _Mention | None:
        """The person a "he" or "she" stands for where the sentence before names one in
        full and no source spoke since: "the gun belonged to Walter Pike, who was not home.
        He denied owning it" is Walter Pike, not a Pike quoted further up."""
        start = tokens.sent.start
        start = self.doc[start - 1].sent.start if start else start
        named = [
            e
            for e in self._ents
            if e.label_ == "PERSON" and len(e) > 1 and start <= e.start and e.end <= tokens.start
        ]
        if not named or self._quoted(named[-1]) or not _spoken_of(named[-1].root):
            return None
        person = _untitled(named[-1])
        if any(
            seen.source.span is not None and seen.source.span.start >= person.start_char
            for seen in self._seen
        ):
            return None  # a source spoke since: "Pike said ... He added" is theirs
        mention = Span(person.start_char, person.end_char, person.text)
        source = Source(person.text, _person_kind(person), mention, mention)
        return _Mention(source, person.root.lemma_.lower(), False, True)

    def _publisher_before(self, tokens: TokenSpan) -> Source | None:
        """The outlet "the story" or "the article" is from, where no source came before it
        but the last two sentences name an outlet ("The report ... was published by
        Huzlers.com. ... According to the story, ..."); for "the website" or "the site",
        any body named there that is no government ("EarthSky also talked about the hoax
        ... writes the website's Deborah Byrd")."""
        if len(tokens) != 2 or tokens[0].lower_ != "the":
            return None
        site = tokens.root.lemma_ in _SITES
        if not site and tokens.root.lemma_ not in _STORIES:
            return None
        start = tokens.root.sent.start
        for _ in range(2):  # back to the start of the sentence before, twice
            start = self.doc[start - 1].sent.start if start else start
        if site:  # a site's writer is often named after a long quotation: the paragraph before
            start = min(start, self._paragraph_before(tokens))
        names = [e for e in self._ents if start <= e.start and e.end <= tokens.start]
        names += [
            self.doc[t.i : t.i + 1]
            for t in self.doc[start : tokens.start]
            if _DOMAIN.fullmatch(t.text)
        ]
        for words in sorted(names, key=lambda w: w.start, reverse=True):
            if site and self._quoted(words):
                continue  # a name the writer quotes is not where they write
            if (outlet := self._outlet(words, told=False)) is not None:
                return outlet
            if site and words.label_ == "ORG" and not _governmental(words):
                span = Span(words.start_char, words.end_char, words.text)
                return Source(_bare(words), SourceKind.MEDIA_OUTLET, span)
        return None

    def _named_before(self, tokens: TokenSpan) -> TokenSpan | None:
        """The name earlier in the text that a definite description shortens, where no
        source came before it: a name holding all its words and ending in its head ("The
        Marion County Coroner's Office ruled ... The coroner's office said"), or for an
        outlet's word the nearest outlet named ("... the cover of Cosmopolitan. ... the
        magazine announced"); for a title, the person named with it ("Sheriff Mara Okafor
        ... the sheriff said")."""
        head = tokens.root
        if tokens[0].lower_ != "the" or head.pos_ != "NOUN" or _is_plural(head):
            return None
        words = {t.lower_ for t in tokens[1:] if t.tag_ != "POS"}
        outlet = head.lemma_.lower() in _OUTLET_WORDS
        before = [e for e in self._ents if e.end <= tokens.start]
        for at, name in reversed(list(enumerate(before))):
            title = self.doc[name.start - 1] if name.start else name[0]
            if name.label_ == "PERSON" and head.lower_ in {title.lower_, name[0].lower_}:
                return name  # "Mayor Elena Varga ... the mayor said": the name with its title
            if name.label_ not in _NAMED_BODIES:
                continue
            if _shortened_by(name, head) and words <= {t.lower_ for t in name}:
                after = before[at + 1] if at + 1 < len(before) else None
                if after is not None and after.start == name.end and after.label_ == "PERSON":
                    return after  # "Gilchrist County Sheriff Robert Schultz": the sheriff
                return name
            if (
                outlet
                and name.root.dep_ not in {"compound", "amod"}  # "the ABC reality show"
                and classify(name, [name])[1] == SourceKind.MEDIA_OUTLET
            ):
                return name
        return None

    def _named_next(self, tokens: TokenSpan) -> TokenSpan | None:
        """The person a description by title names in the next sentence, where nothing
        before it does: a news lead describes ("The federal judge who blocked the law
        cited ...", "A county sheriff said ...") and the sentence after names ("District
        Judge Mara Okafor's ruling ...")."""
        head = tokens.root
        if (
            tokens[0].lower_ not in {"the", "a", "an"}
            or head.pos_ != "NOUN"
            or _is_plural(head)
            or head.lower_ not in _title_words()
        ):
            return None
        own = self.doc[tokens.end - 1].sent
        end = self.doc[own.end].sent.end if own.end < len(self.doc) else own.end
        return next(
            (
                name
                for name in self._ents
                if tokens.end <= name.start < end
                and name.label_ == "PERSON"
                and self.doc[name.start - 1].lower_ == head.lower_
            ),
            None,
        )

    def _group_before(self, tokens: TokenSpan) -> TokenSpan | None:
        """The researchers "those researchers" are, where no earlier source is meant and the
        sentence before or its own names them with their body ("a study by scientists at the
        University of Reading. Those researchers found ..."): the nearest such mention of
        researchers, scientists or academics."""
        head = tokens.root
        research = _lexicon()["research_heads"]
        if (
            len(tokens) != 2
            or tokens[0].lower_ not in {"the", "those", "these"}
            or head.lemma_.lower() not in research
            or not _is_plural(head)
        ):
            return None
        start = head.sent.start
        start = self.doc[start - 1].sent.start if start else start
        for earlier in reversed(self.doc[start : tokens.start]):
            if earlier.lemma_.lower() in research and _is_plural(earlier):
                group = self.doc[earlier.left_edge.i : earlier.right_edge.i + 1]
                if _body_named(group, earlier, {"at", "from"}) is not None:
                    return group
        return None

    def _paragraph_before(self, tokens: TokenSpan) -> int:
        """The first token of the paragraph (non-blank line) before the one ``tokens`` are in."""
        text = text_of(self.doc)
        here = text.rfind("\n", 0, tokens.start_char)
        before = text.rfind("\n", 0, len(text[:here].rstrip())) if here > 0 else -1
        first = self.doc.char_span(before + 1, tokens.start_char, alignment_mode="expand")
        return first.start if first is not None else tokens.start

    def _quoted(self, words: TokenSpan) -> bool:
        """Whether a name is inside a quotation opened in its paragraph."""
        text = text_of(self.doc)
        return quoted_at(text, text.rfind("\n", 0, words.start_char) + 1, words.start_char)

    def _full_name(self, tokens: TokenSpan) -> TokenSpan | None:
        """The earlier full name a bare surname (or else a first name) stands for, also after a
        courtesy title: "Varga", "Dr Varga" -> "Elena Varga"."""
        words = [
            t
            for t in tokens
            if t.lower_.rstrip(".") not in _HONORIFICS and not t.is_punct and not t.like_num
        ]  # "Said Martin:" is Martin, "Pike, 45, said" is Pike
        if len(words) > 1 and _hyphenated(tokens):
            words = words[-1:]  # "Minor-Melvin": its last part, as :func:`_surname` reads it
        if len(words) != 1 or not (words[0].pos_ == "PROPN" or _name_cased(words[0])):
            return None  # the tagger may take a surname opening a sentence for another word
        surname = words[0].text
        tagged = next(
            (
                _untitled(e)
                for e in self._ents
                if e.label_ == "PERSON"
                and len(e) > 1
                and _surname(e) == surname
                and e.end <= tokens.start
                and not _body_as_person(e)  # "RCMP" is no surname of "Pellin RCMP"
            ),
            None,
        )
        return (
            tagged
            or _untagged_full_name(self.doc[: tokens.start], surname)
            or self._first_named(surname, tokens.start)
            or self._respelt(surname, tokens.start)
            or self._named_in_full_later(surname, tokens)
            or self._introduced_as_someone(surname, tokens.start)
        )

    def _named_in_full_later(self, name: str, tokens: TokenSpan) -> TokenSpan | None:
        """The one full name the text gives later to a person it first calls by a single
        name ("Oliver's wife Jools reveals ... Jools Oliver admitted"; a lead that quotes
        "said Marisova" before the release names Dr Ana Marisova): a text means one bearer
        by one name. None where two full names could be meant, nor for a surname tagged a
        body, which a firm takes from its founder ("Ford said" before "Bill Ford")."""
        body = any(e.label_ == "ORG" for e in entities_in(tokens, self._ents))
        people = (
            (_untitled(e), _surname(e))
            for e in self._ents
            if e.label_ == "PERSON" and e.start >= tokens.end and not _body_as_person(e)
        )
        later = {
            person.text: person
            for person, surname in people
            if len(person) > 1 and (name == person[0].text or (name == surname and not body))
        }
        return next(iter(later.values())) if len(later) == 1 else None

    def _a_person_elsewhere(self, tokens: TokenSpan, ents: list[TokenSpan]) -> bool:
        """Whether a one-word name the tagger took for a place, or left untagged, is the
        name it tags a person elsewhere in the text ("..., said Zharkova. Zharkova and her
        colleagues"): a text means one bearer by one name. A name tagged a body stays one
        ("Ford said" beside "Bill Ford")."""
        words = [t for t in tokens if not t.is_punct and t.lower_ not in _ARTICLES]
        if len(words) != 1 or not _name_cased(words[0]) or any(e.label_ == "ORG" for e in ents):
            return False
        return words[0].text in self._person_surnames

    def _introduced_as_someone(self, name: str, before: int) -> TokenSpan | None:
        """The name where the text first gave it to a person it described ("her daughter,
        Gabby, was hit ... Gabby said"): an apposition to a people noun, however the
        tagger labelled it."""
        people = _heads("people_heads")
        return next(
            (
                self.doc[t.i : t.i + 1]
                for t in reversed(self.doc[:before])
                if t.text == name and t.dep_ == "appos" and t.head.lemma_.lower() in people
            ),
            None,
        )

    def _respelt(self, surname: str, before: int) -> TokenSpan | None:
        """The one full name before ``before`` whose surname ``surname`` misspells by a
        letter ("Hetteman said" after "Lt. Pete Hettema"): news gets a name wrong on its
        second use; never where two such names could be meant."""
        if len(surname) < _RESPELT_LENGTH or not surname.istitle():
            return None
        near = {
            _untitled(e).text: _untitled(e)
            for e in self._ents
            if e.label_ == "PERSON"
            and len(e) > 1
            and e.end <= before
            and not _body_as_person(e)
            and _one_letter_apart(_surname(e), surname)
        }
        return next(iter(near.values())) if len(near) == 1 else None

    def _first_named(self, first: str, before: int) -> TokenSpan | None:
        """The last full name before ``before`` that opens with the word ``first``: a text may
        go on by a person's first name ("Jools said" after "Jools Oliver"), a child's or a
        family member's most often."""
        if not first.istitle() or first.lower() in _heads("people_heads"):
            return None  # "WE'RE", a headline's "Man Shot"
        return next(
            (
                _untitled(e)
                for e in reversed(self._ents)
                if e.label_ == "PERSON"
                and len(e) > 1
                and e[0].text == first
                and e.end <= before
                and not any(t.tag_ == "POS" or t.lower_ in ("'s", "’s") for t in e)  # "Pat's"
            ),
            None,
        )

    def _entity_before(self, tokens: TokenSpan, span: Span) -> Source:
        """A pronoun with no earlier source: the nearest person named before it, if any; for
        "they", the officials or the force its sentence opened with ("Pellin Police arrested
        a man they say fired")."""
        persons = [e for e in self._ents if e.label_ == "PERSON" and e.end <= tokens.start]
        if persons and tokens.root.lower_ in _lexicon()["pronouns_person_singular"]:
            person = persons[-1]
            mention = Span(person.start_char, person.end_char, person.text)
            return Source(person.text, SourceKind.NAMED_PERSON, span, mention)
        if tokens.root.lower_ in _lexicon()["pronouns_plural"]:
            opener = self._officials_opening(tokens)
            if opener is not None:
                name, kind = classify(opener, entities_in(opener, self._ents))
                mention = Span(opener.start_char, opener.end_char, opener.text)
                return Source(name, kind, span, mention)
        return Source(span.text, SourceKind.ANONYMOUS_PERSON, span)

    def _officials_opening(self, pronoun: TokenSpan) -> TokenSpan | None:
        """The last subject before a "they" in its sentence, where it names officials or a
        public body ("Pellin Police arrested a man they say ...", "When police arrived,
        they learned ...")."""
        officials = _heads("official_titles", "public_bodies")
        subjects = [
            t
            for t in self.doc[pronoun.sent.start : pronoun.start]
            if t.dep_ in ("nsubj", "nsubjpass")
            and t.pos_ != "PRON"
            and (t.lower_ in officials or t.lemma_.lower() in officials)
        ]
        if not subjects:
            return None
        return _on_its_line(self.doc[subjects[-1].left_edge.i : subjects[-1].i + 1])
