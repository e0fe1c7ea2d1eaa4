"""``edges.csv``: the copy and citation links of a trace, for researchers' own graph tools."""

from __future__ import annotations

import csv
from pathlib import Path

from newstrace.model import Trace

COLUMNS = (
    "story_id",
    "type",
    "article_id",
    "target_article_id",
    "target_outlet",
    "copy_kind",
    "overlap",
    "cue",
)


def write_edges(trace: Trace, path: Path) -> int:
    """Write one row per copy and per citation; return how many rows were written.

    A citation's ``target_article_id`` is the story's version from the credited outlet, when
    the corpus has one; ``target_outlet`` is always the outlet's name.
    """
    outlets = {a.id: a.outlet for a in trace.articles}
    rows = 0
    with Path(path).open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(COLUMNS)
        for story in trace.stories:
            for edge in story.copies:
                writer.writerow(
                    (
                        story.id,
                        "copy",
                        edge.article_id,
                        edge.copy_of,
                        outlets.get(edge.copy_of) or "",
                        edge.kind.value,
                        edge.overlap,
                        "",
                    )
                )
                rows += 1
            for citation in story.citations:
                writer.writerow(
                    (
                        story.id,
                        "citation",
                        citation.article_id,
                        citation.target_article_id or "",
                        citation.cited,
                        "",
                        "",
                        citation.cue.text,
                    )
                )
                rows += 1
    return rows
