"""What the scale benchmarks share: a seeded synthetic corpus on disk, the peak memory of a
run's process tree, and the growth exponent between the smallest and largest corpus."""

from __future__ import annotations

import json
import math
import resource
import sys
from collections.abc import Iterable
from pathlib import Path

BENCH = Path(__file__).resolve().parent


def write_corpus(path: Path, size: int, seed: int) -> None:
    """``size`` articles of the seeded generator as JSONL (same seed, same corpus)."""
    sys.path.insert(0, str(BENCH))
    from synth_corpus import generate

    with path.open("w", encoding="utf-8") as out:
        for article, _drift in generate(size, seed):
            out.write(json.dumps(article, ensure_ascii=False) + "\n")


def peak_mb() -> float:
    """Peak resident memory of this process and its finished children, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return round(max(own, children) / 1024, 1)


def growth_exponents(result: dict, sizes: Iterable[int], modes: Iterable[str]) -> dict[str, float]:
    """log(t_large / t_small) / log(large / small) for each mode measured at both ends
    (1.0 = linear)."""
    small, large = min(sizes), max(sizes)
    ratio = math.log(large / small)
    first, last = result[str(small)], result[str(large)]
    return {
        mode: round(math.log(last[mode]["seconds"] / first[mode]["seconds"]) / ratio, 3)
        for mode in modes
        if "seconds" in first.get(mode, {}) and "seconds" in last.get(mode, {})  # not failed
    }
