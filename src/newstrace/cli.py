"""The ``newstrace`` command: parse arguments, call the library, map outcomes to exit codes.

Nothing here analyses or decides anything: every command is a few lines of glue over the
front door (:mod:`newstrace.api`), so the CLI, the Python API and the web app give the same
results. Run as a script it is also the entry point ``spark-submit`` is given::

    spark-submit --master yarn "$(python -c 'import newstrace.cli as c; print(c.__file__)')" \\
        trace hdfs:///news/2026-11.parquet --engine spark -o out/
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

import newstrace
from newstrace._version import __version__
from newstrace.errors import EmptyInputError, MissingExtraError, NewstraceError, UsageError
from newstrace.model import ArticleStatus, Trace
from newstrace.report.files import LEDGER_FORMATS, TraceFiles, render_ledger
from newstrace.serialize import dumps

EXIT_PARTIAL = 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newstrace", description="Who said this, via whom, and how sure were they?"
    )
    parser.add_argument("--version", action="version", version=f"newstrace {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    analyze = commands.add_parser("analyze", help="the claim ledger of articles")
    analyze.add_argument("input", help="a .txt/.html/.json/.jsonl file, a directory, or - (stdin)")
    analyze.add_argument("-o", "--output", type=Path, help="write one file per article here")
    analyze.add_argument("--format", choices=tuple(LEDGER_FORMATS), default="text")
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
        choices=newstrace.api.ENGINES,
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
    serve.add_argument(
        "--token-file",
        type=Path,
        help="a file whose first line is the token that serving beyond loopback requires "
        "(or the NEWSTRACE_TOKEN environment variable)",
    )
    serve.add_argument(
        "--token", help="the token itself: visible to every user in the process list; avoid"
    )
    serve.add_argument(
        "--allowed-host",
        action="append",
        default=[],
        metavar="NAME",
        help="a DNS name the server is reached by, beyond the bound one and localhost "
        "(repeat for more)",
    )
    serve.add_argument("--max-upload-mb", type=int, default=500, help="largest corpus upload")
    serve.add_argument("--job-timeout", type=float, default=3600, help="seconds per trace job")
    serve.add_argument("-j", "--jobs", type=int, default=1, help="processes per trace job")
    serve.add_argument(
        "--workers", type=int, default=2, help="processes analysing posted articles (default 2)"
    )
    serve.add_argument(
        "--upload-quota-mb",
        type=int,
        default=5_000,
        help="disk the uploads of unfinished jobs may hold, over the whole store",
    )

    evaluate = commands.add_parser("eval", help="accuracy on a labelled data set")
    evaluate.add_argument("task", help="attribution, certainty, factuality, weasel, ...")
    evaluate.add_argument("--data", type=Path, required=True, help="file or folder to score")
    evaluate.add_argument("--predictions", type=Path, help="write one JSON line per item here")
    evaluate.add_argument("--drift", type=Path, help="trace: gold drift lines (JSONL)")
    evaluate.add_argument(
        "--articles",
        type=Path,
        help="claims: the articles JSONL the gold claims are in (default: articles.jsonl "
        "beside --data)",
    )
    evaluate.add_argument(
        "--cache", type=Path, help="trace, claims: ledger cache folder, reused across runs"
    )
    evaluate.add_argument(
        "-j", "--jobs", type=int, help="trace, claims: processes analysing (default 1)"
    )
    evaluate.add_argument("--id-field", help="grouping: the field naming each document")
    evaluate.add_argument("--label-field", help="grouping: the field holding its story label")
    evaluate.add_argument("--split", help="grouping: read only lines of this split (dev, ...)")
    return parser


def _progress(console: Console) -> Progress:
    return Progress(
        TextColumn("[bold]analysing"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    )


def _is_single(source: str) -> bool:
    from newstrace.ingest.files import corpus_reader

    path = Path(source)
    return source == "-" or (path.is_file() and corpus_reader(path) is None)


def _run_analyze(args: argparse.Namespace, err: Console) -> int:
    single = _is_single(args.input)
    if args.format == "html" and not args.output and not single:
        raise UsageError("--format html for several articles needs -o OUTDIR")
    if args.output:
        return _write_batch(args, err)
    if not single:
        return _print_batch(args, err)
    from newstrace.ingest import read_item

    item = read_item(args.input)
    ledger = newstrace.analyze(item.loaded())
    for warning in item.warnings + ledger.warnings:
        err.print(f"[yellow]warning[/yellow]: {warning}")
    if args.format == "text":
        from newstrace.report.text import print_ledger

        print_ledger(ledger, Console())
    else:
        print(render_ledger(ledger, args.format))
    return 0


def _write_batch(args: argparse.Namespace, err: Console) -> int:
    with _progress(err) as progress:
        task = progress.add_task("analyse", total=None)
        written = newstrace.analyze_many(args.input, jobs=args.jobs).write(
            args.output, format=args.format, each=lambda _: progress.advance(task)
        )
    _refuse_nothing(args.input, written.inputs)
    for analysed in written.failed:
        _report_failure(err, analysed.item.origin, analysed.error)
    err.print(
        f"{written.inputs - len(written.failed)} analysed, {len(written.failed)} failed; "
        f"index: {written.index_json}"
    )
    return EXIT_PARTIAL if written.failed else 0


def _print_batch(args: argparse.Namespace, err: Console) -> int:
    """Several inputs to stdout: a JSON document per line, or each ledger's view in turn."""
    failed = total = 0
    for analysed in newstrace.analyze_many(args.input, jobs=args.jobs):
        total += 1
        if analysed.ledger is None:
            failed += 1
            _report_failure(err, analysed.item.origin, analysed.error)
        elif args.format == "json":
            print(dumps(analysed.ledger, indent=None))
        else:
            print(render_ledger(analysed.ledger, args.format))
    _refuse_nothing(args.input, total)
    err.print(f"{total - failed} analysed, {failed} failed")
    return EXIT_PARTIAL if failed else 0


