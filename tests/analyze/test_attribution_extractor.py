"""The attribution extractor on hand-written fictional sentences.

The packaged model is checked on the constructions the ledger depends on; a tiny fit checks
that training learns from char-span gold and that predictions are char spans into the text.
"""

from __future__ import annotations

import pytest

from newstrace.analyze.attribution.extractor import (
    _before_closing_credit,
    _before_own_source,
    _by_agent,
    _closing_name,
    _content_is_cue,
    _over_inner,
    _page_label,
    _reported_clause,
    _with_named_source,
    _within_concession,
)
from newstrace.analyze.attribution.roles import RoleExample
from newstrace.analyze.nlp import load_nlp
from newstrace.model import AttributionSpans, Span


@pytest.fixture(scope="module")
def nlp():
    from newstrace.analyze.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="module")
def extractor():
    from newstrace.analyze.attribution import AttributionExtractor

    return AttributionExtractor.load()


def _predict(extractor, nlp, text: str) -> list[tuple[str | None, str, str]]:
    found = extractor.predict(nlp(text))
    for attribution in found:
        for span in (attribution.cue, attribution.content, attribution.source):
            assert span is None or text[span.start : span.end] == span.text
    return [(a.source.text if a.source else None, a.cue.text, a.content.text) for a in found]


def test_x_said_y(extractor, nlp):
    text = "The harbour master said the old pier would close in March."
    assert ("The harbour master", "said", "the old pier would close in March") in _predict(
        extractor, nlp, text
    )


def test_according_to(extractor, nlp):
    text = "According to the town council, the library will reopen next week."
    [(source, cue, content)] = _predict(extractor, nlp, text)
    assert source == "the town council"
    assert cue in ("According to", "According")
    assert content.startswith("the library will reopen")


def test_split_quote_is_one_content_span(extractor, nlp):
    text = '"We have waited long enough," Mayor Lina Oduya said, "and the bridge must open."'
    found = _predict(extractor, nlp, text)
    assert any(
        source == "Mayor Lina Oduya"
        and cue == "said"
        and content.startswith('"We have')
        and content.rstrip('"').endswith("open.")
        for source, cue, content in found
    )


def test_nested_attributions(extractor, nlp):
    text = (
        "The Valdoran Gazette quoted a retired miner as saying the valley flooded twice "
        "last winter."
    )
    found = _predict(extractor, nlp, text)
    sources = {source for source, _, _ in found}
    assert "The Valdoran Gazette" in sources
    assert "a retired miner" in sources
    inner = next(content for source, _, content in found if source == "a retired miner")
    assert inner.startswith("the valley flooded")


def test_report_within_report(extractor, nlp):
    text = (
        "A new survey from the harbour board says the ferry will stop running in May, "
        "the Coastal Times reports."
    )
    found = {source: content for source, _, content in _predict(extractor, nlp, text)}
    assert found["A new survey from the harbour board"].startswith("the ferry will stop")
    assert found["the Coastal Times"].startswith("A new survey from the harbour board says")


def test_a_record_cited_within_an_officials_account_is_an_inner_attribution(extractor, nlp):
    text = "Investigators said evidence suggests the child was standing beside his father."
    found = {source: content for source, _, content in _predict(extractor, nlp, text)}
    assert found["evidence"] == "the child was standing beside his father"
    # a question is no report: "to find out who did this" names no inner source
    text = "The pastor said he prays that officers find out who did this to the family."
    assert "officers" not in {source for source, _, _ in _predict(extractor, nlp, text)}


def test_no_source(extractor, nlp):
    text = "It is said that the castle was built by a shepherd."
    found = _predict(extractor, nlp, text)
    assert found
    assert all(source in (None, "It") for source, _, _ in found)
    assert any("the castle was built by a shepherd" in content for _, _, content in found)


def test_no_attribution_in_plain_narrative(extractor, nlp):
    assert _predict(extractor, nlp, "The river rose by two metres overnight.") == []


