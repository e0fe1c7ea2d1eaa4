"""The same-story recipe's group decisions: what the group judgement is fitted on."""

from __future__ import annotations

import numpy as np

from newstrace.trace.embed import DIMENSIONS
from newstrace.trace.same_story import GROUP_FEATURES, SameStoryModel
from newstrace.trace.stories import Groups, LinkRow
from newstrace.trace.vectors import UnitVector
from newstrace.training.grouping import _Recorder

MEANING_ONLY = SameStoryModel((20.0, 0, 0, 0, 0, 0, 0), -10.0, 0.5)


def _row(*weights: float) -> LinkRow:
    gist = np.zeros(DIMENSIONS, dtype=np.float32)
    gist[: len(weights)] = weights
    words = UnitVector(np.array([0], dtype=np.int32), np.array([1.0], dtype=np.float32))
    return LinkRow(words, words, (gist / np.linalg.norm(gist)).astype(np.float16), None)


def _two_events() -> Groups:
    """Articles 0-1 (story a, joined), 2 (story a) and 3 (story b), all alike in meaning."""
    groups = Groups([_row(1, 0.1), _row(1, 0.12), _row(1, 0.11), _row(1, 0.3)])
    groups.join(0, 1)
    return groups


def test_joins_of_groups_are_noted_with_whether_their_stories_are_one():
    groups = _two_events()
    recorder = _Recorder(MEANING_ONLY, ["a", "a", "a", "b"], follow_gold=True)
    assert recorder(groups, groups.find(0), 2)
    assert not recorder(groups, groups.find(0), 3)
    assert recorder.same == [True, False]
    assert all(len(row) == len(GROUP_FEATURES) for row in recorder.rows)


def test_two_articles_are_not_noted_and_loose_joins_follow_average_link():
    groups = _two_events()
    recorder = _Recorder(MEANING_ONLY, ["a", "a", "a", "b"], follow_gold=False)
    assert recorder(groups, 2, 3)  # two articles: the pair model's call, not noted
    assert recorder(groups, groups.find(0), 3)  # alike on average: joined, though wrong
    assert recorder.same == [False]
