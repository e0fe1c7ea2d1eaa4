"""Where a cached trace spends its time: each corpus-wide stage, and stories by size.

Times one trace of CORPUS with the ledger cache CACHE (``bench/trace_scale.py`` writes both),
wrapping the stage functions :mod:`newstrace.engines.local` calls, and each story's build
with its number of versions. Prints one JSON line: seconds per stage, then the stories
built, in bands of size (count, versions, seconds), and the five largest (versions,
seconds). A story's cost that grows faster than its size shows as seconds per version
rising from band to band.

    .venv/bin/python bench/trace_stages.py CORPUS CACHE [--jobs 2]
"""

from __future__ import annotations

import argparse
import importlib
import json
import time
from pathlib import Path

import newstrace

STAGES = ("weigh_corpus", "find_copies", "story_candidates", "join_groups", "group_stories")
BANDS = ((1, 2), (2, 10), (10, 60), (60, 200), (200, None))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("cache", type=Path)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    local = importlib.import_module("newstrace.engines.local")
    story = importlib.import_module("newstrace.trace.story")
    seconds: dict[str, float] = {}
    built: list[tuple[int, float]] = []

    def timed(module, name: str, sizes: bool = False) -> None:
        inner = getattr(module, name)

        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return inner(*args, **kwargs)
            finally:
                took = time.perf_counter() - start
                seconds[name] = seconds.get(name, 0.0) + took
                if sizes:
                    built.append((len(args[1]), took))

        setattr(module, name, wrapper)

    for name in STAGES:
        timed(local, name)
    timed(story, "build_story", sizes=True)
    start = time.perf_counter()
    newstrace.trace(args.corpus, cache=args.cache, jobs=args.jobs)
    result: dict = {"total": round(time.perf_counter() - start, 1)}
    result |= {name: round(value, 1) for name, value in seconds.items()}
    for low, high in BANDS:
        band = [(n, s) for n, s in built if n >= low and (high is None or n < high)]
        if band:
            result[f"stories_{low}_{high or 'up'}"] = {
                "stories": len(band),
                "versions": sum(n for n, _ in band),
                "seconds": round(sum(s for _, s in band), 1),
            }
    result["largest"] = [[n, round(s, 2)] for n, s in sorted(built, reverse=True)[:5]]
    print(json.dumps(result))


if __name__ == "__main__":
    main()
