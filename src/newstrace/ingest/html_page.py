"""An HTML news page to an Article: main text by trafilatura, provenance from its metadata."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newstrace.errors import EmptyInputError, MalformedInputError
from newstrace.model import Article

if TYPE_CHECKING:
    from trafilatura.settings import Document

# Dates only from the page's markup (meta tags, <time>), never guessed from the text.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})\b", re.IGNORECASE)
_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_HEAD_CHARS = 4096


def declared_charset(data: bytes) -> str | None:
    """The encoding a page declares in a ``<meta>`` tag near its start, if any.

    >>> declared_charset(b'<html><head><meta charset="windows-1252">')
    'windows-1252'
    """
    match = _CHARSET.search(data[:_HEAD_CHARS])
    return match.group(1).decode("ascii") if match else None


def article_from_html(markup: str, where: str) -> Article:
    """Extract the main text of a page, dropping navigation, footers, comments and the like.

    Title, URL (canonical or og:url), outlet (og:site_name) and publication date come from the
    page's metadata when present; ``lang`` from ``<html lang>``. ``where`` names the page in
    errors. Raises EmptyInputError for a
    blank page and MalformedInputError when no main text can be found.
    """
    if not markup.strip():
        raise EmptyInputError(f"{where}: the HTML page is empty")
    document = _extract(markup, where)
    text = document.text if document is not None else None
    if document is None or not text or not text.strip():
        raise MalformedInputError(
            f"{where}: no article text could be extracted from the HTML page (it may be a "
            "navigation page, need JavaScript to show its text, or not be HTML); save the "
            "article's text as .txt instead"
        )
    return Article(
        text=text,
        url=document.url,
        outlet=document.sitename,
        published=document.date,
        title=document.title,
        lang=_page_language(markup),
    )


def _extract(markup: str, where: str) -> Document | None:
    import trafilatura  # a quarter of a second to import: only when a page is read

    try:
        found = trafilatura.bare_extraction(
            markup,
            with_metadata=True,
            include_comments=False,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception as error:  # lxml and trafilatura raise assorted types on broken markup
        raise MalformedInputError(
            f"{where}: the HTML page could not be parsed ({error})"
        ) from error
    return None if isinstance(found, dict) else found  # a dict only when as_dict is asked


def _page_language(markup: str) -> str | None:
    match = _HTML_LANG.search(markup[:_HEAD_CHARS])
    return match.group(1).lower() if match else None
