"""Ledgers kept on disk by text hash, so a re-run or a grown corpus only analyses what is new.

A ledger depends on the article's text and on the metadata that names its outlet (outlet,
url) and its language, and on everything else that made it (the newstrace version, the spaCy
pipeline, lexicons and models: :func:`~newstrace.analyze.provenance.ledger_provenance`); the
key hashes all of these. Other metadata (id, title, date) is put back from the article on
reading, so the same text under another id is not analysed twice.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import replace
from pathlib import Path

import numpy as np

from newstrace.analyze.provenance import ledger_provenance
from newstrace.errors import MalformedInputError
from newstrace.model import Article, Ledger
from newstrace.serialize import dumps, loads


class LedgerCache:
    """A folder of ledgers, ``<dir>/<2 hex>/<key>.json``; safe to share between runs."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)

    def key(self, article: Article) -> str:
        digest = hashlib.sha256(ledger_provenance().encode())
        for part in (article.text, article.outlet, article.url, article.lang):
            digest.update(b"\0" + (part or "").encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def __contains__(self, article: Article) -> bool:
        """Whether a ledger of ``article`` is stored (checked without reading it)."""
        return self._path(self.key(article)).exists()

    def get(self, article: Article) -> Ledger | None:
        """The cached ledger of ``article``, with this article's metadata, or ``None``.

        The text stays the ledger's own: analysis may have cut an over-long one."""
        ledger = self.get_by_key(self.key(article))
        if ledger is None:
            return None
        return replace(ledger, article=replace(article, text=ledger.article.text))

    def get_by_key(self, key: str) -> Ledger | None:
        """The ledger stored under ``key`` as it was stored, or ``None``."""
        try:
            return loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, MalformedInputError):
            return None  # absent, or a damaged file from a killed run: analyse again

    def put(self, ledger: Ledger, article: Article | None = None) -> str:
        """Store a ledger (atomically, so a killed run leaves no half file); return its key.

        The key is that of ``article``, the input the ledger was made from (default: the
        ledger's own article, which differs where analysis cut an over-long text). A ledger
        already stored under its key is not written again: only its metadata could differ,
        and :meth:`get` puts the reader's own back.
        """
        key = self.key(article or ledger.article)
        path = self._path(key)
        if path.exists():
            return key
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".part")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(dumps(ledger, indent=None))
        os.replace(temporary, path)
        return key

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"


class GistCache:
    """Gists (float16 sentence embeddings) of article heads, ``<dir>/gists/<2 hex>/<key>``,
    keyed by the encoder's files and the head's text: a cached trace does not encode again."""

    def __init__(self, directory: Path, encoder: str) -> None:
        self.directory = Path(directory) / "gists"
        self._encoder = encoder

    def get(self, head: str) -> np.ndarray | None:
        try:
            data = self._path(head).read_bytes()
        except OSError:
            return None
        if len(data) != _GIST_BYTES:
            return None  # a damaged file from a killed run: encode again
        return np.frombuffer(data, dtype=np.float16)

    def put(self, head: str, gist: np.ndarray) -> None:
        path = self._path(head)
        if path.exists():
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".part")
        with os.fdopen(handle, "wb") as stream:
            stream.write(gist.astype(np.float16).tobytes())
        os.replace(temporary, path)

    def _path(self, head: str) -> Path:
        digest = hashlib.sha256(self._encoder.encode() + b"\0")
        digest.update(head.encode("utf-8", "surrogatepass"))
        key = digest.hexdigest()
        return self.directory / key[:2] / key


_GIST_BYTES = 384 * 2
