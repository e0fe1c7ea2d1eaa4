"""Sources, coreference and chains from hand-placed attributions on a fictional article."""

from __future__ import annotations

import pytest

from newstrace.analyze.chains import build_attributions, outlet_chain, the_article
from newstrace.analyze.credit import credit_region, find_credit
from newstrace.analyze.nlp import load_nlp
from newstrace.analyze.sources import SourceResolver, classify
from newstrace.model import AttributionSpans, Source, SourceKind, Span

TEXT = (
    "The Valley Herald quoted a miner with friends inside the company as describing a memo "
    "in which a manager explains the pit will close.\n"
    "The miner said the memo was sent in May.\n"
    "A new study from the Hill Institute says dust levels doubled, the Daily Lantern reports.\n"
    "Experts believe the pit is unsafe.\n"
    "As reported by the Valley Herald"
)


def _found(source: str | None, cue: str, content: str) -> AttributionSpans:
    cue_span = Span.find(TEXT, cue)
    return AttributionSpans(
        cue_span, Span.find(TEXT, content), Span.find(TEXT, source) if source else None
    )


FOUND = [
    _found(
        "The Valley Herald",
        "quoted",
        "a miner with friends inside the company as describing a memo in which a manager "
        "explains the pit will close",
    ),
    _found(
        "a miner with friends inside the company",
        "as describing",
        "a memo in which a manager explains the pit will close",
    ),
    _found("a manager", "explains", "the pit will close"),
    _found("The miner", "said", "the memo was sent in May"),
    _found(
        "the Daily Lantern",
        "reports",
        "A new study from the Hill Institute says dust levels doubled",
    ),
    _found("A new study from the Hill Institute", "says", "dust levels doubled"),
    _found("Experts", "believe", "the pit is unsafe"),
]


@pytest.fixture(scope="module")
def attributions():
    doc = load_nlp()(TEXT)
    root = outlet_chain("Coast Post", find_credit(TEXT))
    return {a.cue.text: a for a in build_attributions(SourceResolver(doc), FOUND, root).values()}


def names(attribution) -> list[str]:
    return [source.name for source in attribution.chain]


def _source(text: str, mention: str):
    """The source the resolver makes of ``mention`` (its first occurrence) in ``text``."""
    start = text.index(mention)
    return SourceResolver(load_nlp()(text)).resolve(Span.of(text, start, start + len(mention)))


def test_credit_line_names_the_relayed_outlet():
    name, span = find_credit(TEXT)
    assert name == "Valley Herald"
    assert TEXT[span.start : span.end] == "Valley Herald"


def test_a_credit_line_holds_no_claim_but_a_wire_dateline_only_itself():
    line_end = len(TEXT)
    assert credit_region(TEXT, find_credit(TEXT)[1]) == Span.of(
        TEXT, TEXT.index("As reported"), line_end
    )
    wire = "PORT ELLIS, May 3 (AP) — The quay will close in June.\nMore follows."
    region = credit_region(wire, find_credit(wire)[1])
    assert wire[region.start : region.end] == "PORT ELLIS, May 3 (AP) —"


def test_the_lead_after_a_wire_dateline_is_a_claim():
    from newstrace import analyze

    ledger = analyze("PORT ELLIS (AP) — The quay will close in June. The mayor said it was unsafe.")
    assert ledger.credit == "Associated Press"
    assert [c.span.text for c in ledger.claims][0] == "The quay will close in June."


def test_nested_quotation_yields_the_nested_chain(attributions):
    assert names(attributions["explains"]) == [
        "Coast Post",
        "Valley Herald",
        "a miner",
        "a manager",
    ]
    assert names(attributions["as describing"])[-2:] == ["Valley Herald", "a miner"]


def test_definite_description_resolves_to_the_earlier_mention(attributions):
    said = attributions["said"]
    assert said.source.name == "a miner"
    assert said.source.mention.text == "a miner with friends inside the company"
    assert said.source.kind is SourceKind.ANONYMOUS_PERSON
    assert names(said)[-2:] == ["Valley Herald", "a miner"]


def test_report_relayed_by_an_outlet_ends_in_a_document(attributions):
    says = attributions["says"]
    assert says.source.kind is SourceKind.DOCUMENT_REPORT
    assert says.source.name == "Hill Institute study"
    assert names(says)[-2:] == ["Daily Lantern", "Hill Institute study"]
    assert says.chain[-2].kind is SourceKind.MEDIA_OUTLET


def test_unnamed_experts_are_a_group(attributions):
    assert attributions["believe"].source.kind is SourceKind.UNNAMED_GROUP


def test_chain_starts_with_the_outlet_then_the_credit(attributions):
    assert names(attributions["believe"])[:2] == ["Coast Post", "Valley Herald"]
    assert the_article(outlet_chain(None, None))[0].kind is SourceKind.THE_ARTICLE


def test_document_named_after_its_author_without_an_entity():
    doc = load_nlp()("A new report from the regional audit office says fees rose.")
    name, kind = classify(doc[0:8], list(doc.ents))
    assert (name, kind) == ("regional audit office report", SourceKind.DOCUMENT_REPORT)


def test_bare_surname_resolves_to_the_earlier_full_name():
    text = "Mayor Elena Varga opened the meeting on Monday. Varga said the port would close."
    doc = load_nlp()(text)
    start = text.index("Varga said")
    source = SourceResolver(doc).resolve(Span.of(text, start, start + 5))
    # the mayor's office stays with her surname
    assert (source.name, source.kind) == ("Elena Varga", SourceKind.GOVERNMENT_OFFICIAL)
    assert source.mention.text == "Elena Varga"
    text = "Elena Varga, a fisher, opened the meeting on Monday. Varga said the port would close."
    start = text.index("Varga said")
    source = SourceResolver(load_nlp()(text)).resolve(Span.of(text, start, start + 5))
    assert (source.name, source.kind) == ("Elena Varga", SourceKind.NAMED_PERSON)


def test_a_bare_surname_finds_the_full_name_the_tagger_missed():
    text = "Dover police arrested Tristan Crayton, 28, of Westfield. Crayton said he was attacked."
    doc = load_nlp()(text)
    doc.ents = [e for e in doc.ents if e.label_ != "PERSON"]  # as in many long crawled pages
    start = text.index("Crayton said")
    source = SourceResolver(doc).resolve(Span.of(text, start, start + 7))
    assert (source.name, source.kind) == ("Tristan Crayton", SourceKind.NAMED_PERSON)
    text = "Officers of the Dover Police came at noon. Police said the pier was shut."
    start = text.index("Police said")
    source = SourceResolver(load_nlp()(text)).resolve(Span.of(text, start, start + 6))
    assert source.kind is not SourceKind.NAMED_PERSON  # "Police" is no surname
    text = "It was reported to Pellin RCMP on Monday. RCMP say the sign was painted at night."
    start = text.index("RCMP say")
    source = SourceResolver(load_nlp()(text)).resolve(Span.of(text, start, start + 4))
    assert source.kind is not SourceKind.NAMED_PERSON  # nor is "RCMP"


def test_a_named_body_that_found_something_is_its_source_under_its_whole_name():
    text = (
        "Everytown for Harbour Safety, a group that tracks drownings, found at least 26 "
        "children drowned in 2015."
    )
    assert [chain for chain in _chains(text) if chain] == [
        [("Everytown for Harbour Safety", "organisation")]
    ]


def test_a_name_given_to_a_person_described_before_is_that_person():
    text = "A stray round hit her daughter, Gabby, in the leg. Later Gabby said it hurt."
    start = text.index("Gabby said")
    source = SourceResolver(load_nlp()(text)).resolve(Span.of(text, start, start + 5))
    assert (source.name, source.kind) == ("Gabby", SourceKind.NAMED_PERSON)


def test_a_surname_misspelt_by_a_letter_finds_the_one_full_name_it_misspells():
    text = "Lt. Pete Hettema spoke at noon. Hetteman said it was quiet."
    start = text.index("Hetteman")
    source = SourceResolver(load_nlp()(text)).resolve(Span.of(text, start, start + 8))
    assert source.name == "Pete Hettema"
    # two names it could misspell: neither
    text = "Amy Larsen and Walter Larson spoke at noon. Larsan said it was quiet."
    start = text.index("Larsan")
    source = SourceResolver(load_nlp()(text)).resolve(Span.of(text, start, start + 6))
    assert source.name == "Larsan"


@pytest.mark.parametrize(
    ("text", "mention", "name", "kind"),
    [
        # a title the tagger took into the name: "the sheriff" is the official, not a body
        (
            "The boy was hurt, Sheriff Ray Okafor said. The sheriff said the gun was locked.",
            "The sheriff",
            "Ray Okafor",
            SourceKind.GOVERNMENT_OFFICIAL,
        ),
        # a surname the tagger gave with the colon after it
        (
            '"Most bags end up in landfill," said Mara Okafor, a program manager. '
            'Said Okafor: "Check the list."',
            "Okafor:",
            "Mara Okafor",
            SourceKind.NAMED_PERSON,
        ),
        # a full name ending in a generational suffix
        (
            "Harbour police spokesman Dale Mercer Jr. said two men fled the pier. "
            "Mercer said no one was hurt.",
            "Mercer said",
            "Dale Mercer Jr.",
            SourceKind.GOVERNMENT_OFFICIAL,
        ),
    ],
)
def test_a_later_mention_takes_the_person_named_before(text, mention, name, kind):
    start = text.index(mention)
    end = start + len(mention.removesuffix(" said"))
    source = SourceResolver(load_nlp()(text)).resolve(Span.of(text, start, end))
    assert (source.name, source.kind) == (name, kind)


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            "According to the complaint, John Mercer's girlfriend thought the man was shot.",
            "John Mercer's girlfriend",
        ),
        (
            "The boy's name was not released. Dale Lund's mother said he was at a friend's.",
            "Dale Lund's mother",
        ),
        # the lawyer speaks, not the client
        (
            "Mara Okafor was not at the meeting. John Mercer's lawyer said he would plead.",
            "John Mercer's lawyer",
        ),
    ],
)
def test_someone_described_through_a_named_person_is_the_one_described(text, mention):
    source = _source(text, mention)
    assert (source.name, source.kind) == (mention, SourceKind.ANONYMOUS_PERSON)


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        # the tagger leaves the lower-case office out of the name
        (
            "The Pellin County Prosecutor\u2019s office said the boy was not the target.",
            "The Pellin County Prosecutor\u2019s office",
            "Pellin County Prosecutor\u2019s office",
        ),
        # ... or takes its holder for a person ("County Sheriff" PERSON)
        (
            "Two men were seen near the pier on Monday. Weld County Sheriff\u2019s office "
            "said two men fled.",
            "Weld County Sheriff\u2019s office",
            "Weld County Sheriff\u2019s office",
        ),
    ],
)
def test_an_office_named_after_its_holder_is_the_body(text, mention, name):
    source = _source(text, mention)
    assert (source.name, source.kind) == (name, SourceKind.ORGANISATION)


