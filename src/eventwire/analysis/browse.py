"""Browsing the store: corpus summary, documents, one event with all its mentions, actors,
places. Each function answers one question with a few parameterised queries."""

from __future__ import annotations

import datetime as dt
from typing import Any

from eventwire.analysis.items import ACTOR_KEYS, Page, select_items
from eventwire.analysis.names import Names, load_names
from eventwire.analysis.network import edge_counts
from eventwire.analysis.profile import plover_mix
from eventwire.analysis.query import Actor, EventQuery, from_where, relation
from eventwire.analysis.series import QUAD_COUNTS
from eventwire.store.connection import Store

TOP_DYADS = 10
DOCUMENT_FIELDS = ("doc_id", "title", "source", "url", "date", "status", "num_events")


def summary(store: Store, *, names: Names | None = None) -> dict[str, Any]:
    """Corpus counts, counted events per month by quad class, top dyads, the PLOVER mix."""
    names = names or load_names(store)
    documents = store.value("SELECT count(*) FROM documents WHERE status = 'coded'")
    events, first, last = store.rows("SELECT count(*), min(date), max(date) FROM events")[0]
    source, params = from_where(store, EventQuery(counted=True), "e.event_date IS NOT NULL")
    month = "CAST(date_trunc('month', e.event_date) AS DATE)"
    months = store.rows(
        f"SELECT {month}, count(*), {QUAD_COUNTS} {source} GROUP BY 1 ORDER BY 1", params
    )
    dyads = edge_counts(store, "country", EventQuery())[:TOP_DYADS]
    return {
        "documents": int(documents),
        "events": int(events),
        "mentions": int(store.value("SELECT count(*) FROM mentions")),
        "first_date": first,
        "last_date": last,
        "per_month": [
            {"period": f"{row[0]:%Y-%m}", "events": int(row[1])}
            | {f"quad{q}": int(row[1 + q] or 0) for q in range(1, 5)}
            for row in months
        ],
        "top_dyads": [
            {"source": e.source, "target": e.target, "source_name": names(e.source)}
            | {"target_name": names(e.target), "events": e.events}
            | {"cooperation": e.cooperation, "conflict": e.conflict}
            for e in dyads
        ],
        "plover": plover_mix(store, EventQuery(counted=True)),
    }


def list_documents(store: Store, *, limit: int = 50, offset: int = 0) -> Page:
    """Documents stored, newest first (failed inputs have no id and are left out)."""
    total = store.value("SELECT count(*) FROM documents WHERE doc_id IS NOT NULL")
    rows = store.rows(
        f"SELECT {', '.join(DOCUMENT_FIELDS)} FROM documents WHERE doc_id IS NOT NULL "
        "ORDER BY date DESC NULLS LAST, doc_id LIMIT ? OFFSET ?",
        [limit, offset],
    )
    return Page(
        int(total), limit, offset, [dict(zip(DOCUMENT_FIELDS, r, strict=True)) for r in rows]
    )


def document(store: Store, doc_id: str) -> dict[str, Any] | None:
    """A document with its text and the events it mentions; None when there is none.
    Two inputs may share an id (one story from two outlets): the latest stored is shown."""
    fields = (*DOCUMENT_FIELDS, "reason", "language", "text", "doc_key")
    rows = store.rows(
        f"SELECT {', '.join(fields)} FROM documents WHERE doc_id = ? "
        "ORDER BY ingested_at DESC, doc_key LIMIT 1",
        [doc_id],
    )
    if not rows:
        return None
    found = dict(zip(fields, rows[0], strict=True))
    doc_key = found.pop("doc_key")
    sql = "SELECT DISTINCT event_id FROM mentions WHERE doc_key = ?"
    ids = tuple(row[0] for row in store.rows(sql, [doc_key]))
    found["events"] = select_items(store, EventQuery(event_ids=ids), sort="date", limit=len(ids))
    return found


MENTIONS = (
    "m.doc_id, m.sentence, m.sentence_start, m.sentence_end, m.trigger_text, "
    "m.trigger_start, m.trigger_end, m.source_text, m.target_text, m.speaker_code, "
    "m.speaker_name, m.speaker_country, m.speaker_sector, m.speaker_group, m.reported_by, "
    "m.date, d.title, d.source FROM mentions m JOIN documents d ON d.doc_key = m.doc_key"
)
"""The fields of mention_item() and where they come from."""
MENTION_ORDER = "m.date, m.doc_id, m.sentence_index"


def event(store: Store, event_id: int) -> dict[str, Any] | None:
    """An event item whose `mentions` lists every mention (its count is `mention_count`):
    sentence, trigger, speaker, document."""
    items = select_items(store, EventQuery(event_ids=(event_id,)), limit=1)
    if not items:
        return None
    sql = f"SELECT {MENTIONS} WHERE m.event_id = ? ORDER BY {MENTION_ORDER}"
    return with_mentions(items[0], [mention_item(row) for row in store.rows(sql, [event_id])])


def with_mentions(item: dict[str, Any], mentions: list[dict[str, Any]]) -> dict[str, Any]:
    """An event item with its mentions listed in place of their number."""
    return item | {"mention_count": item["mentions"], "mentions": mentions}


def mention_item(row: tuple[Any, ...]) -> dict[str, Any]:
    """A mention as the API lists it, from a row of MENTIONS."""
    speaker = dict(zip(ACTOR_KEYS, row[9:14], strict=True))
    return {
        "doc_id": row[0],
        "sentence": row[1],
        "sentence_span": [row[2], row[3]],
        "trigger": {"text": row[4], "start": row[5], "end": row[6]},
        "source_text": row[7],
        "target_text": row[8],
        "speaker": speaker if any(v is not None for v in speaker.values()) else None,
        "reported_by": row[14],
        "date": row[15],
        "doc_title": row[16],
        "doc_source": row[17],
    }


def places(
    store: Store,
    *,
    actor: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    limit: int = 1000,
) -> list[dict[str, Any]]:
    """Located counted events per place, most first."""
    query = EventQuery(
        actor=Actor(actor) if actor else None, since=since, until=until, counted=True
    )
    source, params = from_where(store, query, "e.location_name IS NOT NULL")
    sql = (
        "SELECT e.location_name, e.location_country, e.location_lat, e.location_lon, count(*) "
        f"{source} GROUP BY 1, 2, 3, 4 ORDER BY 5 DESC, 1 LIMIT ?"
    )
    fields = ("name", "country", "lat", "lon", "events")
    return [dict(zip(fields, row, strict=True)) for row in store.rows(sql, [*params, limit])]


def actors(
    store: Store, *, q: str | None = None, limit: int = 50, names: Names | None = None
) -> list[dict[str, Any]]:
    """Actor codes with the number of events they take part in, most first; `q` keeps codes
    starting with it or names containing it."""
    names = names or load_names(store)
    arms = " UNION ALL ".join(
        f"SELECT e.{role}_code AS code FROM {relation(store)} e" for role in ("source", "target")
    )
    rows = store.rows(
        f"SELECT code, count(*) FROM ({arms}) a WHERE code IS NOT NULL "
        "GROUP BY 1 ORDER BY 2 DESC, 1"
    )
    found = [{"code": code, "name": names(code), "events": int(n)} for code, n in rows]
    if q:
        needle = q.lower()
        found = [a for a in found if _matches(a, needle)]
    return found[:limit]


def _matches(actor: dict[str, Any], needle: str) -> bool:
    return actor["code"].lower().startswith(needle) or needle in (actor["name"] or "").lower()
