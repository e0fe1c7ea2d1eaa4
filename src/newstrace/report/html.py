"""The annotated HTML view of a ledger: one standalone page, no external resources.

The article text is cut into flat segments at every span boundary (claims, hedge cues, source
mentions, reporting cues; see :mod:`newstrace.report._segments`), so nested and overlapping
claims need no nested markup. Every piece of article text and metadata goes through Jinja2's
autoescaping; the page's own CSS and JS are fixed files, never built from the input.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from newstrace._version import __version__
from newstrace.model import CertaintyLevel, Claim, Ledger, Source, Span
from newstrace.report._segments import Segment, split
from newstrace.report.text import chain_of, chain_text

__all__ = ["LEVEL_MEANINGS", "render_html"]

TEMPLATES = Path(__file__).parent / "templates"
LEVEL_MEANINGS = {
    CertaintyLevel.ASSERTED: "stated as plain fact",
    CertaintyLevel.ATTRIBUTED: "reported as someone's word",
    CertaintyLevel.HEDGED: "softened: may, reportedly, appears",
    CertaintyLevel.SPECULATIVE: "guessed or wondered about",
    CertaintyLevel.CONDITIONAL: "holds only if something else does",
    CertaintyLevel.NEGATED: "stated as not the case",
}
_EXCERPT = 180


def render_html(
    ledger: Ledger,
    nav: Sequence[tuple[str, str]] = (),
    script: str | None = None,
    aside: str = "",
) -> str:
    """The ledger as a standalone HTML page (inline CSS and JS; article text escaped).

    ``nav`` adds (label, address) links above the title, for the web app's pages; ``script``
    is the address the web app serves ``ledger.js`` from, so that its pages carry no inline
    script and its Content-Security-Policy can forbid them; ``aside`` is what the web app adds
    below the heading: ``Markup`` its own template rendered (plain text would be escaped).
    """
    template = template_environment().get_template("ledger.html.j2")
    return template.render(
        nav=[(label, href) for label, href in nav if _safe_link(href)],
        script=script,
        aside=aside,
        ledger=ledger,
        version=__version__,
        url=_safe_url(ledger.article.url),
        levels=LEVEL_MEANINGS,
        pieces=list(_pieces(ledger)),
        claims=[_claim_view(n, claim) for n, claim in enumerate(ledger.claims)],
    )


@lru_cache(maxsize=4)
def template_environment(folder: Path | tuple[Path, ...] = TEMPLATES) -> Environment:
    """The Jinja2 environment of template folders (the first that has a name wins):
    autoescaping on, strict about names."""
    return Environment(
        loader=FileSystemLoader(folder),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _safe_link(href: str) -> bool:
    """An address of this site ("/stories/3") or of the web; never ``javascript:``."""
    return href.startswith("/") and not href.startswith("//") or _safe_url(href) is not None


def _safe_url(url: str | None) -> str | None:
    """Only web addresses become links; ``javascript:`` and the like stay text."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def _pieces(ledger: Ledger) -> Iterator[dict[str, Any]]:
    """The article as segments to wrap, with a numbered badge where each claim starts.

    An empty claim at the very end of the text has no segment to precede; its badge comes last.
    """
    claims = ledger.claims
    starts: dict[int, list[int]] = {}
    for n in sorted(range(len(claims)), key=lambda n: _outer_first(claims[n].span, n)):
        starts.setdefault(claims[n].span.start, []).append(n)
    for segment in split(ledger.article.text, _layers(claims)):
        yield from _badges(starts.pop(segment.start, []), claims)
        yield _segment_view(segment, claims)
    yield from _badges([n for ns in starts.values() for n in ns], claims)


def _badges(numbers: list[int], claims: tuple[Claim, ...]) -> Iterator[dict[str, Any]]:
    for n in numbers:
        yield {"badge": True, "n": n, "level": claims[n].certainty.level.value}


def _layers(claims: tuple[Claim, ...]) -> dict[str, list[Span]]:
    mentions = (m for c in claims for s in _sources(c) for m in (s.span, s.mention))
    sources = {m for m in mentions if m is not None}
    return {
        "claim": [c.span for c in claims],
        "hedge": [cue for c in claims for cue in c.certainty.cues],
        "source": sorted(sources, key=lambda s: (s.start, s.end)),
        "cue": [c.attribution.cue for c in claims if c.attribution.cue is not None],
    }


def _sources(claim: Claim) -> tuple[Source, ...]:
    return (*claim.attribution.chain, claim.attribution.source)


def _outer_first(span: Span, n: int) -> tuple[int, int, int]:
    return span.start, -(span.end - span.start), n


def _segment_view(segment: Segment, claims: tuple[Claim, ...]) -> dict[str, Any]:
    """A segment's classes: the innermost covering claim gives its colour."""
    covering = sorted(segment.covers["claim"], key=lambda n: _outer_first(claims[n].span, n))
    classes = ["seg"]
    if covering:
        classes += ["claim", "lvl-" + claims[covering[-1]].certainty.level.value]
        classes += ["nested"] if len(covering) > 1 else []
    classes += [mark for mark in ("hedge", "source", "cue") if segment.has(mark)]
    return {
        "badge": False,
        "start": segment.start,
        "end": segment.end,
        "text": segment.text,
        "classes": " ".join(classes),
        "claims": " ".join(map(str, covering)),
    }


def _claim_view(n: int, claim: Claim) -> dict[str, Any]:
    text = " ".join(claim.span.text.split())
    return {
        "n": n,
        "claim": claim,
        "text": text,
        "excerpt": text if len(text) <= _EXCERPT else text[: _EXCERPT - 1].rstrip() + "…",
        "chain": chain_of(claim),
        "chain_text": chain_text(claim, sep=" ← "),
        "hedges": [cue.text for cue in claim.certainty.cues],
    }
