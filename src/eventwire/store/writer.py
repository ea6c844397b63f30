"""Write a batch of outcomes in one transaction: documents, mentions linked to events, actors.

A batch is all or nothing, so a run killed halfway leaves whole batches behind and the next
run skips exactly the documents already stored (by key) and goes on with the rest.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from eventwire.errors import StoreError
from eventwire.models import Event
from eventwire.store.connection import Store, is_driver_error
from eventwire.store.dedup import (
    Candidate,
    DedupKey,
    best_candidate,
    dedup_key,
    shifted,
    window,
)
from eventwire.store.outcome import CODED, FAILED, STORED, Outcome
from eventwire.store.rows import actor_rows, mention_row

EVENT_COLUMNS = (
    "event_id, date, cameo_root, source_country, source_sector, target_country, target_sector, "
    "location_country, negated, modality, first_doc_key, first_mention_id, "
    "num_mentions, num_sources, num_documents"
)
EXACT_COLUMNS = "cameo_root, source_country, source_sector, target_country, target_sector"
PREFETCH_SPAN_DAYS = 92
ACTOR_COLUMNS = "actor_key, code, name, country, sector, group_id, kb_id"
DOCUMENT_COLUMNS = (
    "doc_key, content_hash, doc_id, title, source, url, date, origin, language, "
    "status, reason, num_events, text, ingested_at"
)


@dataclass(slots=True)
class BatchResult:
    written: int = 0
    new_events: int = 0
    mentions: int = 0

    def __add__(self, other: BatchResult) -> BatchResult:
        return BatchResult(
            self.written + other.written,
            self.new_events + other.new_events,
            self.mentions + other.mentions,
        )


def stored_keys(store: Store, keys: Sequence[str]) -> set[str]:
    """Keys already stored for good (failed ones are retried on the next run)."""
    if not keys:
        return set()
    marks = ", ".join("?" for _ in keys)
    sql = f"SELECT doc_key FROM documents WHERE status <> ? AND doc_key IN ({marks})"
    return {row[0] for row in store.rows(sql, (FAILED, *keys))}


def write_outcomes(store: Store, outcomes: Sequence[Outcome], *, window_days: int) -> BatchResult:
    """`write_batch`, but a batch the database refuses is written one record at a time, and a
    record it refuses again is stored as a `failed` row giving the database's reason (the
    rest of the batch is kept). Only a store that cannot even take that row stops the run.
    """
    try:
        return write_batch(store, outcomes, window_days=window_days)
    except Exception as error:
        if not refused_value(error) or (len(outcomes) == 1 and outcomes[0].document is None):
            raise
    result = BatchResult()
    for outcome in outcomes:
        try:
            result += write_batch(store, [outcome], window_days=window_days)
        except Exception as error:
            if not refused_value(error):
                raise
            outcome.unstorable(f"cannot be stored: {type(error).__name__}: {error}")
            result += write_batch(store, [outcome], window_days=window_days)
    return result


def refused_value(error: Exception) -> bool:
    """An error about a value (from the database, its driver or Arrow), not a bug of ours."""
    return isinstance(error, StoreError | ValueError | TypeError | ArithmeticError) or (
        is_driver_error(error)
    )


def write_batch(store: Store, outcomes: Sequence[Outcome], *, window_days: int) -> BatchResult:
    """Store every outcome not stored yet, in one transaction.

    An outcome whose key is stored by now (earlier in this run, or by a concurrent run) is
    marked STORED, so that every record is counted once, under what really happened.
    """
    with store.transaction():
        store.dialect.lock_for_writing(store)
        writer = _BatchWriter(store, window_days)
        done = stored_keys(store, [o.key for o in outcomes])
        fresh = []
        for outcome in outcomes:
            if outcome.status == STORED:
                continue
            if outcome.key in done:
                outcome.status = STORED
                continue
            done.add(outcome.key)
            fresh.append(outcome)
        writer.replace_failed([o.origin for o in outcomes if o.origin])
        writer.write(fresh)
        return BatchResult(len(fresh), writer.new_events, writer.mentions)


class _BatchWriter:
    """One batch: rows are collected, then inserted a few hundred per statement.

    Per-row INSERTs cost milliseconds each in DuckDB; multi-row VALUES lists are the same
    SQL in PostgreSQL. Events created in this batch are matched in memory, older ones by a
    query per mention.
    """

    def __init__(self, store: Store, window_days: int) -> None:
        self.store = store
        self.window_days = window_days
        self.next_id = int(store.value("SELECT coalesce(max(event_id), 0) FROM events")) + 1
        self.known: dict[tuple[Any, ...], list[Candidate]] = {}
        self.prefetched = False
        self.rows: dict[str, list[Sequence[Any]]] = {"events": [], "documents": [], "mentions": []}
        self.actors: dict[str, tuple[Any, ...]] = {}
        self.mention_columns = ""
        self.touched: set[int] = set()
        self.new_events = 0
        self.mentions = 0

    def replace_failed(self, origins: list[str]) -> None:
        """Records read again from these origins replace the failed rows left there."""
        if origins:
            marks = ", ".join("?" for _ in origins)
            self.store.execute(
                f"DELETE FROM documents WHERE status = ? AND origin IN ({marks})",
                [FAILED, *origins],
            )

    def write(self, outcomes: Sequence[Outcome]) -> None:
        if not outcomes:
            return
        keys = [o.key for o in outcomes]
        marks = ", ".join("?" for _ in keys)
        self.store.execute(f"DELETE FROM documents WHERE doc_key IN ({marks})", keys)
        self._prefetch(
            [
                dedup_key(event, o.document.date)
                for o in outcomes
                if o.status == CODED and o.document is not None
                for event in o.events
            ]
        )
        for outcome in outcomes:
            self.rows["documents"].append(_document_row(outcome))
            if outcome.status == CODED and outcome.document is not None:
                self._add_mentions(outcome.key, outcome.events, outcome.document.date)
        self._flush()
        self._refresh_counts()

    def _add_mentions(
        self, doc_key: str, events: list[Event], publication_date: str | None
    ) -> None:
        seen: set[str] = set()
        for event in events:
            if event.event_id in seen:
                continue
            seen.add(event.event_id)
            event_id = self._event_for(dedup_key(event, publication_date), doc_key, event.event_id)
            row = mention_row(doc_key, event, event_id)
            self.mention_columns = ", ".join(row)
            self.rows["mentions"].append(list(row.values()))
            for actor in actor_rows(event):
                self.actors.setdefault(actor[0], actor)
            self.touched.add(event_id)
            self.mentions += 1

    def _event_for(self, key: DedupKey, doc_key: str, mention_id: str) -> int:
        """The id of the event this mention reports: an existing one, or a new one."""
        exact = _exact(key)
        index = (*exact, key.negated, key.modality)
        near = [c for c in self.known.get(index, []) if _in_window(c, key, self.window_days)]
        stored = [] if self.prefetched else self._stored_candidates(key)
        found = best_candidate(key, stored + near)
        if found is not None:
            return found
        event_id, self.next_id = self.next_id, self.next_id + 1
        self.known.setdefault(index, []).append(Candidate(event_id, key.day, key.location_country))
        flags = (key.location_country, key.negated, key.modality)
        self.rows["events"].append(
            (event_id, key.day, *exact, *flags, doc_key, mention_id, 1, 1, 1)
        )
        self.new_events += 1
        return event_id

    def _prefetch(self, keys: list[DedupKey]) -> None:
        """Load the events this batch may join with one query, when its days are close.

        A chronological corpus has batches spanning days, so this reads few events; a batch
        spanning more than PREFETCH_SPAN_DAYS falls back to one query per mention.
        """
        days = [k.day for k in keys if k.day is not None]
        if not keys or (days and (max(days) - min(days)).days > PREFETCH_SPAN_DAYS):
            return
        roots = sorted({k.cameo_root for k in keys})
        params: list[Any] = list(roots)
        dated = ""
        if days:
            dated = " OR date BETWEEN ? AND ?"
            params += [shifted(min(days), -self.window_days), shifted(max(days), self.window_days)]
        sql = (
            f"SELECT event_id, date, location_country, {EXACT_COLUMNS}, negated, modality "
            f"FROM events WHERE cameo_root IN ({', '.join('?' for _ in roots)}) "
            f"AND (date IS NULL{dated})"
        )
        for row in self.store.rows(sql, params):
            self.known.setdefault(tuple(row[3:]), []).append(Candidate(*row[:3]))
        self.prefetched = True

    def _stored_candidates(self, key: DedupKey) -> list[Candidate]:
        conditions = ["cameo_root = ?", "negated = ?", "modality = ?"]
        params: list[Any] = [key.cameo_root, key.negated, key.modality]
        for column in ("source_country", "source_sector", "target_country", "target_sector"):
            _match_or_null(conditions, params, column, getattr(key, column))
        span = window(key, self.window_days)
        if span is None:
            conditions.append("date IS NULL")
        else:
            conditions.append("date BETWEEN ? AND ?")
            params.extend(span)
        sql = "SELECT event_id, date, location_country FROM events WHERE " + " AND ".join(
            conditions
        )
        return [Candidate(*row) for row in self.store.rows(sql, params)]

    def _flush(self) -> None:
        self._insert("events", EVENT_COLUMNS, self.rows["events"])
        self._insert("documents", DOCUMENT_COLUMNS, self.rows["documents"])
        self._insert("mentions", self.mention_columns, self.rows["mentions"])
        self._insert("actors", ACTOR_COLUMNS, self._new_actors())

    def _new_actors(self) -> list[Sequence[Any]]:
        keys = list(self.actors)
        if not keys:
            return []
        marks = ", ".join("?" for _ in keys)
        sql = f"SELECT actor_key FROM actors WHERE actor_key IN ({marks})"
        known = {row[0] for row in self.store.rows(sql, keys)}
        return [row for key, row in self.actors.items() if key not in known]

    def _insert(self, table: str, columns: str, rows: list[Sequence[Any]]) -> None:
        if rows:
            names = [name.strip() for name in columns.split(",")]
            self.store.dialect.insert_rows(self.store, table, names, rows)

    def _refresh_counts(self) -> None:
        """Recount mentions, documents and outlets (a document without outlet is its own)."""
        if not self.touched:
            return
        ids = sorted(self.touched)
        marks = ", ".join("?" for _ in ids)
        self.store.execute(
            "UPDATE events SET num_mentions = s.n, num_documents = s.d, num_sources = s.o FROM ("
            "SELECT m.event_id AS id, count(*) AS n, count(DISTINCT m.doc_key) AS d, "
            "count(DISTINCT coalesce(doc.source, doc.doc_key)) AS o "
            "FROM mentions m JOIN documents doc ON doc.doc_key = m.doc_key "
            f"WHERE m.event_id IN ({marks}) GROUP BY m.event_id) s WHERE events.event_id = s.id",
            ids,
        )


def _exact(key: DedupKey) -> tuple[Any, ...]:
    """The columns that must be equal, in the order of the events table."""
    return (key.cameo_root, key.source_country, key.source_sector,
            key.target_country, key.target_sector)  # fmt: skip


def _in_window(candidate: Candidate, key: DedupKey, days: int) -> bool:
    if candidate.day is None or key.day is None:
        return candidate.day is None and key.day is None
    return abs((candidate.day - key.day).days) <= days


def _document_row(outcome: Outcome) -> tuple[Any, ...]:
    doc = outcome.document
    return (
        outcome.key,
        outcome.content_hash,
        doc.id if doc else None,
        doc.title if doc else None,
        doc.source if doc else None,
        doc.url if doc else None,
        _day(doc.date) if doc else None,
        outcome.origin,
        outcome.language,
        outcome.status,
        outcome.reason,
        len(outcome.events),
        doc.text if doc else None,
        dt.datetime.now(dt.UTC).replace(tzinfo=None),
    )


def _match_or_null(conditions: list[str], params: list[Any], column: str, value: Any) -> None:
    if value is None:
        conditions.append(f"{column} IS NULL")
    else:
        conditions.append(f"{column} = ?")
        params.append(value)


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None
