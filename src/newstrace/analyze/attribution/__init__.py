"""Attribution extraction: who (source) is credited, with which words (cue), for what (content).

Two extractors share one contract (``predict(doc) -> list[AttributionSpans]``): the CRFs
over the spaCy parse (:class:`AttributionExtractor`, the default) and a fine-tuned encoder
on onnxruntime (:class:`~newstrace.analyze.attribution.encoder.EncoderTagger`); the
environment variable ``NEWSTRACE_ATTRIBUTION`` (``crf`` or ``encoder``) chooses
(:mod:`newstrace.analyze.settings`).

>>> from newstrace.analyze.nlp import load_nlp
>>> doc = load_nlp()("Officials said the bridge would reopen in May.")
>>> [(a.cue.text, a.source.text, a.content.text) for a in AttributionExtractor.load().predict(doc)]
[('said', 'Officials', 'the bridge would reopen in May')]
"""

from __future__ import annotations

from typing import Protocol

from spacy.tokens import Doc

from newstrace.analyze.attribution.extractor import AttributionExtractor
from newstrace.analyze.settings import extractor_name
from newstrace.model import AttributionSpans


class Extractor(Protocol):
    """What the ledger needs of an attribution extractor."""

    def predict(self, doc: Doc) -> list[AttributionSpans]: ...


def load_extractor(name: str | None = None) -> Extractor:
    """The packaged extractor ``name`` (``crf`` or ``encoder``; by default the one
    ``NEWSTRACE_ATTRIBUTION`` chooses), loaded."""
    if (name or extractor_name()) == "encoder":
        from newstrace.analyze.attribution.encoder import EncoderTagger

        return EncoderTagger.load()
    return AttributionExtractor.load()


__all__ = ["AttributionExtractor", "Extractor", "load_extractor"]
