"""Error codes: one per meaning, each raised somewhere, each documented for users."""

from __future__ import annotations

import re
from pathlib import Path

from newstrace import errors
from newstrace.errors import NewstraceError

REPO = Path(__file__).resolve().parents[1]


def _classes() -> list[type[NewstraceError]]:
    found, todo = [], [NewstraceError]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return [cls for cls in found if cls.__module__ == errors.__name__]


def test_every_code_means_one_thing():
    codes = [cls.code for cls in _classes()]
    assert len(codes) == len(set(codes)), sorted(codes)


def test_every_error_but_the_base_is_raised_somewhere():
    source = "\n".join(
        path.read_text(encoding="utf-8")
        for path in (REPO / "src" / "newstrace").rglob("*.py")
        if path.name != "errors.py"
    )
    unused = [
        cls.__name__
        for cls in _classes()
        if cls is not NewstraceError and not re.search(rf"\b{cls.__name__}\(", source)
    ]
    assert not unused


def test_every_code_is_documented_with_its_class():
    inputs = (REPO / "docs" / "INPUTS.md").read_text(encoding="utf-8")
    missing = [
        cls.code
        for cls in _classes()
        if cls is not NewstraceError and f"| {cls.code} | `{cls.__name__}` |" not in inputs
    ]
    assert not missing
    assert "E000" in inputs
