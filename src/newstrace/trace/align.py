"""Which version each article retold, and which of its claims are versions of which.

Drift is measured between an article and the version it retold, not the origin: in a chain
A -> B -> C, C's dropped hedge is a change from B. The parent is the text an article copied,
else the version of an outlet it credits, else the most similar version published before it.
Each claim is then paired with the earlier claim that says the same thing, by meaning (a
sentence embedding) and shared words, in the nearest earlier version that carries it: a
retelling also repeats what its parent left out (a headline from the origin, a detail from a
version it read besides), and rewords what it retells.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
from scipy import sparse

from newstrace.model import Claim, ClaimFamily, ClaimRef, Ledger
from newstrace.trace.cache import GistCache
from newstrace.trace.claim_meaning import claim_meanings
from newstrace.trace.embed import DIMENSIONS
from newstrace.trace.options import DEFAULT_OPTIONS
from newstrace.trace.text import STOPWORDS, stem, tokens

# Every threshold here was set on the real health stories (typed drift F1; the tech stories
# are the check), where retold claims share few words.
# Claims whose embeddings are this alike (cosine) say the same thing (0.55-0.7 tried) ...
SAME_MEANING = 0.6
# ... and this alike in meaning (0.75-0.85 tried) or in content words (Dice), surely so.
SURE_MEANING = 0.85
SURE_WORDS = 0.5
# How much shared words add to meaning when ranking a claim's candidate versions (0, 0.25
# and 0.5 tried: 0.25 and 0.5 tie on health, 0.5 is better on trace-dev) ...
LEXICAL_WEIGHT = 0.5
# ... and how close to the best a candidate must be to count as about as alike.
NEAR_BEST = 0.05


@dataclass(frozen=True, slots=True)
class Version:
    """An article of a story, as alignment sees it."""

    id: str
    ledger: Ledger
    outlet_key: str | None
    published: date | None
    order: int


def choose_parents(
    versions: Sequence[Version],
    origin_id: str | None,
    copy_of: Mapping[str, str],
    cites: Mapping[str, set[str]],
    similarity,
) -> dict[str, str]:
    """The version each article retold (the origin and lone roots have none).

    ``similarity(a_id, b_id)`` compares two versions; versions are considered in time order
    (undated ones after dated ones, then input order), so parents never form a cycle.
    """
    origin_date = next((v.published for v in versions if v.id == origin_id), None)

    def when(version: Version) -> date | None:
        """The date, unless it claims to precede the origin: then it is wrong."""
        if origin_date and version.published and version.published < origin_date:
            return None
        return version.published

    ordered = sorted(
        versions,
        key=lambda v: (v.id != origin_id, when(v) is None, when(v) or date.min, v.order),
    )
    rank = {version.id: position for position, version in enumerate(ordered)}
    parents: dict[str, str] = {}
    for version in ordered[1:]:
        earlier = ordered[: rank[version.id]]
        parent = copy_of.get(version.id)
        if parent is None or _is_ancestor(version.id, parent, parents):
            credited = [
                o for o in earlier if o.outlet_key and o.outlet_key in cites.get(version.id, ())
            ]
            pool = credited or earlier
            parent = max(pool, key=lambda other: similarity(version.id, other.id)).id
        parents[version.id] = parent
    return parents


def earlier_versions(child_id: str, parents: Mapping[str, str]) -> list[list[str]]:
    """The versions ``child_id`` may have retold, nearest first, in two tiers: its parent and
    theirs up to the root, then the other versions placed before it (``parents`` is in time
    order, as :func:`choose_parents` builds it), latest first."""
    line: list[str] = []
    node = child_id
    while node in parents and parents[node] not in line and parents[node] != child_id:
        node = parents[node]
        line.append(node)
    roots = [p for p in dict.fromkeys(parents.values()) if p not in parents]
    order = [*roots, *parents]
    before = order[: order.index(child_id)] if child_id in order else []
    return [line, [v for v in reversed(before) if v not in line]]


def _is_ancestor(node: str, candidate: str, parents: Mapping[str, str]) -> bool:
    """Whether ``node`` is already an ancestor of ``candidate`` (so it cannot be its parent)."""
    seen: set[str] = set()
    while candidate in parents and candidate not in seen:
        seen.add(candidate)
        candidate = parents[candidate]
        if candidate == node:
            return True
    return False


def claim_words(ledger: Ledger, claim: Claim) -> frozenset[str]:
    """The content-word stems of a claim, for pairing it with its versions."""
    text = ledger.article.text
    return frozenset(
        stem(token.lower)
        for token in tokens(text, claim.span.start, claim.span.end)
        if token.lower not in STOPWORDS
    )


@dataclass(frozen=True, slots=True)
class StoryClaims:
    """Every claim of a story's versions as pairing compares them, stacked once per story (a
    version's claims are compared with those of every version before it, so a story of
    hundreds of versions must not re-stack them for each): meaning (unit rows of
    :func:`~newstrace.trace.claim_meaning.claim_meanings`), content words (a binary row
    over the story's stems; ``sizes`` counts each row's) and certainty score, one row per
    claim; ``rows`` gives each version's rows and ``owners`` each row's version."""

    ledgers: Mapping[str, Ledger]
    rows: Mapping[str, range]
    owners: tuple[str, ...]
    meaning: np.ndarray
    words: sparse.csr_matrix
    sizes: np.ndarray
    certainty: np.ndarray

    @classmethod
    def of(cls, ledgers: Mapping[str, Ledger], cache: GistCache | None = None) -> StoryClaims:
        """The claims of ``ledgers``, embedded together (those in ``cache`` read from it)."""
        claims = [
            (id_, ledger, claim) for id_, ledger in ledgers.items() for claim in ledger.claims
        ]
        rows, first = {}, 0
        for id_, ledger in ledgers.items():
            rows[id_] = range(first, first + len(ledger.claims))
            first += len(ledger.claims)
        words = _word_rows([claim_words(ledger, claim) for _, ledger, claim in claims])
        return cls(
            ledgers,
            rows,
            tuple(id_ for id_, _, _ in claims),
            np.concatenate(
                [
                    np.zeros((0, DIMENSIONS), np.float32),
                    *claim_meanings(list(ledgers.values()), cache),
                ]
            ),
            words,
            np.asarray(words.sum(axis=1)).ravel(),
            np.array([claim.certainty.score for _, _, claim in claims], dtype=float),
        )

    def of_versions(self, ids: Sequence[str]) -> np.ndarray:
        """The rows of the claims of versions ``ids``, in that order."""
        return np.array([row for id_ in ids for row in self.rows[id_]], dtype=np.intp)

    def claim(self, row: int) -> tuple[str, Claim]:
        """The version holding claim ``row``, and the claim."""
        id_ = self.owners[row]
        return id_, self.ledgers[id_].claims[row - self.rows[id_].start]


def pair_with_earlier(
    story: StoryClaims,
    child_id: str,
    tiers: Sequence[Sequence[str]],
    same_claim: float = DEFAULT_OPTIONS.same_claim,
) -> list[tuple[Claim, str, Claim, bool]]:
    """(claim, version id, its earlier claim, sure) quadruples: each claim of version
    ``child_id`` with the earlier claim most like it in meaning and words, from the first of
    the ``tiers`` of earlier versions (the line it descends from, then the others) that holds
    one.

    Two claims are one where they mean the same (cosine at least :data:`SAME_MEANING`) or
    share ``same_claim`` of their content words (Dice). Of earlier claims about as alike
    (within :data:`NEAR_BEST`), the least certain is the one retold (a source that gives a
    claim hedged and plain said no more than the hedged one), then the nearest.
    """
    child = story.rows[child_id]
    pairs: dict[int, tuple[Claim, str, Claim, bool]] = {}
    for tier in tiers:
        unpaired = [i for i in range(len(child)) if i not in pairs]
        candidates = story.of_versions(tier)
        if not unpaired or not len(candidates):
            continue
        # all of the child's claims against the tier, then the unpaired ones kept: a product
        # of another shape may round a cosine otherwise and move a pairing at a threshold
        cosines = (story.meaning[child.start : child.stop] @ story.meaning[candidates].T)[unpaired]
        rows = np.array(unpaired) + child.start
        dice = _dice(story, rows, candidates)
        meant = (cosines >= SAME_MEANING) | (dice >= same_claim)
        score = np.where(meant, cosines + LEXICAL_WEIGHT * dice, -np.inf)
        for row, i in enumerate(unpaired):
            if not meant[row].any():
                continue
            near = np.flatnonzero(score[row] >= score[row].max() - NEAR_BEST)
            best = near[np.argmin(story.certainty[candidates[near]])]
            version, earlier = story.claim(int(candidates[best]))
            sure = bool(cosines[row, best] >= SURE_MEANING or dice[row, best] >= SURE_WORDS)
            pairs[i] = (story.ledgers[child_id].claims[i], version, earlier, sure)
    return [pairs[i] for i in sorted(pairs)]


def _word_rows(words: Sequence[frozenset[str]]) -> sparse.csr_matrix:
    """One binary row per set of ``words``, over the words of all of them."""
    columns: dict[str, int] = {}
    indices: list[int] = []
    indptr = [0]
    for row in words:
        indices.extend(columns.setdefault(word, len(columns)) for word in row)
        indptr.append(len(indices))
    data = np.ones(len(indices))
    return sparse.csr_matrix((data, indices, indptr), shape=(len(words), max(len(columns), 1)))


def _dice(story: StoryClaims, rows: np.ndarray, candidates: np.ndarray) -> np.ndarray:
    """Dice of the content words of claims ``rows`` and ``candidates`` (0 where either
    has none)."""
    shared = (story.words[rows] @ story.words[candidates].T).toarray()
    a, b = story.sizes[rows][:, None], story.sizes[candidates][None, :]
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where((a > 0) & (b > 0), 2 * shared / (a + b), 0.0)


def families(pairs: Sequence[tuple[str, Claim, str, Claim]]) -> list[ClaimFamily]:
    """Claim families: claims linked through pairs, each family in first-seen order."""
    refs: dict[tuple[str, int, int], ClaimRef] = {}
    parent: dict[tuple[str, int, int], tuple[str, int, int]] = {}

    def key(article_id: str, claim: Claim) -> tuple[str, int, int]:
        k = (article_id, claim.span.start, claim.span.end)
        refs.setdefault(k, ClaimRef(article_id, claim.span))
        parent.setdefault(k, k)
        return k

    def find(k):
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for child_id, child_claim, parent_id, parent_claim in pairs:
        a, b = key(child_id, child_claim), key(parent_id, parent_claim)
        parent[find(a)] = find(b)
    grouped: dict[tuple[str, int, int], list[ClaimRef]] = {}
    for k in refs:
        grouped.setdefault(find(k), []).append(refs[k])
    return [
        ClaimFamily(f"f{number}", tuple(members))
        for number, members in enumerate(grouped.values(), start=1)
        if len({ref.article_id for ref in members}) > 1
    ]
