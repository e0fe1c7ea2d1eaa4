"""Which of a version's claims a story reads: none from its page chrome."""

from __future__ import annotations

import newstrace
from newstrace.trace.story import without_chrome


def test_claims_in_page_chrome_are_not_the_story_s():
    text = (
        "Ferry crews to strike in April\n\n"
        "Crews on the Skerrin ferry will strike for two days, the union said on Tuesday.\n\n"
        "Sign up to our newsletter to get the top stories every morning, our editors say.\n\n"
        "Share this article\n"
    )
    ledger = newstrace.analyze(text)
    kept = without_chrome(ledger)
    assert any("newsletter" in c.span.text for c in ledger.claims)
    assert not any("newsletter" in c.span.text for c in kept.claims)
    assert any("strike" in c.span.text for c in kept.claims)
    assert kept.article.text == text  # offsets stay in the text as given
