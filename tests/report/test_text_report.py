"""The terminal view: header, claim blocks with chains and hedge cues, sources table."""

from __future__ import annotations

import io
import re

from rich.console import Console

from newstrace.model import (
    Article,
    Attribution,
    Certainty,
    CertaintyLevel,
    Claim,
    ClaimKind,
    Ledger,
    Source,
    SourceKind,
    Span,
)
from newstrace.report.text import chain_text, print_ledger, render_text

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def test_header_names_outlet_language_counts_and_warnings(northport):
    head = render_text(northport).splitlines()[:3]
    assert head[0] == "newstrace claim ledger · Bridge may close"
    assert "outlet The Northport Gazette" in head[1]
    assert "credit –" in head[1] and "language en" in head[1]
    assert "11 claims · 8 sources" in head[1]
    assert head[2] == "warning: text truncated to 8 lines (fictional warning)"


def test_chains_read_from_the_outside_in(northport):
    out = render_text(northport, width=140)
    assert "via The Northport Gazette <- Coastal Herald <- a city engineer" in out
    assert chain_text(northport.claims[4]) == (
        "The Northport Gazette <- Coastal Herald <- a city engineer"
    )


def test_claim_without_chain_is_credited_to_its_source(northport):
    claim = northport.claims[10]
    bare = Claim(
        claim.id,
        claim.span,
        Attribution(claim.attribution.source, None, claim.span),
        claim.certainty,
        claim.kind,
        claim.checkworthy,
    )
    assert chain_text(bare) == "The Northport Gazette"


def test_claim_block_shows_kind_level_score_and_checkworthiness(northport):
    out = render_text(northport, width=140)
    assert "c5  prediction · hedged 0.45 · check-worthy 0.80" in out
    assert "c6  event · negated 0.90 · check-worthy 0.70" in out
    assert "“According to”" in out


def test_plain_output_marks_hedges_without_colour(northport):
    out = render_text(northport, width=140)
    assert not ANSI.search(out)
    assert "the repairs *could* cost *as much as* 40 million euros" in out
    assert "We *cannot rule out* a full closure" in out
    assert all(line == line.rstrip() for line in out.splitlines())


def test_colour_output_highlights_hedges_in_bold_yellow(northport):
    out = render_text(northport, width=140, color=True)
    assert "\x1b[1;33mmay\x1b[0m" in out
    assert "*may*" not in out
    assert "The Harbour Bridge may have to close" in ANSI.sub("", out)


def test_sources_table_lists_every_source_with_its_count(northport):
    out = render_text(northport, width=140)
    rows = out[out.index("Sources") :].splitlines()
    for summary in northport.sources:
        assert any(summary.name in r and r.rstrip().endswith(str(summary.claims)) for r in rows)


def test_print_ledger_writes_to_the_given_console(northport):
    buffer = io.StringIO()
    print_ledger(northport, Console(file=buffer, width=100, no_color=True))
    assert "c11 background · asserted 1.00" in buffer.getvalue()


def test_long_claims_are_trimmed_and_whitespace_collapsed():
    text = "Officials said that " + "the\n\nbudget grew " * 60 + "again."
    span = Span.of(text, 20, len(text))
    source = Source("Officials", SourceKind.UNNAMED_GROUP, Span.of(text, 0, 9))
    claim = Claim(
        "c1",
        span,
        Attribution(source, Span.of(text, 10, 14), span),
        Certainty(0.7, CertaintyLevel.ATTRIBUTED),
        ClaimKind.STATEMENT,
        0.5,
    )
    ledger = Ledger(Article(text), "en", None, (claim,), ())
    out = render_text(ledger, width=100)
    assert "…" in out
    assert "again." not in out
    assert "the budget grew the budget grew" in out
    assert "Sources" not in out
