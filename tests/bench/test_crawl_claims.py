"""The crawl claim dump reads only the tune quarters and lists every changed report."""

from __future__ import annotations

import json
import zlib

import pytest


@pytest.fixture
def crawl_claims(bench_script):
    return bench_script("crawl_claims")


def _incident(held_out: bool) -> str:
    return next(str(n) for n in range(100) if (zlib.crc32(str(n).encode()) % 4 == 0) == held_out)


def test_a_dump_skips_the_held_out_quarter_and_lists_a_refused_report(crawl_claims, tmp_path):
    crawl = tmp_path / crawl_claims.CRAWL
    crawl.parent.mkdir(parents=True)
    rows = [
        {"doc_id": "a", "incident_id": _incident(False), "content": "Police said two men fled."},
        {"doc_id": "b", "incident_id": _incident(True), "content": "Police said the pier shut."},
        {"doc_id": "c", "incident_id": _incident(False), "content": ""},
    ]
    crawl.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "claims.jsonl"
    crawl_claims.dump(tmp_path, 0, 10, out)
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["doc"] for r in records] == ["a", "c"]
    assert records[0]["claims"][0][1] == [["Police", "government_official"]]
    assert "error" in records[1]  # an empty text is refused, and still listed


def test_compare_shows_old_beside_new_for_changed_reports_only(crawl_claims):
    from_claim = ["two men fled", [["Tfc", "organisation"]], "attributed"]
    to_claim = ["two men fled", [["Jay Thomas", "government_official"]], "attributed"]
    before = [{"doc": "a", "claims": [from_claim]}, {"doc": "b", "claims": []}]
    after = [{"doc": "a", "claims": [to_claim]}, {"doc": "b", "claims": []}]
    lines = list(crawl_claims.compare(before, after))
    assert lines[0] == "-- a" and "Tfc" in lines[1] and "Jay Thomas" in lines[2]
    assert lines[-1] == "reports changed: 1, claims new or changed: 1"
