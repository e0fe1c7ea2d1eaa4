"""The strength recipe learns press-release wording from the InSciOut training pairs, and its
cross-validation judges each pair with a model that never saw it."""

from __future__ import annotations

import json

import numpy as np

from newstrace.eval.strength_judge import settled
from newstrace.training import strength

PAIRS = [
    ("Tea was associated with fewer colds.", 1, "Tea prevents colds, a study finds.", 3),
    ("Naps may aid recall in older adults.", 2, "Naps may aid recall, say scientists.", 2),
]


def _pairs_file(tmp_path):
    path = tmp_path / "insciout_train.jsonl"
    rows = [
        {
            "abstract_conclusion": paper,
            "abstract_strength": paper_level,
            "press_release_conclusion": press,
            "press_release_strength": press_level,
            "exaggeration_label": "exaggerates" if press_level > paper_level else "same",
        }
        for paper, paper_level, press, press_level in PAIRS
    ]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def test_each_pair_gives_its_paper_then_its_press_release_with_their_levels(tmp_path):
    texts, levels = strength.insciout_sentences(_pairs_file(tmp_path))
    assert texts == [PAIRS[0][0], PAIRS[0][2], PAIRS[1][0], PAIRS[1][2]]
    assert levels == [1, 3, 2, 2]


def test_cue_words_settle_a_level_before_the_learned_one():
    texts = ["Screen time was not associated with grades.", "Participants were recruited."]
    assert settled(texts, np.array([3, 2])) == [0, 2]


def test_cross_validation_fits_without_the_judged_pairs(tmp_path, monkeypatch):
    seen: list[list[str]] = []

    class Recording:
        """Fits nothing; remembers which texts each fold trained on, predicts level 1."""

        def fit_inputs(self, words, gists, levels):
            seen.append([w["text"] for w in words])
            return self

        def probabilities_of(self, words, gists):
            return np.tile([0.0, 1.0, 0.0, 0.0], (len(words), 1))

    monkeypatch.setattr(strength, "StrengthModel", Recording)
    monkeypatch.setattr(
        strength, "inputs", lambda texts: ([{"text": t} for t in texts], np.zeros((len(texts), 2)))
    )
    monkeypatch.setattr(strength, "FOLDS", 2)
    pubmed = ["Coffee lowers blood pressure."]
    strength.cross_validate(pubmed, np.array([3]), _pairs_file(tmp_path))
    folds = np.random.default_rng(strength.SEED).permutation(2) % 2
    for k, trained in enumerate(seen):
        held = [i for i in range(2) if folds[i] == k]
        assert trained[0] == pubmed[0]
        assert not any(PAIRS[i][0] in trained or PAIRS[i][2] in trained for i in held)
        assert trained.count(PAIRS[1 - held[0]][2]) == strength.INSCIOUT_REPEATS
