"""Background jobs (a trace of an uploaded corpus, or one long posted article): each in its own
process, watched by a thread of the server that owns it.

A job belongs to the server that runs it. That server renews the job's lease in the store
while the job is queued or running; its job processes die with it
(:mod:`newstrace.web.processes`). Any server marks failed only a job whose lease has run out,
whatever server it belonged to, and never touches a live one. A job process stores every article
as soon as it is analysed (so a killed server loses no finished work), stops once its job is
no longer running (failed meanwhile), and the trace when done. The watching thread enforces the
time limit, records a job whose process died, and removes the job's upload when it ends.
"""

from __future__ import annotations

import os
import queue
import shutil
import socket
import threading
import time
import traceback
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newstrace.errors import NewstraceError, TimeLimitError
from newstrace.ingest.json_article import article_from_json
from newstrace.model import Ledger, Trace, TracedArticle
from newstrace.store import DONE, RUNNING, Job, Store
from newstrace.web.processes import end, start_owned
from newstrace.web.settings import Settings
from newstrace.web.uploads import UnpackLimits, unpack_zip

INTERRUPTED = "interrupted: the server stopped while this job ran; upload the corpus again"
ANALYZE, TRACE = "analyze", "trace"
ARTICLE_FILE = "article.json"  # a posted article's job reads it from its upload folder
# How often a job process checks that its job is still its own (seconds).
CHECK_EVERY_S = 0.5
_STOP = None


class JobLost(Exception):
    """The job is no longer running (marked failed meanwhile): its process must stop."""


class JobRunner:
    """Runs queued jobs, at most ``settings.parallel_jobs`` at a time, and holds their leases."""

    def __init__(self, settings: Settings, store: Store) -> None:
        self.settings = settings
        self.store = store
        self.owner = f"{socket.gethostname()[:40]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self._queue: queue.Queue = queue.Queue()
        self._threads: list[threading.Thread] = []
        self._held: dict[str, Any] = {}  # job id -> its process once started, else None
        self._lock = threading.Lock()
        self._stopping = threading.Event()

    def upload_folder(self, job_id: str) -> Path:
        return self.settings.data_dir / "uploads" / job_id

    def start(self) -> None:
        self._reap()
        threads = [("lease", self._keep_leases)] + [
            (f"jobs-{n}", self._work) for n in range(self.settings.parallel_jobs)
        ]
        for name, target in threads:
            thread = threading.Thread(target=target, name=f"newstrace-{name}", daemon=True)
            thread.start()
            self._threads.append(thread)

    def submit(self, job_id: str, kind: str, upload: Path) -> None:
        with self._lock:
            self._held[job_id] = None
        self._queue.put((job_id, kind, upload))

    def stop(self) -> None:
        """Stop taking jobs; end this server's jobs and mark them failed now, not at lease end."""
        self._stopping.set()
        for _ in range(self.settings.parallel_jobs):
            self._queue.put(_STOP)
        with self._lock:
            held = dict(self._held)
        for job_id, process in held.items():
            if process is not None:
                end(process)
            self._ended(job_id, INTERRUPTED)
        for thread in self._threads:
            thread.join(timeout=10)

    def _keep_leases(self) -> None:
        while not self._stopping.wait(self.settings.job_lease_s / 3):
            try:
                self.store.renew_leases(self.owner, self.settings.job_lease_s)
                self._reap()
            except Exception:  # a store that is briefly away must not end the heartbeat
                traceback.print_exc()

    def _reap(self) -> None:
        """Fail the jobs whose servers are gone (their leases ran out); drop their uploads."""
        for job_id in self.store.fail_expired_jobs(INTERRUPTED):
            shutil.rmtree(self.upload_folder(job_id), ignore_errors=True)

    def _work(self) -> None:
        while (task := self._queue.get()) is not _STOP:
            job_id = task[0]
            try:
                error = self._run(*task)
            except Exception as failure:  # a watcher must survive whatever one job does
                error = f"internal error: {type(failure).__name__}: {failure}"
            self._ended(job_id, error)

    def _run(self, job_id: str, kind: str, upload: Path) -> str | None:
        """Run the job's process to its end; why the job failed, if its process did not say."""
        settings = self.settings
        limits = UnpackLimits(
            settings.max_unpacked_bytes, settings.max_zip_files, settings.max_zip_ratio
        )
        args = (
            settings.database,
            job_id,
            kind,
            str(upload),
            str(settings.data_dir / "ledgers"),
            settings.job_processes,
            limits,
        )
        with self._lock:
            if self._stopping.is_set():
                return None
            process = self._held[job_id] = start_owned(run_job, args, f"newstrace-job-{job_id[:8]}")
        process.join(settings.job_timeout_s)
        if self._stopping.is_set():
            return None  # stop() ends it and says why
        if process.is_alive():
            end(process)
            error = TimeLimitError(
                f"stopped: the job ran past its time limit of {settings.job_timeout_s:.0f} s"
            )
            return f"[{error.code}] {error.message}"
        # a no-op for a job its process finished or failed itself
        return f"the job process ended unexpectedly (exit code {process.exitcode})"

    def _ended(self, job_id: str, error: str | None) -> None:
        """Drop a job and its upload, then mark it failed if ``error`` and it is still live."""
        with self._lock:
            self._held.pop(job_id, None)
        shutil.rmtree(self.upload_folder(job_id), ignore_errors=True)
        if error is not None:
            self.store.fail_job(job_id, error)


