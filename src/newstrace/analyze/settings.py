"""The analyser's choices read from the environment, for the process and its workers.

``NEWSTRACE_SPACY_MODEL`` chooses the spaCy pipeline (:func:`newstrace.analyze.nlp.model_name`);
``NEWSTRACE_ATTRIBUTION`` chooses the attribution extractor: ``crf`` (the default, two CRFs
over the parse) or ``encoder`` (a fine-tuned MiniLM on onnxruntime). Environment variables
reach the worker processes of ``-j`` and of the Spark engine unchanged, and the ledger
cache key (:mod:`newstrace.analyze.provenance`) records both. Nothing here loads a model.
"""

from __future__ import annotations

import os

from newstrace.errors import UsageError

ATTRIBUTION_ENV = "NEWSTRACE_ATTRIBUTION"
EXTRACTORS = ("crf", "encoder")
DEFAULT_EXTRACTOR = "crf"


def extractor_name() -> str:
    """The attribution extractor to use: ``$NEWSTRACE_ATTRIBUTION`` or ``crf``.

    >>> extractor_name() in EXTRACTORS
    True
    """
    name = os.environ.get(ATTRIBUTION_ENV, "").strip().lower() or DEFAULT_EXTRACTOR
    if name not in EXTRACTORS:
        raise UsageError(
            f"{ATTRIBUTION_ENV}='{name}' is not an attribution extractor; "
            f"choose one of {', '.join(EXTRACTORS)}"
        )
    return name
