"""The ``newstrace`` command: parse arguments, call the library, map outcomes to exit codes.

Nothing here analyses anything; every command is a thin wrapper over a library function,
so the CLI, the Python API and (later) the web app give the same results.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from newstrace._version import __version__
from newstrace.errors import NewstraceError
from newstrace.model import Ledger

FORMATS = ("json", "text", "html")
EXIT_PARTIAL = 1
_SUFFIX = {"json": ".json", "text": ".txt", "html": ".html"}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newstrace", description="Who said this, via whom, and how sure were they?"
    )
    parser.add_argument("--version", action="version", version=f"newstrace {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    analyze = commands.add_parser("analyze", help="the claim ledger of articles")
    analyze.add_argument("input", help="a .txt/.html/.json/.jsonl file, a directory, or - (stdin)")
    analyze.add_argument("-o", "--output", type=Path, help="write one file per article here")
    analyze.add_argument("--format", choices=FORMATS, default="text")
    analyze.add_argument("-j", "--jobs", type=int, default=1, help="processes (default 1)")

    trace = commands.add_parser("trace", help="stories, copies, citations and drift of a corpus")
    trace.add_argument("corpus", help="a directory, .jsonl, .csv or .warc(.gz) of articles")
    trace.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        help="write trace.json, report.html and edges.csv here",
    )
    trace.add_argument(
        "--cache", type=Path, help="ledger cache folder (default OUTDIR/cache); reused across runs"
    )
    trace.add_argument("-j", "--jobs", type=int, default=1, help="processes (default 1)")
    trace.add_argument(
        "--engine",
        choices=("local", "spark"),
        default="local",
        help="spark: run on Apache Spark (pip install 'newstrace[spark]'); also writes "
        "Parquet tables",
    )
    trace.add_argument("--master", help="spark: master URL (default: local[*] on loopback)")
    trace.add_argument(
        "--partitions", type=int, help="spark: partitions (default: one per 5,000 articles)"
    )

    serve = commands.add_parser("serve", help="the web app and HTTP API over a store")
    serve.add_argument(
        "--db",
        help="database URL (default: SQLite in the data folder; "
        "postgresql://user:pass@host/db for teams)",
    )
    serve.add_argument(
        "--data-dir",
        type=Path,
        default=Path("newstrace-data"),
        help="uploads, cached ledgers and the default SQLite file",
    )
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--token", help="required to serve beyond loopback (or NEWSTRACE_TOKEN)")
    serve.add_argument("--max-upload-mb", type=int, default=500, help="largest corpus upload")
    serve.add_argument("--job-timeout", type=float, default=3600, help="seconds per trace job")
    serve.add_argument("-j", "--jobs", type=int, default=1, help="processes per trace job")

    evaluate = commands.add_parser("eval", help="accuracy on a labelled data set")
    evaluate.add_argument("task", help="attribution, certainty, factuality, weasel, ...")
    evaluate.add_argument("--data", type=Path, required=True, help="file or folder to score")
    evaluate.add_argument("--predictions", type=Path, help="write one JSON line per item here")
    evaluate.add_argument("--drift", type=Path, help="trace: gold drift lines (JSONL)")
    return parser


def _render(ledger: Ledger, fmt: str) -> str:
    if fmt == "json":
        from newstrace.serialize import dumps

        return dumps(ledger)
    if fmt == "html":
        from newstrace.report.html import render_html

        return render_html(ledger)
    from newstrace.report.text import render_text

    return render_text(ledger)


def _is_single(source: str) -> bool:
    from newstrace.ingest.files import corpus_reader

    path = Path(source)
    return source == "-" or (path.is_file() and corpus_reader(path) is None)


def _safe_name(name: str) -> str:
    return re.sub(r"[^\w.-]+", "_", name).strip("._") or "article"


def _progress(console: Console) -> Progress:
    return Progress(
        TextColumn("[bold]analysing"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    )


def _analyzed(items: Iterable, jobs: int) -> Iterator[tuple]:
    """Each input item with its result, streamed: only the items in flight are held."""
    from newstrace.engines.local import analyze_stream

    in_flight: deque = deque()

    def inputs():
        for item in items:
            in_flight.append(item)
            yield item.article if item.article is not None else item.error

    for result in analyze_stream(inputs(), n_process=jobs):
        yield in_flight.popleft(), result


def _index_row(item, result, output: str | None) -> dict:
    row = {"name": item.name, "origin": item.origin, "warnings": list(item.warnings)}
    if isinstance(result, NewstraceError):
        return {**row, "status": "error", "error": {"code": result.code, "message": result.message}}
    return {
        **row,
        "status": "ok",
        "output": output,
        "warnings": row["warnings"] + list(result.warnings),
    }


def _run_batch(args: argparse.Namespace, err: Console) -> int:
    from newstrace.ingest import read_inputs

    items = read_inputs(args.input)
    rows = []
    if args.output:
        args.output.mkdir(parents=True, exist_ok=True)
    with _progress(err) as progress:
        task = progress.add_task("analyse", total=None)
        for item, result in _analyzed(items, args.jobs):
            output = None
            if not isinstance(result, NewstraceError):
                text = _render(result, args.format)
                if args.output:
                    output = _safe_name(item.name) + _SUFFIX[args.format]
                    (args.output / output).write_text(text, encoding="utf-8")
                else:
                    print(json.dumps(json.loads(text)) if args.format == "json" else text)
            rows.append(_index_row(item, result, output))
            progress.advance(task)
    failed = [row for row in rows if row["status"] == "error"]
    if args.output:
        index = {"schema": "newstrace.index/1", "newstrace": __version__, "inputs": rows}
        (args.output / "index.json").write_text(json.dumps(index, indent=2), encoding="utf-8")
    for row in failed:
        error = row["error"]
        err.print(
            f"[red]failed[/red] {row['origin']}: [{error['code']}] {error['message']}",
            highlight=False,
        )
    err.print(
        f"{len(rows) - len(failed)} analysed, {len(failed)} failed"
        + (f"; index: {args.output / 'index.json'}" if args.output else "")
    )
    return EXIT_PARTIAL if failed else 0


def _run_analyze(args: argparse.Namespace, err: Console) -> int:
    if args.format == "html" and not args.output and not _is_single(args.input):
        err.print("[E001] --format html for several articles needs -o OUTDIR")
        return 2
    if args.output or not _is_single(args.input):
        return _run_batch(args, err)
    from newstrace import analyze
    from newstrace.ingest import read_item

    item = read_item(args.input)
    ledger = analyze(item.article)
    for warning in item.warnings + ledger.warnings:
        err.print(f"[yellow]warning[/yellow]: {warning}")
    if args.format == "text":
        from newstrace.report.text import print_ledger

        print_ledger(ledger, Console())
    else:
        print(_render(ledger, args.format))
    return 0


def _run_trace(args: argparse.Namespace, err: Console) -> int:
    from newstrace.trace.cache import LedgerCache

    args.output.mkdir(parents=True, exist_ok=True)
    if args.engine == "spark":
        trace, failed = _trace_on_spark(args, err)
        if trace is None:
            return EXIT_PARTIAL if failed else 0
    else:
        from newstrace.engines.local import trace_corpus

        with _progress(err) as progress:
            task = progress.add_task("analyse", total=None)
            trace = trace_corpus(
                args.corpus,
                LedgerCache(args.cache or args.output / "cache"),
                n_process=args.jobs,
                on_start=lambda total: progress.update(task, total=total),
                on_article=lambda article, result: progress.advance(task),
            )
    return _write_trace(trace, args.output, err)


def _trace_on_spark(args: argparse.Namespace, err: Console):
    """(the trace, or None when it is too large to hold; the failed article count).

    The Parquet tables are always written, under ``OUTDIR/parquet``."""
    try:
        from newstrace.engines.spark import SMALL_TRACE, spark_session, trace_on_spark
    except ImportError as error:
        raise NewstraceError(
            f"the Spark engine needs pyspark ({error}): pip install 'newstrace[spark]'"
        ) from error
    local = not args.master or args.master.startswith("local")
    cache = args.cache or (args.output / "cache" if local else None)
    err.print(f"tracing on Spark ({args.master or 'local[*]'}) ...")
    spark = spark_session(args.master)
    try:
        result = trace_on_spark(
            spark,
            str(args.corpus),
            partitions=args.partitions,
            cache=str(cache) if cache else None,
        )
        tables = args.output / "parquet"
        result.write_parquet(spark, str(tables))
        err.print(f"Parquet tables: {tables}")
        total = result.count()
        if total <= SMALL_TRACE:
            return result.collect(), None
        failed = result.failed()
        err.print(
            f"{total:,} articles ({failed:,} failed): more than {SMALL_TRACE:,}, so no "
            "trace.json or report.html; read the Parquet tables"
        )
        return None, failed
    finally:
        spark.stop()


def _write_trace(trace, output: Path, err: Console) -> int:
    """trace.json, report.html and edges.csv in ``output``, a summary on the terminal."""
    from newstrace.report.edges import write_edges
    from newstrace.report.trace_html import render_trace_html
    from newstrace.report.trace_text import print_trace
    from newstrace.serialize import dumps_trace

    (output / "trace.json").write_text(dumps_trace(trace), encoding="utf-8")
    (output / "report.html").write_text(render_trace_html(trace), encoding="utf-8")
    edges = write_edges(trace, output / "edges.csv")
    print_trace(trace, Console())
    failed = [a for a in trace.articles if a.status.value == "error"]
    for article in failed:
        assert article.error is not None
        err.print(
            f"[red]failed[/red] {article.id}: [{article.error[0]}] {article.error[1]}",
            highlight=False,
        )
    drift = sum(len(story.drift) for story in trace.stories)
    err.print(
        f"{len(trace.articles) - len(failed)} articles traced, {len(failed)} failed; "
        f"{len(trace.stories)} stories, {edges} copy/citation links, {drift} drift events\n"
        f"report: {output / 'report.html'}"
    )
    return EXIT_PARTIAL if failed else 0


def _run_serve(args: argparse.Namespace, err: Console) -> int:
    import uvicorn

    from newstrace.web.app import create_app
    from newstrace.web.settings import Settings, token_from_env

    settings = Settings(
        data_dir=args.data_dir,
        db_url=args.db,
        host=args.host,
        token=token_from_env(args.token),
        max_upload_bytes=args.max_upload_mb * 1_000_000,
        job_timeout_s=args.job_timeout,
        job_processes=args.jobs,
    ).check()
    app = create_app(settings)
    err.print(
        f"newstrace serving on http://{args.host}:{args.port}/ (store: {settings.database})",
        highlight=False,
    )
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


def _run_eval(args: argparse.Namespace) -> int:
    from newstrace.eval import evaluate

    print(json.dumps(evaluate(args.task, args.data, args.predictions, drift=args.drift)))
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    err = Console(stderr=True)
    try:
        if args.command == "analyze":
            return _run_analyze(args, err)
        if args.command == "trace":
            return _run_trace(args, err)
        if args.command == "serve":
            return _run_serve(args, err)
        return _run_eval(args)
    except NewstraceError as error:
        err.print(f"[red]error[/red]: {error}", highlight=False)
        return error.exit_code


if __name__ == "__main__":
    sys.exit(main())
