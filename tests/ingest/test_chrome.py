"""Page chrome in plain-text articles: spans, the body left over, and the headline.

Every snippet here is made up for the test; the real pages are scored by bench/chrome_eval.py.
"""

from __future__ import annotations

import json
from importlib import resources

import pytest

from newstrace.ingest.chrome import blank_chrome, body_ranges, chrome_spans, headline

STORY = [
    "Otters return to the River Wendle after forty years",
    "",
    "Otters have been seen on the River Wendle for the first time since 1984, the county"
    " wildlife trust said on Tuesday.",
    "",
    "Volunteers counted three adults and two cubs near the old mill, according to the trust.",
]


def marked(text: str) -> list[str]:
    return [text[start:end] for start, end in chrome_spans(text)]


def page(*lines: str) -> str:
    return "\n".join(lines)


@pytest.mark.parametrize(
    "line",
    [
        "An otter cub on the bank of the Wendle (Picture: Mill Lane Photos)",
        "Photo: Dana Greer / Wendle Gazette",
        "Otters were last seen here in 1984. Pat Ruiz/Shutterstock",
        "Copyright 2019 Wendle Gazette. All rights reserved.",
        "(c) 2019 Wendle Media Group",
        "© Wendle Gazette 2021",
        "Subscribe to get daily wildlife news straight to your inbox",
        "Sign up for our weekly nature newsletter",
        "Share this article",
        "Total Pageviews",
        "Read more: Beavers build a dam near the bypass",
        "Advertisement",
        "We use cookies to improve your experience on this site.",
        "Posted at 6:10 PM, Mar 03, 2021",
        "Last updated at 4:12 p.m. by staff.",
        "12 March 2021 09:15 GMT | Updated 12 March 2021 10:02 GMT",
        "This is a developing story. Check back for updates.",
        "Flooded lane near the mill pic.twitter.com/abc123 — Sam Wood (@samwood) March 3, 2021",
        "..........",
    ],
)
def test_chrome_lines_are_marked_with_exact_offsets(line: str) -> None:
    text = page(STORY[0], "", STORY[2], "", line, "", STORY[4])
    start = text.index(line)
    assert chrome_spans(text) == [(start, start + len(line))]


def test_story_lines_are_never_marked() -> None:
    text = page(*STORY)
    assert chrome_spans(text) == []
    assert body_ranges(text) == [(0, len(text))]


@pytest.mark.parametrize(
    "sentence",
    [
        "Nobody was hurt.",
        "It was the first sighting in decades, she said.",
        "The trust will publish its count on Friday, and volunteers may share photos.",
        "Read the trust's report before you visit, rangers advised.",
        "The sighting happened around 3:30 p.m.",
    ],
)
def test_a_short_real_sentence_is_not_chrome(sentence: str) -> None:
    text = page(STORY[0], "", sentence, "", STORY[2])
    assert chrome_spans(text) == []


def test_a_menu_of_short_lines_is_one_group() -> None:
    menu = page("Home", "", "Nature", "", "Rivers", "", "Weather")
    text = page(menu, "", *STORY)
    assert marked(text) == [menu]


def test_a_list_that_a_sentence_opens_is_content() -> None:
    text = page(
        STORY[2], "", "The volunteers found:", "", "Two holts", "", "Fresh spraints", "", "Tracks"
    )
    assert chrome_spans(text) == []


def test_a_share_widget_at_the_end() -> None:
    widget = page("Share this:", "Facebook", "Twitter", "Email", "Print")
    text = page(*STORY, "", widget)
    assert marked(text) == [widget]


def test_alt_text_above_a_caption_goes_with_it() -> None:
    caption = page("otters, river, mill", "Two cubs near the weir (Photo: Wendle Trust)")
    text = page(caption, "", *STORY[2:])
    assert marked(text) == [caption]


def test_a_repeated_line_keeps_its_first_copy() -> None:
    text = page(*STORY, "", STORY[4])
    second = text.rindex(STORY[4])
    assert chrome_spans(text) == [(second, len(text))]


def test_related_links_after_their_header() -> None:
    links = page("Related stories:", "Beavers return to the upper valley", "Heron numbers fall")
    text = page(*STORY, "", links)
    assert marked(text) == [links]


