"""The story trace in the terminal: each story's origin, spread and the worst drift first."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from newstrace.model import ArticleStatus, Story, Trace

DRIFT_SHOWN = 5


def print_trace(trace: Trace, console: Console) -> None:
    """Stories with more than one version, largest first, then a line for the rest."""
    spread = sorted(
        (s for s in trace.stories if _versions(s) > 1), key=lambda s: (-_versions(s), s.id)
    )
    for story in spread:
        _print_story(story, console)
    alone = len(trace.stories) - len(spread)
    failed = sum(a.status == ArticleStatus.ERROR for a in trace.articles)
    console.print(
        f"\n{len(trace.articles)} articles: {len(spread)} stories told more than once, "
        f"{alone} told once" + (f", [red]{failed} could not be traced[/red]" if failed else "")
    )


def _print_story(story: Story, console: Console) -> None:
    origin = story.origin
    console.rule(f"[bold]{escape(story.title)}")
    console.print(
        f"{len(story.article_ids)} versions, {len(story.copies)} copies, "
        f"{len(story.citations)} credits. Origin: [bold]{escape(origin.where)}[/bold]: "
        f"{escape(origin.why)}",
        highlight=False,
    )
    if story.ultimate_sources:
        rests = ", ".join(
            f"{s.name} ({s.kind.value.replace('_', ' ')})" for s in story.ultimate_sources
        )
        console.print(f"Rests on: {escape(rests)}", highlight=False)
    if story.other_language_ids:
        others = ", ".join(story.other_language_ids)
        console.print(f"Also in other languages (not analysed): {escape(others)}", highlight=False)
    if not story.drift:
        console.print("[green]No drift: the retellings keep hedges, sources and details.[/green]")
        return
    table = Table(show_lines=True, expand=True)
    table.add_column("drift", style="bold red", no_wrap=True)
    table.add_column("earlier version")
    table.add_column("retold as")
    for event in sorted(story.drift, key=lambda e: -e.severity)[:DRIFT_SHOWN]:
        table.add_row(
            event.type.value.replace("_", " "),
            f"{escape(event.earlier_phrase.text)}\n[dim]{escape(event.earlier_article_id)}[/dim]",
            f"{escape(event.phrase.text)}\n[dim]{escape(event.article_id)}[/dim]",
        )
    console.print(table)
    if len(story.drift) > DRIFT_SHOWN:
        console.print(f"[dim]... and {len(story.drift) - DRIFT_SHOWN} more in the report[/dim]")


def _versions(story: Story) -> int:
    return len(story.article_ids) + len(story.other_language_ids)
