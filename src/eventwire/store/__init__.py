"""The corpus store: documents, deduplicated events, their mentions and actors.

DuckDB by default (a file), PostgreSQL for a shared server, behind one `Store` interface.
"""

from __future__ import annotations

from eventwire.store.connection import DEFAULT_DB, Store, migrate
from eventwire.store.pipeline import Coder, IngestReport, ingest
from eventwire.store.readonly import QueryResult, open_query, read_only_sql

__all__ = [
    "DEFAULT_DB",
    "Coder",
    "IngestReport",
    "QueryResult",
    "Store",
    "ingest",
    "migrate",
    "open_query",
    "read_only_sql",
]
