"""Attributions a page's layout makes, with no verb for the taggers to find.

* **Signed quotations**, one to a line: pages that collect voices (readers' reactions, pull
  quotes) print each as a quotation, a dash and who said it: "“He represents our greatest
  shame.” ― Sonya Herridge". The dash is the cue, the name the source, the quotation with
  its marks the content (as PolNeAR marks them). Only a line that is a whole quotation and
  ends on a name of capitalised words is read so: a dash in running prose is no signature.
* **Headline credits**: a headline that opens with who says it and a colon ("Police: Man
  shot in leg during robbery", "Report: Council ignored warnings") credits the rest of its
  line to them. Only a line without a closing full stop, whose credit is one to three
  words ending on a word that names a speaker or a record (:func:`~newstrace.analyze.
  sources.speaker_heads`), so that "Update:", "Watch:" or "Opinion:" credit no one.
* **Transcript turns**: an interview printed as "WALLACE: Let's start with ..." gives each
  paragraph to the speaker in capitals before the colon, the colon being the cue. A page
  is read as a transcript only where speakers take turns (one speaks again after another),
  so that headings in capitals ("ALERT:", "PREVIOUS STORY:", a police log's "BURGLARY:",
  "BURGLARY:", "ARREST:") are no speakers; a few headings never are.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from newstrace.analyze.sources import speaker_heads
from newstrace.model import AttributionSpans, Span

_GAP = r"[ \t\u00a0]"
_SIGNED = re.compile(
    rf"^{_GAP}*(?P<content>[\"“”‘'][^\n]*?[\"”’']){_GAP}*"
    rf"(?P<cue>[―—–]){_GAP}*"
    rf"(?P<source>[A-Z][\w’'-]*\.?(?:{_GAP}+[A-Z][\w’'-]*\.?){{0,5}}?)"
    rf"[.]?{_GAP}*$",
    re.MULTILINE,
)
_TURN = re.compile(
    r"^[ \t\"“]*(?P<source>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3})(?P<cue>:)"
    rf"{_GAP}+(?P<content>\S[^\n]*?){_GAP}*$",
    re.MULTILINE,
)
_HEADLINE_CREDIT = re.compile(
    rf"^{_GAP}*(?P<source>[A-Z][\w’'.-]*(?:{_GAP}+[A-Z]?[\w’'.-]+){{0,2}})(?P<cue>:)"
    rf"{_GAP}+(?P<content>[A-Z0-9\"“‘'][^\n]*[^.\s]){_GAP}*$",
    re.MULTILINE,
)
# a page's labels in capitals before a colon: headings, never speakers
HEADINGS = frozenset(
    {"UPDATE", "CORRECTION", "EDITOR'S NOTE", "NOTE", "VIDEO", "WATCH", "PHOTO", "BYLINE"}
    | {"EMAIL", "SOURCE", "RELATED", "EXCLUSIVE", "BREAKING", "READ MORE", "PREVIOUSLY"}
    | {"RAW", "RAW VIDEO", "MORE", "ALERT", "STORY", "PHOTOS"}
)


def layout_attributions(text: str) -> list[AttributionSpans]:
    """Every signed quotation, headline credit and transcript turn in ``text``, in text
    order (a transcript's turns first: a headline credit is one line, not a turn)."""
    turns = transcript_turns(text)
    taken = {a.cue.start for a in turns}
    headlines = [a for a in headline_credits(text) if a.cue.start not in taken]
    return sorted([*signed_quotes(text), *headlines, *turns], key=lambda a: a.cue.start)


def headline_credits(text: str) -> Iterator[AttributionSpans]:
    """Headlines of the form "Police: Man shot in leg during robbery"."""
    speakers = speaker_heads()
    for match in _HEADLINE_CREDIT.finditer(text):
        if match["source"].upper().strip(".") in HEADINGS:
            continue  # "Video:", "Source:" (a page credit), "Update:"
        last = match["source"].split()[-1].lower().strip(".")
        named = last in speakers or last.rstrip("s") in speakers
        if named and len(match["content"].split()) >= _HEADLINE_WORDS:
            yield _spans(text, match)


# words a credited headline says at least
_HEADLINE_WORDS = 3


def signed_quotes(text: str) -> Iterator[AttributionSpans]:
    """Quotations followed by a dash and a name, one to a line."""
    for match in _SIGNED.finditer(text):
        yield _spans(text, match)


def transcript_turns(text: str) -> list[AttributionSpans]:
    """Paragraphs opened by a speaker in capitals and a colon, where speakers take turns."""
    turns = [m for m in _TURN.finditer(text) if m["source"].strip(".") not in HEADINGS]
    if not _taking_turns([m["source"].split()[-1] for m in turns]):  # "JAKE TAPPER" is TAPPER
        return []
    return [_spans(text, match) for match in turns]


def _taking_turns(speakers: list[str]) -> bool:
    """Whether a speaker speaks again after someone else ("A, B, A"), as in an interview."""
    runs = [speaker for i, speaker in enumerate(speakers) if i == 0 or speakers[i - 1] != speaker]
    return len(runs) > len(set(runs))


def _spans(text: str, match: re.Match[str]) -> AttributionSpans:
    source_end = match.end("source")
    if text[source_end - 1] == ".":  # a full stop after the name is not part of it
        source_end -= 1
    return AttributionSpans(
        cue=Span.of(text, match.start("cue"), match.end("cue")),
        content=Span.of(text, match.start("content"), match.end("content")),
        source=Span.of(text, match.start("source"), source_end),
    )
