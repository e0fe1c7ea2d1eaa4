"""Many stories built at once: claims encoded in batches, the same stories as one by one."""

from __future__ import annotations

import pytest

import newstrace
from newstrace.trace import story as story_module
from newstrace.trace.citations import OutletNames
from newstrace.trace.options import DEFAULT_OPTIONS


def test_without_a_cache_a_scratch_one_lives_while_the_stories_are_built(monkeypatch):
    seen = []

    def spy(story_id, members, copies_of, outlets, options, cache):
        seen.append((story_id, cache.directory, cache.directory.parent.is_dir()))
        return story_id

    monkeypatch.setattr(story_module, "build_story", spy)
    told = [("story-1", []), ("story-2", [])]
    built = list(story_module.build_stories(told, {}, OutletNames([]), DEFAULT_OPTIONS))
    assert built == ["story-1", "story-2"]
    assert [s[0] for s in seen] == ["story-1", "story-2"] and all(s[2] for s in seen)
    assert seen[0][1] == seen[1][1] and not seen[0][1].parent.exists()  # removed after


@pytest.mark.slow
def test_stories_built_in_small_batches_are_the_same(
    dev_corpus, dev_trace, dev_ledgers, monkeypatch
):
    monkeypatch.setattr(story_module, "STORIES_AT_ONCE", 2)
    assert newstrace.trace(dev_corpus, cache=dev_ledgers).trace == dev_trace


def test_a_story_rests_on_no_pronoun_the_ledger_left_unresolved():
    text = (
        "Each trader must guess the price the other wants (you say you want the boat, so you "
        "must value it). It said the talks failed. Dr Mara Quill said the harbour will close "
        "in May."
    )
    ledger = newstrace.analyze(text)
    sources = {c.attribution.source.name for c in ledger.claims}
    assert {"you", "It", "Mara Quill"} <= sources  # the ledger keeps them, as PolNeAR marks them
    rests_on = story_module._ultimate_sources([ledger], OutletNames([]), 5)
    assert [s.name for s in rests_on] == ["Mara Quill"]
