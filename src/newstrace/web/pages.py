"""The web app's own pages, rendered from ``templates/`` with Jinja2 autoescaping.

The article and story pages reuse the report renderers, with what the web app adds below
their heading (the story's versions, downloads) from ``links.html.j2``; these templates are
the frame around the rest: home, job progress, story list, search, the API, sign-in and errors.
"""

from __future__ import annotations

from contextvars import ContextVar
from pathlib import Path
from typing import Any

from fastapi.responses import HTMLResponse
from markupsafe import Markup

from newstrace._version import __version__
from newstrace.model import CertaintyLevel, ClaimKind, SourceKind
from newstrace.report.html import TEMPLATES as REPORT_TEMPLATES
from newstrace.report.html import template_environment
from newstrace.store import StoredArticle, StoryRecord, StorySummary

TEMPLATES = Path(__file__).parent / "templates"
# set by the guard for a request that came with a session, so that pages offer to sign out
SIGNED_IN: ContextVar[bool] = ContextVar("signed_in", default=False)
_METHODS = ("get", "post", "put", "patch", "delete")


def page(template: str, status: int = 200, **context: Any) -> HTMLResponse:
    """A full HTML page from ``template`` with ``context``."""
    html = _render(
        template,
        version=__version__,
        source_kinds=[kind.value for kind in SourceKind],
        levels=[level.value for level in CertaintyLevel],
        claim_kinds=[kind.value for kind in ClaimKind],
        signed_in=SIGNED_IN.get(),
        **context,
    )
    return HTMLResponse(html, status_code=status)


def article_links(article: StoredArticle, story: StoryRecord | None) -> Markup:
    """What an article page adds below its heading: its story and the story's other stored
    versions (when a trace put it in one), and its ledger and claims to download."""
    number = article.id
    downloads = [
        ("ledger (JSON)", f"/api/articles/{number}", f"article-{number}.json"),
        ("claims (CSV)", _claims_csv("article_id", number), f"article-{number}-claims.csv"),
    ]
    return Markup(_render("links.html.j2", story=story, article=number, downloads=downloads))


def story_links(story: StorySummary) -> Markup:
    """What a story page adds below its navigation: the story and its claims to download."""
    number = story.id
    downloads = [
        ("story (JSON)", f"/api/stories/{number}", f"story-{number}.json"),
        ("claims (CSV)", _claims_csv("story_id", number), f"story-{number}-claims.csv"),
    ]
    return Markup(_render("links.html.j2", story=None, downloads=downloads))


def _claims_csv(parameter: str, number: int) -> str:
    """The claim export (``GET /api/claims``) of one article's or story's claims, as CSV."""
    return f"/api/claims?{parameter}={number}&format=csv"


def _render(template: str, **context: Any) -> str:
    environment = template_environment((TEMPLATES, REPORT_TEMPLATES))  # the reports' common.css
    return environment.get_template(template).render(**context)


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