def _kind(text: str, mention: str) -> tuple[str, str]:
    doc = load_nlp()(text)
    start = text.index(mention)
    tokens = doc.char_span(start, start + len(mention), alignment_mode="expand")
    name, kind = classify(
        tokens, [e for e in doc.ents if tokens.start <= e.start and e.end <= tokens.end]
    )
    return name, kind.value


def test_a_company_spokesperson_is_a_person_a_police_spokesman_an_official():
    assert _kind("A Brightwave spokesperson said the app is closing.", "A Brightwave spokesperson")[
        1
    ] == ("anonymous_person")
    assert _kind("A police spokesman said the road is shut.", "A police spokesman")[1] == (
        "government_official"
    )
    assert _kind("Officials said the road is shut.", "Officials")[1] == "government_official"


def test_sites_and_web_domains_are_outlets():
    assert _kind("One site claimed the ferry sank.", "One site") == ("One site", "media_outlet")
    assert _kind(
        "Quayside.com, a satirical news site, claimed the ferry sank.",
        "Quayside.com, a satirical news site",
    ) == ("Quayside.com", "media_outlet")


def test_research_and_predictions_are_documents():
    assert _kind("The research shows tides are rising.", "The research")[1] == "document_report"
    assert (
        _kind("Predictions from the model suggest tides will rise.", "Predictions from the model")[
            1
        ]
        == "document_report"
    )


def test_the_paper_and_the_study_refer_back_to_the_outlet_and_the_document():
    text = (
        "The Pellin Gazette reported that the ferry will be sold. "
        "The paper said the sale would close in May. "
        "A new study of the harbour found the water is cleaner. "
        "The research said the change began in 2019."
    )
    doc = load_nlp()(text)
    resolver = SourceResolver(doc)

    def resolve(mention: str):
        start = text.index(mention)
        return resolver.resolve(Span.of(text, start, start + len(mention)))

    gazette = resolve("The Pellin Gazette")
    assert resolve("The paper").name == gazette.name
    study = resolve("A new study of the harbour")
    assert resolve("The research").name == study.name


def test_a_police_rank_before_a_name_is_an_official_and_no_part_of_the_name():
    text = "The pier was shut on Sunday, said Sgt. Tomas Reyne, a spokesman for the harbour police."
    assert [s.text for s in load_nlp()(text).sents] == [text]  # "Sgt." ends no sentence
    assert _kind(text, "Sgt. Tomas Reyne") == ("Tomas Reyne", "government_official")
    assert _kind("Deputy Mark Olsen said the pier was shut.", "Deputy Mark Olsen") == (
        "Mark Olsen",
        "government_official",
    )


def test_a_title_after_the_body_inside_a_tagged_name_is_no_part_of_the_name():
    text = "Dover Harbourmaster John Mercer said the pier was shut. Mercer said it would reopen."
    assert _kind(text, "Dover Harbourmaster John Mercer") == ("John Mercer", "government_official")
    start = text.rindex("Mercer said")
    source = SourceResolver(load_nlp()(text)).resolve(Span.of(text, start, start + 6))
    assert (source.name, source.kind) == ("John Mercer", SourceKind.GOVERNMENT_OFFICIAL)
    assert _kind("Martin Luther King Jr. said the march would go on.", "Martin Luther King Jr.")[
        0
    ] == ("Martin Luther King Jr.")


@pytest.mark.parametrize(
    ("text", "mention", "kind"),
    [
        # a title of office in the apposition after the name
        (
            "Mara Okafor, the city's police chief, said two men were arrested.",
            "Mara Okafor, the city's police chief,",
            "government_official",
        ),
        (
            "Mara Okafor, a spokeswoman for the county health department, said it would close.",
            "Mara Okafor, a spokeswoman for the county health department,",
            "government_official",
        ),
        # a title any body gives speaks for government only where no other body is named
        (
            "Pellin Motors spokesman Andy Mercer said it was fixed.",
            "Pellin Motors spokesman Andy Mercer",
            "named_person",
        ),
        (
            "Mara Okafor, the party's chairman, said the vote was rigged.",
            "Mara Okafor, the party's chairman,",
            "named_person",
        ),
        (
            "US President Mara Okafor said the talks would resume.",
            "US President Mara Okafor",
            "government_official",
        ),
        # a clause on the description gives no title
        (
            "Mara Okafor, a neighbour who called police, said she heard shots.",
            "Mara Okafor, a neighbour who called police,",
            "named_person",
        ),
        # the head of a post in a government body, and a person "of" that body
        (
            "Mara Okafor, chief of the fraud division of the Pellin County Prosecutor's Office, "
            "said the charges stand.",
            "Mara Okafor, chief of the fraud division of the Pellin County Prosecutor's Office,",
            "government_official",
        ),
        (
            "Mara Okafor of the Pellin Police Department said the road was closed.",
            "Mara Okafor of the Pellin Police Department",
            "government_official",
        ),
        (
            "Mara Okafor of the Pellin Historical Society said the mill was older.",
            "Mara Okafor of the Pellin Historical Society",
            "named_person",
        ),
        # a title held once is no office now
        (
            "Mara Okafor, a former county party chair, said the dividend changed.",
            "Mara Okafor, a former county party chair,",
            "named_person",
        ),
        (
            "Retired Sgt. Mara Okafor said the hall was empty.",
            "Retired Sgt. Mara Okafor",
            "named_person",
        ),
        # titles of rank the lexicon had missed
        (
            "Undersheriff Mara Okafor said the road was closed.",
            "Undersheriff Mara Okafor",
            "government_official",
        ),
        (
            "Pellin Superintendent Mara Okafor said the schools would reopen.",
            "Pellin Superintendent Mara Okafor",
            "government_official",
        ),
        (
            "The inmate died at the federal prison, said prison spokesman Andy Mercer.",
            "prison spokesman Andy Mercer",
            "government_official",
        ),
        (
            '"He found the gun," Assistant State\'s Attorney Mara Okafor said.',
            "Assistant State's Attorney Mara Okafor",
            "government_official",
        ),
        # a family's spokesman and a club's general manager hold no office
        (
            "The actress died in her sleep, family spokesman Andy Mercer said.",
            "family spokesman Andy Mercer",
            "named_person",
        ),
        (
            "Pellin general manager Mara Okafor said the team would re-sign him.",
            "Pellin general manager Mara Okafor",
            "named_person",
        ),
    ],
)
def test_an_office_is_read_from_the_title_and_the_body_it_is_held_in(text, mention, kind):
    assert _kind(text, mention) == ("Mara Okafor" if "Okafor" in mention else "Andy Mercer", kind)


@pytest.mark.parametrize("mention", ["Pellin authorities", "Federal authorities"])
def test_authorities_are_officials_wherever_they_are_placed(mention):
    text = f"{mention} said the man had been convicted in 1999."
    assert _kind(text, mention)[1] == "government_official"


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            "Pellin County Sheriff Sam Page says the road is closed.",
            "Pellin County Sheriff Sam Page",
        ),
        ("Sheriff Page said the road is closed.", "Sheriff Page"),
    ],
)
def test_a_surname_that_is_a_documents_word_names_a_person(text, mention):
    assert _kind(text, mention)[1] == "government_official"


@pytest.mark.parametrize(
    ("text", "mention", "kind"),
    [
        (
            "According to experts hired by the Pellin family, the bullet was deformed.",
            "experts hired by the Pellin family",
            "unnamed_group",
        ),
        (
            "Doctors and independent experts hired by Dale Lund said the bullet was deformed.",
            "Doctors and independent experts hired by Dale Lund",
            "unnamed_group",
        ),
    ],
)
def test_a_name_in_a_phrase_on_the_head_is_not_the_source(text, mention, kind):
    assert _kind(text, mention)[1] == kind


def test_a_named_authority_is_a_body():
    assert _kind(
        "The Pellin Port Authority said the pier will close.", "The Pellin Port Authority"
    )[1] == ("organisation")


def test_a_first_name_tagged_alone_takes_the_surname_after_it():
    text = "The man was named as Dale Lund, according to Comdr. Joe Florip of the city police."
    assert [s.text for s in load_nlp()(text).sents] == [text]  # "Comdr." ends no sentence
    assert _kind(text, "Comdr. Joe Florip of the city police") == (
        "Joe Florip",
        "government_official",
    )


@pytest.mark.parametrize(
    ("text", "mention", "kind"),
    [
        (
            "The singer has died, her manager and her publicist said.",
            "her manager and her publicist",
            "unnamed_group",
        ),
        (
            "The teen and the older man told police they were waiting.",
            "The teen and the older man",
            "unnamed_group",
        ),
        (
            "The gunman shot himself, law enforcement officials said.",
            "law enforcement officials",
            "government_official",
        ),
        ("The city also said ten tons of cardboard were recycled.", "The city", "organisation"),
        (
            "It began as a quarrel, the Pellin Police Department crime blotter said.",
            "the Pellin Police Department crime blotter",
            "document_report",
        ),
    ],
)
def test_groups_bodies_and_documents_read_off_fresh_news(text, mention, kind):
    assert _kind(text, mention)[1] == kind


