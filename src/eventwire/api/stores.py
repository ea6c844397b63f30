"""Store connections for concurrent requests: a small pool, each connection used by one
request at a time (a DuckDB connection is not to be shared between threads at once).

DuckDB: one database opened once, and a cursor (its own connection to the same database)
per pool slot; read-only, it is a Snapshot (analysis/snapshot.py), its first mentions
flattened in memory, with an EventIndex (analysis/index.py) that answers event listings
without a connection. PostgreSQL: one connection per slot.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from eventwire.analysis.index import EventIndex
from eventwire.analysis.snapshot import Snapshot
from eventwire.store import Store
from eventwire.store.connection import PostgresDialect, dialect_for

POOL_SIZE = 16


class StorePool:
    """Up to `size` connections, opened when first needed and kept."""

    def __init__(self, url: str, *, read_only: bool, size: int = POOL_SIZE) -> None:
        self.url = url
        self.read_only = read_only
        self.postgres = isinstance(dialect_for(url), PostgresDialect)
        self.root: Store = (
            Snapshot.load(url)
            if read_only and not self.postgres
            else Store.open(url, read_only=read_only)
        )
        self.index = EventIndex(self.root) if isinstance(self.root, Snapshot) else None
        """Only for a snapshot: a store that may change is asked by SQL every time."""
        self.idle: queue.LifoQueue[Store] = queue.LifoQueue()
        self.slots = threading.BoundedSemaphore(size)
        self.write_lock = threading.Lock()
        """Writers take turns (PostgreSQL locks too; DuckDB has one writer per file)."""

    def _new(self) -> Store:
        if self.postgres:
            return Store.open(self.url, read_only=self.read_only)
        if isinstance(self.root, Snapshot):
            return self.root.cursor()
        return Store(self.root.connection.cursor(), self.root.dialect, self.url)

    @contextmanager
    def store(self) -> Iterator[Store]:
        """A connection for this request alone, back to the pool afterwards."""
        with self.slots:
            try:
                store = self.idle.get_nowait()
            except queue.Empty:
                store = self._new()
            try:
                yield store
            finally:
                self.idle.put(store)

    def close(self) -> None:
        while not self.idle.empty():
            self.idle.get_nowait().close()
        self.root.close()
