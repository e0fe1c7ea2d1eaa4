"""The package's imports follow the data flow, and no two modules import each other.

Data flows ingest -> analyze -> trace -> report/store -> engines -> the front door
(``newstrace.api``) -> web, eval -> cli, training. A module may import its own layer and the
layers below it, never one above: every import is read from the source (those inside
functions too), so a lazy import cannot hide a cycle.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parents[1] / "src" / "newstrace"

LAYERS = {
    "newstrace._version": 0,
    "newstrace.errors": 0,
    "newstrace.model": 0,
    "newstrace.serialize": 0,
    "newstrace.artefacts": 0,
    "newstrace.ingest": 1,
    "newstrace.analyze": 2,
    "newstrace.trace": 3,
    "newstrace.report": 4,
    "newstrace.store": 4,
    "newstrace.engines": 5,
    "newstrace.api": 6,
    "newstrace": 6,  # the package itself: the front door's names
    "newstrace.web": 7,
    "newstrace.eval": 7,
    "newstrace.cli": 8,
    "newstrace.training": 8,
}


def _modules() -> dict[str, Path]:
    found = {}
    for path in SOURCE.rglob("*.py"):
        if "migrations" in path.parts:
            continue  # Alembic's scripts, run by the store, import only SQLAlchemy and Alembic
        parts = path.relative_to(SOURCE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


MODULES = _modules()


def _imports(name: str, path: Path) -> set[str]:
    """The newstrace modules ``name`` imports anywhere in its source."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                base = f"{base}.{node.module}" if node.module else base
            for alias in node.names:
                full = f"{base}.{alias.name}"
                found.add(full if full in MODULES else base)
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", "") == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            found.add(str(node.args[0].value))
    return {module for module in found if module in MODULES and module != name}


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _layer(module: str) -> int:
    while module not in LAYERS:
        module = module.rpartition(".")[0]
    return LAYERS[module]


def test_every_module_has_a_layer():
    assert all(_layer(module) >= 0 for module in MODULES)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_imports_a_layer_above_its_own(module):
    upward = sorted(other for other in GRAPH[module] if _layer(other) > _layer(module))
    assert not upward, f"{module} (layer {_layer(module)}) imports {upward}"


def test_no_two_modules_import_each_other_however_indirectly():
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(module: str) -> list[str] | None:
        state[module] = 1
        path.append(module)
        for other in sorted(GRAPH[module]):
            if state.get(other) == 1:
                return path[path.index(other) :] + [other]
            if other not in state and (cycle := visit(other)):
                return cycle
        path.pop()
        state[module] = 2
        return None

    for module in sorted(MODULES):
        if module not in state:
            cycle = visit(module)
            assert cycle is None, " -> ".join(cycle)