def test_a_person_keeps_one_name_and_the_office_one_mention_gives():
    text = (
        "Dale Lund, who took over the force in May, said the pier was shut. Chief Lund said "
        "it would reopen."
    )
    assert _chains(text) == [[("Dale Lund", "government_official")]] * 2
    # a second full name with the surname leaves "Chief Lund" as he was named
    chains = _chains(text + " Ana Lund said she was glad.")
    assert chains[0] == [("Dale Lund", "named_person")] and chains[1] == [
        ("Lund", "government_official")
    ]


def test_a_town_named_before_its_police_is_no_person():
    text = "Lawrence police say a boy was hurt in an accidental shooting on Thursday."
    assert _kind(text, "Lawrence police") == ("Lawrence police", "organisation")


def test_a_spokesperson_for_a_police_department_by_its_initials_speaks_for_government():
    text = "A spokesperson for PEPD said the shooting appears to be accidental."
    assert _kind(text, "A spokesperson for PEPD")[1] == "government_official"


def test_staff_of_a_government_body_speak_in_its_office():
    text = "An adviser to the president's office denied that the meeting took place."
    assert _kind(text, "An adviser to the president's office")[1] == "government_official"
    text = "Hospital workers said the boy was stable."
    assert _kind(text, "Hospital workers")[1] == "unnamed_group"


def _chains(text: str) -> list[list[tuple[str, str]]]:
    from newstrace import Article, analyze

    ledger = analyze(Article(text, id="x", outlet="Pellin Gazette"))
    return [[(s.name, s.kind.value) for s in c.attribution.chain[1:]] for c in ledger.claims]


_RELAYED = (
    "\u201cThere was no reward,\u201d harbour engineer Dhruv Batra told FastCo. The pier will "
    "shut, Cameron Wells told Quaynews.\n\nThe Washington Post's Sarah Kaplan said the release "
    "made no forecast. The tide will rise, said Kaplan. The mayor told Congress the pier was "
    "safe. Anna Smith told police she saw the boat."
)


def test_the_outlet_a_source_spoke_to_is_the_link_outside_it():
    chains = _chains(_RELAYED)
    assert [("Fast Company", "media_outlet"), ("Dhruv Batra", "named_person")] in chains
    assert [("Quaynews", "media_outlet"), ("Cameron Wells", "named_person")] in chains


def test_a_reporter_of_an_outlet_is_relayed_by_it_also_when_named_again():
    relayed = [("The Washington Post", "media_outlet"), ("Sarah Kaplan", "named_person")]
    assert _chains(_RELAYED).count(relayed) == 2


def test_telling_police_or_congress_is_no_outlet():
    chains = _chains(_RELAYED)
    assert [("The mayor", "government_official")] in chains
    assert [("Anna Smith", "named_person")] in chains


def test_telling_a_person_named_before_is_no_outlet():
    chains = _chains(
        "Sarah Kaplan runs the harbour board. Cameron Wells told Kaplan that the ferry sank."
    )
    assert [("Cameron Wells", "named_person")] in chains


def test_the_story_is_the_outlet_named_just_before_as_its_publisher():
    text = (
        "A post claiming the ferry will sink was published by pellinwatch.com on Monday. "
        "According to the story, the harbour master confirmed it."
    )
    doc = load_nlp()(text)
    start = text.index("the story")
    source = SourceResolver(doc).resolve(Span.of(text, start, start + len("the story")))
    assert (source.name, source.kind) == ("pellinwatch.com", SourceKind.MEDIA_OUTLET)
    assert source.mention.text == "pellinwatch.com"


def test_the_story_with_no_outlet_before_it_stays_itself():
    text = "Officials met on Monday. The story said the mayor resigned."
    doc = load_nlp()(text)
    start = text.index("The story")
    source = SourceResolver(doc).resolve(Span.of(text, start, start + len("The story")))
    assert (source.name, source.kind) == ("The story", SourceKind.DOCUMENT_REPORT)


def test_a_spokesperson_is_named_with_the_body_they_speak_for():
    assert _kind(
        "A spokesman for the Pellin Ferry Society said so.",
        "A spokesman for the Pellin Ferry Society",
    ) == (
        "Pellin Ferry Society spokesman",
        "anonymous_person",
    )
    # a body not named keeps the text's own words, as the claim labels do
    assert _kind("A spokesman for the company said so.", "A spokesman for the company")[0] == (
        "A spokesman for the company"
    )


def test_a_chain_that_comes_back_to_a_source_drops_the_detour():
    text = (
        "Marta Lindqvist noted that tides change, according to the Pellin Tide Society. "
        "The tables show the water will rise, said the tide society."
    )

    def found(source: str, cue: str, content: str) -> AttributionSpans:
        return AttributionSpans(
            Span.find(text, cue), Span.find(text, content), Span.find(text, source)
        )

    society = found(
        "the Pellin Tide Society",
        "according to",
        "Marta Lindqvist noted that tides change, according to the Pellin Tide Society. The "
        "tables show the water will rise, said the tide society",
    )
    marta = found(  # the tagger runs her content on into the society's quotation
        "Marta Lindqvist",
        "noted",
        "tides change, according to the Pellin Tide Society. The tables show the water will "
        "rise, said the tide society",
    )
    again = found("the tide society", "said", "The tables show the water will rise")
    tables = found("The tables", "show", "the water will rise")
    doc = load_nlp()(text)
    built = build_attributions(SourceResolver(doc), [society, marta, again, tables], ())
    assert names(built[marta]) == ["Pellin Tide Society", "Marta Lindqvist"]
    assert names(built[again]) == ["Pellin Tide Society"]  # not society, Marta, society
    assert names(built[tables]) == ["Pellin Tide Society", "The tables"]


def test_as_reported_by_names_the_link_outside_the_speaker():
    chains = _chains(
        "\u201cThe pier will close in May,\u201d said harbour master Cameron Wells at the "
        "meeting, as reported by the Pellin Ferry Society."
    )
    assert [("Pellin Ferry Society", "organisation"), ("Cameron Wells", "named_person")] in chains


def test_the_doctor_refers_to_the_named_doctor_not_to_doctors():
    chains = _chains(
        "Doctors said the clinic was busy. Dr. Anna Lund said that patients should rest. "
        "The doctor noted that a ferry trip takes an hour."
    )
    assert chains[-1] == [("Anna Lund", "named_person")]
    chains = _chains(
        "Pastor Dale Lund said the year would bring joy. On the world stage, the clergyman "
        "said floods will come."
    )
    assert chains[-1] == [("Dale Lund", "named_person")]


def test_a_name_after_an_occupation_is_a_person_whatever_the_tagger_says():
    assert _kind(
        "The article quotes co-author of the study, Nicola Avena, as saying it helps.",
        "Nicola Avena",
    ) == ("Nicola Avena", "named_person")


def test_an_unnamed_group_keeps_the_body_it_works_at():
    assert _kind(
        "Researchers at the University of Pellin said the tide is rising.",
        "Researchers at the University of Pellin",
    ) == ("Researchers at the University of Pellin", "unnamed_group")
    assert _kind("Researchers with long beards said so.", "Researchers with long beards") == (
        "Researchers",
        "unnamed_group",
    )


def test_the_body_a_group_works_at_ends_with_its_name_not_its_place():
    assert _kind(
        "Scientists at the University of Pellin in the United Kingdom said so.",
        "Scientists at the University of Pellin in the United Kingdom",
    ) == ("Scientists at the University of Pellin", "unnamed_group")


def test_those_researchers_are_the_scientists_named_with_their_body_before():
    text = (
        "Readers shared a study from 2013 by scientists at the University of Pellin. "
        "Those researchers found that the tide might rise."
    )
    assert _chains(text)[-1] == [("scientists at the University of Pellin", "unnamed_group")]
    alone = "Readers shared a study. Those researchers found that the tide might rise."
    assert _chains(alone)[-1] == [("Those researchers", "unnamed_group")]


def test_a_sourceless_cue_that_opens_with_a_record_is_credited_to_the_record():
    text = "Footage showing the mayor shouting would be a shock."
    resolver = SourceResolver(load_nlp()(text))
    record = resolver.record_in_cue(Span.of(text, 0, len("Footage showing")))
    assert (record.name, record.kind) == ("Footage", SourceKind.DOCUMENT_REPORT)
    assert resolver.record_in_cue(Span.of(text, text.index("showing"), 15)) is None


def test_not_just_x_but_y_is_ys_word():
    text = "The claim is false, according not just to me but to the harbour master."
    start = text.index("me but")
    source = SourceResolver(load_nlp()(text)).resolve(Span.of(text, start, len(text) - 1))
    assert source.name == "the harbour master"
    assert source.span.text == "the harbour master"


def test_the_writer_in_the_first_person_is_the_article_but_a_quoted_i_is_not():
    text = 'I think the pier will close. "I think it is safe," the harbour master said.'
    resolver = SourceResolver(load_nlp()(text))
    writer = resolver.resolve(Span.of(text, 0, 1))
    assert writer.kind == SourceKind.THE_ARTICLE
    quoted = text.index("I think it")
    assert resolver.resolve(Span.of(text, quoted, quoted + 1)).kind != SourceKind.THE_ARTICLE


def test_the_writers_own_look_is_the_article_asserting():
    from newstrace import Article, analyze

    text = (
        "A close inspection of the harbour website reveals that the board never closed the "
        "pier. An inspection by the Pellin Board found that the pier was safe."
    )
    claims = analyze(Article(text, id="x", outlet="Pellin Gazette")).claims
    own, board = claims
    assert own.attribution.source.kind is SourceKind.THE_ARTICLE
    assert own.certainty.level.value == "negated"
    assert board.attribution.source.kind is not SourceKind.THE_ARTICLE


