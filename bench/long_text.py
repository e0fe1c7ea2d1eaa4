"""Time and peak memory of the ledger of one long article, against one a fifth as long.

Two kinds of text: real news (PolNeAR articles from ../shared, joined with blank lines until
the length is reached) and one news paragraph repeated (the worst case the serve issue
found). Each size is analysed in a fresh process, so that peak memory is that article's
alone. Prints one JSON line per text and size, then the ratios the claim ledger's issue
sets targets for (time at 1,000,000 characters / time at 200,000 <= 6; peak <= 1.5 GB).

    .venv/bin/python bench/long_text.py [--sizes 200000 1000000] [--kinds news repeated]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

SHARED = Path(os.environ.get("NEWSTRACE_SHARED") or Path(__file__).resolve().parents[2] / "shared")
CORPUS = SHARED / "datasets/polnear"


def text_of(kind: str, size: int) -> str:
    """``size`` characters of real news, or of one real paragraph repeated."""
    files = sorted(CORPUS.glob("*/text/*.txt"))
    if not files:
        raise SystemExit(f"no PolNeAR texts under {CORPUS}/*/text")
    if kind == "repeated":
        paragraph = max(files[0].read_text(encoding="utf-8").split("\n\n"), key=len)
        return ((paragraph.strip() + "\n\n") * (size // len(paragraph) + 1))[:size]
    parts, length = [], 0
    for path in files:
        if length >= size:
            break
        part = path.read_text(encoding="utf-8").strip() + "\n\n"
        parts.append(part)
        length += len(part)
    return "".join(parts)[:size]


def measure(kind: str, size: int) -> dict:
    """Analyse one text in this process: seconds, peak resident MB, claims."""
    from newstrace.analyze.pipeline import Analyzer
    from newstrace.model import Article

    analyzer = Analyzer()
    analyzer("Warm-up: officials said the bridge will reopen.")  # load models outside the clock
    text = text_of(kind, size)
    started = time.perf_counter()
    ledger = analyzer(Article(text, id=f"{kind}-{size}"))
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "kind": kind,
        "chars": len(text),
        "seconds": round(seconds, 1),
        "peak_mb": round(peak),
        "claims": len(ledger.claims),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200_000, 1_000_000])
    parser.add_argument("--kinds", nargs="+", default=["news", "repeated"])
    parser.add_argument("--one", nargs=2, metavar=("KIND", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one[0], int(args.one[1]))))
        return
    for kind in args.kinds:
        rows = []
        for size in args.sizes:
            command = [sys.executable, __file__, "--one", kind, str(size)]
            done = subprocess.run(command, capture_output=True, text=True, check=True)
            rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
            print(json.dumps(rows[-1]), flush=True)
        first, last = rows[0], rows[-1]
        print(
            json.dumps(
                {
                    "kind": kind,
                    "time_ratio": round(last["seconds"] / first["seconds"], 2),
                    "size_ratio": round(last["chars"] / first["chars"], 2),
                    "peak_mb": last["peak_mb"],
                }
            ),
            flush=True,
        )


if __name__ == "__main__":
    main()
