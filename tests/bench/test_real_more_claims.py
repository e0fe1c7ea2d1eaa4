"""The returning-stories claim gold comes back from text-free labels only for the very text
that was labelled."""

from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[2] / "bench" / "real_more_claims.py"
_SPEC = importlib.util.spec_from_file_location("real_more_claims", _PATH)
assert _SPEC and _SPEC.loader
real_more_claims = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(real_more_claims)

TEXT = "The harbour board said the pier may close in May. Nobody believes it."


def _labels(tmp_path: Path, text: str) -> Path:
    label = {
        "article_id": "pier-01",
        "part": "heldout",
        "start": TEXT.index("the pier"),
        "end": TEXT.index(" in May"),
        "text_sha1": hashlib.sha1(text.encode("utf-8")).hexdigest(),
        "chain": [{"name": "harbour board", "kind": "organisation"}],
        "level": "hedged",
        "hedge_cues": [{"start": TEXT.index("may"), "end": TEXT.index("may") + 3}],
    }
    path = tmp_path / "labels.jsonl"
    path.write_text(json.dumps(label) + "\n", encoding="utf-8")
    return path


def test_offsets_and_cues_come_back_as_phrases(tmp_path):
    parts = real_more_claims.gold_lines(_labels(tmp_path, TEXT), {"pier-01": TEXT})
    [gold] = parts["heldout"]
    assert gold["claim_phrase"] == "the pier may close"
    assert gold["hedge_cues"] == ["may"]


def test_a_changed_or_missing_text_is_refused(tmp_path):
    labels = _labels(tmp_path, TEXT)
    with pytest.raises(SystemExit, match="not the one labelled"):
        real_more_claims.gold_lines(labels, {"pier-01": TEXT.replace("May", "June")})
    with pytest.raises(SystemExit, match="no text"):
        real_more_claims.gold_lines(labels, {})
