"""What a ``newstrace serve`` instance is told at start: where its store is, who may use it,
and the limits that keep one upload or one job from taking the machine."""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass
from pathlib import Path

from newstrace.errors import ServiceError

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
    job_timeout_s: float = 3600.0
    parallel_jobs: int = 2
    job_processes: int = 1

    @property
    def database(self) -> str:
        """The store's URL: ``--db``, else an SQLite file in the data folder."""
        return self.db_url or f"sqlite:///{(self.data_dir / 'newstrace.db').resolve()}"

    def check(self) -> Settings:
        """Refuse to serve beyond loopback without a token."""
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
