"""The terminal view of a ledger: a header, one block per claim, the sources table.

Colour carries meaning only redundantly: when the console has no colour (a pipe, a file,
``NO_COLOR``) hedge cues are wrapped in ``*...*`` and every level is spelled out, so the
plain output reads the same.

>>> from newstrace.model import Article, Ledger
>>> print(render_text(Ledger(Article("Nothing here."), "en", None, (), ())).splitlines()[1])
outlet – · credit – · language en · 0 claims · 0 sources
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from newstrace.model import CertaintyLevel, Claim, Ledger, Source
from newstrace.report._segments import split

__all__ = ["LEVEL_STYLES", "chain_of", "chain_text", "print_ledger", "render_text"]

LEVEL_STYLES = {
    CertaintyLevel.ASSERTED: "green",
    CertaintyLevel.ATTRIBUTED: "cyan",
    CertaintyLevel.HEDGED: "yellow",
    CertaintyLevel.SPECULATIVE: "magenta",
    CertaintyLevel.CONDITIONAL: "blue",
    CertaintyLevel.NEGATED: "red",
}
_HEDGE_STYLE = "bold yellow"
_CLAIM_WIDTH = 280
_SPACES = re.compile(r"\s+")


def chain_of(claim: Claim) -> tuple[Source, ...]:
    """The sources a claim passed through, outside in; a claim without a chain has its source."""
    return claim.attribution.chain or (claim.attribution.source,)


def chain_text(claim: Claim, sep: str = " <- ") -> str:
    """The chain as one line, outside in: ``Business Insider <- Asahi Shimbun <- a defector``."""
    return sep.join(source.name for source in chain_of(claim))


def print_ledger(ledger: Ledger, console: Console | None = None) -> None:
    """Print the ledger to ``console`` (default: stdout, coloured only on a terminal)."""
    console = console or Console()
    plain = console.no_color or console.color_system is None
    for renderable in _renderables(ledger, plain):
        console.print(renderable)


def render_text(ledger: Ledger, *, width: int = 100, color: bool = False) -> str:
    """The view as a string: plain text, or with ANSI colour codes when ``color``.

    Trailing blanks (rich pads blocks to a common width) are dropped from every line.
    """
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        highlight=False,
    )
    print_ledger(ledger, console)
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())


def _renderables(ledger: Ledger, plain: bool) -> Iterator[RenderableType]:
    yield from _header(ledger)
    for claim in ledger.claims:
        yield _claim_block(claim, ledger.article.text, plain)
    if ledger.sources:
        yield _sources_table(ledger)


def _header(ledger: Ledger) -> Iterator[RenderableType]:
    title = ledger.article.title or ledger.article.id or "untitled article"
    yield Text.assemble(("newstrace claim ledger", "bold"), " · ", (title, "bold"))
    facts = [("outlet", ledger.outlet), ("credit", ledger.credit), ("language", ledger.language)]
    line = Text(" · ").join(Text.assemble((f"{k} ", "dim"), v or "–") for k, v in facts)
    line.append(f" · {len(ledger.claims)} claims · {len(ledger.sources)} sources")
    yield line
    for warning in ledger.warnings:
        yield Text(f"warning: {warning}", style="bold red")
    for passage in ledger.foreign_passages:
        words = " ".join(passage.span.text.split())
        words = words if len(words) <= 60 else words[:59] + "…"
        where = f"{passage.span.start}-{passage.span.end}"
        yield Text(f"not analysed ({passage.language}, characters {where}): {words}", style="dim")
    yield Text()


def _claim_block(claim: Claim, article_text: str, plain: bool) -> RenderableType:
    level = claim.certainty.level
    facts = Text.assemble(
        (f"{claim.id:<4}", "bold"),
        claim.kind.value,
        " · ",
        (level.value, LEVEL_STYLES[level]),
        f" {claim.certainty.score:.2f}",
        " · ",
        ("check-worthy", "dim"),
        f" {claim.checkworthy:.2f}",
    )
    source = claim.attribution.source
    via = Text.assemble(("via ", "dim"), chain_text(claim), (f"  [{source.kind.value}]", "dim"))
    if claim.attribution.cue is not None:
        via.append(f"  “{claim.attribution.cue.text}”", style="italic")
    body = Group(_claim_text(claim, article_text, plain), via)
    return Group(facts, Padding(body, (0, 0, 1, 4), expand=False))


def _claim_text(claim: Claim, article_text: str, plain: bool) -> Text:
    """The claim's words, whitespace collapsed, hedge cues highlighted, trimmed to a few lines."""
    text = Text()
    pieces = split(article_text, {"cue": claim.certainty.cues}, claim.span.start, claim.span.end)
    for piece in pieces:
        words = _SPACES.sub(" ", piece.text)
        if piece.has("cue"):
            text.append(f"*{words}*" if plain else words, style=_HEDGE_STYLE)
        else:
            text.append(words)
    text.truncate(_CLAIM_WIDTH, overflow="ellipsis")
    return text


def _sources_table(ledger: Ledger) -> Table:
    table = Table(title="Sources", title_justify="left", box=box.SIMPLE_HEAD, title_style="bold")
    table.add_column("Source")
    table.add_column("Kind", style="dim")
    table.add_column("Claims", justify="right")
    for row in ledger.sources:
        table.add_row(row.name, row.kind.value, str(row.claims))
    return table
