"""Wire credits in real news (PolNeAR metadata): a cross-check of citation finding.

PolNeAR's ``metadata.tsv`` says which articles are wire copies (``wire``: AP, AFP, UPI,
Reuters). Every article with a text under the given folder is analysed and its citations
found (:func:`newstrace.trace.citations.find_citations`), as ``newstrace trace`` does.
Reports recall of the labelled wire, and the share of articles labelled with no wire that
are said to credit a wire agency (false alarms). The metadata's ``credit`` column ("h/t: The
Hill") is not used: those credits are in the metadata only, not in the texts.

Data: the ``polnear`` folder (or one compartment of it, e.g. ``polnear/dev``); the metadata
file is looked for there and one level up.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from newstrace.errors import DataError, NewstraceError
from newstrace.eval._io import write_predictions
from newstrace.ingest import canonical_outlet
from newstrace.model import Article

WIRES = {"Associated Press", "Agence France-Presse", "United Press International", "Reuters"}


def evaluate(data: Path, predictions: Path | None = None) -> dict[str, Any]:
    from newstrace.engines.local import analyze_stream
    from newstrace.trace.citations import OutletNames, find_citations

    labels = _labels(data)
    texts = {p.stem: p for p in sorted(Path(data).glob("**/text/*.txt")) if p.stem in labels}
    if not texts:
        raise DataError(f"{data}: no PolNeAR text files with metadata")
    names = list(texts)
    articles = (Article(texts[name].read_text(encoding="utf-8"), id=name) for name in names)
    cited: dict[str, set[str]] = {}
    for name, ledger in zip(names, analyze_stream(articles, n_process=2), strict=True):
        if isinstance(ledger, NewstraceError):
            cited[name] = set()
            continue
        found = find_citations(ledger, OutletNames(()), name)
        cited[name] = {canonical_outlet(c.cited) or c.cited for c in found}
    wire = [n for n in names if labels[n]]
    unwired = [n for n in names if not labels[n]]
    write_predictions(predictions, ((n, sorted(cited[n])) for n in names))
    return {
        "articles": len(names),
        "wire_articles": len(wire),
        "wire_recall": _share(labels[n] in cited[n] for n in wire),
        "wire_false_alarm_rate": _share(bool(cited[n] & WIRES) for n in unwired),
    }


def _labels(data: Path) -> dict[str, str | None]:
    """Per article: the canonical name of its wire agency, or ``None``."""
    for folder in (Path(data), Path(data).parent):
        path = folder / "metadata.tsv"
        if path.is_file():
            break
    else:
        raise DataError(f"{data}: no metadata.tsv here or one level up")
    labels = {}
    with path.open(encoding="utf-8", newline="") as stream:
        for row in csv.DictReader(stream, delimiter="\t"):
            wire = (row.get("wire") or "").strip()
            labels[row["filename"]] = (
                canonical_outlet(wire) if wire not in ("", "None", "NA") else None
            )
    return labels


def _share(flags) -> float:
    values = list(flags)
    return round(sum(values) / len(values), 4) if values else 0.0
