"""The web app's own pages, rendered from ``templates/`` with Jinja2 autoescaping.

The article and story pages reuse the report renderers; these templates are the frame
around them: home, job progress, story list, search, the API, sign-in and errors.
"""

from __future__ import annotations

from contextvars import ContextVar
from pathlib import Path
from typing import Any

from fastapi.responses import HTMLResponse

from newstrace._version import __version__
from newstrace.model import CertaintyLevel, ClaimKind, SourceKind
from newstrace.report.html import TEMPLATES as REPORT_TEMPLATES
from newstrace.report.html import template_environment

TEMPLATES = Path(__file__).parent / "templates"
# set by the guard for a request that came with a session, so that pages offer to sign out
SIGNED_IN: ContextVar[bool] = ContextVar("signed_in", default=False)
_METHODS = ("get", "post", "put", "patch", "delete")


def page(template: str, status: int = 200, **context: Any) -> HTMLResponse:
    """A full HTML page from ``template`` with ``context``."""
    html = (
        template_environment((TEMPLATES, REPORT_TEMPLATES))  # the reports' common.css
        .get_template(template)
        .render(
            version=__version__,
            source_kinds=[kind.value for kind in SourceKind],
            levels=[level.value for level in CertaintyLevel],
            claim_kinds=[kind.value for kind in ClaimKind],
            signed_in=SIGNED_IN.get(),
            **context,
        )
    )
    return HTMLResponse(html, status_code=status)


def api_page(openapi: dict[str, Any]) -> HTMLResponse:
    """The API's endpoints, listed from its OpenAPI document: FastAPI's interactive docs load
    their scripts from a CDN, which is blank offline and against the security policy."""
    endpoints = [
        {
            "method": method.upper(),
            "path": path,
            "summary": operation.get("summary", ""),
            "description": operation.get("description", ""),
            "parameters": [
                (parameter["name"], parameter["in"], parameter.get("description", ""))
                for parameter in operation.get("parameters", [])
            ],
        }
        for path, operations in openapi["paths"].items()
        for method, operation in operations.items()
        if method in _METHODS
    ]
    return page("api.html.j2", info=openapi["info"], endpoints=endpoints)
