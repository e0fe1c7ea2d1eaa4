"""Drift between two versions of a claim, on fictional sentence pairs through the analyser."""

from __future__ import annotations

import pytest

from newstrace import Article, analyze
from newstrace.model import Span
from newstrace.trace import align, drift, wording
from newstrace.trace.text import tokens


def _drift(earlier: str, later: str) -> list:
    parent = analyze(Article(earlier, id="earlier", outlet="Pellin Gazette"))
    child = analyze(Article(later, id="later", outlet="Shore Wire"))
    claims = align.StoryClaims.of({"earlier": parent, "later": child})
    events = []
    for child_claim, _, parent_claim, sure in align.pair_with_earlier(
        claims, "later", [["earlier"]]
    ):
        events += drift.claim_drift(
            drift.Version("later", child, child_claim),
            drift.Version("earlier", parent, parent_claim),
            sure=sure,
        )
    return events


def _types(events) -> set[str]:
    return {event.type.value for event in events}


def test_a_faithful_retelling_has_no_drift():
    text = "The harbour board said the swing bridge may stay shut until 3 March."
    assert _drift(text, text) == []


def test_a_dropped_hedge_is_quoted_from_both_versions():
    events = _drift(
        "The harbour board said the swing bridge may stay shut until 3 March.",
        "The harbour board said the swing bridge will stay shut until 3 March.",
    )
    [event] = [e for e in events if e.type.value == "hedge_dropped"]
    assert "will" in event.phrase.text and "may" in event.earlier_phrase.text
    assert event.article_id == "later" and event.earlier_article_id == "earlier"


def test_a_changed_number_is_a_changed_detail():
    events = _drift(
        "The harbour board said the bridge carries about 4,000 vehicles a day.",
        "The harbour board said the bridge carries about 14,000 vehicles a day.",
    )
    assert "detail_changed" in _types(events)


def test_a_changed_share_is_a_changed_detail_though_the_source_counts_that_number():
    earlier = (
        "The tide gauge logged around 50 floods in a decade. The survey said flooding "
        "will fall by around 60 per cent by 2040."
    )
    events = _drift(earlier, "The survey said flooding will fall by 50% by 2040.")
    assert "detail_changed" in _types(events)
    kept = _drift(earlier, "The survey said flooding will fall by 60% by 2040.")
    assert "detail_changed" not in _types(kept)


def test_a_warning_retold_as_fact_drops_a_hedge_and_is_no_guess():
    events = _drift(
        "Engineers have warned that the swing bridge could close within 15 years.",
        "Engineers have concluded that the swing bridge will close within 15 years.",
    )
    assert "hedge_dropped" in _types(events)
    assert "speculation_as_fact" not in _types(events)


def test_a_place_called_by_another_head_word_is_no_changed_detail():
    events = _drift(
        "Police said the boy was taken to Eskenazi Hospital in critical condition.",
        "Police said the boy was taken to Eskenazi Health in critical condition.",
    )
    assert "detail_changed" not in _types(events)
    changed = _drift(
        "Police said the boy was taken to Eskenazi Hospital in critical condition.",
        "Police said the boy was taken to Methodist Hospital in critical condition.",
    )
    assert "detail_changed" in _types(changed)


def test_a_place_name_misspelt_is_no_changed_detail():
    events = _drift(
        "Police said the boy was taken to Brandvik Hospital in critical condition.",
        "Police said the boy was taken to Brandvick Hospital in critical condition.",
    )
    assert "detail_changed" not in _types(events)
    reordered = _drift(
        "Police said the boy was taken to Pellin Brandvik Hospital in critical condition.",
        "Police said the boy was taken to Brandvick Pellin Hospital in critical condition.",
    )
    assert "detail_changed" not in _types(reordered)
    # a name spelt alike but heading another kind of place is another place
    moved = _drift(
        "Police said the boy was taken to Brandvik Hospital in critical condition.",
        "Police said the boy was taken to Brandvick Academy in critical condition.",
    )
    assert "detail_changed" in _types(moved)


