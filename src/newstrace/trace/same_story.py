"""Whether two articles, or two groups of articles, tell one story: a learnt judgement.

Hand thresholds on shared words split real retellings into singletons (B3 F1 0.39 on the
real-stories health set): retellings share few names and numbers, differ in length, come
back years later. A logistic model over a few kinds of evidence, fitted on real labelled
pairs (ECB+ and GVC train, the GVA crawl; :mod:`newstrace.training.grouping`), weighs them
instead: what the two say (sentence embeddings), their wording (TF-IDF), their names and
numbers, and how far apart they were published.

Every kind of evidence is a mean over pairs of members, and means of cosines between two
groups are one dot product of the groups' summed vectors: the same model judges a pair
and two whole groups (average link), so one chance resemblance cannot chain two events.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from pathlib import Path

from newstrace.artefacts import read_meta

FEATURES = (
    "meaning",
    "wording",
    "specifics",
    "log_days_apart",
    "both_dated",
    "meaning_x_specifics",
    "meaning_x_wording",
)
"""What the model weighs, in order (see :meth:`Evidence.row`)."""
FORMAT = 1
MODELS_DIR = Path(__file__).parent / "models"
NAME = "same_story"


@dataclass(frozen=True, slots=True)
class Evidence:
    """What says two articles (or two groups) tell one story: mean cosines of their sentence
    embeddings (``meaning``), term vectors (``wording``) and names and numbers
    (``specifics``), and the days between their nearest dates (None: one is undated)."""

    meaning: float
    wording: float
    specifics: float
    days_apart: int | None

    def row(self) -> list[float]:
        """The model's input, in the order of :data:`FEATURES`."""
        dated = self.days_apart is not None
        return [
            self.meaning,
            self.wording,
            self.specifics,
            math.log1p(self.days_apart) if self.days_apart is not None else 0.0,
            1.0 if dated else 0.0,
            self.meaning * self.specifics,
            self.meaning * self.wording,
        ]


def days_between(a: tuple[date, date] | None, b: tuple[date, date] | None) -> int | None:
    """Days between two date ranges (first, last), 0 where they overlap; None if undated.

    >>> days_between((date(2015, 1, 1), date(2015, 1, 9)), (date(2015, 1, 20),) * 2)
    11
    """
    if a is None or b is None:
        return None
    return max(0, (b[0] - a[1]).days, (a[0] - b[1]).days)


@dataclass(frozen=True, slots=True)
class SameStoryModel:
    """A fitted logistic judgement: ``probability`` that the evidence is of one story;
    ``threshold`` is where two articles or groups are joined; ``cohesion`` and
    ``specifics_cohesion`` how alike two groups of several versions must be, in meaning and
    in names and numbers, against how alike each is within itself (0: not checked); all set
    on real dev sets. Look-alike events (two earthquakes, a coach fired and the same coach
    hired, one shooting and the next town's) are alike, but less than each event's own
    reports are, above all in who, where and how many."""

    weights: tuple[float, ...]
    bias: float
    threshold: float
    cohesion: float = 0.0
    specifics_cohesion: float = 0.0

    def probability(self, evidence: Evidence) -> float:
        score = self.bias + sum(w * x for w, x in zip(self.weights, evidence.row(), strict=True))
        return 1.0 / (1.0 + math.exp(-score))

    def save(self, folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{NAME}.json"
        body = {
            "features": list(FEATURES),
            "weights": list(self.weights),
            "bias": self.bias,
            "threshold": self.threshold,
            "cohesion": self.cohesion,
            "specifics_cohesion": self.specifics_cohesion,
        }
        path.write_text(json.dumps(body, indent=2) + "\n", encoding="utf-8")
        return path

    @classmethod
    def load(cls, folder: Path) -> SameStoryModel:
        body = json.loads((folder / f"{NAME}.json").read_text(encoding="utf-8"))
        if tuple(body["features"]) != FEATURES:
            raise ValueError(f"{folder} was fitted on other features: {body['features']}")
        return cls(
            tuple(body["weights"]),
            body["bias"],
            body["threshold"],
            body.get("cohesion", 0.0),
            body.get("specifics_cohesion", 0.0),
        )


@lru_cache(maxsize=4)
def same_story_model(threshold: float | None = None) -> SameStoryModel:
    """The packaged model (``trace/models/same_story``; rebuilt by ``make train``), joining
    at ``threshold`` if given, else at the threshold fitted with it."""
    read_meta(NAME, fmt=FORMAT, root=MODELS_DIR)
    model = SameStoryModel.load(MODELS_DIR / NAME)
    return model if threshold is None else replace(model, threshold=threshold)