def test_fit_learns_from_char_spans(nlp):
    from newstrace.analyze.attribution import AttributionExtractor

    texts = [
        "Ana Sol said the bus was late.",
        "The mayor said the road was closed.",
        "Kofi Menz said the shop had no bread.",
        "The river was cold.",
    ]
    gold = []
    for text in texts:
        if " said " not in text:
            gold.append([])
            continue
        cue_start = text.index(" said ") + 1
        gold.append(
            [
                AttributionSpans(
                    cue=Span.of(text, cue_start, cue_start + 4),
                    content=Span.of(text, cue_start + 5, len(text) - 1),
                    source=Span.of(text, 0, cue_start - 1),
                )
            ]
        )
    docs = [nlp(text) for text in texts]
    model = AttributionExtractor(
        cue_c1=0.0, cue_c2=0.01, cue_iterations=50, role_c1=0.0, role_c2=0.01, role_iterations=50
    ).fit(docs, gold)
    assert model.predict(docs[0]) == gold[0]
    assert model.predict(docs[3]) == []


def test_a_content_stops_before_a_sentence_opening_another_attribution(extractor, nlp):
    text = (
        "Researchers found that the tide is rising. "
        "Harbour engineers have found that the pier is sinking."
    )
    found = _predict(extractor, nlp, text)
    assert ("Researchers", "found", "that the tide is rising") in found
    assert all("Harbour engineers" not in content for _, _, content in found)


def test_a_study_inside_an_outlets_report_is_a_link_of_its_own(extractor, nlp):
    text = "The Pellin Courier reported that the study showed the pier was sinking."
    found = _predict(extractor, nlp, text)
    assert ("the study", "showed", "the pier was sinking") in found


def test_a_study_credited_after_its_finding_or_without_that(extractor, nlp):
    after = _predict(extractor, nlp, "The old pier is sinking, scientists at Pellin have found.")
    assert ("scientists at Pellin", "found", "The old pier is sinking") in after
    plain = _predict(extractor, nlp, "The survey found most ferries run late in winter.")
    assert any(source == "The survey" for source, _, _ in plain)


def test_a_finding_the_parser_reads_as_object_and_clause(extractor, nlp):
    # "found X to Y" / "found X ..., can Y": spaCy makes X an object and Y an adverbial clause
    text = "The study found two ferries each week, not each day, can carry the cattle."
    found = _predict(extractor, nlp, text)
    assert ("The study", "found", "two ferries each week, not each day, can carry the cattle") in (
        found
    )
    text = "Scientists at Pellin have found the pier to contain high levels of salt."
    found = _predict(extractor, nlp, text)
    assert ("Scientists at Pellin", "found", "the pier to contain high levels of salt") in found


def test_a_closing_credit_in_a_text_of_one_sentence_credits_the_words_before(extractor, nlp):
    for text in (
        "The boy was shot in the leg, according to police.",
        "The bridge will reopen in May, according to the council.",
    ):
        [(source, cue, content)] = _predict(extractor, nlp, text)
        assert cue == "according to" and text.startswith(content) and source in text
    # a speaker named after the cue, the tagger taking the closing stop into the name
    for text in (
        "The victim was taken to a hospital, said Officer Dale Lund.",
        "The man was shot twice, said Detective K.L. Adams.",
    ):
        [(source, cue, content)] = _predict(extractor, nlp, text)
        assert (cue, content) == ("said", text[: text.index(",")])
        assert not source.endswith(".")


def test_a_court_record_credited_after_its_account_is_the_source(extractor, nlp):
    # "states" is mostly a noun in training; the parser reads "the complaint states" as one name
    text = "Kola Pike, 34, fired three shots from his porch, the complaint states."
    found = _predict(extractor, nlp, text)
    assert any(
        source and source.endswith("complaint") and content.startswith("Kola Pike")
        for source, _, content in found
    )


