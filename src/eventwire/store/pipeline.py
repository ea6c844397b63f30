"""`ingest`: read, clean, identify, code and store documents, resumably and in constant memory.

The stages are generators chained together: records are read, normalised and keyed one at a
time, already stored ones are dropped before coding (coding is the expensive part), the
coder streams over the rest, and outcomes are written a batch per transaction.
"""

from __future__ import annotations

import dataclasses
import os
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, TypeVar

from eventwire.errors import InputError, StoreError
from eventwire.ingest import LanguageDetector, content_hash, normalise_text, read_documents
from eventwire.models import BadRecord, Document
from eventwire.settings import Settings
from eventwire.store.connection import Store
from eventwire.store.outcome import (
    CODED,
    FAILED,
    SKIPPED,
    STORED,
    TO_CODE,
    Outcome,
    bad_record_outcome,
    document_key,
    storable,
)
from eventwire.store.writer import BatchResult, stored_keys, write_outcomes

if TYPE_CHECKING:  # the coder (spaCy and all its data) loads only when a run needs it
    from eventwire.pipeline import CodedDocument

Coder = Callable[[Iterable[Document]], Iterator["CodedDocument"]]
T = TypeVar("T")
DEFAULT_BATCH = 200


@dataclass(slots=True)
class IngestReport:
    """Counts for one run: every record read is counted once, under what happened to it,
    so that `read == coded + skipped + failed + unchanged`.

    `unchanged` records were stored already (the same outlet and text): by an earlier run,
    earlier in this one (the same story twice in a file), or by a concurrent run.
    """

    read: int = 0
    coded: int = 0
    skipped: int = 0
    failed: int = 0
    unchanged: int = 0
    new_events: int = 0
    mentions: int = 0

    def add(self, outcomes: Sequence[Outcome], result: BatchResult) -> None:
        statuses = Counter(o.status for o in outcomes)
        self.read += len(outcomes)
        self.coded += statuses[CODED]
        self.skipped += statuses[SKIPPED]
        self.failed += statuses[FAILED]
        self.unchanged += statuses[STORED]
        self.new_events += result.new_events
        self.mentions += result.mentions


def ingest(
    paths: Sequence[str | Path],
    *,
    store: Store,
    settings: Settings | None = None,
    date: str | None = None,
    stdin: TextIO | None = None,
    code: Coder | None = None,
    batch_size: int = DEFAULT_BATCH,
    progress: Callable[[IngestReport], None] | None = None,
    strict: bool = False,
) -> IngestReport:
    """Ingest every document under `paths` into `store`; `code` replaces the real coder.

    `strict` stops the run with an InputError after the batch holding the first failed
    record (that batch is stored). Paths are made absolute first: a record's origin
    (`/abs/file.jsonl:7`) is then the same whichever folder a run starts in, so a failed row
    is replaced when its line is read again.
    """
    settings = settings or Settings()
    coder = code or _real_coder(settings)
    absolute = [p if str(p) == "-" else os.path.abspath(p) for p in paths]
    records = read_documents(absolute, date=date, stdin=stdin)
    outcomes = prepare(records, LanguageDetector())
    outcomes = drop_stored(outcomes, store, chunk=batch_size)
    report = IngestReport()
    for batch in batched(code_in_order(outcomes, coder), batch_size):
        result = write_outcomes(store, batch, window_days=settings.dedup_window_days)
        report.add(batch, result)
        if progress:
            progress(report)
        if strict and (failure := next((o for o in batch if o.status == FAILED), None)):
            raise InputError(
                failure.origin or failure.key, f"{failure.reason} (--strict: stopping)"
            )
    return report


def _real_coder(settings: Settings) -> Coder:
    from eventwire.pipeline import code_documents

    return partial(code_documents, settings=settings)


