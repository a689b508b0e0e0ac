"""The read-only web app: a JSON API and server-rendered pages over one store.

Article text is hostile input: templates autoescape everything, scripts only ever set `textContent`,
and a strict Content-Security-Policy forbids inline script, so a `<script>` in an article cannot run.
"""
from __future__ import annotations

import logging
from http import HTTPStatus
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from sitrep.errors import StoreError, UsageError
from sitrep.serve.api import router as api_router
from sitrep.serve.filters import IncidentFilters
from sitrep.serve.pages import render, router as pages_router
from sitrep.store import open_store

HERE = Path(__file__).parent
log = logging.getLogger(__name__)

# 'self' only: no inline script or style, no other origin (the map needs no tile server), no framing.
CONTENT_SECURITY_POLICY = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                           "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; "
                           "frame-ancestors 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
ERROR_CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed", 422: "invalid_query",
               500: "internal_error"}


def create_app(db_path: str, allowed_hosts: tuple[str, ...] | None = None) -> FastAPI:
    """The app over the store at `db_path`, opened read-only (the server never writes).

    `allowed_hosts`: Host header values to accept (None accepts any). A server on localhost names its own
    names so that a web page on another site cannot reach it through DNS rebinding.
    """
    if not Path(db_path).is_file():
        raise UsageError(f"{db_path} does not exist: build it first with `sitrep run INPUT --db {db_path}`")
    store = open_store(db_path, readonly=True)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        store.close()

    app = FastAPI(title="sitrep", version="0.1.0", lifespan=lifespan,
                  description="Read-only API over a sitrep incident database: incidents with every source's "
                              "claims side by side, and the article text each quote comes from.",
                  # FastAPI's /docs and /redoc load scripts from a CDN with inline script; /docs is ours instead.
                  docs_url=None, redoc_url=None)
    app.state.store = store
    app.include_router(api_router)
    app.include_router(pages_router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    _add_error_handlers(app)

    @app.middleware("http")
    async def guard(request: Request, call_next):
        if allowed_hosts is not None and request.url.hostname not in allowed_hosts:
            return error_response(request, 400, f"unexpected Host header {request.headers.get('host')!r}: "
                                                "open the address the server printed")
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    return app


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def error_response(request: Request, status: int, message: str, details: list | None = None) -> Response:
    """The one error format: {"error": {"code", "message"[, "details"]}} for the API, the same on an HTML page."""
    error = {"code": ERROR_CODES.get(status, "error"), "message": message}
    if details:
        error["details"] = details
    if _wants_json(request):
        return JSONResponse({"error": error}, status_code=status, headers=SECURITY_HEADERS)
    response = render(request, "error.html", {"error": error, "status": status}, status_code=status)
    response.headers.update(SECURITY_HEADERS)
    return response


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        if message == HTTPStatus(exc.status_code).phrase:  # Starlette's default says nothing about what failed
            message = f"{message}: {request.method} {request.url.path}"
        return error_response(request, exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        details = [{"parameter": _parameter(e), "problem": _problem(e)} for e in exc.errors()]
        summary = "; ".join(f"{d['parameter']}: {d['problem']}" for d in details)
        return error_response(request, 422, f"invalid parameters ({summary})", details)

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        # The store raises StoreError for a malformed full-text query or cursor: the caller's to fix.
        return error_response(request, 422, str(exc))

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path)
        return error_response(request, 500, "internal error: the server log has the details")


def _parameter(error: dict) -> str:
    return ".".join(str(p) for p in error["loc"][1:]) or str(error["loc"][0])


def _problem(error: dict) -> str:
    """pydantic's message, except a regex is no help to a reader: say what the value should look like."""
    field = IncidentFilters.model_fields.get(_parameter(error))
    if error["type"] == "string_pattern_mismatch" and field is not None and field.description:
        return f"expected {field.description}"
    return error["msg"]


def serve(db: str, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the app with uvicorn until interrupted; binds to localhost unless told otherwise."""
    import uvicorn

    loopback = host in LOOPBACK_HOSTS
    uvicorn.run(create_app(db, allowed_hosts=LOOPBACK_HOSTS if loopback else None), host=host, port=port,
                log_level="info")
