"""``newstrace eval passages --data ../shared/datasets``: foreign passages in English news.

No public set labels the passages of an English page that are in another language, so the
test set is built here, at run time, from real text (none of it is stored in the repository):

- **false alarms**: the paragraphs (non-blank lines) of real English news (PolNeAR, GVC,
  real-stories and the English texts of the SemEval-2022 news-similarity set) that a found
  passage touches, over all their paragraphs; and the share of articles with any;
- **recall**: real text of the other 9 languages of the news-similarity set (a sentence, two
  to four sentences, or a paragraph of up to 600 characters), spliced into real English
  articles as a paragraph of its own, or inside a long English paragraph: found when passages
  in another language cover at least half of its characters; ``language_right`` is the share
  of those found under the right language code.

Every source is split in two by a hash of the article's name or text: ``tune`` (PolNeAR
train, GVC train, real-stories/health, half of news-similarity), on which the thresholds of
:mod:`newstrace.ingest.language` were set, and ``heldout`` (PolNeAR dev, GVC dev,
real-stories/tech, the other half), left untouched. News-similarity texts whose whole text is
not identified as their labelled language (at 0.9 or more) are garbled and left out.
"""

from __future__ import annotations

import csv
import json
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newstrace.errors import DataError
from newstrace.eval._io import rounded, write_predictions
from newstrace.ingest.language import (
    PASSAGE_MAX_OWN,
    PASSAGE_MIN_CONFIDENCE,
    PASSAGE_MIN_LETTERS,
    detect_language,
    foreign_passages,
    sentence_cuts,
)

PARTS = ("tune", "heldout")
SIZES = ("sentence", "sentences", "paragraph", "inline")
_SIMILARITY = "news-similarity/training_set.csv"
_PARAGRAPH_CHARS = 600
_HOST_PARAGRAPHS = 6


@dataclass(frozen=True)
class _Spliced:
    """An English article with one real foreign passage put in at ``start``..``end``."""

    id: str
    text: str
    start: int
    end: int
    language: str
    size: str


def evaluate(
    data: Path,
    predictions: Path | None = None,
    split: str | None = None,
    *,
    min_letters: int = PASSAGE_MIN_LETTERS,
    min_confidence: float = PASSAGE_MIN_CONFIDENCE,
    max_own: float = PASSAGE_MAX_OWN,
) -> dict[str, Any]:
    """False alarms on real English news and recall of real foreign passages spliced in, for
    the ``tune`` and ``heldout`` parts (or the one named by ``split``)."""
    parts = PARTS if split is None else (split,)
    if any(part not in PARTS for part in parts):
        raise DataError(f"eval passages: --split is one of {', '.join(PARTS)}")
    options = {"min_letters": min_letters, "min_confidence": min_confidence, "max_own": max_own}
    results, rows = {}, []
    for part in parts:
        english = dict(english_articles(Path(data), part))
        if not english:
            raise DataError(f"no English news under {data} (PolNeAR, GVC, real-stories)")
        alarms, found = _false_alarms(english, options)
        spliced = list(spliced_articles(Path(data), part, english))
        results[part] = {**alarms, **_recall(spliced, options)}
        rows += [(f"{part}/{key}", value) for key, value in found.items()]
    write_predictions(predictions, rows)
    return results


def english_articles(data: Path, part: str) -> Iterator[tuple[str, str]]:
    """``(id, text)`` of the real English news of one part."""
    polnear = "train" if part == "tune" else "dev"
    for path in sorted((data / "polnear" / polnear / "text").glob("*.txt")):
        yield f"polnear/{path.stem}", path.read_text(encoding="utf-8")
    for doc in _jsonl(data / "gvc" / "gvc_docs.jsonl"):
        if doc.get("split") == ("train" if part == "tune" else "dev"):
            yield f"gvc/{doc['doc_id']}", doc["content"]
    stories = "health" if part == "tune" else "tech"
    for doc in _jsonl(data / "real-stories" / stories / "articles.jsonl"):
        if doc.get("lang", "en") == "en":
            yield f"real-stories/{doc['id']}", doc["text"]
    for number, (language, text) in enumerate(_similarity_texts(data, part)):
        if language == "en":
            yield f"news-similarity/en-{number}", text


def spliced_articles(data: Path, part: str, english: dict[str, str]) -> Iterator[_Spliced]:
    """Each real foreign text of the part, cut in the four sizes, put into an English host."""
    hosts = [text for text in english.values() if text.count("\n\n") >= 2]
    long_hosts = [text for text in hosts if _long_paragraphs(text)]
    foreign = [(lang, text) for lang, text in _similarity_texts(data, part) if lang != "en"]
    for number, (language, text) in enumerate(foreign):
        cuts = [0, *sentence_cuts(text), len(text)]
        sentences = [text[a:b].strip() for a, b in zip(cuts, cuts[1:], strict=False)]
        sentences = [s for s in sentences if s]
        if len(sentences) < 3:
            continue
        passages = {
            "sentence": sentences[1],
            "sentences": " ".join(sentences[1 : 2 + number % 3]),
            "paragraph": _up_to(sentences[1:], _PARAGRAPH_CHARS),
        }
        for size, passage in passages.items():
            host = hosts[(number * 7 + len(size)) % len(hosts)]
            yield _between_paragraphs(f"{language}-{number}-{size}", host, passage, language, size)
        host = long_hosts[number % len(long_hosts)]
        yield _inside_paragraph(
            f"{language}-{number}-inline", host, passages["sentences"], language
        )