def test_the_websites_writer_is_relayed_by_the_site_named_in_the_paragraph_before():
    chains = _chains(
        "Tidewatch also wrote about the rumour on its website last week.\n\n"
        "\u201cThe pier is not sinking. I checked the gauges myself. Harbour Radio got it "
        "wrong,\u201d writes the website\u2019s Sarah Kaplan."
    )
    assert [("Tidewatch", "media_outlet"), ("Sarah Kaplan", "named_person")] in chains


def test_an_article_on_a_site_is_the_site_speaking():
    assert _kind(
        "An article on a satirical news website says the pier will float away.",
        "An article on a satirical news website",
    ) == ("a satirical news website", "media_outlet")
    assert _kind("An article on tides says the pier sinks.", "An article on tides")[1] == (
        "document_report"
    )


def test_a_body_is_named_without_its_owning_place_or_its_acronym():
    assert _kind(
        "Britain's National Rail Service (NRS) said the line is shut.",
        "Britain's National Rail Service (NRS)",
    ) == ("National Rail Service", "organisation")


def test_an_unnamed_person_keeps_the_study_they_worked_on():
    text = "The pier is sound, according to the lead engineer on the survey."
    start = text.index("the lead")
    source = SourceResolver(load_nlp()(text)).resolve(Span.of(text, start, len(text) - 1))
    assert (source.name, source.kind) == (
        "the lead engineer on the survey",
        SourceKind.ANONYMOUS_PERSON,
    )
    assert (
        _kind("A defector with contacts said the pier is shut.", "A defector with contacts")[0]
        == "A defector"
    )


def test_investigators_are_officials_and_a_bodys_representative_one_person():
    assert _kind("Investigators said the boat was stolen.", "Investigators")[1] == (
        "government_official"
    )
    assert _kind(
        "A ferry company representative said she had left.", "A ferry company representative"
    )[1] == ("anonymous_person")
    assert _kind("A state representative said the pier will close.", "A state representative")[
        1
    ] == ("government_official")


def test_media_unnamed_are_an_outlet_also_as_the_one_told():
    assert _kind("State media said the plant had closed.", "State media") == (
        "State media",
        "media_outlet",
    )
    chains = _chains("Mara Pellin, a neighbour, told local media that the boat left at dawn.")
    assert [("local media", "media_outlet"), ("Mara Pellin", "named_person")] in chains


def test_the_outlet_a_source_is_described_as_speaking_to_relayed_the_claim():
    chains = _chains("Several neighbours who spoke to WPLN say the boat left at dawn.")
    assert [("WPLN", "media_outlet"), ("Several neighbours", "unnamed_group")] in chains
    chains = _chains("A woman who talked with the Dover Courier said the pier was shut.")
    assert [("Dover Courier", "media_outlet"), ("A woman", "anonymous_person")] in chains
    chains = _chains("Neighbours who spoke to police said the boat left at dawn.")
    assert [("Neighbours", "unnamed_group")] in chains  # police relay nothing


def test_a_name_in_a_phrase_after_the_head_is_not_the_source():
    text = "A supervisor at the harbour office in Avon told us that the pier will close."
    name, kind = _kind(text, "A supervisor at the harbour office in Avon")
    assert "Avon" not in name.split()[-1:] and kind != "named_person"
    name, kind = _kind("A lawyer for Mara Pellin said she was home.", "A lawyer for Mara Pellin")
    assert kind == "anonymous_person"


def test_a_named_public_body_is_an_organisation_bare_police_officials():
    assert _kind("Pellin police said the pier will close.", "Pellin police") == (
        "Pellin police",
        "organisation",
    )
    assert _kind("The Harbour Department said the pier will close.", "The Harbour Department") == (
        "Harbour Department",
        "organisation",
    )
    assert _kind(
        "The Ministry of Fisheries said the pier will close.", "The Ministry of Fisheries"
    )[1] == ("organisation")
    assert _kind("Police said the pier will close.", "Police")[1] == "government_official"
    assert _kind("The government said the pier will close.", "The government")[1] == (
        "government_official"
    )


def test_unnamed_sources_are_a_group_one_of_them_a_person():
    assert _kind("Sources said the pier will close.", "Sources")[1] == "unnamed_group"
    assert _kind("Witnesses said the boat sank.", "Witnesses")[1] == "unnamed_group"
    assert _kind("A source said the pier will close.", "A source")[1] == "anonymous_person"


def test_a_rank_just_before_the_tagged_name_still_makes_an_official():
    text = "Cpl. Jesse Olsen said in a news release that the pier was shut."
    assert _kind(text, "Jesse Olsen") == ("Jesse Olsen", "government_official")
    assert _kind("Jesse Olsen said the pier was shut.", "Jesse Olsen")[1] == "named_person"


def test_a_surname_keeps_the_office_its_full_name_was_given_with():
    chains = _chains(
        "Pellin County Sheriff Grady Judd said the boat was stolen. "
        "The girl ran away after the fight, Judd said."
    )
    assert chains[-1] == [("Grady Judd", "government_official")]


def test_coroners_are_officials_and_magazines_outlets():
    assert _kind("The medical examiner said the bullet struck an artery.", "The medical examiner")[
        1
    ] == ("government_official")
    assert _kind("The magazine said the cover was pulled.", "The magazine")[1] == "media_outlet"


def test_a_name_keeps_the_words_that_modify_its_modifiers_and_a_station_its_numbers():
    text = "Pellin state media said the port will close."
    assert _kind("North Pellin media said the port will close.", "North Pellin media") == (
        "North Pellin media",
        "media_outlet",
    )
    assert _kind(text, "Pellin state media")[0] == "Pellin state media"
    text = "She told Pellin News 12 the pier was shut."  # told its own name: see below
    doc = load_nlp()(text)
    venue = SourceResolver(doc).venue(
        Span.of(text, 4, 8), Source("She", SourceKind.ANONYMOUS_PERSON)
    )
    assert venue is not None and venue.name == "Pellin News 12"


def test_a_he_never_refers_back_to_a_she():
    text = "She told reporters the pier was shut. He said the ferry would sail."
    resolver = SourceResolver(load_nlp()(text))
    she = resolver.resolve(Span.of(text, 0, 3))
    start = text.index("He")
    he = resolver.resolve(Span.of(text, start, start + 2))
    assert (she.name, he.name) == ("She", "He")
    text = "The man told reporters the pier was shut. She said the ferry would sail."
    resolver = SourceResolver(load_nlp()(text))
    man = resolver.resolve(Span.of(text, 0, 7))
    start = text.index("She")
    she = resolver.resolve(Span.of(text, start, start + 3))
    assert (man.name, she.name) == ("The man", "She")  # nor back to "the man"


def test_a_relative_pronoun_stands_for_its_noun_and_a_courtesy_title_for_the_full_name():
    text = "Many Pellin fishers, who fear the pier will close, met on Sunday."
    doc = load_nlp()(text)
    who = SourceResolver(doc).resolve(Span.of(text, text.index("who"), text.index("who") + 3))
    assert who.span.text == "Many Pellin fishers"
    text = "Maurice Okafor chairs the group. Dr Okafor said the pier will close."
    start = text.index("Dr Okafor")
    source = SourceResolver(load_nlp()(text)).resolve(Span.of(text, start, start + 9))
    assert source.name == "Maurice Okafor"


def test_an_outlets_own_poll_is_a_document_its_reporting_the_outlet():
    poll = _kind("A CBS News poll found the pier is popular.", "A CBS News poll")
    assert poll == ("CBS News poll", "document_report")
    assert _kind("The Pellin Gazette reported the pier is popular.", "The Pellin Gazette")[1] == (
        "media_outlet"
    )


def test_a_credit_given_last_in_the_sentence_is_outside_the_speaker_it_holds():
    chains = _chains(
        'Mara Pellin had a permit. Pellin also told police that her son "gets into her purse '
        'all of the time," according to court documents.'
    )
    assert [("court documents", "document_report"), ("Mara Pellin", "named_person")] in chains


def test_a_closing_credit_after_a_report_is_the_outer_link_but_a_venue_is_none():
    relayed = _chains(
        "The harbour agency said 300 homes were flooded, according to the Pellin Post."
    )
    assert [("Pellin Post", "media_outlet"), ("The harbour agency", "organisation")] in relayed
    venue = _chains("The mayor said the road was closed, according to a statement.")
    assert all(chain[0][0] != "a statement" for chain in venue if chain)
    unsaid = _chains("He was pronounced dead at 3 a.m., according to the Pellin County coroner.")
    assert not any(len(chain) > 1 for chain in unsaid)


def _resolved(text: str, mention: str, first: bool = False) -> tuple[str, str]:
    """The source the last (or ``first``) mention resolves to, as name and kind."""
    start = text.index(mention) if first else text.rindex(mention)
    source = SourceResolver(load_nlp()(text)).resolve(Span.of(text, start, start + len(mention)))
    return source.name, source.kind.value


def test_a_first_name_stands_for_the_full_name_given_before():
    text = "Gabby Lund, 12, was shot in the side. Gabby said the doctors left the bullet in."
    assert _resolved(text, "Gabby") == ("Gabby Lund", "named_person")
    text = "Kim Jong-un met the envoys in Pellin. Kim said the talks went well."
    assert _resolved(text, "Kim")[0] == "Kim Jong-un"
    # ... or given later, where the text names only one such person in full
    text = "Pike's wife Elena reveals her sadness. Elena said it is hard. Elena Pike, 51, left."
    assert _resolved(text, "Elena", first=True) == ("Elena Pike", "named_person")
    text = "Elena said it will be hard. Elena Ruiz and Elena Lund left the town on Monday."
    assert _resolved(text, "Elena", first=True)[0] == "Elena"
    # a headline's capitalised noun is no first name
    text = "Man Shot Near Pellin Quay. Man said to be stable."
    assert _resolved(text, "Man")[0] != "Man Shot"


def test_a_one_word_name_tagged_a_thing_is_the_person_the_text_tags_it_elsewhere():
    # the tagger reads the speaker's name as a product, then as a person a sentence later
    text = (
        "\u201cOur model matched the data in nine years of ten,\u201d said Marisova.\n\n"
        "Marisova and her colleagues built the model from magnetic maps."
    )
    assert _resolved(text, "Marisova", first=True) == ("Marisova", "named_person")
    # a name tagged a body stays one, whoever else bears it
    text = "Ford said sales fell in March. Bill Ford, its chairman, was not available."
    assert _resolved(text, "Ford", first=True) == ("Ford", "organisation")