def test_windows_line_ends_stay_out_of_spans() -> None:
    text = "\r\n".join([STORY[2], "Advertisement", STORY[4]])
    [(start, end)] = chrome_spans(text)
    assert text[start:end] == "Advertisement"


def test_body_ranges_are_the_complement() -> None:
    text = page("Advertisement", "", *STORY, "", "Copyright 2021 Wendle Gazette")
    [(start, end)] = body_ranges(text)
    assert text[start:end] == page(*STORY)


def test_blank_chrome_keeps_offsets_and_blanks_only_known_widgets() -> None:
    text = page(STORY[2], "Article continues below", STORY[4], "Photo: Dale Lund")
    blanked = blank_chrome(text)
    widget = "Article continues below"
    # a caption stays: it may end the sentence the parser needs
    assert blanked == text.replace(widget, "\n" * len(widget))
    wrapped = page("The council said the bridge will reopen", "today.")
    assert blank_chrome(wrapped) == wrapped  # a wrapped paragraph's last word
    run_in = 'Pike told the Courier. Article continues below "We need help," he said.'
    assert blank_chrome(run_in) == run_in.replace(widget, " " * len(widget))


@pytest.mark.parametrize("text", ["", "\n\n", "   "])
def test_empty_text(text: str) -> None:
    assert chrome_spans(text) == []
    assert body_ranges(text) == []
    assert headline(text, None) is None


def test_non_english_prose_is_kept_and_its_chrome_found() -> None:
    text = page(
        "Fischotter kehren an die Wendle zurück",
        "",
        "Zum ersten Mal seit 1984 wurden an der Wendle wieder Fischotter gesehen, teilte der"
        " Naturschutzverein am Dienstag mit.",
        "",
        "Ein Jungtier am Ufer (Foto: Wendle-Bote) (Picture: Wendle-Bote)",
        "",
        "© 2021 Wendle-Bote",
        "",
        "新しい調査によると、カワウソが四十年ぶりに戻ってきた。",
    )
    assert marked(text) == [
        page(
            "Ein Jungtier am Ufer (Foto: Wendle-Bote) (Picture: Wendle-Bote)",
            "",
            "© 2021 Wendle-Bote",
        )
    ]
    assert headline(text, None) == "Fischotter kehren an die Wendle zurück"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Otters return to the Wendle", "Otters return to the Wendle"),
        ("Otters return to the Wendle | The Sun", "Otters return to the Wendle"),
        (
            "Otters return to the Wendle - WXYZ-TV: News, Weather and Sports for Wendle, WS",
            "Otters return to the Wendle",
        ),
        ("Otters return to the Wendle : Wendle News", "Otters return to the Wendle"),
        (
            "Otters - and their cubs - return to the Wendle",
            "Otters - and their cubs - return to the Wendle",
        ),
        ("  Otters   return\nto the Wendle ", "Otters return to the Wendle"),
    ],
)
def test_headline_from_the_title_field(title: str, expected: str) -> None:
    assert headline(page(*STORY), title) == expected


def test_headline_falls_back_to_the_text_when_the_title_is_not_one() -> None:
    assert headline(page(*STORY), "Page Not Found") == STORY[0]
    assert headline(page(*STORY), "") == STORY[0]


def test_headline_skips_chrome_dates_and_captions() -> None:
    text = page(
        "Subscribe to get daily wildlife news",
        "",
        "12 March 2021",
        "",
        "An otter cub on the bank (Picture: Mill Lane Photos)",
        "",
        *STORY,
    )
    assert headline(text, None) == STORY[0]


def test_no_headline_when_the_page_starts_with_prose() -> None:
    assert headline(page(*STORY[2:]), None) is None


def test_no_headline_from_a_widget() -> None:
    assert headline(page("Total Pageviews", "", "1,024"), None) is None


def test_the_lexicon_ships_with_the_package() -> None:
    lexicon = resources.files("newstrace.ingest").joinpath("lexicons/chrome.json")
    assert "total pageviews" in json.loads(lexicon.read_text(encoding="utf-8"))["lines"]
