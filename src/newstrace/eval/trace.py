"""Story trace on a labelled corpus: grouping, copies, origin, citations and drift.

Data: a JSONL corpus (the ``newstrace trace`` input) whose articles also carry gold fields
``story``, ``copy_of``, ``cites`` and ``origin`` (an article id, or ``outlet:<Name>``), and
optionally a drift file with lines ``{story, article_id, derivative_phrase, earlier_id,
earlier_phrase, drift_type}`` (``--drift``). The format is described in ``data/README.md``.
A folder stands for its ``articles.jsonl`` and, unless ``--drift`` names another, the
``drift.jsonl`` beside it (the layout of ``real-stories/``).

A predicted drift event matches a gold one on the same article when their phrases overlap;
each gold line is matched at most once. ``drift_typed`` also needs the same type.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from newstrace.errors import DataError
from newstrace.eval._io import rounded, write_predictions
from newstrace.ingest import outlet_identity
from newstrace.model import DriftEvent, Trace


def evaluate(
    data: Path,
    predictions: Path | None = None,
    drift: Path | None = None,
    cache: Path | None = None,
    jobs: int = 1,
) -> dict[str, Any]:
    """Trace ``data`` (ledgers analysed by ``jobs`` processes, kept in ``cache`` when given,
    so a second run only scores) and score the trace against its gold fields."""
    from newstrace.api import trace

    if data.is_dir():
        folder, data = data, data / "articles.jsonl"
        if drift is None and (folder / "drift.jsonl").is_file():
            drift = folder / "drift.jsonl"
    gold = read_gold(data)
    traced = trace(data, cache=cache, jobs=jobs).trace
    metrics = score(traced, gold, _read_drift(drift, gold) if drift else None)
    write_predictions(predictions, _prediction_rows(traced))
    return metrics


def score(trace: Trace, gold: dict[str, dict], drift: list[dict] | None) -> dict[str, Any]:
    """Every metric of a trace against gold articles (and gold drift lines, when given)."""
    story_of = {a.id: a.story_id for a in trace.articles}
    metrics: dict[str, Any] = {"articles": len(gold), "stories": len(trace.stories)}
    metrics.update(_prefixed("grouping", _bcubed(story_of, gold)))
    predicted_copies = {(e.article_id, e.copy_of) for s in trace.stories for e in s.copies}
    gold_copies = {(a, g["copy_of"]) for a, g in gold.items() if g.get("copy_of")}
    metrics.update(_prefixed("copy", _prf(predicted_copies, gold_copies)))
    metrics["origin_accuracy"], metrics["origin_stories"] = _origin_accuracy(trace, gold)
    predicted_cites = {
        (c.article_id, outlet_identity(c.cited)) for s in trace.stories for c in s.citations
    }
    gold_cites = {
        (a, outlet_identity(name)) for a, g in gold.items() for name in g.get("cites") or []
    }
    metrics.update(_prefixed("citation", _prf(predicted_cites, gold_cites)))
    if drift is not None:
        events = [e for s in trace.stories for e in s.drift if e.article_id in gold]
        metrics.update(_prefixed("drift", _drift_prf(events, drift, typed=False)))
        metrics.update(_prefixed("drift_typed", _drift_prf(events, drift, typed=True)))
        metrics["drift_gold"], metrics["drift_predicted"] = len(drift), len(events)
    return rounded(metrics)


def _bcubed(story_of: dict[str, str | None], gold: dict[str, dict]) -> dict[str, float]:
    """B-cubed precision, recall and F1 over the gold articles (unplaced ones stand alone)."""
    predicted = {a: story_of.get(a) or f"unplaced:{a}" for a in gold}
    by_predicted: dict[str, set[str]] = defaultdict(set)
    by_gold: dict[str, set[str]] = defaultdict(set)
    for article, g in gold.items():
        by_predicted[predicted[article]].add(article)
        by_gold[g["story"]].add(article)
    precision = recall = 0.0
    for article, g in gold.items():
        mine, truth = by_predicted[predicted[article]], by_gold[g["story"]]
        precision += len(mine & truth) / len(mine)
        recall += len(mine & truth) / len(truth)
    p, r = precision / len(gold), recall / len(gold)
    return {"p": p, "r": r, "f1": _f1(p, r)}


def _origin_accuracy(trace: Trace, gold: dict[str, dict]) -> tuple[float, int]:
    """Share of gold stories (two versions or more) whose predicted story names its origin.

    A gold story is judged in the predicted story holding most of its articles.
    """
    members: dict[str, list[str]] = defaultdict(list)
    for article, g in gold.items():
        members[g["story"]].append(article)
    story_of = {a.id: a.story_id for a in trace.articles}
    stories = {s.id: s for s in trace.stories}
    judged = correct = 0
    for articles in members.values():
        if len(articles) < 2:
            continue
        judged += 1
        votes = Counter(story for a in articles if (story := story_of.get(a)) is not None)
        if not votes:
            continue
        origin = stories[votes.most_common(1)[0][0]].origin
        expected = gold[articles[0]]["origin"]
        if expected.startswith("outlet:"):
            correct += origin.article_id is None and outlet_identity(
                origin.outlet or ""
            ) == outlet_identity(expected.removeprefix("outlet:"))
        else:
            correct += origin.article_id == expected
    return (correct / judged if judged else 0.0), judged


def _drift_prf(events: list[DriftEvent], drift: list[dict], typed: bool) -> dict[str, float]:
    used: set[int] = set()
    matched = 0
    for line in drift:
        for number, event in enumerate(events):
            if number in used or event.article_id != line["article_id"]:
                continue
            if typed and event.type != line["drift_type"]:
                continue
            if event.phrase.start < line["end"] and line["start"] < event.phrase.end:
                used.add(number)
                matched += 1
                break
    p = matched / len(events) if events else 0.0
    r = matched / len(drift) if drift else 0.0
    return {"p": p, "r": r, "f1": _f1(p, r)}


def _prf(predicted: set, gold: set) -> dict[str, float]:
    hits = len(predicted & gold)
    p = hits / len(predicted) if predicted else 0.0
    r = hits / len(gold) if gold else 0.0
    return {"p": p, "r": r, "f1": _f1(p, r)}


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _prefixed(prefix: str, values: dict[str, float]) -> dict[str, float]:
    return {f"{prefix}_{key}": value for key, value in values.items()}


def read_gold(path: Path) -> dict[str, dict]:
    """Gold articles by id from a labelled corpus JSONL (``story``, ``copy_of``, ...)."""
    gold: dict[str, dict] = {}
    for number, line in _lines(path):
        try:
            row = json.loads(line)
            gold[str(row["id"])] = {
                "story": row["story"],
                "copy_of": row.get("copy_of"),
                "cites": row.get("cites") or [],
                "origin": row.get("origin") or "",
                "text": row["text"],
            }
        except (json.JSONDecodeError, KeyError, TypeError) as error:
            raise DataError(f"{path}:{number}: not a gold article ({error})") from error
    if not gold:
        raise DataError(f"{path}: no articles")
    return gold


def _read_drift(path: Path, gold: dict[str, dict]) -> list[dict]:
    """Gold drift lines, each located in its article: ``start``/``end`` of its phrase, as
    the line gives them (a phrase printed twice) or where the phrase first occurs."""
    lines = []
    for number, line in _lines(path):
        try:
            row = json.loads(line)
            text = gold[row["article_id"]]["text"]
            phrase = row["derivative_phrase"]
            given = row.get("start")
            start = given if isinstance(given, int) else text.find(phrase)
        except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as error:
            raise DataError(f"{path}:{number}: not a gold drift line ({error})") from error
        if start < 0 or text[start : start + len(phrase)] != phrase:
            raise DataError(f"{path}:{number}: phrase not found in article {row['article_id']}")
        lines.append({**row, "start": start, "end": start + len(phrase)})
    return lines


def _lines(path: Path) -> Iterable[tuple[int, str]]:
    with Path(path).open(encoding="utf-8") as stream:
        for number, line in enumerate(stream, start=1):
            if line.strip():
                yield number, line


def _prediction_rows(trace: Trace) -> Iterable[tuple[str, Any]]:
    stories = {s.id: s for s in trace.stories}
    for article in trace.articles:
        story = stories.get(article.story_id or "")
        copy = (
            next((e for e in story.copies if e.article_id == article.id), None) if story else None
        )
        yield (
            article.id,
            {
                "status": article.status.value,
                "story": article.story_id,
                "copy_of": copy.copy_of if copy else None,
                "cites": sorted({c.cited for c in story.citations if c.article_id == article.id})
                if story
                else [],
                "drift": [
                    {
                        "type": e.type.value,
                        "phrase": e.phrase.text,
                        "earlier_id": e.earlier_article_id,
                        "earlier_phrase": e.earlier_phrase.text,
                    }
                    for e in (story.drift if story else ())
                    if e.article_id == article.id
                ],
            },
        )
