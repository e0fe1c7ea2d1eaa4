"""Train the check-worthiness model: ``python -m newstrace.training.checkworthy``.

C and the decision threshold are chosen by stratified cross-validation on the CheckThat! 2024
*train* split only (out-of-fold F1 of "Yes"); the dev split is scored once at the end and only
reported, so the dev figure is not tuned to dev. The folds are seeded; logistic regression
(lbfgs) is deterministic, so the same data give the same weights.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from sklearn.model_selection import StratifiedKFold

from newstrace.analyze.checkworthy import FORMAT, NAME, CheckworthyScorer
from newstrace.artefacts import model_dir, write_meta
from newstrace.errors import DataError
from newstrace.eval.checkworthy import read_sentences, yes_metrics
from newstrace.training.news_texts import shared_dir

TRAIN = "CT24_checkworthy_english_train.tsv"
DEV = "CT24_checkworthy_english_dev.tsv"
_THRESHOLDS = np.round(np.arange(0.30, 0.81, 0.025), 3)


def default_data_dir() -> Path:
    """``$NEWSTRACE_SHARED/datasets/checkworthiness``, by default ``../shared`` beside the repo."""
    return shared_dir() / "datasets" / "checkworthiness"


def _labelled(path: Path) -> tuple[list[str], np.ndarray]:
    sentences = read_sentences(path)
    if any(s.label is None for s in sentences):
        raise DataError(f"{path}: training and tuning need a Yes/No class_label on every row")
    return [s.text for s in sentences], np.array([bool(s.label) for s in sentences])


def _out_of_fold(
    texts: list[str], labels: np.ndarray, C: float, folds: int, seed: int
) -> np.ndarray:
    """Probabilities for every training sentence from a model that did not see it."""
    scores = np.zeros(len(texts))
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    for fit_idx, held_idx in splitter.split(texts, labels):
        scorer = CheckworthyScorer(C=C).fit([texts[i] for i in fit_idx], labels[fit_idx])
        scores[held_idx] = scorer.score([texts[i] for i in held_idx])
    return scores


def _best_threshold(labels: np.ndarray, scores: np.ndarray) -> tuple[float, float]:
    """The threshold with the highest F1 of "Yes" and that F1."""
    f1s = [yes_metrics(labels.tolist(), (scores >= t).tolist())["f1"] for t in _THRESHOLDS]
    best = int(np.argmax(f1s))
    return float(_THRESHOLDS[best]), f1s[best]


def tune(
    texts: list[str], labels: np.ndarray, grid: Sequence[float], folds: int, seed: int
) -> dict[str, float]:
    """Pick C and the threshold by cross-validated F1 on ``texts``."""
    trials = []
    for C in grid:
        threshold, f1 = _best_threshold(labels, _out_of_fold(texts, labels, C, folds, seed))
        print(f"C={C}: out-of-fold F1(Yes) {f1:.4f} at threshold {threshold}", flush=True)
        trials.append({"C": C, "threshold": threshold, "cv_f1": f1})
    return max(trials, key=lambda trial: trial["cv_f1"])


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_data_dir(), help="CT24 folder")
    parser.add_argument("--grid", type=float, nargs="+", default=[1.0, 3.0, 10.0], help="C values")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    texts, labels = _labelled(args.data / TRAIN)
    best = tune(texts, labels, args.grid, args.folds, args.seed)
    scorer = CheckworthyScorer(C=best["C"], threshold=best["threshold"]).fit(texts, labels)
    dev_texts, dev_labels = _labelled(args.data / DEV)
    dev = yes_metrics(dev_labels.tolist(), scorer.predict(dev_texts))
    scorer.save(model_dir(NAME))
    figures = {"cv": {**best, "folds": args.folds}, "dev": {k: round(v, 4) for k, v in dev.items()}}
    write_meta(
        NAME,
        fmt=FORMAT,
        trained_on=f"CLEF CheckThat! 2024 task 1 English: {TRAIN} ({len(texts)} sentences)",
        tuned_on=f"{args.folds}-fold cross-validation on train (seed {args.seed})",
        figures=figures,
        seconds=round(time.perf_counter() - started, 1),
    )
    _write_card(scorer, figures, len(texts), len(dev_texts))
    print(f"dev F1(Yes) {dev['f1']:.4f} P {dev['precision']:.4f} R {dev['recall']:.4f}")


def _write_card(scorer: CheckworthyScorer, figures: dict, n_train: int, n_dev: int) -> None:
    features = scorer.model_.features_
    words = sum(name.startswith("w=") for name in features)
    chars = sum(name.startswith("c=") for name in features)
    dev, cv = figures["dev"], figures["cv"]
    card = f"""# Check-worthiness model (`{NAME}`, format {FORMAT})

- **Data**: CLEF CheckThat! 2024 task 1, English (US political debates; the ClaimBuster
  sentences): train {n_train} sentences, dev {n_dev}. Only weights trained on it are shipped,
  no text beyond the n-gram vocabulary.
- **Method**: logistic regression, class-balanced, over one sublinear TF-IDF space of word
  1-2-grams ({words} kept, min_df 2), char_wb 2-5-grams ({chars}), digits folded to 0, and cue
  flags (number, percent, money, year, quantity words, question, first/second person,
  normative "should", short sentence).
- **Tuning**: C and the threshold by {cv["folds"]}-fold cross-validation on train: C = {cv["C"]},
  threshold = {cv["threshold"]}, out-of-fold F1(Yes) {cv["cv_f1"]:.4f}. Dev was not used to tune.
- **Dev**: F1(Yes) {dev["f1"]}, precision {dev["precision"]}, recall {dev["recall"]},
  accuracy {dev["accuracy"]} (plain TF-IDF + logistic regression baseline: 0.84; C = 10: 0.87).
  Dev is easier than CheckThat! test sets; do not read it as a test figure.
- **Scope**: trained on debate speech; on news it ranks numeric, checkable statements of fact
  above opinions, questions and greetings, but its probabilities are not calibrated for news.
- **Rebuild**: `python -m newstrace.training.checkworthy [--data DIR]`
"""
    (model_dir(NAME) / "MODEL_CARD.md").write_text(card, encoding="utf-8")


if __name__ == "__main__":
    main()
