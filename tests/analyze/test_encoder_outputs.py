"""The shipped encoders compute the same on every CPU: their outputs for one invented
paragraph, written by ``bench/encoder_outputs.py``, are what this machine computes. With
signed int8 weights a CPU without VNNI saturated 16-bit sums and moved these outputs by up to
0.25 (see ``newstrace.training._torch.unsigned_weights``)."""

from __future__ import annotations

import json

import numpy as np
import pytest


@pytest.mark.parametrize("name", ["attribution", "certainty", "factuality"])
def test_an_encoder_outputs_what_it_output_when_shipped(name, bench_script):
    from newstrace.analyze.attribution.encoder import load_tokenizer, tokenizer_path

    script = bench_script("encoder_outputs")
    fixture = json.loads(script.FIXTURE.read_text(encoding="utf-8"))
    pieces = load_tokenizer(tokenizer_path()).encode(fixture["text"]).ids
    computed = np.array(script.outputs(script.ENCODERS[name], pieces))
    shipped = np.array(fixture["outputs"][name])
    assert computed.shape == shipped.shape
    # float kernels differ a little between CPUs; a saturated sum moved these by 0.06-0.25
    assert np.abs(computed - shipped).max() <= 0.01, (
        f"{name}: rerun bench/encoder_outputs.py if the model was retrained"
    )
