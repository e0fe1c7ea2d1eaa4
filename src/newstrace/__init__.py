"""newstrace: who said this, via whom, how sure, and how the story changed as it was retold.

>>> import newstrace
>>> ledger = newstrace.analyze("Officials said the bridge would reopen in May.")  # doctest: +SKIP
>>> [claim.attribution.source.name for claim in ledger.claims]  # doctest: +SKIP
['Officials']
>>> story_trace = newstrace.trace_corpus("corpus.jsonl", cache="ledgers/")  # doctest: +SKIP
>>> [story.origin.outlet for story in story_trace.stories]  # doctest: +SKIP
['Harbour Gazette', 'Northern Ledger']
"""

from __future__ import annotations

import importlib
import tempfile
from functools import lru_cache
from pathlib import Path
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
    CopyEdge,
    DriftEvent,
    DriftType,
    Ledger,
    Source,
    SourceKind,
    SourceSummary,
    Span,
    Story,
    Trace,
)

__all__ = [
    "Analyzer",
    "Article",
    "Attribution",
    "Certainty",
    "CertaintyLevel",
    "Claim",
    "ClaimKind",
    "CopyEdge",
    "DriftEvent",
    "DriftType",
    "Ledger",
    "NewstraceError",
    "Source",
    "SourceKind",
    "SourceSummary",
    "Span",
    "Story",
    "Trace",
    "__version__",
    "analyze",
    "trace_corpus",
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
# here, before the function is defined, lets the function keep the name for good. (Import its
# modules with ``from newstrace.analyze.x import y``.) The corpus-level function is
# ``trace_corpus``, so that ``newstrace.trace`` stays the stage package.
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


def trace_corpus(source: str | Path, *, cache: str | Path | None = None, jobs: int = 1) -> Trace:
    """The story trace of a corpus (a directory, ``.jsonl``, ``.csv`` or ``.warc(.gz)``).

    Ledgers are kept in ``cache`` (a folder; a temporary one when ``None``), so tracing the
    same or a grown corpus again only analyses new articles. ``jobs`` processes analyse.
    """
    from newstrace.engines.local import trace_corpus as run
    from newstrace.trace.cache import LedgerCache

    if cache is not None:
        return run(source, LedgerCache(Path(cache)), n_process=jobs)
    with tempfile.TemporaryDirectory(prefix="newstrace-ledgers-") as scratch:
        return run(source, LedgerCache(Path(scratch)), n_process=jobs)
