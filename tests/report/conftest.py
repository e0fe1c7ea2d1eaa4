"""Fixtures of the report tests: the hand-made Northport ledger (see tests/test_serialize.py)."""

from __future__ import annotations

import pytest

from newstrace.model import Ledger
from newstrace.serialize import loads


@pytest.fixture
def northport(fixtures_dir) -> Ledger:
    """A fictional article's ledger: nested claims, a three-link chain, every enum value."""
    return loads((fixtures_dir / "ledger_northport.json").read_text(encoding="utf-8"))
