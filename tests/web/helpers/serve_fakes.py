"""A stand-in analyser for the analysis pool's worker processes (imported there by name).

An article whose ``title`` names a folder is held there: the analysis creates ``started`` in
it (so the test knows it has begun) and goes on once ``release`` exists. Any other article
gets an empty ledger at once. No model loads, so a pool test costs a process start, not
seconds. Plain files rather than FIFOs: neither side ever blocks in ``open``, so a test whose
request is refused fails at its deadline instead of waiting for an analysis that never comes.
"""

from __future__ import annotations

import time
from pathlib import Path

from newstrace.model import Article, Ledger


def analyse(article: Article) -> Ledger:
    if article.title:
        gate = Path(article.title)
        (gate / "started").touch()
        while not (gate / "release").exists():
            time.sleep(0.01)
    return Ledger(article, "en", None, (), ())