def test_a_closing_record_whose_verb_the_parser_read_as_a_noun_is_the_source(extractor, nlp):
    # "affidavit states", "video shows": the parser takes the verb for a plural noun
    for record, verb in (
        ("the affidavit", "states"),
        ("a video", "shows"),
        ("the news release", "states"),
        ("the minutes", "show"),
    ):
        text = f"Walter Pike fired two shots at the car, {record} {verb}."
        found = _predict(extractor, nlp, text)
        assert any(
            cue == verb and source.endswith(record.split()[-1]) and content == text[:38]
            for source, cue, content in found
        ), (text, found)
    # a noun phrase that ends a list is no credit, even when its last word is such a verb
    for text in (
        "We watched films, documentaries, and the news shows.",
        "The fair had rides, food stalls and the police shows.",
    ):
        assert _predict(extractor, nlp, text) == []


def test_a_denied_belief_without_that_is_its_subjects_claim(extractor, nlp):
    text = "Harbour police do not believe drugs were involved in the crash."
    found = _predict(extractor, nlp, text)
    assert any(
        source == "Harbour police" and cue.endswith("believe") and content.startswith("drugs")
        for source, cue, content in found
    )
    text = "The pier fire started in a shed, but investigators do not believe it is related."
    found = _predict(extractor, nlp, text)
    assert any(
        source == "investigators" and content == "it is related" for source, _, content in found
    )


def test_a_denied_belief_a_speaker_reports_is_its_subjects_claim_up_to_their_next_deed(
    extractor, nlp
):
    text = "Harbour police do not believe the shed fire was set on purpose, Lt. Dale Lund said."
    found = _predict(extractor, nlp, text)
    assert ("Harbour police", "believe", "the shed fire was set on purpose") in found
    text = (
        "Detectives do not believe the Pellin quay shooting was random and are looking for a "
        "van, Sheriff Walter Pike said."
    )
    found = _predict(extractor, nlp, text)
    assert ("Detectives", "believe", "the Pellin quay shooting was random") in found


def test_a_third_persons_denied_belief_is_theirs_and_goes_on_past_but(extractor, nlp):
    text = "They do not believe Mara Okafor was involved in the quay fire."
    found = _predict(extractor, nlp, text)
    assert ("They", "believe", "Mara Okafor was involved in the quay fire") in found
    text = "Police do not believe the fire was planned but may have been an accident."
    found = _predict(extractor, nlp, text)
    assert ("Police", "believe", "the fire was planned but may have been an accident") in found


def test_cannot_believe_is_astonishment_not_a_denied_belief(extractor, nlp):
    text = "Harbour traders can't believe the old ferry is gone, Mara Okafor said."
    found = _predict(extractor, nlp, text)
    assert not any(cue and cue.endswith("believe") for _, cue, _ in found)


def test_a_cue_found_inside_quoted_as_takes_the_quoted_source(extractor, nlp):
    text = (
        "The article quotes co-author of the survey, Mira Tal, as saying this could change "
        "how ferries are run."
    )
    found = _predict(extractor, nlp, text)
    inner = [source for source, cue, content in found if content.startswith("this could")]
    assert inner and (inner[0] or "").startswith("co-author of the survey")


def test_quoting_someone_saying_a_clause_is_a_link_of_its_own(extractor, nlp):
    text = "One Pellin tabloid quoted a robotics professor saying the incident showed the risk."
    found = _predict(extractor, nlp, text)
    assert ("a robotics professor", "saying", "the incident showed the risk") in found
    plain = _predict(extractor, nlp, "The Pellin Courier quoted a man carrying a bag.")
    assert all(cue != "carrying" for _, cue, _ in plain)


def test_in_someones_own_words_credits_the_clause_to_them(extractor, nlp):
    found = _predict(
        extractor,
        nlp,
        "In Ada Lund's own words: 'It was just a joke between a couple of ferrymen' that "
        "got out of hand.",
    )
    assert ("Ada Lund", "In Ada Lund's own words", found[0][2]) in found
    assert found[0][2].startswith("It was just a joke")


def test_a_content_ending_with_an_inner_cue_runs_on_over_its_content():
    # "The Gazette quotes [a pilot as saying] the pier is unsafe": tokens 0..10
    outer = RoleExample(cue=(2, 3), content=(3, 7), source=(0, 2))
    inner = RoleExample(cue=(5, 7), content=(7, 11), source=(3, 5))
    assert _over_inner(outer, [outer, inner]).content == (3, 11)
    assert _over_inner(inner, [outer, inner]) == inner
    apart = RoleExample(cue=(2, 3), content=(3, 6), source=(0, 2))
    assert _over_inner(apart, [apart, inner]) == apart


