"""Train the event-factuality model (run through ``newstrace.training.certainty``).

Trains on the train splits of :data:`TRAIN_SUBSETS`, picks the ridge penalty by 5-fold cross
validation on those training targets, and reports dev figures per subset. The parses of the
training sentences are cached as DocBin files under ``build/cache/factuality`` because they
are the slow part (about two minutes on one core).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from sklearn.model_selection import KFold
from spacy.tokens import DocBin

from newstrace.analyze.nlp import load_nlp
from newstrace.artefacts import EVAL_MODELS_DIR, write_meta
from newstrace.eval import factuality as factuality_eval
from newstrace.eval._metrics import pearson
from newstrace.eval.factuality_model import FORMAT, NAME, FactualityModel

#: News (MEANTIME, UW) plus the large web-text set, CommitmentBank and the veridicality
#: sets (MV2, RP; each its own domain, so news learns only their shared weights, as what a
#: verb above an event says of it): see MODEL_CARD.md for the comparisons that chose them.
TRAIN_SUBSETS = ("MEANTIME", "UW", "UDS_IH2", "CB", "MV2", "RP")
DEV_SUBSETS = ("MEANTIME", "UW", "UDS_IH2", "CB", "RP", "MV2")
ALPHAS = (1.0, 3.0, 10.0)
SEED = 13
CACHE = Path("build/cache/factuality")


def features(data: Path, subset: str, split: str) -> tuple[list, list]:
    """Feature rows and labels of one subset's split, parsing once and caching the Docs."""
    path = data / "factuality" / subset / f"{split}.jsonl"
    sentences = factuality_eval.read_sentences(path)
    cache = CACHE / f"{subset}_{split}.spacy"
    if cache.exists():
        docs = iter(DocBin().from_disk(cache).get_docs(load_nlp().vocab))
    else:
        parsed = list(factuality_eval.parse(sentences))
        cache.parent.mkdir(parents=True, exist_ok=True)
        DocBin(docs=parsed).to_disk(cache)
        docs = iter(parsed)
    return factuality_eval.target_rows(sentences, docs)


def train(data: Path, subsets: tuple[str, ...] = TRAIN_SUBSETS) -> dict[str, Any]:
    rows, y, origin = [], [], []
    for subset in subsets:
        sub_rows, sub_y = features(data, subset, "train")
        rows += sub_rows
        y += sub_y
        origin += [subset] * len(sub_y)
    y_arr = np.array(y)
    alpha = max(ALPHAS, key=lambda a: _cv_pearson(rows, y_arr, origin, a))
    model = FactualityModel(alpha=alpha).fit(rows, y_arr, origin)
    dev = {}
    for subset in DEV_SUBSETS:
        dev_rows, gold = features(data, subset, "dev")
        pred = model.predict(dev_rows, subset)
        dev[subset] = factuality_eval.figures(pred, gold, model.baseline(subset))
    model.save()
    write_meta(
        NAME,
        fmt=FORMAT,
        root=EVAL_MODELS_DIR,
        trained_on=[f"{s}/train.jsonl" for s in subsets],
        domains=model.domains_,
        targets=len(y),
        alpha=alpha,
        domain_means=model.means_,
        seed=SEED,
        dev=dev,
    )
    return dev


def _cv_pearson(rows: list, y: np.ndarray, origin: list[str], alpha: float) -> float:
    """Mean over folds of the mean per-subset r on the held-out fold (news counts as one)."""
    scores = []
    for fit, held in KFold(5, shuffle=True, random_state=SEED).split(rows):
        model = FactualityModel(alpha=alpha)
        model.fit([rows[i] for i in fit], y[fit], [origin[i] for i in fit])
        for subset in sorted(set(origin)):
            ids = [i for i in held if origin[i] == subset]
            pred = model.predict([rows[i] for i in ids], subset)
            scores.append(pearson(pred, y[ids]))
    return float(np.mean(scores))
