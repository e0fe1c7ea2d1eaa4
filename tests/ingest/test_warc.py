"""Web archives: each captured HTML page one article; nothing page-like dropped silently; a cut
or corrupt archive ends in a failed item, never a crash."""

from __future__ import annotations

import gzip
import io
import json

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newstrace.errors import InputError, MalformedInputError, UnsupportedInputError
from newstrace.ingest import read_inputs

PAGE = (
    '<html lang="en"><head><title>{title}</title></head><body>'
    "<nav>Home | Local | Weather</nav><article><h1>{title}</h1>"
    "<p>{body}</p></article><footer>Copyright The Quillmere Gazette</footer></body></html>"
)
FERRY = (
    "The harbour council in Quillmere said on Monday that the island ferry would resume "
    "next week, according to a statement. Captain Odile Marsh told reporters the repairs "
    "to the hull were finished ahead of schedule."
)
MARKET = (
    "Stallholders at the Brantwick caf\u00e9 market said rents would rise by a third, a claim "
    "the town clerk, Benedikt Ory, called premature. The council will vote in June."
)


def _page(title: str, body: str) -> bytes:
    return PAGE.format(title=title, body=body).encode("utf-8")


def _http(status: str, content_type: str | None) -> StatusAndHeaders:
    headers = [("Content-Type", content_type)] if content_type else []
    return StatusAndHeaders(status, headers, protocol="HTTP/1.1")


