"""``newstrace eval claims``: the claim ledger against hand-labelled claims.

Data: a claims JSONL in the format of ``CLAIMS.md`` (``datasets/real-stories``): per line an
``article_id``, a verbatim ``claim_phrase``, the ``chain`` of ``{name, kind}`` sources from
outermost to innermost, a ``level`` and its ``hedge_cues``; ``--articles`` is the articles
JSONL they come from (by default ``articles.jsonl`` beside the claims). Each article holding a
gold claim is analysed with :func:`newstrace.analyze`; each gold claim is scored against one
predicted claim (:mod:`newstrace.eval._claim_match`); a gold claim no predicted claim overlaps
is missed and counts as wrong in every measure. Names are compared by the rules of
:mod:`newstrace.eval._claim_compare`.

* ``matched``: gold claims with a predicted claim (a count, of ``claims``).
* ``chain_exact``: share of gold claims whose predicted chain, publisher and credit line left
  out, has the same sources of the same kinds in the same order (an empty gold chain needs an
  empty predicted one).
* ``chain_source_recall``: share of all gold chain sources named in the predicted chain.
* ``source_kind_accuracy``: over the ``sourced`` gold claims (a non-empty chain), share whose
  predicted innermost source has the gold innermost kind.
* ``level_accuracy``: share of gold claims with the gold level. The ledger's certainty levels
  carry the ``CLAIMS.md`` names and are compared as they are; the claim kind is not used.
  ``level_lenient`` also takes hedged and speculative as one (the ledger calls every
  epistemic modal speculative; ``CLAIMS.md`` keeps that for guesses about consequences).
* ``hedge_cue_recall``: share of all gold cues sharing a folded word with one of the predicted
  claim's cues (negation and condition cues included).
* ``level_confusion``: gold level -> predicted level (``missed`` when unmatched) -> count.

With ``--predictions``, one JSON line per gold claim (id ``<article_id>:<line>``): the gold,
the predicted claim beside it as scored, and the verdict of each measure.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from newstrace.errors import DataError
from newstrace.eval._claim_compare import (
    GoldSource,
    cues_found,
    same_chain,
    sources_found,
)
from newstrace.eval._claim_match import locate, match_claim, reported_chain
from newstrace.eval._io import rounded, write_predictions
from newstrace.model import CertaintyLevel, Ledger, Source, SourceKind, Span

MISSED = "missed"
_NEAR = frozenset({CertaintyLevel.HEDGED, CertaintyLevel.SPECULATIVE})


@dataclass(frozen=True, slots=True)
class GoldClaim:
    """One labelled claim: where it is, who it comes from, how firmly it is put."""

    id: str
    article_id: str
    phrase: str
    chain: tuple[GoldSource, ...]
    level: CertaintyLevel
    cues: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Predicted:
    """The predicted claim a gold claim is scored against, as the gold would write it."""

    span: Span
    chain: tuple[Source, ...]
    level: CertaintyLevel
    cues: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Verdict:
    """How one gold claim was scored."""

    chain_exact: bool
    sources_found: int
    kind_right: bool | None  # None: no gold source, so no kind to get right
    level_right: bool
    level_lenient: bool
    cues_found: int


Scored = tuple[GoldClaim, Predicted | None, Verdict]


def evaluate(
    data: Path,
    predictions: Path | None = None,
    articles: Path | None = None,
    cache: Path | None = None,
    jobs: int = 1,
) -> dict[str, Any]:
    """Score the ledger of the articles in ``articles`` against the gold claims in ``data``
    (ledgers analysed by ``jobs`` processes, kept in ``cache`` when given)."""
    gold = read_claims(data)
    ledgers = _ledgers(articles or Path(data).with_name("articles.jsonl"), gold, cache, jobs)
    scored = [judge(claim, predict(ledgers[claim.article_id], claim)) for claim in gold]
    write_predictions(predictions, (_row(item) for item in scored))
    return {"articles": len(ledgers), **score(scored)}


def predict(ledger: Ledger, gold: GoldClaim) -> Predicted | None:
    """The ledger's claim matched to ``gold``, or ``None`` when it is missed."""
    claim = match_claim(ledger, *locate(ledger.article.text, gold.phrase))
    if claim is None:
        return None
    certainty = claim.certainty
    return Predicted(claim.span, reported_chain(ledger, claim), certainty.level, certainty.cues)


def judge(gold: GoldClaim, predicted: Predicted | None) -> Scored:
    """Every measure's verdict on one gold claim; a missed claim is wrong in all of them."""
    if predicted is None:
        kind = None if not gold.chain else False
        return gold, None, Verdict(False, 0, kind, False, False, 0)
    chain = predicted.chain
    kind_right = None if not gold.chain else bool(chain) and chain[-1].kind == gold.chain[-1].kind
    level = predicted.level
    verdict = Verdict(
        chain_exact=same_chain(gold.chain, chain),
        sources_found=sources_found(gold.chain, chain),
        kind_right=kind_right,
        level_right=level == gold.level,
        level_lenient=level == gold.level or {level, gold.level} <= _NEAR,
        cues_found=cues_found(gold.cues, predicted.cues),
    )
    return gold, predicted, verdict


