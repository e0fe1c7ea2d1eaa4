"""Bytes to text: UTF-8 first, then BOM-marked UTF-16/32, then a declared or guessed encoding.

Guessing is the last resort and is always reported as a warning, because a wrong guess changes
characters (and so what the analysis reads) without any error.
"""

from __future__ import annotations

import codecs

from charset_normalizer import CharsetMatch, from_bytes

from newstrace.errors import BinaryInputError, EncodingError
from newstrace.ingest.binary import describe_binary

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# On a tie, the Western code page is the likelier one for English-language news.
_PREFERRED = ("cp1252", "latin_1", "iso8859_15")


def decode_bytes(
    data: bytes, *, partial: bool = False, declared: str | None = None
) -> tuple[str, tuple[str, ...]]:
    """Decode ``data`` into text; return it with warnings about how it was decoded.

    Tries UTF-8 (a BOM is dropped), then UTF-16/UTF-32 by their BOM, then the ``declared``
    encoding (an HTML page's ``<meta charset>``), then a charset-normalizer guess, which adds a
    warning. ``partial`` means ``data`` was cut from a longer input, so an incomplete last
    character is dropped rather than treated as an error.

    Raises BinaryInputError for binary data and EncodingError when nothing decodes it.

    >>> decode_bytes("café".encode("utf-8"))
    ('café', ())
    """
    marked = bom_encoding(data)
    if marked:
        return _decode(data, marked, partial), ()
    what = describe_binary(data)
    if what:
        raise BinaryInputError(f"the input looks like {what}, not text")
    for encoding in ("utf-8-sig", declared):
        text = _try_decode(data, encoding, partial)
        if text is not None:
            return text, ()
    return _guess(data, partial)


def bom_encoding(data: bytes) -> str | None:
    """``"utf-16"`` or ``"utf-32"`` when ``data`` starts with their byte-order mark."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def _decoder(encoding: str) -> codecs.IncrementalDecoder:
    return codecs.getincrementaldecoder(encoding)(errors="strict")


def _decode(data: bytes, encoding: str, partial: bool) -> str:
    try:
        return _decoder(encoding).decode(data, final=not partial)
    except UnicodeDecodeError as error:
        raise EncodingError(
            f"the input starts with a {encoding.upper()} byte-order mark but is not valid "
            f"{encoding.upper()} (byte {error.start}: {error.reason})"
        ) from error


def _try_decode(data: bytes, encoding: str | None, partial: bool) -> str | None:
    if not encoding:
        return None
    try:
        return _decoder(encoding).decode(data, final=not partial)
    except (UnicodeDecodeError, LookupError):
        return None


def _guess(data: bytes, partial: bool) -> tuple[str, tuple[str, ...]]:
    for encoding in _ranked_guesses(data):
        text = _try_decode(data, encoding, partial)
        if text is not None:
            warning = f"not valid UTF-8; decoded as {encoding} (a guess by charset-normalizer)"
            return text, (warning,)
    raise EncodingError(
        "the input is not valid UTF-8 and its encoding could not be recognised; re-save it as UTF-8"
    )


def _ranked_guesses(data: bytes) -> list[str]:
    """charset-normalizer's candidates, least chaotic first, each under its Western name.

    On equal chaos a Western code page wins: the coherence score that would otherwise break
    the tie is noise on short English texts (it ranks cp775 over cp1252 for "Café"). A
    candidate that decodes the data exactly as cp1252 would is named cp1252.
    """
    candidates = [(_western_name(m), m.chaos, m.coherence) for m in from_bytes(data)]
    candidates.sort(key=lambda c: (round(c[1], 2), c[0] not in _PREFERRED, -c[2]))
    return [encoding for encoding, _, _ in candidates]


def _western_name(match: CharsetMatch) -> str:
    same = match.could_be_from_charset
    return next((name for name in _PREFERRED if name in same), match.encoding)
