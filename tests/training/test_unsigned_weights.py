"""An int8 graph's weights made unsigned sum exactly on any CPU (needs the train extra's
``onnx``; skipped without it)."""

from __future__ import annotations

import numpy as np
import pytest

from newstrace.artefacts import onnx_session
from newstrace.training._torch import unsigned_weights

onnx = pytest.importorskip("onnx", reason="the train extra (onnx) is not installed")


def test_unsigned_weights_keep_every_product_where_signed_ones_saturate(tmp_path):
    from onnx import TensorProto, helper, numpy_helper
    from onnxruntime.quantization import QuantType, quantize_dynamic

    # all activations and weights at the top of their ranges: each pair of uint8 x int8
    # products (255 x 127, twice) overflows a 16-bit sum unless the CPU has VNNI
    weights = numpy_helper.from_array(np.ones((64, 4), dtype=np.float32), "w")
    graph = helper.make_graph(
        [helper.make_node("MatMul", ["x", "w"], ["y"])],
        "ones",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 64])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 4])],
        [weights],
    )
    fp32, int8 = tmp_path / "fp32.onnx", tmp_path / "int8.onnx"
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]), fp32)
    quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8, per_channel=True)

    assert unsigned_weights(int8) == 2  # the weights and their zero points
    kinds = {t.name: t.data_type for t in onnx.load(str(int8)).graph.initializer}
    assert kinds["w_quantized"] == kinds["w_zero_point"] == TensorProto.UINT8
    (y,) = onnx_session(int8, 1).run(None, {"x": np.ones((1, 64), dtype=np.float32)})
    assert np.allclose(y, 64.0, rtol=1e-3)
