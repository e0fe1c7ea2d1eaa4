"""The held-out news claim gold finds its texts in ../shared by the ids its labels use."""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import json
from pathlib import Path

_PATH = Path(__file__).resolve().parents[2] / "bench" / "news_claims.py"
_SPEC = importlib.util.spec_from_file_location("news_claims", _PATH)
assert _SPEC and _SPEC.loader
news_claims = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(news_claims)

PIER = "The harbour board said the pier may close in May."


def _shared(tmp_path: Path) -> Path:
    semeval = tmp_path / news_claims.SEMEVAL
    semeval.parent.mkdir(parents=True)
    with semeval.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["pair_id", "lang1", "lang2", "text1", "text2"])
        writer.writerow(["7_8", "en", "en", PIER, "The quay opens."])
        writer.writerow(["9_10", "de", "en", "Der Pier.", "The pier."])
    gvc = tmp_path / news_claims.GVC
    gvc.parent.mkdir(parents=True)
    row = {"doc_id": "41", "content": "Police said two men fled.", "title": "Pellin"}
    gvc.write_text(json.dumps(row) + "\n", encoding="utf-8")
    return tmp_path


def test_texts_are_found_by_pair_side_and_report_id(tmp_path):
    texts = news_claims.load_texts(_shared(tmp_path))
    assert texts["semeval-7_8-1"] == {"text": PIER}
    assert texts["semeval-7_8-2"] == {"text": "The quay opens."}
    assert texts["gvc-41"] == {"text": "Police said two men fled.", "title": "Pellin"}
    assert not any(id_.startswith("semeval-9_10") for id_ in texts)  # not English on both sides


def test_a_label_with_no_part_is_held_out(tmp_path):
    label = {
        "article_id": "semeval-7_8-1",
        "start": PIER.index("the pier"),
        "end": PIER.index(" in May"),
        "text_sha1": hashlib.sha1(PIER.encode("utf-8")).hexdigest(),
        "chain": [{"name": "harbour board", "kind": "organisation"}],
        "level": "hedged",
        "hedge_cues": [{"start": PIER.index("may"), "end": PIER.index("may") + 3}],
    }
    labels = tmp_path / "labels.jsonl"
    labels.write_text(json.dumps(label) + "\n", encoding="utf-8")
    [gold] = news_claims.gold_lines(labels, {"semeval-7_8-1": PIER})["heldout"]
    assert gold["claim_phrase"] == "the pier may close"
