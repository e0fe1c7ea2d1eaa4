"""Given a cue, tagging its source and its content with a cue-conditioned CRF.

Each cue gets its own sequence: the cue's sentence and its neighbours, every token described
by where it stands relative to the cue (side, distance, sentence offset, and above all the
dependency arc by which it hangs from the cue or from the cue's governor). Because every cue
is tagged on its own, attributions may nest and overlap ("A quoted B as saying C").
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property

import pycrfsuite
from spacy.tokens import Doc, Token

from newstrace.analyze.attribution._align import TokenSpan
from newstrace.analyze.attribution._crf import bio_spans, open_tagger, train_crf
from newstrace.analyze.attribution.features import DocInfo, shape, with_context

_COMPLEMENTS = {"ccomp", "xcomp", "dobj", "prep", "attr", "dative", "advcl"}
_SHARED = 5  # the first features of a row (word, POS, arc, quote, edge) its neighbours see


@dataclass(frozen=True, slots=True)
class RoleExample:
    """A gold attribution in token terms: the cue, its source (if any) and its content."""

    cue: TokenSpan
    content: TokenSpan
    source: TokenSpan | None = None


@dataclass(frozen=True, slots=True)
class _Parse:
    """The parse as plain lists, read once per Doc: each cue's window re-reads the tokens of its
    sentences, and a spaCy ``Token`` made per read cost more than the features built from it.

    ``rows`` holds each token's own features (word, POS, dependency, shape, entity type).
    """

    head: list[int]
    dep: list[str]
    pos: list[str]
    left: list[int]
    right: list[int]
    sent_start: list[bool | None]
    rows: list[tuple[str, ...]]

    @classmethod
    def of(cls, doc: Doc) -> _Parse:
        tokens = list(doc)
        return cls(
            head=[t.head.i for t in tokens],
            dep=[t.dep_ for t in tokens],
            pos=[t.pos_ for t in tokens],
            left=[t.left_edge.i for t in tokens],
            right=[t.right_edge.i for t in tokens],
            sent_start=[t.is_sent_start for t in tokens],
            rows=[
                (
                    f"w={t.lower_}",
                    f"p={t.pos_}",
                    f"d={t.dep_}",
                    f"s={shape(t)}",
                    f"e={t.ent_type_ or '-'}",
                )
                for t in tokens
            ],
        )


class RoleTagger:
    """A CRF that, for one cue, tags the tokens of its source and of its content."""

    def __init__(
        self,
        *,
        before: int = 1,
        after: int = 1,
        c1: float = 1.0,
        c2: float = 1.0,
        max_iterations: int = 100,
    ) -> None:
        self.before = before
        self.after = after
        self.c1 = c1
        self.c2 = c2
        self.max_iterations = max_iterations

    def fit(self, docs: Sequence[Doc], examples: Sequence[Sequence[RoleExample]]) -> RoleTagger:
        """Learn from the gold attributions of each doc."""
        params = {"c1": self.c1, "c2": self.c2, "max_iterations": self.max_iterations}
        self.__dict__.pop("_tagger", None)
        self.model_ = train_crf(self._training_sequences(docs, examples), params)
        return self

    def _training_sequences(
        self, docs: Sequence[Doc], examples: Sequence[Sequence[RoleExample]]
    ) -> Iterator[tuple[list[list[str]], list[str]]]:
        for doc, doc_examples in zip(docs, examples, strict=True):
            info, parse = DocInfo.of(doc), _Parse.of(doc)
            for example in doc_examples:
                _, xseq, yseq = self._sequence(doc, info, parse, example)
                yield xseq, yseq

    @cached_property
    def _tagger(self) -> pycrfsuite.Tagger:
        """The CRF opened once, then reused for every Doc."""
        return open_tagger(self.model_)

    def predict(
        self, doc: Doc, info: DocInfo, cues: Sequence[TokenSpan]
    ) -> list[tuple[TokenSpan | None, TokenSpan]]:
        """(source, content) token spans for each cue; the source may be missing.

        When the CRF tags no content, the content is what the parse says the cue governs.
        """
        tagger = self._tagger
        parse = _Parse.of(doc)
        found = []
        for cue in cues:
            start, xseq, _ = self._sequence(doc, info, parse, RoleExample(cue, cue))
            labels = tagger.tag(xseq)
            source, content = _decode(labels, start, cue)
            content = _tidy(doc, info, content) if content else _governed(doc, info, cue, source)
            found.append((source, content))
        return found

    def _sequence(
        self, doc: Doc, info: DocInfo, parse: _Parse, example: RoleExample
    ) -> tuple[int, list[list[str]], list[str]]:
        """(window start, feature rows, labels) for the window around one cue."""
        start, end = self._window(doc, info, example.cue)
        rows = _cue_features(doc, info, parse, example.cue, start, end)
        return start, rows, _labels(example, start, end)

    def _window(self, doc: Doc, info: DocInfo, cue: TokenSpan) -> TokenSpan:
        """The cue's sentence with ``before`` sentences before it and ``after`` after it.

        A quotation that closes or opens next to the cue is taken in whole, however many
        sentences it runs to ("I swear. I do," she said. "Yes. Really.").
        """
        first = max(0, info.sent[cue[0]] - self.before)
        last = min(len(info.bounds) - 1, info.sent[cue[1] - 1] + self.after)
        start, end = info.bounds[first][0], info.bounds[last][1]
        for region in _adjacent_quotes(info, cue):
            start = min(start, info.regions[region][0])
            end = max(end, info.regions[region][1])
        return info.bounds[info.sent[start]][0], info.bounds[info.sent[end - 1]][1]


def _labels(example: RoleExample, start: int, end: int) -> list[str]:
    """BIO labels of source (SRC) and content (CON) in the window; cue tokens are CUE.

    The content is labelled from its first to its last token, minus the tokens of this
    attribution's cue and source, so a split quotation reads CON .. SRC CUE .. CON.
    """
    labels = ["O"] * (end - start)
    spans = [("CON", example.content), ("SRC", example.source)]
    for role, span in spans:
        if span is None:
            continue
        first = max(span[0], start)
        for i in range(first, min(span[1], end)):
            labels[i - start] = f"{'B' if i == first else 'I'}-{role}"
    for i in range(max(example.cue[0], start), min(example.cue[1], end)):
        labels[i - start] = "CUE"
    return _repair_bio(labels)


def _repair_bio(labels: list[str]) -> list[str]:
    """Start a fresh ``B-`` wherever a role resumes after a gap (a split content)."""
    fixed: list[str] = []
    for i, label in enumerate(labels):
        if label.startswith("I-") and (i == 0 or fixed[-1][2:] != label[2:]):
            label = "B-" + label[2:]
        fixed.append(label)
    return fixed


def _decode(
    labels: list[str], start: int, cue: TokenSpan
) -> tuple[TokenSpan | None, TokenSpan | None]:
    """The source nearest the cue, and the content from its first to its last token."""
    sources = [(start + s, start + e) for s, e in bio_spans(labels, "SRC")]
    source = min(sources, key=lambda span: _distance(span, cue), default=None)
    content_tokens = [start + i for i, label in enumerate(labels) if label.endswith("-CON")]
    content = (content_tokens[0], content_tokens[-1] + 1) if content_tokens else None
    return source, content


def _governed(doc: Doc, info: DocInfo, cue: TokenSpan, source: TokenSpan | None) -> TokenSpan:
    """What the parse says the cue governs, for a cue whose content the CRF left untagged.

    The cue's first complement to its right; else the rest of its sentence; else the start of
    the sentence up to the source or cue ("Y, the Times reports."); else the next sentence
    ("He said:"); else the cue itself.
    """
    for child in _cue_head(doc, cue).rights:
        if child.dep_ in _COMPLEMENTS and child.i >= cue[1]:
            return child.left_edge.i, child.right_edge.i + 1
    number = info.sent[cue[1] - 1]
    sentence = info.bounds[number]
    before = min(cue[0], source[0]) if source else cue[0]
    candidates = [(cue[1], sentence[1]), (sentence[0], before)]
    if number + 1 < len(info.bounds):
        candidates.append(info.bounds[number + 1])
    spans = (trimmed(doc, *candidate) for candidate in candidates)
    return next((span for span in spans if span is not None), cue)


def trimmed(doc: Doc, start: int, end: int) -> TokenSpan | None:
    """``[start, end)`` without trailing punctuation and spaces; ``None`` if nothing is left."""
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return (start, end) if end > start else None


def _tidy(doc: Doc, info: DocInfo, content: TokenSpan) -> TokenSpan:
    """Drop a trailing comma (or full stop, outside quotes); take in a closing quote mark.

    PolNeAR contents end before a clause-final comma or full stop but include the ``."``
    that closes a quotation the content opened; the CRF often stops one or two tokens short
    of that mark.
    """
    start, end = content
    quoted = any(region >= 0 for region in info.quote[start:end])
    while end - start > 1 and (doc[end - 1].text == "," or doc[end - 1].text == "." and not quoted):
        end -= 1
    region = info.quote[end - 1]
    if region < 0 or start > 0 and info.quote[start - 1] == region and info.quote[start] == region:
        return start, end
    close = end + (end < len(doc) and doc[end].text in {".", ",", "!", "?"})
    if close < len(doc) and info.quote[close] == region and doc[close].is_quote:
        return start, close + 1
    return start, end


def _distance(span: TokenSpan, cue: TokenSpan) -> int:
    return max(cue[0] - span[1], span[0] - cue[1], 0)


def _cue_head(doc: Doc, cue: TokenSpan) -> Token:
    """The cue token the others hang from (its head lies outside the cue), else the first."""
    for token in doc[cue[0] : cue[1]]:
        if not cue[0] <= token.head.i < cue[1] or token.head.i == token.i:
            return token
    return doc[cue[0]]


def _branch(i: int, head: int, parse: _Parse) -> tuple[str, int]:
    """How token ``i`` hangs from the cue head ``head``, or else from the head's governor.

    Returns a label and the branch (the child of the cue head or governor that the token lies
    under, -1 for none): ``nsubj``, ``ccomp``...: the dependency of the cue head's child;
    ``g:<dep>``: the same under the cue's governor (the content of "Y, X said"); ``gov``: the
    governor itself; ``none``: anything else (an ancestor of the cue included: the model was
    trained so).
    """
    governor = parse.head[head]
    node, below = i, -1
    while True:
        if node == head:
            return (parse.dep[below], below) if below >= 0 else ("self", -1)
        if node == governor and governor != head:
            return ("gov", -1) if below < 0 else (f"g:{parse.dep[below]}", below)
        up = parse.head[node]
        if up == node:
            return "none", -1
        node, below = up, node


def _edge(i: int, branch: int, parse: _Parse) -> str:
    """Whether token ``i`` opens or closes its branch's subtree: content often ends there."""
    if branch < 0:
        return "-"
    return ("L" if i == parse.left[branch] else "") + ("R" if i == parse.right[branch] else "")


