"""The stage timer wraps every stage it names (a renamed stage fails here, not silently)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "analyze_stages.py"


@pytest.mark.slow
def test_every_stage_is_timed_and_the_shares_add_up(tmp_path):
    texts = tmp_path / "part" / "text"
    texts.mkdir(parents=True)
    (texts / "a.txt").write_text(
        "The pier closed at noon, the harbour master said. It may reopen on Monday.\n"
    )
    (texts / "b.txt").write_text("Walter Pike fired two shots at the car, the affidavit states.\n")
    run = subprocess.run(
        [sys.executable, str(SCRIPT), "--corpus", str(tmp_path), "--articles", "2"],
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(run.stdout)
    stages = result["stages_to_parse"]
    assert result["articles"] == 2 and result["failed"] == 0
    assert {"CertaintyAssessor.assess", "CueTagger.predict", "RoleTagger.predict"} <= set(stages)
    assert stages["CertaintyAssessor.assess"] > 0
    assert sum(stages.values()) == pytest.approx(result["ledger_to_parse"], abs=0.05)
