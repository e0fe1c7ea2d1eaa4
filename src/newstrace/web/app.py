"""``newstrace serve``: the HTTP API and the web app, over one store.

The API speaks the CLI's JSON formats (``newstrace.claims/1`` ledgers, ``newstrace.trace/1``
traces and stories); the pages are server-rendered HTML with all article text escaped by
Jinja2. A posted article is analysed by a pool of worker processes (:mod:`newstrace.web.analysis`)
while the request waits, or, when long, as a background job like the trace of a corpus
(:mod:`newstrace.web.jobs`).
"""

from __future__ import annotations

import json
import shutil
import uuid
from contextlib import asynccontextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import FastAPI, File, Form, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import (
    HTMLResponse,
    JSONResponse,
    RedirectResponse,
    Response,
)
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from newstrace._version import __version__
from newstrace.errors import (
    AccessDeniedError,
    EmptyInputError,
    EncodingError,
    InputTooLargeError,
    MalformedInputError,
    NewstraceError,
    NotFoundError,
    QuotaExceededError,
    ServerBusyError,
    TimeLimitError,
    UnsupportedInputError,
    UnsupportedLanguageError,
    UsageError,
)
from newstrace.ingest import read_item, truncate_text
from newstrace.ingest.json_article import METADATA_FIELDS, article_from_json
from newstrace.model import Article, Ledger
from newstrace.serialize import dumps, to_dict
from newstrace.store import Cut, Store
from newstrace.web.analysis import AnalysisPool
from newstrace.web.assets import router as assets
from newstrace.web.auth import Auth, auth_routes
from newstrace.web.export import ClaimExport, ClaimSearch, ExportResponse, csv_chunks, json_chunks
from newstrace.web.guards import GuardMiddleware
from newstrace.web.jobs import ANALYZE, ARTICLE_FILE, TRACE, JobRunner, job_view
from newstrace.web.pages import api_page, article_links, page, story_links
from newstrace.web.settings import Settings
from newstrace.web.uploads import UnpackLimits, corpus_suffix, save_upload

PAGE_SIZE = 100  # claims on a page of the search; the API's exports are not capped
_STATUS = {
    InputTooLargeError: 413,
    QuotaExceededError: 413,
    UnsupportedInputError: 415,
    UnsupportedLanguageError: 422,
    ServerBusyError: 503,
    TimeLimitError: 504,
}
# HTTP errors raised by the framework and the guards (an unknown route, a wrong method, a
# body over the limit), as newstrace errors; any other status is a usage error
_HTTP_ERRORS: dict[int, type[NewstraceError]] = {
    400: MalformedInputError,
    401: AccessDeniedError,
    404: NotFoundError,
    413: InputTooLargeError,
    415: UnsupportedInputError,
}
_ARTICLE_BODY = {
    "required": True,
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "required": ["text"],
                "properties": {name: {"type": "string"} for name in ("text", *METADATA_FIELDS)},
            },
            "example": {
                "id": "a1",
                "outlet": "Pellin Gazette",
                "text": "Officials said the bridge may reopen in May.",
            },
        }
    },
}


class Service:
    """What the routes share: the store, the job runner and the analysis pool."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings.check()
        self.store = Store(settings.database)
        self.runner = JobRunner(settings, self.store)
        self.pool = AnalysisPool(settings)

    def analyze(self, article: Article, name: str | None = None) -> tuple[int, Ledger]:
        ledger = self.pool.analyze(article)
        return self.store.add_ledger(ledger, name=name or article.id), ledger

    def start_analysis(self, article: Article) -> str:
        """A job for a posted article too long to analyse in the request; the job id."""
        cut = truncate_text(article.text)[0]
        truncated: Cut | None = (len(article.text), len(cut)) if cut is not article.text else None
        job = self._job(ANALYZE, article.id or "article", truncated)
        folder = self.runner.upload_folder(job.id)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / ARTICLE_FILE).write_text(json.dumps(asdict(article)), encoding="utf-8")
        return self._submit(job.id, ANALYZE, folder / ARTICLE_FILE)

    def start_trace(self, upload: UploadFile) -> str:
        name = upload.filename or "corpus"
        corpus_suffix(name)  # refuse an unsupported file before storing anything
        job = self._job(TRACE, name)
        settings = self.settings
        unpack = UnpackLimits(
            settings.max_unpacked_bytes, settings.max_zip_files, settings.max_zip_ratio
        )
        folder = self.runner.upload_folder(job.id)
        try:
            corpus = save_upload(upload.file, folder, name, settings.max_upload_bytes, unpack)
        except BaseException as error:
            self._refused(job.id, error)
            raise
        return self._submit(job.id, TRACE, corpus)

    def _job(self, kind: str, name: str, truncated: Cut | None = None):
        lease = self.settings.job_lease_s
        return self.store.create_job(
            kind, name, owner=self.runner.owner, lease_s=lease, truncated=truncated
        )

    def _submit(self, job_id: str, kind: str, upload: Path) -> str:
        """Count the upload against the store's quota, then queue the job."""
        size = sum(p.stat().st_size for p in upload.parent.rglob("*") if p.is_file())
        try:
            self.store.hold_upload(job_id, size, self.settings.upload_quota_bytes)
        except NewstraceError as error:
            self._refused(job_id, error)
            raise
        self.runner.submit(job_id, kind, upload)
        return job_id

    def _refused(self, job_id: str, error: BaseException) -> None:
        shutil.rmtree(self.runner.upload_folder(job_id), ignore_errors=True)
        reason = f"[{error.code}] {error.message}" if isinstance(error, NewstraceError) else None
        self.store.fail_job(job_id, reason or f"the upload failed: {type(error).__name__}")


