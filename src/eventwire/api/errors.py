"""One JSON shape for every error the API answers, and the handlers that produce it:

    {"error": {"status": 422, "message": "...", "detail": ... or null}}

Bad input is a 4xx with a message naming the parameter; nothing the client sends may turn
into a 500 (tests/test_api_errors.py sends every kind of bad value to every endpoint).
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from eventwire.errors import EventwireError, StoreError

LOG = logging.getLogger("eventwire.api")


class ApiError(Exception):
    """A refusal with its HTTP status, raised by routes and middleware."""

    def __init__(
        self, status: int, message: str, detail: Any = None, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.detail = detail
        self.headers = headers


def error_body(status: int, message: str, detail: Any = None) -> dict[str, Any]:
    return {"error": {"status": status, "message": message, "detail": detail}}


def error_response(
    status: int, message: str, detail: Any = None, headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse(error_body(status, message, detail), status_code=status, headers=headers)


def install_handlers(app: FastAPI) -> None:
    """Answer every exception with the one error shape."""

    @app.exception_handler(ApiError)
    async def api_error(request: Request, error: ApiError) -> JSONResponse:
        return error_response(error.status, error.message, error.detail, error.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> JSONResponse:
        problems = [_problem(e) for e in error.errors()]
        first = problems[0] if problems else {"loc": [], "msg": "invalid request"}
        where = ".".join(str(part) for part in first["loc"])
        return error_response(422, f"invalid parameter {where}: {first['msg']}", problems)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> JSONResponse:
        message = error.detail if isinstance(error.detail, str) else "request refused"
        if error.status_code == 404 and message == "Not Found":
            message = f"no such path: {request.url.path}"
        headers = dict(error.headers) if error.headers else None
        return error_response(error.status_code, message, None, headers)

    @app.exception_handler(StoreError)
    async def store_error(request: Request, error: StoreError) -> JSONResponse:
        LOG.error("store error on %s: %s", request.url.path, error)
        return error_response(503, "the store could not answer", str(error))

    @app.exception_handler(EventwireError)
    async def eventwire_error(request: Request, error: EventwireError) -> JSONResponse:
        return error_response(400, str(error))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception) -> JSONResponse:
        LOG.exception("unexpected error on %s", request.url.path)
        return error_response(500, "internal error")


def _problem(error: Any) -> dict[str, Any]:
    """A validation problem without the offending input (it may be huge or hostile)."""
    return {"loc": list(error.get("loc", ())), "msg": str(error.get("msg", "invalid"))}
