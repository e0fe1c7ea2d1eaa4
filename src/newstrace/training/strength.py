"""Train the exaggeration judge's strength model: ``python -m newstrace.training.strength``.

Fitted on PubMed claim-strength conclusions (Yu et al. 2019) outside the seeded 20% that
:func:`~newstrace.eval.sentence_classifier.holdout_rows` holds out, the same split as the
``strength`` sentence classifier, so both are scored on the same dev rows. InSciOut is never
read here: the exaggeration pairs are for evaluation only. Takes about a minute (most of it
the sentence encoder over 3,061 sentences).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

import numpy as np

from newstrace.artefacts import EVAL_MODELS_DIR, write_meta
from newstrace.eval._metrics import macro_f1
from newstrace.eval.sentence_classifier import HOLDOUT, SEED, TASKS, holdout_rows, read_rows
from newstrace.eval.strength_model import FORMAT, NAME, StrengthModel
from newstrace.training.certainty import DEFAULT_DATA


def train(data: Path) -> dict[str, Any]:
    """Fit on the non-held-out PubMed rows and score the held-out 20%."""
    task = TASKS["strength"]
    path = data / task.file
    texts, labels = read_rows(path, task.text)
    held = set(holdout_rows(len(texts)).tolist())
    fit = [i for i in range(len(texts)) if i not in held]
    dev = sorted(held)
    y = np.array(labels)
    model = StrengthModel().fit([texts[i] for i in fit], y[fit])
    pred = model.predict([texts[i] for i in dev])
    figures = {"n": len(dev), "macro_f1": round(macro_f1(pred.tolist(), y[dev].tolist()), 4)}
    model.save()
    write_meta(
        NAME,
        fmt=FORMAT,
        root=EVAL_MODELS_DIR,
        trained_on=f"{path.name}: {len(fit)} rows (seeded 80%)",
        holdout=f"rows {HOLDOUT:.0%} by numpy default_rng({SEED}).permutation",
        C_words=model.C_words,
        C_gist=model.C_gist,
        dev=figures,
    )
    return figures


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    figures = train(args.data)
    print(f"{NAME}: dev {figures} ({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
