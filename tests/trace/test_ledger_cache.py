"""The ledger cache: keyed by what the analysis reads, robust to what a killed run leaves."""

from __future__ import annotations

from dataclasses import replace
from importlib import resources

import pytest

from newstrace.analyze.provenance import ledger_files
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


@pytest.mark.parametrize(
    ("variable", "value"),
    [("NEWSTRACE_SPACY_MODEL", "en_core_web_trf"), ("NEWSTRACE_ATTRIBUTION", "encoder")],
)
def test_the_key_changes_with_the_spacy_pipeline_and_the_extractor(
    tmp_path, monkeypatch, variable, value
):
    ferry = Article("The Quillmere ferry resumes on Monday, the harbour council said.")
    monkeypatch.delenv(variable, raising=False)
    default = LedgerCache(tmp_path).key(ferry)
    monkeypatch.setenv(variable, value)
    assert LedgerCache(tmp_path).key(ferry) != default


def test_the_key_covers_the_analysis_code_every_lexicon_and_runtime_model_file():
    """Editing any of these files changes what analysis makes, so it must change the key."""
    covered = {path for path, _ in ledger_files()}
    package = resources.files("newstrace")
    lexicons = {
        f"analyze/lexicons/{p.name}" for p in package.joinpath("analyze/lexicons").iterdir()
    }
    models = {
        f"models/{model.name}/{p.name}"
        for model in package.joinpath("models").iterdir()
        if model.is_dir()
        for p in model.iterdir()
        if p.name != "__pycache__"
    }
    assert lexicons and models
    code = {"analyze/pipeline.py", "analyze/claims.py", "analyze/certainty.py", "model.py"}
    assert lexicons | models | code | {"ingest/outlets.json"} <= covered
    assert not any(path.endswith(".pyc") for path in covered)
    assert not any("eval" in path for path in covered)  # eval-only models change no ledger


def test_a_ledger_of_a_cut_text_is_found_under_its_input(tmp_path):
    """Analysis cuts an over-long text; the ledger is kept under the text as given."""
    given = Article("One sentence. " * 10, id="long")
    cut = replace(given, text=given.text[:56])
    cache = LedgerCache(tmp_path)
    cache.put(_ledger(cut), given)
    assert cache.get(given).article.text == cut.text  # the ledger's own text, offsets intact
