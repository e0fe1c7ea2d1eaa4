"""Boundary rankers of the attribution encoder: per-token scores, candidates, fitting on
invented attributions drawn too long, and the shipped rankers on an invented article."""

from __future__ import annotations

import numpy as np
import pytest

from newstrace.analyze.attribution._decode import ROLES
from newstrace.analyze.attribution._windows import Window
from newstrace.analyze.attribution.boundaries import (
    ARTEFACT,
    RANKERS,
    BoundaryRanker,
    _content_starts,
    _View,
    token_scores,
)
from newstrace.analyze.attribution.roles import RoleExample
from newstrace.analyze.nlp import load_nlp
from newstrace.artefacts import model_dir

CONTENT = ROLES.index("content")


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def _tokens(doc, phrase: str) -> tuple[int, int]:
    """Token span of the first occurrence of ``phrase``."""
    start = doc.text.index(phrase)
    span = doc.char_span(start, start + len(phrase))
    assert span is not None, phrase
    return span.start, span.end


def _flat(doc) -> np.ndarray:
    """Scores that say nothing: every label as likely as the others, on every token."""
    return np.full((len(doc), len(ROLES), 3), np.log(1 / 3))


def test_token_scores_take_each_tokens_first_piece_and_leave_spaces_outside(nlp):
    doc = nlp("Pike said  yes.")  # two spaces: "said", a space token, "yes"
    assert [t.text for t in doc] == ["Pike", "said", " ", "yes", "."]
    window = Window(
        start=0,
        end=15,
        ids=(0, 1, 2, 3, 4, 5, 6),
        offsets=((-1, -1), (0, 2), (2, 4), (5, 9), (11, 14), (14, 15), (-1, -1)),
        words=(-1, 0, 0, 1, 2, 3, -1),
    )
    pieces = np.log(np.full((5, len(ROLES), 3), 0.2))
    pieces[0, CONTENT] = np.log([0.1, 0.7, 0.2])  # "Pi", the first piece of "Pike"
    pieces[1, CONTENT] = np.log([0.9, 0.05, 0.05])  # "##ke": not read
    scores = token_scores(doc, [window], [pieces])
    assert scores.shape == (5, len(ROLES), 3)
    assert np.allclose(np.exp(scores[0, CONTENT]), [0.1, 0.7, 0.2])
    assert scores[2, CONTENT].tolist() == [0.0, -20.0, -20.0]  # the space: surely outside


_CLAUSES = [
    ("the ferry would run on Sundays", "adding that fares would rise"),
    ("the pier was safe", "adding that repairs would start in May"),
    ("the council had no money left", "adding that a loan was likely"),
    ("the harbour would reopen", "adding that boats must wait"),
    ("nobody was hurt", "adding that the road stays shut"),
    ("the school will close early", "adding that buses will run late"),
]
_NAMES = ["Mara Okafor", "Walter Pike", "Dale Lund", "Ana Ruiz", "Sam Riley", "Elena Pike"]


def _drawn_too_long(nlp, name: str, said: str, added: str):
    """An article where the encoder (flat scores) ran the content on past ", adding"."""
    doc = nlp(f"{name} said on Monday {said}, {added}.")
    cue, source = _tokens(doc, "said"), _tokens(doc, name)
    gold = RoleExample(cue, _tokens(doc, said), source)
    found = RoleExample(cue, (gold.content[0], _tokens(doc, added)[1]), source)
    return doc, found, gold


def test_the_rankers_learn_where_a_content_ends_from_invented_attributions(nlp):
    made = [_drawn_too_long(nlp, n, s, a) for n, (s, a) in zip(_NAMES, _CLAUSES, strict=True)]
    docs = [doc for doc, _, _ in made]
    ranker = BoundaryRanker(C=10.0, min_df=1).fit(
        docs, [_flat(doc) for doc in docs], [[f] for _, f, _ in made], [[g] for _, _, g in made]
    )
    assert set(ranker.models_) == set(RANKERS)
    doc, found, gold = _drawn_too_long(
        nlp, "Dan Cole", "the bridge was sound", "adding that it needs paint"
    )
    [redrawn] = ranker.redraw(doc, _flat(doc), [found])
    assert redrawn.content == gold.content
    assert redrawn.cue == gold.cue and redrawn.source == gold.source


def test_rankers_saved_and_loaded_redraw_alike(nlp, tmp_path):
    made = [_drawn_too_long(nlp, n, s, a) for n, (s, a) in zip(_NAMES, _CLAUSES, strict=True)]
    docs = [doc for doc, _, _ in made]
    ranker = BoundaryRanker(C=10.0, min_df=1).fit(
        docs, [_flat(doc) for doc in docs], [[f] for _, f, _ in made], [[g] for _, _, g in made]
    )
    ranker.save(tmp_path)
    loaded = BoundaryRanker.load(tmp_path)
    doc, found, _ = _drawn_too_long(nlp, "Dan Cole", "the bridge held", "adding that it sways")
    assert loaded.redraw(doc, _flat(doc), [found]) == ranker.redraw(doc, _flat(doc), [found])


def test_a_content_start_before_its_cue_never_moves_past_it(nlp):
    doc = nlp("“The pier,” said Walter Pike, “is unsafe and will close in May.”")
    said = _tokens(doc, "said")
    split = RoleExample(said, (0, len(doc)), _tokens(doc, "Walter Pike"))  # holds its cue
    starts = _content_starts(_View(doc, _flat(doc)), split)
    assert starts[0] == 0 and max(starts) == said[0]
    after = RoleExample(said, _tokens(doc, "is unsafe and will close"), None)
    assert min(_content_starts(_View(doc, _flat(doc)), after)) == 0  # may reach back


@pytest.fixture(scope="module")
def shipped():
    if not (model_dir(ARTEFACT) / "meta.json").is_file():
        pytest.skip(f"no {ARTEFACT} in the package: `make train-encoder` builds it")
    return BoundaryRanker.load()


def test_shipped_rankers_keep_every_span_whole_and_apart_from_its_cue(nlp, shipped):
    text = (
        "The Dover Courier reported on Monday that the Pellin ferry would stop running, "
        "citing two officials. “We have no boats left,” said Walter Pike, the harbour master, "
        "adding that a new ferry could come in spring."
    )
    doc = nlp(text)
    found = [
        RoleExample(_tokens(doc, "reported"), _tokens(doc, "the Pellin ferry"), (0, 3)),
        RoleExample(_tokens(doc, "said"), _tokens(doc, "We have no boats left"), None),
    ]
    for example in shipped.redraw(doc, _flat(doc), found):
        for start, end in (example.cue, example.content):
            assert 0 <= start < end <= len(doc)
        cue, content = example.cue, example.content
        assert not (content[0] < cue[1] and cue[0] < content[1]) or (
            content[0] <= cue[0] and cue[1] <= content[1]
        )
