"""The Spark engine against the local engine on synthetic corpora, by size and partitions.

For each size a seeded synthetic corpus (``synth_corpus.py``) is traced by the local engine
and by the Spark engine on ``--master`` (default ``local[2]``) with each partition count,
every run in a fresh child process. A Spark run does what ``newstrace trace --engine
spark`` does: it traces (``traced_s``: copies and stories joined), writes the Parquet
tables (``until_parquet_s``), then collects the trace on the driver. Runs share one ledger
cache per size: when it lacks any article's ledger, a first local run (``local_cold``)
analyses what is missing, so the measured runs only read ledgers and run the corpus-wide
stages (the analysis, linear per core, is measured by the cold runs of ``trace_scale.py``).
Each run reports wall time, articles per second, peak resident memory of its process tree,
the story count and a digest of its ``trace.json``: Spark's digest must equal the local
engine's. Prints one JSON line.

    .venv/bin/python bench/spark_scale.py [--sizes 50000 200000] [--partitions 2 4 8]
        [--master local[2]] [--jobs 2] [--workdir build/bench-trace]
    .venv/bin/python bench/spark_scale.py --one CORPUS --cache CACHE --engine spark
        [--partitions 0]      # one run only; compare its digest with a local run's
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scale_runs import growth_exponents, peak_mb, write_corpus


def _one_run(corpus: Path, cache: Path, engine: str, jobs: int, master: str, partitions: int):
    """Trace once in this process and report."""
    from newstrace.serialize import dumps_trace

    start = time.perf_counter()
    traced_s = parquet_s = None
    if engine == "local":
        import newstrace

        trace = newstrace.trace(corpus, cache=cache, jobs=jobs).trace
    else:
        from newstrace.engines.spark import spark_session, trace_on_spark
        from newstrace.trace.options import DEFAULT_OPTIONS

        spark = spark_session(master, app_name="newstrace-bench")
        spark.sparkContext.setLogLevel("ERROR")
        result = trace_on_spark(
            spark, str(corpus), DEFAULT_OPTIONS, partitions=partitions, cache=str(cache)
        )
        traced_s = round(time.perf_counter() - start, 2)  # copies and stories are joined by now
        with tempfile.TemporaryDirectory(dir=cache.parent) as tables:
            result.write_parquet(spark, tables)  # what `newstrace trace --engine spark` does
            parquet_s = round(time.perf_counter() - start, 2)
        trace = result.collect()
        spark.stop()
    seconds = time.perf_counter() - start
    return {
        "seconds": round(seconds, 2),
        "traced_s": traced_s,
        "until_parquet_s": parquet_s,
        "articles_per_s": round(len(trace.articles) / seconds, 1),
        "peak_mb": peak_mb(),
        "stories": len(trace.stories),
        "largest_story": max(len(s.article_ids) for s in trace.stories),
        "digest": hashlib.sha256(dumps_trace(trace).encode()).hexdigest()[:16],
    }


def _all_cached(corpus: Path, cache: Path) -> bool:
    """Whether the cache holds every article's ledger, under the key the trace will look up
    (the outlet named as the trace names it)."""
    from newstrace.ingest import read_inputs
    from newstrace.trace.cache import LedgerCache
    from newstrace.trace.index import OutletVotes, with_outlet

    ledgers = LedgerCache(cache)
    hosts = OutletVotes.of(read_inputs(corpus)).hosts()
    articles = (with_outlet(item, hosts).article for item in read_inputs(corpus))
    return all(article is None or article in ledgers for article in articles)


def _run(corpus: Path, cache: Path, engine: str, args, partitions: int = 0) -> dict:
    command = [sys.executable, __file__, "--one", str(corpus), "--cache", str(cache)]
    command += ["--engine", engine, "--jobs", str(args.jobs), "--master", args.master]
    command += ["--partitions", str(partitions)]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:  # one failed run is a figure too, and the others still run
        return {"failed": done.stderr.strip().splitlines()[-20:]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50_000, 200_000])
    parser.add_argument("--partitions", type=int, nargs="+", default=[2, 4, 8])
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--jobs", type=int, default=2, help="local engine processes")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", type=Path, default=Path("build/bench-trace"))
    parser.add_argument(
        "--one",
        type=Path,
        help="trace only this corpus once, with --engine, --cache and the "
        "first --partitions (0: the engine's default), and print that run",
    )
    parser.add_argument("--cache", type=Path, help="ledger cache folder for --one")
    parser.add_argument("--engine", default="local", choices=["local", "spark"])
    args = parser.parse_args()
    if args.one:
        partitions = args.partitions[0]
        run = _one_run(args.one, args.cache, args.engine, args.jobs, args.master, partitions)
        print(json.dumps(run))
        return
    args.workdir.mkdir(parents=True, exist_ok=True)
    result: dict = {"master": args.master, "jobs": args.jobs, "seed": args.seed}
    for size in sorted(args.sizes):
        corpus = args.workdir / f"corpus-{size}.jsonl"
        cache = args.workdir / f"cache-{size}"
        write_corpus(corpus, size, args.seed)
        runs = {}
        if not _all_cached(corpus, cache):
            runs["local_cold"] = _run(corpus, cache, "local", args)
        runs["local"] = _run(corpus, cache, "local", args)
        print(json.dumps({str(size): runs}), file=sys.stderr, flush=True)
        for partitions in args.partitions:
            run = _run(corpus, cache, "spark", args, partitions)
            if "digest" in run:
                run["same_as_local"] = run["digest"] == runs["local"].get("digest")
            runs[f"spark_{partitions}"] = run
            print(
                json.dumps({str(size): {f"spark_{partitions}": run}}), file=sys.stderr, flush=True
            )
        result[str(size)] = runs
    if len(args.sizes) >= 2:
        modes = [m for m in result[str(min(args.sizes))] if m != "local_cold"]
        result["growth_exponent"] = growth_exponents(result, args.sizes, modes)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