def test_a_definite_description_shortens_the_name_named_before_it():
    text = "The Pellin County Coroner's Office ruled it a homicide. The coroner's office said so."
    assert _resolved(text, "The coroner's office") == (
        "Pellin County Coroner's Office",
        "organisation",
    )
    text = "Pellin County Sheriff Mara Okafor arrived. The sheriff said the pier was shut."
    assert _resolved(text, "The sheriff")[0] == "Mara Okafor"
    text = "She posed for the cover of Vogue. On Monday the magazine said the cover was pulled."
    assert _resolved(text, "the magazine") == ("Vogue", "media_outlet")
    text = "She posed for Vogue on the ABC reality show. On Monday the magazine said so."
    assert _resolved(text, "the magazine") == ("Vogue", "media_outlet")  # ABC names the show
    text = "Put on by the League of Pellin Anglers, the contest opens at 8 a.m. The league says so."
    assert _resolved(text, "The league") == ("League of Pellin Anglers", "organisation")
    text = (
        "Deputies found the truck with the help of a Pellin County Sheriff's Office helicopter."
        "\n\nThe driver ran into the woods, according to the sheriff."
    )
    assert _resolved(text, "the sheriff")[0] == "the sheriff"  # not the office named before
    text = "The Pellin Fire Department arrived. The police department said the pier was shut."
    assert _resolved(text, "The police department")[0] == "The police department"


def test_a_lead_describing_an_official_by_title_is_the_one_the_next_sentence_names():
    text = (
        "The county judge who stopped the pier sale said the deal was rushed. "
        "Circuit Judge Dale Lund issued the order on Monday."
    )
    assert _resolved(text, "The county judge who stopped the pier sale")[0] == "Dale Lund"
    text = (  # the next sentence names someone of another title: no one to name
        "The county judge who stopped the pier sale said the deal was rushed. "
        "Mayor Dale Lund criticised the order on Monday."
    )
    mention = "The county judge who stopped the pier sale"
    assert _resolved(text, mention)[0] == "The county judge"  # its relative clause left out
    text = (  # named two sentences on: too far to be meant
        "The county judge who stopped the pier sale said the deal was rushed. "
        "The order came on Monday. Circuit Judge Dale Lund signed it."
    )
    assert _resolved(text, mention)[0] == "The county judge"


def test_a_people_named_by_nation_or_party_is_a_group_and_a_body_tagged_a_person_a_body():
    assert _kind("French Jews fear the pier will close.", "French Jews") == (
        "French Jews",
        "unnamed_group",
    )
    assert _kind("Republicans said the pier would close.", "Republicans")[1] == "unnamed_group"
    assert _kind("Delta Chi Fraternity said the pier was shut.", "Delta Chi Fraternity") == (
        "Delta Chi Fraternity",
        "organisation",
    )


def test_a_title_of_office_before_a_name_the_tagger_missed_is_an_official():
    assert _kind('"We will find him," Sheriff Lund said.', "Sheriff Lund") == (
        "Lund",
        "government_official",
    )
    text = '"We will find him," Detective Captain Dale Lund said.'
    assert _kind(text, "Detective Captain Dale Lund")[1] == "government_official"
    # a capitalised "Chief" right before a name is a police or fire chief's title ...
    assert _kind("Chief Lund says witnesses need to come forward.", "Chief Lund") == (
        "Lund",
        "government_official",
    )
    # ... not the first word of a company's title, and a title in a body's name is none
    text = "Chief Executive Ana Ruiz said sales rose."
    assert _kind(text, "Chief Executive Ana Ruiz")[1] != "government_official"
    assert _kind("General Motors said sales rose.", "General Motors")[1] == "organisation"
    text = "Authorities Sunday identified the man."
    assert _kind(text, "Authorities Sunday")[0] != "Sunday"


def test_an_outlet_told_is_named_with_its_number_and_its_hyphened_words():
    chains = _chains("Police did tell Channel 7 that a bullet was lodged in her arm.")
    assert [("Channel 7", "media_outlet"), ("Police", "government_official")] in chains
    chains = _chains('"They were good kids," Dale Lund told the Post-Gazette.')
    assert chains[0][0] == ("Post-Gazette", "media_outlet")


def test_a_broadcasters_call_sign_is_an_outlet_and_a_sheriffs_initials_are_not():
    assert _kind("WKYT reports the bridge at Pellin was shut.", "WKYT") == (
        "WKYT",
        "media_outlet",
    )
    text = "WXYZ-TV says the quay was closed."
    assert _kind(text, "WXYZ-TV") == ("WXYZ-TV", "media_outlet")
    assert _kind("CBS11 says the quay was closed.", "CBS11")[1] == "media_outlet"
    assert _kind("KCSO says the quay was closed.", "KCSO")[1] != "media_outlet"
    assert _kind("KPMG says the accounts were in order.", "KPMG")[1] != "media_outlet"


def test_a_person_named_after_a_body_and_a_title_is_that_person():
    text = '"We have questions," State Police Capt. Doug Cain said.'
    assert _kind(text, "State Police Capt. Doug Cain") == ("Doug Cain", "government_official")
    text = "Brightwave Chief Executive Ana Ruiz said sales rose."
    assert _kind(text, "Brightwave Chief Executive Ana Ruiz") == ("Ana Ruiz", "named_person")
    # a body's own word after a title is no name
    text = "The Pellin Police Division said the quay was shut."
    assert _kind(text, "The Pellin Police Division")[1] == "organisation"


def test_a_name_owning_what_a_preposition_governs_is_not_the_source():
    text = "An attorney for Lund's grandparents said the shooting was not relevant."
    assert _kind(text, "An attorney for Lund's grandparents") == (
        "An attorney",
        "anonymous_person",
    )


def test_a_name_with_a_persons_role_or_age_is_a_person():
    text = "Witness Ruby Poore said the shots came from a passing car."
    assert _kind(text, "Witness Ruby Poore") == ("Ruby Poore", "named_person")
    text = "Ruby Poore, 32, said the shots came from a passing car."
    assert _kind(text, "Ruby Poore")[1] == "named_person"
    # a surname with a capital inside it is written as a name too
    text = "Neighbor Ivey McTavish said the shots came from a passing car."
    assert _kind(text, "Neighbor Ivey McTavish") == ("Ivey McTavish", "named_person")


def test_a_source_is_named_from_its_own_line():
    text = (
        "Residents were stunned.\n\nFamily 'close-knit'\n\n"
        "A woman, who lives across the street, said the family was close-knit."
    )
    assert _resolved(text, "who") == ("A woman", "anonymous_person")


def test_a_station_told_by_its_own_name_is_the_publisher_not_a_link():
    chains = _chains("Mara Pellin told 24-Hour News 8 the pier was shut.")
    assert [("Mara Pellin", "named_person")] in chains
    chains = _chains("Mara Pellin told the Dover Courier the pier was shut.")
    assert [("Dover Courier", "media_outlet"), ("Mara Pellin", "named_person")] in chains


def test_a_known_outlet_the_tagger_takes_for_a_person_is_still_the_outlet_told():
    chains = _chains('"It has become routine," Mara Pellin, the insurer, told France Info.')
    assert [("franceinfo", "media_outlet"), ("Mara Pellin", "named_person")] in chains


def test_the_outlet_a_source_was_speaking_to_is_a_link():
    chains = _chains("Speaking to Reuters, residents said they had not received aid.")
    assert [("Reuters", "media_outlet"), ("residents", "unnamed_group")] in chains


def test_a_sourceless_hedge_inside_what_a_named_source_says_adds_no_unnamed_sources():
    chains = _chains(
        "Pellin Motors is expected to announce new partnerships in the coming months, "
        "according to the report."
    )
    assert chains == [[("the report", "document_report")]]
    assert _chains("The road is expected to reopen on Monday.") == [
        [("unnamed sources", "unnamed_group")]
    ]


def test_a_denial_inside_a_report_is_the_deniers_claim_and_negated():
    from newstrace import analyze

    text = "The boat belonged to Mara Okafor. She denied owning the boat, the report states."
    denied = next(c for c in analyze(text).claims if c.span.text == "owning the boat")
    assert [s.name for s in denied.attribution.chain] == ["the report", "Mara Okafor"]
    assert denied.certainty.level.value == "negated"


def test_a_body_named_by_the_initials_the_text_gave_it_keeps_its_full_name():
    text = (
        "Vaccinations started yesterday, the Pellin Centers for Harbour Safety (PCHS) said. "
        "The final round is free for children, PCHS said."
    )
    names = {chain[-1][0] for chain in _chains(text) if chain}
    assert names == {"Pellin Centers for Harbour Safety"}


def test_a_body_named_by_its_initials_without_brackets_keeps_its_full_name():
    text = (
        "Officers from the Pellin Rock Police Department were called to the motel. "
        "According to PRPD they have been called there 63 times this year."
    )
    assert [chain for chain in _chains(text) if chain] == [
        [("Pellin Rock Police Department", "organisation")]
    ]


def test_the_publisher_told_by_its_name_is_no_link_when_known_by_its_address():
    from newstrace import Article, analyze

    text = (
        "A boy was hurt on Monday. The gun went off by accident, a sergeant told The Pellin Post."
    )
    ledger = analyze(Article(text, id="x", url="https://www.pellinpost.com/news/1"))
    chains = [[s.name for s in c.attribution.chain] for c in ledger.claims]
    assert not any("Pellin Post" in chain for chain in chains)
    told = analyze(Article(text, id="x", url="https://www.doverharbour.com/news/1"))
    assert any("Pellin Post" in [s.name for s in c.attribution.chain] for c in told.claims)


