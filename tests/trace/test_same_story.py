"""The learnt same-story judgement: its evidence, its model file, and average-link joins."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from newstrace.trace.embed import DIMENSIONS
from newstrace.trace.same_story import (
    FEATURES,
    GROUP_FEATURES,
    Cohesion,
    Evidence,
    GroupEvidence,
    SameStoryModel,
    days_between,
    same_story_model,
)
from newstrace.trace.stories import Groups, LinkRow, evidence, join_groups, link
from newstrace.trace.vectors import UnitVector


def _gist(*weights: float) -> np.ndarray:
    vector = np.zeros(DIMENSIONS, dtype=np.float32)
    vector[: len(weights)] = weights
    return (vector / np.linalg.norm(vector)).astype(np.float16)


def _row(gist: np.ndarray, published: date | None = None, column: int = 0) -> LinkRow:
    words = UnitVector(np.array([column], dtype=np.int32), np.array([1.0], dtype=np.float32))
    return LinkRow(words, words, gist, published)


# Only meaning counts here: a threshold on the mean gist cosine, nothing else.
MEANING_ONLY = SameStoryModel((20.0, 0, 0, 0, 0, 0, 0), -10.0, 0.5)


def test_evidence_rows_follow_the_feature_order():
    row = Evidence(0.8, 0.4, 0.2, 9).row()
    assert len(row) == len(FEATURES)
    assert row[:3] == [0.8, 0.4, 0.2]
    assert row[3] == pytest.approx(np.log1p(9)) and row[4] == 1.0
    assert Evidence(0.8, 0.4, 0.2, None).row()[3:5] == [0.0, 0.0]


def test_date_ranges_that_overlap_are_no_days_apart():
    spring = (date(2015, 3, 1), date(2015, 5, 1))
    assert days_between(spring, (date(2015, 4, 1), date(2016, 1, 1))) == 0
    assert days_between(spring, (date(2015, 5, 11),) * 2) == 10
    assert days_between(spring, None) is None


def test_the_packaged_model_loads_and_weighs_meaning_and_specifics_up():
    model = same_story_model()
    assert 0.0 < model.threshold < 1.0
    far = model.probability(Evidence(0.2, 0.1, 0.0, None))
    near = model.probability(Evidence(0.9, 0.5, 0.6, None))
    assert far < model.threshold < near
    assert same_story_model(0.99).threshold == 0.99


def test_a_model_file_round_trips(tmp_path):
    model = SameStoryModel(
        tuple(float(i) for i in range(len(FEATURES))),
        -1.5,
        0.4,
        tuple(float(i) / 10 for i in range(len(GROUP_FEATURES))),
        0.3,
        0.6,
        0.2,
    )
    model.save(tmp_path)
    assert SameStoryModel.load(tmp_path) == model


def test_group_evidence_rows_follow_the_feature_order():
    tight, loose = Cohesion(0.9, 0.5, 0.7), Cohesion(0.6, 0.3, 0.1)
    between = Evidence(0.5, 0.2, 0.05, 30)
    row = GroupEvidence(between, (tight, loose), (4, 2)).row(pair_score=-1.0)
    assert len(row) == len(GROUP_FEATURES)
    named = dict(zip(GROUP_FEATURES, row, strict=True))
    assert named["pair_score"] == -1.0 and named["specifics"] == 0.05
    assert (named["meaning_within_least"], named["meaning_within_most"]) == (0.6, 0.9)
    assert (named["specifics_within_least"], named["specifics_within_most"]) == (0.1, 0.7)
    assert named["log_smaller_size"] == pytest.approx(np.log(2))
    assert named["one_is_single"] == 0.0 and named["log_days_apart"] == pytest.approx(np.log(31))
    single = GroupEvidence(between, (None, loose), (1, 2)).row(pair_score=0.0)
    assert dict(zip(GROUP_FEATURES, single, strict=True))["one_is_single"] == 1.0


def test_two_articles_are_judged_by_the_pair_model_alone():
    """Group weights that would refuse everything do not touch a join of two articles."""
    refuse = (0.0,) * (len(GROUP_FEATURES) - 1) + (-100.0,)
    model = SameStoryModel(MEANING_ONLY.weights, MEANING_ONLY.bias, 0.5, refuse, -100.0)
    alike = GroupEvidence(Evidence(0.9, 0, 0, None), (None, None), (1, 1))
    assert model.joins(alike)
    assert not model.joins(GroupEvidence(alike.between, (Cohesion(0.9, 0, 0), None), (2, 1)))


def test_a_group_judgement_cannot_join_what_average_link_refuses():
    """A version that is a look-alike on average stays out of a story, however sure the
    group judgement is: it may only refuse joins."""
    accept = (0.0,) * len(GROUP_FEATURES)
    model = SameStoryModel(MEANING_ONLY.weights, MEANING_ONLY.bias, 0.5, accept, 100.0)
    group = (Cohesion(0.9, 0.5, 0.5), None)
    assert not model.joins(GroupEvidence(Evidence(0.45, 0, 0, None), group, (5, 1)))
    assert model.joins(GroupEvidence(Evidence(0.55, 0, 0, None), group, (5, 1)))


def test_a_pair_links_only_past_the_threshold():
    a, b, c = _row(_gist(1, 0)), _row(_gist(0.95, 0.31)), _row(_gist(0, 1))
    assert evidence(a, b).meaning == pytest.approx(0.95, abs=0.01)
    assert link(a, b, MEANING_ONLY) is not None
    assert link(a, c, MEANING_ONLY) is None


def test_one_bridging_article_does_not_chain_two_events():
    """Two tight groups and one article halfway between: average link keeps them apart,
    where joining on the best pair alone would chain all three."""
    left = [_row(_gist(1, 0, 0.05 * k)) for k in range(3)]
    right = [_row(_gist(0, 1, 0.05 * k)) for k in range(3)]
    bridge = _row(_gist(1, 1))
    rows = [*left, *right, bridge]
    links = [(i, j, 0.9) for i in range(7) for j in range(i + 1, 7)]
    links = [(i, j, p) for i, j, p in links if link(rows[i], rows[j], MEANING_ONLY) is not None]
    groups = join_groups(rows, [], links, MEANING_ONLY)
    assert [0, 1, 2] in [g[:3] for g in groups]
    assert not any({0, 3} <= set(g) for g in groups)


def test_copies_join_whatever_the_model_says():
    rows = [_row(_gist(1, 0)), _row(_gist(0, 1))]
    assert join_groups(rows, [(0, 1)], [], MEANING_ONLY) == [[0, 1]]


def _weighing(**weights: float) -> tuple[float, ...]:
    return tuple(weights.get(name, 0.0) for name in GROUP_FEATURES)


def test_two_tight_look_alike_events_keep_apart_under_a_group_judgement():
    """Two events told in near-identical reports each (within cosine ~0.99), alike across
    (~0.72, above the join threshold): average link alone joins them; a group judgement
    that asks two groups to be 0.8 times as alike as each is within itself does not."""
    event_a = [_gist(1.0, 0.4, 0.0), _gist(1.0, 0.42, 0.02)]
    event_b = [_gist(1.0, -0.4, 0.0), _gist(1.0, -0.42, 0.02)]
    rows = [_row(g) for g in event_a + event_b]
    pairs = [(0, 1, 0.99), (2, 3, 0.99), (0, 2, 0.9), (1, 3, 0.9)]
    assert join_groups(rows, [], pairs, MEANING_ONLY) == [[0, 1, 2, 3]]
    cohesive = SameStoryModel(
        MEANING_ONLY.weights,
        MEANING_ONLY.bias,
        0.5,
        _weighing(meaning=20.0, meaning_within_least=-16.0),
    )
    assert join_groups(rows, [], pairs, cohesive) == [[0, 1], [2, 3]]


def test_groups_keep_their_members_and_their_cohesion():
    rows = [_row(_gist(1, 0)), _row(_gist(1, 0)), _row(_gist(0, 1))]
    groups = Groups(rows)
    groups.join(2, 1)
    root = groups.find(1)
    assert sorted(groups.members_of(root)) == [1, 2]
    assert groups.members() == [[0], [1, 2]]
    found = groups.evidence(groups.find(0), root)
    assert found.within[0] is None and found.sizes == (1, 2)
    assert found.within[1] is not None and found.within[1].meaning == pytest.approx(0.0)
    assert found.between.meaning == pytest.approx(0.5)


def _told(gist: np.ndarray, *names: int) -> LinkRow:
    """An article whose names and numbers are the columns ``names`` (none: no specifics)."""
    weight = 1.0 / np.sqrt(len(names)) if names else 0.0
    specifics = UnitVector(np.array(names, dtype=np.int32), np.full(len(names), weight))
    return LinkRow(_row(gist).vector, specifics, gist, None)


def test_template_look_alikes_keep_apart_on_their_names_and_numbers():
    """Two events told in one template (same gist), each with its own town and figures:
    meaning cannot part them; the names and numbers each event's reports share can."""
    same = _gist(1, 0)
    rows = [_told(same, 1, 2), _told(same, 1, 2, 3), _told(same, 7, 8), _told(same, 7, 8, 9)]
    pairs = [(0, 1, 0.99), (2, 3, 0.99), (0, 2, 0.9), (1, 3, 0.9)]
    assert join_groups(rows, [], pairs, MEANING_ONLY) == [[0, 1, 2, 3]]
    apart = SameStoryModel(MEANING_ONLY.weights, MEANING_ONLY.bias, 0.5, specifics_cohesion=0.2)
    assert join_groups(rows, [], pairs, apart) == [[0, 1], [2, 3]]


