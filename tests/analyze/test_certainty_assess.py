"""Certainty of claims in parsed fictional sentences (one per level), and of the seed article."""

from __future__ import annotations

import pytest

from newstrace.analyze.certainty import BANDS, CertaintyAssessor
from newstrace.analyze.nlp import load_nlp
from newstrace.model import CertaintyLevel, Span


@pytest.fixture(scope="module")
def assessor() -> CertaintyAssessor:
    return CertaintyAssessor.load()


def _assess(assessor, text: str, content: str | None = None, attributed: bool = False):
    """Assess ``content`` (default: the whole text) within the region ``text``."""
    doc = load_nlp()(text)
    region = Span.of(text, 0, len(text))
    start = text.index(content) if content else 0
    claim = Span.of(text, start, start + len(content)) if content else region
    return assessor.assess(doc, region, claim, attributed)


CASES = [
    (
        "The ferry to Lindholm left the harbour at noon on Tuesday.",
        None,
        False,
        CertaintyLevel.ASSERTED,
        [],
    ),
    (
        "The harbour master said the ferry to Lindholm left at noon.",
        "the ferry to Lindholm left at noon",
        True,
        CertaintyLevel.ATTRIBUTED,
        [],
    ),
    (
        "The ferry to Lindholm reportedly left the harbour at noon.",
        None,
        False,
        CertaintyLevel.HEDGED,
        ["reportedly"],
    ),
    (
        "The mayor is said to be furious about the ferry timetable.",
        None,
        False,
        CertaintyLevel.HEDGED,
        ["is said to be"],
    ),
    (
        "The new ferry could be a sign that the island is growing.",
        None,
        False,
        CertaintyLevel.SPECULATIVE,
        ["could be a sign"],
    ),
    (
        # a modal that softens what will be the case hedges it (CLAIMS.md, section 3) ...
        "The strike would possibly delay the ferry by a week.",
        None,
        False,
        CertaintyLevel.HEDGED,
        ["would", "possibly"],
    ),
    (
        # ... one on a verb of consequence guesses at what follows
        "The new ferry could pave the way for a bridge to Lindholm.",
        None,
        False,
        CertaintyLevel.SPECULATIVE,
        ["could"],
    ),
    (
        "Harbour engineers believe the new wall may hold back the spring tides.",
        "the new wall may hold back the spring tides",
        True,
        CertaintyLevel.SPECULATIVE,
        ["believe", "may"],
    ),
    (
        "If the storm reaches the coast, then the ferry will stay in the harbour.",
        None,
        False,
        CertaintyLevel.CONDITIONAL,
        ["If", "then"],
    ),
    (
        "The ferry did not leave the harbour on Tuesday.",
        None,
        False,
        CertaintyLevel.NEGATED,
        ["not"],
    ),
    (
        "The harbour master denied that the ferry had left early.",
        "the ferry had left early",
        True,
        CertaintyLevel.NEGATED,
        ["denied"],
    ),
    (  # the parser hangs "no" on "evidence ... ferry"; the existential "there's" is on the spine
        'The council said that there’s "no hard evidence the ferry can be saved."',
        'there’s "no hard evidence the ferry can be saved."',
        True,
        CertaintyLevel.NEGATED,
        ["no"],
    ),
    (  # the parser hangs "no" on "longer"
        "The mayor said the ferry was no longer bound by the old timetable.",
        "the ferry was no longer bound by the old timetable",
        True,
        CertaintyLevel.NEGATED,
        ["no"],
    ),
    (
        "Engineers said it is impossible to refloat the ferry before spring.",
        "it is impossible to refloat the ferry before spring",
        True,
        CertaintyLevel.NEGATED,
        ["impossible"],
    ),
    (  # an announcing "be": the sentence asserts the clause after it
        "The problem is that the survey didn’t count the ferries.",
        None,
        False,
        CertaintyLevel.NEGATED,
        ["n’t"],
    ),
    (  # the parser hangs the adverb on the auxiliary, not on "backed"
        "The plan was apparently also backed-up by the harbour board.",
        None,
        False,
        CertaintyLevel.HEDGED,
        ["apparently"],
    ),
    (
        "My only guess is that the ferry left early.",
        None,
        False,
        CertaintyLevel.SPECULATIVE,
        ["guess"],
    ),
    (  # "apparent" on a noun of the claim: what the scene suggested, not established
        "Divers found the skipper suffering from an apparent head wound.",
        None,
        False,
        CertaintyLevel.HEDGED,
        ["apparent"],
    ),
    (  # a hedge on the noun a "be" predicates: "apparently was the cause"
        "The storm was the apparent cause of the ferry's delay.",
        None,
        False,
        CertaintyLevel.HEDGED,
        ["apparent"],
    ),
    (
        "Divers are reasonably certain that the ferry hit the old pier.",
        "the ferry hit the old pier",
        False,
        CertaintyLevel.HEDGED,
        ["reasonably certain"],
    ),
    (
        "The harbour master estimates that the ferry carries 300 cars a day.",
        "the ferry carries 300 cars a day",
        True,
        CertaintyLevel.HEDGED,
        ["estimates"],
    ),
    (  # an inference ("must have") guesses
        "The ferry must have hit the old pier in the fog.",
        None,
        False,
        CertaintyLevel.SPECULATIVE,
        ["must have"],
    ),
    (  # "not confirm" denies what it governs, as "not believe" does
        "The harbour master could not confirm that the ferry had sunk.",
        "the ferry had sunk",
        True,
        CertaintyLevel.NEGATED,
        ["could", "not"],
    ),
    (  # "is clear that" announces the clause, whose "if" then counts
        "The rule is clear that if the storm comes then the ferry stays in port.",
        None,
        False,
        CertaintyLevel.CONDITIONAL,
        ["if"],
    ),
    (  # ... but not on a noun the verb acts on
        "The council approved possible changes to the ferry timetable.",
        None,
        False,
        CertaintyLevel.ASSERTED,
        ["possible"],
    ),
    (
        "The crew was unable to reach the harbour.",
        None,
        False,
        CertaintyLevel.NEGATED,
        ["unable"],
    ),
]


