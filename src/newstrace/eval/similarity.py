"""Same story or not, on real news pairs (SemEval-2022 task 8 sample): a cross-check of the
term similarity that groups stories (:mod:`newstrace.trace.stories`).

Data: the task's CSV (``pair_id, lang1, lang2, text1, text2, ..., Overall``, Overall 1 = very
similar ... 4 = very dissimilar); English-English pairs are scored, others counted as
skipped. Reports Pearson r between the cosine and Overall (negative is right: similar pairs
have low Overall), and how well the grouping rule (the term cosine and the cosine of the names
and numbers, each past its threshold) separates pairs rated 1-2 (same story) from pairs
rated 3-4. The term weights are fitted on the file's own English texts.
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
    from newstrace.trace.fingerprint import fingerprint, is_specific
    from newstrace.trace.index import document_frequencies
    from newstrace.trace.options import DEFAULT_OPTIONS as OPTIONS
    from newstrace.trace.vectors import Vocabulary, cosine

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
    halves = [(2 * i, 2 * i + 1) for i in range(len(pairs))]
    cosines = [cosine(vectors[i], vectors[j]) for i, j in halves]
    specifics = [cosine(names[i], names[j]) for i, j in halves]
    same = [overall <= 2 for *_, overall in pairs]
    predicted = [
        terms >= OPTIONS.same_story_cosine and specific >= OPTIONS.same_specifics_cosine
        for terms, specific in zip(cosines, specifics, strict=True)
    ]
    write_predictions(
        predictions,
        ((pair[0], round(value, 4)) for pair, value in zip(pairs, cosines, strict=True)),
    )
    return {
        "n": len(pairs),
        "skipped_other_languages": len(rows) - len(pairs),
        "pearson_r_overall": round(pearson(cosines, [overall for *_, overall in pairs]), 4),
        "same_story_f1": round(f1_of(predicted, same, True), 4),
        "same_story_accuracy": round(
            sum(p == s for p, s in zip(predicted, same, strict=True)) / len(same), 4
        ),
        "threshold": OPTIONS.same_story_cosine,
        "specifics_threshold": OPTIONS.same_specifics_cosine,
    }
