"""Plain story grouping on labelled documents: ECB+ events, GVC incidents, any JSONL alike.

Data: JSONL, one document a line, with an id field, a label field (documents with the same
label tell one story) and a text; optionally a title and a date. ``--id-field`` and
``--label-field`` name the first two (ECB+: ``doc_id``, ``subtopic``; GVC: ``doc_id``,
``incident_id``); the text is ``text`` or ``content``, the title ``title``, the date
``published`` or ``dct``. With ``--split`` only lines whose ``split`` field has that value
are read (ECB+ and GVC mark ``train`` and ``dev``).

The documents go through the trace's own grouping (fingerprints, gists, copies, candidate
pairs, the same-story model, average-link joins) without the claim ledger, which grouping
does not read. Reports B-cubed P/R/F1, ARI, and how many stories were found and labelled.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newstrace.errors import DataError
from newstrace.eval._io import rounded, write_predictions

if TYPE_CHECKING:
    from newstrace.trace.cache import GistCache
    from newstrace.trace.index import WeighedArticle
    from newstrace.trace.same_story import SameStoryModel

TEXT_FIELDS = ("text", "content")
DATE_FIELDS = ("published", "dct")


@dataclass(frozen=True, slots=True)
class LabelledDocument:
    """A document of a grouping set: its text, title and date as given, and its gold label."""

    id: str
    text: str
    title: str | None
    published: str | None
    label: str


def evaluate(
    data: Path,
    predictions: Path | None = None,
    id_field: str = "id",
    label_field: str = "story",
    split: str | None = None,
) -> dict[str, Any]:
    documents = read_documents(data, id_field, label_field, split)
    groups = group_documents(documents)
    write_predictions(
        predictions,
        ((documents[i].id, f"story-{k}") for k, members in enumerate(groups, 1) for i in members),
    )
    metrics = score(groups, [d.label for d in documents])
    return {"documents": len(documents), **metrics}


def read_documents(
    path: Path, id_field: str, label_field: str, split: str | None = None
) -> list[LabelledDocument]:
    """The labelled documents of a JSONL file (those of ``split`` only, when given)."""
    documents = []
    with Path(path).open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                if split is not None and row.get("split") != split:
                    continue
                text = next((row[f] for f in TEXT_FIELDS if isinstance(row.get(f), str)), None)
                if text is None:
                    raise KeyError(f"no text field ({' or '.join(TEXT_FIELDS)})")
                date = next((row[f] for f in DATE_FIELDS if row.get(f)), None)
                documents.append(
                    LabelledDocument(
                        str(row[id_field]), text, row.get("title"), date, str(row[label_field])
                    )
                )
            except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as error:
                raise DataError(f"{path}:{number}: not a grouping document ({error})") from error
    if not documents:
        raise DataError(f"{path}: no documents" + (f" in split {split!r}" if split else ""))
    return documents


def group_documents(
    documents: Sequence[LabelledDocument],
    gist_cache: GistCache | None = None,
    model: SameStoryModel | None = None,
) -> list[list[int]]:
    """Stories as lists of document numbers, by the trace's own grouping stages (and
    ``model``, default the packaged one)."""
    from newstrace.engines.local import find_copies, group_stories
    from newstrace.trace.options import DEFAULT_OPTIONS

    weighed = weighed_documents(documents, gist_cache)
    copies = find_copies(weighed, DEFAULT_OPTIONS)
    return group_stories(weighed, copies, DEFAULT_OPTIONS, model)


def weighed_documents(
    documents: Sequence[LabelledDocument], gist_cache: GistCache | None = None
) -> list[WeighedArticle]:
    """The documents as the trace's candidate stages see them (no ledger: grouping does
    not read one)."""
    from newstrace.engines.local import weigh_corpus
    from newstrace.model import ArticleStatus, TracedArticle
    from newstrace.trace.dates import parse_published
    from newstrace.trace.index import IndexedArticle, read_text
    from newstrace.trace.options import DEFAULT_OPTIONS

    indexed = []
    for d in documents:
        print_, head = read_text(d.id, d.text, d.title, parse_published(d.published)[0], None)
        traced = TracedArticle(d.id, ArticleStatus.OK, title=d.title)
        indexed.append(IndexedArticle(traced, print_, (), head))
    return weigh_corpus(indexed, DEFAULT_OPTIONS, gist_cache)


def score(groups: Sequence[Sequence[int]], labels: Sequence[str]) -> dict[str, float]:
    """B-cubed precision, recall and F1 and the adjusted Rand index of ``groups`` (lists of
    document numbers) against gold ``labels``.

    >>> score([[0, 1], [2]], ["a", "a", "b"])["b3_f1"]
    1.0
    """
    from sklearn.metrics import adjusted_rand_score

    group_of = {member: g for g, members in enumerate(groups) for member in members}
    predicted = [group_of[i] for i in range(len(labels))]
    size_predicted, size_gold = Counter(predicted), Counter(labels)
    both: defaultdict[tuple[int, str], int] = defaultdict(int)
    for p, g in zip(predicted, labels, strict=True):
        both[(p, g)] += 1
    n, pairs = len(labels), list(zip(predicted, labels, strict=True))
    precision = sum(both[(p, g)] / size_predicted[p] for p, g in pairs) / n
    recall = sum(both[(p, g)] / size_gold[g] for p, g in pairs) / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return rounded(
        {
            "b3_p": precision,
            "b3_r": recall,
            "b3_f1": f1,
            "ari": float(adjusted_rand_score(labels, predicted)),
            "stories": len(groups),
            "gold_stories": len(size_gold),
        }
    )