def test_a_street_named_where_its_area_was_is_no_changed_detail():
    events = _drift(
        "Police said a teenager was shot near the college on Marden Island late Tuesday.",
        "Police said a teenager was shot near the college on Fallow Ave late Tuesday.",
    )
    assert "detail_changed" not in _types(events)
    moved = _drift(
        "Police said a teenager was shot near the college on Marden Island late Tuesday.",
        "Police said a teenager was shot near the college on Fallow Island late Tuesday.",
    )
    assert "detail_changed" in _types(moved)


def test_a_weekend_for_the_day_is_the_same_time_told_less_closely():
    events = _drift(
        "The man shot two people in Marden before barricading himself inside early Sunday.",
        "The man shot two people in Marden before barricading himself inside this weekend.",
    )
    assert "detail_changed" not in _types(events)
    moved = _drift(
        "The man shot two people in Marden before barricading himself inside early Sunday.",
        "The man shot two people in Marden before barricading himself inside on Tuesday.",
    )
    assert "detail_changed" in _types(moved)


def test_a_change_is_reported_where_it_was_first_made():
    from newstrace.model import DriftEvent, DriftType
    from newstrace.trace.story import _first_told

    texts = {
        "first": "The harbour board said the bridge may stay shut until March.",
        "retold": "The bridge will stay shut until March, the board says.",
        "repeated": "Commuters groan: the bridge will stay shut until March.",
        "from first": "The bridge may stay shut until March. It will stay shut until March.",
    }
    ledgers = {k: analyze(Article(text, id=k)) for k, text in texts.items()}

    def dropped(article_id: str) -> DriftEvent:
        text, earlier = texts[article_id], texts["first"]
        start, old = text.index("will stay"), earlier.index("may stay")
        return DriftEvent(
            article_id,
            "first",
            DriftType.HEDGE_DROPPED,
            Span.of(text, start, start + len("will stay shut until March")),
            Span.of(earlier, old, old + len("may stay shut until March")),
            "",
            0.5,
        )

    parents = {"retold": "first", "repeated": "first"}
    kept = _first_told([dropped("retold"), dropped("repeated")], ledgers, parents)
    # "repeated" prints what "retold", placed before it, changed first
    assert [e.article_id for e in kept] == ["retold"]
    # a version that printed the old wording beside the new one changed nothing first
    parents = {"from first": "first", "repeated": "first"}
    kept = _first_told([dropped("repeated")], ledgers, parents)
    assert [e.article_id for e in kept] == ["repeated"]


def test_touching_changes_of_one_type_are_one_event():
    from newstrace.model import DriftEvent, DriftType
    from newstrace.trace.story import _distinct

    text = "Four men were shot on West 16th Street around 3 p.m. on Sunday."
    claim = text.index("Four"), text.index("around") + len("around")
    time = text.index("3 p.m."), text.index("3 p.m.") + len("3 p.m.")

    def event(start: int, end: int, severity: float) -> DriftEvent:
        phrase = Span.of(text, start, end)
        changed = DriftType.DETAIL_CHANGED
        return DriftEvent("later", "earlier", changed, phrase, phrase, "", severity)

    assert len(_distinct([event(*claim, 0.6), event(*time, 0.5)])) == 1
    apart = text.index("Sunday"), len(text) - 1
    assert len(_distinct([event(*claim, 0.6), event(*apart, 0.5)])) == 2


def test_stronger_wording_is_an_exaggeration():
    events = _drift(
        "Rents in Pellin rose by 3 percent last year, the letting agency said.",
        "Rents in Pellin soared by 3 percent last year, the letting agency said.",
    )
    assert "exaggeration" in _types(events)


def test_a_guess_retold_as_fact():
    events = _drift(
        "Analysts wonder whether the closure could be a sign that the board is short of money.",
        "The closure is a sign that the board is short of money.",
    )
    assert "speculation_as_fact" in _types(events)


def test_a_source_that_disappears_is_attribution_lost():
    events = _drift(
        "Harbour engineer Tomas Brae said the bridge will stay shut for six weeks.",
        "The bridge will stay shut for six weeks.",
    )
    assert "attribution_lost" in _types(events)


def test_a_change_of_print_alone_is_never_drift():
    events = _drift(
        "Harbour engineer Tomas Brae said the ferry's hull - built in 1998 - may need repairs.",
        "Harbour engineer Tomas Brae said the ferry’s hull – built in 1998 – may need repairs.",
    )
    assert events == []


