"""The library entry points: documents in, coded events out (the CLI is a layer over this)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from eventwire.models import Document, Event
from eventwire.settings import Settings


@dataclass(slots=True)
class CodedDocument:
    """One input document and the events coded from it (possibly none)."""

    document: Document
    events: list[Event]


def code_documents(
    documents: Iterable[Document], *, settings: Settings | None = None
) -> Iterator[CodedDocument]:
    """Code each document, yielding them in input order; parsing is batched."""
    raise NotImplementedError  # being written


def code_text(
    text: str, *, date: str | None = None, doc_id: str = "text", settings: Settings | None = None
) -> list[Event]:
    """Code one snippet of news text published on `date` (YYYY-MM-DD)."""
    document = Document(id=doc_id, text=text, date=date)
    return next(iter(code_documents([document], settings=settings))).events
