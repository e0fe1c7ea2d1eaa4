"""Same story or not, on real news pairs (SemEval-2022 task 8 sample): a cross-check of the
same-story model that groups stories (:mod:`newstrace.trace.same_story`).

Data: the task's CSV (``pair_id, lang1, lang2, text1, text2, ..., Overall``, Overall 1 = very
similar ... 4 = very dissimilar); English-English pairs are scored, others counted as
skipped. Reports Pearson r between the model's probability and Overall (negative is right:
similar pairs have low Overall), and how well the model at its threshold separates pairs
rated 1-2 (same story) from pairs rated 3-4. The term weights are fitted on the file's own
English texts; the pairs are undated.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path
from typing import Any

from newstrace.errors import DataError
from newstrace.eval._io import write_predictions
from newstrace.eval._metrics import f1_of, pearson


def evaluate(data: Path, predictions: Path | None = None) -> dict[str, Any]:
    from newstrace.trace.embed import gists, head_of
    from newstrace.trace.fingerprint import fingerprint, is_specific
    from newstrace.trace.index import document_frequencies
    from newstrace.trace.same_story import same_story_model
    from newstrace.trace.stories import LinkRow, evidence
    from newstrace.trace.vectors import Vocabulary

    csv.field_size_limit(sys.maxsize)
    try:
        with Path(data).open(encoding="utf-8", newline="") as stream:
            rows = list(csv.DictReader(stream))
        pairs = [
            (row["pair_id"], row["text1"], row["text2"], float(row["Overall"]))
            for row in rows
            if row["lang1"] == "en" and row["lang2"] == "en"
        ]
    except (KeyError, ValueError, csv.Error) as error:
        raise DataError(f"{data}: not a news-similarity CSV ({error})") from error
    if not pairs:
        raise DataError(f"{data}: no English-English pairs")
    prints = [
        fingerprint(f"{pair_id}:{side}", text, None, None)
        for pair_id, first, second, _ in pairs
        for side, text in ((1, first), (2, second))
    ]
    vocabulary = Vocabulary.of(*document_frequencies(prints))
    vectors = [vocabulary.vector(vocabulary.weights(p.terms)) for p in prints]
    names = [vocabulary.vector(vocabulary.weights(p.terms, is_specific)) for p in prints]
    heads = gists(
        [head_of(None, text) for _, first, second, _ in pairs for text in (first, second)]
    )
    model = same_story_model()
    halves = [(2 * i, 2 * i + 1) for i in range(len(pairs))]
    sides = [
        LinkRow(vector, specifics, gist, None)
        for vector, specifics, gist in zip(vectors, names, heads, strict=True)
    ]
    probabilities = [model.probability(evidence(sides[i], sides[j])) for i, j in halves]
    same = [overall <= 2 for *_, overall in pairs]
    predicted = [p >= model.threshold for p in probabilities]
    write_predictions(
        predictions,
        ((pair[0], round(value, 4)) for pair, value in zip(pairs, probabilities, strict=True)),
    )
    return {
        "n": len(pairs),
        "skipped_other_languages": len(rows) - len(pairs),
        "pearson_r_overall": round(pearson(probabilities, [overall for *_, overall in pairs]), 4),
        "same_story_f1": round(f1_of(predicted, same, True), 4),
        "same_story_accuracy": round(
            sum(p == s for p, s in zip(predicted, same, strict=True)) / len(same), 4
        ),
        "threshold": model.threshold,
    }
