"""Trained artefacts: where they live and how their format version is checked.

Every model directory holds a ``meta.json`` with ``format`` (the artefact format this code
reads), ``newstrace`` (the version that wrote it), ``trained_on`` and the figures measured when
it was trained. Loading refuses a format that this code does not read, with a message that
says how to rebuild (``make train``).

Two roots hold them: :data:`MODELS_DIR` (``models/<name>/`` in the package), the models that
``analyze`` and ``trace`` load at run time (and that the ledger cache key hashes), and
:data:`EVAL_MODELS_DIR` (``eval/models/<name>/``), the models only the ``eval`` command
loads. Each function takes ``root`` to pick one; the runtime root is the default.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from newstrace._version import __version__
from newstrace.errors import ArtefactError

MODELS_DIR = Path(__file__).parent / "models"
EVAL_MODELS_DIR = Path(__file__).parent / "eval" / "models"


def model_dir(name: str, *, root: Path = MODELS_DIR) -> Path:
    """The directory of the packaged artefact ``name`` under ``root``."""
    return root / name


def write_meta(name: str, *, fmt: int, root: Path = MODELS_DIR, **facts: Any) -> Path:
    """Write ``meta.json`` for artefact ``name`` (format version, our version, facts)."""
    path = model_dir(name, root=root) / "meta.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    meta = {"name": name, "format": fmt, "newstrace": __version__, **facts}
    path.write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return path


def onnx_session(model: Path, threads: int) -> Any:
    """An onnxruntime session on the CPU for the ONNX graph at ``model``, with ``threads``
    intra-op threads (0: onnxruntime's choice) and one inter-op thread."""
    import onnxruntime

    settings = onnxruntime.SessionOptions()
    settings.intra_op_num_threads = threads
    settings.inter_op_num_threads = 1
    return onnxruntime.InferenceSession(str(model), settings, providers=["CPUExecutionProvider"])


def read_meta(name: str, *, fmt: int, root: Path = MODELS_DIR) -> dict[str, Any]:
    """Read and check ``meta.json`` of artefact ``name``; refuse a foreign format version."""
    path = model_dir(name, root=root) / "meta.json"
    if not path.exists():
        raise ArtefactError(f"model '{name}' is missing ({path}); rebuild it with `make train`")
    meta = json.loads(path.read_text(encoding="utf-8"))
    if meta.get("format") != fmt:
        raise ArtefactError(
            f"model '{name}' has format {meta.get('format')} (written by newstrace "
            f"{meta.get('newstrace')}), this newstrace reads format {fmt}; "
            "rebuild it with `make train`"
        )
    return meta
