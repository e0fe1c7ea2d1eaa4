"""Train the packaged attribution extractor on PolNeAR and measure it on the dev split.

``python -m newstrace.training.attribution [--data ../shared/datasets/polnear]``

Parses ``train/`` and ``dev/`` (cached as DocBins under ``--cache``), fits the extractor on
``train/``, writes it to ``newstrace/models/attribution/`` and records the dev figures and the
training time in ``meta.json``. L-BFGS from a zero start is deterministic, so a rerun on the
same data and pipeline writes the same models.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from newstrace.analyze.attribution.extractor import ARTEFACT, FORMAT, AttributionExtractor
from newstrace.analyze.nlp import model_name
from newstrace.artefacts import model_dir, write_meta
from newstrace.eval.attribution import score
from newstrace.eval.polnear import read_polnear
from newstrace.training._polnear_parses import parse_cached


def main(argv: list[str] | None = None) -> int:
    args = _arguments().parse_args(argv)
    train = read_polnear(args.data / "train")
    dev = read_polnear(args.data / "dev")
    train_docs = parse_cached([a.text for a in train], args.cache)
    dev_docs = parse_cached([a.text for a in dev], args.cache)
    started = time.perf_counter()
    extractor = AttributionExtractor().fit(train_docs, [a.attributions for a in train])
    seconds = round(time.perf_counter() - started, 1)
    extractor.save(model_dir(ARTEFACT))
    figures = score([a.attributions for a in dev], [extractor.predict(d) for d in dev_docs])
    write_meta(
        ARTEFACT,
        fmt=FORMAT,
        trained_on=f"PolNeAR train ({len(train)} articles, first annotator per article)",
        spacy_pipeline=model_name(),
        params=extractor.params(),
        train_seconds=seconds,
        dev=figures,
    )
    print({"train_seconds": seconds, **{k: v for k, v in figures.items() if k.endswith("f1")}})
    return 0


def _arguments() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/datasets/polnear"))
    parser.add_argument("--cache", type=Path, default=Path("build/attribution"))
    return parser


if __name__ == "__main__":
    raise SystemExit(main())