def create_app(settings: Settings) -> FastAPI:
    """The newstrace web app and API over the store ``settings`` name."""
    service = Service(settings)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        service.runner.start()
        service.pool.start()
        yield
        service.pool.stop()
        service.runner.stop()

    app = FastAPI(
        title="newstrace",
        version=__version__,
        lifespan=lifespan,
        docs_url=None,  # FastAPI's docs load a CDN's scripts; /docs is a page of our own
        redoc_url=None,
        description="Who said this, via whom, how sure, and how the story changed as it was "
        "retold. The API returns the CLI's JSON formats: newstrace.claims/1 ledgers and "
        "newstrace.trace/1 traces and stories.",
    )
    app.state.service = service
    auth = Auth(settings)
    app.add_middleware(GuardMiddleware, settings=settings, auth=auth)
    app.include_router(auth_routes(auth))
    app.include_router(assets)

    @app.exception_handler(NewstraceError)
    async def _newstrace_error(request: Request, error: NewstraceError) -> Response:
        status = next((code for kind, code in _STATUS.items() if isinstance(error, kind)), 400)
        return _refusal(request, status, error)

    @app.exception_handler(RequestValidationError)
    async def _invalid_request(request: Request, error: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{' '.join(str(part) for part in problem['loc'])}: {problem['msg']}"
            for problem in error.errors()
        )
        return _refusal(request, 400, UsageError(problems or "the request does not fit the API"))

    @app.exception_handler(HTTPException)
    async def _http_error(request: Request, error: HTTPException) -> Response:
        kind = _HTTP_ERRORS.get(error.status_code, UsageError)
        message = f"{request.method} {request.url.path}: {error.detail}"
        return _refusal(request, error.status_code, kind(message))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, _error: Exception) -> Response:
        # the traceback goes to the server's log; the client learns nothing of the server
        error = NewstraceError("an unexpected error on the server; its log has the details")
        return _refusal(request, 500, error)

    _api_routes(app, service)
    _page_routes(app, service)
    return app


# --- the HTTP API ---------------------------------------------------------------------------


