"""The attribution extractor: cues first, then each cue's source and content.

Cue-centric on purpose: one cue, one attribution, so attributions may nest ("Asahi quoted a
defector as describing a video in which a narrator explains ...") and a split quotation is one
content span from its first to its last piece.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from itertools import pairwise, takewhile
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, Token

from newstrace.analyze.attribution._align import TokenSpan, to_chars, to_tokens
from newstrace.analyze.attribution.cues import CueTagger
from newstrace.analyze.attribution.features import DocInfo
from newstrace.analyze.attribution.layouts import HEADINGS, layout_attributions
from newstrace.analyze.attribution.nesting import (
    as_reported,
    child_of,
    cited_by,
    credited_after,
    in_their_words,
    introduced_block,
    is_venue,
    quoted_as,
    record_closing,
    said_within,
    stated_that,
    tagged_quotes,
)
from newstrace.analyze.attribution.roles import RoleExample, RoleTagger, trimmed
from newstrace.analyze.nlp import common_nouns, text_of
from newstrace.analyze.sources import PLACES, TIMES, speaker_heads
from newstrace.artefacts import model_dir, read_meta
from newstrace.model import AttributionSpans

ARTEFACT = "attribution"
FORMAT = 1
_PARAMS = (
    "cue_c1",
    "cue_c2",
    "cue_iterations",
    "cue_clusters",
    "role_c1",
    "role_c2",
    "role_iterations",
    "before",
    "after",
)
_FILES = {
    "cues": "cues.crfsuite",
    "roles": "roles.crfsuite",
    "lexicon": "lexicon.json",
    "centroids": "centroids.npy",
}


class AttributionExtractor:
    """Find attributions (cue, source, content) in a parsed news article."""

    def __init__(
        self,
        *,
        cue_c1: float = 2.0,
        cue_c2: float = 2.0,
        cue_iterations: int = 100,
        cue_clusters: int = 128,
        role_c1: float = 1.0,
        role_c2: float = 1.0,
        role_iterations: int = 100,
        before: int = 1,
        after: int = 1,
    ) -> None:
        self.cue_c1 = cue_c1
        self.cue_c2 = cue_c2
        self.cue_iterations = cue_iterations
        self.cue_clusters = cue_clusters
        self.role_c1 = role_c1
        self.role_c2 = role_c2
        self.role_iterations = role_iterations
        self.before = before
        self.after = after

    @classmethod
    def load(cls) -> AttributionExtractor:
        """The packaged extractor (``newstrace/models/attribution``)."""
        meta = read_meta(ARTEFACT, fmt=FORMAT)
        return cls(**meta["params"])._read(model_dir(ARTEFACT))

    def fit(
        self, docs: Sequence[Doc], gold: Sequence[Sequence[AttributionSpans]]
    ) -> AttributionExtractor:
        """Learn from parsed articles and their gold attributions (char spans into doc.text)."""
        examples = [
            examples_of(doc, attributions) for doc, attributions in zip(docs, gold, strict=True)
        ]
        cues = [[example.cue for example in doc_examples] for doc_examples in examples]
        self.cues_ = self._cue_tagger().fit(docs, cues)
        self.roles_ = self._role_tagger().fit(docs, examples)
        return self

    def predict(self, doc: Doc) -> list[AttributionSpans]:
        """The attributions of ``doc`` in text order of their cues; nested ones included."""
        info = DocInfo.of(doc)
        cues = self.cues_.predict(doc, info)
        roles = self.roles_.predict(doc, info, cues)
        found = [
            RoleExample(cue, content, source)
            for cue, (source, content) in zip(cues, roles, strict=True)
        ]
        return refined(doc, info, found, self.cues_.lexicon_)

    def params(self) -> dict[str, float]:
        """The constructor parameters, as recorded in ``meta.json``."""
        return {name: getattr(self, name) for name in _PARAMS}

    def save(self, directory: Path) -> None:
        """Write the learned models into ``directory`` (``meta.json`` is the trainer's job)."""
        directory.mkdir(parents=True, exist_ok=True)
        (directory / _FILES["cues"]).write_bytes(self.cues_.model_)
        (directory / _FILES["roles"]).write_bytes(self.roles_.model_)
        lexicon = json.dumps(self.cues_.lexicon_, sort_keys=True, indent=0)
        (directory / _FILES["lexicon"]).write_text(lexicon + "\n", encoding="utf-8")
        np.save(directory / _FILES["centroids"], self.cues_.centroids_)

    def _cue_tagger(self) -> CueTagger:
        return CueTagger(
            c1=self.cue_c1,
            c2=self.cue_c2,
            max_iterations=self.cue_iterations,
            clusters=self.cue_clusters,
        )

    def _role_tagger(self) -> RoleTagger:
        return RoleTagger(
            before=self.before,
            after=self.after,
            c1=self.role_c1,
            c2=self.role_c2,
            max_iterations=self.role_iterations,
        )

    def _read(self, directory: Path) -> AttributionExtractor:
        self.cues_ = self._cue_tagger()
        self.cues_.model_ = (directory / _FILES["cues"]).read_bytes()
        self.cues_.lexicon_ = _read_lexicon(directory)
        self.cues_.centroids_ = np.load(directory / _FILES["centroids"], allow_pickle=False)
        self.roles_ = self._role_tagger()
        self.roles_.model_ = (directory / _FILES["roles"]).read_bytes()
        return self


def cue_lexicon() -> dict[str, float]:
    """The packaged cue tagger's word ratings (how often each word is a cue in training)."""
    read_meta(ARTEFACT, fmt=FORMAT)
    return _read_lexicon(model_dir(ARTEFACT))


def _read_lexicon(directory: Path) -> dict[str, float]:
    return json.loads((directory / _FILES["lexicon"]).read_text("utf-8"))


def refined(
    doc: Doc, info: DocInfo, found: Sequence[RoleExample], lexicon: dict[str, float]
) -> list[AttributionSpans]:
    """Tagged attributions with what the taggers miss, in text order of their cues: the
    source of "quoted X as saying" and of a participle cue ("..., declaring that"), inner
    attributions ("X says Y" inside a content, "stated that", whom a report is "citing"), a
    content ending inside a quotation run on to its end, cut at the comma of a "while"
    clause or before a later sentence with a source of its own, and what the page's layout
    attributes (:mod:`~newstrace.analyze.attribution.layouts`). ``lexicon`` rates words as cues (the
    cue tagger's, see :mod:`newstrace.analyze.attribution.cues`)."""
    found = [e for e in found if not _page_label(doc, e) and not _content_is_cue(e)]
    found = [
        _reported_clause(doc, _before_own_source(doc, _with_named_source(doc, e))) for e in found
    ]
    found = [_closing_name(doc, e) for e in found]
    found = [_with_agent(doc, _by_agent(doc, e)) for e in found]
    found = [_before_closing_credit(doc, e) for e in found]
    found = _closing_credits(doc, found)
    found = as_reported(doc, cited_by(doc, found))
    quoted = [quoted_as(doc, example.cue) for example in found]
    examples = _quoted_sources(found, quoted)
    inner = _nested(doc, info, examples, quoted, lexicon)
    # a sourceless cue a nesting rule read again (a quotation's tag) gives way to it
    examples = [
        e
        for e in examples
        if e.source is not None or not any(_overlap(e.cue, i.cue) for i in inner)
    ]
    examples = [_before_inner_credit(doc, e, inner) for e in examples]
    examples.extend(inner)
    examples = [_over_inner(e, examples) for e in examples]
    examples = [_within_concession(doc, e) for e in examples]
    text = text_of(doc)
    examples = [_to_quote_end(info, e) for e in examples]
    examples = sorted(_bounded(doc, info, examples), key=lambda example: example.cue)
    spans = [_spans(doc, e.cue, e.content, e.source) for e in examples]
    cues = [(f.cue.start, f.cue.end) for f in spans]
    laid_out = [
        a
        for a in layout_attributions(text)
        if not any(_overlap((a.cue.start, a.cue.end), cue) for cue in cues)
    ]
    return sorted([*spans, *laid_out], key=lambda found: found.cue.start)


def examples_of(doc: Doc, attributions: Sequence[AttributionSpans]) -> list[RoleExample]:
    """Attributions in token terms; ones whose spans hold no token are left out."""
    examples = []
    for gold in attributions:
        cue = to_tokens(doc, gold.cue.start, gold.cue.end)
        content = to_tokens(doc, gold.content.start, gold.content.end)
        source = to_tokens(doc, gold.source.start, gold.source.end) if gold.source else None
        if cue and content:
            examples.append(RoleExample(cue, content, source))
    return examples


def _quoted_sources(
    found: Sequence[RoleExample], quoted: Sequence[RoleExample | None]
) -> list[RoleExample]:
    """A sourceless cue inside "<cue> X as saying Y" (``quoted``: what :func:`quoted_as`
    reads off each cue) takes X as its source: the cue tagger often finds "saying" itself,
    and the role tagger gives it no source."""
    inner = [q for q in quoted if q is not None]
    sourced = []
    for example in found:
        outer = next((q for q in inner if _overlap(q.cue, example.cue)), None)
        if example.source is None and outer is not None:
            example = RoleExample(example.cue, example.content, outer.source)
        sourced.append(example)
    return sourced


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _nested(
    doc: Doc,
    info: DocInfo,
    found: Sequence[RoleExample],
    quoted: Sequence[RoleExample | None],
    lexicon: dict[str, float],
) -> list[RoleExample]:
    """Inner attributions the cue tagger missed ("quoted X as saying Y", given per cue in
    ``quoted``; "X says Y" inside another content; a quotation's tag, from the quotation
    regions in ``info``); see
    :mod:`newstrace.analyze.attribution.nesting`."""
    taken = {i for example in found for i in range(*example.cue)}
    inner = []
    for example, quote in zip(found, quoted, strict=True):
        if quote is not None and not any(i in taken for i in range(*quote.cue)):
            taken.update(range(*quote.cue))
            inner.append(quote)
        inner.extend(said_within(doc, example.content, lexicon, taken))
    inner.extend(stated_that(doc, lexicon, taken))
    inner.extend(record_closing(doc, taken))
    inner.extend(in_their_words(doc, taken))
    inner.extend(tagged_quotes(doc, info.regions, found, taken))
    inner.extend(introduced_block(doc, lexicon, taken))
    return inner


def _closing_credits(doc: Doc, found: Sequence[RoleExample]) -> list[RoleExample]:
    """Contents that close with a credit after a comma ("said 300 homes were flooded,
    according to the Post") end before it, and the credit becomes the attribution around
    the whole report (:func:`~newstrace.analyze.attribution.nesting.credited_after`), in
    place of what the taggers made of it (the credit as content, or as its own source);
    one attribution per credit, around the outermost report."""
    examples: list[RoleExample] = []
    credits: dict[tuple[int, int], RoleExample] = {}
    for example in found:
        credit = credited_after(doc, example)
        if (
            credit is None
            or example.content[0] >= credit.content[1]
            or _read_right(found, credit, example)
        ):
            examples.append(example)
            continue
        start = example.content[0]
        examples.append(RoleExample(example.cue, (start, credit.content[1]), example.source))
        known = credits.setdefault(credit.cue, credit)
        if credit.content[0] < known.content[0]:
            credits[credit.cue] = credit
    kept = [e for e in examples if not any(_overlap(e.cue, cue) for cue in credits)]
    return kept + list(credits.values())


def _before_closing_credit(doc: Doc, example: RoleExample) -> RoleExample:
    """A credit that closes its sentence after a comma ("The shop closed at noon, police
    said.") credits the words before it; the role tagger at times takes the next sentence
    for its content instead (often a quotation with a speaker of its own), or, in a text
    of one sentence, the source itself ("..., according to police")."""
    credit_start = min(example.cue[0], example.source[0] if example.source else example.cue[0])
    credit_end = max(example.cue[1], example.source[1] if example.source else example.cue[1])
    sent = doc[example.cue[0]].sent
    within = credit_start <= example.content[0] and example.content[1] <= credit_end
    if within and example.source and is_venue(doc[example.source[0] : example.source[1]].root):
        return example  # "said X, according to a statement": where the words were said
    if (example.content[0] < credit_end and not within) or credit_start - sent.start < 3:
        return example
    rest = doc[credit_end : sent.end]
    if not all(t.is_punct for t in rest) or not any(t.text in {".", "!"} for t in rest):
        return example  # the credit does not close its sentence
    if doc[credit_start - 1].text != "," or (
        example.content[0] < sent.end - len(rest) and not within
    ):
        return example
    start = sent.start + sum(1 for _ in takewhile(lambda t: t.is_quote, sent))
    return RoleExample(example.cue, (start, credit_start - 1), example.source)


def _read_right(found: Sequence[RoleExample], credit: RoleExample, report: RoleExample) -> bool:
    """Whether the taggers already read the credit as an attribution around the report."""
    return any(
        _overlap(e.cue, credit.cue) and e.content[0] <= report.cue[0] < e.content[1] for e in found
    )


# the label a photo's credit opens with ("Photo: Cody Duty / Houston Chronicle")
_CREDIT_LABELS = frozenset({"photo", "photos", "picture", "pic", "image", "credit", "photograph"})


def _content_is_cue(example: RoleExample) -> bool:
    """Whether the content lies inside the cue: the cue tagger took a whole predicate ("Police
    [responded to a report of shots fired]") and the role tagger found nothing else to
    report, a deed and no words."""
    (cue_start, cue_end), (start, end) = example.cue, example.content
    return cue_start <= start and end <= cue_end


def _page_label(doc: Doc, example: RoleExample) -> bool:
    """Whether the taggers read a page's label and its colon as speech: a photo's credit
    ("Photo" the source, the photographer and the next sentence the content), a heading
    ("CORRECTION: In an earlier version ...", also with its date or time: "UPDATE 12/1/2015:")
    or a form's field, a common noun that names no speaker ("Offense: Evading arrest" in a
    police log; "Police: ..." is a credit)."""
    if example.source is None or doc[example.cue[0]].text != ":":
        return False
    words = doc[example.source[0] : example.source[1]]
    source = words.text
    field = (
        len(words) == 1
        and words[0].pos_ == "NOUN"
        and words[0].lemma_ in common_nouns()
        and words[0].lemma_.lower() not in speaker_heads()
        and words[0].lower_ not in speaker_heads()
    )
    stamp = all(  # "UPDATE 12/1/2015:", "12:35 PM:"
        not any(c.isalpha() for c in t.text) or t.ent_type_ in TIMES or t.text.upper() in HEADINGS
        for t in words
    )
    return source.lower() in _CREDIT_LABELS or source.upper() in HEADINGS or field or stamp


def _with_named_source(doc: Doc, example: RoleExample) -> RoleExample:
    """No source where the tagged one names nobody: a verb or a date ("published") is no
    one's name; the attribution then has no source, as when none is tagged. A stop the
    tagger took into the name ("said Detective Kola Adams[.]") is left out, so the credit
    is seen to close its sentence."""
    if example.source is None:
        return example
    start, end = example.source
    while end - start > 1 and doc[end - 1].text in _STOPS:
        end -= 1
    example = RoleExample(example.cue, example.content, (start, end))
    if any(t.pos_ in {"NOUN", "PROPN", "PRON", "NUM"} for t in doc[start:end]):
        return example
    return RoleExample(example.cue, example.content, None)


# the marks that end a sentence, never a name (PolNeAR keeps an apposition's closing comma)
_STOPS = frozenset({".", "!", "?"})


# a cue's children that say when, where or how it was said, never what
_ADJUNCTS = frozenset({"npadvmod", "prep", "advmod", "tmod", "advcl", "punct"})
# verbs whose object is who was told ("told WPLN-TV the shooting was an accident")
_TOLD = frozenset({"tell", "inform", "assure", "warn", "remind", "advise", "notify", "promise"})


def _reported_clause(doc: Doc, example: RoleExample) -> RoleExample:
    """A content that is only the cue's own time, place or a clause hung on it ("X, police
    said [Thursday]", "said [at a news conference]", "said[, urging ...]") or its own source
    ("X, said [Sgt. Dale Lund]") is the clause the cue reports instead: the role CRF takes
    the words right after the cue for the content, and the claim was lost. One that opens
    with who was told runs from the clause ("told [WPLN-TV in an email] the shooting appears
    ...")."""
    verb = _head_word(doc, example.cue)
    start, end = example.content
    if start <= verb.i:
        return example
    clause = child_of(verb, {"ccomp"})
    misread = None if clause is not None else _clause_on_listener(verb)
    if misread is not None and misread.head.left_edge.i == start:
        return RoleExample(example.cue, (misread.left_edge.i, end), example.source)
    source = example.source
    if _only_aside(doc, verb, start, end) or (source and source[0] <= start and end <= source[1]):
        reported = _clause_of(doc, verb, clause)
        return example if reported is None else RoleExample(example.cue, reported, example.source)
    if clause is None or verb.lemma_.lower() not in _TOLD:
        return example
    first = clause.left_edge.i
    listeners = [c for c in verb.children if c.dep_ in {"dobj", "dative"} and c.i > verb.i]
    if clause.i >= end or not any(
        c.left_edge.i == start and c.right_edge.i < first for c in listeners
    ):
        return example
    before = doc[start : first - 1]
    opens = doc[first - 1].is_quote and sum(t.is_quote for t in before) % 2 == 0
    first -= opens  # 'told CBS, "We are ...', not 'told "Morning Joe" that'
    return RoleExample(example.cue, (first, end), example.source)


def _before_own_source(doc: Doc, example: RoleExample) -> RoleExample:
    """A content run on over its own source and cue to the end of the sentence ("[No one was
    injured, the sheriff's office said in a news release]") is the words before the source:
    what follows the cue only says when, where or how it was said. (A quotation split by its
    cue, '"X," she said, "Y"', goes on after it and keeps its whole run.)"""
    source, (start, end) = example.source, example.content
    if source is None or not start < source[0] < example.cue[1] <= end:
        return example
    verb = _head_word(doc, example.cue)
    if example.cue[1] < end and not _only_aside(doc, verb, example.cue[1], end):
        return example
    cut = trimmed(doc, start, source[0])
    return example if cut is None else RoleExample(example.cue, cut, source)


# words inside a long name or title before a closing cue ("Department of Medical
# Examiner-Coroner Investigator Rudy Molano said")
_NAME_JOINS = frozenset({"of", "-", "&", "'s", "’s"})
_SAYING = frozenset({"say", "tell", "add", "write", "explain", "note", "confirm"})


def _closing_name(doc: Doc, example: RoleExample) -> RoleExample:
    """A sourceless closing cue whose content ran on over a name after a comma ("... on
    the 15000 block of Manor, Officer Dan Donakowski said"): the parser hung the name on
    the clause before it, the role tagger read it as content (at times on over the cue into
    the next sentence); the name is the source and the content ends before its comma."""
    start, end = example.content
    if example.source is None and start < example.cue[0] <= end:
        end = first = example.cue[0]
        while first > start and (
            doc[first - 1].pos_ == "PROPN"
            or (
                first - 2 >= start
                and doc[first - 1].lower_ in _NAME_JOINS
                and doc[first - 2].pos_ == "PROPN"
            )
        ):
            first -= 1
        verb = _head_word(doc, example.cue)
        sentence_end = verb.sent.end
        name = doc[first:end]
        if (
            start < first < end
            and doc[first - 1].text == ","
            and doc[first].pos_ == "PROPN"
            and verb.lemma_.lower() in _SAYING
            and not all(t.ent_type_ in PLACES for t in name)  # "..., D.C. said"
            and _only_aside(doc, verb, example.cue[1], sentence_end)
        ):
            cut = trimmed(doc, start, first - 1)
            if cut is not None:
                return RoleExample(example.cue, cut, (first, end))
    return example


def _clause_on_listener(verb: Token) -> Token | None:
    """What was told, where the parser hung it on whom it was told to as a relative clause
    ("told [officers] he had been drinking"): a clause with a subject of its own right after
    the listener, no relative word before it."""
    if verb.lemma_.lower() not in _TOLD:
        return None
    for listener in (c for c in verb.children if c.dep_ in {"dobj", "dative"} and c.i > verb.i):
        for clause in (c for c in listener.children if c.dep_ == "relcl"):
            first = clause.left_edge
            subject = child_of(clause, {"nsubj", "nsubjpass"})
            if (
                first.i == listener.i + 1
                and subject is not None
                and first.tag_ not in {"WDT", "WP", "WP$", "WRB"}
                and first.lower_ != "that"
                and subject.tag_ not in {"WDT", "WP"}
            ):
                return clause
    return None


def _head_word(doc: Doc, cue: tuple[int, int]) -> Token:
    """The cue's last word, or the verb of a phrasal one ("points out", not its particle)."""
    last = doc[cue[1] - 1]
    return last.head if last.dep_ == "prt" and cue[0] <= last.head.i else last


def _only_aside(doc: Doc, verb: Token, start: int, end: int) -> bool:
    """Whether every word of ``[start, end)`` says when, where or how ``verb`` was said, or
    whom it was told ("X closed, a spokesman told [reporters]"), or (a cue parsed as an
    aside, "X closed, the harbourmaster said, urging ...") goes on with the clause the cue is
    set into."""
    told = verb.lemma_.lower() in _TOLD
    asides = [
        c
        for c in verb.children
        if c.i > verb.i and (c.dep_ in _ADJUNCTS or (told and c.dep_ in {"dobj", "dative"}))
    ]
    inset = verb.dep_ == "parataxis" and verb.head.i < verb.i
    return all(
        any(t in a.subtree for a in asides) or (inset and t not in verb.subtree)
        for t in doc[start:end]
    )


def _clause_of(doc: Doc, verb: Token, clause: Token | None) -> TokenSpan | None:
    """The words ``verb`` reports: its clause, or the clause it is set into up to the source;
    a headline the parser took into it left out."""
    if clause is not None:
        first, last = clause.left_edge.i, clause.right_edge.i + 1
    elif verb.dep_ == "parataxis" and verb.head.i < verb.i:
        first, last = verb.head.left_edge.i, verb.left_edge.i
    else:
        return None
    line = text_of(doc).rfind("\n", 0, verb.idx)
    first = next((t.i for t in doc[first:last] if t.idx > line), last)
    return trimmed(doc, first, last)


# passive reporting verbs whose subject is what is reported on ("The suspects are described
# as", "He was told", "She is accused of"); not the quoted ("X was quoted as saying") nor
# those who feel ("Republicans were incensed that", PolNeAR's sources)
_TOPIC_PASSIVES = frozenset(
    {"describe", "tell", "report", "say", "believe", "think", "allege", "identify", "name",
     "call", "consider", "expect", "suspect", "know", "understand", "rumour", "rumor",
     "accuse", "charge"}
)  # fmt: skip


def _by_agent(doc: Doc, example: RoleExample) -> RoleExample:
    """The subject of a passive cue is what is reported on, not who reports it: "The
    suspects are described as ...", "He was told that ...". The source is the verb's "by"
    agent ("described by police as"), or none."""
    if example.source is None:
        return example
    verbs = [t for t in doc[example.cue[0] : example.cue[1]] if t.pos_ == "VERB"]
    if len(verbs) != 1 or verbs[0].lemma_.lower() not in _TOPIC_PASSIVES:
        return example
    start, end = example.source
    if not any(c.dep_ == "nsubjpass" and start <= c.i < end for c in verbs[0].children):
        return example
    by = child_of(verbs[0], {"agent"})
    agent = child_of(by, {"pobj"}) if by is not None else None
    if agent is None:
        return RoleExample(example.cue, example.content, None)
    kept = [c.right_edge.i for c in agent.rights if c.left_edge.lower_ != "as"]  # not "as quiet"
    return RoleExample(example.cue, example.content, (agent.left_edge.i, max([agent.i, *kept]) + 1))


def _with_agent(doc: Doc, example: RoleExample) -> RoleExample:
    """A sourceless participle cue after a comma takes the agent of the verb it hangs on:
    that verb's subject ("issued a statement, declaring that ..."), or its object where the
    verb hands its action on ("prompted the agency to issue a statement, declaring"). Not
    where the verb has two subjects, a misparse (a dateline "KELBURY, Aug 7 - X is ...")."""
    cue = doc[example.cue[1] - 1]
    if (
        example.source is not None
        or cue.tag_ != "VBG"
        or cue.dep_ != "advcl"
        or cue.i == 0
        or doc[example.cue[0] - 1].text != ","
        or cue.head.dep_ == "ccomp"  # "shows that X had ..., contradicting": not X's word
    ):
        return example
    verb = cue.head
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    agent = child_of(verb, {"dobj"}) if child_of(verb, {"xcomp"}) is not None else None
    agent = agent or (subjects[0] if len(subjects) == 1 else None)
    if agent is None or agent.pos_ not in {"NOUN", "PROPN"}:
        return example
    return RoleExample(example.cue, example.content, (agent.left_edge.i, agent.right_edge.i + 1))


def _before_inner_credit(
    doc: Doc, example: RoleExample, inner: Sequence[RoleExample]
) -> RoleExample:
    """A content that ran on into a credit a nesting rule found after it ("told police [her
    brother shot her, the affidavit] states"): it ends before that credit's source."""
    start, end = example.content
    for credit in inner:
        source = credit.source
        if (
            source is not None
            and source[1] == credit.cue[0]
            and start < source[0] < end <= credit.cue[1]
            and (cut := trimmed(doc, start, source[0])) is not None
        ):
            return RoleExample(example.cue, cut, example.source)
    return example


def _over_inner(example: RoleExample, found: Sequence[RoleExample]) -> RoleExample:
    """A content that ends with another attribution's cue ("quotes [co-author Nicola Avena
    as saying]") runs on over that attribution's content: what is quoted is what she said."""
    start, end = example.content
    for inner in found:
        if inner is not example and start <= inner.cue[0] and inner.cue[1] == end:
            return RoleExample(example.cue, (start, max(end, inner.content[1])), example.source)
    return example


_CONCESSIVE = frozenset({"while", "whilst", "although", "though", "whereas"})


def _within_concession(doc: Doc, example: RoleExample) -> RoleExample:
    """A cue in a "while" or "although" clause ("while the public believes smoking is
    worse, eating cholesterol increases risks") has its content end at the clause's comma,
    where the main clause, with a subject of its own, takes over."""
    cue = doc[example.cue[1] - 1]
    if not any(c.dep_ == "mark" and c.lower_ in _CONCESSIVE and c.i < cue.i for c in cue.children):
        return example
    start, end = example.content
    commas = [t.i for t in doc[start:end] if t.text == ","]
    for comma, following in pairwise([*commas, end]):
        if any(_opens_clause(t) for t in doc[comma + 1 : following]):
            cut = trimmed(doc, start, comma)
            if cut is not None:
                return RoleExample(example.cue, cut, example.source)
    return example


def _opens_clause(token: Token) -> bool:
    """A subject before its verb, outside a relative clause ("cases, which affect")."""
    return (
        token.dep_ in {"nsubj", "nsubjpass"}
        and token.head.i > token.i
        and token.tag_ not in {"WDT", "WP"}
        and token.head.dep_ != "relcl"
    )


def _to_quote_end(info: DocInfo, example: RoleExample) -> RoleExample:
    """A content that ends inside a quotation runs on to the quotation's end.

    The role CRF tends to stop a quotation at its first full stop when no closing mark is
    in sight (British news leaves a quotation open at the end of its paragraph: "He told the
    Mail: 'The results were dramatic. After rats consumed ..."), and the rest of the
    quotation was left to the article. A quotation the cue stands inside is not taken in.
    PolNeAR dev content exact F1 55.0 -> 55.9 (with single curly marks read as quotes).
    """
    start, end = example.content
    region = info.quote[end - 1]
    if region < 0:
        return example
    first, last = info.regions[region]
    if last <= end or first <= example.cue[0] < last:
        return example
    return RoleExample(example.cue, (start, last), example.source)


def _bounded(doc: Doc, info: DocInfo, found: Sequence[RoleExample]) -> list[RoleExample]:
    """Contents cut before a later sentence that opens with another attribution's source.

    The role CRF may run a content on into the next sentence ("Researchers found that eggs
    are bad. Scientists have found that cheese is addictive"). A content may span sentences
    (a quotation running on, with attributions nested in it), but not into a sentence that
    starts with a source of its own and has its cue outside quotation marks. Neutral on
    PolNeAR dev (75.5 / 71.0 / 55.0); cutting at any later cue lost two points of content.
    The encoder, reading the whole window at once, ends these contents itself."""
    starts = sorted(
        info.sent[e.cue[0]]
        for e in found
        if info.quote[e.cue[0]] < 0
        and e.source is not None
        and e.source[0] == info.bounds[info.sent[e.cue[0]]][0]
    )
    bounded = []
    for example in found:
        start, end = example.content
        first, cue_sentence = info.sent[start], info.sent[example.cue[0]]
        later = [n for n in starts if n > max(first, cue_sentence) and info.bounds[n][0] < end]
        if later:
            cut = trimmed(doc, start, info.bounds[later[0]][0])
            if cut is not None:
                example = RoleExample(example.cue, cut, example.source)
        bounded.append(example)
    return bounded


def _spans(
    doc: Doc, cue: TokenSpan, content: TokenSpan, source: TokenSpan | None
) -> AttributionSpans:
    return AttributionSpans(
        cue=to_chars(doc, cue),
        content=to_chars(doc, content),
        source=to_chars(doc, source) if source else None,
    )
