"""Finding cues ("said", "according to", "quoted ... as describing") with a BIO CRF.

Each sentence is one sequence. Besides the words and the parse, every token carries how often
its lemma was part of a cue in the training data (the learned cue lexicon), so rare reporting
verbs and nouns ("acknowledgement", "tweeted") are found from their lemma's record, and the
cluster of its contextual vector from the parse (:mod:`._tensor`) and of its neighbours'.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from functools import cached_property

import numpy as np
import pycrfsuite
from spacy.tokens import Doc

from newstrace.analyze.attribution._align import TokenSpan
from newstrace.analyze.attribution._crf import bio_spans, open_tagger, train_crf
from newstrace.analyze.attribution._tensor import fit_centroids, nearest
from newstrace.analyze.attribution.features import (
    SHARED,
    DocInfo,
    token_base,
    with_context,
)


class CueTagger:
    """A CRF that tags the cue tokens of every sentence."""

    def __init__(
        self,
        *,
        c1: float = 2.0,
        c2: float = 2.0,
        max_iterations: int = 100,
        min_count: int = 3,
        clusters: int = 128,
    ) -> None:
        self.c1 = c1
        self.c2 = c2
        self.max_iterations = max_iterations
        self.min_count = min_count
        self.clusters = clusters

    def fit(self, docs: Sequence[Doc], cues: Sequence[Sequence[TokenSpan]]) -> CueTagger:
        """Learn the cue lexicon, the vector clusters and the CRF from gold cue spans per doc.

        The CRF sees the lexicon rates of the very data it trains on; rates cross-fitted over
        folds were tried and lost four points of precision on dev.
        """
        self.lexicon_ = _cue_lexicon(docs, cues, self.min_count)
        self.centroids_ = fit_centroids(docs, self.clusters)
        sequences = (
            (xseq, yseq)
            for doc, doc_cues in zip(docs, cues, strict=True)
            for _, xseq, yseq in _sequences(
                doc, DocInfo.of(doc), doc_cues, self.lexicon_, self.centroids_
            )
        )
        params = {"c1": self.c1, "c2": self.c2, "max_iterations": self.max_iterations}
        self.__dict__.pop("_tagger", None)
        self.model_ = train_crf(sequences, params)
        return self

    @cached_property
    def _tagger(self) -> pycrfsuite.Tagger:
        """The CRF opened once, then reused for every Doc."""
        return open_tagger(self.model_)

    def predict(self, doc: Doc, info: DocInfo) -> list[TokenSpan]:
        """Cue token spans of ``doc``, in text order."""
        tagger = self._tagger
        found: list[TokenSpan] = []
        for start, xseq, _ in _sequences(doc, info, (), self.lexicon_, self.centroids_):
            found.extend((start + s, start + e) for s, e in bio_spans(tagger.tag(xseq), "CUE"))
        return found


def _sequences(
    doc: Doc,
    info: DocInfo,
    cues: Sequence[TokenSpan],
    lexicon: dict[str, float],
    centroids: np.ndarray,
) -> Iterator[tuple[int, list[list[str]], list[str]]]:
    """(first token, feature rows, BIO labels) of each sentence."""
    labels = _bio_labels(len(doc), cues)
    base = [token_base(t, info, lexicon) for t in doc]
    _add_clusters(base, nearest(doc, centroids))
    for start, end in info.bounds:
        rows = with_context(base[start:end], SHARED, 2)
        yield start, rows, labels[start:end]


def _add_clusters(base: list[list[str]], clusters: list[int] | None) -> None:
    """Append to each row the vector cluster of the token and of its neighbour on each side, and
    the token's cluster joined with its lexicon rate (the fifth feature, ``lx=``).

    Kept out of the features that the neighbours copy (:data:`SHARED`): they are here already.
    """
    if clusters is None:
        return
    last = len(base) - 1
    for i, row in enumerate(base):
        row.extend(f"k{o}={clusters[i + o]}" for o in (-1, 0, 1) if 0 <= i + o <= last)
        row.append(f"kl={clusters[i]}|{row[4]}")


def _bio_labels(length: int, spans: Sequence[TokenSpan]) -> list[str]:
    labels = ["O"] * length
    for start, end in spans:
        if any(label != "O" for label in labels[start:end]):
            continue  # a second cue over the same tokens adds nothing to learn
        labels[start] = "B-CUE"
        labels[start + 1 : end] = ["I-CUE"] * (end - start - 1)
    return labels


def _cue_lexicon(
    docs: Sequence[Doc], cues: Sequence[Sequence[TokenSpan]], min_count: int
) -> dict[str, float]:
    """Lemma -> the share of its occurrences inside a gold cue (lemmas seen often, ever in one).

    Lemmas never seen in a cue are left out to keep the artefact small; they read as rate 0.
    """
    seen: Counter[str] = Counter()
    in_cue: Counter[str] = Counter()
    for doc, doc_cues in zip(docs, cues, strict=True):
        inside = {i for start, end in doc_cues for i in range(start, end)}
        for token in doc:
            lemma = token.lemma_.lower()
            seen[lemma] += 1
            in_cue[lemma] += token.i in inside
    return {
        lemma: in_cue[lemma] / n for lemma, n in seen.items() if n >= min_count and in_cue[lemma]
    }
