"""Write what the shipped encoders output for one invented paragraph to
``tests/fixtures/encoder_outputs.json``, which ``tests/analyze/test_encoder_outputs.py`` holds
every CPU to (the weights are seven-bit or unsigned so that every CPU sums exactly; see
``newstrace.training._torch.export_int8``). `make train-encoder` runs it after retraining.

    .venv/bin/python bench/encoder_outputs.py
"""

from __future__ import annotations

import json
from pathlib import Path

from newstrace.analyze.attribution.encoder import load_tokenizer, tokenizer_path
from newstrace.artefacts import EVAL_MODELS_DIR, MODELS_DIR, onnx_session

TEXT = (
    "The harbour master said on Monday that the old pier would probably close in March, "
    "although a spokeswoman for the ferry board told reporters no decision had been made."
)
ENCODERS = {
    "attribution": MODELS_DIR / "attribution-encoder/tagger.int8.onnx",
    "certainty": MODELS_DIR / "certainty-encoder/certainty.int8.onnx",
    "factuality": EVAL_MODELS_DIR / "factuality-encoder/factuality.int8.onnx",
}
FIXTURE = Path(__file__).resolve().parents[1] / "tests/fixtures/encoder_outputs.json"


def outputs(model: Path, pieces: list[int]) -> list:
    """The model's one output for the pieces as one window, as nested lists."""
    import numpy as np

    ids = np.array([pieces], dtype=np.int64)
    (output,) = onnx_session(model, 1).run(None, {"input_ids": ids, "attention_mask": ids * 0 + 1})
    return np.round(output[0], 4).tolist()


def main() -> None:
    pieces = load_tokenizer(tokenizer_path()).encode(TEXT).ids
    fixture = {
        "text": TEXT,
        "outputs": {name: outputs(path, pieces) for name, path in ENCODERS.items()},
    }
    FIXTURE.write_text(json.dumps(fixture) + "\n", encoding="utf-8")
    print(f"{FIXTURE}: {len(pieces)} pieces, {', '.join(ENCODERS)}")


if __name__ == "__main__":
    main()
