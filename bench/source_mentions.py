"""Score every source the ledger gives against blind labels of every source a real text names.

``bench/data/source_mentions.jsonl`` holds, for 75 real news texts no other label names
(30 ECB+ documents of the train topics, 25 GVA crawl reports of the tune quarters, 20 GVC
documents; 600 to 3,500 characters), every place a helper who never ran newstrace found
something attributed: the source's words, the cue's words and the kind by ``CLAIMS.md``
(an outlet a source spoke to, "told KIRO 7", is a mention; bylines, datelines, wire
credits and people who only act are not). One line a text, offsets and the text's SHA-1
only. ``"part": "tune"`` texts may be read; ``"heldout"`` ones (``zlib.crc32(id) % 3 ==
0``) are scored, never read. How they were made: ``bench/data/source_mentions.md``.

The sources the ledger gives are those of its claims' reported chains (as
``bench/source_kinds.py`` counts them). A labelled mention is found where a given source's
span overlaps it; a given source that overlaps no mention is a false one. Reports recall,
precision and the kind accuracy over the found mentions, per part.

    .venv/bin/python bench/source_mentions.py [--shared ../shared] [--part tune|heldout|all]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from source_kinds import Given, labelled_given, read_labels  # noqa: E402  (a sibling script)

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "bench" / "data" / "source_mentions.jsonl"


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score(texts: list[dict], given: dict[str, Given]) -> dict[str, float | int]:
    """Mentions found (and with the right kind) and given sources that are no mention."""
    counts: Counter[str] = Counter()
    for text in texts:
        sources = sorted(set(given[text["article_id"]]))  # a source of several claims once
        mentions = text["mentions"]
        for mention in mentions:
            place = (mention["start"], mention["end"])
            found = [s for s in sources if _overlaps(s[:2], place)]
            counts["mentions"] += 1
            counts["found"] += bool(found)
            counts["kind_right"] += bool(found) and found[0][2] == mention["kind"]
        counts["given"] += len(sources)
        counts["given_false"] += sum(
            not any(_overlaps(s[:2], (m["start"], m["end"])) for m in mentions) for s in sources
        )
    result: dict[str, float | int] = dict(counts)
    result["recall"] = round(counts["found"] / max(counts["mentions"], 1), 3)
    result["precision"] = round(1 - counts["given_false"] / max(counts["given"], 1), 3)
    result["kind_accuracy"] = round(counts["kind_right"] / max(counts["found"], 1), 3)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--part", choices=("tune", "heldout", "all"), default="tune")
    args = parser.parse_args()
    labelled = read_labels(LABELS, args.part)
    given = labelled_given(labelled, args.shared)
    print(json.dumps({"part": args.part, "texts": len(labelled), **score(labelled, given)}))


if __name__ == "__main__":
    main()
