"""What happened to one input record on its way to the store."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from eventwire.models import BadRecord, Document, Event

TO_CODE = "to_code"
CODED = "coded"
SKIPPED = "skipped"
FAILED = "failed"
STORED = "stored"
"""Already in the store (from an earlier run, earlier in this one, or a concurrent one)."""


@dataclass(slots=True)
class Outcome:
    """One input record: its key, its (normalised) document and its status and reason."""

    key: str
    status: str
    document: Document | None = None
    content_hash: str | None = None
    language: str | None = None
    reason: str | None = None
    origin: str | None = None
    events: list[Event] = field(default_factory=list)

    def coded(self, events: list[Event]) -> None:
        self.status, self.events = CODED, events

    def failed(self, reason: str) -> None:
        self.status, self.reason = FAILED, storable(reason)

    def unstorable(self, reason: str) -> None:
        """The database refused the record: keep only its key, origin and the reason."""
        self.failed(reason)
        self.document, self.language, self.events = None, None, []


def document_key(source: str | None, text_hash: str) -> str:
    """The same text from another outlet is another report of the story, so another row."""
    return hashlib.sha256(f"{source or ''}\x00{text_hash}".encode()).hexdigest()


def bad_record_outcome(record: BadRecord) -> Outcome:
    """An unreadable record keyed by its origin, so rereading the file does not add it twice."""
    origin = storable(record.origin)
    key = hashlib.sha256(f"failed\x00{origin}".encode()).hexdigest()
    return Outcome(key=key, status=FAILED, reason=storable(record.problem), origin=origin)


def storable(text: str) -> str:
    """`text` with what no store can keep escaped: NUL, and lone surrogates (a file name
    with bytes that are not UTF-8, a bad value quoted in a message)."""
    return text.replace("\x00", "\\x00").encode("utf-8", "backslashreplace").decode("utf-8")
