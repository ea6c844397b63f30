"""Every error eventwire raises on purpose, in one hierarchy.

    EventwireError
    ├── ClusterError       a Dask run cannot start, reach its scheduler, or code on a worker
    ├── DataFileError      a shipped or user data file (lexicon, actors, ontology) is malformed
    ├── InputError         an input record cannot be read (bad JSON, missing text, bad date)
    ├── ModelNotFoundError the configured spaCy pipeline is not installed
    └── StoreError         the event store cannot be opened, migrated or written
        └── QueryError     a user's SQL is refused (not one reading statement) or fails

Each carries the place it happened (`file:line` or document id) so that messages name it.
"""

from __future__ import annotations


class EventwireError(Exception):
    """Base class: catch this to handle anything eventwire reports deliberately."""


class ClusterError(EventwireError):
    """A Dask run cannot start, reach its scheduler, or code a document on a worker."""


class DataFileError(EventwireError):
    """A data file is malformed; nothing from it has been loaded."""

    def __init__(self, path: str, line: int | None, problem: str) -> None:
        self.path = path
        self.line = line
        self.problem = problem
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {problem}")


class InputError(EventwireError):
    """An input record cannot be coded; `origin` is `file:line` or a document id."""

    def __init__(self, origin: str, problem: str) -> None:
        self.origin = origin
        self.problem = problem
        super().__init__(f"{origin}: {problem}")


class ModelNotFoundError(EventwireError):
    """The spaCy pipeline named in the settings cannot be loaded."""


class StoreError(EventwireError):
    """The event store cannot be opened, migrated or written."""


class QueryError(StoreError):
    """A user's SQL query is refused or fails; the store is unchanged (it is read-only)."""
