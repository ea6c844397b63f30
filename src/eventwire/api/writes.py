"""POST /api/documents: code and store documents, only when the app allows writes and the
request carries the token. Refusals happen before the body is read, and a refused request
never touches the store."""

from __future__ import annotations

import hmac
import io
import json
from dataclasses import asdict

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from eventwire.api.errors import ApiError
from eventwire.store import Coder, IngestReport, ingest

router = APIRouter(prefix="/api")
MAX_DOCUMENTS = 100


class DocumentIn(BaseModel):
    """One document, as a line of the JSON Lines input (DESIGN.md's contract)."""

    model_config = ConfigDict(extra="forbid")
    id: str = Field(min_length=1, max_length=300)
    text: str = Field(min_length=1)
    date: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    title: str | None = Field(default=None, max_length=1000)
    source: str | None = Field(default=None, max_length=300)
    url: str | None = Field(default=None, max_length=2000)


class DocumentsIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    documents: list[DocumentIn] = Field(min_length=1, max_length=MAX_DOCUMENTS)


def check_token(request: Request) -> None:
    """403 when writes are off; 401 without a bearer token; 403 with a wrong one."""
    expected: str | None = request.app.state.token
    if not request.app.state.allow_writes or not expected:
        raise ApiError(403, "this server is read-only: start it with --allow-writes and a token")
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given:
        raise ApiError(401, "a bearer token is required", headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise ApiError(403, "the token is wrong")


async def read_body(request: Request, limit: int) -> bytes:
    """The body, refused with 413 as soon as it passes `limit` bytes."""
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ApiError(413, f"the request body is larger than {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


@router.post("/documents")
async def post_documents(request: Request) -> dict[str, int]:
    """Code and store documents; the answer counts them as `eventwire ingest` does."""
    check_token(request)
    body = await read_body(request, request.app.state.max_body)
    try:
        batch = DocumentsIn.model_validate_json(body)
    except ValidationError as error:
        problems = [{"loc": list(e["loc"]), "msg": e["msg"]} for e in error.errors()]
        raise ApiError(
            422, 'invalid body: give {"documents": [{"id", "text", ...}]}', problems
        ) from error
    lines = "".join(json.dumps(d.model_dump(exclude_none=True)) + "\n" for d in batch.documents)
    report = await run_in_threadpool(_ingest, request, lines)
    return asdict(report)


def _ingest(request: Request, lines: str) -> IngestReport:
    pool = request.app.state.pool
    coder: Coder | None = request.app.state.coder
    with pool.write_lock, pool.store() as store:
        return ingest(["-"], store=store, stdin=io.StringIO(lines), code=coder)