def test_a_dropped_hedge_is_explained_from_the_ledger_levels():
    events = _drift(
        "The harbour board said the swing bridge may stay shut until 3 March.",
        "The harbour board said the swing bridge will stay shut until 3 March.",
    )
    [event] = [e for e in events if e.type.value == "hedge_dropped"]
    assert "'may' dropped" in event.explanation
    assert "(hedged)" not in event.explanation  # the retelling is not itself called hedged


def test_a_lost_approximator_is_an_exaggeration():
    events = _drift(
        "Ferry fares at Pellin are almost as high as air fares, the harbour board said.",
        "Ferry fares at Pellin are as high as air fares, the harbour board said.",
    )
    [event] = [e for e in events if e.type.value == "exaggeration"]
    assert "almost" in event.explanation and "almost" in event.earlier_phrase.text


def test_an_approximator_lost_from_a_comparison_exaggerates_one_lost_from_an_amount_rounds():
    compared = _drift(
        "Ferry fares at Pellin are about as high as air fares, the harbour board said.",
        "Ferry fares at Pellin are as high as air fares, the harbour board said.",
    )
    assert "exaggeration" in _types(compared)
    rounded = _drift(
        "Ferry fares at Pellin will rise by around 12 per cent, the harbour board said.",
        "Ferry fares at Pellin will rise by 12 per cent, the harbour board said.",
    )
    assert "exaggeration" not in _types(rounded)


def test_a_changed_word_is_quoted_as_its_whole_phrase():
    text = "After the storm, the old swing bridge stayed shut for nine days, the board said."
    words = tokens(text)
    nine = next(k for k, w in enumerate(words) if w.lower == "nine")
    quoted = wording.phrase(text, words, nine, nine + 1, Span.of(text, 0, len(text)))
    assert quoted.text == "old swing bridge stayed shut for nine days"


def test_folded_words_make_no_diff():
    before, after = tokens("Alzheimer's — “rats”"), tokens('ALZHEIMER’S – "rats"')
    assert wording.changes(before, after) == []


def test_a_claim_is_compared_with_the_nearest_earlier_version_that_carries_it():
    parents = {"b": "a", "c": "a", "d": "c"}  # in time order: a, b, c, d
    assert align.earlier_versions("d", parents) == [["c", "a"], ["b"]]
    assert align.earlier_versions("b", parents) == [["a"], []]


def test_a_number_spelt_out_is_the_same_number():
    events = _drift(
        "Police said a ten-year-old boy was taken to Pellin General on Friday.",
        "Police said a 10-year-old boy was taken to Pellin General on Friday.",
    )
    assert "detail_changed" not in _types(events)
    changed = _drift(
        "Police said a ten-year-old boy was taken to Pellin General on Friday.",
        "Police said a 16-year-old boy was taken to Pellin General on Friday.",
    )
    assert "detail_changed" in _types(changed)


def test_a_street_name_abbreviated_is_the_same_street():
    events = _drift(
        "Police said the shots were fired on Harbour Avenue near the ferry terminal.",
        "Police said the shots were fired on Harbour Ave near the ferry terminal.",
    )
    assert "detail_changed" not in _types(events)


def test_a_rounded_number_is_not_a_changed_detail():
    events = _drift(
        "The harbour board said the bridge carried 1,231 vehicles on its first day.",
        "The harbour board said the bridge carried over 1,200 vehicles on its first day.",
    )
    assert "detail_changed" not in _types(events)
    closer = _drift(
        "The fight spilled out of a bar in the 4300 block of Pellin Road, police said.",
        "The fight spilled out of a bar at 4312 Pellin Road, police said.",
    )
    assert "detail_changed" not in _types(closer)
    # two numbers as round as each other: a changed count, however near
    changed = _drift(
        "The shooting brings the city's homicide total to 104 for the year, police said.",
        "The shooting brings the city's homicide total to 106 for the year, police said.",
    )
    assert "detail_changed" in _types(changed)


