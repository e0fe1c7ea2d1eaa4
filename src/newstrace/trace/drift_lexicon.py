"""The words drift compares (``lexicons/drift.json``), loaded once: scales, hedges, degree
words, comparisons and the subjects a finding can be about; the file's ``_about`` says what
each list is for."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Each list of ``lexicons/drift.json``, as sets (or tuples where order matters)."""

    scales: tuple[tuple[str, ...], ...]
    universal: frozenset[str]
    weak: frozenset[str]
    boosters: frozenset[str]
    hedges: tuple[str, ...]
    dates: frozenset[str]
    date_abbreviations: Mapping[str, str]
    number_words: frozenset[str]
    number_values: Mapping[str, str]
    name_abbreviations: Mapping[str, str]
    place_heads: frozenset[str]
    area_heads: frozenset[str]
    person_titles: frozenset[str]
    generic_source_words: frozenset[str]
    vague_source_words: frozenset[str]
    speculation_markers: tuple[str, ...]
    open_questions: frozenset[str]
    downtoners: frozenset[str]
    approximators: frozenset[str]
    exceeders: frozenset[str]
    intensifiers: tuple[str, ...]
    fractions: frozenset[str]
    likenesses: tuple[str, ...]
    animal_subjects: frozenset[str]
    human_subjects: frozenset[str]
    study_words: frozenset[str]
    proof_words: frozenset[str]
    rate_units: tuple[str, ...]
    comparatives: frozenset[str]
    negations: frozenset[str]
    quantifiers: frozenset[str]
    official_words: tuple[str, ...]
    family_words: frozenset[str]
    belief_words: frozenset[str]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw = json.loads(resources.files("newstrace.trace").joinpath("lexicons/drift.json").read_text())
    return Lexicon(
        tuple(tuple(scale) for scale in raw["scales"]),
        frozenset(raw["universal"]),
        frozenset(raw["weak_commitment"]),
        frozenset(raw["boosters"]),
        tuple(raw["hedge_words"]),
        frozenset(raw["months"]),
        dict(raw["date_abbreviations"]),
        frozenset(raw["number_words"]),
        dict(raw["number_values"]),
        dict(raw["name_abbreviations"]),
        frozenset(raw["place_heads"]),
        frozenset(raw["area_heads"]),
        frozenset(raw["person_titles"]),
        frozenset(raw["generic_source_words"]),
        frozenset(raw["vague_source_words"]),
        tuple(raw["speculation_markers"]),
        frozenset(raw["open_questions"]),
        frozenset(raw["downtoners"]),
        frozenset(raw["approximators"]),
        frozenset(raw["exceeders"]),
        tuple(raw["intensifiers"]),
        frozenset(raw["fractions"]),
        tuple(raw["likenesses"]),
        frozenset(raw["animal_subjects"]),
        frozenset(raw["human_subjects"]),
        frozenset(raw["study_words"]),
        frozenset(raw["proof_words"]),
        tuple(raw["rate_units"]),
        frozenset(raw["comparatives"]),
        frozenset(raw["negations"]),
        frozenset(raw["quantifiers"]),
        tuple(raw["official_words"]),
        frozenset(raw["family_words"]),
        frozenset(raw["belief_words"]),
    )
