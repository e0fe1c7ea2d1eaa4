"""The ledger cache: keyed by what the analysis reads, robust to what a killed run leaves."""

from __future__ import annotations

from dataclasses import replace

from newstrace.model import Article, Ledger
from newstrace.trace.cache import LedgerCache


def _ledger(article: Article) -> Ledger:
    return Ledger(article=article, language="en", outlet=article.outlet, claims=(), sources=())


def test_an_article_is_in_the_cache_once_its_ledger_is_put(tmp_path):
    cache = LedgerCache(tmp_path)
    ferry = Article("The Quillmere ferry resumes on Monday, the harbour council said.", id="a")
    assert ferry not in cache
    cache.put(_ledger(ferry))
    assert ferry in cache
    assert replace(ferry, id="other-name", published="2025-02-10") in cache  # metadata only
    assert replace(ferry, outlet="Pellin Gazette") not in cache  # the outlet is analysed
    assert cache.get(replace(ferry, id="b")).article.id == "b"


def test_a_damaged_file_reads_as_absent_and_is_analysed_again(tmp_path):
    cache = LedgerCache(tmp_path)
    ferry = Article("The Quillmere ferry resumes on Monday, the harbour council said.")
    key = cache.put(_ledger(ferry))
    next(tmp_path.glob(f"*/{key}.json")).write_text('{"article": {"te', encoding="utf-8")
    assert cache.get(ferry) is None
