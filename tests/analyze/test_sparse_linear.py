"""The pickle-free linear model: fit, save/load round trip, tf-idf as scikit-learn computes it."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfTransformer

from newstrace.analyze.sparse_linear import SparseLinear

ROWS = [{"a": 2.0, "b": 1.0}, {"b": 3.0, "c": 1.0}, {"a": 1.0, "c": 2.0}, {"d": 1.0}]


def test_tfidf_matches_scikit_learn():
    model = SparseLinear(alpha=1.0).fit(ROWS, [1.0, 2.0, 3.0, 4.0])
    vec = DictVectorizer(sort=True)
    expected = TfidfTransformer(sublinear_tf=True).fit_transform(vec.fit_transform(ROWS))
    assert model.features_ == vec.get_feature_names_out().tolist()
    np.testing.assert_allclose(model._matrix(ROWS).toarray(), expected.toarray(), atol=1e-12)


def test_single_row_path_equals_batch_path():
    model = SparseLinear(alpha=0.5).fit(ROWS, [1.0, 2.0, 3.0, 4.0])
    unseen = {"a": 1.0, "zzz": 5.0}
    batch = model.decision_function([unseen])[0]
    np.testing.assert_allclose(model.decision_one(unseen), batch)


def test_min_df_drops_rare_features():
    model = SparseLinear(min_df=2).fit(ROWS, [1.0, 2.0, 3.0, 4.0])
    assert model.features_ == ["a", "b", "c"]


@pytest.mark.parametrize("labels", [[0, 1, 0, 1], [0, 1, 2, 1]])
def test_classifier_round_trip(tmp_path, labels):
    model = SparseLinear(task="classification", C=10.0, tfidf=False).fit(ROWS, labels)
    model.save(tmp_path, "m")
    loaded = SparseLinear.load(tmp_path, "m")
    np.testing.assert_allclose(loaded.predict_proba(ROWS), model.predict_proba(ROWS))
    assert loaded.predict(ROWS).tolist() == model.predict(ROWS).tolist()
    assert np.allclose(model.predict_proba(ROWS).sum(axis=1), 1.0)


def test_unknown_task_is_refused():
    with pytest.raises(ValueError):
        SparseLinear(task="ranking").fit(ROWS, [1, 2, 3, 4])


def test_weights_add_up_to_the_linear_score_less_the_intercept():
    model = SparseLinear(task="classification", C=10.0, tfidf=False).fit(ROWS, [0, 1, 0, 1])
    weights = model.weights()
    unseen = {"a": 2.0, "c": 0.5, "zzz": 1.0}
    summed = sum(weights.get(name, 0.0) * value for name, value in unseen.items())
    np.testing.assert_allclose(summed + model.intercept_[0], model.decision_one(unseen)[0])
    with pytest.raises(ValueError, match="without tf-idf"):
        SparseLinear(alpha=1.0).fit(ROWS, [1.0, 2.0, 3.0, 4.0]).weights()
