"""The article's own assertions: what is left of each line once attributions are taken out."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newstrace.analyze.claims import asserted_spans, is_proposition, per_sentence
from newstrace.analyze.nlp import load_nlp
from newstrace.model import Attribution, Source, SourceKind, Span

TEXT = (
    "Strange news\n"
    "A recording is said to be circulating, and it could be a sign she will resign.\n"
    "In March, the council had already voted to cut fees.\n"
)


def test_uncovered_clauses_become_claims_without_dangling_words():
    doc = load_nlp()(TEXT)
    said = TEXT.index("A recording")
    covered = [Span.of(TEXT, said, TEXT.index(", and"))]
    texts = [span.text for span in asserted_spans(doc, covered, [])]
    assert texts == [
        "it could be a sign she will resign.",
        "In March, the council had already voted to cut fees.",
    ]


def test_a_relative_word_left_dangling_by_an_attribution_is_no_part_of_the_claim():
    from newstrace import analyze

    text = "A discovery was made on Thursday at a home where police say two bodies were found."
    assert [c.span.text for c in analyze(text).claims] == [
        "A discovery was made on Thursday at a home",
        "two bodies were found",
    ]
    # a relative word that ends its sentence is kept
    text = "Police are trying to determine who."
    assert [c.span.text for c in analyze(text).claims] == [text]


def test_a_stretch_whose_subject_an_attribution_took_gets_its_subject_back():
    text = "The mayor is meant to be calm, so footage showing her shouting would be a shock.\n"
    doc = load_nlp()(text)
    showing = text.index("her shouting")
    covered = [Span.of(text, text.index("footage"), showing + len("her shouting"))]
    texts = [span.text for span in asserted_spans(doc, covered, [])]
    assert texts == [
        "The mayor is meant to be calm",
        "footage showing her shouting would be a shock.",
    ]


def test_offsets_index_the_text_as_given():
    doc = load_nlp()(TEXT)
    for span in asserted_spans(doc, [], []):
        assert TEXT[span.start : span.end] == span.text


def _proposition(text: str, content: str) -> bool:
    doc = load_nlp()(text)
    start = text.index(content)
    return is_proposition(doc, Span.of(text, start, start + len(content)))


def test_a_claim_says_something_a_reader_could_check():
    assert _proposition("Harbour staff said the ferry was late.", "the ferry was late")
    assert _proposition("Footage shows him crying at the quay.", "him crying at the quay")
    assert _proposition("They now hope to reopen the quay in May.", "to reopen the quay in May")
    # a headline's verbless statement
    assert _proposition("Study suggests oysters as rich as beef", "oysters as rich as beef")


def test_fragments_and_refusals_to_speak_are_no_claims():
    assert not _proposition(
        "He is crying about the harbour's awful debts.", "the harbour's awful debts"
    )
    assert not _proposition("A memo is circulating in the town.", "in the town")
    assert not _proposition("The memo, which was leaked, is short.", "which")
    assert not _proposition("The harbour master declined to comment.", "to comment")
    assert not _proposition("A pilot, who asked not to be named, spoke.", "not to be named")
    # a noun phrase names a thing, it says nothing of it
    assert not _proposition(
        "The Courier, citing a harbour report, said it sank.", "a harbour report"
    )
    assert not _proposition("The ferry sank, Pike told the Dover Courier.", "the Dover Courier")
    text = "The Courier, citing an interview in the Gazette, said it sank."
    assert not _proposition(text, "an interview in the Gazette")
    # ... but a denial does say something
    assert _proposition("The audit found no evidence of fraud.", "no evidence of fraud")


def test_a_quotation_running_on_past_its_credit_leaves_the_credit_out_of_its_first_sentence():
    text = '"If they all got in, it might have been worse," Smith said. "It was not random."'
    second = text.index('"It')
    said = text.index("said")
    smith = Source("Smith", SourceKind.NAMED_PERSON, Span.of(text, said - 6, said - 1))
    content = Span.of(text, 0, len(text))
    attribution = Attribution(smith, Span.of(text, said, said + 4), content, (smith,))

    pieces = per_sentence(text, [(0, second - 1), (second, len(text))], attribution)

    assert [p.content.text for p in pieces] == [
        'If they all got in, it might have been worse,"',
        'It was not random."',
    ]


def test_a_credit_inside_its_sentence_stays_in_the_piece():
    text = 'It was worse, Smith said, than in May. "It was not random."'
    said = text.index("said")
    smith = Source("Smith", SourceKind.NAMED_PERSON, Span.of(text, said - 6, said - 1))
    attribution = Attribution(smith, Span.of(text, said, said + 4), Span.of(text, 0, len(text)))

    pieces = per_sentence(text, [(0, 38), (39, len(text))], attribution)

    assert pieces[0].content.text == "It was worse, Smith said, than in May."


def test_a_credit_with_its_source_after_the_verb_is_cut_off_too():
    text = '"It might have been worse," says Tom Smith. "It was not random."'
    second = text.index('"It was')
    says = text.index("says")
    smith = Source("Tom Smith", SourceKind.NAMED_PERSON, Span.of(text, says + 5, says + 14))
    attribution = Attribution(smith, Span.of(text, says, says + 4), Span.of(text, 0, len(text)))

    pieces = per_sentence(text, [(0, second - 1), (second, len(text))], attribution)

    assert pieces[0].content.text == 'It might have been worse,"'


def test_an_act_alleged_in_a_clause_of_its_own_is_a_claim_of_its_own():
    from newstrace.analyze.claims import alleged_acts

    text = "A Pellin man faces charges after allegedly setting fire to a ferry on Sunday night."
    doc = load_nlp()(text)
    whole = Attribution(
        Source("the article", SourceKind.THE_ARTICLE), None, Span.of(text, 0, len(text) - 1)
    )
    assert [a.content.text for a in alleged_acts(doc, [whole])] == [
        "allegedly setting fire to a ferry on Sunday night"
    ]
    text = "The man allegedly set fire to a ferry on Sunday night."
    doc = load_nlp()(text)
    whole = replace(whole, content=Span.of(text, 0, len(text) - 1))
    assert alleged_acts(doc, [whole]) == []  # the claim itself is hedged


def test_the_ledger_holds_the_alleged_act_hedged_beside_the_fact():
    from newstrace import analyze
    from newstrace.model import CertaintyLevel

    text = "A Pellin man faces charges after allegedly setting fire to a ferry on Sunday night."
    levels = {c.span.text: c.certainty.level for c in analyze(text).claims}
    assert levels["allegedly setting fire to a ferry on Sunday night"] is CertaintyLevel.HEDGED
    assert CertaintyLevel.ASSERTED in levels.values()


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        (
            "Food trucks served snacks to a crowd expected to be about 5,000 at the pier.",
            "a crowd expected to be about 5,000 at the pier",
        ),
        (
            "Dale Lund was cleaning a rifle he believed was unloaded when it went off.",
            "a rifle he believed was unloaded",
        ),
        (
            "Divers found the wreck, which appears to be a fishing boat, near the pier.",
            "the wreck, which appears to be a fishing boat",
        ),
    ],
)
def test_a_clause_expected_believed_or_apparent_below_the_claim_is_a_hedged_claim(text, clause):
    from newstrace import analyze
    from newstrace.model import CertaintyLevel

    levels = {c.span.text: c.certainty.level for c in analyze(text).claims}
    [hedged] = [span for span in levels if span.startswith(clause)]
    assert levels[hedged] is CertaintyLevel.HEDGED
    assert CertaintyLevel.ASSERTED in levels.values()  # the sentence's own claim stays


@pytest.mark.parametrize(
    "text",
    [
        "The storm claimed the lives of two fishermen near the pier, the coast guard said.",
        "Dale Lund said residents should think about the future of the pier.",
        "Mara Okafor claims the pier will close by May, according to the Dover Courier.",
    ],
)
def test_a_hedging_word_with_no_hedged_clause_adds_no_claim(text):
    from newstrace.analyze.claims import alleged_acts

    doc = load_nlp()(text)
    whole = Attribution(
        Source("the article", SourceKind.THE_ARTICLE), None, Span.of(text, 0, len(text) - 1)
    )
    assert alleged_acts(doc, [whole]) == []


def test_an_alleged_act_inside_nested_reports_is_one_claim_of_the_innermost_source():
    from newstrace import analyze

    text = (
        "Police said the man was arrested after allegedly setting fire to a ferry on Sunday, "
        "the Pellin Post reported."
    )
    acts = [c for c in analyze(text).claims if c.span.text.startswith("allegedly")]
    assert len(acts) == 1
    assert acts[0].attribution.chain[-1].name == "Police"


def test_the_same_words_are_one_claim_credited_by_the_nearest_tag():
    from newstrace.analyze.claims import one_per_span

    text = 'Mara Okafor said "The pier is shut." The pier is shut, said John Mercer.'
    start = text.rindex("The pier is shut")
    words = Span.of(text, start, start + len("The pier is shut"))
    far = Attribution(
        Source("Mara Okafor", SourceKind.NAMED_PERSON), Span.find(text, "said"), words
    )
    near = replace(far, source=Source("John Mercer", SourceKind.NAMED_PERSON))
    near = replace(near, cue=Span.of(text, text.rindex("said"), text.rindex("said") + 4))
    own = Attribution(Source("the article", SourceKind.THE_ARTICLE), None, words)
    assert one_per_span([own, far, near]) == [near]


def _deed(text: str, cue: str, content: str) -> bool:
    from newstrace.analyze.attribution.extractor import cue_lexicon
    from newstrace.analyze.claims import reports_a_deed

    doc = load_nlp()(text)
    at, start = text.index(cue), text.index(content)
    return reports_a_deed(
        doc,
        Span.of(text, at, at + len(cue)),
        Span.of(text, start, start + len(content)),
        cue_lexicon(),
    )


def test_a_deed_the_tagger_took_for_a_cue_makes_no_claim_of_its_object():
    assert _deed("A Pellin man shot his neighbour after an argument.", "shot", "his neighbour")
    assert _deed("He posted bond and was released on Monday.", "posted", "bond and was released")
    # words said, found or urged stay attributed
    assert not _deed("Pike said the ferry was late.", "said", "the ferry was late")
    assert not _deed("The study found cheese to contain casein.", "found", "cheese to contain")
    assert not _deed("Pike urged people to stay calm.", "urged", "people to stay calm")
    assert not _deed('Pike described it as "a shambles".', "described", 'it as "a shambles"')


def test_what_someone_came_upon_or_saw_is_a_deed_not_a_finding():
    text = "When officers arrived, they found Ana Ruiz bleeding in the hall."
    assert _deed(text, "found", "Ana Ruiz bleeding in the hall")
    assert _deed("Deputies found the boy shot in the chest.", "found", "the boy shot in the chest")
    assert _deed("Upon arriving, he saw a man on the ground.", "saw", "a man on the ground")
    assert _deed("Lund noticed she had a missed call.", "noticed", "she had a missed call")
    # what is found in a clause of its own, or found by a body, is reported
    assert not _deed("Police found he had been shot twice.", "found", "he had been shot twice")
    assert not _deed("An autopsy found he died of a gunshot wound.", "found", "he died of a")
    text = "Brightwave found 26 children accidentally shot themselves."
    assert not _deed(text, "found", "26 children accidentally shot themselves")
    # a verb of seeing after what it credits is the analyst's remark
    text = "The index is breaking out on the charts, Walter Pike observes."
    assert not _deed(text, "observes", "The index is breaking out on the charts")


def test_an_act_on_a_thing_or_a_finding_out_under_way_is_a_deed():
    text = "The suspect pointed the handgun toward an officer."
    assert _deed(text, "pointed the handgun toward", "an officer")
    text = "Detectives are investigating to see if the fire was set."
    assert _deed(text, "are investigating to see", "if the fire was set")
    text = "The prosecutor is reviewing the video to determine whether a crime was committed."
    assert _deed(text, "is reviewing the video to determine", "whether a crime was committed")
    # a cue with its own object that is a cue often enough, or words that say, stay reports
    assert not _deed("Pike told reporters the ferry was late.", "told reporters", "the ferry")
    assert not _deed("Lund said he wants to see the report.", "said", "he wants to see")
    text = "The study made some predictions about how the climate will change."
    assert not _deed(text, "made some predictions about", "how the climate will change")


def test_a_closing_according_to_credits_the_whole_clause_before_it():
    from newstrace import analyze

    text = (
        "When officers arrived they found Mara Okafor standing over the boy, who appeared to "
        "have been shot in the leg, according to a police report."
    )
    claims = analyze(text).claims
    shot = next(c for c in claims if "shot in the leg" in c.span.text)
    assert [s.name for s in shot.attribution.chain] == ["a police report"]
    assert "officers" not in {s.name for c in claims for s in c.attribution.chain}


def test_a_cue_of_a_verb_with_its_auxiliaries_or_preposition_is_read_as_that_verb():
    text = "Police are looking for the man who shot them."
    assert _deed(text, "are looking for", "the man who shot them")
    text = "Lund is charged with criminal homicide."
    assert _deed(text, "is charged with", "criminal homicide")
    # a clause of its own, or a cue with a noun in it, is still a report
    assert not _deed("Lund is expected to plead guilty.", "is expected", "to plead guilty")
    text = "Pike said in a statement the ferry was late."
    assert not _deed(text, "said in a statement", "the ferry was late")


def test_a_death_pronounced_is_no_report():
    text = "He was pronounced dead at the scene."
    assert _deed(text, "was pronounced", "dead at the scene")
    assert _deed(text, "was pronounced", "He was pronounced dead")
    text = "Doctors declared him dead at 8:07 p.m."
    assert _deed(text, "declared", "him dead")
    # one reported dead is reported so
    text = "He was reported dead by state media."
    assert not _deed(text, "was reported", "dead by state media")


def test_a_dispatch_or_a_name_is_no_report():
    text = "Police were called to the lounge around 2 a.m."
    assert _deed(text, "were called to", "the lounge around 2 a.m.")
    text = "Three agencies have been called to assist."
    assert _deed(text, "have been called", "to assist")
    assert _deed('He is a rapper known as "Shy."', "known as", '"Shy."')
    # calling to say something is still saying it
    assert not _deed("She called to say she was safe.", "called to say", "she was safe")


def test_a_phone_call_or_a_plea_is_no_report():
    assert _deed("Neighbors called police after hearing shots.", "called", "police after hearing")
    assert _deed("Riley called 911 while holding a towel.", "called", "911 while holding a towel")
    text = "The grandparents called the Pellin County Sheriff's Office for a welfare check."
    assert _deed(text, "called", "the Pellin County Sheriff's Office for a welfare check")
    assert _deed("Sam Riley pleaded guilty to manslaughter.", "pleaded", "guilty to manslaughter")
    assert _deed("All four have pleaded not guilty.", "have pleaded", "not guilty")
    text = "Lund pleaded not guilty at the county court last week to murder."
    assert _deed(text, "pleaded not guilty at", "the county court last week to murder")
    # calling something a name characterises it: a claim of the caller's
    text = "Mayor Dale Lund called the shooting a tragedy."
    assert not _deed(text, "called", "the shooting a tragedy")
    assert not _deed(
        "Police called the shooting retaliatory.", "called", "the shooting retaliatory"
    )


def test_a_refusal_no_one_is_named_to_give_is_no_report():
    assert _deed("Mara Okafor was denied bond on Friday.", "was denied", "bond on Friday")
    text = "His permit was denied because of a prior conviction."
    assert _deed(text, "was denied", "because of a prior conviction")
    # a denial someone voiced is their claim
    text = "The claim was denied by the Pellin council."
    assert not _deed(text, "was denied by", "The claim")


@pytest.mark.parametrize(
    ("text", "content", "deed"),
    [
        ("Reporters asked whether the mayor would resign.", "whether the mayor", True),
        ("When asked if the pier was shut, Lund said it was.", "if the pier was shut", True),
        # a quoted question may carry its asker's claims
        ("“Why wait? It seems the delay will last,” asked one reader.", "“Why wait?", False),
        ("“Why wait? It seems the delay will last,” asked one reader.", "Why wait?", False),
    ],
)
def test_a_question_asked_is_no_claim_of_the_asker(text, content, deed):
    assert _deed(text, "asked", content) is deed


def test_a_source_the_tagger_left_in_an_according_to_content_is_the_source():
    from newstrace import analyze

    text = "The boy, according to the neighbor, was alert when he was rushed from the home."
    [claim] = analyze(text).claims
    assert [s.name for s in claim.attribution.chain] == ["the neighbor"]
    assert claim.span.text.startswith("The boy")  # the clause credited, subject and all
    text = (
        "Brightwave, an advocacy group that tracks boating deaths, found that 26 children drowned."
    )
    [claim] = analyze(text).claims
    assert [s.name for s in claim.attribution.chain] == ["Brightwave"]


def test_a_contact_line_and_a_call_for_tips_make_no_claim():
    from newstrace import analyze

    text = "Email: sam.riley@example.com Families face a long wait for the ferry."
    assert all(c.attribution.chain[-1].name != "Email" for c in analyze(text).claims)
    for label in ("RELATED ARTICLE", "Contact Sam", "Answer"):
        text = f"A man was shot on Quay Road.\n\n{label}: Ferry fares rise again in Pellin"
        sources = {s.name for c in analyze(text).claims for s in c.attribution.chain}
        assert label not in sources
    text = "If you know anything about the fire, call the Pellin Police Department at 555-0100."
    assert analyze(text).claims == ()
    text = "Anyone with details on the gunman, you are asked to call 555-0199."
    assert analyze(text).claims == ()


def _names_no_report(text: str, cue: str, content: str) -> bool:
    from newstrace.analyze.attribution.extractor import cue_lexicon
    from newstrace.analyze.claims import names_no_report
    from newstrace.model import AttributionSpans

    at, start = text.index(cue), text.index(content)
    found = AttributionSpans(
        cue=Span.of(text, at, at + len(cue)), content=Span.of(text, start, start + len(content))
    )
    return names_no_report(load_nlp()(text), found, cue_lexicon())


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [  # page widgets and captions the cue tagger took for cues
        ("Pellin's championship moment Now he is charged.", "championship moment", "Now he"),
        ("Reply Expand Link My first thought was Ruby Poore.", "Expand Link", "My first"),
        ("Only 3 months free for new readers today.", "3 months free", "for new"),
    ],
)
def test_a_cue_with_no_word_of_reporting_reports_nothing(text, cue, content):
    assert _names_no_report(text, cue, content)


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [  # words of reporting with no verb, a colon, a verb
        ("The ferry will reportedly close in May.", "reportedly", "close in May"),
        ("In his own words, the pier was a mistake.", "In his own words", "the pier"),
        ("Dale Lund: the pier was a mistake.", ":", "the pier"),
        ("Notes: Ana Ruiz missed the game.", "Notes", "Ana Ruiz"),
        ("Dale Lund said the pier was a mistake.", "said", "the pier"),
        # a verb of reporting the tagger reads as a noun
        ('"Building it is hard," the company state in a blog post.', "state in a blog", "Build"),
    ],
)
def test_a_cue_of_reporting_words_stays_a_cue(text, cue, content):
    assert not _names_no_report(text, cue, content)


def test_a_hope_for_what_may_come_is_the_hopers_guess_not_a_deed():
    text = "They now hope to test it on pensioners."
    assert not _deed(text, "now hope", "to test it on pensioners")
    assert not _deed("They hope to test it on pensioners.", "hope", "to test it on pensioners")
    # a plan is no guess: "is planning to" stays a deed
    assert _deed("Pellin is planning to open a branch.", "is planning", "to open a branch")


def test_what_is_not_known_is_the_articles_claim_with_no_one_cited():
    from newstrace import analyze

    text = "It was not known if the fourth victim went to a hospital."
    [claim] = analyze(text).claims
    assert [s.kind.value for s in claim.attribution.chain] == ["the_article"]
    assert claim.certainty.level.value == "negated"
    # a source who says it is not known is still cited
    text = "Police said it was not known if the victim went to a hospital."
    [claim] = analyze(text).claims
    assert claim.attribution.source.name == "Police"


def test_the_ledger_credits_no_one_with_a_deed():
    from newstrace import analyze

    text = (
        "DOVER — A Pellin man shot his neighbour after an argument over a fence, according "
        "to a criminal complaint filed Monday."
    )
    sources = {s.name for c in analyze(text).claims for s in c.attribution.chain}
    assert "A Pellin man" not in sources


def test_a_call_for_tips_is_no_claim():
    from newstrace import analyze

    text = (
        "A man was shot on Quay Road on Sunday, police said. Anyone with information is "
        "asked to call Dover police at 555-0199. Tips can be left at the station."
    )
    claims = [c.span.text for c in analyze(text).claims]
    assert claims == ["A man was shot on Quay Road on Sunday"]


def test_a_question_with_a_gap_is_no_claim():
    assert not _proposition("Police did not say what led to the crash.", "what led to the crash")
    assert not _proposition("Pike did not say who fired first.", "who fired first")
    text = "Police did not say how many shots were fired."
    assert not _proposition(text, "how many shots were fired")
    # a clause a wh-word opens inside the content, or a clause labellers read as a claim
    text = "Police said what happened was a dispute over a fence."
    assert _proposition(text, "what happened was a dispute over a fence")
    text = "Police could not confirm whether the ferry had sunk."
    assert _proposition(text, "whether the ferry had sunk")
    text = "Pike laid out how he was cheated of his savings."
    assert _proposition(text, "how he was cheated of his savings")


def test_what_a_source_did_not_say_is_the_articles_claim_beside_the_other_clauses():
    from newstrace import analyze

    text = "Two men were hurt on Quay Road on Sunday, but police did not say who fired the shots."
    claims = [(c.span.text, c.attribution.source.kind.value) for c in analyze(text).claims]
    assert claims == [
        ("Two men were hurt on Quay Road on Sunday", "the_article"),
        ("police did not say who fired the shots", "the_article"),
    ]


def test_a_refusal_is_the_articles_claim_up_to_what_was_refused():
    from newstrace import analyze

    text = (
        "The council has refused to release the report. "
        "The mayor refused to resign, saying she had done nothing wrong."
    )
    claims = [(c.span.text, c.attribution.source.name) for c in analyze(text).claims]
    assert [span for span, _ in claims] == [
        "The council has refused to release the report",
        "The mayor refused to resign",
        "she had done nothing wrong",
    ]
    assert claims[-1][1] == "The mayor"