def test_a_reworded_claim_is_paired_by_meaning_not_by_shared_words():
    parent = analyze(
        Article(
            "Ferry fares on the Pellin crossing will rise by 4% from Monday. "
            "The Pellin ferry operator has repainted both of its boats.",
            id="earlier",
        )
    )
    child = analyze(
        Article("The Pellin ferry operator is putting its prices up four per cent next week.")
    )
    claims = align.StoryClaims.of({"earlier": parent, "later": child})
    [(_, version, earlier, _)] = align.pair_with_earlier(claims, "later", [["earlier"]])
    assert version == "earlier" and "fares" in earlier.span.text


def test_of_two_near_equal_earlier_claims_the_hedged_one_is_retold():
    events = _drift(
        "The harbour board said the swing bridge could reopen in March. "
        "The swing bridge will reopen in March, the harbour board said.",
        "The swing bridge will reopen in March, the harbour board said.",
    )
    assert "hedge_dropped" in _types(events)


def test_a_denial_has_not_lost_the_attribution_of_what_it_denies():
    events = _drift(
        "The swing bridge could be closed for a year, engineer Tomas Brae has warned.",
        "No, the swing bridge is not going to be closed for a year.",
    )
    assert "attribution_lost" not in _types(events)


@pytest.mark.parametrize(
    ("earlier", "held", "plain"),
    [
        (
            "A deckhand who may have been pushed from the ferry died in Pellin on Friday.",
            "A deckhand who police believe was pushed from the ferry died in Pellin on Friday.",
            "A deckhand who was pushed from the ferry died in Pellin on Friday.",
        ),
        (
            "The ferry will supposedly be sold to a Pellin firm, the Dover Courier reported.",
            "Mara Okafor claimed that the ferry will be sold to a Pellin firm.",
            "Mara Okafor said that the ferry will be sold to a Pellin firm.",
        ),
    ],
)
def test_a_claim_told_as_what_someone_believes_or_claims_has_not_dropped_its_hedge(
    earlier, held, plain
):
    assert "hedge_dropped" not in _types(_drift(earlier, held))
    assert "hedge_dropped" in _types(_drift(earlier, plain))


def test_a_denial_is_not_a_dropped_hedge():
    events = _drift(
        "The harbour board said the new sea wall could stop the flooding.",
        "The harbour board said there is no evidence the new sea wall can stop the flooding.",
    )
    assert "hedge_dropped" not in _types(events)


def test_a_changed_year_is_a_changed_detail_not_a_rounding():
    events = _drift(
        "The harbour board said the new swing bridge will open in 2024.",
        "The harbour board said the new swing bridge will open in 2026.",
    )
    assert "detail_changed" in _types(events)


def test_a_date_run_together_is_the_same_date():
    events = _drift(
        "The harbour board said the bridge stays shut from Dec. 16 to 22.",
        "The harbour board said the bridge stays shut from Dec.16 to 22.",
    )
    assert "detail_changed" not in _types(events)


def test_a_bare_sentence_beside_its_source_has_not_lost_its_attribution():
    nearby = _drift(
        "Neighbour Ada Morn said the boy was taken to Pellin General with a wound to his leg.",
        "The boy was taken to Pellin General with a wound to his leg. Ada Morn said he was calm.",
    )
    assert "attribution_lost" not in _types(nearby)
    far = _drift(
        "Neighbour Ada Morn said the boy was taken to Pellin General with a wound to his leg.",
        "The boy was taken to Pellin General with a wound to his leg. "
        "The ferry left at noon. The market closed early. "
        "Ada Morn said he was calm.",
    )
    assert "attribution_lost" in _types(far)


def test_an_officials_account_told_as_established_fact_has_not_lost_its_attribution():
    # news states what police gave out about the event without "police said" once it is
    # established; on the GVA tune set 1 of 9 such losses was labelled drift
    events = _drift(
        "Police said the boy was taken to Pellin General with a wound to his leg.",
        "The boy was taken to Pellin General with a wound to his leg.",
    )
    assert "attribution_lost" not in _types(events)


def test_an_official_body_or_a_coroner_named_with_their_office_is_an_officials_account():
    for source in (
        "the Pellin County Sheriff's Office said",
        "said Dr. Ann Rusk, the county coroner",
    ):
        earlier = f"The boy was taken to Pellin General with a wound to his leg, {source}."
        events = _drift(earlier, "The boy was taken to Pellin General with a wound to his leg.")
        assert "attribution_lost" not in _types(events), source
    neighbour = _drift(
        "The boy was taken to Pellin General with a wound to his leg, neighbour Ada Morn said.",
        "The boy was taken to Pellin General with a wound to his leg.",
    )
    assert "attribution_lost" in _types(neighbour)


