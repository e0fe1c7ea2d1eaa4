"""Reading a PolNeAR-format folder: article texts and their gold attributions.

A folder holds ``text/<article>.txt`` and ``attributions/<article>_<annotator>.ann`` (brat
standoff). Some articles were annotated by several people; like the published baselines we read
only the first annotator file by sorted name, so every article has exactly one gold reading.
Training (:mod:`newstrace.training.attribution`) and scoring (:mod:`newstrace.eval.attribution`)
share this reader, so both see the same gold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from newstrace.errors import DataError
from newstrace.model import AttributionSpans, Span

_T_LINE = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")
_ROLES = {"Source": "source", "Cue": "cue", "Content": "content"}


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """One article: its id, its text and the attributions of its first annotator."""

    id: str
    text: str
    attributions: tuple[AttributionSpans, ...]


def read_polnear(folder: Path) -> list[GoldArticle]:
    """Read every article of a PolNeAR-format ``folder``, sorted by id.

    Raises :class:`DataError` when ``text/`` or ``attributions/`` is missing or empty, or when
    an article has no annotation file.
    """
    folder = Path(folder)
    texts, anns = folder / "text", folder / "attributions"
    if not texts.is_dir() or not anns.is_dir():
        raise DataError(f"{folder} is not a PolNeAR folder: it needs text/ and attributions/")
    articles = sorted(p.stem for p in texts.glob("*.txt"))
    if not articles:
        raise DataError(f"{texts} holds no .txt articles")
    first = _first_annotator_files(anns)
    return [_read_article(texts / f"{a}.txt", _ann_file(first, a, anns)) for a in articles]


def _first_annotator_files(anns: Path) -> dict[str, Path]:
    """Map article id -> its first ``.ann`` file by sorted name (``<article>_<annotator>``)."""
    first: dict[str, Path] = {}
    for path in sorted(anns.glob("*.ann")):
        first.setdefault(path.stem.rsplit("_", 1)[0], path)
    return first


def _ann_file(first: dict[str, Path], article: str, anns: Path) -> Path:
    if article not in first:
        raise DataError(f"article '{article}' has no annotation file in {anns}")
    return first[article]


def _read_article(text_path: Path, ann_path: Path) -> GoldArticle:
    text = text_path.read_text(encoding="utf-8")
    spans, relations = _parse_ann(ann_path)
    attributions = []
    for roles in relations:
        cue, content = spans.get(roles.get("cue", "")), spans.get(roles.get("content", ""))
        if cue is None or content is None:
            continue  # a handful of unfinished annotations lack a cue or a content
        source = spans.get(roles.get("source", ""))
        attributions.append(
            AttributionSpans(
                cue=Span.of(text, *cue),
                content=Span.of(text, *content),
                source=Span.of(text, *source) if source else None,
            )
        )
    return GoldArticle(text_path.stem, text, tuple(attributions))


def _parse_ann(path: Path) -> tuple[dict[str, tuple[int, int]], list[dict[str, str]]]:
    """Text-bound spans (first fragment start to last fragment end) and role maps of E lines.

    Lines that are neither T nor E lines (notes, continuation lines of a span text that held a
    newline) are skipped.
    """
    spans: dict[str, tuple[int, int]] = {}
    relations: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if match := _T_LINE.match(line):
            spans[match[1]] = _outer(match[3], path)
        elif match := _E_LINE.match(line):
            relations.append(_roles(match[2]))
    return spans, relations


def _outer(offsets: str, path: Path) -> tuple[int, int]:
    """``"3 9;12 20"`` -> ``(3, 20)``: a split span is scored from its first to its last piece."""
    try:
        numbers = [int(n) for n in re.split(r"[ ;]", offsets.strip())]
    except ValueError as exc:
        raise DataError(f"bad offsets '{offsets}' in {path}") from exc
    return min(numbers), max(numbers)


def _roles(arguments: str) -> dict[str, str]:
    """``"Attribution:T4 Source:T1 Cue:T2"`` -> ``{"source": "T1", "cue": "T2"}``."""
    roles = {}
    for argument in arguments.split():
        role, _, ref = argument.partition(":")
        if role in _ROLES:
            roles[_ROLES[role]] = ref
    return roles
