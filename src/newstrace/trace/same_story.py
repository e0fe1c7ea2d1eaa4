"""Whether two articles, or two groups of articles, tell one story: a learnt judgement.

Hand thresholds on shared words split real retellings into singletons (B3 F1 0.39 on the
real-stories health set): retellings share few names and numbers, differ in length, come
back years later. A logistic model over a few kinds of evidence, fitted on real labelled
pairs (ECB+ and GVC train, the GVA crawl; :mod:`newstrace.training.grouping`), weighs them
instead: what the two say (sentence embeddings), their wording (TF-IDF), their names and
numbers, and how far apart they were published.

Every kind of evidence is a mean over pairs of members, and means of cosines between two
groups are one dot product of the groups' summed vectors: the model judges a pair by its
evidence and two groups by their mean evidence (average link), so one chance resemblance
cannot chain two events. Whether two groups join is a second learnt judgement
(:class:`GroupEvidence`): a look-alike event is alike, but less alike than each event's own
reports are to each other, and a group that has grown loose should not keep absorbing.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

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
GROUP_FEATURES = (
    "pair_score",
    "meaning",
    "wording",
    "specifics",
    "meaning_within_least",
    "meaning_within_most",
    "wording_within_least",
    "wording_within_most",
    "specifics_within_least",
    "specifics_within_most",
    "log_smaller_size",
    "log_larger_size",
    "one_is_single",
    "log_days_apart",
    "both_dated",
)
"""What the judgement of two groups weighs, in order (see :meth:`GroupEvidence.row`)."""
FORMAT = 2
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


class Cohesion(NamedTuple):
    """How alike a group's own members are: mean cosines over its pairs of members."""

    meaning: float
    wording: float
    specifics: float


@dataclass(frozen=True, slots=True)
class GroupEvidence:
    """What says two groups tell one story: the mean ``between`` their members, each
    group's own cohesion (None for a single version) and the groups' sizes."""

    between: Evidence
    within: tuple[Cohesion | None, Cohesion | None]
    sizes: tuple[int, int]

    def row(self, pair_score: float) -> list[float]:
        """The group model's input, in the order of :data:`GROUP_FEATURES`; ``pair_score``
        is the pair model's log-odds for the mean evidence."""
        known = [c for c in self.within if c is not None]
        spread = [value for part in zip(*known, strict=True) for value in (min(part), max(part))]
        between = self.between
        return [
            pair_score,
            between.meaning,
            between.wording,
            between.specifics,
            *spread,
            math.log(min(self.sizes)),
            math.log(max(self.sizes)),
            1.0 if len(known) < 2 else 0.0,
            *between.row()[3:5],
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
    """A fitted logistic judgement: ``probability`` that the evidence is of one story, and
    ``threshold`` where two articles, or two groups by their mean evidence (average link),
    are joined. Two groups, one of several versions at least, must also pass the group
    judgement (``group_weights``, ``group_bias``; none: not asked) at ``group_threshold``
    and share names and numbers at least ``specifics_cohesion`` times as much as the less
    cohesive of them does within itself. All fitted or set on real dev sets. Look-alike
    events (two earthquakes, a coach fired and the same coach hired, one shooting and the
    next town's) are alike, but less than each event's own reports are, above all in who,
    where and how many."""

    weights: tuple[float, ...]
    bias: float
    threshold: float
    group_weights: tuple[float, ...] = ()
    group_bias: float = 0.0
    group_threshold: float = 0.5
    specifics_cohesion: float = 0.0

    def probability(self, evidence: Evidence) -> float:
        return _logistic(self.score(evidence))

    def score(self, evidence: Evidence) -> float:
        """The log-odds that the evidence is of one story."""
        return self.bias + sum(w * x for w, x in zip(self.weights, evidence.row(), strict=True))

    def group_probability(self, evidence: GroupEvidence, pair_score: float) -> float:
        """The probability, by the group judgement, that two groups are one story, given the
        pair judgement's log-odds for their mean evidence."""
        row = evidence.row(pair_score)
        return _logistic(
            self.group_bias + sum(w * x for w, x in zip(self.group_weights, row, strict=True))
        )

    def joins(self, evidence: GroupEvidence) -> bool:
        """Whether two groups (or two articles) are one story: the pair judgement of their
        mean evidence first (average link), then, for groups, the group judgement and the
        names and numbers they share, each of which may refuse the join."""
        pair_score = self.score(evidence.between)
        if _logistic(pair_score) < self.threshold:
            return False
        if all(c is None for c in evidence.within):
            return True
        return (
            not self.group_weights
            or self.group_probability(evidence, pair_score) >= self.group_threshold
        ) and self._keeps_specifics(evidence)

    def _keeps_specifics(self, evidence: GroupEvidence) -> bool:
        known = [c.specifics for c in evidence.within if c is not None]
        return not self.specifics_cohesion or (
            evidence.between.specifics >= self.specifics_cohesion * min(known)
        )

    def save(self, folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{NAME}.json"
        body = {
            "features": list(FEATURES),
            "weights": list(self.weights),
            "bias": self.bias,
            "threshold": self.threshold,
            "group_features": list(GROUP_FEATURES),
            "group_weights": list(self.group_weights),
            "group_bias": self.group_bias,
            "group_threshold": self.group_threshold,
            "specifics_cohesion": self.specifics_cohesion,
        }
        path.write_text(json.dumps(body, indent=2) + "\n", encoding="utf-8")
        return path

    @classmethod
    def load(cls, folder: Path) -> SameStoryModel:
        body = json.loads((folder / f"{NAME}.json").read_text(encoding="utf-8"))
        for key, names in (("features", FEATURES), ("group_features", GROUP_FEATURES)):
            if tuple(body[key]) != names:
                raise ValueError(f"{folder} was fitted on other {key}: {body[key]}")
        return cls(
            tuple(body["weights"]),
            body["bias"],
            body["threshold"],
            tuple(body["group_weights"]),
            body["group_bias"],
            body["group_threshold"],
            body["specifics_cohesion"],
        )


def _logistic(score: float) -> float:
    """1 / (1 + e^-score), without overflow for scores far from zero."""
    return 0.5 * (1.0 + math.tanh(score / 2.0))


@lru_cache(maxsize=4)
def same_story_model(threshold: float | None = None) -> SameStoryModel:
    """The packaged model (``trace/models/same_story``; rebuilt by ``make train``), joining
    at ``threshold`` if given, else at the threshold fitted with it."""
    read_meta(NAME, fmt=FORMAT, root=MODELS_DIR)
    model = SameStoryModel.load(MODELS_DIR / NAME)
    return model if threshold is None else replace(model, threshold=threshold)