def test_a_trade_paper_named_by_a_common_word_is_an_outlet_and_the_article_is_its():
    text = (
        "The premiere has been postponed. Deadline reports that the series was set to "
        "premiere in April. The article confirms that filming has finished."
    )
    assert [chain for chain in _chains(text) if chain] == [
        [("Deadline", "media_outlet")],
        [("Deadline", "media_outlet")],
    ]


def test_a_station_told_by_its_call_letters_is_no_link_on_its_own_site():
    from newstrace import Article, analyze

    text = "A neighbour told WAVE 3 News the gun belonged to a teenager who lives at the home."
    own = analyze(Article(text, id="x", url="https://www.wave3.com/story/1"))
    assert [[s.name for s in c.attribution.chain] for c in own.claims] == [
        ["wave3.com", "A neighbour"]
    ]
    other = analyze(Article(text, id="x", url="https://www.pellinpost.com/news/1"))
    assert all(len(c.attribution.chain) == 3 for c in other.claims)


def test_its_spokesman_speaks_for_the_body_named_before_it():
    party = (
        "Addressing reporters at the secretariat of the party in Pellin, its national "
        "spokesman, Kola Adeyemi, said the defection breaks the rules."
    )
    assert _kind(party, "its national spokesman, Kola Adeyemi,") == ("Kola Adeyemi", "named_person")
    ministry = (
        "At a briefing at the Pellin health ministry, its spokesman, Kola Adeyemi, said the "
        "clinic would close."
    )
    assert _kind(ministry, "its spokesman, Kola Adeyemi,")[1] == "government_official"


def _pronoun(text: str, pronoun: str, *earlier: str) -> Source:
    """The source a pronoun resolves to, after the sources ``earlier`` were resolved."""
    resolver = SourceResolver(load_nlp()(text))
    for name in earlier:
        resolver.resolve(Span.find(text, name))
    start = text.rindex(pronoun)
    return resolver.resolve(Span.of(text, start, start + len(pronoun)))


def test_a_pronoun_stands_for_the_person_the_sentence_before_speaks_of():
    text = (
        "Walter Pike said the gun was found under a bed. Deputies said the gun belonged to "
        "Kola Pike, who was not home at the time. He denied owning the gun."
    )
    assert _pronoun(text, "He", "Walter Pike", "Deputies").name == "Kola Pike"
    # a source who spoke after the name keeps the pronoun
    text = "The ferry hit Kola Pike, who was on the quay. Mara Okafor said so. She said more."
    assert _pronoun(text, "She", "Mara Okafor").name == "Mara Okafor"
    # a name in a list of victims, or a place tagged as a person, is not what "he" is
    text = (
        "Sheriff Mara Okafor named the dead as Ada Lund and John Mercer. "
        "She said the fourth victim survived."
    )
    assert _pronoun(text, "She", "Sheriff Mara Okafor").name == "Mara Okafor"


def test_a_person_only_spoken_of_in_a_report_speaks_for_himself():
    from newstrace.api import analyze

    text = (
        "Officials told the Dover Courier that Kola Pike, 46, had been shot by his grandson. "
        "Pike told police that he was in the shower when he heard a noise."
    )
    ledger = analyze(text)
    claim = next(c for c in ledger.claims if "shower" in c.span.text)
    assert [s.name for s in claim.attribution.chain] == ["Kola Pike"]


def test_a_pronoun_in_a_clause_under_a_person_described_stands_for_that_person():
    text = "Mara Okafor spoke. A 15-year-old brought out a gun he said was not loaded."
    assert _pronoun(text, "he", "Mara Okafor").name == "A 15-year-old"
    # a "he" never stands for a woman, nor a "she" set off by commas for the subject
    text = "John Mercer spoke. The woman held a phone he said was stolen."
    assert _pronoun(text, "he", "John Mercer").name == "John Mercer"
    text = "Mara Okafor spoke. The teenager, she says, grew up with her."
    assert _pronoun(text, "she", "Mara Okafor").name == "Mara Okafor"


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        ("A supervisor at the regional office in Avon said deer are down.",
         "A supervisor at the regional office in Avon",
         "A supervisor at the regional office in Avon"),
        ("Authorities in Orleans County, New York, said the boy was hurt.",
         "Authorities in Orleans County, New York", "Authorities in Orleans County"),
        # a day is no place, and "with" names no post
        ("The brother of a victim from Saturday said he was angry.",
         "The brother of a victim from Saturday", "The brother"),
        ("A defector with contacts in North Korea said the video exists.",
         "A defector with contacts in North Korea", "A defector"),
    ],
)  # fmt: skip
def test_an_unnamed_official_keeps_the_place_or_body_named_after_them(text, mention, name):
    assert _kind(text, mention)[0] == name


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        ("A worker at the corner store said shots are common.",
         "A worker at the corner store", "A worker at the corner store"),
        ("A man inside a nearby apartment said he heard one shot.",
         "A man inside a nearby apartment", "A man inside a nearby apartment"),
        ("A spokesperson for the department would not say why.",
         "A spokesperson for the department", "A spokesperson for the department"),
        # an age is no place, and police at a scene are police
        ("A woman in her 40s said she saw nothing.", "A woman in her 40s", "A woman"),
        ("Police at the scene said two men fled.", "Police at the scene", "Police"),
    ],
)  # fmt: skip
def test_an_unnamed_person_keeps_the_place_a_common_noun_gives(text, mention, name):
    assert _kind(text, mention)[0] == name


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        ("The rise is small, according to fuel app GasBuddy's annual forecast.",
         "fuel app GasBuddy's annual forecast", "GasBuddy's annual forecast"),
        ("The Orange County incident report states he denied it.",
         "The Orange County incident report", "Orange County incident report"),
        ("A report from the audit office says waste grew.",
         "A report from the audit office", "audit office report"),
    ],
)  # fmt: skip
def test_a_document_is_named_as_the_text_describes_it_from_its_owner(text, mention, name):
    assert _kind(text, mention) == (name, "document_report")


def test_a_force_printed_in_short_form_takes_the_full_name_the_text_gives_it():
    text = (
        "The Fairbanks Police Department came. The pier shut, Fairbanks police said. "
        "Pellin police said the road was shut."
    )
    resolver = SourceResolver(load_nlp()(text))
    assert resolver.resolve(Span.find(text, "Fairbanks police")).name == (
        "Fairbanks Police Department"
    )
    assert resolver.resolve(Span.find(text, "Pellin police")).name == "Pellin police"


@pytest.mark.parametrize(
    ("text", "mention", "kind"),
    [
        (
            "District Attorney Dale Lund said charges would follow.",
            "District Attorney Dale Lund",
            "government_official",
        ),
        ("Sen. John Mercer said the bill would pass.", "Sen. John Mercer", "government_official"),
        (
            "Assistant Chief Dale Lund said the road was shut.",
            "Assistant Chief Dale Lund",
            "government_official",
        ),
        ("A GoFundMe page says the boy loved sailing.", "A GoFundMe page", "document_report"),
        ("The school district said counselors would help.", "The school district", "organisation"),
        ("The harbour authority said the pier was shut.", "The harbour authority", "organisation"),
        ("The victim's family said he loved the pier.", "The victim's family", "unnamed_group"),
        ("The Lund family said he loved the pier.", "The Lund family", "unnamed_group"),
        ("The fire chief said the roof fell in.", "The fire chief", "government_official"),
        ("The airline said the flight was late.", "The airline", "organisation"),
        ("Ana Ruiz, who lives nearby, said it was chaos.", "Ana Ruiz", "named_person"),
        ("Brightwave Labs said sales had doubled.", "Brightwave Labs", "organisation"),
        (
            "Pellin Motors chief executive Ana Ruiz said costs rose.",
            "Pellin Motors chief executive Ana Ruiz",
            "named_person",
        ),
        (
            "The district attorney said charges would follow.",
            "The district attorney",
            "government_official",
        ),
        ("The attorney said charges would follow.", "The attorney", "anonymous_person"),
        (
            "The Dover County Medical Examiner's Office said he was shot.",
            "The Dover County Medical Examiner's Office",
            "organisation",
        ),
        (
            "Pellin Police Department News Affairs Officer Dale Lund said it was late.",
            "Pellin Police Department News Affairs Officer Dale Lund",
            "government_official",
        ),
    ],
)
def test_kinds_of_offices_pages_districts_and_families(text, mention, kind):
    assert _kind(text, mention)[1] == kind


def test_a_name_the_tagger_missed_after_a_title_is_the_titled_person():
    # the small tagger finds no entity in "Detective Kola Pike"
    text = "Detective Kola Pike said the gun was loaded."
    assert _kind(text, "Detective Kola Pike") == ("Kola Pike", "government_official")


def test_a_mention_stopping_at_an_owner_runs_on_to_what_is_owned():
    text = "Dale Lund's family said he was kind."
    source = SourceResolver(load_nlp()(text)).resolve(Span.of(text, 0, len("Dale Lund's")))
    assert (source.name, source.kind) == ("Dale Lund's family", SourceKind.UNNAMED_GROUP)


def test_a_description_refers_back_only_to_a_body_it_can_name():
    text = (
        "Detective Kola Pike said the gun was loaded. The Dover Police Department said the "
        "boy was hit. In a post, the school said classes would resume. The medical "
        "examiner's office said the boy died."
    )
    resolver = SourceResolver(load_nlp()(text))
    names = []
    for mention in (
        "Detective Kola Pike",
        "The Dover Police Department",
        "the school",
        "The medical examiner's office",
    ):
        start = text.index(mention)
        names.append(resolver.resolve(Span.of(text, start, start + len(mention))).name)
    assert names[2:] == ["the school", "The medical examiner's office"]


@pytest.mark.parametrize(
    ("text", "mention", "kind"),
    [
        (
            "Mayor John Mercer's spokesman said the pier would close.",
            "Mayor John Mercer's spokesman",
            "government_official",
        ),
        (
            "A spokesman for Mayor John Mercer said the pier would close.",
            "A spokesman for Mayor John Mercer",
            "government_official",
        ),
        (
            "Walter Pike's spokesman said the club would pay.",
            "Walter Pike's spokesman",
            "anonymous_person",
        ),
    ],
)
def test_a_spokesperson_speaks_for_an_office_holder_as_an_official(text, mention, kind):
    source = _source(text, mention)
    assert source.kind.value == kind
    assert "spokesman" in source.name  # the spokesman speaks, not the one spoken for


