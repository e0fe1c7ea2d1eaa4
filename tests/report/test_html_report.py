"""The annotated HTML page: escaping, one highlight per claim, exact offsets, self-containment."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from newstrace.model import (
    Article,
    Attribution,
    Certainty,
    CertaintyLevel,
    Claim,
    ClaimKind,
    Ledger,
    Source,
    SourceKind,
    SourceSummary,
    Span,
)
from newstrace.report.html import render_html


class _Page(HTMLParser):
    """Collects every start tag and the article's segments (text, offsets, classes, claims)."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.segments: list[dict] = []
        self._open: dict | None = None
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        self._in_script = tag == "script"
        if tag == "span" and "data-start" in attributes:
            self._open = {**attributes, "text": ""}

    def handle_endtag(self, tag):
        self._in_script = False
        if tag == "span" and self._open is not None:
            self.segments.append(self._open)
            self._open = None

    def handle_data(self, data):
        if self._open is not None:
            self._open["text"] += data
        if self._in_script:
            self.scripts.append(data)


def _parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    return parser


def _claims_of(segment: dict) -> list[int]:
    return [int(n) for n in (segment.get("data-claims") or "").split()]


@pytest.fixture
def page(northport) -> _Page:
    return _parse(render_html(northport))


def test_segments_rebuild_the_article_text_at_their_offsets(northport, page):
    text = northport.article.text
    assert "".join(s["text"] for s in page.segments) == text
    for segment in page.segments:
        assert text[int(segment["data-start"]) : int(segment["data-end"])] == segment["text"]


def test_every_claim_is_highlighted_exactly_over_its_span(northport, page):
    for n, claim in enumerate(northport.claims):
        covered = [s for s in page.segments if n in _claims_of(s)]
        assert int(covered[0]["data-start"]) == claim.span.start
        assert int(covered[-1]["data-end"]) == claim.span.end
        assert "".join(s["text"] for s in covered) == claim.span.text
        assert all("lvl-" in s["class"] for s in covered)


def test_nested_claims_keep_both_and_colour_the_inner_one(northport, page):
    inner = [s for s in page.segments if _claims_of(s) == [3, 4]]
    assert "".join(s["text"] for s in inner) == northport.claims[4].span.text
    assert all("nested" in s["class"] and "lvl-hedged" in s["class"] for s in inner)


def test_hedges_sources_and_cues_are_marked(page):
    classes = {s["text"]: s["class"].split() for s in page.segments}
    assert "hedge" in classes["could"] and "lvl-hedged" in classes["could"]
    assert "hedge" in classes["cannot rule out"]
    assert "source" in classes["Mayor Elena Varga"]
    assert "source" in classes["the Coastal Herald"]
    assert "cue" in classes["According to"]
    assert "claim" not in classes["NORTHPORT — "]


def test_each_claim_has_a_badge_a_detail_and_a_table_row(northport, page):
    for n, claim in enumerate(northport.claims):
        assert (
            "a",
            {
                "class": f"badge lvl-{claim.certainty.level.value}",
                "href": f"#claim-{n}",
                "data-claim": str(n),
                "aria-label": f"Claim {n + 1}",
            },
        ) in page.tags
        assert any(t == "section" and a.get("id") == f"claim-{n}" for t, a in page.tags)
        assert any(t == "tr" and a.get("data-claim") == str(n) for t, a in page.tags)


def test_page_is_standalone(northport):
    page = render_html(northport)
    tags = _parse(page).tags
    assert not [a for _, a in tags if "src" in a]
    assert not any(t == "link" for t, _ in tags)
    assert "The Northport Gazette ← Coastal Herald ← a city engineer" in page


HOSTILE = (
    "Police said <script>alert(1)</script> was found.\n"
    "A reader wrote <img src=x onerror=alert(2)> & left \"quotes\" 'here'."
)


