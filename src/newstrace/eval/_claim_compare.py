"""When a predicted source, chain or cue counts as the gold one (``newstrace eval claims``).

Names follow the canonical forms of the claim gold (``CLAIMS.md`` in the real-stories sets):

* **folding**: case, curly quotes, punctuation, a possessive ``'s`` and a leading article
  ("a", "an", "the") are ignored, so "The Irish Sun" is "Irish Sun" and "the study's lead
  author" is "study lead author";
* **possessive owner**: "Washington Post's Sarah Kaplan" also stands for "Sarah Kaplan";
* **outlet aliases**: names of one outlet in the outlet table agree ("AP", "Associated Press");
* **descriptions in another order**: a document's name is the same document whatever order
  its words come in, "of", "from" and "by" aside ("model predictions" is "predictions from
  the model");
* **surnames**: a gold person (``named_person`` or ``government_official``) is found by a name
  with the same last word ("Zharkova", "Prof Valentina Zharkova");
* **clipped departments**: a gold body whose name ends in "Department" is found by the name
  without it, the clipped form ``CLAIMS.md`` 2.6 normalises ("Salina police" is the Salina
  Police Department).

The gold's own respellings ("Dr. David Spencer" written as David Spence) are not undone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newstrace.ingest import outlet_identity
from newstrace.model import Source, SourceKind, Span
from newstrace.trace.wording import fold

_PERSONS = frozenset({SourceKind.NAMED_PERSON, SourceKind.GOVERNMENT_OFFICIAL})
_POSSESSIVE = re.compile(r"'s?\b")
_OWNER = re.compile(r"^.*'s?\s+")
_WORD = re.compile(r"\w+")
_LINKING = frozenset({"of", "from", "by"})
_ARTICLES = frozenset({"a", "an", "the"})
_DEPARTMENT = " department"
# words too common in cues to make two cues one ("is said to" is not "is likely to")
_FUNCTION_WORDS = frozenset({"a", "an", "the", "to", "of", "is", "are", "be", "was", "were"})


@dataclass(frozen=True, slots=True)
class GoldSource:
    """One element of a gold chain: the name as ``CLAIMS.md`` canonicalises it, and its kind."""

    name: str
    kind: SourceKind


def name_key(name: str) -> str:
    """The folded form names are compared in.

    >>> name_key("The Study’s lead author"), name_key("Huzlers.com")
    ('study lead author', 'huzlers com')
    """
    words = _WORD.findall(_POSSESSIVE.sub("", fold(name)))
    return " ".join(words[1:] if words[:1] and words[0] in _ARTICLES else words)


def same_source(gold: GoldSource, predicted: Source) -> bool:
    """Whether ``predicted`` names the gold source (names only; kinds are compared apart).

    >>> same_source(GoldSource("Sarah Kaplan", SourceKind.NAMED_PERSON),
    ...             Source("Washington Post's Kaplan", SourceKind.MEDIA_OUTLET))
    True
    """
    wanted = name_key(gold.name)
    names = {name_key(predicted.name), name_key(_OWNER.sub("", fold(predicted.name)))}
    if wanted in names or outlet_identity(gold.name) == outlet_identity(predicted.name):
        return True
    if gold.kind == SourceKind.DOCUMENT_REPORT and _words(wanted) in {_words(n) for n in names}:
        return True
    if wanted.endswith(_DEPARTMENT) and wanted.removesuffix(_DEPARTMENT) in names:
        return True
    surnames = {name.rsplit(" ", 1)[-1] for name in names if name}
    return gold.kind in _PERSONS and wanted.rsplit(" ", 1)[-1] in surnames


def _words(key: str) -> frozenset[str]:
    """A folded name as the set of its words, articles and linking words left out."""
    return frozenset(key.split()) - _ARTICLES - _LINKING


def same_chain(gold: Sequence[GoldSource], predicted: Sequence[Source]) -> bool:
    """Same length, and each element the same source of the same kind, in order."""
    return len(gold) == len(predicted) and all(
        same_source(g, p) and g.kind == p.kind for g, p in zip(gold, predicted, strict=True)
    )


def sources_found(gold: Sequence[GoldSource], predicted: Sequence[Source]) -> int:
    """How many gold sources are named in the predicted chain, each predicted source used once."""
    unused = list(predicted)
    found = 0
    for source in gold:
        hit = next((p for p in unused if same_source(source, p)), None)
        if hit is not None:
            unused.remove(hit)
            found += 1
    return found


def cue_words(cue: str) -> frozenset[str]:
    """The folded words of a cue, "n't" read as "not", common function words left out.

    >>> sorted(cue_words("didn’t find")), sorted(cue_words("is said to"))
    (['did', 'find', 'not'], ['said'])
    """
    text = fold(cue).replace("n't", " not").replace("cannot", "can not")
    return frozenset(_WORD.findall(text)) - _FUNCTION_WORDS


def cues_found(gold: Sequence[str], predicted: Sequence[Span]) -> int:
    """How many gold cues share a folded word with one of the predicted claim's cues."""
    predicted_words = [cue_words(cue.text) for cue in predicted]
    return sum(any(cue_words(cue) & words for words in predicted_words) for cue in gold)
