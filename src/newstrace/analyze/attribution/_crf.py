"""Training and opening crfsuite models as bytes, so estimators hold them in memory."""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from pathlib import Path

import pycrfsuite


def train_crf(
    sequences: Iterable[tuple[list[list[str]], list[str]]], params: dict[str, float]
) -> bytes:
    """Train a linear-chain CRF (L-BFGS) on (features, labels) sequences; return the model."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for xseq, yseq in sequences:
        trainer.append(xseq, yseq)
    trainer.set_params(params)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "model.crfsuite"
        trainer.train(str(path))
        return path.read_bytes()


def open_tagger(model: bytes) -> pycrfsuite.Tagger:
    """A tagger reading ``model`` from memory."""
    tagger = pycrfsuite.Tagger()
    tagger.open_inmemory(model)
    return tagger


def bio_spans(labels: list[str], role: str) -> list[tuple[int, int]]:
    """Token ranges of ``role`` in BIO ``labels`` (an ``I-`` without a ``B-`` starts a span)."""
    spans, start = [], None
    for i, label in enumerate([*labels, "O"]):
        if start is not None and label != f"I-{role}":
            spans.append((start, i))
            start = None
        if label in (f"B-{role}", f"I-{role}") and start is None:
            start = i
    return spans