def test_a_person_described_as_speaking_for_the_police_gives_an_officials_account():
    events = _drift(
        "Pellin Police spokesman Rob Tarn said the boy was taken to Pellin General. "
        "Tarn said two other people were hurt.",
        "The boy was taken to Pellin General. Two other people were hurt.",
    )
    assert "attribution_lost" not in _types(events)
    spokesman = _drift(
        "The boy was taken to Pellin General, said Rob Tarn, a spokesman for the county "
        "department. Two other people were hurt, he said.",
        "The boy was taken to Pellin General. Two other people were hurt.",
    )
    assert "attribution_lost" not in _types(spokesman)
    neighbour = _drift(
        "Neighbour Rob Tarn said the boy was taken to Pellin General. "
        "Tarn said two other people were hurt.",
        "The boy was taken to Pellin General. Two other people were hurt.",
    )
    assert "attribution_lost" in _types(neighbour)


def test_the_police_for_a_named_police_force_is_no_garbled_credit_but_another_force_is():
    earlier = "The man fled in a grey van, according to the Pellin County Sheriff's Office."
    same = _drift(earlier, "Police said the man fled in a grey van.")
    assert "attribution_garbled" not in _types(same)
    other = _drift(earlier, "The man fled in a grey van, the Marden Police Department said.")
    assert "attribution_garbled" in _types(other)


def test_the_city_for_its_city_manager_is_no_garbled_credit():
    earlier = "The pool will close in May, City Manager Ana Ruiz said."
    assert "attribution_garbled" not in _types(
        _drift(earlier, "The pool will close in May, the city says.")
    )


def test_a_surname_for_the_whole_name_is_the_same_source_whatever_kind_it_was_given():
    from newstrace.model import Source, SourceKind

    earlier = "Dorit Ashgrove said she never meant to fire."
    later = "Ashgrove says she never meant to fire."
    whole = Source("Dorit Ashgrove", SourceKind.NAMED_PERSON, Span.of(earlier, 0, 14))
    # the parser took the bare surname opening a sentence for an organisation
    surname = Source("Ashgrove", SourceKind.ORGANISATION, Span.of(later, 0, 8))
    assert drift._same_source(surname, whole, later, earlier)
    other = Source("Marden", SourceKind.ORGANISATION, Span.of("Marden says", 0, 6))
    assert not drift._same_source(other, whole, "Marden says", earlier)


def test_an_office_named_after_someone_speaks_as_their_spokesperson_does():
    from newstrace.model import Source, SourceKind

    earlier = "Okafor's office said she remains focused on the work."
    later = "A spokesperson for Okafor said she remains focused on the work."
    office = Source("Okafor's office", SourceKind.ORGANISATION, Span.of(earlier, 0, 15))
    spokesperson = Source(
        "A spokesperson for Okafor", SourceKind.ANONYMOUS_PERSON, Span.of(later, 0, 25)
    )
    assert drift._same_source(spokesperson, office, later, earlier)
    assert drift._same_source(office, spokesperson, earlier, later)
    other = Source("A spokesperson for Pike", SourceKind.ANONYMOUS_PERSON, Span.of(later, 0, 25))
    assert not drift._same_source(other, office, later, earlier)


def test_a_new_at_least_before_a_smaller_amount_is_no_exaggeration():
    earlier = "The man has been sentenced to 20 years in prison, the court said."
    smaller = _drift(earlier, "The man must serve at least seven years in prison, the court said.")
    assert "exaggeration" not in _types(smaller)
    raised = _drift(
        "Nearly 900 people shared the post, the council said.",
        "Over 900 people shared the post, the council said.",
    )
    assert "exaggeration" in _types(raised)


def test_a_familys_account_told_as_fact_has_not_lost_its_attribution():
    for source in ("Family members said", "according to Tam Rusk, the boy's older brother"):
        events = _drift(
            f"The boy was planning to study at Pellin College, {source}.",
            "The boy was planning to study at Pellin College.",
        )
        assert "attribution_lost" not in _types(events), source
    neighbour = _drift(
        "The boy was planning to study at Pellin College, neighbour Ada Morn said.",
        "The boy was planning to study at Pellin College.",
    )
    assert "attribution_lost" in _types(neighbour)