@pytest.mark.parametrize(("text", "content", "attributed", "level", "cues"), CASES)
def test_level_cues_and_band(assessor, text, content, attributed, level, cues):
    certainty = _assess(assessor, text, content, attributed)
    assert certainty.level is level
    assert [cue.text for cue in certainty.cues] == cues
    low, high = BANDS[level]
    assert low <= certainty.score <= high
    for cue in certainty.cues:
        assert text[cue.start : cue.end] == cue.text


def test_booster_is_not_a_hedge(assessor):
    text = "Engineers agree with near unanimity that the bridge is safe."
    certainty = _assess(assessor, text, "the bridge is safe", attributed=True)
    assert certainty.level is CertaintyLevel.ATTRIBUTED
    assert certainty.cues == ()


def test_hedge_inside_a_modifier_does_not_set_the_level(assessor):
    text = "The council approved a possible extension of the ferry route."
    certainty = _assess(assessor, text)
    assert certainty.level is CertaintyLevel.ASSERTED
    assert [cue.text for cue in certainty.cues] == ["possible"]


def test_a_be_with_an_ordinary_subject_announces_nothing(assessor):
    text = "The plan is that the council didn’t close the pier."
    assert _assess(assessor, text).level is CertaintyLevel.ASSERTED


def test_negation_in_a_relative_clause_is_not_the_claims(assessor):
    text = "The captain, who had never sailed north, steered the ferry to Lindholm."
    assert _assess(assessor, text).level is CertaintyLevel.ASSERTED


def test_seed_article(assessor, shared_path):
    text = shared_path("seed/000_2e3b3d9b51724c05.txt").read_text(encoding="utf-8")
    doc = load_nlp()(text)
    found, levels = set(), {}
    for sent in doc.sents:
        region = Span.of(text, sent.start_char, sent.end_char)
        certainty = assessor.assess(doc, region, region, False)
        found.update(text[c.start : c.end] for c in certainty.cues)
        levels[sent.text.strip()] = certainty
    assert {"reportedly", "is said to be", "could be a sign", "possibly", "would"} <= found
    conditional = next(c for s, c in levels.items() if s.startswith("- If Kim is crying"))
    assert conditional.level is CertaintyLevel.CONDITIONAL
    assert 0.2 <= conditional.score <= 0.5
    plain = next(c for s, c in levels.items() if s.startswith("In April, North Korea"))
    assert plain.level is CertaintyLevel.ASSERTED
    assert plain.score >= 0.85