def test_a_group_whose_versions_name_nothing_asks_nothing_of_a_join():
    """Versions with no names or numbers share none (cohesion 0): the rule on specifics
    cannot refuse a join with such a group, only the model can."""
    same = _gist(1, 0)
    rows = [_told(same), _told(same), _told(same, 4), _told(same, 4)]
    pairs = [(0, 1, 0.99), (2, 3, 0.99), (0, 2, 0.9)]
    model = SameStoryModel(MEANING_ONLY.weights, MEANING_ONLY.bias, 0.5, specifics_cohesion=0.5)
    assert join_groups(rows, [], pairs, model) == [[0, 1, 2, 3]]


def test_gist_neighbours_are_the_same_whatever_the_block_size(monkeypatch):
    from newstrace.trace import stories
    from newstrace.trace.options import TraceOptions

    rng = np.random.default_rng(7)
    gists = [g / np.linalg.norm(g) for g in rng.normal(size=(60, DIMENSIONS))]
    options = TraceOptions(gist_neighbours=3, gist_floor=-1.0)
    whole = stories.gist_neighbours(gists, options)
    monkeypatch.setattr(stories, "_BLOCK_BYTES", 16 * len(gists) * 7)  # blocks of 7 rows
    assert stories.gist_neighbours(gists, options) == whole
    assert len(whole) >= 60 * 3 // 2


def test_pairs_sharing_counts_each_pair_over_the_postings():
    from newstrace.trace.blocking import pairs_sharing

    postings = [[5, 1, 3], [3, 5], [1, 5, 5], [7, 8, 9, 10]]
    assert pairs_sharing(postings, limit=3, at_least=2) == {(1, 5), (3, 5)}
    assert pairs_sharing(postings, limit=3, at_least=1) == {(1, 3), (1, 5), (3, 5)}
    assert pairs_sharing(postings, limit=None, at_least=1) >= {(7, 10), (8, 9)}
