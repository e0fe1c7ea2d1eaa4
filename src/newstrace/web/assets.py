"""The pages' scripts, served from the package: no page carries an inline script, so the
Content-Security-Policy can say ``script-src 'self'`` and an injected one would not run."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import Response
from starlette.exceptions import HTTPException

from newstrace.report.html import TEMPLATES as REPORT_TEMPLATES

SCRIPTS = {
    "job.js": Path(__file__).parent / "static" / "job.js",
    "ledger.js": REPORT_TEMPLATES / "ledger.js",
    "story.js": REPORT_TEMPLATES / "story.js",
}

router = APIRouter(include_in_schema=False)


@router.get("/assets/{name}")
def script(name: str) -> Response:
    if name not in SCRIPTS:
        raise HTTPException(404, f"no asset {name}")
    return Response(SCRIPTS[name].read_bytes(), media_type="text/javascript")
