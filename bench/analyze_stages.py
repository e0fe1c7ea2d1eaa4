"""Where the claim ledger spends its time: each stage, as a share of a bare spaCy parse.

Parses the first N PolNeAR articles with the bare pipeline, then builds their ledgers in the
same single process with each stage the pipeline calls wrapped in a timer (the extractor's
cue and role taggers and rule layers, source resolution, certainty, check-worthiness, ...).
Prints one JSON line: seconds per stage and each stage's ratio to the bare parse, largest
first; "rest" is what no wrapper caught (the ledger's own parse among it). No profiler: one
inflates the Python stages against the native ones.

    .venv/bin/python bench/analyze_stages.py [--articles 80]
    NEWSTRACE_ATTRIBUTION=encoder .venv/bin/python bench/analyze_stages.py
"""

from __future__ import annotations

import argparse
import importlib
import json
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from newstrace.analyze.nlp import load_nlp
from newstrace.model import Article

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared/datasets/polnear"
# the stage functions the pipeline module imported (_ledger, _piece_claims and _claims
# call them through its namespace, so they are wrapped there)
PIPELINE_STAGES = (
    "build_attributions",
    "per_sentence",
    "is_proposition",
    "asserted_spans",
    "alleged_acts",
    "classify_kind",
    "reports_a_deed",
    "names_no_report",
    "with_own_subject",
    "find_credit",
    "foreign_passages",
    "blank_chrome",
)
# methods of the loaded models: (class's module, class, method)
MODEL_STAGES = (
    ("newstrace.analyze.certainty", "CertaintyAssessor", "assess"),
    ("newstrace.analyze.checkworthy", "CheckworthyScorer", "score"),
    ("newstrace.analyze.source_check", "SourceCheck", "kept"),
    ("newstrace.analyze.attribution.cues", "CueTagger", "predict"),
    ("newstrace.analyze.attribution.roles", "RoleTagger", "predict"),
    ("newstrace.analyze.attribution.encoder", "EncoderTagger", "read"),
    ("newstrace.analyze.attribution.boundaries", "BoundaryRanker", "redraw"),
    ("newstrace.analyze.attribution.extractor", None, "refined"),
    ("newstrace.analyze.attribution.encoder", None, "refined"),
    ("newstrace.analyze.sources", "SourceResolver", "__init__"),
)


def _timed(seconds: dict[str, float], name: str, inner: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return inner(*args, **kwargs)
        finally:
            seconds[name] += time.perf_counter() - start

    return wrapper


def _wrap_all(seconds: dict[str, float]) -> None:
    pipeline = importlib.import_module("newstrace.analyze.pipeline")
    for name in PIPELINE_STAGES:
        setattr(pipeline, name, _timed(seconds, name, getattr(pipeline, name)))
    for module_name, owner, method in MODEL_STAGES:
        module = importlib.import_module(module_name)
        target = getattr(module, owner) if owner else module
        label = f"{owner}.{method}" if owner else method
        setattr(target, method, _timed(seconds, label, getattr(target, method)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--articles", type=int, default=80)
    args = parser.parse_args()
    texts = [f.read_text("utf-8") for f in sorted(args.corpus.glob("*/text/*.txt"))]
    texts = texts[: args.articles]
    analyzer = importlib.import_module("newstrace.analyze.pipeline").Analyzer()
    analyzer("Officials said the bridge will reopen.")  # models loaded before the clocks

    start = time.perf_counter()
    parsed = sum(1 for _ in load_nlp().pipe(texts, batch_size=16))
    parse = time.perf_counter() - start
    assert parsed == len(texts)

    seconds: dict[str, float] = defaultdict(float)
    _wrap_all(seconds)
    start = time.perf_counter()
    ledgers = list(analyzer.pipe(Article(t) for t in texts))
    total = time.perf_counter() - start
    seconds["rest"] = total - sum(seconds.values())
    ranked = sorted(seconds.items(), key=lambda item: -item[1])
    print(
        json.dumps(
            {
                "articles": len(texts),
                "failed": sum(not hasattr(ledger, "claims") for ledger in ledgers),
                "parse_s": round(parse, 2),
                "ledger_s": round(total, 2),
                "ledger_to_parse": round(total / parse, 2),
                "stages_to_parse": {name: round(s / parse, 3) for name, s in ranked},
            }
        )
    )


if __name__ == "__main__":
    main()
