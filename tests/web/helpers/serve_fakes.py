"""A stand-in analyser for the analysis pool's worker processes (imported there by name).

An article whose ``title`` names a folder waits on two FIFOs in it: it opens ``started`` for
writing (so the test, reading it, knows the analysis has begun) and then ``release`` for
reading (so it goes on only when the test opens that for writing). Any other article gets an
empty ledger at once. No model loads, so a pool test costs a process start, not seconds.
"""

from __future__ import annotations

from pathlib import Path

from newstrace.model import Article, Ledger


def analyse(article: Article) -> Ledger:
    if article.title:
        with open(Path(article.title, "started"), "w"):
            pass
        with open(Path(article.title, "release")):
            pass
    return Ledger(article, "en", None, (), ())
