"""The story-trace report: one standalone page, a section per story.

Each story shows its versions on a timeline with the copy and citation links drawn as arcs
between them (an arc diagram: time runs left to right, so who-took-from-whom reads at a
glance), then the drift table with both phrasings side by side and the changed words marked.
The picture is inline SVG computed here; all text goes through Jinja2's autoescaping.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from difflib import SequenceMatcher
from typing import Any

from markupsafe import Markup, escape

from newstrace._version import __version__
from newstrace.model import ArticleStatus, Story, Trace, TracedArticle
from newstrace.report.html import template_environment
from newstrace.trace.dates import parse_published
from newstrace.trace.text import tokens

__all__ = ["marked_diff", "render_story_html", "render_trace_html"]

WIDTH, MARGIN, ROW = 860, 40, 26  # the graph's drawing units; it is scaled to the page
CHAR_WIDTH = 7.0  # at least an 11 px label's average character, capitals included
GAP = 9  # between a version's circle and its label


@dataclass(frozen=True, slots=True)
class _Label:
    """Where a version's label goes: after the circle in the left half of the graph, before
    it in the right half, so that no label runs off the right edge."""

    x: float
    anchor: str
    left: float
    right: float


@dataclass(frozen=True, slots=True)
class _Node:
    id: str
    label: str
    x: float
    y: float
    when: str
    origin: bool

    @property
    def text(self) -> _Label:
        width = len(self.label) * CHAR_WIDTH
        if self.x > WIDTH / 2:
            return _Label(self.x - GAP, "end", self.x - GAP - width, self.x - GAP)
        return _Label(self.x + GAP, "start", self.x + GAP, self.x + GAP + width)


def render_trace_html(trace: Trace) -> str:
    """The trace as a standalone HTML page (inline CSS and SVG; all text escaped)."""
    articles = {article.id: article for article in trace.articles}
    failed = [a for a in trace.articles if a.status != ArticleStatus.OK]
    stories = sorted(trace.stories, key=lambda s: (-len(s.article_ids), s.id))
    return (
        template_environment()
        .get_template("trace.html.j2")
        .render(
            version=__version__,
            articles=trace.articles,
            failed=failed,
            stories=[_story_view(story, articles, {}) for story in stories],
        )
    )


def render_story_html(
    story: Story,
    articles: dict[str, TracedArticle],
    links: dict[str, str] | None = None,
    nav: Sequence[tuple[str, str]] = (),
    script: str | None = None,
    aside: str = "",
) -> str:
    """One story as a standalone page; ``links`` gives each version's page, ``script`` the
    address of ``story.js`` instead of inlining it and ``aside`` the ``Markup`` to add below
    the navigation, rendered by the web app's own template (all three for the web app)."""
    return (
        template_environment()
        .get_template("story.html.j2")
        .render(
            version=__version__,
            view=_story_view(story, articles, links or {}),
            nav=[(label, href) for label, href in nav if href.startswith("/")],
            script=script,
            aside=aside,
        )
    )


def marked_diff(old: str, new: str) -> tuple[Markup, Markup]:
    """Both phrasings as HTML with the words that differ wrapped in ``<mark>``.

    >>> marked_diff("could withdraw", "will withdraw")[1]
    Markup('<mark>will</mark> withdraw')
    """
    a, b = tokens(old), tokens(new)
    matcher = SequenceMatcher(None, [t.lower for t in a], [t.lower for t in b], autojunk=False)
    changed_a: set[int] = set()
    changed_b: set[int] = set()
    if not any(block.size for block in matcher.get_matching_blocks()):
        return _marked(old, a, set()), _marked(new, b, set())  # two unrelated phrasings
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            changed_a.update(range(i1, i2))
            changed_b.update(range(j1, j2))
    return _marked(old, a, changed_a), _marked(new, b, changed_b)


def _marked(text: str, words, changed: set[int]) -> Markup:
    out, at = [], 0
    for number, word in enumerate(words):
        out.append(escape(text[at : word.start]))
        piece = escape(text[word.start : word.end])
        out.append(Markup("<mark>{}</mark>").format(piece) if number in changed else piece)
        at = word.end
    out.append(escape(text[at:]))
    return Markup("").join(out)


def _story_view(
    story: Story, articles: dict[str, TracedArticle], links: dict[str, str]
) -> dict[str, Any]:
    nodes = _layout(story, articles)
    by_id = {node.id: node for node in nodes}
    arcs = [
        ("copy", e.article_id, e.copy_of, f"{e.kind.value} copy ({e.overlap:.0%})")
        for e in story.copies
    ]
    for citation in story.citations:
        if citation.target_article_id:
            arcs.append(
                (
                    "cite",
                    citation.article_id,
                    citation.target_article_id,
                    f"credits {citation.cited}",
                )
            )
    return {
        "story": story,
        "articles": [articles[a] for a in story.article_ids],
        "nodes": nodes,
        "arcs": [
            {
                "kind": kind,
                "path": _arc(by_id[a], by_id[b]),
                "title": title,
                "source": a,
                "target": b,
            }
            for kind, a, b, title in arcs
            if a in by_id and b in by_id
        ],
        "links": {a: href for a, href in links.items() if href.startswith("/")},
        "box": _view_box(nodes),
        "drift": [
            {"event": event, "diff": marked_diff(event.earlier_phrase.text, event.phrase.text)}
            for event in sorted(story.drift, key=lambda e: -e.severity)
        ],
    }


def _layout(story: Story, articles: dict[str, TracedArticle]) -> list[_Node]:
    """Versions placed left to right by date (undated ones at the right end)."""
    dated = {a: parse_published(articles[a].published)[0] for a in story.article_ids}
    order = sorted(story.article_ids, key=lambda a: (dated[a] is None, dated[a] or date.min))
    days = [d for d in dated.values() if d]
    first, last = (min(days), max(days)) if days else (None, None)
    span = max(1, (last - first).days) if first and last else 1
    usable = WIDTH - 2 * MARGIN - 80
    nodes = []
    for rank, article_id in enumerate(order):
        when = dated[article_id]
        x = MARGIN + (usable * (when - first).days / span if when and first else usable + 60)
        article = articles[article_id]
        nodes.append(
            _Node(
                article_id,
                f"{article.outlet or article_id}",
                x,
                3 * ROW + (rank % 6) * ROW,
                when.isoformat() if when else "no usable date",
                article_id == story.origin.article_id,
            )
        )
    return nodes


def _view_box(nodes: list[_Node]) -> str:
    """The graph's viewBox: the timeline's width, widened where a long label needs it."""
    left = min(0.0, *(node.text.left - 4 for node in nodes))
    right = max(float(WIDTH), *(node.text.right + 4 for node in nodes))
    height = max(node.y for node in nodes) + 3 * ROW
    return f"{left:.0f} 0 {right - left:.0f} {height:.0f}"


def _arc(a: _Node, b: _Node) -> str:
    """A curve from the copy or citing version ``a`` up to the version it took from ``b``."""
    lift = 18 + abs(a.x - b.x) / 6
    top = min(a.y, b.y) - lift
    return f"M{a.x:.1f},{a.y:.1f} C{a.x:.1f},{top:.1f} {b.x:.1f},{top:.1f} {b.x:.1f},{b.y:.1f}"