def _bucket(distance: int) -> str:
    for bound in (1, 2, 3, 5, 10, 20, 40):
        if distance <= bound:
            return str(bound)
    return "far"


def _cue_features(
    doc: Doc, info: DocInfo, parse: _Parse, cue: TokenSpan, start: int, end: int
) -> list[list[str]]:
    """Feature rows of the tokens ``doc[start:end]`` relative to ``cue``."""
    head = _cue_head(doc, cue)
    cue_lemma, cue_dep = head.lemma_.lower(), head.dep_
    near_quotes = _adjacent_quotes(info, cue)
    cue_para = info.para[cue[0]]
    rows = []
    for i in range(start, end):
        side = "C" if cue[0] <= i < cue[1] else ("L" if i < cue[0] else "R")
        arc, branch = ("cue", -1) if side == "C" else _branch(i, head.i, parse)
        edge = _edge(i, branch, parse)
        region = info.quote[i]
        quote = "adj" if region in near_quotes else ("in" if region >= 0 else "out")
        para = "same" if info.para[i] == cue_para else "other"
        word, pos, dep, *rest = parse.rows[i]
        rows.append(
            [
                word,
                pos,
                f"arc={arc}",
                f"q={quote}",
                f"edge={edge}",
                dep,
                *rest,
                f"side={side}",
                f"dist={side}{_bucket(_distance((i, i + 1), cue))}",
                f"so={max(-2, min(2, info.sent[i] - info.sent[cue[0]]))}",
                f"as={arc}|{side}",
                f"ap={arc}|{parse.pos[i]}",
                f"qs={quote}|{side}",
                f"qp={quote}|{para}|{side}",
                f"cl={cue_lemma}|{side}",
                f"cd={cue_dep}|{side}",
                f"ca={cue_dep}|{arc}",
                f"ea={edge}|{arc}",
                f"sb={parse.sent_start[i]}",
                f"se={i + 1 == info.bounds[info.sent[i]][1]}",
            ]
        )
    return with_context(rows, _SHARED, 1)


def _adjacent_quotes(info: DocInfo, cue: TokenSpan) -> set[int]:
    """Quotation regions of the cue's paragraph that close just before it or open just after."""
    near = set(info.quote[max(0, cue[0] - 4) : cue[0]])
    near.update(info.quote[cue[1] : cue[1] + 4])
    near.discard(-1)
    return {r for r in near if info.para[info.regions[r][0]] == info.para[cue[0]]}
