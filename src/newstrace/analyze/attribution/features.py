"""Token features read off the spaCy parse, shared by the cue tagger and the role tagger.

Everything here is computed once per Doc (:class:`DocInfo`) so that tagging many cues of one
article does not walk the parse again and again.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

_OPEN_QUOTES = {"“", "«"}
_CLOSE_QUOTES = {"”", "»"}
_TOGGLE_QUOTES = {'"', "''", "``"}


@dataclass(frozen=True, slots=True)
class DocInfo:
    """Per-token facts about a Doc: sentence, paragraph, quotation region (-1 outside quotes).

    ``bounds`` holds the token range of each sentence, ``regions`` that of each quotation.
    """

    sent: list[int]
    para: list[int]
    quote: list[int]
    bounds: list[tuple[int, int]]
    regions: list[tuple[int, int]]

    @classmethod
    def of(cls, doc: Doc) -> DocInfo:
        sent = [0] * len(doc)
        bounds = []
        for number, sentence in enumerate(doc.sents):
            sent[sentence.start : sentence.end] = [number] * len(sentence)
            bounds.append((sentence.start, sentence.end))
        quote = _quote_regions(doc)
        regions: dict[int, tuple[int, int]] = {}
        for i, region in enumerate(quote):
            if region >= 0:
                regions[region] = (regions.get(region, (i, i))[0], i + 1)
        return cls(sent, _paragraphs(doc), quote, bounds, [regions[r] for r in sorted(regions)])


def _paragraphs(doc: Doc) -> list[int]:
    """Paragraph number of each token: a line break in or after a token ends a paragraph."""
    numbers, current = [], 0
    for token in doc:
        numbers.append(current)
        current += "\n" in token.text + token.whitespace_
    return numbers


def _quote_regions(doc: Doc) -> list[int]:
    """Number the quotations: tokens from an opening to its closing mark share a region id.

    Curly marks open and close; straight marks toggle. Single curly marks, the British
    style, quote too, but a lone "’" closes only a quotation "‘" opened: elsewhere it is an
    apostrophe ("the students’ union"). A quotation left open at a paragraph break is closed
    there, as news paragraphs reopen multi-paragraph quotes anyway.
    """
    regions, current, count, single = [], -1, 0, False
    for token in doc:
        text = token.text
        opens = (
            text in _OPEN_QUOTES
            or (text in _TOGGLE_QUOTES and current < 0)
            or (text == "‘" and current < 0)
        )
        closes = (
            text in _CLOSE_QUOTES
            or (text in _TOGGLE_QUOTES and current >= 0)
            or (text == "’" and single and current >= 0)
        )
        if opens and not closes:
            current, count, single = count, count + 1, text == "‘"
        regions.append(current)
        if (closes and not opens) or "\n" in token.whitespace_ + token.text:
            current = -1
    return regions


SHARED = 5
"""How many leading features of :func:`token_base` the neighbours of a token see."""


def shape(token: Token) -> str:
    """A short word shape: ``Xx``, ``x``, ``X``, ``d``, or the token itself for punctuation."""
    if token.is_punct:
        return token.text[:2]
    if token.like_num:
        return "d"
    if token.is_upper and len(token) > 1:
        return "X"
    return "Xx" if token.text[:1].isupper() else "x"


def lexicon_bucket(rate: float) -> str:
    """Bucket how often a lemma is part of a cue in the training data."""
    for bound, name in ((0.02, "0"), (0.1, "lo"), (0.3, "mid"), (0.6, "hi")):
        if rate < bound:
            return name
    return "top"


def token_base(token: Token, info: DocInfo, lexicon: dict[str, float]) -> list[str]:
    """Context-free features of one token: its word, lemma, tags, head and cue-lexicon rate.

    The first :data:`SHARED` features (word, lemma, POS, dependency, lexicon rate) are the
    ones the neighbours see too.
    """
    head = token.head
    lemma = token.lemma_.lower()
    rate = lexicon_bucket(lexicon.get(lemma, 0.0))
    feats = [
        f"w={token.lower_}",
        f"l={lemma}",
        f"p={token.pos_}",
        f"d={token.dep_}",
        f"lx={rate}",
        f"t={token.tag_}",
        f"s={shape(token)}",
        f"hl={head.lemma_.lower()}",
        f"hd={token.dep_}|{head.pos_}",
        f"e={token.ent_type_ or '-'}",
        f"q={info.quote[token.i] >= 0}",
        f"hlx={lexicon_bucket(lexicon.get(head.lemma_.lower(), 0.0))}",
        f"lxp={rate}|{token.pos_}",
    ]
    for child in token.children:
        feats.append(f"ch={child.dep_}")
        if child.dep_ in ("nsubj", "nsubjpass", "agent", "pobj"):
            feats.append(f"sub={child.dep_}|{child.ent_type_ or child.pos_}")
        elif child.dep_ in ("ccomp", "xcomp"):
            feats.extend(f"mk={g.lower_}" for g in child.children if g.dep_ in ("mark", "aux"))
    if token.is_sent_start:
        feats.append("first")
    return feats


def with_context(rows: list[list[str]], shared: int, window: int) -> list[list[str]]:
    """Add the first ``shared`` features of each neighbour within ``window``, marked by offset."""
    out = []
    for i, feats in enumerate(rows):
        row = list(feats)
        for offset in range(-window, window + 1):
            j = i + offset
            if offset and 0 <= j < len(rows):
                prefix = str(offset)
                row.extend([prefix + f for f in rows[j][:shared]])
        out.append(row)
    return out
