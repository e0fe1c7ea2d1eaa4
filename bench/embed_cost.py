"""What the trace's sentence embeddings cost against the parse, on one corpus.

Analyses every article (one process, no cache), then encodes each article's head (the
gist, :func:`newstrace.trace.embed.gists`) and each distinct claim text outside page chrome
(what drift pairs by meaning), with no cache either. Prints one JSON line with the seconds
of each and their ratios to the parse.

    .venv/bin/python bench/embed_cost.py CORPUS.jsonl
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from newstrace.api import analyze_many
from newstrace.trace.embed import gists, head_of, sentence_encoder
from newstrace.trace.story import without_chrome


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.corpus.read_text(encoding="utf-8").splitlines()]
    sentence_encoder().encode(["warm up"])  # the model loads outside the timings
    started = time.perf_counter()
    ledgers = [a.ledger for a in analyze_many(args.corpus) if a.ledger is not None]
    parse = time.perf_counter() - started
    started = time.perf_counter()
    gists([head_of(row.get("title"), row["text"]) for row in rows])
    heads = time.perf_counter() - started
    claims = list(
        dict.fromkeys(
            " ".join(claim.span.text.split())
            for ledger in ledgers
            for claim in without_chrome(ledger).claims
        )
    )
    started = time.perf_counter()
    gists(claims)
    claimed = time.perf_counter() - started
    print(
        json.dumps(
            {
                "articles": len(rows),
                "parse_s": round(parse, 1),
                "heads_s": round(heads, 1),
                "claims": len(claims),
                "claims_s": round(claimed, 1),
                "heads_over_parse": round(heads / parse, 2),
                "claims_over_parse": round(claimed / parse, 2),
            }
        )
    )


if __name__ == "__main__":
    main()
