"""Build the news claim gold from its text-free labels and the texts in ../shared.

``bench/data/news_claims.jsonl`` and ``news_claims_heldout2.jsonl`` to
``news_claims_heldout5.jsonl`` hold blind claim labels (``CLAIMS.md`` conventions, made
without running newstrace) for 80 real news texts that ship in ../shared, 16 a file:
English texts of the SemEval news-similarity pairs (id ``semeval-<pair_id>-<1|2>``, the
``text1`` or ``text2`` field) and GVC reports (id ``gvc-<doc_id>``, the ``content`` field),
half each. Each claim and cue is stored as offsets with the text's SHA-1, never as words
(the texts are not ours to redistribute; ``bench/data/news_claims.md`` says how they were
chosen). These 240 claims are held out: score them, do not read their errors.

``news_claims_tune.jsonl`` and ``news_claims_tune2.jsonl`` to ``news_claims_tune6.jsonl``
label 96 other texts of the same corpora the same way, ``news_claims_tune7.jsonl`` and
``news_claims_tune8.jsonl`` 32 more, half of them reports of the wider GVA crawl (id
``gvacrawl-<doc_id>``, the ``content`` of that doc_id's first line), and
``news_claims_tune9.jsonl`` and ``news_claims_tune10.jsonl`` 32 more made the same way;
their lines say
``"part": "tune"``: read their errors freely. Writes ``articles.jsonl`` (every part) and
``claims-heldout.jsonl`` / ``claims-tune.jsonl`` under ``--out``; then

    .venv/bin/newstrace eval claims --data build/news-claims/claims-heldout.jsonl \\
        --articles build/news-claims/articles.jsonl

    .venv/bin/python bench/news_claims.py [--shared ../shared] [--out build/news-claims]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from newstrace.training.news_texts import load_texts  # noqa: E402
from real_more_claims import gold_lines  # noqa: E402  (a sibling script, not a package)

ROOT = Path(__file__).resolve().parents[1]
LABELS = [
    ROOT / "bench" / "data" / name
    for name in (
        "news_claims.jsonl",
        "news_claims_heldout2.jsonl",
        "news_claims_heldout3.jsonl",
        "news_claims_heldout4.jsonl",
        "news_claims_heldout5.jsonl",
        "news_claims_tune.jsonl",
        "news_claims_tune2.jsonl",
        "news_claims_tune3.jsonl",
        "news_claims_tune4.jsonl",
        "news_claims_tune5.jsonl",
        "news_claims_tune6.jsonl",
        "news_claims_tune7.jsonl",
        "news_claims_tune8.jsonl",
        "news_claims_tune9.jsonl",
        "news_claims_tune10.jsonl",
    )
]


def write(shared: Path, out: Path, labels: list[Path]) -> dict[str, Path]:
    """Write ``articles.jsonl`` and one ``claims-PART.jsonl`` per part under ``out``; the
    claim files by part. A labelled text missing from ``shared`` or changed is an error."""
    texts = load_texts(shared)
    files = [path for path in labels if path.is_file()]
    labelled = dict.fromkeys(
        json.loads(line)["article_id"]
        for path in files
        for line in path.read_text("utf-8").splitlines()
    )
    missing = [id_ for id_ in labelled if id_ not in texts]
    if missing:
        raise SystemExit(f"not in {shared}: {missing}")
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "articles.jsonl", "w", encoding="utf-8") as stream:
        for id_ in labelled:
            stream.write(json.dumps({"id": id_, **texts[id_]}, ensure_ascii=False) + "\n")
    by_part: dict[str, list[dict]] = {}
    for path in files:
        for part, lines in gold_lines(path, {i: texts[i]["text"] for i in labelled}).items():
            by_part.setdefault(part, []).extend(lines)
    written = {}
    for part, lines in by_part.items():
        written[part] = out / f"claims-{part}.jsonl"
        written[part].write_text(
            "".join(json.dumps(g, ensure_ascii=False) + "\n" for g in lines), "utf-8"
        )
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "news-claims")
    parser.add_argument("--labels", type=Path, nargs="+", default=LABELS)
    args = parser.parse_args()
    for part, path in write(args.shared, args.out, args.labels).items():
        count = len(path.read_text("utf-8").splitlines())
        print(f"{path}: {count} {part} claims")


if __name__ == "__main__":
    main()
