"""Features of one sentence for the learned sentence models (certainty, weasel, strength).

Word uni- and bigrams plus the counts of each hedge-lexicon category. They are built from
token texts only, so a claim already tokenised in a parsed Doc is scored without a second
spaCy pass, and the training data needs only the tokenizer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newstrace.analyze.hedges import find_cues, normalise
from newstrace.analyze.nlp import load_nlp

_DIGITS = re.compile(r"\d")


def sentence_features(words: Sequence[str]) -> dict[str, float]:
    """``{"w=..": count, "b=..|..": count, "cue=<category>": count, "cue:<phrase>": count}``.

    >>> f = sentence_features(["It", "may", "rain"])
    >>> f["w=may"], f["cue=speculative"], f["b=may|rain"]
    (1.0, 1.0, 1.0)
    """
    words = [w for w in words if not w.isspace()]
    tokens = [_DIGITS.sub("0", normalise(w)) for w in words]
    features: dict[str, float] = {}
    for i, token in enumerate(tokens):
        _add(features, f"w={token}")
        if i + 1 < len(tokens):
            _add(features, f"b={token}|{tokens[i + 1]}")
    for cue in find_cues(words):
        _add(features, f"cue={cue.category}")
        _add(features, f"cue:{' '.join(tokens[cue.start : cue.end])}")
    return features


def _add(features: dict[str, float], name: str) -> None:
    features[name] = features.get(name, 0.0) + 1.0


def tokenise(texts: Sequence[str]) -> list[list[str]]:
    """Token texts from spaCy's tokenizer alone (no parse): what the sentence models read."""
    tokenizer = load_nlp().tokenizer
    return [[t.text for t in tokenizer(text)] for text in texts]