def test_a_spokesperson_for_a_body_named_after_the_span_speaks_for_that_body():
    # the tagger's span stops at "A spokesperson"; the university is no government body
    text = "A spokesperson for the university said more work was needed."
    assert _source(text, "A spokesperson").kind is SourceKind.ANONYMOUS_PERSON
    text = "A spokesperson for the county council said more work was needed."
    assert _source(text, "A spokesperson").kind is SourceKind.GOVERNMENT_OFFICIAL


def test_the_paper_a_source_told_is_the_outlet_named_before():
    text = (
        "The findings were first reported by the Dover Courier. A spokesperson for the "
        "university told the paper that more work was needed."
    )
    assert [chain for chain in _chains(text) if chain] == [
        [
            ("Dover Courier", "media_outlet"),
            ("A spokesperson for the university", "anonymous_person"),
        ]
    ]


def test_an_autopsy_is_a_record():
    text = "The autopsy found that the skipper drowned."
    assert _kind(text, "The autopsy")[1] == "document_report"
    text = "The investigation revealed that the ferry had no lights."
    assert _kind(text, "The investigation")[1] == "document_report"
    assert _kind('"She loved sailing," her obituary says.', "her obituary")[1] == "document_report"


def test_a_document_described_by_a_word_of_its_own_kind_is_no_other_document():
    text = (
        "Walter Pike was charged on Monday, the affidavit says. The funeral is Wednesday. "
        "Pike loved the sea, the obituary says.\n\nA paper in the Dover Journal found that "
        "the pier is unsafe. The study says it will close."
    )
    sources = [chain[-1][0] for chain in _chains(text) if chain]
    assert sources[:2] == ["the affidavit", "the obituary"]
    # a generic word ("the study") still stands for any document before it
    assert sources[-1] == sources[-2] != "The study"
    # the same where the parser hung both on "states" read as a noun, "obituary" an adjective
    text = text.replace("says", "states")
    assert [chain[-1] for chain in _chains(text) if chain][:2] == [
        ("affidavit", "document_report"),
        ("obituary", "document_report"),
    ]


def test_documents_misread_as_a_verb_are_the_documents_named_before():
    # the parser reads "the court documents state" with "documents" a verb: still plural,
    # still the court documents, and the video they describe is their inner source
    text = (
        "Court documents say Walter Pike fled on foot. The surveillance video shows a man "
        "running from the pier and a bag was found in the street, the court documents state."
    )
    assert [
        ("Court documents", "document_report"),
        ("The surveillance video", "document_report"),
    ] in [chain for chain in _chains(text)]


def test_a_police_source_is_an_official_police_sources_a_group():
    text = "A law enforcement source told the paper that Lund had been ill."
    assert _kind(text, "A law enforcement source")[1] == "government_official"
    assert _kind("Lund was ill, police sources said.", "police sources")[1] == "unnamed_group"
    text = "A source close to the family said Lund was ill."
    assert _kind(text, "A source close to the family")[1] == "anonymous_person"


_PIKE = (
    "A 15-year-old boy was shot near the Pellin pier late Sunday, police said.\n\n"
    '"He was a quiet kid," said Walter Pike, who owns the bar next to the pier. '
    '"Everybody liked him."\n\n'
    '"We are heartbroken," the family said in a statement. The statement said the boy '
    "loved sailing.\n\n"
    'Pike, 45, said he heard four shots. He added: "I thought it was fireworks."\n'
)


def test_a_surname_with_an_age_is_the_person_named_in_full_before():
    # the tagger reads this "Pike" as an adverb; the age is no part of the name
    speakers = [chain[-1] for chain in _chains(_PIKE) if chain]
    assert speakers[-2:] == [("Walter Pike", "named_person")] * 2


def test_a_he_is_not_the_family_that_spoke_before():
    text = (
        "Walter Pike said the boy was quiet.\n\n"
        '"We are heartbroken," the family said. He added that the boy loved sailing.'
    )
    assert [chain for chain in _chains(text) if chain][-1] == [("Walter Pike", "named_person")]


def test_an_unnamed_source_keeps_what_puts_it_in_the_know_and_no_name_in_it_speaks():
    assert _kind(
        "The pier will shut, two sources close to John Mercer said.",
        "two sources close to John Mercer",
    ) == ("two sources close to John Mercer", "unnamed_group")
    assert _kind(
        "The pier will shut, people familiar with the plans said.",
        "people familiar with the plans",
    ) == ("people familiar with the plans", "unnamed_group")


@pytest.mark.parametrize(
    ("text", "mention", "name", "kind"),
    [
        # a council seat is an office
        (
            "Councilwoman Mara Okafor said the mill was unsafe.",
            "Councilwoman Mara Okafor",
            "Mara Okafor",
            "government_official",
        ),
        # a staff post held in a government body, named after the person
        (
            "Dale Lund, director of the state Department of Health, said the air was safe.",
            "Dale Lund, director of the state Department of Health,",
            "Dale Lund",
            "government_official",
        ),
        # ... but not in a firm, nor in an "office" any body may have
        (
            "Dale Lund, a director of Brightwave, said the plant would close.",
            "Dale Lund, a director of Brightwave,",
            "Dale Lund",
            "named_person",
        ),
        (
            "Dale Lund, director of the Office of Public Art, said the mural was done.",
            "Dale Lund, director of the Office of Public Art,",
            "Dale Lund",
            "named_person",
        ),
    ],
)
def test_an_office_is_a_seat_or_a_post_in_a_government_body(text, mention, name, kind):
    assert _kind(text, mention) == (name, kind)


def test_a_name_the_tagger_missed_is_a_person_where_words_beside_it_describe_one():
    text = "Ana Ruiz, a program manager for the city of Dover, said the council would pay."
    doc = load_nlp()(text)
    doc.ents = [e for e in doc.ents if e.label_ != "PERSON"]
    mention = doc.char_span(0, text.index(", said"), alignment_mode="expand")
    name, kind = classify(mention, [e for e in doc.ents if mention.start <= e.start < mention.end])
    assert (name, kind) == ("Ana Ruiz", SourceKind.GOVERNMENT_OFFICIAL)
    text = '"He was a good kid," his aunt, Ana Ruiz, told reporters.'
    doc = load_nlp()(text)
    doc.ents = [e for e in doc.ents if e.label_ != "PERSON"]
    mention = doc.char_span(text.index("his aunt"), text.index(", told"))
    name, kind = classify(mention, [e for e in doc.ents if mention.start <= e.start < mention.end])
    assert (name, kind) == ("Ana Ruiz", SourceKind.NAMED_PERSON)


def test_court_papers_are_documents_also_where_the_parser_reads_a_verb():
    assert _kind("According to charging documents, a witness saw Pike.", "charging documents") == (
        "charging documents",
        "document_report",
    )
    assert _kind("The affidavit says police found a rifle.", "The affidavit")[1] == (
        "document_report"
    )


def test_health_and_local_officials_speak_for_government_and_a_post_is_a_document():
    assert _kind("Health officials said there is no cure.", "Health officials")[1] == (
        "government_official"
    )
    assert _kind("Local officials said the quay was safe.", "Local officials")[1] == (
        "government_official"
    )
    # the parser reads "A viral post claims" as one noun phrase
    assert _kind("A viral post claims that hot water kills the virus.", "A viral post")[1] == (
        "document_report"
    )


def test_kin_of_a_name_the_tagger_took_for_a_body_is_an_unnamed_person():
    text = "Dale Phillips was charged. Phillips' mother said she was shocked."
    doc = load_nlp()(text)
    doc.ents = [e for e in doc.ents if e.label_ != "PERSON"]
    mention = doc.char_span(text.index("Phillips' mother"), text.index(" said"))
    ents = [e for e in doc.ents if mention.start <= e.start < mention.end]
    assert classify(mention, ents) == ("Phillips' mother", SourceKind.ANONYMOUS_PERSON)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # whom a report cites is the link inside it; citing a reason cites no one
        (
            "A man was arrested over the fire at the Pellin mill, the Dover Courier reported, "
            "citing two police officials.\n\nThe quay will close in May, the Shore Wire said, "
            "citing an internal memo. The ferry will stop, the board said, citing the cost.",
            [
                [
                    ("Dover Courier", "media_outlet"),
                    ("two police officials", "government_official"),
                ],
                [("Shore Wire", "media_outlet"), ("an internal memo", "document_report")],
                [("the board", "organisation")],
            ],
        ),
        # the outlet a source confirmed or said it to is the link outside the source
        (
            "The Pellin ferry app is closing.\n\nA spokesperson for Brightwave confirmed to the "
            "Dover Courier that the app would shut in June. Mara Okafor said to Quaynews that "
            "the pier was safe.",
            [
                [
                    ("Dover Courier", "media_outlet"),
                    ("Brightwave spokesperson", "anonymous_person"),
                ],
                [("Quaynews", "media_outlet"), ("Mara Okafor", "named_person")],
            ],
        ),
    ],
)
def test_an_outlet_that_relays_or_cites_is_a_link_of_the_chain(text, expected):
    chains = _chains(text)
    assert all(chain in chains for chain in expected)


def test_a_nationality_or_place_describing_a_body_is_not_its_name():
    text = "The ferry will close, the Swiss-based team said."
    assert _kind(text, "the Swiss-based team") == ("the Swiss-based team", "organisation")
    text = "The ferry will close, a Texas company said."
    assert _kind(text, "a Texas company") == ("a Texas company", "organisation")
    # a body's own name before its head still names it
    assert _kind("The ferry will close, the NASA team said.", "the NASA team") == (
        "NASA",
        "organisation",
    )


