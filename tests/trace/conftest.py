"""Traces shared by the trace tests: the labelled dev corpus, traced once per session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import newstrace

DEV = Path(__file__).resolve().parents[2] / "data" / "trace-dev"


@pytest.fixture(scope="session")
def dev_corpus() -> Path:
    return DEV / "articles.jsonl"


@pytest.fixture(scope="session")
def dev_drift() -> Path:
    return DEV / "drift.jsonl"


@pytest.fixture(scope="session")
def dev_cache(tmp_path_factory) -> Path:
    """Where the dev trace keeps its ledgers and gists."""
    return tmp_path_factory.mktemp("dev-cache")


@pytest.fixture(scope="session")
def dev_trace(dev_corpus, dev_cache):
    """The trace of data/trace-dev (about 15 s: 68 articles are analysed)."""
    return newstrace.trace(dev_corpus, cache=dev_cache).trace


@pytest.fixture
def dev_ledgers(dev_trace, dev_cache, tmp_path) -> Path:
    """A cache holding the dev corpus's ledgers but no gists: a test that traces the corpus
    again (other batches, other partitions) skips the analysis it does not test, and still
    encodes heads and claims afresh."""
    folder = tmp_path / "dev-ledgers"
    shutil.copytree(dev_cache, folder, ignore=shutil.ignore_patterns("gists"))
    return folder
