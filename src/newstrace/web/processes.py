"""Processes a server starts that must not outlive it: analysis workers and job processes.

Each runs in its own process group and watches its parent: when the server is gone (stopped,
killed with SIGKILL, crashed), the process kills its group, itself and whatever it started
(a trace's worker processes) included, within a second. So no job writes to the store once
its server has stopped renewing its lease.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections.abc import Callable
from multiprocessing.process import BaseProcess
from typing import Any

# How often an owned process looks for its parent (seconds).
PARENT_CHECK_S = 0.5


def start_owned(target: Callable[..., Any], args: tuple, name: str) -> BaseProcess:
    """Start ``target(*args)`` in a fresh (spawned) process that dies with this one."""
    # spawn, not fork: the server has threads, and a forked copy of them can deadlock
    context = multiprocessing.get_context("spawn")
    process = context.Process(target=_owned, args=(os.getpid(), target, args), name=name)
    process.start()
    return process


def end(process: BaseProcess, grace_s: float = 10.0) -> None:
    """Stop an owned process and everything it started: SIGTERM to its group, then SIGKILL."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        if not process.is_alive() or process.pid is None:
            break
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:  # it had not made its group yet, or is already gone
            process.kill()
        process.join(grace_s)


def _owned(parent: int, target: Callable[..., Any], args: tuple) -> None:
    os.setpgrp()
    threading.Thread(target=_watch, args=(parent,), name="parent-watch", daemon=True).start()
    target(*args)


def _watch(parent: int) -> None:
    stop = threading.Event()
    while not stop.wait(PARENT_CHECK_S):
        if os.getppid() != parent:
            os.killpg(0, signal.SIGKILL)
