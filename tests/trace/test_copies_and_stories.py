"""Copies, stories and origins on small fictional corpora, without the analyser."""

from __future__ import annotations

from collections import Counter
from datetime import date

import numpy as np

from newstrace.engines.local import find_copies, group_stories, weigh_corpus
from newstrace.model import ArticleStatus, Citation, Span, TracedArticle
from newstrace.trace.fingerprint import Fingerprint, fingerprint
from newstrace.trace.index import IndexedArticle
from newstrace.trace.options import TraceOptions
from newstrace.trace.origin import find_origin

OPTIONS = TraceOptions()

REPORT = (
    "Engineers at the Pellin Quay swing bridge found rusted gears during a routine inspection "
    "on Monday, and the harbour board closed the crossing to traffic while repairs are planned. "
    "The board said the bridge carried about 4,000 vehicles a day and that buses would be "
    "diverted through Marlow Street for at least six weeks. Traders on the quay said the spring "
    "market, which opens on 3 March, would lose most of its passing trade. "
    '"We had no warning at all," said Ada Penrose, who runs a fish stall beside the bridge.'
)
QUOTE_ONLY = (
    "Stallholders at the Pellin spring market are asking the council for a rent holiday after a "
    "week of empty aisles. Footfall fell by half, according to the market's own counters, and "
    "several traders said they might not renew their pitches in April. "
    '"We had no warning at all," said Ada Penrose, who runs a fish stall beside the bridge.'
)
LOOK_ALIKE = (
    "The Pellin Quay swing bridge reopened on Friday after a year of works to replace its "
    "deck, the harbour board said. The board said the new deck would carry heavier lorries "
    "and that the old timber would be sold to a boatyard in Marlow. Traders on the quay welcomed "
    "the reopening after twelve months of detours."
)


# Two strikes told in one outlet's stock wording: same sentences, other town, people, figures.
STRIKE = (
    "Drivers on the buses and trams in {town} will strike for {days} days from {day} after "
    "pay talks with the operator collapsed late on Sunday night. {person}, the union's branch "
    "secretary, said the company had offered a rise of {offer} per cent, against the {ask} per "
    "cent that members are seeking. Most of the routes in the area could be affected, the "
    "operator said, and passengers were advised to check before they travel and to allow "
    "extra time for their journeys. Business groups warned that a long dispute would hurt "
    "shops and cafes that rely on passing trade, and called on both sides to return to talks "
    "as soon as possible."
)


def _print(article_id, text, published=None, outlet=None):
    return fingerprint(article_id, text, published, outlet)


def _weighed(prints, cites=None):
    """The articles as the candidate stages see them; ``cites``: article id -> outlets."""
    indexed = [
        IndexedArticle(
            TracedArticle(p.article_id, ArticleStatus.OK),
            p,
            tuple(
                Citation(p.article_id, name, Span(0, 0, ""))
                for name in (cites or {}).get(p.article_id, ())
            ),
        )
        for p in prints
    ]
    return weigh_corpus(indexed, OPTIONS)


def _copies(prints, cites=None):
    return find_copies(_weighed(prints, cites), OPTIONS)


def _stories(prints, copies):
    return group_stories(_weighed(prints), copies, OPTIONS)


def test_verbatim_copy_with_its_own_intro_and_footer_is_found_and_points_back():
    original = _print("gazette", REPORT, date(2025, 2, 10), "Pellin Gazette")
    copy = _print(
        "wire",
        "PELLIN (Shore Wire) -\n\n" + REPORT + "\n\nRead more news at Shore Wire.",
        date(2025, 2, 11),
        "Shore Wire",
    )
    [edge] = _copies([copy, original])
    assert (edge.article_id, edge.copy_of, edge.kind.value) == ("wire", "gazette", "verbatim")
    assert edge.overlap >= 0.8


def test_crediting_the_other_outlet_decides_direction_over_a_wrong_date():
    original = _print("gazette", REPORT, date(2025, 2, 10), "Pellin Gazette")
    copy = _print("wire", REPORT + " First reported by the Pellin Gazette.", date(2024, 1, 1))
    [edge] = _copies([original, copy], {"wire": {"Pellin Gazette"}})
    assert (edge.article_id, edge.copy_of) == ("wire", "gazette")


def test_sharing_only_a_quotation_is_not_copying():
    prints = [_print("report", REPORT), _print("market", QUOTE_ONLY)]
    assert _copies(prints) == []


def test_copy_of_a_wire_copy_points_at_the_first_text():
    prints = [
        _print("gazette", REPORT, date(2025, 2, 10)),
        _print("wire", REPORT + " Shore Wire.", date(2025, 2, 11)),
        _print("blog", REPORT, date(2025, 2, 12)),
    ]
    edges = {edge.article_id: edge.copy_of for edge in _copies(prints)}
    assert edges == {"wire": "gazette", "blog": "gazette"}


def test_look_alike_from_another_year_is_another_story():
    prints = [
        _print("report", REPORT, date(2025, 2, 10)),
        _print("copy", "Shore Wire:\n\n" + REPORT, date(2025, 2, 11)),
        _print("later", LOOK_ALIKE, date(2026, 3, 1)),
        _print("market", QUOTE_ONLY, date(2025, 2, 17)),
    ]
    copies = _copies(prints)
    groups = _stories(prints, copies)
    assert [0, 1] in groups
    assert [2] in groups


def test_another_event_told_in_the_same_stock_wording_is_neither_a_copy_nor_the_story():
    first = STRIKE.format(
        town="Fenmouth", days=2, day="Wednesday", person="Ada Penrose", offer=4.4, ask=7
    )
    second = STRIKE.format(
        town="Inchcarra", days=3, day="Friday", person="Tomas Brack", offer=3.1, ask=9
    )
    retold = first.replace("Most of the routes", "Nearly all of the routes").replace(
        "Business groups", "Shopkeepers"
    )
    prints = [
        _print("fenmouth", first, date(2025, 5, 5)),
        _print("inchcarra", second, date(2025, 5, 12)),
        _print("fenmouth-copy", retold, date(2025, 5, 6)),
    ]
    copies = _copies(prints)
    assert [(e.article_id, e.copy_of) for e in copies] == [("fenmouth-copy", "fenmouth")]
    assert sorted(_stories(prints, copies)) == [[0, 2], [1]]


def test_the_outside_outlet_most_versions_credit_is_the_origin():
    members = ["a", "b", "c"]
    cited = {"a": ["Northern Ledger"], "b": ["Northern Ledger", "Hill Radio"], "c": ["Hill Radio"]}
    cited["c"].append("Northern Ledger")
    origin = find_origin(members, {}, cited, {"a": "Valley Post"}, {"valley post"}, {})
    assert origin.article_id is None and origin.outlet == "Northern Ledger"
    assert "no article in the corpus" in origin.why


def test_one_credit_outside_is_no_origin_unless_the_first_version_gives_it():
    members = ["early", "late"]
    days = {"early": date(2025, 3, 1), "late": date(2025, 3, 9)}
    alone = find_origin(members, {}, {"late": ["Hill Radio"]}, {}, set(), days)
    assert alone.article_id == "early" and alone.outlet is None
    first = find_origin(members, {}, {"early": ["Hill Radio"]}, {}, set(), days)
    assert first.article_id is None and first.outlet == "Hill Radio"


def test_origin_is_the_version_others_derive_from_even_when_its_date_is_missing():
    members = ["copy", "source", "rewrite"]
    derived = {"copy": {"source"}, "rewrite": {"source"}}
    published = {"copy": date(2025, 2, 11), "source": None, "rewrite": date(2025, 2, 12)}
    origin = find_origin(members, derived, {}, {"source": "Pellin Gazette"}, set(), published)
    assert origin.article_id == "source"
    assert "copies no other" in origin.why and "2025-02-11" in origin.why


def test_a_copied_undated_version_comes_before_an_earlier_dated_one():
    """What is copied existed first: the undated original copied on 3 March beats a
    version dated 5 March, though only the copy's date says so."""
    members = ["original", "copy", "other"]
    derived = {"copy": {"original"}}
    days = {"original": None, "copy": date(2025, 3, 3), "other": date(2025, 3, 5)}
    assert find_origin(members, derived, {}, {}, set(), days).article_id == "original"


def test_origin_is_unknown_for_one_version_or_when_nothing_orders_them():
    one = find_origin(["only"], {}, {}, {"only": "Valley Post"}, set(), {})
    assert one.article_id is None and one.outlet is None and "one version" in one.why
    undated = find_origin(["a", "b"], {}, {}, {}, set(), {"a": None, "b": None})
    assert undated.article_id is None and undated.why.startswith("unknown")


def test_one_bridging_article_does_not_chain_two_events_into_one_story():
    """Two reports of each of two events, and a round-up naming both events' people: the
    round-up is alike to every report, but the two events' groups are not alike on average."""
    topic = Counter({"strik": 2, "driver": 2, "union": 1, "pay": 1, "talk": 1})

    def article(article_id, names):
        terms = topic + Counter({f"@{name}": 1 for name in names})
        return Fingerprint(article_id, np.zeros(0, dtype=np.uint32), terms, date(2025, 5, 5), None)

    prints = [
        article("first", ["ada", "penrose", "fenmouth"]),
        article("first-again", ["ada", "penrose", "fenmouth"]),
        article("round-up", ["ada", "penrose", "fenmouth", "tomas", "brack", "inchcarra"]),
        article("second", ["tomas", "brack", "inchcarra"]),
        article("second-again", ["tomas", "brack", "inchcarra"]),
    ]
    stories = _stories(prints, [])
    assert [0, 1] in [s[:2] for s in stories] and [3, 4] in [s[-2:] for s in stories]
    assert not any({0, 3} <= set(s) for s in stories)