def _write(path, records, *, compress: bool = True):
    """Write ``records``: ``(type, uri, payload, status, content_type)`` tuples."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=compress)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        for rec_type, uri, payload, status, content_type in records:
            http = None
            if rec_type == "request":
                http = StatusAndHeaders("GET / HTTP/1.1", [], is_http_request=True)
            elif rec_type == "response" and uri.startswith("http"):
                http = _http(status, content_type)
            record = writer.create_warc_record(
                uri,
                rec_type,
                payload=io.BytesIO(payload),
                http_headers=http,
                warc_content_type="" if http else content_type,
            )
            writer.write_record(record)
    return path


def _response(uri, payload, content_type="text/html; charset=utf-8", status="200 OK"):
    return ("response", uri, payload, status, content_type)


SITE = "https://gazette.example"
FERRY_URI = f"{SITE}/news/ferry"
MARKET_URI = f"{SITE}/news/market"


@pytest.fixture
def crawl(tmp_path):
    return _write(
        tmp_path / "crawl.warc.gz",
        [
            ("request", FERRY_URI, b"", "", None),
            _response(FERRY_URI, _page("Ferry to resume", FERRY)),
            ("metadata", FERRY_URI, b"via: seed\n", "", "application/warc-fields"),
            _response(f"{SITE}/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(24), "image/png"),
            _response(f"{SITE}/old", b"<html>moved</html>", status="301 Moved"),
            _response(f"{SITE}/gone", b"<html>gone</html>", status="404 Not Found"),
            (
                "response",
                "dns:gazette.example",
                b"gazette.example. 300 IN A 192.0.2.1",
                "",
                "text/dns",
            ),
            _response(MARKET_URI, _page("Market rents", MARKET)),
        ],
    )


def test_each_html_response_is_an_article_in_file_order(crawl):
    items = list(read_inputs(crawl))
    ferry, market = (item for item in items if item.article)
    assert ferry.name == FERRY_URI and market.name == MARKET_URI
    assert ferry.article.url == FERRY_URI and ferry.article.id == FERRY_URI
    assert ferry.article.title == "Ferry to resume"
    assert "Captain Odile Marsh told reporters" in ferry.article.text
    assert "Home | Local" not in ferry.article.text and "Copyright" not in ferry.article.text
    assert "caf\u00e9 market" in market.article.text
    assert [item.name for item in items] == [
        FERRY_URI,
        f"{SITE}/logo.png",
        f"{SITE}/gone",
        MARKET_URI,
    ]
    offsets = [int(item.origin.rpartition("@")[2]) for item in items]
    assert all(item.origin.startswith(f"{crawl}@") for item in items)
    assert offsets == sorted(offsets) and offsets[0] > 0  # the warcinfo record comes first


def test_captures_that_are_not_pages_fail_visibly(crawl):
    items = {item.name: item for item in read_inputs(crawl)}
    logo = items[f"{SITE}/logo.png"].error
    assert isinstance(logo, UnsupportedInputError) and logo.code == "E107"
    assert "unsupported content type 'image/png'" in logo.message
    gone = items[f"{SITE}/gone"].error
    assert isinstance(gone, InputError) and "HTTP 404 Not Found" in gone.message


def test_the_http_charset_decodes_the_page(tmp_path):
    page = PAGE.format(title="Market rents", body=MARKET).encode("cp1252")
    path = _write(
        tmp_path / "latin.warc",
        [_response(MARKET_URI, page, "text/html; charset=windows-1252")],
        compress=False,
    )
    (item,) = read_inputs(path)
    assert "caf\u00e9 market" in item.article.text and item.warnings == ()


def test_resource_records_and_a_pdf_response(tmp_path):
    path = _write(
        tmp_path / "mixed.warc.gz",
        [
            ("resource", FERRY_URI, _page("Ferry to resume", FERRY), "", "text/html"),
            _response(f"{SITE}/report.pdf", b"%PDF-1.7 ...", "application/pdf"),
        ],
    )
    page, pdf = read_inputs(path)
    assert page.article.title == "Ferry to resume"
    assert "unsupported content type 'application/pdf'" in pdf.error.message


def _pages(count: int) -> list[tuple]:
    return [_response(f"{FERRY_URI}/{n}", _page(f"Ferry {n}", FERRY)) for n in range(count)]


def test_a_truncated_warc_gz_keeps_what_came_before(tmp_path):
    whole = _write(tmp_path / "whole.warc.gz", _pages(4)).read_bytes()
    for cut in (len(whole) * 2 // 3, len(whole) - 30, len(whole) - 4, 200):
        path = tmp_path / "cut.warc.gz"
        path.write_bytes(whole[:cut])
        items = list(read_inputs(path))
        *pages, broken = items
        assert all(item.article for item in pages), cut
        assert isinstance(broken.error, MalformedInputError), cut
        assert broken.name.startswith("cut@") and broken.origin.startswith(f"{path}@")
        assert "nothing after this could be read" in broken.error.message


def test_a_record_cut_inside_its_payload_is_reported(tmp_path):
    whole = _write(tmp_path / "plain.warc", _pages(2), compress=False).read_bytes()
    path = tmp_path / "cut.warc"
    path.write_bytes(whole[: len(whole) - 100])
    first, broken = read_inputs(path)
    assert first.name == f"{FERRY_URI}/0"
    assert "the record is cut short" in broken.error.message


def test_corrupt_data_ends_the_reading_without_a_crash(tmp_path):
    whole = bytearray(_write(tmp_path / "whole.warc.gz", _pages(3)).read_bytes())
    for at in range(len(whole) // 3, len(whole), 97):
        damaged = bytearray(whole)
        damaged[at : at + 4] = b"\x00\xff\x00\xff"
        path = tmp_path / "damaged.warc.gz"
        path.write_bytes(bytes(damaged))
        items = list(read_inputs(path))  # never raises
        assert all(item.article or item.error for item in items)


def test_a_file_that_is_not_a_warc_is_one_failed_item(tmp_path):
    path = tmp_path / "notes.warc"
    path.write_text("Just some notes, not an archive.\n")
    (item,) = read_inputs(path)
    assert isinstance(item.error, MalformedInputError) and item.error.code == "E105"
    assert item.error.message.startswith(f"{path}@0: no readable WARC record here")


def test_a_warc_gzipped_as_a_whole_gets_a_hint(tmp_path):
    plain = _write(tmp_path / "plain.warc", _pages(2), compress=False)
    path = tmp_path / "whole.warc.gz"
    path.write_bytes(gzip.compress(plain.read_bytes()))
    items = list(read_inputs(path))
    assert "warcio recompress" in items[-1].error.message


def test_the_crawlers_own_truncation_is_a_warning(tmp_path):
    path = tmp_path / "capped.warc.gz"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        record = writer.create_warc_record(
            FERRY_URI,
            "response",
            payload=io.BytesIO(_page("Ferry to resume", FERRY)),
            http_headers=_http("200 OK", "text/html"),
            warc_headers_dict={"WARC-Truncated": "length"},
        )
        writer.write_record(record)
    (item,) = read_inputs(path)
    assert item.warnings == ("the crawler stored only part of the page (WARC-Truncated: length)",)


def test_directories_read_csv_and_warc_corpora_in_order(tmp_path):
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "a.csv").write_text(f'id,text\nc1,"{FERRY}"\n')
    _write(root / "b.warc.gz", [_response(MARKET_URI, _page("Market rents", MARKET))])
    _write(root / "c.WARC", [_response(FERRY_URI, _page("Ferry", FERRY))], compress=False)
    (root / "d.gz").write_bytes(gzip.compress(b"text"))
    (root / "e.jsonl").write_text(json.dumps({"id": "j1", "text": MARKET}) + "\n")
    items = list(read_inputs(root))
    assert [item.name for item in items] == ["c1", MARKET_URI, FERRY_URI, "d", "j1"]
    unsupported = items[3].error
    assert isinstance(unsupported, UnsupportedInputError)
    assert "'.gz' (newstrace reads .txt, .html, .htm, .json, .jsonl, .csv, .warc, .warc.gz)" in (
        unsupported.message
    )
