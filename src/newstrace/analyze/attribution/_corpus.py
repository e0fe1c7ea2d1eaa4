"""Parsing a labelled corpus once: spaCy Docs cached as DocBin files under ``build/``.

Parsing is most of the cost of training and of a dev evaluation, so the parsed Docs are kept
in a DocBin whose name carries a hash of the texts and of the pipeline: a changed text or a
different pipeline gets a fresh parse, never a stale one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from spacy.tokens import Doc, DocBin

from newstrace.analyze.nlp import load_nlp, model_name


def parse_cached(texts: Sequence[str], cache_dir: Path | None) -> list[Doc]:
    """Parse ``texts`` with the newstrace pipeline, reusing a DocBin in ``cache_dir`` if any."""
    nlp = load_nlp()
    if cache_dir is None:
        return list(nlp.pipe(texts))
    path = Path(cache_dir) / f"docs-{_fingerprint(texts)}.spacy"
    if path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = list(nlp.pipe(texts))
    path.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs).to_disk(path)
    return docs


def _fingerprint(texts: Sequence[str]) -> str:
    digest = hashlib.sha256(model_name().encode())
    for text in texts:
        digest.update(hashlib.sha256(text.encode()).digest())
    return digest.hexdigest()[:16]