def _false_alarms(
    english: dict[str, str], options: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, list[list[Any]]]]:
    paragraphs = flagged = articles_flagged = 0
    found: dict[str, list[list[Any]]] = {}
    languages: Counter[str] = Counter()
    for key, text in english.items():
        passages = foreign_passages(text, **options)
        lines = [(a, b) for a, b in _lines(text)]
        hit = [
            (a, b) for a, b in lines if any(p.span.start < b and a < p.span.end for p in passages)
        ]
        paragraphs += len(lines)
        flagged += len(hit)
        articles_flagged += bool(passages)
        languages.update(p.language for p in passages)
        if passages:
            found[key] = [[p.span.start, p.span.end, p.language, p.confidence] for p in passages]
    metrics: dict[str, Any] = {
        "english_articles": len(english),
        "english_paragraphs": paragraphs,
        "false_alarm_paragraphs": flagged,
        "false_alarm_rate": flagged / max(paragraphs, 1),
        "articles_with_false_alarm": articles_flagged / max(len(english), 1),
        "false_alarm_languages": dict(languages.most_common()),
    }
    return rounded(metrics), found


def _recall(spliced: list[_Spliced], options: dict[str, Any]) -> dict[str, Any]:
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    right = 0
    by_language: Counter[str] = Counter()
    language_total: Counter[str] = Counter()
    for item in spliced:
        passages = foreign_passages(item.text, **options)
        covered = [
            (max(p.span.start, item.start), min(p.span.end, item.end), p.language)
            for p in passages
            if p.span.start < item.end and item.start < p.span.end
        ]
        chars = sum(end - start for start, end, _ in covered)
        hit = chars * 2 >= item.end - item.start
        total[item.size] += 1
        found[item.size] += hit
        language_total[item.language] += item.size != "inline"
        by_language[item.language] += hit and item.size != "inline"
        right += hit and max(covered, key=lambda c: c[1] - c[0])[2] == item.language
    between = sum(found[size] for size in SIZES[:3])
    metrics: dict[str, Any] = {
        "foreign_passages": sum(total.values()),
        "recall": between / max(sum(total[size] for size in SIZES[:3]), 1),
        **{f"recall_{size}": found[size] / max(total[size], 1) for size in SIZES},
        "language_right": right / max(sum(found.values()), 1),
        "recall_by_language": {
            lang: round(by_language[lang] / language_total[lang], 4)
            for lang in sorted(language_total)
        },
    }
    return rounded(metrics)


def _similarity_texts(data: Path, part: str) -> Iterator[tuple[str, str]]:
    """``(language, text)`` of each distinct, not garbled news-similarity text of the part."""
    path = data / _SIMILARITY
    if not path.exists():
        raise DataError(f"no news-similarity set at {path}")
    seen = set()
    with path.open(encoding="utf-8", newline="") as stream:
        for row in csv.DictReader(stream):
            for language, text in ((row["lang1"], row["text1"]), (row["lang2"], row["text2"])):
                if text in seen or _part(text) != part:
                    continue
                seen.add(text)
                found, confidence = detect_language(text)
                if found == language and confidence >= 0.9:
                    yield language, text


def _part(name: str) -> str:
    return PARTS[zlib.crc32(name.encode("utf-8")) % 2]


def _jsonl(path: Path) -> Iterator[dict[str, Any]]:
    if path.exists():
        with path.open(encoding="utf-8") as stream:
            yield from (json.loads(line) for line in stream if line.strip())


def _lines(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for line in text.split("\n"):
        if line.strip():
            yield start, start + len(line)
        start += len(line) + 1


def _long_paragraphs(text: str) -> list[tuple[int, int]]:
    return [(a, b) for a, b in _lines(text) if b - a > 500]


def _up_to(sentences: list[str], chars: int) -> str:
    taken = [sentences[0]]
    for sentence in sentences[1:]:
        if len(" ".join([*taken, sentence])) > chars:
            break
        taken.append(sentence)
    return " ".join(taken)


def _between_paragraphs(key: str, host: str, passage: str, language: str, size: str) -> _Spliced:
    """``passage`` as a paragraph of its own, amid a window of the host's paragraphs."""
    paragraphs = host.split("\n\n")
    at = len(paragraphs) // 2
    window = paragraphs[max(0, at - _HOST_PARAGRAPHS // 2) : at + _HOST_PARAGRAPHS // 2]
    middle = len(window) // 2
    before = "\n\n".join(window[:middle]) + "\n\n"
    after = "\n\n" + "\n\n".join(window[middle:])
    return _Spliced(
        key, before + passage + after, len(before), len(before) + len(passage), language, size
    )


def _inside_paragraph(key: str, host: str, passage: str, language: str) -> _Spliced:
    """``passage`` after a sentence in the middle of the host's first long paragraph."""
    start, end = _long_paragraphs(host)[0]
    paragraph = host[start:end]
    cuts = sentence_cuts(paragraph) or [len(paragraph)]
    cut = cuts[len(cuts) // 2]
    before = paragraph[:cut].rstrip() + " "
    text = before + passage + " " + paragraph[cut:].lstrip()
    return _Spliced(key, text, len(before), len(before) + len(passage), language, "inline")
