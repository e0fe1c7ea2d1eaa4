"""The files users open: a ledger in each format, and a trace's folder of outputs.

One place decides names, formats and the per-input index (``index.json``,
``newstrace.index/1``), so the CLI, the Python API and the engines write the same files.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newstrace.model import Ledger, Trace
from newstrace.serialize import dumps, dumps_index, dumps_trace

LEDGER_FORMATS = {"json": ".json", "text": ".txt", "html": ".html"}
"""Each format a ledger is written in, and its file suffix."""


def render_ledger(ledger: Ledger, format: str) -> str:
    """A ledger as JSON (``newstrace.claims``), plain text or a standalone HTML page."""
    if format == "json":
        return dumps(ledger)
    if format == "html":
        from newstrace.report.html import render_html

        return render_html(ledger)
    if format == "text":
        from newstrace.report.text import render_text

        return render_text(ledger)
    raise ValueError(f"unknown ledger format {format!r}; choose one of {', '.join(LEDGER_FORMATS)}")


def safe_name(name: str) -> str:
    """An input's name as a file name: no folders, no characters a file system refuses.

    >>> safe_name("../2025/a story?.json")
    '2025_a_story_.json'
    """
    return re.sub(r"[^\w.-]+", "_", name).strip("._") or "article"


def write_index(folder: Path, rows: Iterable[Mapping[str, Any]]) -> Path:
    """``index.json``: every input of a run with its status, error, warnings and output."""
    path = Path(folder) / "index.json"
    path.write_text(dumps_index(rows), encoding="utf-8")
    return path


@dataclass(frozen=True, slots=True)
class TraceFiles:
    """Where a trace was written and how many copy and citation links ``edges.csv`` holds."""

    trace_json: Path
    report_html: Path
    edges_csv: Path
    index_json: Path
    edges: int


def write_trace_files(trace: Trace, folder: Path) -> TraceFiles:
    """``trace.json``, ``report.html``, ``edges.csv`` and ``index.json`` of a trace."""
    from newstrace.report.edges import write_edges
    from newstrace.report.trace_html import render_trace_html

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    trace_json = folder / "trace.json"
    trace_json.write_text(dumps_trace(trace), encoding="utf-8")
    report_html = folder / "report.html"
    report_html.write_text(render_trace_html(trace), encoding="utf-8")
    edges = write_edges(trace, folder / "edges.csv")
    rows = (
        {
            "name": article.id,
            "status": article.status.value,
            "error": article.error,
            "warnings": article.warnings,
            "story_id": article.story_id,
        }
        for article in trace.articles
    )
    return TraceFiles(
        trace_json, report_html, folder / "edges.csv", write_index(folder, rows), edges
    )
