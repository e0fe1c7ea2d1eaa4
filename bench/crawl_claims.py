"""Every claim of unlabelled GVA crawl reports, written down to compare two versions of the ledger.

A rule read off the crawl (not off a labelled set) is checked here: dump the claims (span,
chain of sources with their kinds, level) of the same reports before and after the change,
then list every report whose claims differ, old beside new, to read one by one. Reports come
from the tune quarters of ``gvc/gva_crawl_train.jsonl`` (``zlib.crc32(incident_id) % 4 != 0``;
the held-out quarter stays unread), in file order from ``--skip``.

    .venv/bin/python bench/crawl_claims.py dump --reports 400 --out build/crawl/before.jsonl
    (change the ledger, or dump with PYTHONPATH=<a worktree of the old commit>/src)
    .venv/bin/python bench/crawl_claims.py dump --reports 400 --out build/crawl/after.jsonl
    .venv/bin/python bench/crawl_claims.py compare build/crawl/before.jsonl build/crawl/after.jsonl
"""

from __future__ import annotations

import argparse
import json
import zlib
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CRAWL = "datasets/gvc/gva_crawl_train.jsonl"


def tune_reports(shared: Path, skip: int, count: int) -> Iterator[dict]:
    """``count`` crawl reports of the tune quarters, after the first ``skip`` of them."""
    seen = 0
    with open(shared / CRAWL, encoding="utf-8") as stream:
        for line in stream:
            row = json.loads(line)
            if zlib.crc32(str(row.get("incident_id", "")).encode()) % 4 == 0:
                continue
            seen += 1
            if seen > skip + count:
                return
            if seen > skip:
                yield row


def claims_of(text: str) -> list[list]:
    """Each claim as [its words (90 characters), [[source, kind], ...], level]."""
    from newstrace import analyze

    return [
        [
            claim.span.text[:90],
            [[s.name, s.kind.value] for s in claim.attribution.chain],
            claim.certainty.level.value,
        ]
        for claim in analyze(text).claims
    ]


def dump(shared: Path, skip: int, count: int, out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as stream:
        for row in tune_reports(shared, skip, count):
            record: dict = {"doc": row["doc_id"]}
            try:
                record["claims"] = claims_of(row["content"] or "")
            except Exception as error:  # a report the ledger refuses is listed, not dropped
                record["error"] = f"{type(error).__name__}: {error}"[:200]
            stream.write(json.dumps(record) + "\n")


def compare(before: list[dict], after: list[dict]) -> Iterator[str]:
    """Lines for each report whose claims differ: the old claims gone, the new ones come."""
    now = {record["doc"]: record for record in after}
    changed = added = 0
    for record in before:
        old = [json.dumps(c) for c in record.get("claims", [])]
        new = [json.dumps(c) for c in now.get(record["doc"], {}).get("claims", [])]
        if old == new:
            continue
        changed += 1
        yield f"-- {record['doc']}"
        yield from (f"  OLD {c}" for c in sorted(set(old) - set(new)))
        for claim in sorted(set(new) - set(old)):
            added += 1
            yield f"  NEW {claim}"
    yield f"reports changed: {changed}, claims new or changed: {added}"


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    dumping = commands.add_parser("dump")
    dumping.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    dumping.add_argument("--reports", type=int, default=400)
    dumping.add_argument("--skip", type=int, default=0)
    dumping.add_argument("--out", type=Path, required=True)
    comparing = commands.add_parser("compare")
    comparing.add_argument("before", type=Path)
    comparing.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.shared, args.skip, args.reports, args.out)
    else:
        for line in compare(_read(args.before), _read(args.after)):
            print(line)


if __name__ == "__main__":
    main()
