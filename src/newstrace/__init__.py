"""newstrace: who said this, via whom, how sure, and how the story changed as it was retold.

>>> import newstrace
>>> ledger = newstrace.analyze("Officials said the bridge would reopen in May.")  # doctest: +SKIP
>>> [claim.attribution.source.name for claim in ledger.claims]  # doctest: +SKIP
['Officials']
"""

from __future__ import annotations

import importlib
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from newstrace._version import __version__
from newstrace.errors import NewstraceError
from newstrace.model import (
    Article,
    Attribution,
    Certainty,
    CertaintyLevel,
    Claim,
    ClaimKind,
    Ledger,
    Source,
    SourceKind,
    SourceSummary,
    Span,
)

__all__ = [
    "Analyzer",
    "Article",
    "Attribution",
    "Certainty",
    "CertaintyLevel",
    "Claim",
    "ClaimKind",
    "Ledger",
    "NewstraceError",
    "Source",
    "SourceKind",
    "SourceSummary",
    "Span",
    "__version__",
    "analyze",
]


if TYPE_CHECKING:
    from newstrace.analyze.pipeline import Analyzer


def __getattr__(name: str) -> Any:
    # the pipeline imports spaCy (seconds); reading JSON or rendering reports should not wait
    if name == "Analyzer":
        from newstrace.analyze.pipeline import Analyzer

        return Analyzer
    raise AttributeError(f"module 'newstrace' has no attribute '{name}'")


# The stage package ``newstrace.analyze`` and the function ``newstrace.analyze()`` share a name.
# Importing the package binds it on ``newstrace`` once, when it is first imported; doing that
# here, before the function is defined, lets the function keep the name for good.
importlib.import_module("newstrace.analyze")


@lru_cache(maxsize=1)
def _default_analyzer() -> Analyzer:
    from newstrace.analyze.pipeline import Analyzer

    return Analyzer()


def analyze(text_or_article: str | Article) -> Ledger:
    """The claim ledger of one article (plain text or an :class:`Article` with metadata).

    Models load on the first call and are reused after it. Raises a
    :class:`NewstraceError` subclass (with a code) when the input cannot be analysed.
    """
    return _default_analyzer()(text_or_article)
