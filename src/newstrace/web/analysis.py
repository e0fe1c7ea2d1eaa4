"""Posted articles analysed in a pool of worker processes, so that no request waits on another.

Each worker loads the models once (on its first article) and analyses one article at a time.
A request takes an idle worker or waits for one, in a queue of bounded length: beyond it the
server answers 503 at once (E503) rather than pile requests up. An analysis that runs past the
time limit is stopped, its worker killed and replaced, and the request answered 504 (E408).
With no workers the server analyses in its own process, one article at a time, without a time
limit: enough for tests and small machines.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from multiprocessing.connection import Connection, Pipe
from multiprocessing.process import BaseProcess

from newstrace.api import analyze
from newstrace.errors import NewstraceError, ServerBusyError, TimeLimitError
from newstrace.model import Article, Ledger
from newstrace.web.processes import end, start_owned
from newstrace.web.settings import Settings

Analyse = Callable[[Article], Ledger]


class _Worker:
    """One worker process and the pipe to it."""

    def __init__(self, analyse: Analyse) -> None:
        self.connection, theirs = Pipe()
        self.process: BaseProcess = start_owned(serve, (theirs, analyse), "newstrace-analysis")
        theirs.close()

    def analyse(self, article: Article, seconds: float) -> Ledger:
        self.connection.send(article)
        if not self.connection.poll(max(seconds, 0.0)):
            raise TimeoutError
        result = self.connection.recv()
        if isinstance(result, NewstraceError):
            raise result
        return result

    def stop(self) -> None:
        self.connection.close()
        end(self.process, grace_s=2.0)


class AnalysisPool:
    """At most ``settings.analysis_workers`` articles analysed at once, the rest queued."""

    def __init__(self, settings: Settings, analyse: Analyse = analyze) -> None:
        self.analyse = analyse
        self.size = settings.analysis_workers
        self.timeout_s = settings.analysis_timeout_s
        self._admitted = threading.BoundedSemaphore(max(self.size, 1) + settings.analysis_queue)
        self._idle: queue.LifoQueue[_Worker | None] = queue.LifoQueue()
        self._workers: list[_Worker] = []
        self._lock = threading.Lock()  # the workers list; with no workers, the one analyser

    def start(self) -> None:
        """Make room for the workers; each process starts when it is first needed."""
        for _ in range(self.size):
            self._idle.put(None)

    def stop(self) -> None:
        with self._lock:
            for worker in self._workers:
                worker.stop()
            self._workers.clear()

    def analyze(self, article: Article) -> Ledger:
        """The article's ledger, from the first free worker; raises E503 or E408 as above."""
        if not self._admitted.acquire(blocking=False):
            raise ServerBusyError(
                "every analysis worker is busy and the queue for them is full; try again shortly"
            )
        try:
            if not self.size:
                with self._lock:
                    return self.analyse(article)
            return self._in_worker(article, time.monotonic() + self.timeout_s)
        finally:
            self._admitted.release()

    def _in_worker(self, article: Article, deadline: float) -> Ledger:
        try:
            worker = self._idle.get(timeout=max(deadline - time.monotonic(), 0.0))
        except queue.Empty:
            raise self._late() from None
        try:
            worker = worker or self._started()
            return worker.analyse(article, deadline - time.monotonic())
        except (TimeoutError, EOFError, OSError) as error:
            if worker is not None:
                self._retire(worker)
                worker = None
            if isinstance(error, TimeoutError):
                raise self._late() from None
            raise NewstraceError("the analysis worker stopped unexpectedly") from error
        finally:
            self._idle.put(worker)

    def _started(self) -> _Worker:
        worker = _Worker(self.analyse)
        with self._lock:
            self._workers.append(worker)
        return worker

    def _retire(self, worker: _Worker) -> None:
        with self._lock:
            self._workers.remove(worker)
        worker.stop()

    def _late(self) -> TimeLimitError:
        return TimeLimitError(
            f"the analysis ran past the time limit of {self.timeout_s:.0f} s and was stopped; "
            "post a long article as a job (POST /api/trace) or try again later"
        )


def serve(connection: Connection, analyse: Analyse) -> None:
    """A worker process: analyse each article the pipe brings, send back its ledger or error."""
    while True:
        try:
            article = connection.recv()
        except EOFError:  # the server closed the pipe: it is stopping
            return
        try:
            connection.send(analyse(article))
        except NewstraceError as error:
            connection.send(error)