def test_a_tagged_source_that_names_nobody_is_no_source():
    doc = load_nlp()("The hoax was published, claiming the pier would close.")
    junk = RoleExample(cue=(5, 6), content=(6, 10), source=(3, 4))  # "published"
    assert _with_named_source(doc, junk).source is None
    named = RoleExample(cue=(5, 6), content=(6, 10), source=(0, 2))  # "The hoax"
    assert _with_named_source(doc, named) == named


def test_the_subject_of_a_passive_cue_is_no_source_but_its_by_agent_is():
    doc = load_nlp()("The suspects are described as two tall men.")
    topic = RoleExample(cue=(2, 4), content=(4, 9), source=(0, 2))  # "The suspects"
    assert _by_agent(doc, topic).source is None
    doc = load_nlp()("The boy was described by police as quiet.")
    topic = RoleExample(cue=(2, 4), content=(6, 8), source=(0, 2))
    assert _by_agent(doc, topic).source == (5, 6)  # "police"
    doc = load_nlp()("The mayor was quoted as saying the pier is shut.")
    speaker = RoleExample(cue=(2, 6), content=(6, 10), source=(0, 2))
    assert _by_agent(doc, speaker) == speaker


def test_a_content_that_is_only_its_own_source_is_the_reported_clause():
    doc = load_nlp()("Dale Lund, 30, was one of the shooters, said Sgt. Ana Ruiz.")
    said = next(t.i for t in doc if t.text == "said")
    name = (said + 1, len(doc) - 1)  # "Sgt. Ana Ruiz", read as both source and content
    misread = RoleExample(cue=(said, said + 1), content=name, source=name)
    assert doc[slice(*_reported_clause(doc, misread).content)].text == (
        "Dale Lund, 30, was one of the shooters"
    )


def test_a_content_that_is_only_when_or_where_it_was_said_is_the_reported_clause():
    doc = load_nlp()("The ferry had no lifeboats, harbour police said Thursday.")
    when = RoleExample(cue=(8, 9), content=(9, 10), source=(6, 8))  # "Thursday"
    assert doc[slice(*_reported_clause(doc, when).content)].text == "The ferry had no lifeboats"
    doc = load_nlp()(
        "Girl, 9, hurt in harbour accident\n\nBy Tom Ardley\n\nMay 2, 2019\n\n"
        "A nine-year-old girl last Friday fell from the pier, officials said Thursday."
    )  # the parser takes the headline into the reported clause
    when = RoleExample(cue=(33, 34), content=(34, 35), source=(32, 33))
    assert doc[slice(*_reported_clause(doc, when).content)].text == (
        "A nine-year-old girl last Friday fell from the pier"
    )
    doc = load_nlp()(
        "The pier closed on Monday, the harbourmaster said, urging boats to stay away."
    )
    urging = RoleExample(cue=(8, 9), content=(9, 15), source=(6, 8))  # ", urging ..."
    assert doc[slice(*_reported_clause(doc, urging).content)].text == "The pier closed on Monday"
    doc = load_nlp()("Police said Thursday that the ferry had no lifeboats.")
    right = RoleExample(cue=(1, 2), content=(3, 9), source=(0, 1))
    assert _reported_clause(doc, right) == right
    when = RoleExample(cue=(1, 2), content=(2, 3), source=(0, 1))
    assert doc[slice(*_reported_clause(doc, when).content)].text == (
        "that the ferry had no lifeboats"
    )
    doc = load_nlp()("The ferry fares have been fair, he points out in a client note.")
    where = RoleExample(cue=(8, 10), content=(10, 14), source=(7, 8))  # a phrasal cue
    assert (
        doc[slice(*_reported_clause(doc, where).content)].text == "The ferry fares have been fair"
    )
    doc = load_nlp()("The man was taken to a hospital, a spokesman told reporters.")
    told = RoleExample(cue=(10, 11), content=(11, 12), source=(8, 10))  # whom, not what
    assert doc[slice(*_reported_clause(doc, told).content)].text == (
        "The man was taken to a hospital"
    )


