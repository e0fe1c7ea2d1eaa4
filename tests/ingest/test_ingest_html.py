"""HTML pages: main text without boilerplate, provenance from metadata, clear failures."""

from __future__ import annotations

import pytest

from newstrace.errors import EmptyInputError, MalformedInputError
from newstrace.ingest import read_article, read_inputs, read_item


@pytest.fixture
def page(fixtures_dir):
    return fixtures_dir / "ingest" / "harbour_page.html"


def test_boilerplate_is_removed(page):
    text = read_article(page).text
    assert "engineers found cracks in two of its supporting piers" in text
    assert "council leader Ingrid Hallowell told reporters" in text
    assert text.rstrip().endswith("will start running on Monday.")
    for boilerplate in ("Subscribe", "cookies", "Most read", "Privacy policy", "Copyright"):
        assert boilerplate not in text


def test_metadata_comes_from_the_page(page):
    article = read_article(page)
    assert article.title == "Harbour bridge closure may last until spring, council says"
    assert article.url == "https://www.marlow-courier.example/news/harbour-bridge-closure"
    assert article.outlet == "The Marlow Courier"
    assert article.published == "2024-03-14"
    assert article.lang == "en"
    assert article.id == "harbour_page"


def test_declared_charset_is_honoured(tmp_path):
    html = (
        '<html lang="en-GB"><head><meta charset="windows-1252"><title>T</title></head>'
        "<body><article><p>The caf\u00e9 owner said the \u201cbridge\u201d would reopen in "
        "May, although engineers were not sure of it.</p></article></body></html>"
    )
    path = tmp_path / "cafe.htm"
    path.write_bytes(html.encode("cp1252"))
    item = read_item(path)
    assert "caf\u00e9 owner said the \u201cbridge\u201d" in item.article.text
    assert item.warnings == () and item.article.lang == "en"


@pytest.mark.parametrize(
    "markup",
    [
        "<html><head><title>Menu</title></head><body></body></html>",
        "<<<>>> <// ><<",
        "<html><body><script>var story = 1;</script></body></html>",
    ],
)
def test_page_without_main_text_is_malformed(tmp_path, markup):
    path = tmp_path / "nothing.html"
    path.write_text(markup, encoding="utf-8")
    item = next(read_inputs(path))
    assert isinstance(item.error, MalformedInputError)
    assert "no article text could be extracted" in item.error.message


def test_blank_page_is_empty(tmp_path):
    path = tmp_path / "blank.html"
    path.write_text("\n \n", encoding="utf-8")
    with pytest.raises(EmptyInputError):
        read_article(path)
