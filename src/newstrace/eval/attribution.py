"""``newstrace eval attribution``: source, cue and content spans on a PolNeAR-format folder.

For each role (source, cue, content) the gold spans of an article are the distinct character
spans of that role over its attributions (a split content counts as one span from its first to
its last piece; attributions without a source add no source span); the predicted spans
likewise. Two ways to match:

* **exact**: a predicted span is right when a gold span has the same start and end.
* **overlap**: predicted and gold spans are paired one-to-one (a maximum matching) where they
  share at least one character; each pair counts as one hit. This forgives boundary errors
  but not a missed or an invented span.

Precision, recall and F1 are micro-averaged: hits, predicted and gold spans are summed over all
articles before dividing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newstrace.eval._io import rounded, write_predictions
from newstrace.eval.polnear import GoldArticle, read_polnear
from newstrace.model import AttributionSpans, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

ROLES = ("source", "cue", "content")
Pair = tuple[int, int]
Parsed = tuple[list[GoldArticle], list["Doc"]]


def evaluate(
    data: Path, predictions: Path | None = None, parsed: Parsed | None = None
) -> dict[str, Any]:
    """Score the packaged extractor on the PolNeAR-format folder ``data``: the one
    ``NEWSTRACE_ATTRIBUTION`` chooses (``crf`` by default, or ``encoder``). ``parsed``, from
    :func:`parse`, spares a second parse when both extractors are scored on the same data."""
    from newstrace.analyze.attribution import load_extractor
    from newstrace.analyze.settings import extractor_name

    articles, docs = parsed if parsed is not None else parse(data)
    extractor = load_extractor()
    predicted = [extractor.predict(doc) for doc in docs]
    write_predictions(
        predictions, ((a.id, _as_json(p)) for a, p in zip(articles, predicted, strict=True))
    )
    metrics = score([a.attributions for a in articles], predicted)
    return {"articles": len(articles), "extractor": extractor_name(), **metrics}


def parse(data: Path) -> Parsed:
    """The articles of the PolNeAR-format folder ``data`` and their parses, as the ledger
    parses them (the parse is most of an evaluation's time; extractors only read it)."""
    from newstrace.analyze.nlp import for_parser, load_nlp

    articles = read_polnear(data)
    return articles, list(load_nlp().pipe(for_parser(a.text) for a in articles))


def score(
    gold: Sequence[Sequence[AttributionSpans]], predicted: Sequence[Sequence[AttributionSpans]]
) -> dict[str, float]:
    """Exact and overlap precision / recall / F1 per role, micro-averaged over articles."""
    metrics: dict[str, float] = {}
    for role in ROLES:
        counts = {"exact": [0, 0, 0], "overlap": [0, 0, 0]}
        for gold_doc, pred_doc in zip(gold, predicted, strict=True):
            gold_spans, pred_spans = _spans(gold_doc, role), _spans(pred_doc, role)
            hits = {
                "exact": len(gold_spans & pred_spans),
                "overlap": _max_matching(sorted(pred_spans), sorted(gold_spans)),
            }
            for kind, tally in counts.items():
                tally[0] += hits[kind]
                tally[1] += len(pred_spans)
                tally[2] += len(gold_spans)
        for kind, (hit, n_pred, n_gold) in counts.items():
            metrics.update(_prf(f"{role}_{kind}", hit, n_pred, n_gold))
    return rounded(metrics)


def _spans(attributions: Iterable[AttributionSpans], role: str) -> set[Pair]:
    spans = (getattr(a, role) for a in attributions)
    return {(s.start, s.end) for s in spans if s is not None}


def _max_matching(predicted: list[Pair], gold: list[Pair]) -> int:
    """Size of a maximum one-to-one matching of spans that share a character (Kuhn's method)."""
    partner: dict[int, int] = {}

    def augment(p: int, seen: set[int]) -> bool:
        for g, span in enumerate(gold):
            if g in seen or not (predicted[p][0] < span[1] and span[0] < predicted[p][1]):
                continue
            seen.add(g)
            if g not in partner or augment(partner[g], seen):
                partner[g] = p
                return True
        return False

    return sum(augment(p, set()) for p in range(len(predicted)))


def _prf(name: str, hit: int, n_pred: int, n_gold: int) -> dict[str, float]:
    precision = hit / n_pred if n_pred else 0.0
    recall = hit / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {f"{name}_p": precision, f"{name}_r": recall, f"{name}_f1": f1}


def _as_json(attributions: Sequence[AttributionSpans]) -> list[dict[str, list[int] | None]]:
    return [
        {
            "source": _pair(a.source),
            "cue": _pair(a.cue),
            "content": _pair(a.content),
        }
        for a in attributions
    ]


def _pair(span: Span | None) -> list[int] | None:
    return None if span is None else [span.start, span.end]