def _api_routes(app: FastAPI, service: Service) -> None:
    store = service.store

    @app.post(
        "/api/analyze",
        tags=["articles"],
        summary="Analyse one article",
        status_code=201,
        openapi_extra={"requestBody": _ARTICLE_BODY},
    )
    async def analyze_article(request: Request) -> Response:
        """Analyse an article given as JSON (``text`` and optional ``id, url, outlet,
        published, title, lang``); returns its ledger (``newstrace.claims/1``) and keeps it.
        ``Location`` names the stored article. A text over the inline limit is analysed as a
        job instead: 202 with the job (``truncated`` gives a cut to 1,000,000 characters)."""
        article = article_from_json(await _json_text(request), "request body")
        if len(article.text) > service.settings.max_inline_chars:
            return _job_response(await run_in_threadpool(service.start_analysis, article))
        return await run_in_threadpool(analysed, article)

    def analysed(article: Article) -> Response:
        article_id, ledger = service.analyze(article)
        return Response(
            dumps(ledger),
            media_type="application/json",
            status_code=201,
            headers={"Location": f"/api/articles/{article_id}"},
        )

    @app.get("/api/articles/{article_id}", tags=["articles"], summary="A stored article")
    def get_article(article_id: int) -> Response:
        """The stored article's ledger (``newstrace.claims/1``), or its error if it failed."""
        stored = store.article(article_id)
        if stored is None:
            return _not_found(f"no article {article_id}")
        if stored.ledger is None:
            assert stored.error is not None
            return JSONResponse(
                {
                    "id": stored.id,
                    "name": stored.name,
                    "status": "error",
                    "error": {"code": stored.error[0], "message": stored.error[1]},
                }
            )
        return Response(dumps(stored.ledger), media_type="application/json")

    @app.post("/api/trace", tags=["traces"], summary="Trace an uploaded corpus", status_code=202)
    def trace_corpus(corpus: Annotated[UploadFile, File()]) -> JSONResponse:
        """Upload a corpus (JSONL, CSV, a zip of article files, WARC); returns the job."""
        return _job_response(service.start_trace(corpus))

    def _job_response(job_id: str) -> JSONResponse:
        job = store.job(job_id)
        assert job is not None
        return JSONResponse(job_view(store, job), 202, headers={"Location": f"/api/jobs/{job_id}"})

    @app.get("/api/jobs/{job_id}", tags=["traces"], summary="A trace job's progress")
    def get_job(job_id: str) -> Response:
        job = store.job(job_id)
        """The job's state, counts, failed articles with their errors, time left, results."""
        return _not_found(f"no job {job_id}") if job is None else JSONResponse(job_view(store, job))

    @app.get("/api/traces/{trace_id}", tags=["traces"], summary="A finished trace")
    def get_trace(trace_id: int) -> Response:
        """The whole trace of a finished job (``newstrace.trace/1``)."""
        document = store.trace_document(trace_id)
        if document is None:
            return _not_found(f"no trace {trace_id}")
        return Response(document, media_type="application/json")

    @app.get("/api/stories", tags=["stories"], summary="Find stories")
    def list_stories(
        cites: Annotated[str | None, Query(description="stories crediting this outlet")] = None,
        q: Annotated[str | None, Query(description="words in the title")] = None,
        trace_id: int | None = None,
    ) -> JSONResponse:
        found = store.stories(trace_id=trace_id, cites=cites, text=q)
        return JSONResponse({"stories": [asdict(s) for s in found]})

    @app.get("/api/stories/{story_id}", tags=["stories"], summary="A story")
    def get_story(story_id: int) -> Response:
        """The story as in ``trace.json`` (``newstrace.trace/1``), plus its stored articles."""
        record = store.story(story_id)
        if record is None:
            return _not_found(f"no story {story_id}")
        return JSONResponse(
            {
                **to_dict(record.story),
                "story_id": record.summary.id,
                "trace_id": record.summary.trace_id,
                "articles": {n: f"/api/articles/{i}" for n, i in record.article_ids.items()},
            }
        )

    @app.get("/api/claims", tags=["search"], summary="Search and export claims")
    def search_claims(search: Annotated[ClaimExport, Query()]) -> Response:
        """Claims matching every filter given (e.g. ``source_kind=anonymous_person``), most
        check-worthy first, streamed: all of them, or a page with ``offset`` and ``limit``.
        JSON carries the ``total`` that match; ``format=csv`` gives a spreadsheet."""
        query = search.query()
        hits = store.claims(query, offset=search.offset, limit=search.limit)
        if search.format == "csv":
            return ExportResponse(
                csv_chunks(hits),
                "text/csv",
                {"Content-Disposition": 'attachment; filename="claims.csv"'},
            )
        head = {"total": store.count_claims(query), "offset": search.offset, "limit": search.limit}
        return ExportResponse(json_chunks(hits, head), "application/json")

    @app.get("/api/health", tags=["service"], summary="Is the server up")
    def health() -> dict[str, str]:
        return {"status": "ok", "newstrace": __version__}


async def _json_text(request: Request) -> str:
    """The body of a request that must be JSON: declared so (or not declared), in UTF-8."""
    media = request.headers.get("content-type", "application/json").split(";")[0].strip()
    if media.lower() != "application/json" and not media.lower().endswith("+json"):
        raise UnsupportedInputError(
            f"the request body is {media!r}; send the article as application/json"
        )
    body = await request.body()
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise EncodingError(f"request body: not UTF-8 (byte {error.start:,})") from None


def _refusal(request: Request, status: int, error: NewstraceError) -> Response:
    """An error as the API documents it (``{"error": {"code", "message"}}``) or as a page."""
    if request.url.path.startswith("/api/"):
        return _error_json(error, status)
    return page("error.html.j2", status=status, error=error)


def _not_found(message: str) -> JSONResponse:
    return _error_json(NotFoundError(message), 404)


def _error_json(error: NewstraceError, status: int) -> JSONResponse:
    return JSONResponse({"error": {"code": error.code, "message": error.message}}, status)


# --- the pages ------------------------------------------------------------------------------