def job_view(store: Store, job: Job) -> dict[str, Any]:
    """A job as the API shows it: its state and counts, the failed articles with their errors,
    the time left while it runs, the one-line ``progress`` the job page shows, its results."""
    failures = [
        {
            "article": f"/api/articles/{f.article_id}",
            "name": f.name,
            "code": f.code,
            "message": f.message,
        }
        for f in (store.job_failures(job.id) if job.failed else [])
    ]
    article = store.job_article(job.id) if job.kind == ANALYZE and job.status == DONE else None
    traced = job.trace_id is not None
    return {
        "id": job.id,
        "kind": job.kind,
        "status": job.status,
        "name": job.name,
        "total": job.total,
        "done": job.done,
        "failed": job.failed,
        "progress": progress(job),
        "eta_s": eta_s(job),
        "error": job.error,
        "failures": failures,
        "truncated": {"from": job.truncated[0], "to": job.truncated[1]} if job.truncated else None,
        "trace_id": job.trace_id,
        "trace": f"/api/traces/{job.trace_id}" if traced else None,
        "stories": f"/api/stories?trace_id={job.trace_id}" if traced else None,
        "article": f"/api/articles/{article}" if article else None,
        "created_at": job.created_at.isoformat(),
        "updated_at": job.updated_at.isoformat(),
        "started_at": job.started_at.isoformat() if job.started_at else None,
    }


def eta_s(job: Job, at: datetime | None = None) -> float | None:
    """Seconds a running job still needs, at the pace of its articles so far; else None."""
    finished = job.done + job.failed
    if job.status != RUNNING or not job.total or not finished or job.started_at is None:
        return None
    spent = ((at or datetime.now(UTC)) - job.started_at).total_seconds()
    return round(max(spent, 0.0) / finished * max(job.total - finished, 0), 1)


def progress(job: Job) -> str:
    """``running: 40 of 120, 2 failed, about 3 min left``: what the job page says."""
    line = f"{job.status}: {job.done}" + (f" of {job.total}" if job.total is not None else "")
    if job.failed:
        line += f", {job.failed} failed"
    left = eta_s(job)
    if left is not None:
        line += f", about {_duration(left)} left"
    return line


def _duration(seconds: float) -> str:
    return f"{seconds:.0f} s" if seconds < 90 else f"{seconds / 60:.0f} min"


def run_job(
    db_url: str,
    job_id: str,
    kind: str,
    upload: str,
    cache_dir: str,
    processes: int,
    limits: UnpackLimits,
) -> None:
    """A job process: unpack a zip, then analyse the article or trace the corpus, storing each
    article as it comes and the trace last; any error fails the job with its code."""
    store = Store(db_url)
    if not store.start_job(job_id):
        return  # failed while it waited in the queue
    path = Path(upload)
    try:
        try:
            if path.suffix == ".zip":
                path = unpack_zip(path, path.parent / "corpus", limits)
            if kind == ANALYZE:
                trace, stored = _analyse_one(store, job_id, path)
            else:
                trace, stored = _trace(store, job_id, path, cache_dir, processes)
        finally:  # the upload goes before the job ends, so no ended job has one
            shutil.rmtree(Path(upload).parent, ignore_errors=True)
        store.finish_job(job_id, trace, stored)
    except JobLost:
        return
    except NewstraceError as error:
        store.fail_job(job_id, f"[{error.code}] {error.message}")
    except Exception as error:
        store.fail_job(job_id, f"internal error: {type(error).__name__}: {error}")
        traceback.print_exc()
        raise


def _analyse_one(store: Store, job_id: str, path: Path) -> tuple[None, dict[str, int]]:
    import newstrace

    article = article_from_json(path.read_text(encoding="utf-8"), "the posted article")
    store.set_total(job_id, 1)
    try:
        ledger = newstrace.analyze(article)
    except NewstraceError as error:
        store.add_failure(article.id or "article", error, job_id)
        raise
    store.add_ledger(ledger, name=article.id, job_id=job_id)
    return None, {}


def _trace(
    store: Store, job_id: str, corpus: Path, cache_dir: str, processes: int
) -> tuple[Trace, dict[str, int]]:
    import newstrace

    stored: dict[str, int] = {}
    checked = [time.monotonic()]

    def on_article(article: TracedArticle, result: Ledger | NewstraceError) -> None:
        if time.monotonic() - checked[0] >= CHECK_EVERY_S:
            checked[0] = time.monotonic()
            job = store.job(job_id)
            if job is None or job.status != RUNNING:
                raise JobLost(job_id)
        if isinstance(result, NewstraceError):
            stored[article.id] = store.add_failure(article.id, result, job_id)
        else:
            stored[article.id] = store.add_ledger(result, name=article.id, job_id=job_id)

    def counted(total: int) -> None:
        store.set_total(job_id, total)

    result = newstrace.trace(
        str(corpus),
        cache=cache_dir,
        jobs=processes,
        on_start=counted,
        on_article=on_article,
    )
    return result.trace, stored
