"""Traces shared by the trace tests: the labelled dev corpus, traced once per session."""

from __future__ import annotations

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
def dev_trace(dev_corpus, tmp_path_factory):
    """The trace of data/trace-dev (about 15 s: 68 articles are analysed)."""
    return newstrace.trace(dev_corpus, cache=tmp_path_factory.mktemp("ledgers")).trace
