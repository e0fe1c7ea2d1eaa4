"""Fit the boundary rankers of the attribution encoder on PolNeAR train; measure on dev.

``python -m newstrace.training.boundaries [--data ../shared/datasets/polnear]``

The rankers (:mod:`newstrace.analyze.attribution.boundaries`) learn where the packaged
encoder draws the ends of its cues and contents wrong, so they are fitted on that encoder's
own output on ``train/`` (run after :mod:`newstrace.training.encoder`; no torch needed).
Parses are cached as DocBins under ``--cache``. Writes
``newstrace/models/attribution-bounds/`` with the dev figures of the encoder path (rankers
and rule layers, as the ledger runs it) in ``meta.json``. Logistic regressions from lbfgs on
the same data give the same weights, so a rerun writes the same models.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from spacy.tokens import Doc

from newstrace.analyze.attribution.boundaries import (
    CONTENT_REACH,
    CUE_REACH,
    BoundaryRanker,
    token_scores,
)
from newstrace.analyze.attribution.encoder import ARTEFACT as ENCODER
from newstrace.analyze.attribution.encoder import MODEL_FILE, EncoderTagger, decode, tokenizer_path
from newstrace.analyze.attribution.extractor import cue_lexicon, examples_of
from newstrace.analyze.attribution.roles import RoleExample
from newstrace.analyze.nlp import for_parser, model_name, text_of
from newstrace.artefacts import model_dir
from newstrace.eval.attribution import score
from newstrace.eval.polnear import GoldArticle, read_polnear
from newstrace.training._polnear_parses import parse_cached


def main(argv: list[str] | None = None) -> int:
    args = _arguments().parse_args(argv)
    train = read_polnear(args.data / "train")
    dev = read_polnear(args.data / "dev")
    docs = parse_cached([for_parser(a.text) for a in train], args.cache)
    bare = EncoderTagger.load(threads=args.threads, redraw=False)
    started = time.perf_counter()
    scores, found = _encoder_output(bare, docs)
    tagged_seconds = time.perf_counter() - started
    gold = [examples_of(doc, a.attributions) for doc, a in zip(docs, train, strict=True)]
    ranker = BoundaryRanker().fit(docs, scores, found, gold)
    fit_seconds = time.perf_counter() - started - tagged_seconds
    dev_figures = _dev_figures(ranker, dev, args)
    ranker.save(
        trained_on=f"PolNeAR train ({len(train)} articles, first annotator per article), "
        "as the packaged attribution encoder tags it",
        spacy_pipeline=model_name(),
        reach={"cue": CUE_REACH, "content": CONTENT_REACH},
        tag_seconds=round(tagged_seconds, 1),
        fit_seconds=round(fit_seconds, 1),
        dev=dev_figures,
    )
    print(json.dumps({"tag_seconds": round(tagged_seconds), "fit_seconds": round(fit_seconds)}))
    return 0


def _encoder_output(
    tagger: EncoderTagger, docs: Sequence[Doc]
) -> tuple[list[np.ndarray], list[list[RoleExample]]]:
    """Per article, the encoder's log-probabilities per token and its attributions in token
    terms, before any ranker or rule layer."""
    scores, found = [], []
    for doc in docs:
        text = text_of(doc)
        cut, window_scores = tagger.read(text)
        scores.append(token_scores(doc, cut, window_scores))
        found.append(examples_of(doc, decode(text, cut, window_scores)))
    return scores, found


def _dev_figures(
    ranker: BoundaryRanker, dev: Sequence[GoldArticle], args: argparse.Namespace
) -> dict[str, float]:
    """The encoder path on dev as the ledger runs it: ``ranker``, then the rule layers."""
    model = model_dir(ENCODER) / MODEL_FILE
    tagger = EncoderTagger(
        model, tokenizer_path(), threads=args.threads, lexicon=cue_lexicon(), bounds=ranker
    )
    docs = parse_cached([for_parser(a.text) for a in dev], args.cache)
    figures = score([a.attributions for a in dev], [tagger.predict(doc) for doc in docs])
    print(json.dumps({k: v for k, v in figures.items() if k.endswith("exact_f1")}))
    return figures


def _arguments() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/datasets/polnear"))
    parser.add_argument("--cache", type=Path, default=Path("build/attribution-bounds"))
    parser.add_argument("--threads", type=int, default=1)
    return parser


if __name__ == "__main__":
    raise SystemExit(main())