def _hostile_ledger() -> Ledger:
    claim_span = Span.of(HOSTILE, 12, HOSTILE.index(".\n"))
    source = Source("<b>Police</b>", SourceKind.ORGANISATION, Span.of(HOSTILE, 0, 6))
    claim = Claim(
        id='c1"><script>alert(3)</script>',
        span=claim_span,
        attribution=Attribution(source, Span.of(HOSTILE, 7, 11), claim_span, (source,)),
        certainty=Certainty(0.6, CertaintyLevel.HEDGED, (Span.of(HOSTILE, 13, 19),)),
        kind=ClaimKind.EVENT,
        checkworthy=0.5,
    )
    img = Span.of(HOSTILE, HOSTILE.index("<img"), HOSTILE.index("& left"))
    second = Claim(
        "c2",
        img,
        Attribution(Source("a reader", SourceKind.ANONYMOUS_PERSON), None, img),
        Certainty(1.0, CertaintyLevel.ASSERTED),
        ClaimKind.STATEMENT,
        0.1,
    )
    article = Article(
        HOSTILE,
        title="</title><script>alert(4)</script>",
        url="javascript:alert(5)",
        outlet="<i>Outlet</i>",
    )
    return Ledger(
        article,
        "en",
        "<i>Outlet</i>",
        (claim, second),
        (SourceSummary("<b>Police</b>", SourceKind.ORGANISATION, 1),),
        credit="<u>Wire</u>",
        warnings=("<marquee>warn</marquee>",),
    )


def test_article_text_and_metadata_are_escaped():
    page = render_html(_hostile_ledger())
    parsed = _parse(page)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page
    assert "<script>alert" not in page
    assert "<img" not in page
    assert {t for t, _ in parsed.tags}.isdisjoint({"img", "i", "u", "marquee"})
    assert "&lt;b&gt;Police&lt;/b&gt;" in page and "<b>Police" not in page
    assert not any(name.startswith("on") for _, a in parsed.tags for name in a)
    assert not any("javascript:" in (a.get("href") or "") for _, a in parsed.tags)
    assert not any("alert(" in script for script in parsed.scripts)
    assert [t for t, _ in parsed.tags].count("script") == 1


def test_escaped_text_keeps_its_offsets():
    parsed = _parse(render_html(_hostile_ledger()))
    assert "".join(s["text"] for s in parsed.segments) == HOSTILE
    hedge = next(s for s in parsed.segments if "hedge" in s["class"].split())
    assert hedge["text"] == "script" and hedge["data-start"] == "13"


def _bare_ledger(text: str, spans: list[tuple[int, int]]) -> Ledger:
    """Claims over ``spans`` that the article states itself: only their offsets matter here."""
    claims = []
    for n, (start, end) in enumerate(spans):
        span = Span.of(text, start, end)
        source = Source("The article", SourceKind.THE_ARTICLE)
        certainty = Certainty(1.0, CertaintyLevel.ASSERTED)
        claims.append(
            Claim(f"c{n}", span, Attribution(source, None, span), certainty, ClaimKind.EVENT, 0.5)
        )
    return Ledger(Article(text), "en", None, tuple(claims), ())


def test_crossing_claims_are_cut_where_they_overlap():
    text = "Rain fell and the river rose overnight."
    parsed = _parse(render_html(_bare_ledger(text, [(0, 23), (14, 38)])))
    both = [s["text"] for s in parsed.segments if _claims_of(s) == [0, 1]]
    assert both == ["the river"]
    assert "".join(s["text"] for s in parsed.segments) == text


def test_empty_claims_still_get_their_badge():
    text = "Nothing much."
    parsed = _parse(render_html(_bare_ledger(text, [(4, 4), (13, 13)])))
    badges = [a["data-claim"] for t, a in parsed.tags if t == "a" and "data-claim" in a]
    assert badges == ["0", "1"]
    assert "".join(s["text"] for s in parsed.segments) == text
