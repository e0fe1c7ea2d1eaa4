"""Background trace jobs: each in its own process, watched by a thread of the server.

A job process opens the store itself, stores every article as soon as it is analysed (so a
killed server loses no finished work) and the trace when done. The watching thread enforces
the time limit and records a job whose process died. Jobs a stopped server left behind are
marked failed when the next one starts, never left "running".
"""

from __future__ import annotations

import multiprocessing
import queue
import threading
import time
import traceback
from pathlib import Path

from newstrace.errors import NewstraceError
from newstrace.model import Ledger, TracedArticle
from newstrace.store import DONE, FAILED, RUNNING, Store
from newstrace.web.settings import Settings

INTERRUPTED = "interrupted: the server stopped while this job ran; upload the corpus again"
# How often a job writes its progress (seconds): often enough for a live bar, cheap for the store.
PROGRESS_EVERY_S = 0.5
_STOP = None


class JobRunner:
    """Runs queued trace jobs, at most ``settings.parallel_jobs`` at a time."""

    def __init__(self, settings: Settings, store: Store) -> None:
        self.settings = settings
        self.store = store
        self._queue: queue.Queue = queue.Queue()
        self._threads: list[threading.Thread] = []
        self._running: dict[str, multiprocessing.process.BaseProcess] = {}
        self._lock = threading.Lock()

    def start(self) -> None:
        self.store.fail_interrupted_jobs(INTERRUPTED)
        for number in range(self.settings.parallel_jobs):
            thread = threading.Thread(
                target=self._work, name=f"newstrace-jobs-{number}", daemon=True
            )
            thread.start()
            self._threads.append(thread)

    def submit(self, job_id: str, corpus: Path) -> None:
        self._queue.put((job_id, corpus))

    def stop(self) -> None:
        """Stop taking jobs; end running ones (they are marked failed on the next start)."""
        for _ in self._threads:
            self._queue.put(_STOP)
        with self._lock:
            for process in self._running.values():
                process.terminate()
        for thread in self._threads:
            thread.join(timeout=10)

    def _work(self) -> None:
        while (task := self._queue.get()) is not _STOP:
            job_id, corpus = task
            try:
                self._run(job_id, corpus)
            except Exception as error:  # a watcher must survive whatever one job does
                self.store.fail_job(job_id, f"internal error: {type(error).__name__}: {error}")

    def _run(self, job_id: str, corpus: Path) -> None:
        # spawn, not fork: the server has threads, and a forked copy of them can deadlock
        context = multiprocessing.get_context("spawn")
        process = context.Process(
            target=run_job,
            args=(
                self.settings.database,
                job_id,
                str(corpus),
                str(self.settings.data_dir / "ledgers"),
                self.settings.job_processes,
            ),
            name=f"newstrace-job-{job_id[:8]}",
        )
        with self._lock:
            self._running[job_id] = process
        process.start()
        process.join(self.settings.job_timeout_s)
        with self._lock:
            self._running.pop(job_id, None)
        if process.is_alive():
            process.terminate()
            process.join(10)
            if process.is_alive():
                process.kill()
            self.store.fail_job(
                job_id,
                f"stopped: the job ran past its time limit of {self.settings.job_timeout_s:.0f} s",
            )
            return
        job = self.store.job(job_id)
        if job is not None and job.status not in (DONE, FAILED):
            self.store.fail_job(
                job_id, f"the job process ended unexpectedly (exit code {process.exitcode})"
            )


def run_job(db_url: str, job_id: str, corpus: str, cache_dir: str, processes: int) -> None:
    """A job process: trace ``corpus``, storing each article as it comes and the trace last."""
    import newstrace

    store = Store(db_url)
    store.job_progress(job_id, status=RUNNING, done=0)
    stored: dict[str, int] = {}
    last = [0.0]

    def on_article(article: TracedArticle, result: Ledger | NewstraceError) -> None:
        if isinstance(result, NewstraceError):
            stored[article.id] = store.add_failure(article.id, result, job_id)
        else:
            stored[article.id] = store.add_ledger(result, name=article.id, job_id=job_id)
        if time.monotonic() - last[0] >= PROGRESS_EVERY_S:
            last[0] = time.monotonic()
            store.job_progress(job_id, done=len(stored))

    try:
        result = newstrace.trace(
            corpus,
            cache=cache_dir,
            jobs=processes,
            on_start=lambda total: store.job_progress(job_id, total=total),
            on_article=on_article,
        )
        store.job_progress(job_id, done=len(stored))
        store.finish_job(job_id, result.trace, stored)
    except NewstraceError as error:
        store.fail_job(job_id, f"[{error.code}] {error.message}")
    except Exception as error:
        store.fail_job(job_id, f"internal error: {type(error).__name__}: {error}")
        traceback.print_exc()
        raise
