"""What every request passes first: the Host check, the cross-site check, the token or
session, the size limits, and the security headers every response carries.

A plain ASGI middleware, so that an over-long upload is stopped while it streams in (by its
``Content-Length``, or by counting a chunked body), before anything reads it whole. A body
found too long while it streams raises :class:`TooLarge`, which the app answers.

A ``Host`` the server does not answer to is refused, so a page whose DNS name is rebound to
this machine cannot read from it; a form post or state-changing call that a browser sends
from another site (``Sec-Fetch-Site``, else ``Origin``) is refused, so a page elsewhere cannot
act for a signed-in user or on a server without a token. Calls with ``Authorization: Bearer``
come from scripts (a page elsewhere cannot add that header without the CORS approval this
server never gives) and are not asked where they come from.
"""

from __future__ import annotations

import json
from urllib.parse import urlsplit

from starlette.exceptions import HTTPException
from starlette.requests import Request

from newstrace.errors import (
    AccessDeniedError,
    ForbiddenRequestError,
    InputTooLargeError,
    NewstraceError,
)
from newstrace.web.auth import Auth, client_of, login_address
from newstrace.web.pages import SIGNED_IN, page
from newstrace.web.settings import Settings

_UPLOAD_PATHS = ("/api/trace", "/corpus")
_OPEN_PATHS = ("/login", "/logout", "/api/health")
_SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
_SAME_SITE = ("same-origin", "none")  # Sec-Fetch-Site of a page of this server, or typed in
SECURITY_HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        b"img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
        b"frame-ancestors 'none'",
    ),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
]


class GuardMiddleware:
    """Refuse unknown hosts, cross-site writes, requests without the token or a session (when
    a token is set) and bodies over the limits; add the security headers to every answer."""

    def __init__(self, app, settings: Settings, auth: Auth) -> None:
        self.app = app
        self.settings = settings
        self.auth = auth

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        send = _with_security_headers(send)
        request = Request(scope)
        host = request.headers.get("host", "")
        if not self.settings.host_allowed(host):
            refused = ForbiddenRequestError(f"this server does not answer to the name {host!r}")
            await _refuse(scope, send, 403, refused)
            return
        bearer = _bearer(request)
        if request.method not in _SAFE_METHODS and bearer is None and _cross_site(request):
            refused = ForbiddenRequestError(
                f"{request.method} {request.url.path} was sent from another site"
            )
            await _refuse(scope, send, 403, refused)
            return
        open_path = request.url.path.startswith(_OPEN_PATHS)
        if (
            self.auth.required
            and not open_path
            and not await self._authorised(request, bearer, send)
        ):
            return
        limit = (
            self.settings.max_upload_bytes + 1_000_000
            if request.url.path in _UPLOAD_PATHS
            else self.settings.max_request_bytes
        )
        length = request.headers.get("content-length")
        if length is not None and length.isdigit() and int(length) > limit:
            await _refuse(scope, send, 413, InputTooLargeError(TooLarge(limit).detail))
            return
        await self.app(scope, _capped(receive, limit), send)

    async def _authorised(self, request: Request, bearer: bytes | None, send) -> bool:
        """Whether the request may go on; if not, its refusal has been sent."""
        if self.auth.signed_in(request.cookies):
            SIGNED_IN.set(True)
            return True
        scope = request.scope
        if bearer is None:
            await _to_sign_in(scope, send)
            return False
        client = client_of(request)
        wait = self.auth.wait(client)
        if wait:
            await _refuse(
                scope, send, 429, self.auth.too_many(wait), ((b"retry-after", b"%d" % wait),)
            )
            return False
        if not self.auth.right_token(client, bearer):
            refused = AccessDeniedError("wrong token: send 'Authorization: Bearer <token>'")
            await _refuse(scope, send, 401, refused)
            return False
        return True


def _bearer(request: Request) -> bytes | None:
    """The token of an ``Authorization: Bearer`` header, as the bytes the client sent (header
    text is decoded as Latin-1, which gives them back)."""
    given = request.headers.get("authorization", "")
    return given[7:].strip().encode("latin-1") if given.lower().startswith("bearer ") else None


def _cross_site(request: Request) -> bool:
    """Whether a browser sent the request from a page of another site. Browsers say so in
    ``Sec-Fetch-Site``; older ones send ``Origin`` with every cross-site post. A request with
    neither comes from a script or an address typed in, not from a page elsewhere."""
    fetched_from = request.headers.get("sec-fetch-site")
    if fetched_from is not None:
        return fetched_from not in _SAME_SITE
    origin = request.headers.get("origin")
    if origin is None:
        return False
    return urlsplit(origin).netloc.lower() != request.headers.get("host", "").lower()


def _with_security_headers(send):
    """``send``, adding the security headers to the response's start."""

    async def sending(message) -> None:
        if message["type"] == "http.response.start":
            message = {**message, "headers": [*message.get("headers", []), *SECURITY_HEADERS]}
        await send(message)

    return sending


async def _to_sign_in(scope, send) -> None:
    """A page asked without a session goes to the sign-in page, which comes back to it; an
    API call is refused."""
    if scope["path"].startswith("/api/"):
        error = AccessDeniedError("this server needs a token: send 'Authorization: Bearer <token>'")
        await _refuse(scope, send, 401, error)
        return
    asked = scope["path"] + (
        f"?{scope['query_string'].decode('latin-1')}" if scope["query_string"] else ""
    )
    target = asked if scope["method"] == "GET" else "/"
    location = login_address(target).encode("latin-1")
    await send({"type": "http.response.start", "status": 303, "headers": [(b"location", location)]})
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


async def _refuse(
    scope, send, status: int, error: NewstraceError, headers: tuple[tuple[bytes, bytes], ...] = ()
) -> None:
    """An error as the API documents it (``{"error": {"code", "message"}}``) or, for a page,
    the error page saying the same."""
    if scope["path"].startswith("/api/"):
        body = json.dumps({"error": {"code": error.code, "message": error.message}}).encode()
        start = [(b"content-type", b"application/json"), *headers]
        await send({"type": "http.response.start", "status": status, "headers": start})
        await send({"type": "http.response.body", "body": body})
        return
    response = page("error.html.j2", status=status, error=error)
    response.raw_headers.extend(headers)
    await response(scope, _nothing, send)


async def _nothing():
    return {"type": "http.disconnect"}
