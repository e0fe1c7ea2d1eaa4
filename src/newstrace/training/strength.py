"""Train the exaggeration judge's strength model: ``python -m newstrace.training.strength``.

Fitted on PubMed claim-strength conclusions (Yu et al. 2019) outside the seeded 20% that
:func:`~newstrace.eval.sentence_classifier.holdout_rows` holds out, the same split as the
``strength`` sentence classifier, so both are scored on the same dev rows, and on the 200
sentences of the InSciOut training pairs (press release and paper conclusions, each with
its coded strength), repeated :data:`INSCIOUT_REPEATS` times: the only strength labels of
press-release wording there are. So ``newstrace eval exaggeration`` on that training file
is in-sample; ``--cv`` gives the honest estimate (each fold's pairs judged by a model
fitted without them) and the held-back InSciOut test file the held-out figure. About a
minute, most of it the sentence encoder; ``--cv`` adds five fits.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

import numpy as np

from newstrace.artefacts import EVAL_MODELS_DIR, write_meta
from newstrace.eval._metrics import macro_f1
from newstrace.eval.exaggeration import read_pairs
from newstrace.eval.sentence_classifier import HOLDOUT, SEED, TASKS, holdout_rows, read_rows
from newstrace.eval.strength_judge import compare, settled
from newstrace.eval.strength_model import FORMAT, NAME, StrengthModel, inputs
from newstrace.training.certainty import DEFAULT_DATA

INSCIOUT = "exaggeration/insciout_train.jsonl"
# How many times the InSciOut sentences count beside the 2,449 PubMed ones: 5-fold CV
# exaggeration macro-F1 on its pairs, 0 (PubMed only) 0.547, 1: 0.601, 3: 0.609.
INSCIOUT_REPEATS = 3
FOLDS = 5


def insciout_sentences(path: Path) -> tuple[list[str], list[int]]:
    """Each pair's paper and press-release conclusion, in that order, with its strength."""
    texts: list[str] = []
    levels: list[int] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            texts += [row["abstract_conclusion"], row["press_release_conclusion"]]
            levels += [int(row["abstract_strength"]), int(row["press_release_strength"])]
    return texts, levels


def train(data: Path, *, cv: bool = False) -> dict[str, Any]:
    """Fit on the non-held-out PubMed rows and the InSciOut sentences; score the held-out
    PubMed 20% (and, with ``cv``, the InSciOut pairs out of fold)."""
    task = TASKS["strength"]
    path = data / task.file
    texts, labels = read_rows(path, task.text)
    held = set(holdout_rows(len(texts)).tolist())
    fit = [i for i in range(len(texts)) if i not in held]
    dev = sorted(held)
    y = np.array(labels)
    pair_texts, pair_levels = insciout_sentences(data / INSCIOUT)
    model = StrengthModel().fit(
        [texts[i] for i in fit] + pair_texts * INSCIOUT_REPEATS,
        np.concatenate([y[fit], pair_levels * INSCIOUT_REPEATS]),
    )
    pred = model.predict([texts[i] for i in dev])
    figures: dict[str, Any] = {
        "n": len(dev),
        "macro_f1": round(macro_f1(pred.tolist(), y[dev].tolist()), 4),
    }
    if cv:
        figures["insciout_cv_macro_f1"] = cross_validate(
            [texts[i] for i in fit], y[fit], data / INSCIOUT
        )
    model.save()
    write_meta(
        NAME,
        fmt=FORMAT,
        root=EVAL_MODELS_DIR,
        trained_on=(
            f"{path.name}: {len(fit)} rows (seeded 80%); {INSCIOUT}: "
            f"{len(pair_texts)} sentences x {INSCIOUT_REPEATS}"
        ),
        holdout=f"rows {HOLDOUT:.0%} by numpy default_rng({SEED}).permutation",
        C_words=model.C_words,
        C_gist=model.C_gist,
        dev=figures,
    )
    return figures


def cross_validate(texts: list[str], y: np.ndarray, pairs_path: Path) -> float:
    """Exaggeration macro-F1 over the InSciOut pairs, each fold judged by a model fitted on
    ``texts`` and the other folds' sentences (folds seeded, by pair)."""
    pair_texts, pair_levels = insciout_sentences(pairs_path)
    gold = [label for _, _, label, _ in read_pairs(pairs_path)]
    words, gists = inputs(texts + pair_texts)
    fold = np.random.default_rng(SEED).permutation(len(gold)) % FOLDS
    first = len(texts)  # pair p's sentences are rows first + 2p (paper) and first + 2p + 1
    predicted: list[str] = [""] * len(gold)
    for k in range(FOLDS):
        sentences = [2 * int(p) + side for p in np.flatnonzero(fold != k) for side in (0, 1)]
        rows = list(range(first)) + [first + s for s in sentences] * INSCIOUT_REPEATS
        levels = np.concatenate([y, [pair_levels[s] for s in sentences] * INSCIOUT_REPEATS])
        model = StrengthModel().fit_inputs([words[r] for r in rows], gists[rows], levels)
        for p in map(int, np.flatnonzero(fold == k)):
            rows = [first + 2 * p, first + 2 * p + 1]
            learned = model.probabilities_of([words[r] for r in rows], gists[rows]).argmax(1)
            paper, press = settled([pair_texts[r - first] for r in rows], learned)
            predicted[p] = compare(paper, press)
    return round(macro_f1(predicted, gold), 4)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--cv", action="store_true", help="also score InSciOut out of fold")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    figures = train(args.data, cv=args.cv)
    print(f"{NAME}: dev {figures} ({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