def _run_trace(args: argparse.Namespace, err: Console) -> int:
    cache = args.cache or newstrace.api.default_cache(args.output, args.engine, args.master)
    with _progress(err) as progress:
        task = progress.add_task("analyse", total=None)
        if args.engine == "spark":
            err.print(f"tracing on Spark ({args.master or 'local[*]'}) ...")
        result = newstrace.trace(
            args.corpus,
            engine=args.engine,
            cache=cache,
            jobs=args.jobs,
            master=args.master,
            partitions=args.partitions,
            on_start=lambda total: progress.update(task, total=total),
            on_article=lambda article, ledger: progress.advance(task),
        )
    with result:
        _refuse_nothing(args.corpus, result.articles)
        written = result.write(args.output)
        if written.parquet is not None:
            err.print(f"Parquet tables: {written.parquet}")
        if written.files is None:
            err.print(
                f"{result.articles:,} articles ({result.failed:,} failed): too many to hold in "
                "memory, so no trace.json or report.html; read the Parquet tables"
            )
            return EXIT_PARTIAL if result.failed else 0
        return _summarise_trace(result.trace, written.files, err)


def _summarise_trace(trace: Trace, files: TraceFiles, err: Console) -> int:
    """The stories on the terminal, then each failed input and the counts."""
    from newstrace.report.trace_text import print_trace

    print_trace(trace, Console())
    failed = [a for a in trace.articles if a.status == ArticleStatus.ERROR]
    foreign = [a for a in trace.articles if a.status == ArticleStatus.OTHER_LANGUAGE]
    for article in failed:
        code, message = article.error or ("", "")
        err.print(f"[red]failed[/red] {article.id}: [{code}] {message}", highlight=False)
    for article in foreign:
        code, message = article.error or ("", "")
        where = f"placed in {article.story_id}" if article.story_id else "in no story"
        err.print(
            f"[yellow]not analysed[/yellow] {article.id}: [{code}] {message}; {where} by the "
            "names and numbers it shares",
            highlight=False,
        )
    drift = sum(len(story.drift) for story in trace.stories)
    traced = len(trace.articles) - len(failed) - len(foreign)
    err.print(
        f"{traced} articles traced, {len(failed)} failed"
        + (f", {len(foreign)} in another language (not analysed)" if foreign else "")
        + f"; {len(trace.stories)} stories, {files.edges} copy/citation links, "
        f"{drift} drift events\nreport: {files.report_html}"
    )
    return EXIT_PARTIAL if failed or foreign else 0


def _refuse_nothing(source: str, inputs: int) -> None:
    """A folder or corpus with no article in it (not even a failed one) is a mistake to say,
    not a run to report as done."""
    if inputs == 0:
        raise EmptyInputError(f"{source}: no article found in it (no file, line or row)")


def _report_failure(err: Console, origin: str, error: NewstraceError | None) -> None:
    assert error is not None  # only failed inputs are reported
    err.print(f"[red]failed[/red] {origin}: [{error.code}] {error.message}", highlight=False)


def _run_serve(args: argparse.Namespace, err: Console) -> int:
    try:
        import uvicorn

        from newstrace.web.app import create_app
        from newstrace.web.settings import Settings, read_token
    except ImportError as error:
        raise MissingExtraError(
            f"newstrace serve needs the web stack ({error}): pip install 'newstrace[web]'"
        ) from error

    if args.token:
        err.print(
            "[yellow]warning[/yellow]: --token shows the token to every user of this machine "
            "(ps); use --token-file or the NEWSTRACE_TOKEN environment variable",
            highlight=False,
        )
    settings = Settings(
        data_dir=args.data_dir,
        db_url=args.db,
        host=args.host,
        token=args.token or read_token(args.token_file),
        allowed_hosts=tuple(args.allowed_host),
        max_upload_bytes=args.max_upload_mb * 1_000_000,
        job_timeout_s=args.job_timeout,
        job_processes=args.jobs,
        analysis_workers=args.workers,
        upload_quota_bytes=args.upload_quota_mb * 1_000_000,
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

    options = {
        "drift": args.drift,
        "articles": args.articles,
        "cache": args.cache,
        "jobs": args.jobs,
        "id_field": args.id_field,
        "label_field": args.label_field,
        "split": args.split,
    }
    print(json.dumps(evaluate(args.task, args.data, args.predictions, **options)))
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
