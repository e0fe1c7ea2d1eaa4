"""Signing in to a server that has a token: sessions, the limit on wrong tokens, the pages.

The browser never holds the token. A right one, typed into the sign-in page, earns a session
cookie: an expiry time and a random id, signed with HMAC-SHA256 under a secret drawn when the
server starts (so a restart signs everyone out), HttpOnly, SameSite=Lax, Secure over TLS.
Scripts send the token itself as ``Authorization: Bearer``. Every wrong token counts against
the client that sent it; past ``login_attempts`` in ``login_window_s`` its tokens are not
checked at all until the window has moved on, so guessing takes years, not seconds.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
import time
from collections import deque
from collections.abc import Callable
from typing import Annotated
from urllib.parse import quote, urlsplit

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from newstrace.errors import TooManyAttemptsError
from newstrace.web.pages import page
from newstrace.web.settings import Settings

COOKIE = "newstrace_session"
_MAX_CLIENTS = 10_000  # clients remembered for their wrong tokens


class FailureLimiter:
    """Wrong tokens per client within a sliding window."""

    def __init__(
        self, attempts: int, window_s: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.attempts = attempts
        self.window_s = window_s
        self.clock = clock
        self._failures: dict[str, deque[float]] = {}

    def wait(self, client: str) -> float:
        """Seconds before ``client``'s next token is checked; 0 when it may try now."""
        times = self._failures.get(client)
        if times is None or len(times) < self.attempts:
            return 0.0
        return max(0.0, times[0] + self.window_s - self.clock())

    def failed(self, client: str) -> None:
        now = self.clock()
        if len(self._failures) >= _MAX_CLIENTS:  # forget those whose window has passed
            self._failures = {
                known: times
                for known, times in self._failures.items()
                if times[-1] + self.window_s > now
            }
        times = self._failures.setdefault(client, deque(maxlen=self.attempts))
        while times and times[0] + self.window_s <= now:
            times.popleft()
        times.append(now)


class Sessions:
    """Signed session ids; ``end`` revokes one before it expires (signing out)."""

    def __init__(self, max_age_s: float, clock: Callable[[], float] = time.time) -> None:
        self.max_age_s = max_age_s
        self.clock = clock
        self._secret = secrets.token_bytes(32)
        self._ended: dict[str, float] = {}  # id -> expiry, kept until it expires anyway

    def start(self) -> str:
        payload = f"{int(self.clock() + self.max_age_s)}.{secrets.token_urlsafe(16)}"
        return f"{payload}.{self._sign(payload)}"

    def valid(self, session: str) -> bool:
        payload, _, signature = session.rpartition(".")
        expires, _, session_id = payload.partition(".")
        return (
            hmac.compare_digest(signature.encode(), self._sign(payload).encode())
            and expires.isdigit()
            and int(expires) > self.clock()
            and session_id not in self._ended
        )

    def end(self, session: str) -> None:
        if self.valid(session):
            expires, session_id = session.split(".")[:2]
            now = self.clock()
            self._ended = {known: at for known, at in self._ended.items() if at > now}
            self._ended[session_id] = float(expires)

    def _sign(self, payload: str) -> str:
        return hmac.new(self._secret, payload.encode(), hashlib.sha256).hexdigest()


class Auth:
    """Who may use the server: the token, the sessions it earns, the wrong-token limit."""

    def __init__(self, settings: Settings) -> None:
        self.required = bool(settings.token)
        self._token = (settings.token or "").encode("utf-8")
        self.sessions = Sessions(settings.session_hours * 3600)
        self.limiter = FailureLimiter(settings.login_attempts, settings.login_window_s)

    def signed_in(self, cookies: dict[str, str]) -> bool:
        return COOKIE in cookies and self.sessions.valid(cookies[COOKIE])

    def wait(self, client: str) -> int:
        """Whole seconds ``client`` must wait before its next token is checked."""
        return math.ceil(self.limiter.wait(client))

    def right_token(self, client: str, given: bytes) -> bool:
        """Compare bytes in constant time (``hmac.compare_digest`` refuses str that is not
        ASCII); a wrong token counts against ``client``."""
        right = hmac.compare_digest(given, self._token)
        if not right:
            self.limiter.failed(client)
        return right

    def too_many(self, wait: int) -> TooManyAttemptsError:
        return TooManyAttemptsError(
            f"too many wrong tokens from this address: wait {wait} s and try again"
        )


def safe_next(target: str) -> str:
    """``target`` if it is a path on this server, else ``/``: signing in must never send the
    browser to another site (``//host``, ``/\\host`` and ``scheme:`` all would)."""
    parts = urlsplit(target)
    unsafe = (
        not target.startswith("/")
        or target.startswith("//")
        or "\\" in target
        or parts.scheme
        or parts.netloc
        or any(ord(char) < 32 for char in target)
    )
    return "/" if unsafe else target


def login_address(target: str, **flags: int) -> str:
    """The sign-in page, coming back to ``target`` after it."""
    query = [f"{name}={value}" for name, value in flags.items()]
    query += [f"next={quote(target, safe='')}"] if target != "/" else []
    return "/login" + ("?" + "&".join(query) if query else "")


def auth_routes(auth: Auth) -> APIRouter:
    """The sign-in and sign-out pages and their forms."""
    router = APIRouter(include_in_schema=False)

    @router.get("/login")
    def login_page(
        next_page: Annotated[str, Query(alias="next")] = "/",
        failed: bool = False,
        signed_out: bool = False,
    ) -> Response:
        return page(
            "login.html.j2", next=safe_next(next_page), failed=failed, signed_out=signed_out
        )

    @router.post("/login")
    def sign_in(
        request: Request,
        token: Annotated[str, Form()] = "",
        next_page: Annotated[str, Form(alias="next")] = "/",
    ) -> Response:
        target, client = safe_next(next_page), client_of(request)
        wait = auth.wait(client)
        if wait:
            refusal = page("error.html.j2", status=429, error=auth.too_many(wait))
            refusal.headers["retry-after"] = str(wait)
            return refusal
        if not auth.right_token(client, token.encode("utf-8")):
            return RedirectResponse(login_address(target, failed=1), status_code=303)
        response = RedirectResponse(target, status_code=303)
        response.set_cookie(
            COOKIE,
            auth.sessions.start(),
            max_age=int(auth.sessions.max_age_s),
            path="/",
            secure=request.url.scheme == "https",
            httponly=True,
            samesite="lax",
        )
        return response

    @router.get("/logout")
    def logout_page() -> Response:
        return page("logout.html.j2")

    @router.post("/logout")
    def sign_out(request: Request) -> Response:
        if COOKIE in request.cookies:
            auth.sessions.end(request.cookies[COOKIE])
        response = RedirectResponse(login_address("/", signed_out=1), status_code=303)
        response.delete_cookie(COOKIE, path="/", httponly=True, samesite="lax")
        return response

    return router


def client_of(request: Request) -> str:
    """The address wrong tokens are counted against (behind a proxy on this machine, the one
    it forwards, as uvicorn reads ``X-Forwarded-For`` from 127.0.0.1)."""
    return request.client.host if request.client else "unknown"
