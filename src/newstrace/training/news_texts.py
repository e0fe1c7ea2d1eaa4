"""The real news texts in ``../shared`` that text-free labels name, by article id.

Labels in ``bench/data`` (claims, sources, credits) hold offsets and each text's SHA-1, never
words; this reads the texts they point into: SemEval news-similarity pairs, GVC documents, the
GVA crawl and ECB+ documents (detokenized, as a page would print them). The benchmarks and
``training/source_check.py`` share it.
"""

from __future__ import annotations

import csv
import json
import os
import re
import sys
from pathlib import Path

_REPO = Path(__file__).resolve().parents[3]


def shared_dir() -> Path:
    """``$NEWSTRACE_SHARED``, by default ``../shared`` beside the repo: where the recipes
    find the public datasets and these texts."""
    return Path(os.environ.get("NEWSTRACE_SHARED", _REPO.parent / "shared"))


SEMEVAL = "datasets/news-similarity/training_set.csv"
GVC = "datasets/gvc/gvc_docs.jsonl"
CRAWL = "datasets/gvc/gva_crawl_train.jsonl"
ECBPLUS = "datasets/ecbplus/docs.jsonl"

# ECB+ ships its texts tokenized ("the actress 's rep told People ."); these undo it so
# the ledger reads them as a page would print them
_DETOKENIZE = [
    (re.compile(r"``\s*"), '"'),
    (re.compile(r"\s*''"), '"'),
    (re.compile(r" ([,.;:!?%)\]]|n't|'s|'re|'ve|'ll|'d|'m)(?=\s|$|[,.;:!?\"')])"), r"\1"),
    (re.compile(r"([($\[]) "), r"\1"),
]


def detokenize(text: str) -> str:
    """ECB+'s space-joined tokens as running text (quotes, clitics and punctuation closed up)."""
    for pattern, replacement in _DETOKENIZE:
        text = pattern.sub(replacement, text)
    return text


def load_texts(shared: Path) -> dict[str, dict[str, str]]:
    """Every text a label may name, by article id: ``{"text", "title", "url"}`` (SemEval's
    and ECB+'s texts come without title or address; ECB+'s, ``ecbplus-<doc_id>``, are
    detokenized)."""
    texts: dict[str, dict[str, str]] = {}
    csv.field_size_limit(sys.maxsize)
    with open(shared / SEMEVAL, encoding="utf-8", newline="") as stream:
        for row in csv.DictReader(stream):
            if row["lang1"] == row["lang2"] == "en":
                for side in ("1", "2"):
                    texts[f"semeval-{row['pair_id']}-{side}"] = {"text": row[f"text{side}"]}
    with open(shared / GVC, encoding="utf-8") as stream:
        for line in stream:
            row = json.loads(line)
            texts[f"gvc-{row['doc_id']}"] = {
                "text": row["content"],
                "title": row["title"],
                "url": row["uri"],  # the page's address, as a user gives it with the text
            }
    with open(shared / CRAWL, encoding="utf-8") as stream:
        for line in stream:
            row = json.loads(line)
            crawled = {"text": row["content"] or "", "title": row["title"], "url": row["uri"]}
            texts.setdefault(f"gvacrawl-{row['doc_id']}", crawled)  # a doc_id's first line
    with open(shared / ECBPLUS, encoding="utf-8") as stream:
        for line in stream:
            row = json.loads(line)
            texts[f"ecbplus-{row['doc_id']}"] = {"text": detokenize(row["text"])}
    return texts
