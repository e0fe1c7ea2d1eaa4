"""``newstrace trace`` end to end on a small corpus with every kind of bad input in it."""

from __future__ import annotations

import csv
import json

import jsonschema

from newstrace.cli import main
from newstrace.serialize import trace_json_schema

ORIGINAL = (
    "Harbour officials said on Monday that the old swing bridge at Pellin Quay could close "
    "for six weeks from 3 March while engineers replace its rusted gears.\n\n"
    "The bridge carries about 4,000 vehicles a day, according to the port authority. "
    "Traders on the quay said the closure would hurt business during the spring market."
)
COPY = "From the Pellin Gazette:\n\n" + ORIGINAL + "\n\nRead more local news every morning."


def _corpus(tmp_path):
    rows = [
        {
            "id": "gazette-1",
            "outlet": "Pellin Gazette",
            "published": "2025-02-10",
            "text": ORIGINAL,
            "title": "<script>alert(1)</script> Bridge to close",
        },
        {"id": "wire-1", "outlet": "Shore Wire", "published": "2025-02-11", "text": COPY},
        {"id": "wire-1", "outlet": "Shore Wire", "published": "11/02/2025", "text": COPY + " "},
        {"id": "empty", "text": "   "},
        {"id": "notext", "title": "no text at all"},
    ]
    path = tmp_path / "corpus.jsonl"
    lines = [json.dumps(row) for row in rows] + ["{not json"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_trace_writes_every_output_and_reports_every_input(tmp_path, capsys):
    out = tmp_path / "out"
    code = main(["trace", str(_corpus(tmp_path)), "-o", str(out)])
    assert code == 1  # some inputs failed; the rest were traced
    document = json.loads((out / "trace.json").read_text(encoding="utf-8"))
    jsonschema.validate(document, trace_json_schema())
    statuses = {a["id"]: a["status"] for a in document["articles"]}
    assert len(document["articles"]) == 6  # nothing silently dropped
    assert statuses["gazette-1"] == statuses["wire-1"] == statuses["wire-1-2"] == "ok"
    failed = [a for a in document["articles"] if a["status"] == "error"]
    assert {a["error"]["code"] for a in failed} <= {"E102", "E105"}
    renamed = next(a for a in document["articles"] if a["id"] == "wire-1-2")
    assert any("duplicate id" in w for w in renamed["warnings"])
    assert any("not an ISO date" in w for w in renamed["warnings"])
    story = next(s for s in document["stories"] if "gazette-1" in s["article_ids"])
    assert {"wire-1", "wire-1-2"} <= set(story["article_ids"])
    assert {(c["article_id"], c["copy_of"]) for c in story["copies"]} >= {("wire-1", "gazette-1")}
    with (out / "edges.csv").open(encoding="utf-8") as stream:
        edges = list(csv.DictReader(stream))
    assert any(e["type"] == "copy" and e["article_id"] == "wire-1" for e in edges)
    report = (out / "report.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in report
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in report
    assert "report.html" in capsys.readouterr().err


def test_second_run_reads_its_ledgers_from_the_cache(tmp_path):
    """Emptied cached ledgers come back as they are: nothing is analysed a second time."""
    corpus, cache = _corpus(tmp_path), tmp_path / "cache"
    assert main(["trace", str(corpus), "-o", str(tmp_path / "first"), "--cache", str(cache)]) == 1
    for path in cache.glob("*/*.json"):
        ledger = json.loads(path.read_text(encoding="utf-8"))
        path.write_text(json.dumps({**ledger, "claims": [], "sources": []}), encoding="utf-8")
    assert main(["trace", str(corpus), "-o", str(tmp_path / "second"), "--cache", str(cache)]) == 1
    first = json.loads((tmp_path / "first" / "trace.json").read_text(encoding="utf-8"))
    second = json.loads((tmp_path / "second" / "trace.json").read_text(encoding="utf-8"))
    assert any(story["ultimate_sources"] for story in first["stories"])
    assert not any(story["ultimate_sources"] for story in second["stories"])
    assert [s["article_ids"] for s in first["stories"]] == [
        s["article_ids"] for s in second["stories"]
    ]


def test_missing_corpus_is_a_clear_error(tmp_path, capsys):
    code = main(["trace", str(tmp_path / "nowhere.jsonl"), "-o", str(tmp_path / "out")])
    assert code != 0
    assert "no such file" in " ".join(capsys.readouterr().err.split())
