"""Name news outlets consistently: from a URL's domain, or from how a text credits them.

The table (``outlets.json``) is hand-written: canonical name, aliases and domains of about a
hundred major English-language outlets and wire agencies.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

_TABLE_FILE = "outlets.json"
_HOSTNAME = re.compile(r"^[a-z0-9-]+(?:\.[a-z0-9-]+)+$")
_MOBILE_PREFIX = re.compile(r"^(?:www\d?|m|mobile|amp)\.")
_GENERIC = (
    r"(?:news agency|news service|wire service|newswire|newspaper|daily|broadcaster|"
    r"magazine|weekly|website|news site|network|channel|tabloid|outlet|paper)"
)
# each strips one kind of wrapping from a name's key
_STEPS: tuple[re.Pattern[str], ...] = (
    re.compile(r"^.*?'s? "),  # "japan's asahi shinbun": a possessive prefix
    re.compile(rf"^.*\b{_GENERIC} "),  # "the japanese newspaper asahi shimbun"
    re.compile(rf" {_GENERIC}$"),  # "asahi newspaper"
)
_THE = re.compile(r"^the ")
_PUNCTUATION = re.compile(r"[^\w\s]")
# "Huzlers.com" is Huzlers; "Royal Astronomical Society (RAS)" is the Society
_WEB_SUFFIX = re.compile(r"\.(?:com|org|net|co\.uk|co|info|news|io)$", re.IGNORECASE)
_ABBREVIATION = re.compile(r"\s*\([A-Z]{2,6}\)$")
_SPACES = re.compile(r"\s+")
# an archived copy names the page it keeps: web.archive.org/web/<timestamp>/<original url>
_ARCHIVED = re.compile(r"^(?:https?://)?(?:www\.)?web\.archive\.org/web/[^/]+/(?P<url>.+)$")


@dataclass(frozen=True, slots=True)
class _Table:
    by_key: dict[str, str]
    by_domain: dict[str, str]


def outlet_from_url(url: str) -> str | None:
    """The outlet a URL belongs to: a known outlet's name, else its host without ``www.``.

    >>> outlet_from_url("https://www.businessinsider.com/kim-jong-un-video-2018-6")
    'Business Insider'
    >>> outlet_from_url("https://example-news.com/story/1")
    'example-news.com'
    >>> outlet_from_url("not a url") is None
    True
    >>> outlet_from_url("http://web.archive.org/web/2017/http://www.wwltv.com/news/1")
    'wwltv.com'
    """
    host = _host(url)
    if host is None:
        return None
    return _outlet_of_host(host) or host


def outlet_key(name: str) -> str:
    """The form under which outlet names are compared.

    >>> outlet_key("The Harbour-Gazette") == outlet_key("harbour gazette")
    True
    >>> outlet_key("Huzlers.com"), outlet_key("National Health Service (NHS)")
    ('huzlers', 'national health service')
    """
    name = _ABBREVIATION.sub("", _WEB_SUFFIX.sub("", name.strip()))
    key = _SPACES.sub(" ", _PUNCTUATION.sub(" ", name.lower())).strip()
    return key.removeprefix("the ")


def outlet_identity(name: str) -> str:
    """The key of the outlet a name stands for: a known outlet's aliases ("AP", "the
    Associated Press") share one; other names compare by :func:`outlet_key`.

    >>> outlet_identity("AP") == outlet_identity("The Associated Press")
    True
    """
    return outlet_key(canonical_outlet(name) or name)


def canonical_outlet(name: str) -> str | None:
    """The canonical name of a known outlet as a text credits it, else ``None``.

    >>> canonical_outlet("Japan's Asahi Shinbun"), canonical_outlet("the AP")
    ('Asahi Shimbun', 'Associated Press')
    >>> canonical_outlet("Hill") is None  # a person, not The Hill
    True
    """
    stripped = name.strip()
    if "://" in stripped or _HOSTNAME.match(stripped.lower()):
        host = _host(stripped)
        return _outlet_of_host(host) if host else None
    by_key = _table().by_key
    return next((by_key[key] for key in _candidate_keys(name) if key in by_key), None)


def _candidate_keys(name: str) -> Iterator[str]:
    """The name's key, then ever shorter forms: without a leading 'the', a possessive
    prefix, a descriptor ("the Japanese newspaper") or a generic suffix ("news agency")."""
    key = _key(name)
    yield key
    yield _THE.sub("", key)
    for step in _STEPS:
        key = step.sub("", key)
        yield key
        yield _THE.sub("", key)


def _key(name: str) -> str:
    """Lower case, curly quotes straightened, dots dropped, hyphens and punctuation spaced."""
    text = name.casefold().replace("\u2019", "'").replace("\u2018", "'").replace(".", "")
    text = re.sub(r"[-\"\u201c\u201d()\[\],:;!?]", " ", text)
    return " ".join(text.split()).strip("'")


def _host(url: str) -> str | None:
    url = url.strip()
    archived = _ARCHIVED.match(url)
    if archived:
        url = archived.group("url")
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:  # e.g. an unbalanced "[" in what should be the host
        return None
    host = (host or "").rstrip(".")
    return _MOBILE_PREFIX.sub("", host) if _HOSTNAME.match(host) else None


def _outlet_of_host(host: str) -> str | None:
    """Match the host or any parent domain: ``edition.cnn.com`` is CNN."""
    labels = host.split(".")
    by_domain = _table().by_domain
    parents = (".".join(labels[i:]) for i in range(len(labels) - 1))
    return next((by_domain[d] for d in parents if d in by_domain), None)


@lru_cache(maxsize=1)
def _table() -> _Table:
    """Load the outlet table once; it is package data, read-only."""
    raw = json.loads(resources.files(__package__).joinpath(_TABLE_FILE).read_text("utf-8"))
    by_key: dict[str, str] = {}
    by_domain: dict[str, str] = {}
    for outlet in raw["outlets"]:
        for alias in (outlet["name"], *outlet["aliases"]):
            by_key.setdefault(_key(alias), outlet["name"])
        for domain in outlet["domains"]:
            by_domain[domain] = outlet["name"]
    return _Table(by_key, by_domain)
