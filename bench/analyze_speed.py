"""Speed of the claim ledger against a bare spaCy parse of the same articles.

Reads news articles from PolNeAR's text folders in ../shared (real news, 300-2,000 words),
parses them with the bare spaCy pipeline, then builds the full ledger of each, in the same
process and with the same number of processes, and prints one JSON line: articles/s of each,
the ratio ledger/parse (target <= 2, goal 1.3) and the peak resident memory.

    .venv/bin/python bench/analyze_speed.py [--articles 500] [--jobs 2]
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

from newstrace.analyze.nlp import load_nlp
from newstrace.engines.local import analyze_stream
from newstrace.errors import NewstraceError
from newstrace.model import Article

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared/datasets/polnear"


def _texts(corpus: Path, limit: int) -> list[str]:
    files = sorted(corpus.glob("*/text/*.txt"))
    if len(files) < limit:
        raise SystemExit(f"need {limit} articles under {corpus}/*/text, found {len(files)}")
    return [f.read_text(encoding="utf-8") for f in files[:limit]]


def _peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return round(max(own, children) / 1024, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    texts = _texts(args.corpus, args.articles)
    words = sum(len(t.split()) for t in texts)

    start = time.perf_counter()
    parsed = sum(1 for _ in load_nlp().pipe(texts, batch_size=16, n_process=args.jobs))
    assert parsed == len(texts)
    parse_s = time.perf_counter() - start

    start = time.perf_counter()
    results = list(analyze_stream((Article(t) for t in texts), n_process=args.jobs))
    ledger_s = time.perf_counter() - start
    failed = sum(isinstance(r, NewstraceError) for r in results)
    claims = sum(len(r.claims) for r in results if not isinstance(r, NewstraceError))

    print(
        json.dumps(
            {
                "articles": len(texts),
                "words": words,
                "jobs": args.jobs,
                "parse_articles_per_s": round(len(texts) / parse_s, 2),
                "ledger_articles_per_s": round(len(texts) / ledger_s, 2),
                "ratio_ledger_to_parse": round(ledger_s / parse_s, 2),
                "claims": claims,
                "failed": failed,
                "peak_rss_mb": _peak_mb(),
            }
        )
    )


if __name__ == "__main__":
    main()
