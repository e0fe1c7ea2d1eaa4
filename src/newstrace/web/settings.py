"""What a ``newstrace serve`` instance is told at start: where its store is, who may use it,
and the limits that keep one upload or one job from taking the machine."""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from newstrace.errors import ServiceError, UsageError
from newstrace.ingest import DEFAULT_LIMITS

TOKEN_ENV = "NEWSTRACE_TOKEN"
LOOPBACK_NAMES = {"localhost"}
MIN_TOKEN_CHARS = 16  # beyond loopback; token_urlsafe(24) gives 32
MIN_TOKEN_KINDS = 8  # different characters, so "aaaa..." or "abab..." is no token
_WILDCARDS = {"0.0.0.0", "::", ""}


@dataclass(frozen=True, slots=True)
class Settings:
    """A server's configuration; :meth:`check` refuses unsafe combinations."""

    data_dir: Path = Path("newstrace-data")
    db_url: str | None = None
    host: str = "127.0.0.1"
    token: str | None = None
    allowed_hosts: tuple[str, ...] = ()  # Host names beyond the bound one and loopback's
    session_hours: float = 12.0
    login_attempts: int = 10  # wrong tokens per client per window before it must wait
    login_window_s: float = 300.0
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
    analysis_queue: int = 8  # requests that may wait for a worker; beyond, 503 at once
    analysis_timeout_s: float = 120.0  # per posted article, waiting included
    max_inline_chars: int = 100_000  # a longer posted article is analysed as a job

    @property
    def database(self) -> str:
        """The store's URL: ``--db``, else an SQLite file in the data folder."""
        return self.db_url or f"sqlite:///{(self.data_dir / 'newstrace.db').resolve()}"

    def check(self) -> Settings:
        """Refuse limits that cannot work, and serving beyond loopback without a token or
        with one easy to guess."""
        if not 0 < self.max_inline_chars <= DEFAULT_LIMITS.text_chars:
            raise UsageError(
                f"the inline analysis limit must be 1 to {DEFAULT_LIMITS.text_chars:,} "
                "characters: a text cut to that length is analysed as a job, which reports it"
            )
        if _is_loopback(self.host):
            return self
        if not self.token:
            raise ServiceError(
                f"serving on {self.host} makes newstrace reachable from other machines: give a "
                f"token with --token-file or the {TOKEN_ENV} environment variable"
            )
        if len(self.token) < MIN_TOKEN_CHARS or len(set(self.token)) < MIN_TOKEN_KINDS:
            raise ServiceError(
                f"serving on {self.host} needs a token of at least {MIN_TOKEN_CHARS} characters, "
                f"{MIN_TOKEN_KINDS} of them different; make one with: python -c "
                "'import secrets; print(secrets.token_urlsafe(24))'"
            )
        return self

    def host_allowed(self, host: str) -> bool:
        """Whether a request's ``Host`` names this server: an IP address (a page cannot reach
        it by DNS rebinding, which needs a name), a loopback name, the bound name, or one of
        ``allowed_hosts``. Any other name is what a rebound DNS name would send."""
        name = _host_name(host)
        if not name:
            return False
        if _is_address(name):
            return True
        names = {self.host.lower(), *(allowed.lower() for allowed in self.allowed_hosts)}
        return name in LOOPBACK_NAMES or name.endswith(".localhost") or name in names - _WILDCARDS


def _is_address(name: str) -> bool:
    """Whether a host name is an IP address rather than a DNS name."""
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def read_token(path: Path | None, environ: Mapping[str, str] = os.environ) -> str | None:
    """The token from a file (its first line), else from ``NEWSTRACE_TOKEN``; either keeps it
    out of the process list, where a command-line argument is visible to every user."""
    if path is None:
        return environ.get(TOKEN_ENV) or None
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise ServiceError(f"cannot read the token file {path}: {error}") from None
    token = lines[0].strip() if lines else ""
    if not token:
        raise ServiceError(f"the token file {path} is empty")
    return token


def _host_name(host: str) -> str:
    """``host`` without its port and a final dot, in lower case; IPv6 without brackets."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else ""
    return host.rsplit(":", 1)[0].rstrip(".") if host.count(":") <= 1 else host


def _is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
