"""What finding passages in another language adds to a ledger: milliseconds per article for
the PolNeAR dev articles, and for the long real-news texts of ``long_text.py``.

    .venv/bin/python bench/passages_cost.py [--sizes 200000 1000000]

Prints one JSON line; compare with the ledger's own time (docs/BENCHMARKS.md, "Speed of the
claim ledger" and "Long articles").
"""

from __future__ import annotations

import argparse
import json
import time

from long_text import CORPUS, text_of
from newstrace.ingest import detect_language, foreign_passages


def _ms(text: str, repeat: int) -> float:
    started = time.perf_counter()
    for _ in range(repeat):
        foreign_passages(text)
    return (time.perf_counter() - started) * 1000 / repeat


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200_000, 1_000_000])
    args = parser.parse_args()
    detect_language("Warm-up: the model loads once, outside the clock.")
    articles = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("dev/text/*.txt"))]
    per_article = sum(_ms(text, 3) for text in articles) / len(articles)
    row = {
        "polnear_dev_articles": len(articles),
        "mean_chars": round(sum(map(len, articles)) / len(articles)),
        "ms_per_article": round(per_article, 2),
        **{f"ms_at_{size}_chars": round(_ms(text_of("news", size), 1)) for size in args.sizes},
    }
    print(json.dumps(row))


if __name__ == "__main__":
    main()