def score(scored: Sequence[Scored]) -> dict[str, Any]:
    """The measures over all judged gold claims (see the module)."""
    verdicts = [verdict for _, _, verdict in scored]
    kinds = [v.kind_right for v in verdicts if v.kind_right is not None]
    gold_sources = sum(len(gold.chain) for gold, _, _ in scored)
    gold_cues = sum(len(gold.cues) for gold, _, _ in scored)
    metrics = {
        "claims": len(scored),
        "matched": sum(predicted is not None for _, predicted, _ in scored),
        "sourced": len(kinds),
        "chain_exact": _share(v.chain_exact for v in verdicts),
        "chain_source_recall": _ratio(sum(v.sources_found for v in verdicts), gold_sources),
        "source_kind_accuracy": _share(kinds),
        "level_accuracy": _share(v.level_right for v in verdicts),
        "level_lenient": _share(v.level_lenient for v in verdicts),
        "hedge_cue_recall": _ratio(sum(v.cues_found for v in verdicts), gold_cues),
    }
    return {**rounded(metrics), "level_confusion": _confusion(scored)}


def _confusion(scored: Iterable[Scored]) -> dict[str, dict[str, int]]:
    pairs = Counter(
        (gold.level.value, predicted.level.value if predicted else MISSED)
        for gold, predicted, _ in scored
    )
    confusion: dict[str, dict[str, int]] = {}
    for (gold, predicted), count in sorted(pairs.items()):
        confusion.setdefault(gold, {})[predicted] = count
    return confusion


def _share(flags: Iterable[bool]) -> float:
    values = list(flags)
    return _ratio(sum(values), len(values))


def _ratio(hits: int, total: int) -> float:
    return hits / total if total else 0.0


def read_claims(path: Path) -> list[GoldClaim]:
    """The gold claims of a ``CLAIMS.md`` JSONL file, in file order."""
    claims = []
    with Path(path).open(encoding="utf-8") as stream:
        for number, line in enumerate(stream, start=1):
            if line.strip():
                claims.append(_gold_claim(json.loads(line), f"{path}:{number}", number))
    if not claims:
        raise DataError(f"{path}: no claims")
    return claims


def _gold_claim(row: dict[str, Any], where: str, number: int) -> GoldClaim:
    try:
        return GoldClaim(
            id=f"{row['article_id']}:{number}",
            article_id=str(row["article_id"]),
            phrase=row["claim_phrase"],
            chain=tuple(GoldSource(s["name"], SourceKind(s["kind"])) for s in row["chain"]),
            level=CertaintyLevel(row["level"]),
            cues=tuple(row.get("hedge_cues") or ()),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise DataError(f"{where}: not a gold claim ({error})") from error


def _ledgers(
    articles: Path, gold: Sequence[GoldClaim], cache: Path | None, jobs: int
) -> dict[str, Ledger]:
    """The ledger of every article that holds a gold claim."""
    from newstrace.engines.local import analyze_items
    from newstrace.ingest import read_inputs
    from newstrace.trace.cache import LedgerCache

    if not Path(articles).is_file():
        raise DataError(f"no articles at {articles}; give them with --articles")
    wanted = {claim.article_id for claim in gold}
    items = (
        item
        for item in read_inputs(articles)
        if item.article is not None and item.article.id in wanted
    )
    store = LedgerCache(cache) if cache is not None else None
    ledgers = {
        str(result.article.id): result
        for _, result in analyze_items(items, cache=store, jobs=jobs)
        if isinstance(result, Ledger)
    }
    missing = sorted(wanted - set(ledgers))
    if missing:
        raise DataError(f"{articles}: no readable article {', '.join(missing)}")
    return ledgers


def _row(scored: Scored) -> tuple[str, dict[str, Any]]:
    gold, predicted, verdict = scored
    return gold.id, {
        "phrase": gold.phrase,
        "gold": {
            "chain": _named(gold.chain),
            "level": gold.level.value,
            "hedge_cues": list(gold.cues),
        },
        "predicted": None
        if predicted is None
        else {
            "claim": predicted.span.text,
            "chain": _named(predicted.chain),
            "level": predicted.level.value,
            "hedge_cues": [cue.text for cue in predicted.cues],
        },
        "verdict": asdict(verdict),
    }


def _named(chain: Iterable[GoldSource | Source]) -> list[dict[str, str]]:
    return [{"name": source.name, "kind": source.kind.value} for source in chain]