def test_a_source_the_text_never_named_cannot_be_lost():
    events = _drift(
        "It was confirmed that the boy was taken to Pellin General with a wound to his leg.",
        "The boy was taken to Pellin General with a wound to his leg.",
    )
    assert "attribution_lost" not in _types(events)


def test_the_minutes_of_a_time_of_day_are_not_a_changed_number():
    events = _drift(
        "Police said the ferry hand was found on the slipway at 11:35 a.m. on Sunday.",
        "Police said the ferry hand was found on the slipway at 11:59 a.m. on Sunday.",
    )
    assert not any("'35'" in e.explanation for e in events)


def test_numbers_of_other_units_of_time_are_two_people_not_a_changed_age():
    events = _drift(
        "Police said a 10-month-old girl was hurt when the pier railing gave way.",
        "Police said a 16-year-old girl was hurt when the pier railing gave way.",
    )
    assert "detail_changed" not in _types(events)
    changed_age = _drift(
        "Police said a 12-year-old girl was hurt when the pier railing gave way.",
        "Police said a 16-year-old girl was hurt when the pier railing gave way.",
    )
    assert "detail_changed" in _types(changed_age)


def test_a_decade_and_a_century_are_not_one_number_changed():
    events = _drift(
        "The tide gauge survey said sea levels will rise faster during the 2030s.",
        "The tide gauge survey said sea levels rose faster during the 17th century.",
    )
    assert "detail_changed" not in _types(events)


def test_a_month_shortened_is_a_date_not_a_name():
    events = _drift(
        "The harbour board said the pier was built by Pellin Council in 2017.",
        "The harbour board said the pier was built on Jan. 20, 2017.",
    )
    assert not any("jan" in e.explanation for e in events)


def test_an_outlets_people_as_witnesses_garble_what_a_source_told_it():
    told = "A resident, Marion Pike, told Riverside FM that she saw dead fish near the weir."
    garbled = _drift(told, "Riverside FM reporters said they saw dead fish near the weir.")
    assert "attribution_garbled" in _types(garbled)
    relayed = _drift(told, "Riverside FM said dead fish were seen near the weir.")
    assert "attribution_garbled" not in _types(relayed)


@pytest.mark.parametrize(
    ("guess", "answer", "told_as_fact"),
    [
        # a guess denied: a correction
        (
            "warned the pier could be headed for collapse",
            "the pier is not headed for collapse",
            False,
        ),
        # an open question answered "no": one answer told as fact
        (
            "wondered whether the pier can survive the winter",
            "the pier will not survive the winter",
            True,
        ),
    ],
)
def test_a_guess_denied_is_a_correction_but_an_open_question_answered_no_is_drift(
    guess, answer, told_as_fact
):
    events = _drift(f"Harbour engineers {guess}.", f"Harbour engineers said {answer}.")
    assert ("speculation_as_fact" in _types(events)) is told_as_fact


def test_scientists_for_the_research_they_did_is_not_a_garbled_source():
    events = _drift(
        "New research on the Pellin tides says the harbour could flood by 2040.",
        "Scientists say the harbour could flood by 2040.",
    )
    assert "attribution_garbled" not in _types(events)


def test_the_text_of_a_message_for_its_sender_is_not_a_garbled_source():
    events = _drift(
        "The Pellin Gazette tweeted on Tuesday that the ferry terminal was closed.",
        "The text read that the ferry terminal was closed.",
    )
    assert "attribution_garbled" not in _types(events)


def test_a_floating_all_stresses_the_same_set_but_a_new_all_widens_it():
    floating = _drift(
        "Police said the victims -- aged 22, 26 and 29 -- were taken to Pellin General.",
        "Police said the victims were all treated at Pellin General.",
    )
    assert "exaggeration" not in _types(floating)
    widened = _drift(
        "The harbour board said some residents were told to leave the island on Friday.",
        "The harbour board said all residents were told to leave the island on Friday.",
    )
    assert "exaggeration" in _types(widened)