def test_a_content_run_on_over_its_own_source_is_the_words_before_it():
    doc = load_nlp()(
        "A storm hit Pellin. No one was injured, the harbour office said in a news release."
    )
    over = RoleExample(cue=(13, 14), content=(5, 18), source=(10, 13))
    assert doc[slice(*_before_own_source(doc, over).content)].text == "No one was injured"
    doc = load_nlp()('"The pier is shut," she said, "and it will stay shut."')
    split = RoleExample(cue=(8, 9), content=(0, 18), source=(7, 8))  # a quotation split
    assert _before_own_source(doc, split) == split


def test_a_name_a_sourceless_closing_cue_follows_is_its_source():
    doc = load_nlp()(
        "A girl was shot on the 1500 block of Manor, Pellin Police Officer Dale Lund said. "
        "She was standing outside."
    )
    said = next(t.i for t in doc if t.text == "said")
    for end in (said, len(doc) - 1):  # the content may run on over the cue
        found = _closing_name(doc, RoleExample(cue=(said, said + 1), content=(0, end), source=None))
        assert doc[slice(*found.content)].text == "A girl was shot on the 1500 block of Manor"
        assert doc[slice(*found.source)].text == "Pellin Police Officer Dale Lund"
    doc = load_nlp()("A girl was shot near the mall in Pellin, Ore. said.")
    said = next(t.i for t in doc if t.text == "said")
    place = RoleExample(cue=(said, said + 1), content=(0, said), source=None)
    assert _closing_name(doc, place) == place  # a place is nobody


def test_a_content_that_opens_with_who_was_told_runs_from_the_clause():
    doc = load_nlp()("A spokesperson told WPLN-TV in an email the shooting was an accident.")
    over = RoleExample(cue=(2, 3), content=(3, 14), source=(0, 2))  # from "WPLN-TV"
    assert doc[slice(*_reported_clause(doc, over).content)].text == ("the shooting was an accident")
    doc = load_nlp()('Mara Pellin told WPLN-TV, "The pier is closed."')
    over = RoleExample(cue=(2, 3), content=(3, 14), source=(0, 2))
    assert doc[slice(*_reported_clause(doc, over).content)].text == '"The pier is closed."'
    doc = load_nlp()("The man told officers he had been drinking.")  # a "relative clause"
    misread = RoleExample(cue=(2, 3), content=(3, 8), source=(0, 2))
    assert doc[slice(*_reported_clause(doc, misread).content)].text == "he had been drinking"
    doc = load_nlp()("The mayor echoed claims by the harbourmaster that the pier is closed.")
    echoed = RoleExample(cue=(2, 3), content=(3, 12), source=(0, 2))  # not a "tell" verb
    assert _reported_clause(doc, echoed) == echoed


def test_a_photo_credit_or_a_heading_is_no_speech():
    doc = load_nlp()("A diver checks the pier. Photo: Tom Ardley / Pellin Gazette")
    credit = RoleExample(cue=(7, 8), content=(8, 13), source=(6, 7))  # "Photo", ":"
    assert _page_label(doc, credit)
    doc = load_nlp()("CORRECTION: An earlier version misspelt the pier's name.")
    assert _page_label(doc, RoleExample(cue=(1, 2), content=(2, 9), source=(0, 1)))
    doc = load_nlp()("The harbourmaster: the pier is shut.")
    assert not _page_label(doc, RoleExample(cue=(2, 3), content=(3, 7), source=(0, 2)))


def test_a_content_in_a_while_clause_ends_where_the_main_clause_starts():
    nlp = load_nlp()
    doc = nlp(
        "The council's engineer said while many residents believe the bridge is safe for"
        " traffic, its steel cables both need urgent repair."
    )
    believe = RoleExample(cue=(8, 9), content=(9, 23), source=(6, 8))  # runs to "repair"
    assert doc[slice(*_within_concession(doc, believe).content)].text == (
        "the bridge is safe for traffic"
    )
    doc = nlp(
        "Although the mayor claims the plan helps families, which most residents doubt, it is"
        " costly."
    )
    claims = RoleExample(cue=(3, 4), content=(4, 17), source=(1, 3))
    assert doc[slice(*_within_concession(doc, claims).content)].text == (
        "the plan helps families, which most residents doubt"
    )
    doc = nlp("The engineer said the bridge is safe for traffic, its cables need urgent repair.")
    said = RoleExample(cue=(2, 3), content=(3, 15), source=(0, 2))
    assert _within_concession(doc, said) == said


