"""Read events back: filters for `eventwire events`, contract records, the GDELT layout."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from eventwire.store.connection import Store
from eventwire.store.rows import ACTOR_FIELDS, ACTOR_ROLES

MENTION_FIELDS = (
    "doc_id", "story_index", "sentence_index", "sentence", "sentence_start", "sentence_end",
    *(f"{role}_{name}" for role in ("source", "target") for name in ACTOR_FIELDS),
    "cameo", "cameo_root", "cameo_name", "plover", "plover_mode", "quad_class", "goldstein",
    "negated", "modality",
    *(f"speaker_{name}" for name in ACTOR_FIELDS),
    "reported_by", "date", "date_basis", "location_name", "location_country", "location_lat",
    "location_lon", "location_geonameid", "killed", "injured", "arrested",
    "trigger_text", "trigger_start", "trigger_end", "confidence",
)  # fmt: skip
EVENT_FIELDS = ("event_id", "event_date", "num_mentions", "num_sources", "num_documents")
DOCUMENT_FIELDS = ("outlet", "url")
COLUMNS = (*EVENT_FIELDS, *MENTION_FIELDS, *DOCUMENT_FIELDS)

FROM_EVENTS = (
    "FROM events e JOIN mentions m "
    "ON m.doc_key = e.first_doc_key AND m.mention_id = e.first_mention_id "
    "JOIN documents d ON d.doc_key = e.first_doc_key"
)


@dataclass(frozen=True, slots=True)
class EventFilter:
    """`actor` and `dyad` take codes or code prefixes (IRN, IRNGOV); `type` a PLOVER type
    (ASSAULT) or a CAMEO code prefix (19, 190)."""

    actor: str | None = None
    dyad: tuple[str, str] | None = None
    type: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None

    def where(self) -> tuple[str, list[Any]]:
        conditions: list[str] = []
        params: list[Any] = []
        if self.actor:
            conditions.append("(" + _actor_match("source") + " OR " + _actor_match("target") + ")")
            params += _actor_params(self.actor) * 2
        if self.dyad:
            conditions += [_actor_match("source"), _actor_match("target")]
            params += _actor_params(self.dyad[0]) + _actor_params(self.dyad[1])
        if self.type:
            conditions.append(_type_condition(self.type))
            params.append(
                self.type.upper() if self.type.isalpha() else like_escape(self.type) + "%"
            )
        _date_bounds(conditions, params, self.since, self.until)
        return (" WHERE " + " AND ".join(conditions) if conditions else ""), params


def _actor_match(role: str) -> str:
    return f"(m.{role}_code LIKE ? ESCAPE '\\' OR m.{role}_country = ?)"


def _actor_params(code: str) -> list[Any]:
    """A code prefix: `%` and `_` in it are letters, not LIKE wildcards."""
    return [like_escape(code.upper()) + "%", code.upper()]


def like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _type_condition(value: str) -> str:
    return "upper(m.plover) = ?" if value.isalpha() else "m.cameo LIKE ? ESCAPE '\\'"


def _date_bounds(conditions: list[str], params: list[Any], since: Any, until: Any) -> None:
    if since:
        conditions.append("e.date >= ?")
        params.append(since)
    if until:
        conditions.append("e.date <= ?")
        params.append(until)


def select_events(store: Store, where: EventFilter | None = None) -> Iterator[dict[str, Any]]:
    """Flat event rows (COLUMNS), oldest first, read in chunks."""
    clause, params = (where or EventFilter()).where()
    selected = ", ".join(
        [
            "e.event_id, e.date, e.num_mentions, e.num_sources, e.num_documents",
            ", ".join(f"m.{name}" for name in MENTION_FIELDS),
            "d.source, d.url",
        ]
    )
    sql = f"SELECT {selected} {FROM_EVENTS}{clause} ORDER BY e.date, e.event_id"
    for row in store.cursor_rows(sql, params):
        yield dict(zip(COLUMNS, row, strict=True))


def contract_record(row: dict[str, Any]) -> dict[str, Any]:
    """The JSON shape of DESIGN.md's contract for a stored event, plus its counts."""
    record: dict[str, Any] = {"event_id": row["event_id"], "doc_id": row["doc_id"]}
    record |= {k: row[k] for k in ("sentence_index", "sentence")}
    record["sentence_span"] = [row["sentence_start"], row["sentence_end"]]
    for role in ACTOR_ROLES[:2]:
        record[role] = _actor(row, role)
    record |= {k: row[k] for k in MENTION_FIELDS if k.startswith(("cameo", "plover"))}
    record |= {k: row[k] for k in ("quad_class", "goldstein", "negated", "modality")}
    record["speaker"] = _actor(row, "speaker")
    record |= {k: row[k] for k in ("reported_by", "date", "date_basis")}
    record["location"] = _location(row)
    record |= {k: row[k] for k in ("killed", "injured", "arrested")}
    record["trigger"] = {k: row[f"trigger_{k}"] for k in ("text", "start", "end")}
    record |= {k: row[k] for k in ("confidence", "num_mentions", "num_sources", "num_documents")}
    return record


def _actor(row: dict[str, Any], role: str) -> dict[str, Any] | None:
    actor = {name: row[f"{role}_{name}"] for name in ACTOR_FIELDS}
    return actor if any(v is not None for v in actor.values()) else None


def _location(row: dict[str, Any]) -> dict[str, Any] | None:
    if row["location_name"] is None:
        return None
    fields = ("name", "country", "lat", "lon", "geonameid")
    return {k: row[f"location_{k}"] for k in fields}


GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor2Code",
    "Actor2Name", "Actor2CountryCode", "IsRootEvent", "EventCode", "EventBaseCode",
    "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions", "NumSources", "NumArticles",
    "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long",
    "DATEADDED", "SOURCEURL",
)  # fmt: skip


def gdelt_row(row: dict[str, Any]) -> tuple[Any, ...]:
    """A GDELT 2.0 events row (subset); countries stay ISO alpha-3, as the actor codes are."""
    day = row["event_date"].isoformat().replace("-", "") if row["event_date"] else ""
    return (
        row["event_id"], day,
        row["source_code"], row["source_name"], row["source_country"],
        row["target_code"], row["target_name"], row["target_country"],
        1, row["cameo"], row["cameo"][:3], row["cameo_root"], row["quad_class"],
        row["goldstein"], row["num_mentions"], row["num_sources"], row["num_documents"],
        row["location_name"], row["location_country"], row["location_lat"],
        row["location_lon"], day, row["url"],
    )  # fmt: skip