def prepare(
    records: Iterable[Document | BadRecord], detector: LanguageDetector
) -> Iterator[Outcome]:
    """Normalise, key and language-check each record; bad records become failed outcomes."""
    for record in records:
        if isinstance(record, BadRecord):
            yield bad_record_outcome(record)
        else:
            yield prepare_document(record, detector)


def prepare_document(document: Document, detector: LanguageDetector) -> Outcome:
    text = normalise_text(document.text)
    text_hash = content_hash(text)
    document = dataclasses.replace(document, text=text)
    language, reason = detector.skip_reason(text)
    return Outcome(
        key=document_key(document.source, text_hash),
        status=SKIPPED if reason else TO_CODE,
        document=document,
        content_hash=text_hash,
        language=language,
        reason=reason,
        origin=storable(document.origin) if document.origin else None,
    )


def drop_stored(outcomes: Iterator[Outcome], store: Store, *, chunk: int) -> Iterator[Outcome]:
    """Mark outcomes already stored by an earlier run, one query per chunk."""
    for group in batched(outcomes, chunk):
        done = stored_keys(store, [o.key for o in group])
        for outcome in group:
            if outcome.key in done:
                outcome.status = STORED
            yield outcome


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while group := list(islice(iterator, size)):
        yield group


def code_in_order(outcomes: Iterator[Outcome], code: Coder) -> Iterator[Outcome]:
    """Stream the documents to code through `code` and give every outcome back in order.

    The coder reads ahead (it batches), so outcomes wait in a queue until their coded
    document comes back. A coder exception fails the document at the head of the queue and
    coding restarts after it; an exception from reading is not the coder's and propagates.
    """
    feed = _Feed(outcomes)
    pending = feed.pending
    documents: Iterator[Document] = iter(feed)
    while True:
        try:
            for coded in code(documents):
                yield from _release_ready(pending)
                yield _attach(pending.popleft(), coded)
            yield from pending
            return
        except Exception as error:
            if error is feed.error:
                raise
            blamed = _blame(pending, feed)
            yield from _release_ready(pending)
            if blamed is None:
                yield from pending
                return
            pending.popleft().failed(f"coder failed: {type(error).__name__}: {error}")
            yield blamed
            documents = chain(_waiting_documents(pending), feed)


class _Feed:
    """The documents to code, queueing every outcome (coded or not) as it passes."""

    def __init__(self, outcomes: Iterator[Outcome]) -> None:
        self.pending: deque[Outcome] = deque()
        self.error: Exception | None = None
        self._documents = self._generate(outcomes)

    def __iter__(self) -> Iterator[Document]:
        return self._documents

    def __next__(self) -> Document:
        return next(self._documents)

    def _generate(self, outcomes: Iterator[Outcome]) -> Iterator[Document]:
        try:
            for outcome in outcomes:
                self.pending.append(outcome)
                if outcome.status == TO_CODE and outcome.document is not None:
                    yield outcome.document
        except Exception as error:
            self.error = error
            raise


def _waiting_documents(pending: deque[Outcome]) -> list[Document]:
    return [o.document for o in pending if o.status == TO_CODE and o.document is not None]


def _release_ready(pending: deque[Outcome]) -> Iterator[Outcome]:
    while pending and pending[0].status != TO_CODE:
        yield pending.popleft()


def _blame(pending: deque[Outcome], feed: _Feed) -> Outcome | None:
    """The document the failure belongs to: the first one waiting, else the next one read."""
    for outcome in pending:
        if outcome.status == TO_CODE:
            return outcome
    next(feed, None)
    return next((o for o in pending if o.status == TO_CODE), None)


def _attach(outcome: Outcome, coded: CodedDocument) -> Outcome:
    if outcome.document is None or coded.document.id != outcome.document.id:
        raise StoreError(
            f"the coder returned document {coded.document.id!r} where "
            f"{outcome.document.id if outcome.document else None!r} was expected: "
            "coders must yield documents in input order"
        )
    outcome.coded(coded.events)
    return outcome
