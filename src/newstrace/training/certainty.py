"""Train the certainty-family models: ``python -m newstrace.training.certainty``.

Reads ``../shared/datasets`` (``--data`` overrides) and writes ``certainty`` (Pei & Jurgens
sentence certainty, a runtime model) into ``newstrace/models/``, and ``factuality`` (event
factuality), ``weasel`` and ``strength`` (sentence classifiers), which only ``newstrace eval``
loads, into ``newstrace/eval/models/``. ``--only`` picks some of them. Every choice is
seeded, so a rerun on the same data writes the same weights.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.model_selection import KFold

from newstrace.analyze.certainty_model import FORMAT, NAME, SentenceCertainty
from newstrace.analyze.sentence_features import tokenise
from newstrace.artefacts import write_meta
from newstrace.eval import certainty as certainty_eval
from newstrace.eval._metrics import mae, pearson
from newstrace.training import factuality as factuality_train
from newstrace.training import sentence_classifier

DEFAULT_DATA = Path(__file__).resolve().parents[3].parent / "shared" / "datasets"
SEED = 13
ALPHAS = (0.1, 0.3, 1.0, 3.0)


def train_certainty(data: Path) -> dict[str, Any]:
    """Fit the sentence-certainty ridge on split=train, alpha by 5-fold CV, report val."""
    path = data / "certainty" / "sentence-level-certainty.jsonl"
    items = certainty_eval.read_items(path)
    train = [item for item in items if item.get("split") == "train"]
    words = tokenise([item["finding"] for item in train])
    y = np.array([item[certainty_eval.LABEL] for item in train])
    alpha = max(ALPHAS, key=lambda a: _cv_pearson(words, y, a))
    model = SentenceCertainty(alpha=alpha).fit(words, y)
    dev = certainty_eval.scored_items(items)
    pred = model.predict(tokenise([item["finding"] for item in dev]))
    gold = [item[certainty_eval.LABEL] for item in dev]
    figures = {
        "n": len(dev),
        "pearson_r": round(pearson(pred, gold), 4),
        "mae": round(mae(pred, gold), 4),
    }
    model.save()
    write_meta(
        NAME,
        fmt=FORMAT,
        trained_on=f"{path.name} split=train ({len(train)})",
        alpha=alpha,
        seed=SEED,
        dev=figures,
    )
    return figures


def _cv_pearson(words: list[list[str]], y: np.ndarray, alpha: float) -> float:
    scores = []
    for fit, held in KFold(5, shuffle=True, random_state=SEED).split(words):
        model = SentenceCertainty(alpha=alpha).fit([words[i] for i in fit], y[fit])
        scores.append(pearson(model.predict([words[i] for i in held]), y[held]))
    return float(np.mean(scores))


TRAINERS: dict[str, Callable[[Path], dict[str, Any]]] = {
    "certainty": train_certainty,
    "factuality": factuality_train.train,
    "weasel": lambda data: sentence_classifier.train("weasel", data),
    "strength": lambda data: sentence_classifier.train("strength", data),
}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--only", nargs="+", choices=sorted(TRAINERS), default=sorted(TRAINERS))
    args = parser.parse_args(argv)
    for name in args.only:
        started = time.perf_counter()
        figures = TRAINERS[name](args.data)
        print(f"{name}: {figures} ({time.perf_counter() - started:.0f} s)", flush=True)


if __name__ == "__main__":
    main()
