"""The held-out news claim gold finds its texts in ../shared by the ids its labels use."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from newstrace.training import news_texts

PIER = "The harbour board said the pier may close in May."


@pytest.fixture
def news_claims(bench_script):
    return bench_script("news_claims")


def _shared(tmp_path: Path) -> Path:
    semeval = tmp_path / news_texts.SEMEVAL
    semeval.parent.mkdir(parents=True)
    with semeval.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["pair_id", "lang1", "lang2", "text1", "text2"])
        writer.writerow(["7_8", "en", "en", PIER, "The quay opens."])
        writer.writerow(["9_10", "de", "en", "Der Pier.", "The pier."])
    gvc = tmp_path / news_texts.GVC
    gvc.parent.mkdir(parents=True)
    row = {"doc_id": "41", "content": "Police said two men fled.", "title": "Pellin", "uri": "u"}
    gvc.write_text(json.dumps(row) + "\n", encoding="utf-8")
    crawled = [
        {"doc_id": "9a", "content": "Deputies said a car fled.", "title": "Dover", "uri": "v"},
        {"doc_id": "9a", "content": "A later copy.", "title": "Dover", "uri": "w"},
    ]
    (tmp_path / news_texts.CRAWL).write_text(
        "".join(json.dumps(r) + "\n" for r in crawled), encoding="utf-8"
    )
    ecbplus = tmp_path / news_texts.ECBPLUS
    ecbplus.parent.mkdir(parents=True)
    tokens = "`` We 'll see , '' the mayor 's aide told the Dover Courier ( a weekly ) ."
    ecbplus.write_text(json.dumps({"doc_id": "3_1ecb", "text": tokens}) + "\n", "utf-8")
    return tmp_path


def test_texts_are_found_by_pair_side_and_report_id(news_claims, tmp_path):
    texts = news_texts.load_texts(_shared(tmp_path))
    assert texts["semeval-7_8-1"] == {"text": PIER}
    assert texts["semeval-7_8-2"] == {"text": "The quay opens."}
    assert texts["gvc-41"] == {"text": "Police said two men fled.", "title": "Pellin", "url": "u"}
    assert not any(id_.startswith("semeval-9_10") for id_ in texts)  # not English on both sides
    # a crawled report by its doc_id's first line
    assert texts["gvacrawl-9a"] == {
        "text": "Deputies said a car fled.",
        "title": "Dover",
        "url": "v",
    }
    # ECB+ tokens closed up as a page prints them
    assert texts["ecbplus-3_1ecb"] == {
        "text": "\"We'll see,\" the mayor's aide told the Dover Courier (a weekly)."
    }
