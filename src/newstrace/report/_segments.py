"""Flat segments of a text under overlapping, nested spans, for the text and HTML views.

Markup cannot nest overlapping ranges, so both views cut the text at every span boundary and
style each piece by the spans that cover it; a piece never straddles a boundary, so overlaps
and nesting come out right without any tree building.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from newstrace.model import Span


@dataclass(frozen=True, slots=True)
class Segment:
    """``text[start:end]`` and, per layer, the indices of that layer's spans covering it."""

    start: int
    end: int
    text: str
    covers: Mapping[str, tuple[int, ...]]

    def has(self, layer: str) -> bool:
        return bool(self.covers.get(layer))


def split(
    text: str, layers: Mapping[str, Sequence[Span]], start: int = 0, end: int | None = None
) -> list[Segment]:
    """Cut ``text[start:end]`` at every boundary of the layers' spans that falls inside it.

    Offsets stay those of ``text``. An empty span still cuts (so a badge can sit at its
    place) but covers nothing.

    >>> a, b = Span.of("abcdef", 1, 4), Span.of("abcdef", 3, 5)
    >>> [(s.text, s.covers["x"]) for s in split("abcdef", {"x": [a, b]})]
    [('a', ()), ('bc', (0,)), ('d', (0, 1)), ('e', (1,)), ('f', ())]
    """
    end = len(text) if end is None else end
    cuts = {start, end}
    for spans in layers.values():
        cuts.update(o for s in spans for o in (s.start, s.end) if start < o < end)
    bounds = sorted(cuts)
    return [Segment(a, b, text[a:b], _covers(layers, a, b)) for a, b in pairwise(bounds)]


def _covers(layers: Mapping[str, Sequence[Span]], a: int, b: int) -> dict[str, tuple[int, ...]]:
    return {
        name: tuple(i for i, s in enumerate(spans) if s.start <= a and b <= s.end)
        for name, spans in layers.items()
    }
