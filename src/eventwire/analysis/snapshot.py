"""A store read once for serving: the first mention of every event flattened into one
in-memory table, so that listings, series and networks filter one table instead of joining
events, mentions and documents on every request (several times faster under load).

Only for a store that cannot change while it is open: a DuckDB file opened read-only
(DuckDB's file lock keeps writers out until it is closed). The other tables stay where they
are, as views over the attached file.
"""

from __future__ import annotations

from pathlib import Path

from eventwire.analysis.query import FIRST_MENTIONS, SNAPSHOT_TABLE
from eventwire.errors import StoreError
from eventwire.store.connection import Dialect, Store

TABLES = ("documents", "events", "mentions", "actors")


class Snapshot(Store):
    """A read-only DuckDB store with its first mentions materialised (see module doc)."""

    @classmethod
    def load(cls, path: str | Path) -> Snapshot:
        import duckdb

        if not Path(path).exists():
            raise StoreError(f"no store at {path}: run `eventwire ingest` first")
        connection = duckdb.connect(":memory:")
        quoted = str(path).replace("'", "''")
        try:
            connection.execute(f"ATTACH '{quoted}' AS source (READ_ONLY)")
        except duckdb.Error as error:
            connection.close()
            raise StoreError(f"cannot open the DuckDB store {path}: {error}") from error
        for table in TABLES:
            connection.execute(f"CREATE VIEW {table} AS SELECT * FROM source.{table}")
        connection.execute(
            f"CREATE TABLE {SNAPSHOT_TABLE} AS SELECT * FROM {FIRST_MENTIONS} f "
            "ORDER BY f.event_date, f.event_id"
        )
        return cls(connection, Dialect(), str(path))

    def cursor(self) -> Snapshot:
        """Another connection to the same snapshot, for another thread."""
        return Snapshot(self.connection.cursor(), self.dialect, self.url)