def test_a_participle_cue_after_a_comma_is_said_by_the_agent_of_its_verb(extractor, nlp):
    assert _predict(
        extractor,
        nlp,
        "The outcry prompted the Harbour Trust to issue a statement on Friday, declaring that"
        " there is no evidence the pier is unsafe.",
    ) == [("the Harbour Trust", "declaring", "that there is no evidence the pier is unsafe")]
    assert _predict(
        extractor,
        nlp,
        "The ferry company issued a notice on Monday, declaring that the crossing would close.",
    ) == [("The ferry company", "declaring", "that the crossing would close")]
    # inside what a record shows, the participle is not the clause subject's word
    found = _predict(
        extractor,
        nlp,
        "Footage shows that the skipper had both hands on the wheel, contradicting the harbour"
        " master's claim that he had let go.",
    )
    assert "the skipper" not in {source for source, _, _ in found}


def test_a_quotation_signed_with_a_dash_is_found_beside_the_tagged_ones(extractor, nlp):
    text = "The mayor said the ferry stays.\n“Nobody asked the island.” ― Mairi Lennox\n"
    assert ("Mairi Lennox", "―", "“Nobody asked the island.”") in _predict(extractor, nlp, text)


def test_a_credit_closing_its_sentence_credits_the_words_before_it():
    text = 'The pier shut at noon, police said. "We are looking for the driver," Okafor said.'
    doc = load_nlp()(text)
    # what the role tagger has made of it: the next sentence for the police's content
    misread = RoleExample(cue=(7, 8), content=(8, 18), source=(6, 7))
    assert doc[slice(*_before_closing_credit(doc, misread).content)].text == "The pier shut at noon"
    opening = RoleExample(cue=(7, 8), content=(0, 5), source=(6, 7))
    assert _before_closing_credit(doc, opening) == opening
    doc = load_nlp()('"It was loud," a neighbour said. "Then it went quiet."')
    quoted = RoleExample(cue=(8, 9), content=(10, 17), source=(6, 8))
    assert _before_closing_credit(doc, quoted) == quoted  # no comma before the credit


def test_a_content_inside_its_cue_is_a_deed_not_words():
    deed = RoleExample(cue=(1, 12), content=(1, 12), source=(0, 1))  # "[responded to ...]"
    assert _content_is_cue(deed)
    said = RoleExample(cue=(1, 2), content=(2, 12), source=(0, 1))
    assert not _content_is_cue(said)


def test_as_reported_by_an_outlet_credits_the_clause_it_hangs_on(extractor, nlp):
    text = "The pier will close next month, as first reported by the Dover Courier."
    assert _predict(extractor, nlp, text) == [
        ("the Dover Courier", "reported", "The pier will close next month")
    ]
    text = "As reported by the Dover Courier, the pier will close next month."
    assert _predict(extractor, nlp, text) == [
        ("the Dover Courier", "reported", "the pier will close next month")
    ]
    assert _predict(extractor, nlp, "The pier will close as expected.") == []


def test_a_form_field_before_a_colon_is_no_speaker():
    doc = load_nlp()("Offense: Evading arrest in a vehicle on the bridge.")
    assert _page_label(doc, RoleExample(cue=(1, 2), content=(2, 9), source=(0, 1)))
    doc = load_nlp()("Police: A man was shot in the leg on Main Street.")
    assert not _page_label(doc, RoleExample(cue=(1, 2), content=(2, 10), source=(0, 1)))
    doc = load_nlp()("UPDATE 12/1/2015: The guild has gone to the media about it.")
    assert _page_label(doc, RoleExample(cue=(2, 3), content=(3, 12), source=(0, 2)))
