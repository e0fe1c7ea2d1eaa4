"""The returning-stories claim gold comes back from text-free labels only for the very text
that was labelled."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

TEXT = "The harbour board said the pier may close in May. Nobody believes it."


@pytest.fixture
def real_more_claims(bench_script):
    return bench_script("real_more_claims")


def _labels(tmp_path: Path, text: str, part: str | None = "heldout") -> Path:
    label = {
        "article_id": "pier-01",
        "start": TEXT.index("the pier"),
        "end": TEXT.index(" in May"),
        "text_sha1": hashlib.sha1(text.encode("utf-8")).hexdigest(),
        "chain": [{"name": "harbour board", "kind": "organisation"}],
        "level": "hedged",
        "hedge_cues": [{"start": TEXT.index("may"), "end": TEXT.index("may") + 3}],
    }
    if part is not None:
        label["part"] = part
    path = tmp_path / "labels.jsonl"
    path.write_text(json.dumps(label) + "\n", encoding="utf-8")
    return path


def test_offsets_and_cues_come_back_as_phrases(real_more_claims, tmp_path):
    parts = real_more_claims.gold_lines(_labels(tmp_path, TEXT), {"pier-01": TEXT})
    [gold] = parts["heldout"]
    assert gold["claim_phrase"] == "the pier may close"
    assert gold["hedge_cues"] == ["may"]


def test_a_label_with_no_part_is_held_out(real_more_claims, tmp_path):
    parts = real_more_claims.gold_lines(_labels(tmp_path, TEXT, part=None), {"pier-01": TEXT})
    assert list(parts) == ["heldout"]


def test_a_changed_or_missing_text_is_refused(real_more_claims, tmp_path):
    labels = _labels(tmp_path, TEXT)
    with pytest.raises(SystemExit, match="not the one labelled"):
        real_more_claims.gold_lines(labels, {"pier-01": TEXT.replace("May", "June")})
    with pytest.raises(SystemExit, match="no text"):
        real_more_claims.gold_lines(labels, {})