def test_an_outlet_named_by_its_last_word_is_the_outlet_named_in_full_before():
    text = (
        "Pellin Radio and the Dover Courier spoke with the skipper, Dale Lund. "
        '"The ferry had been leaking for weeks," the Courier reported.'
    )
    assert [chain for chain in _chains(text) if chain] == [[("Dover Courier", "media_outlet")]]


def test_a_paragraph_a_line_ending_in_a_colon_introduces_is_the_subjects():
    text = (
        "On Sunday, Pellin Police issued the following press release:\n\n"
        "Officers were sent to a reported shooting on Quay Road at 7.38 p.m.\n\n"
        "Mara Okafor said she heard two shots."
    )
    assert [chain for chain in _chains(text) if chain] == [
        [("Pellin Police", "organisation")],
        [("Mara Okafor", "named_person")],
    ]
    # a colon in running text introduces no block
    text = "On Sunday, Pellin Police issued the following press release: officers were sent."
    assert [chain for chain in _chains(text) if chain] == []


def test_a_subject_a_relative_clause_parts_from_its_verb_is_still_the_source():
    text = (
        "Two city officials, who spoke on condition of anonymity because they were not "
        "allowed to discuss the case, said the ferry had been overloaded."
    )
    assert [chain for chain in _chains(text) if chain] == [
        [("Two city officials", "government_official")]
    ]


def test_evidence_found_or_not_found_is_the_finders_claim():
    from newstrace import analyze

    text = "Fact-checkers at the Dover Courier found no evidence that the photo was from Pellin."
    claims = analyze(text).claims
    assert [(c.span.text, c.attribution.source.name) for c in claims] == [
        ("no evidence that the photo was from Pellin", "Fact-checkers at the Dover Courier")
    ]
    assert claims[0].certainty.level.value == "negated"


def test_what_a_study_found_named_by_a_noun_is_its_claim():
    from newstrace import analyze

    def ledger(text):
        return [
            (c.span.text, c.attribution.source.name, c.certainty.level.value)
            for c in analyze(text).claims
        ]

    assert ledger("The study found a link between ferry noise and poor sleep.") == [
        ("a link between ferry noise and poor sleep", "The study", "attributed")
    ]
    assert ledger("The researchers did not find any difference between the two harbours.") == [
        ("any difference between the two harbours", "The researchers", "negated")
    ]
    # a thing found where it lay is no finding
    text = "The researchers found the bones in a cave near Pellin."
    assert ledger(text) == [(text, "the article", "asserted")]


def test_a_trial_or_an_experiment_that_shows_is_a_document():
    for text, mention in (
        ("The trial showed that the harbour drug works.", "The trial"),
        ("The experiment showed that the mice lived longer.", "The experiment"),
    ):
        assert _kind(text, mention)[1] == "document_report", text


def test_a_call_sign_names_its_station_and_an_interview_with_an_outlet_relays_it():
    assert _chains("The mayor told WPLN News that the pier was shut.") == [
        [("WPLN News", "media_outlet"), ("The mayor", "government_official")]
    ]
    assert _chains("The pier was shut, the mayor said in an interview with the Dover Courier.") == [
        [("Dover Courier", "media_outlet"), ("the mayor", "government_official")]
    ]
    # an interview with anyone else relays nothing
    assert _chains("The pier was shut, the mayor said in an interview with his lawyer.") == [
        [("the mayor", "government_official")]
    ]


def test_records_an_outlet_obtained_are_the_source_the_outlet_relayed():
    assert _chains(
        "The pier was unsafe, according to documents obtained by the Dover Courier."
    ) == [[("Dover Courier", "media_outlet"), ("documents", "document_report")]]
    # a body that published a study still names it
    assert _chains("A study published by the University of Reading found that tea helps.") == [
        [("University of Reading study", "document_report")]
    ]


def test_a_one_word_name_opening_the_text_keeps_its_name():
    text = "Lund told investigators that he did not mean it, Sheriff Walter Pike said."
    assert _kind(text, "Lund") == ("Lund", "named_person")


def test_a_name_typed_a_body_that_says_i_is_a_person():
    from newstrace import analyze

    text = (
        "A new homeowner was handcuffed in Pellin."
        '"I had to spend a night in jail," Brightwave Poore said.'
    )
    poore = [c for c in analyze(text).claims if c.attribution.source.name == "Brightwave Poore"]
    assert poore and all(c.attribution.source.kind is SourceKind.NAMED_PERSON for c in poore)
    text = '"I believe he was scared," the Pellin Police Department said.'
    [claim] = analyze(text).claims
    assert claim.attribution.source.kind is not SourceKind.NAMED_PERSON  # a body's words


def _sources(text: str) -> list[tuple[str, str]]:
    from newstrace import analyze

    return [
        (c.attribution.source.name, c.attribution.source.kind.value)
        for c in analyze(text).claims
        if c.attribution.cue is not None
    ]


def test_a_capitalised_plural_opening_a_sentence_is_a_group_not_a_body():
    text = "A fire broke out at noon. Dispatchers said that the bullet grazed the boy's arm."
    assert _sources(text) == [("Dispatchers", "unnamed_group")]
    # a surname the tagger also reads as a plural stays no group
    text = "Police found a gun. McQuilliams said he hit someone with the handle."
    assert ("McQuilliams", "unnamed_group") not in _sources(text)


def test_we_in_capitals_or_glued_to_its_verb_is_the_article_itself():
    assert _sources("Police came at 11pm.We've learned that the two men were friends.") == [
        ("the article", "the_article")
    ]
    assert _sources("SIX PEOPLE WERE SHOT. WE'RE TOLD THEY'RE GOING TO BE OKAY.") == [
        ("the article", "the_article")
    ]


def test_an_owner_or_a_manager_at_a_body_is_an_unnamed_person():
    assert _kind("The owner of Brightwave said the club is shut.", "The owner of Brightwave") == (
        "The owner",
        "anonymous_person",
    )
    assert _kind(
        "Two workers at the Pellin plant said it was loud.", "Two workers at the Pellin plant"
    )[1] == ("unnamed_group")


def test_a_name_a_who_clause_describes_is_a_person_even_if_tagged_a_body():
    text = "Riley, who worked at Brightwave, said he sometimes sold drugs for a friend."
    assert _kind(text, "Riley, who worked at Brightwave,") == ("Riley", "named_person")
    text = "A tearful Ana Ruiz, who lives nearby, said the victim was a close friend."
    assert _kind(text, "A tearful Ana Ruiz, who lives nearby,") == ("Ana Ruiz", "named_person")


def test_a_body_keeps_the_proper_nouns_up_to_its_head_but_no_post():
    text = "The Pellin Highway Patrol later said that three officers were hurt."
    assert _kind(text, "The Pellin Highway Patrol") == ("Pellin Highway Patrol", "organisation")


def test_a_police_rank_abbreviated_keeps_its_name_and_office():
    assert _sources("The man was shot twice, according to Tfc. Sam Riley of the state police.") == [
        ("Sam Riley", "government_official")
    ]
    assert _sources("The man was shot twice, said Cpt. Sam Riley.") == [
        ("Sam Riley", "government_official")
    ]


def test_a_double_surname_alone_is_the_person_named_in_full_before():
    text = "Her sister, Nicole Minor-Melvin, came at noon. Minor-Melvin said the family was close."
    assert ("Nicole Minor-Melvin", "named_person") in _sources(text)
    text = "Police arrested Kevin McQuilliams, 25, on Friday. McQuilliams said it went off."
    assert ("Kevin McQuilliams", "named_person") in _sources(text)


def test_they_after_officials_in_its_sentence_is_those_officials():
    assert _sources("Pellin Police arrested a man they say fired a shotgun at a bus.") == [
        ("Pellin Police", "organisation")
    ]
    text = "When police arrived on scene, they learned that a boy had shot himself."
    assert _sources(text) == [("police", "government_official")]
    assert _sources("Neighbors said they heard two shots.")[0] == ("Neighbors", "unnamed_group")


def test_a_name_with_a_post_in_apposition_is_that_person():
    text = '"It comes down to a judgment call," Reynolds, the Pellin DA, said.'
    assert _sources(text) == [("Reynolds", "government_official")]
    text = "The shooting brought back memories for Crystal, who said her husband died in 2010."
    assert ("Crystal", "named_person") in _sources(text)


def test_a_kinsman_owning_a_speaker_is_no_publisher_nor_is_a_surname_told():
    text = '"He cared for her," said Mark Weekly\'s brother, Mike Weekly.'
    assert _chains(text) == [[("Mike Weekly", "named_person")]]
    text = (
        "Magistrate Rob Clariday set a $30,000 bond. "
        "Pike told Clariday that he wanted to be out of jail to see his son."
    )
    assert all("media_outlet" not in {k for _, k in chain} for chain in _chains(text))


def test_an_unnamed_dispatcher_at_a_body_is_a_person_not_the_body():
    text = "A MetroSafe dispatcher has confirmed that two people were shot near the park."
    assert _sources(text) == [("A MetroSafe dispatcher", "anonymous_person")]


def test_a_plural_for_people_opening_a_sentence_is_a_group_however_tagged():
    from spacy.tokens import Doc

    from newstrace.analyze.sources import _people_opening

    def opening(word: str, tag: str = "NNP"):
        doc = Doc(load_nlp().vocab, words=[word, "told", "WPLN"], tags=[tag, "VBD", "NNP"])
        return _people_opening(doc[0:1])

    assert opening("Neighbors") == ("Neighbors", SourceKind.UNNAMED_GROUP)
    assert opening("Deputies") == ("Deputies", SourceKind.GOVERNMENT_OFFICIAL)
    assert opening("Williams") is None  # a surname
    assert opening("Neighbors", "NNS") is None  # a common noun goes the common way


def test_a_name_opening_a_sentence_tagged_as_one_is_the_full_name_of_its_surname():
    text = (
        "Amanda Viscomi, the acting clerk, said the village was closed. Police swarmed the "
        'area. "Everybody is on lockdown," Viscomi said.'
    )
    assert ("Amanda Viscomi", "named_person") in _sources(text)
