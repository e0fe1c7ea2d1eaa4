"""Score newstrace.ingest.chrome on real pages against hand labels.

The texts stay in ../shared (publishers own them); ``bench/data/chrome_labels.jsonl`` holds
only labels: for each sampled article, each non-blank line's number (``text.split("\\n")``)
and whether it is chrome, and one headline row: ``{"line": k}`` (that line, stripped),
``{"title_chars": n}`` (the title field's first n characters, stripped) or null (none).
The sample: all 67 real-stories texts and 60 crawl pages drawn with
``random.Random(20240601).sample(range(4355), 60)``. A later exact copy of a line counts as
the chrome one; credit lines ("Source: ...", "... contributed to this report") are not chrome.

An article is held out when sha1(source/id) % 3 == 0; tune on the rest only. Prints one
JSON line per split; ``--errors`` also lists the tune split's misses by line number.

    .venv/bin/python bench/chrome_eval.py [--shared ../shared] [--errors]
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from newstrace.ingest.chrome import chrome_spans, headline

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "bench" / "data" / "chrome_labels.jsonl"
FILES = {
    "real-stories/health": ("datasets/real-stories/health/articles.jsonl", "id", "text"),
    "real-stories/tech": ("datasets/real-stories/tech/articles.jsonl", "id", "text"),
    "gvc/gva_crawl_train": ("datasets/gvc/gva_crawl_train.jsonl", "doc_id", "content"),
}


def split_of(source: str, doc_id: str) -> str:
    digest = int(hashlib.sha1(f"{source}/{doc_id}".encode()).hexdigest(), 16)
    return "heldout" if digest % 3 == 0 else "tune"


def load_texts(shared: Path, wanted: set[tuple[str, str]]) -> dict[tuple[str, str], Any]:
    texts: dict[tuple[str, str], Any] = {}
    for source, (path, id_field, text_field) in FILES.items():
        with open(shared / path, encoding="utf-8") as f:
            for raw in f:
                record = json.loads(raw)
                key = (source, record[id_field])
                if key in wanted and key not in texts:  # a few crawl pages appear twice
                    texts[key] = (record[text_field] or "", record.get("title"))
    return texts


def predicted_lines(text: str) -> set[int]:
    """Line numbers that the predicted spans cover."""
    starts = []
    position = 0
    for raw in text.split("\n"):
        starts.append((position, position + len(raw)))
        position += len(raw) + 1
    covered = set()
    for start, end in chrome_spans(text):
        for number, (a, b) in enumerate(starts):
            if a >= start and b <= end and b > a:
                covered.add(number)
    return covered


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--errors", action="store_true", help="list the tune split's misses")
    args = parser.parse_args()

    lines: dict[tuple[str, str], dict[int, bool]] = defaultdict(dict)
    heads: dict[tuple[str, str], dict[str, int] | None] = {}
    with open(LABELS, encoding="utf-8") as f:
        for raw in f:
            row = json.loads(raw)
            key = (row["source"], row["id"])
            if "headline" in row:
                heads[key] = row["headline"]
            else:
                lines[key][row["line"]] = row["chrome"]
    texts = load_texts(args.shared, set(heads))

    scores: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for key, gold_head in heads.items():
        text, title = texts[key]
        split = split_of(*key)
        score = scores[split]
        predicted = predicted_lines(text)
        for number, is_chrome in lines[key].items():
            hit = number in predicted
            score["tp"] += hit and is_chrome
            score["fp"] += hit and not is_chrome
            score["fn"] += is_chrome and not hit
            if args.errors and split == "tune" and hit != is_chrome:
                shown = text.split("\n")[number].strip()[:90]
                print(f"{'FP' if hit else 'FN'} {key[1]} line {number}: {shown}")
        if gold_head is None:
            expected = None
        elif "line" in gold_head:
            expected = text.split("\n")[gold_head["line"]].strip()
        else:
            expected = title[: gold_head["title_chars"]].strip()
        got = headline(text, title)
        score["articles"] += 1
        score["headline_right"] += got == expected
        if args.errors and split == "tune" and got != expected:
            print(f"HEAD {key[1]}: want {expected!r}, got {got!r}")

    for split in ("tune", "heldout"):
        s = scores[split]
        precision = s["tp"] / max(1, s["tp"] + s["fp"])
        recall = s["tp"] / max(1, s["tp"] + s["fn"])
        f1 = 2 * precision * recall / max(1e-9, precision + recall)
        print(
            json.dumps(
                {
                    "split": split,
                    "articles": s["articles"],
                    "chrome_lines": s["tp"] + s["fn"],
                    "precision": round(precision, 3),
                    "recall": round(recall, 3),
                    "f1": round(f1, 3),
                    "headline_accuracy": round(s["headline_right"] / max(1, s["articles"]), 3),
                }
            )
        )


if __name__ == "__main__":
    main()
