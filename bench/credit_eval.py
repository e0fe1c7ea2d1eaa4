"""Score citation finding (who an article credits) on real news, with blind labels.

``bench/data/credit_labels.jsonl`` holds only labels (see ``credit_labels.md``): for 70
articles of the GVC crawl, GVC and ECB+ in ../shared, the outlets each credits, written
blind to the tool; the rules were then mended on their errors, so they are a tune set.
``credit_labels_heldout.jsonl`` (52 other articles, labelled the same way, also blind)
is never tuned on: score it with ``--labels``, and never read its errors. Each text is
analysed (ledgers cached under ``build/credit-cache``) and its citations found as
``newstrace trace`` finds them, with the page's own outlet taken from its URL and its
title (where the data has one). A citation matches a label when both name the same outlet
(:func:`newstrace.ingest.outlet_identity`: "AP" is the Associated Press).

Prints one JSON line: precision, recall and F1 over (article, outlet) pairs, and the share
of articles labelled with no credit that are said to credit one; ``--errors`` lists misses.

    .venv/bin/python bench/credit_eval.py [--shared ../shared] [--errors] [--labels FILE]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from newstrace.api import analyze
from newstrace.ingest import outlet_from_url, outlet_identity
from newstrace.ingest.chrome import chrome_spans
from newstrace.model import Article
from newstrace.trace.cache import LedgerCache
from newstrace.trace.citations import OutletNames, find_citations

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "bench" / "data" / "credit_labels.jsonl"
# source -> (file under ../shared, id field, text field, url field)
FILES = {
    "gvc-crawl": ("datasets/gvc/gva_crawl_train.jsonl", "uri", "content", "uri"),
    "gvc": ("datasets/gvc/gvc_docs.jsonl", "doc_id", "content", "uri"),
    "ecbplus": ("datasets/ecbplus/docs.jsonl", "doc_id", "text", "url"),
}


def load_articles(shared: Path, wanted: set[tuple[str, str]]) -> dict[tuple[str, str], Article]:
    articles: dict[tuple[str, str], Article] = {}
    for source, (path, id_field, text_field, url_field) in FILES.items():
        with open(shared / path, encoding="utf-8") as stream:
            for raw in stream:
                record = json.loads(raw)
                key = (source, str(record[id_field]))
                if key in wanted and key not in articles:
                    url = record.get(url_field)
                    url = url if url and url != "None" else None
                    outlet = outlet_from_url(url) if url else None
                    articles[key] = Article(
                        record[text_field] or "",
                        id=key[1],
                        title=record.get("title"),
                        url=url,
                        outlet=outlet,
                    )
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--errors", action="store_true")
    parser.add_argument(
        "--labels",
        type=Path,
        default=LABELS,
        help="credit_labels.jsonl (tuned on) or credit_labels_heldout.jsonl (never tuned on)",
    )
    args = parser.parse_args()
    labels = [json.loads(line) for line in args.labels.read_text(encoding="utf-8").splitlines()]
    articles = load_articles(args.shared, {(row["source"], row["id"]) for row in labels})
    cache = LedgerCache(ROOT / "build" / "credit-cache")
    hits = predicted = gold = alarms = empty = 0
    for row in labels:
        article = articles[(row["source"], row["id"])]
        ledger = cache.get(article) or analyze(article)
        cache.put(ledger)
        found = find_citations(ledger, OutletNames(()), row["id"], chrome_spans(article.text))
        mine = {outlet_identity(c.cited): c.cited for c in found}
        truth = {outlet_identity(name): name for name in row["cites"]}
        hits += len(mine.keys() & truth.keys())
        predicted += len(mine)
        gold += len(truth)
        if not truth:
            empty += 1
            alarms += bool(mine)
        if args.errors and mine.keys() != truth.keys():
            print(
                row["source"],
                row["id"][-60:],
                "gold",
                sorted(truth.values()),
                "found",
                sorted(mine.values()),
            )
    p = hits / predicted if predicted else 0.0
    r = hits / gold if gold else 0.0
    print(
        json.dumps(
            {
                "articles": len(labels),
                "gold_credits": gold,
                "predicted": predicted,
                "p": round(p, 3),
                "r": round(r, 3),
                "f1": round(2 * p * r / (p + r) if p + r else 0, 3),
                "no_credit_articles": empty,
                "false_alarm_rate": round(alarms / empty, 3) if empty else 0,
            }
        )
    )


if __name__ == "__main__":
    main()
