"""Cutting an article into the word-piece windows the attribution encoder reads.

A window is a run of whole paragraphs (non-blank lines) of at most :data:`MAX_PIECES` word
pieces with ``[CLS]`` and ``[SEP]``; a longer paragraph is cut at sentence ends, and a longer
sentence at the budget. Packing neighbouring paragraphs gives the encoder the context of a
"He said:" before a quotation; a window of 128 pieces costs little more than one of 40, as
the encoder's cost is almost all per piece. Training (:mod:`newstrace.training.encoder`)
and tagging cut alike, from the text alone.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

MAX_PIECES = 128
"""Word pieces per window, ``[CLS]`` and ``[SEP]`` included (p90 of a PolNeAR paragraph: 86)."""

_LINE = re.compile(r"[^\n]*\S[^\n]*")
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+")


@dataclass(frozen=True, slots=True)
class Window:
    """Word pieces of ``text[start:end]``: their ids (with ``[CLS]`` first and ``[SEP]``
    last), the character span each covers in the article (``(-1, -1)`` for the two special
    pieces) and the word each belongs to (pieces of one word share a number; -1 for the
    special pieces)."""

    start: int
    end: int
    ids: tuple[int, ...]
    offsets: tuple[tuple[int, int], ...]
    words: tuple[int, ...]


_Piece = tuple[int, tuple[int, int], int]
"""id, character span in the article, word number in the article."""
_Pieces = list[_Piece]


def windows(text: str, tokenizer: Any, max_pieces: int = MAX_PIECES) -> list[Window]:
    """The windows of ``text`` in order; every non-blank character lies in one window.

    ``tokenizer`` is a ``tokenizers.Tokenizer`` of a BERT word-piece vocabulary, with its
    truncation and padding switched off.
    """
    cls_id, sep_id = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
    lines = [(m.start(), m.group()) for m in _LINE.finditer(text)]
    encodings = tokenizer.encode_batch([line for _, line in lines], add_special_tokens=False)
    budget = max_pieces - 2
    segments: list[_Pieces] = []
    words = 0
    for (base, line), encoding in zip(lines, encodings, strict=True):
        pieces = [
            (i, (base + a, base + b), words + (w or 0))
            for i, (a, b), w in zip(encoding.ids, encoding.offsets, encoding.word_ids, strict=True)
        ]
        words = pieces[-1][2] + 1 if pieces else words
        segments.extend(_segments(pieces, line, base, budget))
    return [_window(group, cls_id, sep_id) for group in _packed(segments, budget)]


def _segments(pieces: _Pieces, line: str, base: int, budget: int) -> Iterator[_Pieces]:
    """The line whole if it fits, else its sentences packed up to the budget."""
    if len(pieces) <= budget:
        if pieces:
            yield pieces
        return
    ends = [base + m.end() for m in _SENTENCE_END.finditer(line)]
    sentences: list[_Pieces] = [[] for _ in range(len(ends) + 1)]
    for piece in pieces:
        sentences[bisect_right(ends, piece[1][0])].append(piece)
    chunks = (
        sentence[i : i + budget] for sentence in sentences for i in range(0, len(sentence), budget)
    )
    for group in _packed([c for c in chunks if c], budget):
        yield [piece for segment in group for piece in segment]


def _packed(segments: Sequence[_Pieces], budget: int) -> Iterator[list[_Pieces]]:
    """Neighbouring segments, greedily grouped while their pieces fit the budget."""
    group: list[_Pieces] = []
    size = 0
    for segment in segments:
        if group and size + len(segment) > budget:
            yield group
            group, size = [], 0
        group.append(segment)
        size += len(segment)
    if group:
        yield group


def _window(group: list[_Pieces], cls_id: int, sep_id: int) -> Window:
    pieces = [piece for segment in group for piece in segment]
    return Window(
        start=pieces[0][1][0],
        end=pieces[-1][1][1],
        ids=(cls_id, *(piece[0] for piece in pieces), sep_id),
        offsets=((-1, -1), *(piece[1] for piece in pieces), (-1, -1)),
        words=(-1, *(piece[2] for piece in pieces), -1),
    )
