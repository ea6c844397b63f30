"""One storage interface over DuckDB (the default, a file) and PostgreSQL (a shared server).

The SQL is shared and written with `?` placeholders; the few dialect differences (how to
connect, placeholder style, locking for a single writer) live in the two `Dialect` classes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from eventwire.errors import StoreError
from eventwire.store.statements import split_statements

DEFAULT_DB = "eventwire.duckdb"
POSTGRES_PREFIXES = ("postgresql://", "postgres://")
_MIGRATION_NAME = re.compile(r"^(\d+)_[\w-]+?(?:\.(duckdb|postgresql))?\.sql$")
LOCKED_DUCKDB: dict[str, Any] = {
    "enable_external_access": False,
    "autoload_known_extensions": False,
    "autoinstall_known_extensions": False,
    "allow_community_extensions": False,
    "lock_configuration": True,
}
"""Read-only DuckDB connections reach no file but the store, no network, no extension and
cannot change these settings (docs/STORE.md, "Reading the store with SQL")."""
READER_ROLE = "eventwire_reader"
"""The PostgreSQL role that users' SQL runs as: SELECT on the eventwire tables only."""


class Dialect:
    """What differs between the databases; the base class is DuckDB."""

    name = "duckdb"

    def connect(self, url: str, *, read_only: bool) -> Any:
        import duckdb

        path = Path(url)
        if read_only and not path.exists():
            raise StoreError(f"no store at {url}: run `eventwire ingest` first")
        if not read_only:
            path.parent.mkdir(parents=True, exist_ok=True)
        try:
            return duckdb.connect(
                str(path), read_only=read_only, config=LOCKED_DUCKDB if read_only else {}
            )
        except duckdb.Error as error:
            raise StoreError(f"cannot open the DuckDB store {url}: {error}") from error

    def connect_for_queries(self, url: str, *, timeout_s: float) -> Any:
        """A connection for users' SQL: read-only and locked (see LOCKED_DUCKDB)."""
        return self.connect(url, read_only=True)

    def sql(self, statement: str) -> str:
        return statement

    def lock_for_writing(self, store: Store) -> None:
        """DuckDB has a single writer per file already."""

    def insert_rows(
        self, store: Store, table: str, columns: Sequence[str], rows: list[Any]
    ) -> None:
        """Bulk insert through an Arrow table: binding thousands of parameters is slow here."""
        import pyarrow as pa

        data = pa.table({name: [row[i] for row in rows] for i, name in enumerate(columns)})
        store.connection.register("_eventwire_rows", data)
        try:
            names = ", ".join(columns)
            store.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM _eventwire_rows")
        finally:
            store.connection.unregister("_eventwire_rows")


class PostgresDialect(Dialect):
    name = "postgresql"

    def connect(self, url: str, *, read_only: bool) -> Any:
        import psycopg

        options = "-c default_transaction_read_only=on" if read_only else None
        try:
            return psycopg.connect(url, autocommit=True, options=options)
        except psycopg.Error as error:
            raise StoreError(f"cannot connect to PostgreSQL at {_redact(url)}: {error}") from error

    def connect_for_queries(self, url: str, *, timeout_s: float) -> Any:
        """Log in as READER_ROLE (who cannot become anyone else) in a READ ONLY transaction.

        A role switched to with SET ROLE could be switched back by the query itself, so the
        connection logs in as the reader: the URL's user is replaced (and its password
        dropped, unless the URL names the reader already).
        """
        import psycopg

        options = (
            "-c default_transaction_read_only=on "
            f"-c statement_timeout={max(1, round(timeout_s * 1000))}"
        )
        try:
            connection = psycopg.connect(reader_conninfo(url), autocommit=False, options=options)
        except psycopg.Error as error:
            raise StoreError(
                f"cannot connect to PostgreSQL at {_redact(url)} as {READER_ROLE}: {error}. "
                f"The role is created when the store is opened for writing (eventwire ingest) "
                "by a user allowed to create roles: see docs/STORE.md"
            ) from error
        connection.read_only = True
        return connection

    def sql(self, statement: str) -> str:
        return statement.replace("%", "%%").replace("?", "%s")

    def lock_for_writing(self, store: Store) -> None:
        """Event ids are max + 1 and dedup reads events: one writer at a time."""
        store.execute("LOCK TABLE events IN EXCLUSIVE MODE")

    def insert_rows(
        self, store: Store, table: str, columns: Sequence[str], rows: list[Any]
    ) -> None:
        """psycopg pipelines executemany: one round trip for the whole batch."""
        marks = ", ".join("%s" for _ in columns)
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"
        with store.connection.cursor() as cursor:
            cursor.executemany(sql, rows)


