"""Attribution extraction: who (source) is credited, with which words (cue), for what (content).

>>> from newstrace.analyze.attribution import AttributionExtractor  # doctest: +SKIP
>>> AttributionExtractor.load().predict(doc)  # doctest: +SKIP
"""

from newstrace.analyze.attribution.extractor import AttributionExtractor

__all__ = ["AttributionExtractor"]
