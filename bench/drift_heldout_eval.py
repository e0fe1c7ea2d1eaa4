"""Score story drift on real news: the blind held-out set (never tune on it) or the tune set.

``--set heldout`` (the default): ``bench/data/drift_heldout.jsonl`` holds drift lines for 71
reports of 20 incidents of the GVA crawl (``../shared/datasets/gvc/gva_crawl_train.jsonl``),
all from the held-out quarter (``zlib.crc32(incident_id) % 4 == 0``), labelled blind to the
tool's output; ``drift_heldout_incidents.jsonl`` lists every report read per incident, in time
order (reports of one date in the order their content shows). Do not mend rules on its errors.

``--set tune``: ``drift_tune.jsonl`` and ``drift_tune_incidents.jsonl``, the same kind of labels
(also made blind to the tool) for 77 reports of 25 incidents from the other three quarters
(``% 4 != 0``). Tune drift rules on this set and read its errors; then check on the held-out set.

``--set tune2``: ``drift_tune2.jsonl`` and ``drift_tune2_incidents.jsonl``, 20 more incidents of the
tune quarters labelled blind by a helper that never ran the tool; text-free labels (character
offsets into the crawl's content, whose SHA-1 the incidents file holds). A second tune set.

Writes the corpus in the trace format (``articles.jsonl``, gold ``story`` = incident) and
the labels (``drift.jsonl``) to a build folder (``build/drift-heldout`` or ``build/drift-tune``),
runs ``newstrace eval trace`` on them and prints its JSON result.

    .venv/bin/python bench/drift_heldout_eval.py [--set heldout|tune|tune2] [--shared DIR]
        [--out DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "data"
CRAWL = "gvc/gva_crawl_train.jsonl"


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as stream:
        return [json.loads(line) for line in stream if line.strip()]


def _sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def write_set(part: str, crawl: Path, out: Path) -> tuple[Path, Path]:
    """Write ``part``'s labelled reports (trace format) and its drift lines under ``out``."""
    incidents = read_jsonl(DATA / f"drift_{part}_incidents.jsonl")
    wanted = {doc: i["incident_id"] for i in incidents for doc in i["doc_ids"]}
    records: dict[str, dict] = {}
    for row in read_jsonl(crawl):
        doc = row["doc_id"]
        if doc in wanted and doc not in records and len(row["content"] or "") >= 200:
            records[doc] = row
    if missing := sorted(set(wanted) - set(records)):
        raise LookupError(f"{len(missing)} labelled reports not in {crawl}: {missing[:3]}")
    hashes = {doc: h for i in incidents for doc, h in i.get("sha1", {}).items()}
    if changed := [d for d, h in hashes.items() if _sha1(records[d]["content"]) != h]:
        raise LookupError(f"{len(changed)} labelled reports differ from {crawl}: {changed[:3]}")
    out.mkdir(parents=True, exist_ok=True)
    articles, drift = out / "articles.jsonl", out / "drift.jsonl"
    with open(articles, "w", encoding="utf-8") as stream:
        for doc in wanted:  # incident by incident, in time order
            row = records[doc]
            article = {
                "id": doc,
                "text": row["content"],
                "title": row["title"],
                "published": row["dct"],
                "url": row["uri"],
                "story": wanted[doc],
                "copy_of": None,
                "copy_kind": None,
                "cites": [],
                "origin": "",
            }
            stream.write(json.dumps(article, ensure_ascii=False) + "\n")
    with open(drift, "w", encoding="utf-8") as stream:
        for line in read_jsonl(DATA / f"drift_{part}.jsonl"):
            stream.write(json.dumps(_with_phrases(line, records), ensure_ascii=False) + "\n")
    return articles, drift


def _with_phrases(line: dict, records: dict[str, dict]) -> dict:
    """A label as the trace evaluation reads it. Text-free labels (``start``/``end`` and
    ``earlier_start``/``earlier_end`` into the crawl's content, whose hash the incidents
    file holds) get their phrases from the text; labels with phrases pass unchanged."""
    if "derivative_phrase" in line:
        return line
    later, earlier = records[line["article_id"]]["content"], records[line["earlier_id"]]["content"]
    return {
        **line,
        "derivative_phrase": later[line["start"] : line["end"]],
        "earlier_phrase": earlier[line["earlier_start"] : line["earlier_end"]],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = os.environ.get("NEWSTRACE_SHARED") or str(ROOT.parent / "shared")
    parser.add_argument("--shared", type=Path, default=Path(default) / "datasets")
    parser.add_argument("--set", choices=("heldout", "tune", "tune2"), default="heldout")
    parser.add_argument("--out", type=Path, help="build folder (default build/drift-SET)")
    args = parser.parse_args()
    args.out = args.out or ROOT / "build" / f"drift-{args.set}"
    crawl = args.shared / CRAWL
    if not crawl.is_file():
        sys.exit(f"missing {crawl}: set NEWSTRACE_SHARED to the shared data folder")
    try:
        articles, drift = write_set(args.set, crawl, args.out)
    except LookupError as error:
        sys.exit(str(error))
    command = [str(ROOT / ".venv" / "bin" / "newstrace"), "eval", "trace"]
    command += ["--data", str(articles), "--drift", str(drift)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode:
        sys.exit(result.stderr or f"newstrace eval failed ({result.returncode})")
    print(json.dumps(json.loads(result.stdout.strip().splitlines()[-1]), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
