"""How the story trace grows with corpus size: 10k and 40k synthetic articles, cold and cached.

For each size a seeded synthetic corpus (``synth_corpus.py``) is written, then traced twice
in a fresh child process each: cold (empty ledger cache: every article is analysed) and
cached (the same cache: only the corpus-wide stages run). Each run reports wall time, peak
resident memory (the process tree) and the story count; the growth exponent between the two
sizes is log(t_large / t_small) / log(large / small) (1.0 = linear). An all-pairs baseline
traces a small corpus with the candidate generation replaced by every pair, to show the gap.
Prints one JSON line. ``--reuse-cache`` keeps the ledger caches of an earlier run and
measures only the cached trace: for changes to the corpus-wide stages, whose cold runs
would repeat the (unchanged, linear) analysis.

    .venv/bin/python bench/trace_scale.py [--sizes 10000 40000] [--jobs 2] [--baseline 2000]
        [--reuse-cache]
"""

from __future__ import annotations

import argparse
import itertools
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

from scale_runs import growth_exponents, peak_mb, write_corpus


def _one_run(corpus: Path, cache: Path, jobs: int, all_pairs: bool) -> dict:
    """Trace once in this process and report; ``all_pairs`` swaps in the all-pairs baseline."""
    import newstrace
    from newstrace.engines import local
    from newstrace.eval.trace import read_gold, score

    if all_pairs:  # the baseline: every pair measured, no blocking

        def every_pair(weighed, options):
            return set(itertools.combinations(range(len(weighed)), 2))

        local.copy_candidates = local.story_candidates = every_pair
    start = time.perf_counter()
    trace = newstrace.trace(corpus, cache=cache, jobs=jobs).trace
    seconds = time.perf_counter() - start
    measured = {
        "seconds": round(seconds, 2),
        "articles_per_s": round(len(trace.articles) / seconds, 1),
        "peak_mb": peak_mb(),
        "stories": len(trace.stories),
        "largest_story": max(len(s.article_ids) for s in trace.stories),
    }
    quality = score(trace, read_gold(corpus), None)
    return measured | {k: quality[k] for k in ("grouping_f1", "copy_f1", "origin_accuracy")}


def _run(corpus: Path, cache: Path, jobs: int, all_pairs: bool = False) -> dict:
    command = [
        sys.executable,
        __file__,
        "--one",
        str(corpus),
        "--cache",
        str(cache),
        "--jobs",
        str(jobs),
    ] + (["--all-pairs"] if all_pairs else [])
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 40_000])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--baseline", type=int, default=2_000, help="0: no all-pairs run")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--reuse-cache", action="store_true", help="keep earlier caches; cached runs only"
    )
    parser.add_argument("--workdir", type=Path, default=Path("build/bench-trace"))
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--cache", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--all-pairs", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(_one_run(args.one, args.cache, args.jobs, args.all_pairs)))
        return
    args.workdir.mkdir(parents=True, exist_ok=True)
    result: dict = {"jobs": args.jobs, "seed": args.seed}
    for size in sorted(set(args.sizes) | ({args.baseline} if args.baseline else set())):
        corpus = args.workdir / f"corpus-{size}.jsonl"
        cache = args.workdir / f"cache-{size}"
        write_corpus(corpus, size, args.seed)
        runs = {}
        if not (args.reuse_cache and cache.is_dir()):
            shutil.rmtree(cache, ignore_errors=True)
            runs["cold"] = _run(corpus, cache, args.jobs)
        runs["cached"] = _run(corpus, cache, args.jobs)
        if args.baseline and size == args.baseline:
            runs["all_pairs_cached"] = _run(corpus, cache, args.jobs, all_pairs=True)
        result[str(size)] = runs
        print(json.dumps({str(size): runs}), file=sys.stderr, flush=True)
    if len(args.sizes) >= 2:
        result["growth_exponent"] = growth_exponents(result, args.sizes, ("cold", "cached"))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
