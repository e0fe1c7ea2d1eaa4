"""Whole-claim stretches (trace/reach.py) on fictional claims, as folded words."""

from __future__ import annotations

from newstrace.model import DriftType
from newstrace.trace.reach import Said, reports_animal_study, stretches


def _said(text: str, cue: str = "", animal_study: bool = False) -> Said:
    return Said(text.lower().split(), cue.lower().split(), animal_study)


def _found(child: Said, parent: Said) -> list[tuple[DriftType, str]]:
    return [(s.type, s.why) for s in stretches(child, parent)]


def test_a_partial_comparison_made_whole_is_an_exaggeration():
    [(kind, why)] = _found(
        _said("salted kelp is as bad for teeth as fizzy drinks"),
        _said("salted kelp is about two-thirds as bad as fizzy drinks"),
    )
    assert kind == DriftType.EXAGGERATION and "partial comparison" in why


def test_a_comparison_with_something_else_is_not_made_whole():
    assert (
        _found(
            _said("salted kelp is as bad as sugar"),
            _said("salted kelp is almost as bad as fizzy drinks"),
        )
        == []
    )


def test_an_intensifier_on_a_comparison_is_an_exaggeration():
    [(kind, why)] = _found(
        _said("kelp eaters had exponentially higher salt levels"),
        _said("kelp eaters had somewhat more salt in their blood"),
    )
    assert kind == DriftType.EXAGGERATION and "exponentially" in why


def test_the_same_amount_per_shorter_time_inflates_a_rate():
    [(kind, why)] = _found(
        _said("the trial asks for two bowls of kelp per day"),
        _said("the trial asks for two bowls of kelp a week"),
    )
    assert kind == DriftType.EXAGGERATION and "rate" in why


def test_a_rate_that_keeps_its_unit_is_not_inflated():
    assert (
        _found(
            _said("two bowls a week , not a day , the trial said"),
            _said("two bowls of kelp a week"),
        )
        == []
    )


def test_a_finding_on_animals_retold_about_people():
    [(kind, why)] = _found(
        _said("people who eat kelp sleep longer"),
        _said("kelp improved sleep", animal_study=True),
    )
    assert kind == DriftType.EXAGGERATION and "people" in why
    assert _found(_said("people who eat kelp sleep longer"), _said("kelp improved sleep")) == []


def test_an_animal_study_is_one_with_animal_subjects_and_study_work():
    assert reports_animal_study([["the", "team", "fed", "kelp", "to", "mice"]])
    assert not reports_animal_study([["mice", "ran", "through", "the", "harbour"]])


def test_a_suggestion_retold_as_proof_is_a_certainty_upgrade():
    [(kind, why)] = _found(
        _said("that kelp helps sleep", cue="has proven"),
        _said("that kelp may help sleep", cue="suggests"),
    )
    assert kind == DriftType.CERTAINTY_UPGRADED and "proven" in why
