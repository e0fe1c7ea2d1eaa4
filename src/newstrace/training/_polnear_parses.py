"""Parsing a labelled corpus once for training: spaCy Docs cached as DocBin files under ``build/``.

Parsing is most of the cost of training and of a dev evaluation, so the parsed Docs are kept
in a DocBin whose name carries a hash of the texts and of the pipeline: a changed text or a
different pipeline gets a fresh parse, never a stale one. A DocBin drops ``doc.tensor`` (the
parse's contextual token vectors, which the cue tagger reads), so those go to a ``.npy`` file
of the same name, all Docs' rows stacked.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, DocBin

from newstrace.analyze.nlp import QUOTE_AFTER_STOP, TITLE_ABBREVIATIONS, load_nlp, model_name


def parse_cached(texts: Sequence[str], cache_dir: Path | None) -> list[Doc]:
    """Parse ``texts`` with the newstrace pipeline, reusing a DocBin in ``cache_dir`` if any."""
    nlp = load_nlp()
    if cache_dir is None:
        return list(nlp.pipe(texts))
    path = Path(cache_dir) / f"docs-{_fingerprint(texts)}.spacy"
    tensors = path.with_suffix(".npy")
    if path.exists() and tensors.exists():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        rows = np.load(tensors, allow_pickle=False)
        for doc, start in zip(docs, np.cumsum([0] + [len(d) for d in docs]), strict=False):
            doc.tensor = rows[start : start + len(doc)]
        return docs
    docs = list(nlp.pipe(texts))
    path.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs).to_disk(path)
    np.save(tensors, np.concatenate([doc.tensor for doc in docs]))
    return docs


def _fingerprint(texts: Sequence[str]) -> str:
    digest = hashlib.sha256(model_name().encode())
    digest.update(" ".join(TITLE_ABBREVIATIONS).encode())  # the tokenizer's own exceptions
    digest.update(QUOTE_AFTER_STOP.encode())  # and its own infix
    for text in texts:
        digest.update(hashlib.sha256(text.encode()).digest())
    return digest.hexdigest()[:16]
