"""What a ``newstrace serve`` instance is told at start: where its store is, who may use it,
and the limits that keep one upload or one job from taking the machine."""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass
from pathlib import Path

from newstrace.errors import ServiceError, UsageError
from newstrace.ingest import DEFAULT_LIMITS

TOKEN_ENV = "NEWSTRACE_TOKEN"
LOOPBACK_NAMES = {"localhost"}


@dataclass(frozen=True, slots=True)
class Settings:
    """A server's configuration; :meth:`check` refuses unsafe combinations."""

    data_dir: Path = Path("newstrace-data")
    db_url: str | None = None
    host: str = "127.0.0.1"
    token: str | None = None
    max_request_bytes: int = 2_000_000  # an article's JSON or form
    max_upload_bytes: int = 500_000_000  # a corpus file
    max_zip_files: int = 20_000
    max_unpacked_bytes: int = 2_000_000_000  # what a zip may unpack to, counted as written
    max_zip_ratio: float = 100.0  # unpacked bytes per byte of zip, beyond the first megabyte
    upload_quota_bytes: int = 5_000_000_000  # uploads of unfinished jobs, over the whole store
    job_timeout_s: float = 3600.0
    job_lease_s: float = 30.0  # a job whose server has not renewed it for this long is dead
    parallel_jobs: int = 2
    job_processes: int = 1
    analysis_workers: int = 2  # processes analysing posted articles; 0: in the server, in turn
    analysis_queue: int = 8  # requests that may wait for a worker; beyond, 429 at once
    analysis_timeout_s: float = 120.0  # per posted article, waiting included
    max_inline_chars: int = 100_000  # a longer posted article is analysed as a job

    @property
    def database(self) -> str:
        """The store's URL: ``--db``, else an SQLite file in the data folder."""
        return self.db_url or f"sqlite:///{(self.data_dir / 'newstrace.db').resolve()}"

    def check(self) -> Settings:
        """Refuse to serve beyond loopback without a token, and limits that cannot work."""
        if not 0 < self.max_inline_chars <= DEFAULT_LIMITS.text_chars:
            raise UsageError(
                f"the inline analysis limit must be 1 to {DEFAULT_LIMITS.text_chars:,} "
                "characters: a text cut to that length is analysed as a job, which reports it"
            )
        if not _is_loopback(self.host) and not self.token:
            raise ServiceError(
                f"serving on {self.host} makes newstrace reachable from other machines: give a "
                f"token with --token or the {TOKEN_ENV} environment variable"
            )
        return self


def token_from_env(given: str | None) -> str | None:
    return given or os.environ.get(TOKEN_ENV) or None


def _is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
