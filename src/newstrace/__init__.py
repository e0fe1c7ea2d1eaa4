r"""newstrace: who said this, via whom, how sure, and how the story changed as it was retold.

One article's claim ledger:

>>> import newstrace
>>> ledger = newstrace.analyze("Officials said the bridge would reopen in May.")
>>> [(claim.attribution.source.name, claim.span.text) for claim in ledger.claims]
[('Officials', 'the bridge would reopen in May')]

A corpus's story trace (here three short reports, two of them of one event):

>>> import json, pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> report = ("Engineers closed the Pellin Quay swing bridge on Monday after finding rusted "
...           "gears, the Pellin harbour board said. Buses will use Marlow Street for six weeks.")
>>> articles = [
...     {"id": "gazette", "outlet": "Pellin Gazette", "published": "2025-02-10", "text": report},
...     {"id": "wire", "outlet": "Shore Wire", "published": "2025-02-11",
...      "text": "As reported by the Pellin Gazette:\n\n" + report},
...     {"id": "ferry", "outlet": "Shore Wire", "published": "2025-02-12",
...      "text": "The Inchcarra ferry will run an extra evening sailing from March, the "
...              "operator said, after a petition signed by 900 islanders."},
... ]
>>> corpus = folder / "corpus.jsonl"
>>> _ = corpus.write_text("\n".join(json.dumps(a) for a in articles), encoding="utf-8")
>>> result = newstrace.trace(corpus, cache=folder / "ledgers")
>>> [(story.article_ids, story.origin.article_id) for story in result.trace.stories]
[(('gazette', 'wire'), 'gazette'), (('ferry',), None)]
>>> written = result.write(folder / "out")
>>> sorted(path.name for path in (folder / "out").iterdir())
['edges.csv', 'index.json', 'report.html', 'trace.json']

The stage packages share two of these names (``newstrace.analyze``, ``newstrace.trace``):
import their modules with ``from newstrace.trace.stories import ...``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from newstrace._version import __version__
from newstrace.errors import NewstraceError
from newstrace.model import (
    Article,
    Attribution,
    Certainty,
    CertaintyLevel,
    Citation,
    Claim,
    ClaimKind,
    CopyEdge,
    DriftEvent,
    DriftType,
    Ledger,
    Origin,
    Source,
    SourceKind,
    SourceSummary,
    Span,
    Story,
    Trace,
    TracedArticle,
)
from newstrace.serialize import dumps, dumps_trace, loads, loads_trace
from newstrace.trace.options import TraceOptions

# The stage packages ``newstrace.analyze`` and ``newstrace.trace`` share their names with the
# front-door functions. Importing a submodule for the first time binds it on its parent, so
# both packages are imported here, before the functions are bound: the names then stay the
# functions for good, however the stages are imported later.
importlib.import_module("newstrace.analyze")
importlib.import_module("newstrace.trace")

from newstrace.api import (  # noqa: E402  (after the stage packages, see above)
    Analysed,
    Batch,
    TraceResult,
    analyze,
    analyze_many,
    trace,
)

if TYPE_CHECKING:
    from newstrace.analyze.pipeline import Analyzer

__all__ = [
    "Analysed",
    "Analyzer",
    "Article",
    "Attribution",
    "Batch",
    "Certainty",
    "CertaintyLevel",
    "Citation",
    "Claim",
    "ClaimKind",
    "CopyEdge",
    "DriftEvent",
    "DriftType",
    "Ledger",
    "NewstraceError",
    "Origin",
    "Source",
    "SourceKind",
    "SourceSummary",
    "Span",
    "Story",
    "Trace",
    "TraceOptions",
    "TraceResult",
    "TracedArticle",
    "__version__",
    "analyze",
    "analyze_many",
    "dumps",
    "dumps_trace",
    "loads",
    "loads_trace",
    "trace",
]


def __getattr__(name: str) -> Any:
    # the pipeline imports spaCy (seconds); reading JSON or rendering reports should not wait
    if name == "Analyzer":
        from newstrace.analyze.pipeline import Analyzer

        return Analyzer
    raise AttributeError(f"module 'newstrace' has no attribute '{name}'")