def _page_routes(app: FastAPI, service: Service) -> None:
    from newstrace.report.html import render_html
    from newstrace.report.trace_html import render_story_html

    store = service.store
    nav = (("Home", "/"), ("Stories", "/stories"), ("Search", "/search")) + (
        (("Sign out", "/logout"),) if service.settings.token else ()
    )

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home() -> Response:
        return page("home.html.j2", jobs=store.jobs(limit=20))

    @app.post("/analyze", include_in_schema=False)
    def analyze_form(
        text: Annotated[str, Form()] = "",
        title: Annotated[str, Form()] = "",
        file: Annotated[UploadFile | None, File()] = None,
    ) -> Response:
        if file is not None and file.filename:
            article = _uploaded_article(file, service.settings)
        elif text.strip():
            article = Article(
                text=text, title=title.strip() or None, id=f"pasted-{uuid.uuid4().hex[:8]}"
            )
        else:
            raise EmptyInputError("paste an article's text or choose a file")
        if len(article.text) > service.settings.max_inline_chars:
            return RedirectResponse(f"/jobs/{service.start_analysis(article)}", status_code=303)
        article_id, _ = service.analyze(article)
        return RedirectResponse(f"/articles/{article_id}", status_code=303)

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(article_id: int) -> Response:
        stored = store.article(article_id)
        if stored is None:
            return page("error.html.j2", status=404, message=f"There is no article {article_id}.")
        if stored.ledger is None:
            code, message = stored.error or ("E100", "unknown error")
            return page(
                "error.html.j2",
                status=200,
                message=f"{stored.name} could not be analysed: [{code}] {message}",
            )
        story = store.story(stored.story_id) if stored.story_id else None
        aside = article_links(stored, story)
        return HTMLResponse(
            render_html(stored.ledger, nav=nav, script="/assets/ledger.js", aside=aside)
        )

    @app.post("/corpus", include_in_schema=False)
    def corpus_form(corpus: Annotated[UploadFile, File()]) -> Response:
        return RedirectResponse(f"/jobs/{service.start_trace(corpus)}", status_code=303)

    @app.get("/jobs/{job_id}", response_class=HTMLResponse, include_in_schema=False)
    def job_page(job_id: str) -> Response:
        job = store.job(job_id)
        if job is None:
            return page("error.html.j2", status=404, message=f"There is no job {job_id}.")
        return page("job.html.j2", job=job_view(store, job))

    @app.get("/stories", response_class=HTMLResponse, include_in_schema=False)
    def stories_page(
        cites: str | None = None, q: str | None = None, trace_id: int | None = None
    ) -> Response:
        stories = store.stories(trace_id=trace_id, cites=cites, text=q)
        return page(
            "stories.html.j2", stories=stories, cites=cites or "", q=q or "", trace_id=trace_id
        )

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(story_id: int) -> Response:
        record = store.story(story_id)
        if record is None:
            return page("error.html.j2", status=404, message=f"There is no story {story_id}.")
        links = {name: f"/articles/{number}" for name, number in record.article_ids.items()}
        return HTMLResponse(
            render_story_html(
                record.story,
                record.versions,
                links,
                nav=nav,
                script="/assets/story.js",
                aside=story_links(record.summary),
            )
        )

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(search: Annotated[ClaimSearch, Query()]) -> Response:
        filters = search.filters()
        choices: dict[str, Any] = {
            "corpora": store.jobs(limit=100, kind=TRACE),  # what the filters offer to pick
            "outlets": store.outlets(),
        }
        if not filters:
            return page("search.html.j2", filters=filters, searched=False, **choices)
        query, size = search.query(), min(search.limit or PAGE_SIZE, PAGE_SIZE)
        total = store.count_claims(query)
        hits = list(store.claims(query, offset=search.offset, limit=size))
        kept = filters | ({"limit": size} if search.limit else {})
        earlier = search.offset > 0
        later = search.offset + len(hits) < total
        return page(
            "search.html.j2",
            filters=filters,
            searched=True,
            hits=hits,
            total=total,
            first=search.offset + 1,
            last=search.offset + len(hits),
            previous=urlencode(kept | {"offset": max(search.offset - size, 0)}) if earlier else "",
            next=urlencode(kept | {"offset": search.offset + size}) if later else "",
            export=urlencode(filters),
            **choices,
        )

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def api_docs() -> Response:
        return api_page(app.openapi())


def _uploaded_article(upload: UploadFile, settings: Settings) -> Article:
    """One article from an uploaded .txt/.html/.json file, through the CLI's readers."""
    name = Path(upload.filename or "article.txt").name
    folder = settings.data_dir / "uploads" / f"article-{uuid.uuid4().hex}"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    try:
        data = upload.file.read(settings.max_request_bytes + 1)
        if len(data) > settings.max_request_bytes:
            raise InputTooLargeError(
                f"{name}: larger than the limit of {settings.max_request_bytes:,} bytes for one "
                "article; trace it as a corpus instead"
            )
        path.write_bytes(data)
        article = read_item(path).loaded()
    except NewstraceError as error:  # named as uploaded: the server's folders are its own
        raise type(error)(error.message.replace(str(path), name)) from None
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return article


__all__ = ["create_app"]
