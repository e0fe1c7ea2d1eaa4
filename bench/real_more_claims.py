"""Rebuild the returning-stories claim gold from its text-free labels and the page texts.

``bench/data/real_more_claims.jsonl`` holds the blind claim labels of 16 pages of the
returning-stories set (``real_more_labels.jsonl``) without a word of their text: each claim
as character offsets into its page, the SHA-1 of that page's text, the chain, the level and
the hedge cues as offsets. The page texts are stored copies of other sites' pages, so they
stay out of the repository (``build/real-more/articles.jsonl``, fetched again with the
project's search tool when lost). This script checks each page's text against its SHA-1 and
writes ``claims-tune.jsonl`` and ``claims-heldout.jsonl`` beside the articles, in the format
``newstrace eval claims`` reads (the held-out part is never tuned on: score it, never read
its errors).

    .venv/bin/python bench/real_more_claims.py [--articles build/real-more/articles.jsonl]
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

LABELS = Path(__file__).parent / "data" / "real_more_claims.jsonl"


def gold_lines(labels: Path, texts: dict[str, str]) -> dict[str, list[dict]]:
    """The gold lines per part (a label with no ``part`` is held out); a page whose text is
    missing or differs is an error."""
    parts: dict[str, list[dict]] = {}
    for line in labels.read_text(encoding="utf-8").splitlines():
        label = json.loads(line)
        text = texts.get(label["article_id"])
        if text is None:
            raise SystemExit(f"{label['article_id']}: no text in the articles file")
        if hashlib.sha1(text.encode("utf-8")).hexdigest() != label["text_sha1"]:
            raise SystemExit(f"{label['article_id']}: its text is not the one labelled")
        parts.setdefault(label.get("part", "heldout"), []).append(
            {
                "article_id": label["article_id"],
                "claim_phrase": text[label["start"] : label["end"]],
                "chain": label["chain"],
                "level": label["level"],
                "hedge_cues": [text[cue["start"] : cue["end"]] for cue in label["hedge_cues"]],
            }
        )
    return parts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=Path, default=Path("build/real-more/articles.jsonl"))
    parser.add_argument("--labels", type=Path, default=LABELS)
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.articles.read_text(encoding="utf-8").splitlines()]
    for part, lines in gold_lines(args.labels, {r["id"]: r["text"] for r in rows}).items():
        out = args.articles.parent / f"claims-{part}.jsonl"
        out.write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in lines), "utf-8")
        print(f"{out}: {len(lines)} claims")


if __name__ == "__main__":
    main()
