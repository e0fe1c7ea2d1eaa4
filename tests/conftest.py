"""Fixtures shared by every test: where ../shared is, and skipping cleanly without it."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(__import__("os").environ.get("NEWSTRACE_SHARED", REPO.parent / "shared"))
FIXTURES = Path(__file__).parent / "fixtures"


def _shared_path(relative: str) -> Path:
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"needs {path} (../shared beside the checkout); absent here, so skipped")
    return path


@pytest.fixture(scope="session")
def shared_path():
    """Return a function that resolves a path under ../shared or skips the test."""
    return _shared_path


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES
