"""Seeded synthetic news corpora of any size, for the story-trace scaling benchmark.

The labelled corpus is small; the trace must stay near-linear from 10k to 40k articles, so this
writes as many articles as asked, in the articles format of build/CORPUS_SPEC.md with its gold
fields, and optionally the spec's drift lines. Every sentence comes from the templates below,
filled with generated names, places and numbers: stories share their vocabulary and differ in
their specifics, as real news does. Each story has an origin (or credits an outlet that is not
in the corpus) and verbatim copies, partial copies and rewrites, some with injected drift.
Streaming: only a window of open stories is held, whatever the size asked.

    .venv/bin/python bench/synth_corpus.py --articles 10000 --seed 1 -o corpus.jsonl \
        [--drift-out drift.jsonl]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import string
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

# ---------------------------------------------------------------- names

_FIRST_A = (
    "Al",
    "Ber",
    "Cal",
    "Dar",
    "El",
    "Fen",
    "Gil",
    "Hal",
    "Il",
    "Jor",
    "Kel",
    "Lor",
    "Mar",
    "Nel",
    "Or",
    "Per",
    "Quin",
    "Ros",
    "Sel",
    "Tam",
    "Ul",
    "Ver",
    "Wil",
    "Yar",
    "Zel",
    "Ad",
    "Bren",
    "Cor",
    "Del",
    "Ev",
    "Fal",
    "Gwen",
    "Har",
    "Is",
    "Jas",
    "Kit",
    "Lin",
    "Mae",
    "Nor",
    "Os",
)
_FIRST_B = ("a", "an", "en", "ia", "ie", "on", "o", "is", "ette", "ina", "ric", "win", "ya", "el")
_SUR_A = (
    "Ash",
    "Bar",
    "Black",
    "Brock",
    "Carr",
    "Dun",
    "Eld",
    "Fair",
    "Gold",
    "Hay",
    "Hol",
    "Ives",
    "Kirk",
    "Lang",
    "Marsh",
    "Nor",
    "Oak",
    "Pen",
    "Rad",
    "Salt",
    "Thorn",
    "Tull",
    "Up",
    "Vane",
    "Whit",
    "Yew",
    "Cran",
    "Fell",
    "Grim",
    "Lind",
    "Moss",
    "Ock",
    "Pry",
    "Rook",
    "Stan",
    "Wex",
    "Dal",
    "Hart",
    "Kell",
    "Brand",
)
_SUR_B = (
    "ley",
    "ford",
    "wood",
    "well",
    "by",
    "ton",
    "er",
    "son",
    "field",
    "ridge",
    "man",
    "hurst",
    "combe",
    "more",
    "stead",
    "wick",
    "worth",
    "dale",
    "ham",
    "sey",
)
_PLACE_A = (
    "Mar",
    "Keld",
    "Oster",
    "Brin",
    "Calder",
    "Dun",
    "Fen",
    "Hather",
    "Ives",
    "Lun",
    "Mor",
    "Nether",
    "Pol",
    "Quarry",
    "Rav",
    "Sedge",
    "Tarn",
    "Ulver",
    "Wen",
    "Yarl",
    "Ash",
    "Bram",
    "Cres",
    "Drum",
    "Elm",
    "Gar",
    "Holm",
    "Kin",
    "Lox",
    "Mire",
    "Sal",
    "Thorn",
    "Wych",
    "Corr",
)
_PLACE_B = (
    "wick",
    "ford",
    "mouth",
    "by",
    "ham",
    "ton",
    "stow",
    "bridge",
    "dale",
    "thorpe",
    "hythe",
    "combe",
    "field",
    "moor",
    "haven",
)
_PLACE_WORD = (
    "Bay",
    "Point",
    "Cross",
    "Green",
    "Heath",
    "Falls",
    "Harbour",
    "Vale",
    "Ridge",
    "Mills",
)
_REGION_END = ("shire", "land", "mark", "dale")
_ISLAND_END = ("ay", "ey", "holm", "sey")
_COMPANY_KIND = (
    "Foods",
    "Motors",
    "Textiles",
    "Logistics",
    "Pharma",
    "Systems",
    "Industries",
    "Plastics",
    "Brewing",
    "Paper",
    "Electronics",
    "Robotics",
    "Ceramics",
    "Appliances",
)
_OUTLET_KIND = (
    ("Gazette", True),
    ("Herald", True),
    ("Courier", True),
    ("Post", True),
    ("Chronicle", True),
    ("Observer", True),
    ("Ledger", True),
    ("Times", True),
    ("Mercury", True),
    ("Echo", True),
    ("Radio", False),
    ("Press", False),
    ("News", False),
    ("Daily", False),
    ("Online", False),
    ("Wire", False),
    ("Today", False),
    ("Live", False),
)
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _first(rng: random.Random) -> str:
    return rng.choice(_FIRST_A) + rng.choice(_FIRST_B)


def _surname(rng: random.Random) -> str:
    return rng.choice(_SUR_A) + rng.choice(_SUR_B)


def _base(rng: random.Random) -> str:
    return rng.choice(_PLACE_A) + rng.choice(_PLACE_B)


def _place(rng: random.Random) -> str:
    if rng.random() < 0.3:
        return f"{rng.choice(_PLACE_A)}{rng.choice(_PLACE_B)} {rng.choice(_PLACE_WORD)}"
    return _base(rng)


def _named(spec: str, rng: random.Random) -> str:
    """A value for a slot spec other than numbers; see _EVENTS for the spec forms."""
    kind, _, arg = spec.partition(":")
    if kind == "person":
        return f"{_first(rng)} {_surname(rng)}"
    if kind == "place":
        return _place(rng)
    if kind == "region":
        return rng.choice(_PLACE_A) + rng.choice(_REGION_END)
    if kind == "island":
        return rng.choice(_PLACE_A) + rng.choice(_ISLAND_END)
    if kind == "company":
        return f"{rng.choice((_base, _surname))(rng)} {rng.choice(_COMPANY_KIND)}"
    if kind == "institute":
        return rng.choice(
            ("the {} Institute", "{} University", "the {} Centre for Policy Studies")
        ).format(_base(rng))
    if kind == "day":
        return rng.choice(_DAYS)
    if kind == "month":
        return rng.choice(_MONTHS)
    if kind == "pick":
        return rng.choice(arg.split("|"))
    if kind == "name":
        return arg.format(P=_base(rng), S=_surname(rng), F=_first(rng))
    raise ValueError(f"unknown slot spec {spec!r}")


def _value(spec: str, rng: random.Random) -> str:
    kind, _, arg = spec.partition(":")
    if kind in ("int", "year"):
        lo, hi, *step = (int(x) for x in arg.split(":"))
        n = rng.randrange(lo, hi + 1, step[0] if step else 1)
        return f"{n:,}" if kind == "int" else str(n)
    if kind == "dec":
        lo, hi = (float(x) for x in arg.split(":"))
        return f"{rng.uniform(lo, hi):.1f}"
    return _named(spec, rng)


def _mutate(spec: str, value: str, rng: random.Random) -> str | None:
    """A changed detail (number, day, month, place) or None when the slot has none."""
    kind, _, arg = spec.partition(":")
    if kind in ("int", "year"):
        n = int(value.replace(",", ""))
        lo, *rest = (int(x) for x in arg.split(":"))
        step = rest[1] if len(rest) > 1 else 1  # keep round numbers round
        span = max(step, n // 3) if kind == "int" else 3
        new = n + rng.choice((-1, 1)) * rng.randint(1, span)
        new = max(lo, new - new % step)
        if new == n:
            new = n + step
        return f"{new:,}" if kind == "int" else str(new)
    if kind == "dec":
        x = float(value)
        new = f"{x * rng.choice((0.6, 0.75, 1.3, 1.5, 2.0)):.1f}"
        return new if new != value else f"{x + 1:.1f}"
    if kind == "day":
        return rng.choice([d for d in _DAYS if d != value])
    if kind == "month":
        return rng.choice([m for m in _MONTHS if m != value])
    if kind == "place":
        if " " in value:
            head, tail = value.rsplit(" ", 1)
            return f"{head} {rng.choice([w for w in _PLACE_WORD if w != tail])}"
        for end in sorted(_PLACE_B, key=len, reverse=True):
            if value.endswith(end):
                return value[: -len(end)] + rng.choice([e for e in _PLACE_B if e != end])
    return None


# ---------------------------------------------------------------- templates
#
# A paragraph is a tuple of sentences: _p(variant, ...) plain sentences in one or more
# phrasings; _a(claim, source) a reported claim, phrased "S said c" / "c, S said" /
# "According to S, c" / "S said that c"; _q(quote, source) a direct quote. {slot} is filled
# from the story's facts; <<kind:weak|strong>> is a drift point, weak in the original and
# strong once drift is injected (hd hedge dropped, cu certainty upgraded, sf speculation as
# fact, ex exaggeration, ag attribution garbled, al attribution lost).
# Slot specs: person, place, region, island, company, institute, day, month,
# int:lo:hi[:step], year:lo:hi, dec:lo:hi, pick:a|b|c, name:<format with {P} {S} {F}>.


def _p(*variants: str) -> tuple:
    return ("p", variants, None, None)


def _a(claim: str, source: str, alt: str | None = None) -> tuple:
    return ("a", (claim,), source, alt)


def _q(quote: str, source: str) -> tuple:
    return ("q", (quote,), source, None)


_GENERIC_SLOTS = {
    "town": "place",
    "region": "region",
    "official": "person",
    "resident": "person",
    "analyst": "person",
    "spokes": "person",
    "institute": "institute",
    "day": "day",
    "day2": "day",
    "month": "month",
    "month2": "month",
    "years": "int:3:40",
    "pct2": "int:4:45",
    "span2": "int:5:30",
    "year0": "year:2012:2021",
    "pop": "int:4000:90000:100",
}

_GENERIC = (
    (
        _p(
            "<<ex:Some|Many>> residents of {town} <<hd:are said to be|are>> frustrated by how "
            "the matter has been handled."
        ),
        _q(
            "People here just want straight answers",
            "{resident}, who has lived in {town} for {years} years",
        ),
    ),
    (
        _a(
            "<<sf:the episode could be a sign of|the episode reflects>> wider strain on public "
            "services across {region}",
            "{analyst}, a researcher at {institute}",
        ),
    ),
    (
        _a(
            "similar cases have <<ex:risen|soared>> by {pct2} per cent across {region} since "
            "{year0}",
            "figures compiled by {institute}",
        ),
    ),
    (
        _p(
            "{official}, a senior regional official, <<cu:is considering|has ordered>> an "
            "independent review, according to two people familiar with the discussions."
        ),
    ),
    (
        _p(
            "{town}, a town of about {pop} people on the edge of {region}, has faced several "
            "similar disputes in recent years.",
            "Home to about {pop} people, {town} sits on the edge of {region} and has faced several "
            "similar disputes in recent years.",
        ),
    ),
    (
        _a(
            "<<hd:there may have been|there were>> warnings about the problem as early as {year0}",
            "an internal email seen by reporters",
        ),
    ),
    (
        _p(
            "Officials <<hd:reportedly |>>met on {day} to discuss the next steps, though no "
            "statement followed.",
            "No statement followed a meeting at which officials <<hd:reportedly |>>discussed the "
            "next steps on {day}.",
        ),
    ),
    (
        _a(
            "the response so far had been <<ex:slow|a disgrace>>",
            "{resident}, a shopkeeper in {town}",
        ),
    ),
    (
        _p(
            "A public meeting is planned for {day2} at the {town} community hall, where officials "
            "<<hd:are expected to|will>> answer questions."
        ),
    ),
    (
        _p(
            "<<sf:Analysts wonder whether the decision could prompt|The decision will prompt>> "
            "similar moves elsewhere in {region}."
        ),
    ),
    (
        _q(
            "It is too early to say what this means for families in {town}",
            "{spokes}, a spokesperson for the regional government",
        ),
    ),
    (
        _a(
            "<<sf:if nothing changes by {month2}, the region could lose|the region will lose>> "
            "further investment",
            "a briefing paper prepared for regional ministers",
        ),
    ),
    (
        _p(
            "Local businesses said trade had <<ex:slowed|collapsed>> in recent weeks.",
            "Trade had <<ex:slowed|collapsed>> in recent weeks, local businesses said.",
        ),
        _a(
            "<<cu:the uncertainty appears to be|the uncertainty is>> keeping customers away",
            "{resident}",
        ),
    ),
    (
        _p(
            "The regional government <<hd:is expected to|will>> publish its own assessment in "
            "{month2}."
        ),
    ),
    (
        _a(
            "<<cu:the figures suggest|the figures prove>> the problem is not limited to {town}",
            "{analyst}, who has studied the region for {span2} years",
        ),
    ),
    (
        _p(
            "<<ag:A local councillor told reporters|The regional government said>> that it had not "
            "been consulted before the announcement."
        ),
    ),
)

_EVENTS = (
    (
        "council-budget",
        {
            "n_for": "int:6:14",
            "n_against": "int:1:7",
            "budget": "dec:3:95",
            "pct": "int:2:9",
            "service": "pick:libraries|bus routes|youth clubs|street lighting|swimming pools",
            "fin": "person",
            "hh_cost": "int:40:260",
        },
        (
            "{town} council approves {pct} per cent tax rise",
            "Tax rise passes as {town} sets {budget} million crown budget",
            "{town} budget vote: what the {pct} per cent rise means",
        ),
        (
            (
                _p(
                    "Councillors in {town} voted {n_for} to {n_against} on {day} to approve a {budget} "
                    "million crown budget that raises local taxes by {pct} per cent.",
                    "{town} councillors on {day} approved a {budget} million crown budget, including a "
                    "{pct} per cent rise in local taxes, by {n_for} votes to {n_against}.",
                ),
            ),
            (
                _a(
                    "the increase <<hd:could help keep|will keep>> the town's {service} open for at "
                    "least another year",
                    "{fin}, who chairs the council's finance committee",
                ),
                _a(
                    "<<ex:several|all>> other options on the table would have meant deeper cuts",
                    "{fin}",
                ),
            ),
            (
                _q(
                    "Nobody on this council wanted to raise taxes, but the alternative was closing "
                    "things people rely on",
                    "{fin}",
                ),
            ),
            (
                _a(
                    "<<cu:the rise is likely to|the rise will>> cost a typical household around "
                    "{hh_cost} crowns a year",
                    "a council briefing note",
                ),
                _p(
                    "Opposition councillors argued that the authority <<hd:may have|has>> "
                    "underestimated the cost to low-income families."
                ),
            ),
            (
                _p(
                    "The council <<cu:is considering|has agreed to>> a review of its spending on "
                    "{service} before next year's budget, according to papers published on {day2}."
                ),
            ),
        ),
    ),
    (
        "factory-closure",
        {
            "company": "company",
            "jobs": "int:80:1400",
            "year_open": "year:1952:1998",
            "product": "pick:frozen meals|car seats|garden furniture|paper towels|bicycle frames|"
            "ceramic tiles",
            "orders": "int:15:60",
            "union": "person",
            "boss": "person",
        },
        (
            "{company} to close {town} plant with {jobs} jobs at risk",
            "Workers face job losses as {company} shuts {town} factory",
            "{company} confirms plan to shut {product} plant in {town}",
        ),
        (
            (
                _p(
                    "{company} plans to close its {product} factory in {town} by {month}, putting {jobs} "
                    "jobs at risk.",
                    "The {product} factory run by {company} in {town} is set to close by {month}, with "
                    "{jobs} jobs at risk.",
                ),
            ),
            (
                _a(
                    "orders had <<ex:fallen|collapsed>> by {orders} per cent over the past two years",
                    "{boss}, the company's chief executive",
                ),
                _a("the site <<hd:could|would>> be sold once production ends", "{boss}"),
            ),
            (
                _p(
                    "The plant opened in {year_open} and is <<ex:one of the largest private "
                    "employers|by far the largest private employer>> in {town}.",
                    "Opened in {year_open}, the plant is <<ex:one of the largest private employers|by far "
                    "the largest private employer>> in {town}.",
                ),
            ),
            (
                _q(
                    "Our members found out from a press release, which tells you everything about how "
                    "this has been handled",
                    "{union}, a regional organiser for the workers' union",
                ),
                _a(
                    "the union <<cu:was weighing|had decided on>> legal action over the consultation "
                    "process",
                    "two people close to the talks",
                ),
            ),
            (
                _p(
                    "<<sf:Local officials fear the closure could trigger|The closure will trigger>> "
                    "further job losses among suppliers across {region}."
                ),
            ),
        ),
    ),
    (
        "storm",
        {
            "storm": "name:Storm {F}",
            "wind": "int:90:170",
            "homes": "int:12:600",
            "households": "int:200:9000",
            "crew": "person",
            "cost": "dec:1:40",
        },
        (
            "{storm} leaves {households} homes without power in {region}",
            "{storm} batters {town} with winds of {wind} km/h",
            "Clean-up begins in {town} after {storm}",
        ),
        (
            (
                _p(
                    "{storm} brought gusts of up to {wind} km/h to {town} overnight on {day}, leaving "
                    "about {households} households without power.",
                    "Gusts reaching {wind} km/h hit {town} as {storm} swept through on {day} night, "
                    "cutting power to roughly {households} households.",
                ),
            ),
            (
                _a(
                    "{homes} homes had been damaged, most of them along the seafront",
                    "{crew}, the area's chief fire officer",
                ),
                _a(
                    "<<ex:some|many>> roads <<hd:may|will>> stay closed until the weekend", "{crew}"
                ),
            ),
            (
                _p(
                    "<<ag:A resident told reporters|Emergency services said>> that a roof had been torn "
                    "off a school gym near the harbour."
                ),
            ),
            (
                _a(
                    "<<cu:early estimates suggest|estimates show>> repairs will cost more than {cost} "
                    "million crowns",
                    "the regional authority",
                ),
            ),
            (
                _p(
                    "Forecasters said a second band of rain <<hd:could|would>> arrive by {day2}, raising "
                    "the risk of flooding in low-lying parts of {region}."
                ),
            ),
        ),
    ),
    (
        "health-study",
        {
            "uni": "name:{P} University",
            "lead": "person",
            "n": "int:800:24000",
            "pct": "int:8:45",
            "span": "int:4:15",
            "habit": "pick:drinking two cups of tea a day|walking after dinner|eating fermented "
            "vegetables|sleeping with the window open|using a standing desk",
            "outcome": "pick:heart disease|type 2 diabetes|memory decline|back pain|migraines",
            "journal": "pick:the Journal of Regional Health|Clinical Notes Quarterly|the Northern "
            "Medical Review",
        },
        (
            "Study links {habit} to lower risk of {outcome}",
            "{uni} researchers report {pct} per cent drop in {outcome} risk",
        ),
        (
            (
                _p(
                    "A study from {uni} <<cu:suggests|proves>> that {habit} <<hd:may be|is>> linked to a "
                    "{pct} per cent lower risk of {outcome}.",
                    "{habit} <<hd:may be|is>> linked to a {pct} per cent lower risk of {outcome}, a study "
                    "from {uni} <<cu:suggests|proves>>.",
                ),
            ),
            (
                _a("the team followed {n} adults for {span} years", "{lead}, who led the research"),
                _a(
                    "the findings <<sf:could mean that doctors will one day recommend|mean that doctors "
                    "should recommend>> {habit} to patients",
                    "{lead}",
                ),
            ),
            (
                _q(
                    "This is an association, not proof of cause, and we need trials before anyone "
                    "changes their routine",
                    "{lead}",
                ),
            ),
            (
                _p(
                    "The study was published in {journal} on {day}.",
                    "The results appeared in {journal} on {day}.",
                ),
                _p(
                    "Independent experts called the study <<ex:useful|groundbreaking>> but noted that "
                    "participants reported their own habits."
                ),
            ),
        ),
    ),
    (
        "transfer",
        {
            "player": "person",
            "club_from": "name:{P} Rovers",
            "club_to": "name:{P} United",
            "fee": "dec:2:60",
            "span": "int:2:5",
            "age": "int:19:31",
            "agent": "person",
            "goals": "int:6:31",
            "fee_extra": "int:1:9",
        },
        (
            "{player} set to join {club_to} in {fee} million deal",
            "{club_to} close in on {club_from} striker {player}",
        ),
        (
            (
                _p(
                    "{club_to} <<hd:are reportedly close to|have agreed>> a {fee} million crown deal to "
                    "sign {club_from} striker {player}.",
                    "{club_from} striker {player} <<hd:is reportedly close to|has agreed>> a {fee} "
                    "million crown move to {club_to}.",
                ),
            ),
            (
                _a(
                    "the {age}-year-old <<hd:is expected to|will>> sign a {span}-year contract on {day}",
                    "people familiar with the negotiations",
                ),
            ),
            (
                _p(
                    "{player} scored {goals} goals last season as {club_from} <<ex:finished "
                    "strongly|dominated the league>>."
                ),
            ),
            (
                _q(
                    "Nothing is done until it is signed, and we are still talking",
                    "{agent}, the player's agent",
                ),
                _a(
                    "the fee <<cu:could rise|will rise>> by a further {fee_extra} million crowns with "
                    "add-ons",
                    "a source at {club_to}",
                ),
            ),
            (
                _p(
                    "<<sf:Supporters wonder whether the sale could signal|The sale signals>> a wider "
                    "clear-out at {club_from}, who face a tight budget this summer."
                ),
            ),
        ),
    ),
    (
        "court-ruling",
        {
            "judge": "person",
            "defendant": "company",
            "damages": "dec:0.5:25",
            "lawyer": "person",
            "appeal": "int:14:60",
            "issue": "pick:unpaid wages|a contaminated well|a cancelled contract|noise from a depot",
        },
        (
            "Court orders {defendant} to pay {damages} million in {town} case",
            "{defendant} loses court fight over {issue}",
        ),
        (
            (
                _p(
                    "A district court in {town} on {day} ordered {defendant} to pay {damages} million "
                    "crowns in damages over {issue}.",
                    "{defendant} must pay {damages} million crowns in damages over {issue}, a district "
                    "court in {town} ruled on {day}.",
                ),
            ),
            (
                _a(
                    "the company had <<ex:ignored|repeatedly ignored>> warnings raised by residents",
                    "judge {judge}",
                ),
                _a("{defendant} had {appeal} days to lodge an appeal", "the ruling"),
            ),
            (
                _q(
                    "This ruling shows that a large firm cannot simply wear people down",
                    "{lawyer}, who represented the residents",
                ),
            ),
            (
                _a(
                    "<<cu:the firm is considering|the firm will lodge>> an appeal",
                    "a spokesperson for {defendant}",
                ),
            ),
            (
                _p(
                    "<<sf:Legal observers said the case could open the door to|The case opens the door "
                    "to>> similar claims across {region}."
                ),
            ),
            (
                _p(
                    "The case began in {year0}, when residents in {town} first complained about "
                    "{issue}."
                ),
            ),
        ),
    ),
    (
        "election",
        {
            "winner": "person",
            "loser": "person",
            "pct": "int:34:58",
            "turnout": "int:28:71",
            "margin": "int:90:4000",
            "party_w": "pick:Green Alliance|Civic Party|Liberal Union",
            "party_l": "pick:Labour Front|Rural League|People's Movement",
        },
        (
            "{winner} wins {town} mayoral race",
            "{party_w} takes {town} as {winner} beats {loser}",
        ),
        (
            (
                _p(
                    "{winner} of the {party_w} won the race for mayor of {town} on {day}, taking {pct} "
                    "per cent of the vote.",
                    "The {party_w} candidate {winner} was elected mayor of {town} on {day} with {pct} "
                    "per cent of the vote.",
                ),
            ),
            (
                _p(
                    "Turnout was {turnout} per cent, <<ex:up slightly|sharply up>> on the last election, "
                    "according to the electoral office."
                ),
            ),
            (
                _a("{winner} won by {margin} votes", "official results"),
                _a(
                    "the result <<sf:could be a warning for|is a verdict against>> the {party_l} ahead "
                    "of regional elections",
                    "{analyst}, a political scientist at {institute}",
                ),
            ),
            (
                _q(
                    "People voted for change, and I intend to deliver it from the first day",
                    "{winner}",
                ),
            ),
            (
                _a(
                    "{loser} <<hd:is expected to|will>> request a recount",
                    "members of the {party_l} campaign",
                ),
            ),
        ),
    ),
    (
        "transit-strike",
        {
            "union": "pick:the Transport Workers' Union|the Rail and Bus Union|the Drivers' Guild",
            "offer": "dec:2:6",
            "demand": "dec:6:12",
            "strike_days": "int:2:7",
            "routes": "int:12:140",
            "leader": "person",
            "operator": "name:{P} Transit",
        },
        (
            "Bus drivers in {town} to strike for {strike_days} days",
            "{town} faces {strike_days}-day transport strike over pay",
        ),
        (
            (
                _p(
                    "Bus and tram drivers in {town} will walk out for {strike_days} days from {day} "
                    "after talks over pay broke down, {union} said.",
                    "{union} said drivers on buses and trams in {town} would strike for {strike_days} "
                    "days from {day} after pay talks collapsed.",
                ),
            ),
            (
                _a(
                    "{operator} had offered a {offer} per cent rise, against the {demand} per cent "
                    "members are seeking",
                    "{leader}, the union's regional secretary",
                ),
            ),
            (
                _a(
                    "<<ex:most|all>> of the {routes} routes in the area <<hd:could|will>> be affected",
                    "{operator}",
                ),
                _q(
                    "We have made a fair offer and we remain ready to talk",
                    "a spokesperson for {operator}",
                ),
            ),
            (
                _p(
                    "<<sf:Business groups warned that a long strike could cost|A long strike will "
                    "cost>> city-centre shops millions of crowns in lost trade."
                ),
            ),
            (
                _p(
                    "<<ag:Commuters interviewed by local radio|Officials>> said they would work from "
                    "home or share cars during the walkout."
                ),
            ),
        ),
    ),
    (
        "recall",
        {
            "company": "company",
            "units": "int:2000:180000",
            "model": "int:100:999",
            "incidents": "int:3:48",
            "injuries": "int:2:9",
            "spokesperson": "person",
            "product": "pick:baby monitors|electric kettles|children's car seats|e-bike batteries|"
            "hair dryers|space heaters",
            "hazard": "pick:overheating|a faulty battery|loose wiring|a cracked casing",
            "cost": "dec:0.5:20",
        },
        (
            "{company} recalls {units} {product} over safety fears",
            "Safety fears prompt recall of {company} {product}",
        ),
        (
            (
                _p(
                    "{company} is recalling {units} {product} sold across {region} after reports of "
                    "{hazard}.",
                    "After reports of {hazard}, {company} is recalling {units} {product} sold across "
                    "{region}.",
                ),
            ),
            (
                _a(
                    "it had received {incidents} reports of faults, including {injuries} that <<hd:may "
                    "have|had>> caused minor burns",
                    "the company",
                ),
            ),
            (
                _a(
                    "customers should stop using model {model} immediately and return it for a refund",
                    "the regional consumer safety office",
                ),
                _a(
                    "the fault <<cu:is believed to|is known to>> affect units made between {month} and "
                    "{month2}",
                    "{spokesperson}, a spokesperson for {company}",
                ),
            ),
            (
                _p(
                    "<<ex:Some|Hundreds of>> owners have complained online that the recall notice came "
                    "too late."
                ),
            ),
            (
                _p(
                    "<<sf:Consumer groups said the case could point to|The case points to>> weak safety "
                    "checks on imported electronics."
                ),
            ),
            (
                _a(
                    "the recall would cost the company about {cost} million crowns",
                    "{analyst}, a retail analyst at {institute}",
                ),
            ),
        ),
    ),
    (
        "bridge",
        {
            "bridge": "name:the {P} Bridge",
            "cracks": "int:3:19",
            "vehicles": "int:8000:42000:10",
            "weeks": "int:3:30",
            "engineer": "person",
            "cost": "dec:1:30",
            "year_built": "year:1890:1975",
            "town2": "place",
        },
        (
            "{bridge} closed after inspectors find cracks",
            "{town} bridge shut for up to {weeks} weeks",
        ),
        (
            (
                _p(
                    "{bridge} in {town} has been closed to traffic after inspectors found {cracks} "
                    "cracks in its supporting beams.",
                    "Inspectors found {cracks} cracks in the supporting beams of {bridge} in {town}, "
                    "which has been closed to traffic.",
                ),
            ),
            (
                _a(
                    "the bridge <<hd:could|will>> remain shut for up to {weeks} weeks",
                    "{engineer}, the council's chief engineer",
                ),
            ),
            (
                _p(
                    "About {vehicles} vehicles cross the bridge each day, and diversions have "
                    "<<ex:lengthened|doubled>> journey times for commuters."
                ),
            ),
            (
                _a(
                    "<<hd:there may have been|there were>> signs of wear in an inspection report from "
                    "{year0}",
                    "documents seen by reporters",
                ),
                _a(
                    "repairs <<cu:are estimated to|will>> cost {cost} million crowns", "the council"
                ),
            ),
            (
                _p(
                    "The bridge, built in {year_built}, carries the main road between {town} and "
                    "{town2}."
                ),
                _q("We know how disruptive this is, but safety has to come first", "{engineer}"),
            ),
        ),
    ),
    (
        "school-merger",
        {
            "school1": "name:{P} Primary School",
            "school2": "name:{S} Primary School",
            "pupils": "int:120:900",
            "year_open": "year:2026:2029",
            "head": "person",
        },
        (
            "{school1} and {school2} to merge",
            "Parents protest as {town} schools face merger",
        ),
        (
            (
                _p(
                    "{school1} and {school2} in {town} will merge into a single school from "
                    "{year_open}, education officials announced on {day}.",
                    "Education officials announced on {day} that {school1} and {school2} in {town} "
                    "will become a single school from {year_open}.",
                ),
            ),
            (
                _a(
                    "falling pupil numbers had left both schools with <<ex:spare places|half-empty "
                    "classrooms>>",
                    "the education department",
                ),
                _a(
                    "the combined school would teach about {pupils} pupils on the {school1} site",
                    "the department",
                ),
            ),
            (
                _q(
                    "Our children's education should not be decided by a spreadsheet",
                    "{resident}, whose two children attend {school2}",
                ),
            ),
            (
                _a(
                    "<<ex:some|most>> parents <<hd:could|would>> face longer journeys to school",
                    "{head}, head teacher at {school2}",
                ),
            ),
            (
                _p(
                    "<<sf:Campaigners said the merger could be the first of|The merger is the first "
                    "of>> several planned across {region}."
                ),
            ),
        ),
    ),
    (
        "hospital-waits",
        {
            "hospital": "name:{P} General Hospital",
            "weeks": "int:9:40",
            "pct": "int:10:60",
            "patients": "int:1200:18000",
            "director": "person",
            "catchment": "int:50000:600000:1000",
        },
        (
            "Waiting times at {hospital} hit {weeks} weeks",
            "Patients at {hospital} wait longer as backlog grows",
        ),
        (
            (
                _p(
                    "Patients at {hospital} are waiting an average of {weeks} weeks for routine surgery, "
                    "figures released on {day} show.",
                    "Figures released on {day} show patients at {hospital} waiting an average of "
                    "{weeks} weeks for routine surgery.",
                ),
            ),
            (
                _a(
                    "the number of people waiting had <<ex:risen|soared>> by {pct} per cent in a year, "
                    "to {patients}",
                    "the regional health board",
                ),
                _a(
                    "<<cu:staff shortages are thought to be|staff shortages are>> the main cause",
                    "{director}, the hospital's medical director",
                ),
            ),
            (
                _q(
                    "We are doing everything we can, and I apologise to every patient who has waited "
                    "too long",
                    "{director}",
                ),
            ),
            (
                _p(
                    "The board <<hd:may|will>> bring in private clinics to clear the backlog, according "
                    "to minutes of a meeting held in {month}."
                ),
            ),
            (
                _p(
                    "{hospital} serves about {catchment} people across {region}.",
                    "About {catchment} people across {region} rely on {hospital}.",
                ),
            ),
        ),
    ),
    (
        "wildfire",
        {
            "hectares": "int:40:6000",
            "evacuated": "int:30:2500",
            "firefighters": "int:40:400",
            "chief": "person",
            "wind": "int:30:80",
        },
        (
            "Wildfire near {town} forces {evacuated} from their homes",
            "Firefighters battle blaze on hills above {town}",
        ),
        (
            (
                _p(
                    "A wildfire has burned about {hectares} hectares of forest near {town}, forcing "
                    "{evacuated} people to leave their homes.",
                    "About {evacuated} people have left their homes near {town}, where a wildfire has "
                    "burned some {hectares} hectares of forest.",
                ),
            ),
            (
                _a(
                    "{firefighters} firefighters and four helicopters were working to contain the "
                    "blaze",
                    "{chief}, the regional fire chief",
                ),
                _a(
                    "the fire <<hd:may have been|was>> started by a discarded barbecue",
                    "investigators",
                ),
            ),
            (
                _p(
                    "<<ag:Residents told local reporters|Police said>> they saw smoke rising from a "
                    "picnic area on {day} afternoon."
                ),
            ),
            (
                _a(
                    "winds of up to {wind} km/h <<hd:could|would>> push the flames towards farmland "
                    "overnight",
                    "forecasters",
                ),
                _p(
                    "The fire is <<ex:the largest in {region} this year|the worst in the history of "
                    "{region}>>."
                ),
            ),
            (
                _q(
                    "We lost the barn, but the house is still standing",
                    "{resident}, a farmer who left on {day}",
                ),
            ),
        ),
    ),
    (
        "flood",
        {
            "river": "name:the River {P}",
            "level": "dec:1:5",
            "homes": "int:40:900",
            "sandbags": "int:2000:40000:50",
            "officer": "person",
        },
        (
            "Flood warning issued as {river} rises",
            "{town} braces for flooding",
        ),
        (
            (
                _p(
                    "Authorities issued a flood warning for {town} on {day} after {river} rose {level} "
                    "metres above its normal level.",
                    "{river} rose {level} metres above its normal level, prompting a flood warning for "
                    "{town} on {day}.",
                ),
            ),
            (
                _a(
                    "up to {homes} homes <<hd:could|would>> be at risk if heavy rain continues",
                    "{officer}, the region's flood officer",
                ),
                _a("{sandbags} sandbags had been handed out since the weekend", "the council"),
            ),
            (
                _p(
                    "<<ag:A farmer told regional radio|The flood agency said>> that fields along the "
                    "riverbank were already under water."
                ),
            ),
            (
                _a(
                    "<<cu:river levels appear to be|river levels are>> peaking earlier than in past "
                    "floods",
                    "{analyst}, a hydrologist at {institute}",
                ),
            ),
            (
                _p(
                    "<<sf:Some residents asked whether new housing upstream could be making|New housing "
                    "upstream is making>> floods worse."
                ),
            ),
            (
                _p(
                    "The last major flood in {town}, in {year0}, damaged <<ex:hundreds of|thousands "
                    "of>> homes."
                ),
            ),
        ),
    ),
    (
        "housing",
        {
            "developer": "company",
            "homes": "int:80:1800",
            "affordable": "int:10:40",
            "planner": "person",
            "cars": "int:300:3000",
            "year_done": "year:2026:2030",
        },
        (
            "{homes} homes approved on edge of {town}",
            "Planners back {developer} scheme despite objections",
        ),
        (
            (
                _p(
                    "Planners have approved plans by {developer} to build {homes} homes on farmland on "
                    "the edge of {town}.",
                    "Plans by {developer} for {homes} homes on farmland on the edge of {town} have been "
                    "approved by planners.",
                ),
            ),
            (
                _a(
                    "{affordable} per cent of the homes would be sold below market price",
                    "the developer",
                ),
                _a(
                    "the scheme received <<ex:several hundred|thousands of>> objections",
                    "{planner}, who chairs the planning committee",
                ),
            ),
            (_q("We need homes for young families, and we cannot keep saying no", "{planner}"),),
            (
                _a(
                    "the new estate <<hd:could|will>> add {cars} cars a day to roads near {town}",
                    "a traffic study commissioned by residents",
                ),
            ),
            (
                _p(
                    "<<sf:Opponents argued the decision could set a precedent for|The decision sets a "
                    "precedent for>> building on protected land across {region}."
                ),
            ),
            (
                _p(
                    "Construction <<hd:could|will>> begin in {month}, with the first residents moving "
                    "in by {year_done}."
                ),
            ),
        ),
    ),
    (
        "museum",
        {
            "museum": "name:the {P} Museum",
            "cost": "dec:2:45",
            "span": "int:2:7",
            "visitors": "int:20000:400000:500",
            "director": "person",
            "artefact": "pick:a Bronze Age helmet|a carved oak throne|a medieval map|a collection of "
            "whaling logs",
            "year_built": "year:1860:1960",
        },
        (
            "{museum} reopens after {span}-year refit",
            "Doors open again at {museum}",
        ),
        (
            (
                _p(
                    "{museum} in {town} reopened on {day} after a {span}-year refurbishment costing "
                    "{cost} million crowns.",
                    "After a {span}-year refurbishment costing {cost} million crowns, {museum} in {town} "
                    "reopened on {day}.",
                ),
            ),
            (
                _a(
                    "the museum hoped to attract {visitors} visitors a year",
                    "{director}, its director",
                ),
            ),
            (
                _p(
                    "The new galleries include {artefact}, which <<hd:is said to have|has>> been found "
                    "by a farmer in {region}."
                ),
            ),
            (
                _a(
                    "the project ran <<ex:over budget|wildly over budget>> after builders found damp in "
                    "the walls",
                    "a council report",
                ),
                _q(
                    "We want every child in {town} to feel this building belongs to them",
                    "{director}",
                ),
            ),
            (
                _p(
                    "The building first opened in {year_built} and closed after a roof leak damaged "
                    "part of its collection."
                ),
                _a("school visits <<hd:are likely to|will>> return from {month}", "the museum"),
            ),
        ),
    ),
    (
        "data-breach",
        {
            "company": "company",
            "customers": "int:5000:900000",
            "unnoticed": "int:2:30",
            "ciso": "person",
            "regulator": "pick:the Data Protection Office|the Digital Rights Authority",
        },
        (
            "{company} says hackers accessed data of {customers} customers",
            "Data breach hits {company}",
        ),
        (
            (
                _p(
                    "{company} said on {day} that hackers had accessed personal data belonging to "
                    "{customers} customers.",
                    "Hackers accessed personal data belonging to {customers} customers, {company} said "
                    "on {day}.",
                ),
            ),
            (
                _a(
                    "names and email addresses were taken, but <<hd:probably |>>not payment details",
                    "the company",
                ),
                _a(
                    "the breach <<hd:may have|had>> gone unnoticed for {unnoticed} days",
                    "{ciso}, the company's security chief",
                ),
            ),
            (
                _p(
                    "{regulator} <<cu:is looking into|has opened an investigation into>> the "
                    "incident<<al:, according to a spokesperson|>>."
                ),
            ),
            (
                _p(
                    "<<sf:Security researchers warned the stolen data could be used for|The stolen data "
                    "is being used for>> phishing scams."
                ),
                _q(
                    "We are sorry, and we are contacting every affected customer directly", "{ciso}"
                ),
            ),
            (
                _p(
                    "Customers have been advised to change their passwords and watch for suspicious "
                    "emails."
                ),
                _a(
                    "<<ex:a small number of|thousands of>> customers had already reported suspicious "
                    "messages",
                    "{company}",
                ),
            ),
        ),
    ),
    (
        "bank-branches",
        {
            "bank": "name:{P} Savings Bank",
            "branches": "int:4:60",
            "staff": "int:30:700",
            "pct": "int:20:70",
            "year_built": "year:1920:1990",
            "branch_staff": "int:3:14",
        },
        (
            "{bank} to close {branches} branches",
            "Branch closures leave {town} without a bank",
        ),
        (
            (
                _p(
                    "{bank} will close {branches} branches across {region}, including its last branch "
                    "in {town}, by {month}.",
                    "By {month}, {bank} will have closed {branches} branches across {region}, among "
                    "them its last branch in {town}.",
                ),
            ),
            (
                _a(
                    "<<ex:most|nearly all>> customers now bank online, with only {pct} per cent still "
                    "visiting branches",
                    "the bank",
                ),
                _a("{staff} jobs <<hd:could|will>> be affected", "a union representing bank staff"),
            ),
            (
                _q(
                    "For older people here, the branch is not a luxury, it is how they manage their "
                    "money",
                    "{resident}, a retired teacher in {town}",
                ),
            ),
            (
                _p(
                    "The bank <<cu:is exploring|has agreed to>> a shared banking hub in {town}, "
                    "according to a letter sent to customers."
                ),
            ),
            (
                _p(
                    "The {town} branch has been open since {year_built} and employs {branch_staff} "
                    "people."
                ),
            ),
        ),
    ),
    (
        "ferry-cuts",
        {
            "operator": "name:{P} Ferries",
            "crossings": "int:4:20",
            "new_crossings": "int:1:3",
            "island": "island",
            "fare": "int:5:40",
            "chair": "person",
            "islanders": "int:300:4000:10",
        },
        (
            "Ferry crossings to {island} cut",
            "{island} islanders angry over ferry cuts",
        ),
        (
            (
                _p(
                    "{operator} will cut daily ferry crossings between {town} and {island} from "
                    "{crossings} to {new_crossings} from {month}.",
                    "From {month}, daily ferry crossings between {town} and {island} will drop from "
                    "{crossings} to {new_crossings}, {operator} said.",
                ),
            ),
            (
                _a("fares <<hd:could|will>> rise by {fare} per cent next year", "{operator}"),
                _a(
                    "the cuts would leave <<ex:some islanders|every islander>> unable to commute to the "
                    "mainland",
                    "{chair}, who chairs the community council on {island}",
                ),
            ),
            (
                _q(
                    "We are being cut off bit by bit",
                    "{resident}, who runs a guesthouse on {island}",
                ),
            ),
            (
                _p(
                    "<<sf:Observers said the decision could signal|The decision signals>> a wider "
                    "retreat from island routes by {operator}."
                ),
            ),
            (
                _a(
                    "the changes were needed because of a <<ex:shortage|severe shortage>> of crew",
                    "{operator}",
                ),
                _p(
                    "{island} has about {islanders} residents and relies on the ferry for food and "
                    "medical supplies."
                ),
            ),
        ),
    ),
    (
        "water",
        {
            "households": "int:500:30000",
            "notice_days": "int:2:14",
            "utility": "name:{P} Water",
            "contaminant": "pick:coliform bacteria|high levels of lead|traces of pesticide|algal "
            "toxins",
        },
        (
            "{town} residents told to boil water",
            "Water warning in {town} after tests find {contaminant}",
        ),
        (
            (
                _p(
                    "About {households} households in {town} have been told to boil tap water after "
                    "tests found {contaminant} in the supply.",
                    "Tests found {contaminant} in the supply, and about {households} households in "
                    "{town} have been told to boil tap water.",
                ),
            ),
            (
                _a("the warning <<hd:could|will>> last for up to {notice_days} days", "{utility}"),
                _a(
                    "the problem <<hd:may have been|was>> caused by a burst main near the treatment "
                    "works",
                    "engineers",
                ),
            ),
            (
                _p(
                    "<<ag:A nurse told reporters|Health officials said>> that several children had been "
                    "treated for stomach illness."
                ),
            ),
            (
                _a(
                    "there is no evidence <<hd:so far |>>of a link between the water and the illnesses",
                    "the regional health office",
                ),
                _q(
                    "We are testing every few hours and will lift the notice as soon as it is safe",
                    "{spokes}, a spokesperson for {utility}",
                ),
            ),
        ),
    ),
    (
        "airport",
        {
            "runway": "int:400:1500:10",
            "flights": "int:8000:60000:100",
            "cost": "dec:80:900",
            "jobs": "int:200:3000",
            "minister": "person",
            "passengers": "int:200000:3000000:1000",
        },
        (
            "{town} airport wins approval for longer runway",
            "Runway plan for {town} airport sparks row",
        ),
        (
            (
                _p(
                    "Regional officials approved a {runway}-metre runway extension at {town} airport on "
                    "{day}, paving the way for {flights} extra flights a year.",
                    "A {runway}-metre runway extension at {town} airport, allowing {flights} extra "
                    "flights a year, was approved by regional officials on {day}.",
                ),
            ),
            (
                _a("the project would create {jobs} jobs", "the airport's owners"),
                _a(
                    "noise from the extra flights <<ex:would affect|would ruin life for>> thousands of "
                    "people",
                    "campaigners",
                ),
            ),
            (
                _a(
                    "<<cu:the expansion is expected to|the expansion will>> cost {cost} million crowns",
                    "documents published by the regional government",
                ),
            ),
            (
                _p(
                    "<<sf:Climate groups said the plan could make it impossible|The plan makes it "
                    "impossible>> for {region} to meet its emissions targets."
                ),
                _q(
                    "This is about connecting {region} to the rest of the world",
                    "{minister}, the regional transport minister",
                ),
            ),
            (
                _p(
                    "{town} airport handled about {passengers} passengers last year.",
                    "Last year about {passengers} passengers used {town} airport.",
                ),
            ),
        ),
    ),
    (
        "thefts",
        {
            "items": "pick:copper cable|catalytic converter|farm machinery|bicycle",
            "thefts": "int:12:140",
            "arrested": "int:2:6",
            "value": "dec:0.2:4",
            "inspector": "person",
            "commissioner": "person",
        },
        (
            "{arrested} arrested over {items} thefts in {region}",
            "Police break up {items} theft ring",
        ),
        (
            (
                _p(
                    "Police arrested {arrested} people on {day} in connection with a string of {items} "
                    "thefts across {region}.",
                    "Police said on {day} that {arrested} people had been arrested in connection with a "
                    "string of {items} thefts across {region}.",
                ),
            ),
            (
                _a(
                    "the group <<hd:is suspected of|was responsible for>> {thefts} thefts since "
                    "{month}",
                    "detective inspector {inspector}",
                ),
                _a("goods worth about {value} million crowns had been taken", "police"),
            ),
            (
                _p(
                    "<<ag:A witness told local radio|Police said>> that the suspects had used a van "
                    "with false plates."
                ),
            ),
            (
                _a(
                    "the arrests <<sf:could|will>> bring the thefts to an end",
                    "{commissioner}, the regional police commissioner",
                ),
                _q(
                    "We would ask anyone offered goods at a suspiciously low price to think carefully "
                    "about where they came from",
                    "{inspector}",
                ),
            ),
            (
                _p(
                    "The thefts have <<ex:worried|terrified>> residents and businesses across "
                    "{region}."
                ),
            ),
        ),
    ),
    (
        "festival",
        {
            "festival": "pick:Folk|Jazz|Food|Film|Lantern|Harvest",
            "tickets": "int:3000:40000:10",
            "loss": "dec:0.1:3",
            "organiser": "person",
            "editions": "int:5:40",
            "year_first": "year:1980:2015",
            "visitors": "int:5000:80000:100",
        },
        (
            "{town} {festival} Festival cancelled over funding gap",
            "Organisers call off {town} {festival} Festival",
        ),
        (
            (
                _p(
                    "Organisers have cancelled this year's {town} {festival} Festival, which was due to "
                    "take place in {month}, citing a funding shortfall.",
                    "Citing a funding shortfall, organisers have called off this year's {town} "
                    "{festival} Festival, which was due in {month}.",
                ),
            ),
            (
                _a(
                    "ticket sales had <<ex:fallen|plummeted>> to about {tickets}",
                    "{organiser}, the festival director",
                ),
                _a(
                    "the festival <<hd:could|will>> return next year if a new sponsor is found",
                    "{organiser}",
                ),
            ),
            (_q("After {editions} years this was not a decision we took lightly", "{organiser}"),),
            (
                _a(
                    "the cancellation <<cu:is likely to|will>> cost local businesses around {loss} "
                    "million crowns",
                    "the {town} chamber of commerce",
                ),
            ),
            (
                _p(
                    "The festival has been held every {month} since {year_first} and drew about "
                    "{visitors} visitors last year."
                ),
                _a(
                    "<<ex:a few|dozens of>> local stallholders had already paid deposits",
                    "{resident}, who runs a food stall",
                ),
            ),
        ),
    ),
    (
        "university-cuts",
        {
            "uni": "name:{P} University",
            "courses": "int:5:40",
            "staff": "int:20:300",
            "deficit": "dec:4:60",
            "vc": "person",
            "students": "int:100:3000",
            "employees": "int:800:6000:10",
        },
        (
            "{uni} to cut {courses} courses",
            "Staff fear for jobs as {uni} plans cuts",
        ),
        (
            (
                _p(
                    "{uni} plans to close {courses} courses and <<hd:may|will>> cut up to {staff} jobs "
                    "to tackle a deficit of {deficit} million crowns.",
                    "To tackle a deficit of {deficit} million crowns, {uni} plans to close {courses} "
                    "courses and <<hd:may|will>> cut up to {staff} jobs.",
                ),
            ),
            (
                _a(
                    "the university had no choice after <<ex:a drop|a collapse>> in international "
                    "student numbers",
                    "{vc}, its vice-chancellor",
                ),
                _q("We are protecting the long-term future of the university", "{vc}"),
            ),
            (
                _a(
                    "<<ex:some|all>> language courses were on the list",
                    "a leaked document seen by reporters",
                ),
            ),
            (
                _p(
                    "<<sf:Student leaders said the cuts could|The cuts will>> push young people out of "
                    "{region} for good."
                ),
            ),
            (
                _a(
                    "about {students} students <<hd:could|would>> have to switch courses",
                    "the students' union",
                ),
                _p(
                    "{uni} employs about {employees} people and has faced falling enrolment since "
                    "{year0}."
                ),
            ),
        ),
    ),
    (
        "wind-farm",
        {
            "developer": "company",
            "turbines": "int:6:80",
            "homes": "int:10000:300000:100",
            "height": "int:120:250",
            "minister": "person",
            "year_done": "year:2026:2031",
        },
        (
            "{turbines}-turbine wind farm approved off {town}",
            "Go-ahead for {developer} wind farm",
        ),
        (
            (
                _p(
                    "The regional government approved plans on {day} for a {turbines}-turbine wind "
                    "farm off the coast of {town}, to be built by {developer}.",
                    "Plans by {developer} for a {turbines}-turbine wind farm off the coast of {town} "
                    "were approved by the regional government on {day}.",
                ),
            ),
            (
                _a("the farm <<hd:could|will>> power up to {homes} homes", "{developer}"),
                _a("each turbine would stand {height} metres tall", "planning documents"),
            ),
            (
                _p(
                    "<<ex:Some|Most>> fishermen in {town} oppose the scheme<<al:, according to a survey "
                    "by their association|>>."
                ),
            ),
            (
                _a(
                    "the project <<sf:could bring|will bring>> hundreds of jobs to the port",
                    "{minister}, the regional energy minister",
                ),
            ),
            (
                _p(
                    "Construction <<hd:is expected to|will>> start in {month}, with the first turbines "
                    "turning by {year_done}."
                ),
                _q(
                    "Our boats have fished these waters for generations",
                    "{resident}, a fisherman in {town}",
                ),
            ),
        ),
    ),
    (
        "derailment",
        {
            "operator": "name:{P} Rail",
            "carriages": "int:2:8",
            "passengers": "int:20:400",
            "injured": "int:2:30",
            "line": "name:the {P} line",
            "investigator": "person",
            "daily": "int:2000:30000:10",
            "town2": "place",
        },
        (
            "{injured} hurt as train derails near {town}",
            "Train derails on {line}",
        ),
        (
            (
                _p(
                    "A total of {injured} people were taken to hospital after a train carrying "
                    "{passengers} passengers derailed near {town} on {day}.",
                    "A train carrying {passengers} passengers derailed near {town} on {day}, and "
                    "{injured} people were taken to hospital.",
                ),
            ),
            (
                _a("{carriages} carriages left the tracks", "{operator}"),
                _a(
                    "heavy rain <<hd:may have|had>> washed away part of the embankment",
                    "{investigator}, from the rail accident investigation branch",
                ),
            ),
            (
                _p(
                    "<<ag:Passengers told reporters|Rail officials said>> that the train had been "
                    "travelling slowly when it lurched sideways."
                ),
            ),
            (
                _a("{line} <<hd:is expected to|will>> stay closed until {day2}", "{operator}"),
                _p("<<ex:Some|All>> trains across {region} were delayed for several hours."),
            ),
            (_p("The line carries about {daily} passengers a day between {town} and {town2}."),),
        ),
    ),
    (
        "tech-layoffs",
        {
            "company": "company",
            "staff": "int:40:3000",
            "pct": "int:5:30",
            "ceo": "person",
            "town2": "place",
            "product": "pick:smart thermostats|delivery software|gaming headsets|payment terminals",
            "year_founded": "year:1995:2018",
        },
        (
            "{company} to cut {staff} jobs",
            "{company} layoffs hit {town} office",
        ),
        (
            (
                _p(
                    "{company}, the {town}-based maker of {product}, will cut {staff} jobs, about {pct} "
                    "per cent of its workforce.",
                    "About {pct} per cent of the workforce at {company}, the {town}-based maker of "
                    "{product}, will lose their jobs, a total of {staff}.",
                ),
            ),
            (
                _a(
                    "sales had <<ex:slowed|crashed>> after two strong years",
                    "{ceo}, the chief executive",
                ),
                _a(
                    "<<cu:the company is weighing|the company has decided on>> closing its second "
                    "office in {town2}",
                    "two employees",
                ),
            ),
            (
                _q(
                    "These are talented people and this is the hardest decision I have made",
                    "{ceo}",
                ),
            ),
            (
                _p(
                    "<<sf:Analysts asked whether the cuts could be a sign of|The cuts are a sign of>> "
                    "trouble across the technology sector in {region}."
                ),
            ),
            (
                _p(
                    "Founded in {year_founded}, {company} employs most of its staff in {town} and "
                    "{town2}."
                ),
                _a("affected staff <<hd:would probably|would>> be told by {day}", "the company"),
            ),
        ),
    ),
    (
        "fishing-quota",
        {
            "species": "pick:herring|cod|mackerel|haddock|sprat",
            "cut": "int:8:40",
            "boats": "int:20:300",
            "minister": "person",
            "jobs": "int:200:3000",
        },
        (
            "{species} quota cut by {cut} per cent",
            "Fishing fleet angry at {species} quota cut",
        ),
        (
            (
                _p(
                    "The {species} quota for the {region} fleet will be cut by {cut} per cent next "
                    "year, the fisheries ministry announced on {day}.",
                    "The fisheries ministry announced on {day} that the {region} fleet's {species} "
                    "quota will fall by {cut} per cent next year.",
                ),
            ),
            (
                _a(
                    "stocks had <<ex:declined|crashed>> for a third year in a row",
                    "scientists advising the ministry",
                ),
                _a(
                    "<<ex:some|many>> of the {boats} boats in {town} <<hd:could|would>> be tied up for "
                    "months",
                    "the local fishermen's association",
                ),
            ),
            (
                _q(
                    "The science leaves us no choice if we want a fishery for our grandchildren",
                    "{minister}, the fisheries minister",
                ),
            ),
            (
                _p(
                    "Fishing leaders <<hd:are reportedly|are>> preparing a legal challenge to the "
                    "decision."
                ),
            ),
            (
                _p(
                    "Fishing supports about {jobs} jobs in {town}<<al:, according to the local "
                    "council|>>."
                ),
            ),
        ),
    ),
    (
        "mine-rescue",
        {
            "miners": "int:3:40",
            "depth": "int:200:1400:10",
            "company": "company",
            "rescuer": "person",
            "workers": "int:100:1500",
            "year_open": "year:1950:2005",
        },
        (
            "Miners rescued after collapse near {town}",
            "Rescue under way at {company} mine",
        ),
        (
            (
                _p(
                    "Rescue teams reached {miners} miners trapped {depth} metres underground at a "
                    "{company} mine near {town} on {day}.",
                    "On {day}, rescue teams reached {miners} miners who were trapped {depth} metres "
                    "underground at a {company} mine near {town}.",
                ),
            ),
            (
                _a(
                    "all of the miners were conscious and <<hd:appeared to be|were>> in good health",
                    "{rescuer}, who led the rescue effort",
                ),
                _a("a tunnel roof <<hd:may have|had>> collapsed after blasting work", "{company}"),
            ),
            (
                _p(
                    "<<ag:Relatives told reporters|Mine managers said>> they had waited at the gates "
                    "through the night."
                ),
            ),
            (
                _p(
                    "<<sf:Union officials said the accident could raise|The accident raises>> questions "
                    "about safety checks at ageing mines in {region}."
                ),
            ),
            (
                _p("The mine, which employs about {workers} people, opened in {year_open}."),
                _a("production <<hd:could|would>> be suspended for several weeks", "{company}"),
            ),
        ),
    ),
    (
        "fare-rise",
        {
            "operator": "name:{P} Buses",
            "pct": "int:3:18",
            "fare": "dec:1.5:4.5",
            "drop": "int:2:12",
            "old_rise": "int:2:10",
        },
        (
            "Bus fares in {town} to rise by {pct} per cent",
            "{operator} raises fares to {fare} crowns",
        ),
        (
            (
                _p(
                    "Single bus fares in {town} will rise by {pct} per cent to {fare} crowns from "
                    "{month}, {operator} said on {day}.",
                    "{operator} said on {day} that single bus fares in {town} would rise by {pct} per "
                    "cent to {fare} crowns from {month}.",
                ),
            ),
            (
                _a("higher fuel and wage costs had left it <<ex:little|no>> choice", "{operator}"),
                _a(
                    "passenger numbers <<hd:could|would>> fall by {drop} per cent",
                    "a study commissioned by the council",
                ),
            ),
            (
                _q(
                    "Every rise pushes more people back into their cars",
                    "{resident}, who chairs a passenger group in {town}",
                ),
            ),
            (
                _p(
                    "The council <<cu:is considering|has approved>> a discount card for pensioners, "
                    "according to a report due on {day2}."
                ),
            ),
            (
                _p(
                    "Fares in {town} last rose in {year0}, when the single fare went up by {old_rise} "
                    "per cent."
                ),
            ),
        ),
    ),
    (
        "zoo-birth",
        {
            "animal": "pick:red panda|snow leopard|Bactrian camel|giant otter",
            "keeper": "person",
            "weight": "dec:0.2:9",
            "gap": "int:4:30",
            "year_open": "year:1950:2000",
            "species_n": "int:40:300",
        },
        (
            "Rare {animal} born at {town} Zoo",
            "{town} Zoo celebrates {animal} birth",
        ),
        (
            (
                _p(
                    "A {animal} has been born at {town} Zoo, the first of its kind to be born there in "
                    "{gap} years.",
                    "{town} Zoo has welcomed a {animal}, the first born there in {gap} years.",
                ),
            ),
            (
                _a(
                    "the cub weighed {weight} kilograms at its first check-up",
                    "{keeper}, the head keeper",
                ),
                _a(
                    "the birth <<hd:could|will>> help a breeding programme for the endangered species",
                    "the zoo",
                ),
            ),
            (
                _q(
                    "Mother and baby are doing well, and we are keeping our distance for now",
                    "{keeper}",
                ),
            ),
            (
                _p(
                    "<<ex:Some|Thousands of>> visitors are expected when the cub goes on show in "
                    "{month}."
                ),
            ),
            (
                _p(
                    "The zoo, which opened in {year_open}, keeps about {species_n} species and draws "
                    "<<ex:large crowds|record crowds>> in summer."
                ),
                _a("the cub's sex <<hd:is likely to|will>> be confirmed in {month2}", "keepers"),
            ),
        ),
    ),
    (
        "corruption-probe",
        {
            "suspect": "person",
            "contract": "dec:0.5:30",
            "firm": "company",
            "prosecutor": "person",
            "decl": "int:10:90",
        },
        (
            "Deputy mayor of {town} under investigation",
            "Prosecutors probe {contract} million contract in {town}",
        ),
        (
            (
                _p(
                    "Prosecutors in {region} have opened an investigation into {suspect}, the deputy "
                    "mayor of {town}, over a {contract} million crown contract awarded to {firm}.",
                    "A {contract} million crown contract awarded to {firm} has led prosecutors in "
                    "{region} to investigate {suspect}, the deputy mayor of {town}.",
                ),
            ),
            (
                _a(
                    "{suspect} <<hd:is alleged to have|had>> failed to declare links to the firm",
                    "a statement from the prosecutor's office",
                ),
                _a(
                    "<<ex:several|dozens of>> council emails had been seized",
                    "{prosecutor}, the lead prosecutor",
                ),
            ),
            (_q("I have done nothing wrong and I will cooperate fully", "{suspect}"),),
            (
                _p(
                    "<<sf:Opposition councillors said the case could force|The case will force>> early "
                    "elections in {town}."
                ),
            ),
            (
                _a(
                    "{firm} <<cu:appears to have|has>> won three other council contracts since "
                    "{year0}",
                    "records seen by reporters",
                ),
                _p(
                    "Under regional law, officials must declare business interests within {decl} days "
                    "of taking office."
                ),
            ),
        ),
    ),
)

# {S} is the source closed by a comma when it has an apposition ("X, the mayor, said").
_A_FORMS = ("{S} said {c}.", "{c}, {S} said.", "According to {s}, {c}.", "{S} said that {c}.")
_Q_FORMS = ('"{c}," {S} said.', '{S} said: "{c}."', '"{c}," said {s}.')
_CREDIT_FORMS = (
    "as first reported by {o}",
    "{o} reported",
    "according to {o}",
    "as {o} first reported",
)
_INTROS = (
    "This story has been updated with new information.",
    "Here is what we know so far.",
    "The following report is republished in full.",
    "Our partners filed this report.",
)
_FOOTERS = (
    "Sign up for our free morning briefing to get stories like this in your inbox.",
    "Read more local news on our website.",
    "Have a story to share? Contact our newsroom.",
)
_CREDIT_FOOTERS = (
    "This article first appeared on {o} and is republished with permission.",
    "This story was originally published by {o}.",
)
_GARBLE = ("experts", "officials", "local sources", "critics")
_DRIFT_OF = {
    "hd": "hedge_dropped",
    "cu": "certainty_upgraded",
    "sf": "speculation_as_fact",
    "ex": "exaggeration",
    "ag": "attribution_garbled",
    "al": "attribution_lost",
}
_TOKEN = re.compile(r"<<(\w\w):([^|<>]*)\|([^<>]*)>>")
_MUTABLE = ("int", "year", "dec", "day", "month", "place")


@dataclass(frozen=True, slots=True)
class _Part:
    """One phrasing: a format string whose drift points are {_tN} fields."""

    fmt: str
    tokens: tuple[tuple[int, str, str], ...]  # (drift point number, weak, strong)
    outer: frozenset[str]  # slots outside drift points


@dataclass(frozen=True, slots=True, eq=False)
class _Tpl:
    kind: str  # "p" plain, "a" attributed claim, "q" quote
    parts: tuple[_Part, ...]
    source: _Part | None
    alt: str | None
    drifts: tuple[str, ...]  # drift type of each drift point
    mutable: tuple[tuple[str, str], ...]  # (slot, spec) visible in every phrasing
    n_variants: int


@dataclass(frozen=True, slots=True)
class _Event:
    key: str
    slots: dict[str, str]
    titles: tuple[str, ...]
    paras: tuple[tuple[_Tpl, ...], ...]


def _fields(fmt: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(fmt) if f}


def _compile_part(text: str, specs: dict[str, str], keys: list[str]) -> _Part:
    """Parse one phrasing; `keys` numbers drift points by (kind, occurrence) across phrasings."""
    tokens: list[tuple[int, str, str]] = []
    seen: Counter[str] = Counter()

    def point(m: re.Match[str]) -> str:
        key = f"{m[1]}{seen[m[1]]}"
        seen[m[1]] += 1
        if key not in keys:
            keys.append(key)
        tokens.append((keys.index(key), m[2], m[3]))
        return f"{{_t{len(tokens) - 1}}}"

    fmt = _TOKEN.sub(point, text)
    if "<<" in fmt or ">>" in fmt:
        raise ValueError(f"malformed drift point in {text!r}")
    names = _fields(fmt) | {f for _, w, s in tokens for f in _fields(w) | _fields(s)}
    unknown = {n for n in names if not n.startswith("_t")} - specs.keys()
    if unknown:
        raise ValueError(f"unknown slots {sorted(unknown)} in {text!r}")
    return _Part(fmt, tuple(tokens), frozenset(n for n in _fields(fmt) if n[:2] != "_t"))


def _compile(raw: tuple, specs: dict[str, str]) -> _Tpl:
    kind, texts, source, alt = raw
    keys: list[str] = []
    parts = tuple(_compile_part(t, specs, keys) for t in texts)
    if any(len(p.tokens) != len(keys) for p in parts):
        raise ValueError(f"phrasings differ in drift points: {texts}")
    if kind == "p" and not all(t.endswith(".") for t in texts):
        raise ValueError(f"plain sentence must end with a full stop: {texts}")
    outer = frozenset.intersection(*(p.outer for p in parts))
    mutable = tuple((s, specs[s]) for s in sorted(outer) if specs[s].split(":")[0] in _MUTABLE)
    n_variants = {"p": len(parts), "a": len(_A_FORMS), "q": len(_Q_FORMS)}[kind]
    src = _compile_part(source, specs, []) if source else None
    return _Tpl(kind, parts, src, alt, tuple(_DRIFT_OF[k[:2]] for k in keys), mutable, n_variants)


def _specs(slots: dict[str, str]) -> dict[str, str]:
    return {**_GENERIC_SLOTS, **slots}


GENERIC = tuple(tuple(_compile(s, _specs({})) for s in para) for para in _GENERIC)
EVENTS = tuple(
    _Event(
        key,
        _specs(slots),
        titles,
        tuple(tuple(_compile(s, _specs(slots)) for s in para) for para in paras),
    )
    for key, slots, titles, paras in _EVENTS
)

# ---------------------------------------------------------------- outlets


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str
    display: str  # how prose names it: "the Keldwick Gazette", "Tidewater Radio"
    domain: str
    datetime_style: bool


def make_outlets(seed: int, n: int = 300, absent: int = 20) -> tuple[list[Outlet], list[Outlet]]:
    """The corpus's outlets and a few outlets that are credited but never in the corpus."""
    rng = random.Random(f"{seed}/outlets")
    names: list[tuple[str, bool]] = []
    seen: set[str] = set()
    while len(names) < n + absent:
        kind, with_the = rng.choice(_OUTLET_KIND)
        name = f"{_base(rng) if rng.random() < 0.8 else rng.choice(_PLACE_A) + 'land'} {kind}"
        if name not in seen:
            seen.add(name)
            names.append((name, with_the))
    outlets = [
        Outlet(
            name,
            f"the {name}" if with_the else name,
            re.sub(r"[^a-z]", "", name.lower()) + ".example",
            rng.random() < 0.5,
        )
        for name, with_the in names
    ]
    return outlets[:n], outlets[n:]


# ---------------------------------------------------------------- articles


_KEPT, _LOST, _GARBLED = 0, 1, 2


@dataclass(slots=True, eq=False)
class _Sent:
    tpl: _Tpl
    variant: int
    flips: int = 0
    over: dict[str, str] | None = None
    source: int = _KEPT
    garble: str | None = None
    credit: tuple[Outlet, int] | None = None
    parent: _Sent | None = None  # the sentence of the parent article this one retells


@dataclass(slots=True, eq=False)
class _Doc:
    id: str | None
    outlet: Outlet
    when: datetime
    title: int
    paras: list[tuple[int, list[_Sent]]]  # (paragraph key, sentences); key >= 100: generic
    depth: int
    prefix: str | None = None
    footers: list[tuple[str, Outlet | None]] = field(default_factory=list)
    text: str = ""


@dataclass(slots=True, eq=False)
class _Change:
    sent: _Sent
    saved: tuple
    drift_type: str


def _clone(s: _Sent) -> _Sent:
    return _Sent(s.tpl, s.variant, s.flips, s.over, s.source, s.garble, s.credit, s)


def _fill(part: _Part, vals: dict[str, str], flips: int) -> str:
    if not part.tokens:
        return part.fmt.format_map(vals)
    local = dict(vals)
    for i, (point, weak, strong) in enumerate(part.tokens):
        local[f"_t{i}"] = (strong if flips >> point & 1 else weak).format_map(vals)
    return part.fmt.format_map(local)


def _tidy(text: str) -> str:
    text = " ".join(text.split()).replace(" ,", ",").replace(" .", ".")
    return text[0].upper() + text[1:]


def _phrases(a: str, b: str, text_a: str, text_b: str) -> tuple[str, str] | None:
    """Shortest phrases (2-12 words) around the change from a to b, each once in its text."""
    wa, wb = a.split(" "), b.split(" ")
    if wa == wb:
        return None
    p = 0
    while p < min(len(wa), len(wb)) and wa[p] == wb[p]:
        p += 1
    s = 0
    while s < min(len(wa), len(wb)) - p and wa[-1 - s] == wb[-1 - s]:
        s += 1
    ea, eb = len(wa) - s, len(wb) - s
    left = right = 2 if max(ea, eb) - p + 4 <= 12 else 1
    while True:
        i = max(0, p - left)
        ja, jb = min(len(wa), ea + right), min(len(wb), eb + right)
        if ja - i > 12 or jb - i > 12:
            return None
        pa, pb = " ".join(wa[i:ja]), " ".join(wb[i:jb])
        if min(ja, jb) - i >= 2 and text_a.count(pa) == 1 and text_b.count(pb) == 1:
            return pa, pb
        if ja == len(wa) and jb == len(wb) and i == 0:
            return None
        if (right <= left and (ja < len(wa) or jb < len(wb))) or i == 0:
            right += 1
        else:
            left += 1


class _Story:
    """One real-world event and its versions; yields them one at a time, oldest first."""

    def __init__(self, world: _World, index: int, size: int) -> None:
        self.world = world
        self.rng = rng = random.Random(f"{world.seed}/story/{index}")
        self.index, self.size = index, size
        self.event = rng.choice(EVENTS)
        self.key = f"{self.event.key}-{index:06d}"
        self.facts = self._facts()
        self.absent = rng.choice(world.absent) if rng.random() < 0.04 else None
        self.docs: list[_Doc] = []

    def _facts(self) -> dict[str, str]:
        facts: dict[str, str] = {}
        used: set[str] = set()
        for slot, spec in self.event.slots.items():
            value = _value(spec, self.rng)
            if spec.split(":")[0] not in ("int", "year", "dec"):
                for _ in range(20):  # distinct people, places, days within a story
                    if value not in used:
                        break
                    value = _value(spec, self.rng)
            used.add(value)
            facts[slot] = value
        return facts

    # -- rendering

    def say(self, s: _Sent) -> str:
        t = s.tpl
        vals = self.facts if s.over is None else {**self.facts, **s.over}
        if t.kind == "p":
            text = _fill(t.parts[s.variant], vals, s.flips)
            if s.credit is not None:
                outlet, form = s.credit
                text = f"{text[:-1]}, {_CREDIT_FORMS[form].format(o=outlet.display)}."
        else:
            claim = _fill(t.parts[0], vals, s.flips)
            if s.source == _LOST:
                text = claim + "."
            else:
                assert t.source is not None
                src = s.garble if s.source == _GARBLED else _fill(t.source, vals, 0)
                form = (_A_FORMS if t.kind == "a" else _Q_FORMS)[s.variant]
                text = form.format(c=claim, s=src, S=f"{src}," if "," in src else src)
        return _tidy(text)

    def render(self, doc: _Doc) -> str:
        blocks = [doc.prefix] if doc.prefix else []
        blocks += [" ".join(self.say(s) for s in sents) for _, sents in doc.paras]
        blocks += [text for text, _ in doc.footers]
        doc.text = "\n\n".join(blocks)
        return doc.text

    def words(self, doc: _Doc) -> int:
        return len(self.render(doc).split())

    # -- building

    def _new_para(self, key: int) -> tuple[int, list[_Sent]]:
        tpls = self.event.paras[key] if key < 100 else GENERIC[key - 100]
        return key, [_Sent(t, self.rng.randrange(t.n_variants)) for t in tpls]

    def _add_generic(self, doc: _Doc) -> bool:
        have = {key for key, _ in doc.paras}
        free = [100 + g for g in range(len(GENERIC)) if 100 + g not in have]
        if not free:
            return False
        doc.paras.insert(self.rng.randint(1, len(doc.paras)), self._new_para(self.rng.choice(free)))
        return True

    def _fit(self, doc: _Doc, lo: int, hi: int) -> None:
        while self.words(doc) < lo and self._add_generic(doc):
            continue
        while self.words(doc) > hi and len(doc.paras) > 2:
            generic = [i for i, (key, _) in enumerate(doc.paras) if key >= 100 and i > 0]
            del doc.paras[generic[-1] if generic else -1]

    def _doc(self, parent: _Doc | None, outlet: Outlet | None = None) -> _Doc:
        rng = self.rng
        if outlet is None:
            outlet = rng.choice(self.world.outlets)
            while parent is not None and outlet is parent.outlet:
                outlet = rng.choice(self.world.outlets)
        if parent is None:
            when = datetime(2024, 1, 1) + timedelta(minutes=rng.randrange(730 * 24 * 60))
        else:
            when = parent.when + timedelta(days=rng.randint(1, 4), minutes=rng.randrange(600))
        ident = f"{self.key}-{len(self.docs):02d}"
        depth = 0 if parent is None else parent.depth + 1
        return _Doc(ident, outlet, when, rng.randrange(len(self.event.titles)), [], depth)

    def origin(self, outlet: Outlet | None = None) -> _Doc:
        doc = self._doc(None, outlet)
        doc.paras = [self._new_para(i) for i in range(len(self.event.paras))]
        for _ in range(self.rng.randint(1, 2)):
            self._add_generic(doc)
        self._fit(doc, self.rng.randint(150, 260), 360)
        return doc

    def verbatim(self, parent: _Doc) -> tuple[_Doc, list[_Change]]:
        rng = self.rng
        doc = self._doc(parent)
        doc.title = parent.title
        doc.paras = [(key, [_clone(s) for s in sents]) for key, sents in parent.paras]
        doc.prefix = parent.prefix if rng.random() < 0.5 else None
        if rng.random() < 0.3:
            doc.prefix = rng.choice(_INTROS)
        doc.footers = [f for f in parent.footers if f[1] is not None]
        if not doc.footers and rng.random() < 0.5:
            if rng.random() < 0.5:
                credit = rng.choice(_CREDIT_FOOTERS).format(o=parent.outlet.display)
                doc.footers = [(credit, parent.outlet)]
            else:
                doc.footers = [(rng.choice(_FOOTERS), None)]
        if len(doc.paras) > 3 and rng.random() < 0.3:
            last = doc.paras.pop()
            if self.words(doc) < 130:
                doc.paras.append(last)
        while self.words(doc) > 395 and len(doc.paras) > 3:
            doc.paras.pop()
        changes = []
        if self.absent is None and rng.random() < 0.35:
            changes = self._drift(doc, 1, {"credit_drop"})
        return doc, changes

    def partial(self, parent: _Doc) -> tuple[_Doc, list[_Change]]:
        rng = self.rng
        doc = self._doc(parent)
        rest = parent.paras[1:]
        keep = sorted(rng.sample(range(len(rest)), k=max(1, (len(rest) + 1) // 2)))
        lifted = [parent.paras[0]] + [rest[i] for i in keep]
        doc.paras = [(key, [_clone(s) for s in sents]) for key, sents in lifted]
        self._credit(doc, parent, 0.3)
        for _ in range(rng.randint(1, 2)):
            self._add_generic(doc)
        self._fit(doc, 150, 350)
        while self._lifted_share(doc) < 0.45:
            own = [i for i, (_, sents) in enumerate(doc.paras) if sents[0].parent is None]
            del doc.paras[own[-1]]
        k = 1 if rng.random() < 0.25 else 0
        return doc, self._drift(doc, k, {"tok", "slot", "lost", "garble"})

    def _lifted_share(self, doc: _Doc) -> float:
        """Share of the words in paragraphs taken from the parent (the partial-copy test)."""
        lifted = sum(
            len(self.say(s).split())
            for _, sents in doc.paras
            for s in sents
            if s.parent is not None
        )
        return lifted / self.words(doc)

    def rewrite(self, parent: _Doc) -> tuple[_Doc, list[_Change]]:
        rng = self.rng
        doc = self._doc(parent)
        if len(self.event.titles) > 1:
            doc.title = rng.choice([t for t in range(len(self.event.titles)) if t != parent.title])
        paras = [(key, [_clone(s) for s in sents]) for key, sents in parent.paras]
        rest = paras[1:]
        if rng.random() < 0.6:
            rng.shuffle(rest)
        if len(rest) > 2 and rng.random() < 0.3:
            rest.pop(rng.randrange(len(rest)))
        doc.paras = paras[:1] + rest
        for _, sents in doc.paras:
            for s in sents:
                if s.tpl.n_variants > 1 and rng.random() < 0.7:
                    s.variant = rng.choice([v for v in range(s.tpl.n_variants) if v != s.variant])
        self._credit(doc, parent, 1.0 if parent.id is None else 0.6)
        if rng.random() < 0.4:
            self._add_generic(doc)
        self._fit(doc, 150, 350)
        if parent.id is None:
            return doc, []
        k = 0 if rng.random() < 0.35 else rng.choice((1, 1, 2, 2, 3))
        ops = {"tok", "slot", "lost", "garble"}
        if self.absent is None:
            ops |= {"credit_drop", "credit_swap"}
        return doc, self._drift(doc, k, ops)

    def _credit(self, doc: _Doc, parent: _Doc, chance: float) -> None:
        """Credit the parent's outlet in the lead sentence, unless the lead credits already."""
        lead = doc.paras[0][1][0]
        if lead.credit is None and self.rng.random() < chance:
            lead.credit = (parent.outlet, self.rng.randrange(len(_CREDIT_FORMS)))

    # -- drift

    def _drift(self, doc: _Doc, k: int, ops: set[str]) -> list[_Change]:
        """Inject up to k drift changes of the allowed kinds, one per sentence."""
        if k == 0:
            return []
        options: dict[str, list[tuple[_Sent, str, Any]]] = {}
        for _, sents in doc.paras:
            for s in sents:
                if s.parent is None or s.credit != s.parent.credit:
                    continue
                for op, arg, kind in self._options(s, ops):
                    options.setdefault(kind, []).append((s, op, arg))
        changes: list[_Change] = []
        while len(changes) < k and options:
            kind = self.rng.choice(sorted(options))
            s, op, arg = options[kind].pop(self.rng.randrange(len(options[kind])))
            if not options[kind]:
                del options[kind]
            if any(c.sent is s for c in changes):
                continue
            saved = (s.variant, s.flips, s.over, s.source, s.garble, s.credit)
            if self._apply(s, op, arg):
                changes.append(_Change(s, saved, kind))
        return changes

    def _options(self, s: _Sent, ops: set[str]) -> Iterator[tuple[str, Any, str]]:
        t = s.tpl
        if "tok" in ops:
            for i, kind in enumerate(t.drifts):
                if not s.flips >> i & 1:
                    yield "tok", i, kind
        if "slot" in ops:
            for slot in t.mutable:
                yield "slot", slot, "detail_changed"
        if t.kind == "a" and s.source == _KEPT:
            if "lost" in ops:
                yield "lost", None, "attribution_lost"
            if "garble" in ops:
                yield "garble", None, "attribution_garbled"
        if s.credit is not None:
            if "credit_drop" in ops:
                yield "credit_drop", None, "attribution_lost"
            if "credit_swap" in ops:
                yield "credit_swap", None, "attribution_garbled"

    def _apply(self, s: _Sent, op: str, arg: Any) -> bool:
        rng = self.rng
        assert s.parent is not None
        s.variant = s.parent.variant
        if op == "tok":
            s.flips |= 1 << arg
        elif op == "slot":
            slot, spec = arg
            new = _mutate(spec, (s.over or {}).get(slot, self.facts[slot]), rng)
            if new is None:
                return False
            s.over = {**(s.over or {}), slot: new}
        elif op == "lost":
            s.source = _LOST
        elif op == "garble":
            s.source, s.garble = _GARBLED, s.tpl.alt or rng.choice(_GARBLE)
        elif op == "credit_drop":
            s.credit = None
        else:
            assert s.credit is not None
            outlet = rng.choice(self.world.outlets)
            while outlet is s.credit[0]:
                outlet = rng.choice(self.world.outlets)
            s.credit = (outlet, s.credit[1])
        return True

    def _settle(self, doc: _Doc, parent: _Doc, changes: list[_Change]) -> list[dict]:
        """Drift lines for the changes whose phrases are unique; undo the others."""
        while True:
            self.render(doc)
            lines = []
            for change in changes:
                assert change.sent.parent is not None
                found = _phrases(
                    self.say(change.sent.parent), self.say(change.sent), parent.text, doc.text
                )
                if found is None:
                    s = change.sent
                    s.variant, s.flips, s.over, s.source, s.garble, s.credit = change.saved
                    changes.remove(change)
                    break
                lines.append(
                    {
                        "story": self.key,
                        "article_id": doc.id,
                        "derivative_phrase": found[1],
                        "earlier_id": parent.id,
                        "earlier_phrase": found[0],
                        "drift_type": change.drift_type,
                    }
                )
            else:
                return lines

    # -- output

    def _article(self, doc: _Doc, copy_of: str | None, copy_kind: str | None) -> dict:
        rng = self.rng
        title = self.event.titles[doc.title].format_map(self.facts)
        title = title[0].upper() + title[1:]
        slug = "-".join(re.findall(r"[a-z0-9]+", title.lower())[:7])
        url = f"https://www.{doc.outlet.domain}/{doc.when:%Y/%m}/{slug}-{self.index}{doc.id[-2:]}"
        cites: list[str] = []
        lead = doc.paras[0][1][0]
        for outlet in [lead.credit[0] if lead.credit else None] + [o for _, o in doc.footers]:
            if outlet and outlet.name not in cites:
                cites.append(outlet.name)
        article: dict[str, object] = {"id": doc.id, "text": doc.text}
        roll = rng.random()
        if roll >= 0.03:
            article["url"] = url
        if roll < 0.03 or roll >= 0.06:
            article["outlet"] = doc.outlet.name
        if doc.depth == 0 or rng.random() >= 0.02:
            stamp = "%Y-%m-%dT%H:%M:00Z" if doc.outlet.datetime_style else "%Y-%m-%d"
            article["published"] = doc.when.strftime(stamp)
        origin = f"outlet:{self.absent.name}" if self.absent else self.docs[0].id
        article.update(
            {
                "title": title,
                "lang": "en",
                "story": self.key,
                "copy_of": copy_of,
                "copy_kind": copy_kind,
                "cites": cites,
                "origin": origin,
            }
        )
        return article

    def __iter__(self) -> Iterator[tuple[dict, list[dict]]]:
        rng = self.rng
        if self.absent is None:
            first = self.origin()
        else:
            source = self.origin(self.absent)  # the absent outlet's report, never written out
            source.id = None
            first, _ = self.rewrite(source)
            first.depth = 0
        self.render(first)
        self.docs.append(first)
        yield self._article(first, None, None), []
        while len(self.docs) < self.size:
            pool = [d for d in self.docs if d.depth < 3]
            parent = rng.choices(pool, weights=[3 if d is self.docs[0] else 1 for d in pool])[0]
            roll = rng.random()
            if roll < 0.3:
                doc, changes = self.verbatim(parent)
                copy_of, kind = parent.id, "verbatim"
            elif roll < 0.5:
                doc, changes = self.partial(parent)
                copy_of, kind = parent.id, "partial"
            else:
                doc, changes = self.rewrite(parent)
                copy_of, kind = None, None
            lines = self._settle(doc, parent, changes)
            article = self._article(doc, copy_of, kind)
            self.docs.append(doc)
            yield article, lines


# ---------------------------------------------------------------- corpus

_SINGLETON = 0.4  # share of stories with one article: about 10% of the articles
_SIZES = range(2, 26)
_SIZE_WEIGHTS = tuple(k**-1.55 for k in _SIZES)  # mean about 6
_WINDOW = 48  # stories open at once; their articles interleave in the output


@dataclass(slots=True)
class _World:
    seed: int
    outlets: list[Outlet]
    absent: list[Outlet]


def story_size(rng: random.Random) -> int:
    """Heavy-tailed: 1 with probability 0.4, else 2-25 with P(k) proportional to k^-1.55."""
    if rng.random() < _SINGLETON:
        return 1
    return rng.choices(_SIZES, weights=_SIZE_WEIGHTS)[0]


def generate(n_articles: int, seed: int) -> Iterator[tuple[dict, list[dict]]]:
    """Yield exactly n_articles (article, its drift lines), lazily; same seed, same corpus."""
    outlets, absent = make_outlets(seed)
    world = _World(seed, outlets, absent)
    rng = random.Random(f"{seed}/corpus")
    open_stories: list[Iterator[tuple[dict, list[dict]]]] = []
    planned = index = 0
    while True:
        while len(open_stories) < _WINDOW and planned < n_articles:
            size = min(story_size(rng), n_articles - planned)
            open_stories.append(iter(_Story(world, index, size)))
            planned += size
            index += 1
        if not open_stories:
            return
        i = rng.randrange(len(open_stories))
        item = next(open_stories[i], None)
        if item is None:
            open_stories[i] = open_stories[-1]
            open_stories.pop()
            continue
        yield item


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--out", type=Path, required=True)
    parser.add_argument("--drift-out", type=Path)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    sizes: Counter[str] = Counter()
    drift_types: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    drift = args.drift_out.open("w", encoding="utf-8") if args.drift_out else None
    try:
        with args.out.open("w", encoding="utf-8") as out:
            for article, lines in generate(args.articles, args.seed):
                out.write(json.dumps(article, ensure_ascii=False) + "\n")
                sizes[article["story"]] += 1
                kinds[
                    article["copy_kind"]
                    or ("origin" if article["origin"] == article["id"] else "rewrite")
                ] += 1
                for line in lines:
                    drift_types[line["drift_type"]] += 1
                    if drift:
                        drift.write(json.dumps(line, ensure_ascii=False) + "\n")
    finally:
        if drift:
            drift.close()
    histogram = Counter(sizes.values())
    print(
        json.dumps(
            {
                "articles": sum(sizes.values()),
                "stories": len(sizes),
                "seconds": round(time.perf_counter() - start, 2),
                "mean_story_size": round(sum(sizes.values()) / max(1, len(sizes)), 2),
                "singleton_article_share": round(histogram[1] / max(1, sum(sizes.values())), 3),
                "story_sizes": dict(sorted(histogram.items())),
                "kinds": dict(kinds),
                "drift_lines": sum(drift_types.values()),
                "drift_types": dict(sorted(drift_types.items())),
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1:])
