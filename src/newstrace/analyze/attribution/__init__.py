"""Attribution extraction: who (source) is credited, with which words (cue), for what (content).

>>> from newstrace.analyze.nlp import load_nlp
>>> doc = load_nlp()("Officials said the bridge would reopen in May.")
>>> [(a.cue.text, a.source.text, a.content.text) for a in AttributionExtractor.load().predict(doc)]
[('said', 'Officials', 'the bridge would reopen in May')]
"""

from newstrace.analyze.attribution.extractor import AttributionExtractor

__all__ = ["AttributionExtractor"]
