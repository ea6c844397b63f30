"""People's SQL on the store, read-only by construction (`eventwire sql`, the REST API).

Nothing here trusts the text of a query to be harmless; the connection itself cannot do harm:
- DuckDB: the file opened `read_only`, with `enable_external_access = false` (no other file,
  no network, no ATTACH, COPY or EXPORT), extension autoload and autoinstall off, and the
  configuration locked (no SET); a timer interrupts a query past the time limit.
- PostgreSQL: a login as the role `eventwire_reader` (migration 002: SELECT on the
  eventwire tables and nothing else, so no COPY to files or programs, no pg_read_file), in a
  READ ONLY transaction that is rolled back afterwards, with a `statement_timeout`.
On both, a call runs exactly one statement, and only one of a reading kind (SELECT, WITH,
VALUES, TABLE, EXPLAIN and DuckDB's DESCRIBE, SHOW, SUMMARIZE); PostgreSQL's server refuses a
second statement again (the query is sent as a prepared statement).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from eventwire.errors import QueryError
from eventwire.store.connection import DEFAULT_DB, Dialect, dialect_for, is_driver_error
from eventwire.store.statements import first_keyword, split_statements

QUERY_TIMEOUT_S = 30.0
DEFAULT_MAX_ROWS = 1000
READING_KEYWORDS = frozenset({"SELECT", "WITH", "VALUES", "TABLE", "EXPLAIN"})
READ_ONLY_HINT = (
    "queries on the store are read-only: no writes, files, network, extensions or settings"
)


@dataclass(frozen=True, slots=True)
class QueryResult:
    """Column names, the rows (at most the `max_rows` asked for) and whether more were left."""

    columns: list[str]
    rows: list[tuple[Any, ...]]
    truncated: bool


def read_only_sql(
    db: str | Path | None,
    query: str,
    *,
    max_rows: int | None = DEFAULT_MAX_ROWS,
    timeout_s: float = QUERY_TIMEOUT_S,
) -> QueryResult:
    """Run one reading statement on the store at `db`; raise QueryError if refused or failed.

    The entry point for anything that passes people's SQL on (the REST API): see the module
    docstring for why it cannot write, read files or run past `timeout_s`.
    """
    with open_query(db, query, timeout_s=timeout_s) as (columns, rows):
        taken = list(rows if max_rows is None else islice(rows, max_rows + 1))
    truncated = max_rows is not None and len(taken) > max_rows
    return QueryResult(columns, taken[:max_rows] if truncated else taken, truncated)


@contextmanager
def open_query(
    db: str | Path | None, query: str, *, timeout_s: float = QUERY_TIMEOUT_S
) -> Iterator[tuple[list[str], Iterator[tuple[Any, ...]]]]:
    """Column names and a stream of rows, valid inside the `with` block (for large outputs)."""
    url = str(db or DEFAULT_DB)
    dialect = dialect_for(url)
    statement = one_reading_statement(query, dialect=dialect.name)
    connection = dialect.connect_for_queries(url, timeout_s=timeout_s)
    try:
        with _time_limit(connection, dialect, timeout_s):
            cursor = _execute(connection, dialect, statement, timeout_s)
            yield [d[0] for d in cursor.description], _rows(cursor, timeout_s)
    finally:
        connection.close()  # PostgreSQL: the read-only transaction ends unfinished


def one_reading_statement(query: str, *, dialect: str) -> str:
    """The query's one statement, or QueryError saying why it is refused."""
    if dialect == "duckdb":
        statements = _duckdb_statements(query)
    else:
        statements = [(s, first_keyword(s)) for s in split_statements(query)]
    if not statements:
        raise QueryError("the query is empty: give one SELECT statement")
    if len(statements) > 1:
        raise QueryError(
            f"one statement per query, and this has {len(statements)} "
            f"({'; '.join(_short(s) for s, _ in statements)}): run them one at a time"
        )
    [(statement, kind)] = statements
    if kind not in READING_KEYWORDS:
        raise QueryError(
            f"{_short(statement)!r} is a {kind or 'non-SELECT'} statement: only SELECT-like "
            f"queries run here ({READ_ONLY_HINT})"
        )
    return statement


def _duckdb_statements(query: str) -> list[tuple[str, str]]:
    """DuckDB's own parser: it knows its dialect (FROM-first, DESCRIBE, SUMMARIZE ...)."""
    import duckdb

    try:
        parsed = duckdb.extract_statements(query)
    except duckdb.Error as error:
        raise QueryError(f"the query is not valid SQL: {_first_line(error)}") from error
    return [(s.query.strip(), s.type.name) for s in parsed]


def _execute(connection: Any, dialect: Dialect, statement: str, timeout_s: float) -> Any:
    try:
        if dialect.name == "postgresql":
            cursor = connection.execute(statement, prepare=True)  # one statement, server-side
        else:
            cursor = connection.execute(statement)
    except Exception as error:
        if is_driver_error(error):
            raise _query_error(error, timeout_s) from error
        raise
    if cursor.description is None:
        raise QueryError("the query returned no rows: only SELECT-like queries are useful here")
    return cursor


def _rows(cursor: Any, timeout_s: float) -> Iterator[tuple[Any, ...]]:
    try:
        while chunk := cursor.fetchmany(1000):
            yield from chunk
    except Exception as error:
        if is_driver_error(error):
            raise _query_error(error, timeout_s) from error
        raise


@contextmanager
def _time_limit(connection: Any, dialect: Dialect, timeout_s: float) -> Iterator[None]:
    """DuckDB has no statement timeout: interrupt the connection when time is up.

    PostgreSQL enforces its own (`statement_timeout`, set when connecting).
    """
    if dialect.name == "postgresql":
        yield
        return
    timer = threading.Timer(timeout_s, connection.interrupt)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()


def _query_error(error: BaseException, timeout_s: float) -> QueryError:
    name = type(error).__name__
    if name in ("InterruptException", "QueryCanceled"):
        return QueryError(f"the query ran past the time limit of {timeout_s:g} s and was stopped")
    hint = f" ({READ_ONLY_HINT})" if name in _REFUSALS else ""
    return QueryError(f"the query failed: {_first_line(error)}{hint}")


_REFUSALS = frozenset(
    {"PermissionException", "InsufficientPrivilege", "ReadOnlySqlTransaction"}
    | {"InvalidInputException", "FeatureNotSupported"}
)


def _first_line(error: BaseException) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


def _short(statement: str, limit: int = 60) -> str:
    flat = " ".join(statement.split())
    return flat if len(flat) <= limit else flat[: limit - 3] + "..."