def test_reported_would_is_not_speculation(assessor):
    text = "Officials said the bridge would reopen in June."
    certainty = _assess(assessor, text, "the bridge would reopen in June", attributed=True)
    assert certainty.level is CertaintyLevel.ATTRIBUTED


def test_negated_reporting_verb_does_not_negate_the_claim(assessor):
    text = "The mayor did not say that the ferry would be sold."
    certainty = _assess(assessor, text, "the ferry would be sold", attributed=True)
    assert certainty.level is not CertaintyLevel.NEGATED


def test_a_belief_denied_denies_what_it_governs(assessor):
    """ "do not believe X" is "believe not X" (negation raising); "did not say X" is not."""
    text = "Investigators do not believe the fire is related to the storm."
    certainty = _assess(assessor, text, "the fire is related to the storm", attributed=True)
    assert certainty.level is CertaintyLevel.NEGATED
    assert [cue.text for cue in certainty.cues][:1] == ["not"]


def test_a_belief_in_a_clause_of_its_own_does_not_govern_the_clause_before(assessor):
    """ "X, but police do not believe Y": the belief verb is joined to X's verb, yet it
    frames Y only; a verb sharing X's subject ("and did not sail") still counts."""
    text = "The pier fire started in a shed, but investigators do not believe it was arson."
    certainty = _assess(assessor, text, "The pier fire started in a shed")
    assert certainty.level is CertaintyLevel.ASSERTED
    text = "The ferry left Pellin at noon and did not reach Lindholm."
    assert _assess(assessor, text).level is CertaintyLevel.NEGATED


def test_an_if_that_asks_whether_is_no_condition(assessor):
    text = "Police said it was unclear if the ferry was seen by the harbour camera."
    claim = "it was unclear if the ferry was seen by the harbour camera"
    assert _assess(assessor, text, claim, True).level is not CertaintyLevel.CONDITIONAL
    text = "If the storm reaches the coast, then the ferry will stay in the harbour."
    assert _assess(assessor, text).level is CertaintyLevel.CONDITIONAL


def test_negative_word_off_the_spine_does_not_negate(assessor):
    text = "The ferry carried a sign that said entry was impossible, the captain said."
    certainty = _assess(assessor, text, "The ferry carried a sign", attributed=True)
    assert certainty.level is not CertaintyLevel.NEGATED


def test_content_led_by_a_conjunction_keeps_its_modal(assessor):
    text = "The harbour is closed, and it could be a sign of worse to come."
    certainty = _assess(assessor, text, "and it could be a sign of worse to come")
    assert certainty.level is CertaintyLevel.SPECULATIVE


def test_if_clause_outside_the_region_still_conditions_the_claim(assessor):
    text = "If the mayor is hiding the report, then the council will act."
    doc = load_nlp()(text)
    start = text.index("the mayor")
    region = Span.of(text, start, text.index(","))
    content = Span.of(text, text.index("the report"), text.index(","))
    certainty = assessor.assess(doc, region, content, True)
    assert certainty.level is CertaintyLevel.CONDITIONAL
    assert [cue.text for cue in certainty.cues] == ["If"]


def test_a_claim_said_to_be_unclear_or_unknown_is_not_confirmed(assessor):
    for text in (
        "It was unclear if the ferry had a lifeboat.",
        "The cause of the pier fire is not known.",
        "The future of the Pellin ferry is uncertain.",
        "The cause of the pier fire is unknown.",
        "The skipper's condition remains unknown.",
        "It is too early to say whether the Pellin ferry will sail.",
        "It remains to be seen whether the pier can be saved.",
    ):
        assert _assess(assessor, text).level is CertaintyLevel.NEGATED, text
    assert _assess(assessor, "The ferry may have a lifeboat.").level is CertaintyLevel.HEDGED


def test_a_thing_not_yet_done_or_failed_is_negated(assessor):
    for text in (
        "The cause of the pier fire has yet to be determined.",
        "Divers failed to find the missing anchor.",
    ):
        assert _assess(assessor, text).level is CertaintyLevel.NEGATED, text
    text = "The skipper failed to say whether the ferry sank."
    certainty = _assess(assessor, text, "the ferry sank", attributed=True)
    assert certainty.level is not CertaintyLevel.NEGATED  # not saying X does not deny X


