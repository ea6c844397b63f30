"""The FastAPI app: routes under /api, one error shape, a body size limit, CORS closed
unless origins are given, and the web UI mounted when it is installed.

There is no /docs page (Swagger UI would load scripts from a CDN); the OpenAPI description
is served at /api/openapi.json.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send

from eventwire.api import routes, writes
from eventwire.api.errors import error_response, install_handlers
from eventwire.api.stores import StorePool
from eventwire.store import Coder

MAX_BODY = 1024 * 1024
WEB_MODULE = "eventwire.web"


class BodyLimit:
    """Refuse any request that announces a body over `limit` bytes (413), before reading it;
    a body sent without its length is counted as it is read (api/writes.py)."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            length = dict(scope["headers"]).get(b"content-length", b"0")
            if not length.isdigit() or int(length) > self.limit:
                message = f"the request body is larger than {self.limit} bytes"
                if not length.isdigit():
                    message = "the Content-Length header is not a number"
                status = 413 if length.isdigit() else 400
                await error_response(status, message)(scope, receive, send)
                return
        await self.app(scope, receive, send)


def create_app(
    db_url: str,
    *,
    allow_writes: bool = False,
    token: str | None = None,
    cors_origins: Sequence[str] = (),
    max_body: int = MAX_BODY,
    coder: Coder | None = None,
) -> FastAPI:
    """The API over the store at `db_url`, read-only unless `allow_writes` (then POST
    /api/documents needs `token`). `coder` replaces the real coder (tests)."""
    pool = StorePool(db_url, read_only=not allow_writes)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        pool.close()

    app = FastAPI(
        title="eventwire",
        summary="Political events coded from news text: documents, events, actors, relations.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
        lifespan=lifespan,
    )
    app.state.pool = pool
    app.state.allow_writes = allow_writes
    app.state.token = token
    app.state.max_body = max_body
    app.state.coder = coder
    install_handlers(app)
    app.include_router(routes.router)
    app.include_router(writes.router)
    if cors_origins:
        app.add_middleware(
            CORSMiddleware, allow_origins=list(cors_origins), allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
        )  # fmt: skip
    app.add_middleware(BodyLimit, limit=max_body)
    if importlib.util.find_spec(WEB_MODULE) is not None:
        importlib.import_module(WEB_MODULE).mount(app)
    return app
