"""The web app's own pages, rendered from ``templates/`` with Jinja2 autoescaping.

The article and story pages reuse the report renderers; these templates are the frame
around them: home, job progress, story list, search, login and errors.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi.responses import HTMLResponse

from newstrace._version import __version__
from newstrace.model import CertaintyLevel, ClaimKind, SourceKind
from newstrace.report.html import template_environment

TEMPLATES = Path(__file__).parent / "templates"


def page(template: str, status: int = 200, **context: Any) -> HTMLResponse:
    """A full HTML page from ``template`` with ``context``."""
    html = (
        template_environment(TEMPLATES)
        .get_template(template)
        .render(
            version=__version__,
            source_kinds=[kind.value for kind in SourceKind],
            levels=[level.value for level in CertaintyLevel],
            claim_kinds=[kind.value for kind in ClaimKind],
            **context,
        )
    )
    return HTMLResponse(html, status_code=status)