def test_a_suspicion_is_a_belief_hedged_like_believe(assessor):
    for text, content in (
        ("Investigators suspect the pier fire was set on purpose.", "the pier fire was set"),
        ("Investigators believe the pier fire was set on purpose.", "the pier fire was set"),
        ("It is thought the skipper left the ferry.", None),
    ):
        certainty = _assess(assessor, text, content, attributed=content is not None)
        assert certainty.level is CertaintyLevel.HEDGED, text
    text = "Investigators suspect the arsonist will strike again."
    certainty = _assess(assessor, text, "the arsonist will strike again", attributed=True)
    assert certainty.level is CertaintyLevel.SPECULATIVE  # a guess at what will happen


@pytest.mark.parametrize(
    ("text", "content", "level"),
    [
        # a past belief with a clause of its own hedges it; a belief in a thing does not
        ("The skipper said he thought the hatch was shut.", "the hatch was shut", "hedged"),
        ("Pike said he had believed the hatch was shut.", "the hatch was shut", "hedged"),
        ("Mara Okafor said the skipper believed in luck.", "the skipper believed in luck",
         "attributed"),
        # a distancing reporting verb with its subject leaves the claim attributed
        ("Mara Okafor claimed the hatch was shut.", "the hatch was shut", "attributed"),
        ("Prosecutors allege that Pike sank the ferry.", "that Pike sank the ferry",
         "attributed"),
    ],
)  # fmt: skip
def test_belief_verbs_hedge_and_distancing_verbs_attribute(assessor, text, content, level):
    certainty = _assess(assessor, text, content, attributed=True)
    assert certainty.level.value == level
    if "believed in" not in text:  # listed either way: the drift between "claimed" and "said"
        assert certainty.cues


def test_a_claim_with_no_one_to_credit_is_hedged_as_it_is_said(assessor):
    assert _assess(assessor, "It is claimed that the hatch was shut.").level is (
        CertaintyLevel.HEDGED
    )


def test_a_not_the_parser_hangs_on_an_auxiliary_still_negates(assessor):
    # "not" hangs on "been", not on "reviewed", in this parse
    text = "The harbour survey has not been peer reviewed."
    assert _assess(assessor, text).level is CertaintyLevel.NEGATED


def test_a_question_left_unanswered_is_not_confirmed(assessor):
    for text, content in (
        ("Police have not said whether the ferry was hit.", "whether the ferry was hit"),
        ("The skipper could not say how many crew were aboard.", "how many crew were aboard"),
    ):
        certainty = _assess(assessor, text, content, attributed=True)
        assert certainty.level is CertaintyLevel.NEGATED, text
    text = "Police did not say that the ferry was hit."  # not saying X does not deny X
    certainty = _assess(assessor, text, "that the ferry was hit", attributed=True)
    assert certainty.level is not CertaintyLevel.NEGATED


def test_an_accusation_without_its_accuser_is_hedged(assessor):
    text = "The harbourmaster has been accused of taking bribes."
    certainty = _assess(assessor, text)
    assert certainty.level is CertaintyLevel.HEDGED
    assert [cue.text for cue in certainty.cues] == ["been accused of"]


def test_unknown_before_a_noun_names_no_one_and_is_no_cue(assessor):
    for text in (
        "An unknown gunman fired at the Pellin ferry.",
        "The first to fire at the Pellin ferry was an unknown gunman.",
    ):
        certainty = _assess(assessor, text)
        assert certainty.level is CertaintyLevel.ASSERTED, text
        assert certainty.cues == (), text


def test_a_condition_marked_by_as_long_as_or_provided_that(assessor):
    for text in (
        "The pier stays open as long as the council pays.",
        "The pier will stay open provided that the council pays.",
    ):
        certainty = _assess(assessor, text)
        assert certainty.level is CertaintyLevel.CONDITIONAL, text
    text = "The Pellin ferry has sailed for as long as anyone can remember."
    assert _assess(assessor, text).level is not CertaintyLevel.CONDITIONAL


