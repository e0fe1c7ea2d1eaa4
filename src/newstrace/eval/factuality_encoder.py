"""Event factuality read by a fine-tuned encoder (all-MiniLM-L6-v2, two layers, int8).

The ridge over the parse (:class:`~newstrace.eval.factuality_model.FactualityModel`) sees
the predicate's own words and its governors; the encoder, fine-tuned on the news subsets
(MEANTIME and UW) and the veridicality subsets (MV2 and RP), reads the whole sentence
around it. It rates every word piece; an
event's rating is the mean over its pieces (the head is linear, so this equals rating the
pooled pieces, as training did). ``newstrace eval factuality`` averages it with the ridge
for news text, where it was trained; other domains keep the ridge alone (figures in the
model card). Only evaluation loads it, like the ridge.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from newstrace.analyze.attribution.encoder import load_tokenizer, tokenizer_path
from newstrace.artefacts import EVAL_MODELS_DIR, model_dir, onnx_session, read_meta
from newstrace.eval.factuality_model import SCALE

ARTEFACT = "factuality-encoder"
FORMAT = 1
MODEL_FILE = "factuality.int8.onnx"
MAX_PIECES = 512
"""The base model's longest input; a sentence past it is cut (its end keeps ``[SEP]``)."""


class EncodedFactuality:
    """Rate how firmly a sentence commits to each of its events (-3 .. 3)."""

    def __init__(self, model: Path, tokenizer: Path, *, threads: int = 1) -> None:
        self._tokenizer = load_tokenizer(tokenizer)
        self._session = onnx_session(model, threads)

    @classmethod
    def load(cls, *, threads: int = 1) -> EncodedFactuality:
        """The packaged model (``newstrace/eval/models/factuality-encoder``)."""
        read_meta(ARTEFACT, fmt=FORMAT, root=EVAL_MODELS_DIR)
        directory = model_dir(ARTEFACT, root=EVAL_MODELS_DIR)
        return cls(directory / MODEL_FILE, tokenizer_path(), threads=threads)

    def predict(self, sentences: Sequence[dict[str, Any]]) -> np.ndarray:
        """One rating per target, in order: ``sentences`` as
        :func:`~newstrace.eval.factuality.read_sentences` gives them (``words`` and
        ``targets`` of ``(start, end, label)`` word spans)."""
        found = []
        for sentence in sentences:
            ids, words = event_pieces(self._tokenizer, sentence["words"])
            feed = {"input_ids": np.array([ids], dtype=np.int64)}
            feed["attention_mask"] = np.ones_like(feed["input_ids"])
            (values,) = self._session.run(["factuality"], feed)
            rated = np.asarray(values).reshape(-1)
            for start, end, *_ in sentence["targets"]:
                inside = [i for i, w in enumerate(words) if w is not None and start <= w < end]
                # an event cut off a sentence past 512 pieces: the sentence's mean rating
                found.append(float(rated[inside].mean() if inside else rated[1:-1].mean()))
        return np.clip(np.array(found, dtype=np.float64), *SCALE)


def event_pieces(tokenizer: Any, words: Sequence[str]) -> tuple[list[int], list[int | None]]:
    """Word-piece ids of a sentence given as words, and for each piece its word's number
    (``None`` for ``[CLS]`` and ``[SEP]``), cut to :data:`MAX_PIECES` (training reads
    sentences the same way)."""
    encoding = tokenizer.encode(list(words), is_pretokenized=True)
    ids, owners = list(encoding.ids), list(encoding.word_ids)
    if len(ids) > MAX_PIECES:
        ids, owners = ids[: MAX_PIECES - 1] + ids[-1:], owners[: MAX_PIECES - 1] + [None]
    return ids, owners
