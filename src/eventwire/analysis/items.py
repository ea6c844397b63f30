"""Events as JSON-ready items: the one shape every listing, edge and brief returns."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from eventwire.analysis.query import AMONG, Clause, EventQuery, from_where, relation
from eventwire.store.connection import Store
from eventwire.store.query import COLUMNS

SELECTED = ", ".join(f"e.{name}" for name in COLUMNS)
SORTS = {
    "date": "e.event_date ASC NULLS FIRST, e.event_id ASC",
    "-date": "e.event_date DESC NULLS LAST, e.event_id DESC",
    "goldstein": "e.goldstein ASC, e.event_id ASC",
    "-goldstein": "e.goldstein DESC, e.event_id DESC",
    "mentions": "e.num_mentions ASC, e.event_id ASC",
    "-mentions": "e.num_mentions DESC, e.event_id DESC",
    "salience": (
        "abs(e.goldstein) DESC, e.num_mentions DESC, e.num_sources DESC, e.event_date, e.event_id"
    ),
}
"""Orders by name; `salience` ranks the key events of a brief."""
ACTOR_KEYS = ("code", "name", "country", "sector", "group")


@dataclass(frozen=True, slots=True)
class Page:
    """A slice of a listing and the size of the whole."""

    total: int
    limit: int
    offset: int
    items: list[dict[str, Any]]


def _iso(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=_iso)


def to_json(content: Any) -> bytes:
    """The API's JSON: compact UTF-8, dates as ISO strings. One writer for every response,
    so that items written ahead (analysis/index.py) are byte for byte what SQL gives."""
    return ENCODER.encode(content).encode()


def event_item(row: dict[str, Any]) -> dict[str, Any]:
    """The event of a flat row (store COLUMNS) as the API's event item."""
    return {
        "event_id": row["event_id"],
        "date": row["event_date"],
        "source": actor_item(row, "source"),
        "target": actor_item(row, "target"),
        **{k: row[k] for k in ("cameo", "cameo_name", "plover", "plover_mode", "quad_class")},
        **{k: row[k] for k in ("goldstein", "modality", "negated")},
        "location": _location(row),
        "mentions": row["num_mentions"],
        "sources": row["num_sources"],
        "documents": row["num_documents"],
        "sentence": row["sentence"],
        "trigger": {k: row[f"trigger_{k}"] for k in ("text", "start", "end")},
        "sentence_span": [row["sentence_start"], row["sentence_end"]],
        "speaker": actor_item(row, "speaker"),
        "reported_by": row["reported_by"],
        "outlet": row["outlet"],
        "doc_id": row["doc_id"],
    }


def actor_item(row: dict[str, Any], role: str) -> dict[str, Any] | None:
    actor = {k: row[f"{role}_{k}"] for k in ACTOR_KEYS}
    return actor if any(v is not None for v in actor.values()) else None


def _location(row: dict[str, Any]) -> dict[str, Any] | None:
    if row["location_name"] is None:
        return None
    return {k: row[f"location_{k}"] for k in ("name", "country", "lat", "lon")}


def select_items(
    store: Store,
    query: EventQuery | Clause,
    *,
    sort: str = "-date",
    limit: int = 50,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Event items of `query` (or of a clause) in the order `sort` (a key of SORTS)."""
    return _page(store, query, sort, limit, offset)[1]


def _page(
    store: Store, query: EventQuery | Clause, sort: str, limit: int, offset: int
) -> tuple[int | None, list[dict[str, Any]]]:
    """The number of matches (None past the last page) and the items of one page.

    Two steps: the page's event ids with the count of all matches, from the filtered join,
    then the full rows of those ids. Sorting narrow rows and reading the 60 columns of one
    page only is several times faster than sorting the full rows of every match; the ids
    go in as one list parameter (a semi-join: DuckDB scans every column for `IN (?, ...)`).
    """
    source, params = from_where(store, query)
    sql = f"SELECT e.event_id, count(*) OVER () {source} ORDER BY {SORTS[sort]} LIMIT ? OFFSET ?"
    found = store.rows(sql, [*params, limit, offset])
    if not found:
        return (0 if offset == 0 else None), []
    ids = [row[0] for row in found]
    rows = store.rows(f"SELECT {SELECTED} FROM {relation(store)} e WHERE {AMONG}", [ids])
    by_id = {row[0]: dict(zip(COLUMNS, row, strict=True)) for row in rows}
    return int(found[0][1]), [event_item(by_id[event_id]) for event_id in ids]


def count_events(store: Store, query: EventQuery | Clause) -> int:
    source, params = from_where(store, query)
    return int(store.value(f"SELECT count(*) {source}", params))


def list_events(
    store: Store, query: EventQuery, *, sort: str = "-date", limit: int = 50, offset: int = 0
) -> Page:
    """One page of the events of `query`, with the number of them all."""
    total, items = _page(store, query, sort, limit, offset)
    return Page(count_events(store, query) if total is None else total, limit, offset, items)
