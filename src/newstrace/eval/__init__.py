"""``newstrace eval TASK --data PATH``: accuracy on public labelled data, one task a module.

Each task module has ``evaluate(data, predictions=None) -> dict`` that reads every item of a
file or folder in the format of ``../shared/datasets`` and returns the metrics (one JSON line
on the CLI); with ``predictions`` it also writes one JSON line per item: its id and prediction.
"""

from __future__ import annotations

import csv
import importlib
import inspect
import json
from pathlib import Path
from typing import Any

from newstrace.errors import DataError

TASKS = {
    "attribution": "newstrace.eval.attribution",
    "certainty": "newstrace.eval.certainty",
    "factuality": "newstrace.eval.factuality",
    "weasel": "newstrace.eval.weasel",
    "strength": "newstrace.eval.strength",
    "checkworthy": "newstrace.eval.checkworthy",
    "trace": "newstrace.eval.trace",
    "grouping": "newstrace.eval.grouping",
    "exaggeration": "newstrace.eval.exaggeration",
    "similarity": "newstrace.eval.similarity",
    "credit": "newstrace.eval.credit",
    "claims": "newstrace.eval.claims",
    "passages": "newstrace.eval.passages",
}


def evaluate(
    task: str, data: Path, predictions: Path | None = None, **options: Any
) -> dict[str, Any]:
    """Run evaluation ``task`` over ``data``; see the module of each task for its metrics.

    ``options`` are task-specific (``trace`` takes ``drift``, a gold drift file; ``claims``
    takes ``articles``, the articles its gold claims are in; ``grouping`` takes ``id_field``,
    ``label_field`` and ``split``); options left ``None`` are not passed on, and an option
    the task does not take is refused.
    """
    if task not in TASKS:
        raise DataError(f"unknown task '{task}'; choose one of {', '.join(sorted(TASKS))}")
    if not Path(data).exists():
        raise DataError(f"no data at {data}")
    module = importlib.import_module(TASKS[task])
    given = {key: value for key, value in options.items() if value is not None}
    accepted = inspect.signature(module.evaluate).parameters
    unknown = sorted(key for key in given if key not in accepted)
    if unknown:
        raise DataError(
            f"eval {task} takes no option {', '.join('--' + k.replace('_', '-') for k in unknown)}"
        )
    try:
        return {"task": task, **module.evaluate(Path(data), predictions, **given)}
    except (OSError, UnicodeError, json.JSONDecodeError, csv.Error) as error:
        # data of the wrong kind (binary, not UTF-8, a folder where a file was due, broken
        # JSON or CSV), or a --predictions file that cannot be written
        where = getattr(error, "filename", None) or data
        fault = "not UTF-8 text" if isinstance(error, UnicodeError) else type(error).__name__
        raise DataError(f"eval {task}: {where}: {fault}: {error}") from error
