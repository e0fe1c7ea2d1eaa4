"""Outlet names from URLs and from the ways texts credit them."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from newstrace.ingest import canonical_outlet, outlet_from_url


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.businessinsider.com/kim-jong-un-crying-video-2018-6", "Business Insider"),
        ("https://edition.cnn.com/2024/03/14/world/story", "CNN"),
        ("http://uk.reuters.com/article/x", "Reuters"),
        ("https://apnews.com/article/abc", "Associated Press"),
        ("www.asahi.com/ajw/articles/1", "Asahi Shimbun"),
        ("https://EXAMPLE-NEWS.com:8080/a?b=c", "example-news.com"),
        ("https://m.example-news.com/a", "example-news.com"),
        ("https://news.marlow-courier.example/x", "news.marlow-courier.example"),
    ],
)
def test_outlet_from_url(url, outlet):
    assert outlet_from_url(url) == outlet


@pytest.mark.parametrize("url", ["", "not a url", "https://localhost/x", "http://[broken/"])
def test_no_outlet_without_a_real_host(url):
    assert outlet_from_url(url) is None


@pytest.mark.parametrize(
    ("name", "outlet"),
    [
        ("Japan's Asahi Shinbun", "Asahi Shimbun"),
        ("Japan\u2019s Asahi Shinbun", "Asahi Shimbun"),
        ("the AP", "Associated Press"),
        ("The Associated Press", "Associated Press"),
        ("AFP", "Agence France-Presse"),
        ("Agence France Presse", "Agence France-Presse"),
        ("South Korea's Yonhap news agency", "Yonhap"),
        ("the Japanese newspaper Asahi Shimbun", "Asahi Shimbun"),
        ("L.A. Times", "Los Angeles Times"),
        ("the AJC", "The Atlanta Journal-Constitution"),
        ("the New York Times", "The New York Times"),
        ("the Hill", "The Hill"),
        ("business insider", "Business Insider"),
        ("reuters.com", "Reuters"),
    ],
)
def test_canonical_outlet(name, outlet):
    assert canonical_outlet(name) == outlet


@pytest.mark.parametrize(
    "name", ["Hill", "Advocate", "a defector", "Kim Jong Un", "officials", "example.org"]
)
def test_unknown_names_are_none(name):
    assert canonical_outlet(name) is None


def test_every_alias_and_domain_leads_back_to_its_outlet():
    table = json.loads(resources.files("newstrace.ingest").joinpath("outlets.json").read_text())
    assert len(table["outlets"]) >= 60
    for outlet in table["outlets"]:
        for alias in (outlet["name"], *outlet["aliases"]):
            assert canonical_outlet(alias) == outlet["name"], alias
        for domain in outlet["domains"]:
            assert outlet_from_url(f"https://www.{domain}/story") == outlet["name"], domain
