"""What a ledger depends on besides its article: the code, the parser, the lexicons, the models.

A ledger cached under a key that misses one of these comes back stale after that part
changes (edit a lexicon, retrain a model, set ``NEWSTRACE_SPACY_MODEL`` or
``NEWSTRACE_ATTRIBUTION``), so the key is this
digest plus the article. Nothing here loads spaCy: versions come from package metadata, and
lexicons and models are hashed byte for byte.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import metadata, resources
from importlib.abc import Traversable

from newstrace._version import __version__
from newstrace.analyze.nlp import model_name
from newstrace.analyze.settings import extractor_name

# What an article's ledger is made by: the code and data of analysis and ingest (their
# lexicons and the outlet table among them), the data model, and every file of every
# runtime model. Hashing the code too keeps a cache from serving ledgers an edit would change
# while the version number stays the same.
_DATA = (("newstrace", "analyze"), ("newstrace", "ingest"), ("newstrace", "model.py"))
_MODELS = ("newstrace", "models")


def ledger_provenance() -> str:
    """A digest of everything besides the article that goes into its ledger.

    Computed once per process, pipeline and attribution extractor, as the analyser loads
    its lexicons and models once per process."""
    return _digest(model_name(), extractor_name())


@lru_cache(maxsize=4)
def _digest(pipeline: str, extractor: str) -> str:
    digest = hashlib.sha256()
    for part in (
        "newstrace",
        __version__,
        "spacy",
        _version("spacy"),
        pipeline,
        _version(pipeline),
        "attribution",
        extractor,
    ):
        digest.update(part.encode() + b"\0")
    for path, data in ledger_files():
        digest.update(path.encode() + b"\0" + hashlib.sha256(data).digest())
    return digest.hexdigest()


def ledger_files() -> list[tuple[str, bytes]]:
    """The analysis and ingest code with their lexicons and outlet table, the data model,
    and every file of every runtime model, by path."""
    return [
        found
        for package, name in (*_DATA, _MODELS)
        for found in _files(resources.files(package).joinpath(name), name)
    ]


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "unknown"  # a pipeline loaded from a folder: its name stands for it


def _files(entry: Traversable, path: str) -> list[tuple[str, bytes]]:
    """Every file under ``entry`` (or ``entry`` itself), by relative path, in a fixed order."""
    if entry.is_file():
        return [(path, entry.read_bytes())]
    if not entry.is_dir():
        return []
    found: list[tuple[str, bytes]] = []
    for child in sorted(entry.iterdir(), key=lambda c: c.name):
        if child.name != "__pycache__":
            found.extend(_files(child, f"{path}/{child.name}"))
    return found
