"""Event factuality (unified data of Jiang & de Marneffe 2021): Pearson r and MAE over targets.

Data: JSON lines with ``text`` (tokens joined by spaces) and ``targets``, each with ``span1``
(the event predicate's ``[start, end)`` token span) and ``label`` in [-3, 3]. Which file is
scored:

* a file: all its targets;
* a folder with ``dev.jsonl`` (or, lacking one, ``test.jsonl``): that file;
* a folder of such subset folders (``datasets/factuality``): each subset, reported under
  ``subsets``, plus all their targets pooled.

The subset's folder name picks the model's domain (UDS_IH2, CB, MV2, RP: their own; anything
else is scored as news). News and the veridicality subsets are rated by the ridge over the
parse averaged with the fine-tuned encoder (:mod:`newstrace.eval.factuality_encoder`,
trained on MEANTIME, UW, MV2 and RP); UDS_IH2 and CB by the ridge alone.
``mean_baseline_mae`` is the MAE of always predicting the training mean
of that domain (its r is undefined).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Doc

from newstrace.analyze.nlp import load_nlp
from newstrace.errors import DataError
from newstrace.eval._io import rounded, write_predictions
from newstrace.eval._metrics import mae, pearson
from newstrace.eval.factuality_encoder import EncodedFactuality
from newstrace.eval.factuality_model import FactualityModel, predicate_features, predicate_head

SPLIT_FILES = ("dev.jsonl", "test.jsonl")
# Domains the encoder never learnt (their conventions differ: UDS_IH2 in its training pulled
# the news subsets down), rated by the ridge alone.
RIDGE_ALONE = frozenset({"UDS_IH2", "CB"})


def read_sentences(path: Path) -> list[dict[str, Any]]:
    """The sentences of one factuality JSONL file, each with ``words`` and checked targets."""
    sentences = []
    with Path(path).open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if line.strip():
                sentences.append(_checked(json.loads(line), f"{path}:{number}"))
    return sentences


def _checked(item: dict[str, Any], where: str) -> dict[str, Any]:
    try:
        words = item["text"].split(" ")
        targets = [
            (int(t["span1"][0]), int(t["span1"][1]), float(t["label"])) for t in item["targets"]
        ]
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise DataError(f"{where}: not a factuality item ({exc})") from exc
    if any(not 0 <= s < e <= len(words) for s, e, _ in targets):
        raise DataError(f"{where}: a target span lies outside the sentence")
    return {"words": words, "targets": targets}


def parse(sentences: list[dict[str, Any]]) -> Iterator[Doc]:
    """Parse each sentence on its given tokens, so target spans stay token-aligned (an empty
    token, from two spaces in a row, is parsed as a dash so that it keeps its place)."""
    nlp = load_nlp()
    docs = (Doc(nlp.vocab, words=[w or "-" for w in s["words"]]) for s in sentences)
    yield from nlp.pipe(docs, disable=["ner"], batch_size=64)


def target_rows(sentences: list[dict[str, Any]], docs: Iterator[Doc]) -> tuple[list, list]:
    """Features and gold labels of every target, in file order."""
    rows, gold = [], []
    for sentence, doc in zip(sentences, docs, strict=True):
        for start, end, label in sentence["targets"]:
            rows.append(predicate_features(predicate_head(doc, start, end)))
            gold.append(label)
    return rows, gold


def data_files(data: Path) -> dict[str, Path]:
    """The files :func:`evaluate` scores, by subset name (see the module docstring)."""
    if data.is_file():
        return {data.parent.name: data}
    own = next((data / name for name in SPLIT_FILES if (data / name).is_file()), None)
    if own is not None:
        return {data.name: own}
    found = {
        sub.name: data_files(sub)[sub.name]
        for sub in sorted(data.iterdir())
        if sub.is_dir() and any((sub / name).is_file() for name in SPLIT_FILES)
    }
    if not found:
        raise DataError(f"{data}: no dev.jsonl or test.jsonl here or in its subfolders")
    return found


def evaluate(data: Path, predictions: Path | None = None) -> dict[str, Any]:
    model, encoder = FactualityModel.load(), EncodedFactuality.load()
    files = data_files(Path(data))
    subsets: dict[str, Any] = {}
    all_pred: list[float] = []
    all_gold: list[float] = []
    baselines: list[float] = []
    ids: list[str] = []
    for name, path in files.items():
        sentences = read_sentences(path)
        rows, gold = target_rows(sentences, parse(sentences))
        pred = model.predict(rows, name)
        if model.domain_of(name) not in RIDGE_ALONE:
            pred = (pred + encoder.predict(sentences)) / 2
        subsets[name] = figures(pred, gold, model.baseline(name))
        baselines.extend([model.baseline(name)] * len(gold))
        all_pred.extend(pred.tolist())
        all_gold.extend(gold)
        ids.extend(f"{name}/{i}" for i in range(len(gold)))
    write_predictions(predictions, zip(ids, (round(p, 4) for p in all_pred), strict=True))
    result = figures(np.array(all_pred), all_gold, baselines)
    return {**result, "subsets": subsets} if len(files) > 1 else result


def figures(pred: np.ndarray, gold: list[float], mean: float | list[float]) -> dict[str, Any]:
    """r and MAE of ``pred``, and the MAE of the train-mean baseline ``mean`` (one or per item)."""
    if not gold:
        raise DataError("no factuality targets to score")
    baseline = list(mean) if isinstance(mean, list) else [float(mean)] * len(gold)
    return rounded(
        {
            "n": len(gold),
            "pearson_r": pearson(pred, gold),
            "mae": mae(pred, gold),
            "mean_baseline_mae": mae(baseline, gold),
        }
    )
