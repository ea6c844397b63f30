"""The REST API: read the store over HTTP (JSON under /api), and optionally post documents.

`create_app(db_url)` builds the FastAPI app; `eventwire serve` runs it with Uvicorn.
"""

from __future__ import annotations

from eventwire.api.app import create_app

__all__ = ["create_app"]
