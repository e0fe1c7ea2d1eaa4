"""Fixtures shared by every test: where ../shared is, and skipping cleanly without it."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(__import__("os").environ.get("NEWSTRACE_SHARED", REPO.parent / "shared"))
FIXTURES = Path(__file__).parent / "fixtures"
BENCH = REPO / "bench"


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


def _bench_script(name: str) -> ModuleType:
    """A script of ``bench/`` as a module (``bench/`` is no package), loaded once."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def bench_script():
    """Return a function that loads a script of ``bench/`` by name."""
    return _bench_script


@pytest.fixture(scope="session")
def ledger_cache(tmp_path_factory) -> Path:
    """One ledger cache for the whole run, so tests scoring the same real articles (the
    trace and the claim floors of real-stories) analyse each of them once."""
    return tmp_path_factory.mktemp("ledgers")
