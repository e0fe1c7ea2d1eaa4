"""Every threshold, cap and size of the story trace, in one frozen object both engines read.

The defaults are the values the trace was tuned to; the comment on each says on what. Pass a
changed copy to :func:`newstrace.trace` (``TraceOptions(same_story_threshold=0.4)``) instead of
editing module globals: two traces with different options can then run side by side.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from newstrace.ingest import DEFAULT_LIMITS, InputLimits


@dataclass(frozen=True, slots=True, kw_only=True)
class TraceOptions:
    """Thresholds, caps and sizes of the trace stages (copies, stories, per story, engines).

    >>> TraceOptions().gist_neighbours
    10
    >>> TraceOptions(lsh_threshold=0.25).lsh_bands
    (42, 3)
    """

    # --- copies: who took whose wording ---------------------------------------------------
    copy_sample_modulus: int = 4
    """Every n-th shingle value (by hash) is indexed to find candidate copies."""
    copy_max_posting: int = 40
    """A sampled shingle shared by more articles is boilerplate ("Read more at ..."), not
    evidence of copying."""
    copy_min_sampled_shared: int = 2
    """Sampled shingles two articles must share to be measured as a possible copy."""
    copy_min_shared: int = 12
    """A copy shares at least this many 5-grams of its own wording (about two sentences) ..."""
    copy_partial_share: float = 0.4
    """... and at least this share of its text; past ``copy_verbatim_share`` it is verbatim."""
    copy_verbatim_share: float = 0.8
    copy_root_tolerance: float = 0.02
    """A copy of a copy sharing at most this much less with the first text copied that one."""

    # --- stories: which articles tell one event ---------------------------------------------
    keywords: int = 24
    """An article's most specific terms (TF-IDF), hashed for LSH candidates."""
    blocking_keywords: int = 12
    """The keywords an article is blocked on: sharing ``min_shared_keywords`` of them makes
    two articles candidates."""
    min_shared_keywords: int = 2
    story_max_posting: int = 50
    """A blocking term in more articles than this is not specific enough to block on (on
    synthetic corpora a cap of 200 let the pairs grow with the square of the corpus: 12x from
    10k to 40k articles)."""
    lsh_threshold: float = 0.25
    """Keyword-set Jaccard where LSH finds half the pairs (42 bands of 3 rows). 0.15 (51 bands
    of 2) let in 16x the pairs from 10k to 40k synthetic articles, for 2% more same-story
    pairs and no better grouping."""
    lsh_permutations: int = 128
    gist_neighbours: int = 10
    """Each article's most alike heads (sentence embeddings) are candidates too: retellings
    that share few words still say the same thing."""
    gist_floor: float = 0.5
    """... if their cosine reaches this (the learnt model rarely joins pairs below it)."""
    same_story_threshold: float | None = None
    """Probability at which the same-story model joins two articles or groups; None: the
    threshold fitted with the model on real dev sets (``trace/models/same_story``)."""
    same_specifics_cosine: float = 0.35
    """Two versions of one event name the same people, places and numbers: a partial copy
    whose specifics do not reach this cosine is another event told in stock wording."""

    # --- per story ------------------------------------------------------------------------
    same_claim: float = 0.4
    """Share of content words two claims of a story must have in common to be paired."""
    ultimate_sources: int = 5
    """How many of a story's innermost sources it lists."""

    # --- reading and engines ----------------------------------------------------------------
    input_limits: InputLimits = DEFAULT_LIMITS
    """How much of each input is read (see :class:`~newstrace.ingest.InputLimits`)."""
    articles_per_partition: int = 5_000
    """Spark: unless told otherwise, a partition per this many articles (at least one per
    core): 50,000 articles in 2 partitions spilled and grew superlinearly, in 8 stayed linear."""
    collect_limit: int = 50_000
    """Spark: above this many articles the trace is written as Parquet tables only, not
    collected into trace.json and report.html on the driver."""

    @property
    def lsh_bands(self) -> tuple[int, int]:
        """(bands, rows per band) of the keyword MinHashes, as datasketch sizes them for
        ``lsh_threshold``: articles agreeing on every row of any one band are candidates."""
        return _bands(self.lsh_threshold, self.lsh_permutations)


@lru_cache(maxsize=8)
def _bands(threshold: float, permutations: int) -> tuple[int, int]:
    from datasketch import MinHashLSH  # imports SciPy's integrate (a second): only when used

    lsh = MinHashLSH(threshold=threshold, num_perm=permutations)
    return lsh.b, lsh.r


DEFAULT_OPTIONS = TraceOptions()