def reader_conninfo(url: str) -> str:
    """`url` with its user replaced by READER_ROLE (a password kept only if it is the reader's)."""
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    params = conninfo_to_dict(url)
    if params.get("user") != READER_ROLE:
        params.pop("password", None)
        params["user"] = READER_ROLE
    return make_conninfo("", **params)


def _redact(url: str) -> str:
    return re.sub(r"//([^:/@]+):[^@]*@", r"//\1:***@", url)


def dialect_for(url: str) -> Dialect:
    return PostgresDialect() if url.startswith(POSTGRES_PREFIXES) else Dialect()


class Store:
    """A connection, its dialect and the transaction discipline every writer follows."""

    def __init__(self, connection: Any, dialect: Dialect, url: str) -> None:
        self.connection = connection
        self.dialect = dialect
        self.url = url

    @classmethod
    def open(cls, url: str | Path | None = None, *, read_only: bool = False) -> Store:
        """Open (and, unless read-only, create and migrate) the store at `url`."""
        url = str(url or DEFAULT_DB)
        dialect = dialect_for(url)
        store = cls(dialect.connect(url, read_only=read_only), dialect, url)
        if not read_only:
            migrate(store)
        return store

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def execute(self, statement: str, params: Sequence[Any] = ()) -> Any:
        try:
            return self.connection.execute(self.dialect.sql(statement), tuple(params))
        except Exception as error:  # both drivers' errors: report with the statement
            if is_driver_error(error):
                raise StoreError(f"{error} (in: {statement.strip()[:200]})") from error
            raise

    def rows(self, statement: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return list(self.execute(statement, params).fetchall())

    def value(self, statement: str, params: Sequence[Any] = ()) -> Any:
        row = self.execute(statement, params).fetchone()
        return None if row is None else row[0]

    def cursor_rows(
        self, statement: str, params: Sequence[Any] = (), *, size: int = 1000
    ) -> Iterator[tuple[Any, ...]]:
        """Rows in chunks, so exports of large stores stay in constant memory."""
        cursor = self.execute(statement, params)
        while chunk := cursor.fetchmany(size):
            yield from chunk

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        """All or nothing: a run killed inside leaves the store as it was before."""
        self.execute("BEGIN")
        try:
            yield self
        except BaseException:
            self.execute("ROLLBACK")
            raise
        self.execute("COMMIT")


def is_driver_error(error: BaseException) -> bool:
    module = type(error).__module__
    return module.startswith(("duckdb", "_duckdb", "psycopg"))


def migrate(store: Store) -> int:
    """Apply the numbered SQL files not applied yet, each in its own transaction."""
    store.execute(
        "CREATE TABLE IF NOT EXISTS schema_version "
        "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMP NOT NULL)"
    )
    current = store.value("SELECT max(version) FROM schema_version") or 0
    for version, name, dialect, sql in _migrations():
        if version > current:
            _apply(store, version, name, sql if dialect in (None, store.dialect.name) else "")
            current = version
    return int(current)


def _apply(store: Store, version: int, name: str, sql: str) -> None:
    with store.transaction():
        for statement in split_statements(sql):
            store.execute(statement)
        store.execute(
            "INSERT INTO schema_version VALUES (?, ?, CURRENT_TIMESTAMP)", (version, name)
        )


def _migrations() -> list[tuple[int, str, str | None, str]]:
    """(version, file name, dialect or None for both, SQL); `NNN_name.postgresql.sql` runs
    only on PostgreSQL (elsewhere its version is recorded with nothing to do)."""
    folder = resources.files("eventwire.store") / "migrations"
    found = []
    for entry in folder.iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            version, dialect = int(match.group(1)), match.group(2)
            found.append((version, entry.name, dialect, entry.read_text(encoding="utf-8")))
    return sorted(found)