def test_an_if_that_only_points_the_reader_is_no_condition(assessor):
    text = "If you look at the tide tables, the pier has flooded less since 1990."
    assert _assess(assessor, text).level is not CertaintyLevel.CONDITIONAL
    text = "If you swim off the pier, you will be fined."
    assert _assess(assessor, text).level is CertaintyLevel.CONDITIONAL


def test_a_negation_under_a_condition_leaves_the_claim_conditional(assessor):
    text = "If you cross that line, then you are not welcome on the ferry."
    assert _assess(assessor, text).level is CertaintyLevel.CONDITIONAL
    assert _assess(assessor, "You are not welcome on the ferry.").level is CertaintyLevel.NEGATED


def test_a_belief_about_what_will_happen_is_a_guess(assessor):
    text = "The harbourmaster believes the ferry will sail on Monday."
    certainty = _assess(assessor, text, "the ferry will sail on Monday", attributed=True)
    assert certainty.level is CertaintyLevel.SPECULATIVE
    text = "The harbourmaster believes the ferry sailed on Monday."
    certainty = _assess(assessor, text, "the ferry sailed on Monday", attributed=True)
    assert certainty.level is CertaintyLevel.HEDGED


def test_a_where_clause_before_what_would_follow_is_a_condition(assessor):
    text = "Mercer said where the board fails to act, the union would take it to court."
    claim = "where the board fails to act, the union would take it to court"
    certainty = _assess(assessor, text, claim, attributed=True)
    assert certainty.level is CertaintyLevel.CONDITIONAL
    assert "where" in [cue.text for cue in certainty.cues]
    text = "Mercer said where the river meets the sea, the town has built a harbour."
    claim = "where the river meets the sea, the town has built a harbour"
    assert _assess(assessor, text, claim, True).level is CertaintyLevel.ATTRIBUTED
    text = "Mercer said the house where the family lived would be sold."
    claim = "the house where the family lived would be sold"
    assert _assess(assessor, text, claim, True).level is CertaintyLevel.ATTRIBUTED


def test_a_where_the_claims_verb_takes_is_no_condition(assessor):
    text = "Mercer said he wouldn't say where the boat was found, but he would speak later."
    claim = "he wouldn't say where the boat was found, but he would speak later"
    assert _assess(assessor, text, claim, True).level is not CertaintyLevel.CONDITIONAL


def test_an_inverted_should_had_or_were_opens_a_condition(assessor):
    for text, claim in (
        ("Okafor said other mills will follow, should the fund be approved.",
         "other mills will follow, should the fund be approved"),
        ("Should the vote pass, the mill will close, the union said.",
         "Should the vote pass, the mill will close"),
        ("The council said the plan, were it approved, would cost millions.",
         "the plan, were it approved, would cost millions"),
    ):  # fmt: skip
        certainty = _assess(assessor, text, claim, attributed=True)
        assert certainty.level is CertaintyLevel.CONDITIONAL, text
    text = "The union asked: should the mill close?"
    assert _assess(assessor, text, "should the mill close", True).level is not (
        CertaintyLevel.CONDITIONAL
    )


def test_a_passive_report_coordinated_after_the_claim_frames_its_own_claim(assessor):
    text = "All victims were taken to a hospital and are expected to survive."
    doc = load_nlp()(text)
    trip = Span.of(text, 0, text.index(" and"))
    whole = Span.of(text, 0, len(text))
    for region in (trip, whole):  # the survival is hedged, not the trip to hospital
        assert assessor.assess(doc, region, trip, False).level is CertaintyLevel.ASSERTED
    # one claim of the whole sentence is hedged by it
    assert assessor.assess(doc, whole, whole, False).level is CertaintyLevel.HEDGED


def test_a_hedge_word_used_as_a_plain_noun_hedges_nothing(assessor):
    text = "One relative gave a statement, but backed off those claims in court."
    assert _assess(assessor, text).level is CertaintyLevel.ASSERTED
    # the noun with a clause of its own still hedges it
    text = "There were claims that the mayor lied."
    assert _assess(assessor, text, "the mayor lied").level is not CertaintyLevel.ASSERTED
    # a negating noun still negates
    text = "None of the four cases appear to be connected."
    assert _assess(assessor, text).level is CertaintyLevel.NEGATED
