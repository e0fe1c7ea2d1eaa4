"""Score the ledger's sources against blind labels of what each one is, on fresh real news.

``bench/data/source_kinds.jsonl`` holds 2,705 sources the ledger gave (at commits 5a24566,
ced9ef8, bc406b9, 86d9d35 and c5fe191, ``"round"`` 1 to 7) in 1,833 real texts no claim label
names: SemEval news-similarity texts, GVC documents, GVA crawl reports of the tune quarters
and (rounds 3 to 7) ECB+ documents of the train topics; rounds 4 to 7 were drawn where the
check of false sources was unsure. Helpers who never ran
newstrace read each one in its text and said whether it is a source at all (``role``:
``source``, ``partial`` where the span is cut short or runs on, ``not_source``) and, by
``CLAIMS.md``, its ``kind`` (for a ``not_source``, the kind of the real speaker or null).
Each line is offsets and the text's SHA-1, never words. ``"part": "tune"`` (2,207 lines)
may be read freely; ``"heldout"`` (498: round 1's 165, round 3's 155 and round 6's 178)
is scored, never read. How each round was drawn and mapped: ``bench/data/source_kinds.md``.

For the part asked and each round in it: of the true sources, how many the ledger still
gives at that place and with the right kind; of the false ones, how many it still gives.

    .venv/bin/python bench/source_kinds.py [--shared ../shared] [--part tune|heldout|all]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from newstrace.training.news_texts import load_texts  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "bench" / "data" / "source_kinds.jsonl"

# (start, end, kind) of each source the ledger gives in a text
Given = list[tuple[int, int, str]]


def given_sources(text: str) -> Given:
    """Every source of the ledger's chains in ``text`` that the claim scores count
    (:func:`~newstrace.eval._claim_match.reported_chain`: the article's own voice and the
    wire credit line, ``CLAIMS.md`` 2.1, left out)."""
    from newstrace import analyze
    from newstrace.eval._claim_match import reported_chain

    ledger = analyze(text)
    return [
        (source.span.start, source.span.end, source.kind.value)
        for claim in ledger.claims
        for source in reported_chain(ledger, claim)
        if source.span is not None
    ]


def score(labels: Iterable[dict], given: dict[str, Given]) -> dict[str, float | int]:
    """Kind accuracy over the true sources (one the ledger no longer gives counts as wrong)
    and how many false sources it still gives. A label is matched to the source given at
    its exact place, else to the first one overlapping it."""
    counts: Counter[str] = Counter()
    for label in labels:
        found = [s for s in given[label["article_id"]] if s[:2] == (label["start"], label["end"])]
        found = found or [
            s for s in given[label["article_id"]] if s[0] < label["end"] and label["start"] < s[1]
        ]
        if label["role"] == "not_source" or not label["kind"]:
            counts["not_sources"] += 1
            counts["not_sources_kept"] += bool(found)
            continue
        counts["sources"] += 1
        counts["sources_lost"] += not found
        counts["kind_right"] += bool(found) and found[0][2] == label["kind"]
    result: dict[str, float | int] = dict(counts)
    result["kind_accuracy"] = round(counts["kind_right"] / max(counts["sources"], 1), 3)
    return result


def read_labels(path: Path, part: str) -> list[dict]:
    """The label lines of a part (``tune``, ``heldout``) of a text-free label file, or all."""
    labels = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]
    return [x for x in labels if part in ("all", x["part"])]


def labelled_given(labels: Iterable[dict], shared: Path) -> dict[str, Given]:
    """The sources the ledger gives in each labelled text, by article id; a text missing
    from ``shared`` or not the one labelled (its SHA-1) is an error."""
    texts = load_texts(shared)
    given: dict[str, Given] = {}
    for label in labels:
        doc = label["article_id"]
        if doc in given:
            continue
        text = texts[doc]["text"] if doc in texts else ""
        if hashlib.sha1(text.encode("utf-8")).hexdigest() != label["text_sha1"]:
            raise SystemExit(f"{doc}: not in {shared} as labelled")
        given[doc] = given_sources(text)
    return given


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--part", choices=("tune", "heldout", "all"), default="tune")
    args = parser.parse_args()
    labels = read_labels(LABELS, args.part)
    given = labelled_given(labels, args.shared)
    print(json.dumps({"part": args.part, **score(labels, given)}))
    for round_ in sorted({x["round"] for x in labels}):
        print(
            json.dumps(
                {"round": round_, **score([x for x in labels if x["round"] == round_], given)}
            )
        )


if __name__ == "__main__":
    main()
