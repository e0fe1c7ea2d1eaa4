"""How certain a sentence sounds, read by a fine-tuned encoder (all-MiniLM-L6-v2, int8).

The ridge over words and cues (:class:`~newstrace.analyze.certainty_model.SentenceCertainty`)
hears "may" and "suggests" but not how a sentence is built; the encoder, fine-tuned on the
same Pei & Jurgens findings, hears more of it, and the two averaged beat either alone on
the dev split (figures in the model card). The graph was exported by
:mod:`newstrace.training.certainty_encoder` with its mean pooling and regression head inside,
so it maps word pieces straight to the 1-6 scale. Nothing here imports torch; the tokenizer
is the base model's, as the attribution encoder reads it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from newstrace.analyze.attribution.encoder import load_tokenizer, tokenizer_path
from newstrace.artefacts import model_dir, onnx_session, read_meta

ARTEFACT = "certainty-encoder"
FORMAT = 1
MODEL_FILE = "certainty.int8.onnx"
QUANTILES_FILE = "quantiles.npz"
MAX_PIECES = 128
"""A sentence is cut to this many word pieces (a claim's sentence rarely reaches 60)."""
SCALE = (1.0, 6.0)


class EncodedCertainty:
    """Predict a sentence's certainty (1-6) from its text with the fine-tuned encoder.

    ``threads`` is onnxruntime's intra-op thread count: 1 by default, as the ledger runs one
    analyser per process (``-j``).
    """

    def __init__(self, model: Path, tokenizer: Path, *, threads: int = 1) -> None:
        self._tokenizer = load_tokenizer(tokenizer)
        self._session = onnx_session(model, threads)

    @classmethod
    def load(cls, *, threads: int = 1) -> EncodedCertainty:
        """The packaged model (``newstrace/models/certainty-encoder``)."""
        read_meta(ARTEFACT, fmt=FORMAT)
        return cls(model_dir(ARTEFACT) / MODEL_FILE, tokenizer_path(), threads=threads)

    def predict(self, texts: Sequence[str]) -> np.ndarray:
        """Certainty on the 1-6 scale, clipped to it, one value per text."""
        return np.array([self.predict_one(text) for text in texts], dtype=np.float64)

    def predict_one(self, text: str) -> float:
        """One sentence, one run: onnxruntime quantises a run's activations with one scale,
        so in a padded batch a sentence's value would depend on its neighbours."""
        feed = {"input_ids": np.array([pieces(self._tokenizer, text)], dtype=np.int64)}
        feed["attention_mask"] = np.ones_like(feed["input_ids"])
        (value,) = self._session.run(["certainty"], feed)
        return float(np.clip(np.asarray(value).reshape(-1)[0], *SCALE))


def pieces(tokenizer: Any, text: str) -> list[int]:
    """Word-piece ids of a sentence, its spacing folded, cut to :data:`MAX_PIECES` with its
    closing ``[SEP]`` kept (training reads sentences the same way)."""
    ids = tokenizer.encode(" ".join(text.split())).ids
    return ids[: MAX_PIECES - 1] + ids[-1:] if len(ids) > MAX_PIECES else ids


def read_quantiles() -> np.ndarray:
    """The blended model's predictions on its training sentences, as quantiles (see
    :class:`~newstrace.analyze.certainty_model.CertaintyModel`)."""
    with np.load(model_dir(ARTEFACT) / QUANTILES_FILE, allow_pickle=False) as arrays:
        return np.asarray(arrays["quantiles"])
