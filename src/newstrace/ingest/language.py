"""Which language an article is in, offline and cheaply, so the analyzer can refuse politely."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

SAMPLE_CHARS = 5000
"""Only the start of a text is classified: a few thousand characters settle the language and
keep the cost flat (about 2 ms) however long the article is."""

UNDETERMINED = "und"


def detect_language(text: str) -> tuple[str, float]:
    """The text's language as an ISO 639-1 code (639-3 where there is none) and a probability.

    Text without letters gives ``("und", 0.0)``. The model (py3langid's, shipped with the
    package) loads once, in about a second, on first use.

    >>> detect_language("The defector said the video surfaced in April.")[0]
    'en'
    """
    sample = text[:SAMPLE_CHARS]
    if not any(char.isalpha() for char in sample):
        return UNDETERMINED, 0.0
    language, probability = _identifier().classify(sample)
    return language, float(probability)


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier  # imports NumPy: when used

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
