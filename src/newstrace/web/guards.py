"""What every request passes first: the token check and the size limits.

A plain ASGI middleware, so that an over-long upload is stopped while it streams in (by its
``Content-Length``, or by counting a chunked body), before anything reads it whole. A body
found too long while it streams raises :class:`TooLarge`, which the app answers.
"""

from __future__ import annotations

import hmac
import json
from http.cookies import SimpleCookie
from urllib.parse import parse_qs

from starlette.exceptions import HTTPException

from newstrace.errors import AccessDeniedError, InputTooLargeError
from newstrace.web.settings import Settings

COOKIE = "newstrace_token"
_UPLOAD_PATHS = ("/api/trace", "/corpus")
_OPEN_PATHS = ("/login", "/api/health")


class GuardMiddleware:
    """Refuse requests without the token (when one is set) and bodies over the limits."""

    def __init__(self, app, settings: Settings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope["path"]
        needs_token = self.settings.token and not path.startswith(_OPEN_PATHS)
        if needs_token and not self._authorised(scope):
            await self._refuse(scope, send)
            return
        if path == "/login" and scope["method"] == "POST":
            await self._login(scope, receive, send)
            return
        limit = (
            self.settings.max_upload_bytes + 1_000_000
            if path in _UPLOAD_PATHS
            else self.settings.max_request_bytes
        )
        length = _header(scope, b"content-length")
        if length is not None and length.isdigit() and int(length) > limit:
            await _json(send, 413, InputTooLargeError.code, TooLarge(limit).detail)
            return
        await self.app(scope, _capped(receive, limit), send)

    def _authorised(self, scope) -> bool:
        given = _header(scope, b"authorization") or ""
        if given.lower().startswith("bearer "):
            return self._is_token(given[7:].strip().encode("latin-1"))
        cookie = SimpleCookie(_header(scope, b"cookie") or "")
        return COOKIE in cookie and self._is_token(cookie[COOKIE].value.encode("latin-1"))

    def _is_token(self, given: bytes) -> bool:
        """Compare bytes, in constant time: ``hmac.compare_digest`` refuses str that is not
        ASCII, and headers hold whatever bytes a client sends. Header text is decoded as
        Latin-1, which gives back the bytes it came from."""
        return hmac.compare_digest(given, (self.settings.token or "").encode("utf-8"))

    async def _refuse(self, scope, send) -> None:
        if scope["path"].startswith("/api/"):
            error = AccessDeniedError(
                "this server needs a token: send 'Authorization: Bearer <token>'"
            )
            await _json(send, 401, error.code, error.message)
            return
        await send(
            {"type": "http.response.start", "status": 303, "headers": [(b"location", b"/login")]}
        )
        await send({"type": "http.response.body", "body": b""})

    async def _login(self, scope, receive, send) -> None:
        """The login form posts the token; a right one becomes a cookie for the pages."""
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if len(body) > 10_000 or not message.get("more_body"):
                break
        token = parse_qs(body.decode("utf-8", "replace")).get("token", [""])[0]
        if self.settings.token and self._is_token(token.encode("utf-8")):
            cookie = f"{COOKIE}={token}; HttpOnly; SameSite=Strict; Path=/"
            headers = [(b"location", b"/"), (b"set-cookie", cookie.encode())]
            await send({"type": "http.response.start", "status": 303, "headers": headers})
        else:
            await send(
                {
                    "type": "http.response.start",
                    "status": 303,
                    "headers": [(b"location", b"/login?failed=1")],
                }
            )
        await send({"type": "http.response.body", "body": b""})


def _capped(receive, limit: int):
    """``receive``, failing the request once more than ``limit`` body bytes came in."""
    seen = 0

    async def capped():
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise TooLarge(limit)
        return message

    return capped


class TooLarge(HTTPException):
    """A request body over the limit, found while it streams in (chunked, or longer than it
    said). An HTTP error, so that FastAPI's body parsing passes it on instead of turning it
    into a 400; the app answers it as E108 with status 413."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"the request body is larger than the limit of {limit:,} bytes")


def _header(scope, name: bytes) -> str | None:
    for key, value in scope["headers"]:
        if key == name:
            return value.decode("latin-1")
    return None


async def _json(send, status: int, code: str, message: str) -> None:
    body = json.dumps({"error": {"code": code, "message": message}}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json")],
        }
    )
    await send({"type": "http.response.body", "body": body})
