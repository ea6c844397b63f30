"""The relation brief: what happened between two actors over a period, with the evidence.

A brief holds the headline trend (cooperation against conflict, month by month), the key
events ranked by Goldstein magnitude, then mentions, then sources (each with its sentence,
speaker and outlet; planned, negated and denied events kept and marked as such), the
statements either actor made with no target named in the stories about the two (an
ambassador's "we are not joining any bloc" in a report on their treaty), and the third
parties most involved with either actor. A mutual event coded both ways ("Russia and Iran
signed") is listed once, marked `mutual`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from eventwire.analysis.items import select_items
from eventwire.analysis.names import Names, load_names
from eventwire.analysis.profile import Partner, partners
from eventwire.analysis.query import ROLES, Actor, EventQuery, any_of, from_where, pair_match
from eventwire.analysis.series import SeriesPoint, series
from eventwire.store.connection import Store

KEY_EVENTS = 30
STEADY = 0.5
"""Mean Goldstein moving less than this between the halves of a period reads as steady."""


@dataclass(frozen=True, slots=True)
class Party:
    code: str
    name: str | None


@dataclass(slots=True)
class Brief:
    """A relation brief; `key_events` are event items with a `status` each."""

    a: Party
    b: Party
    since: dt.date | None
    until: dt.date | None
    first_date: dt.date | None
    last_date: dt.date | None
    events: int
    cooperation: int
    conflict: int
    goldstein: float | None
    headline: str
    trend: list[SeriesPoint] = field(default_factory=list)
    key_events: list[dict[str, Any]] = field(default_factory=list)
    statements: list[dict[str, Any]] = field(default_factory=list)
    third_parties: list[Partner] = field(default_factory=list)


def status(item: dict[str, Any]) -> str:
    """How sure the text is that the event happened: negated, denied, hypothetical, planned
    or asserted."""
    if item["negated"]:
        return "negated"
    modality = str(item["modality"])
    return "denied" if modality == "reported_denied" else modality


def relation_brief(
    store: Store,
    a: str,
    b: str,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    limit: int = KEY_EVENTS,
    names: Names | None = None,
) -> Brief:
    """The brief for actors `a` and `b` (codes, code prefixes or group ids), both ways."""
    names = names or load_names(store)
    first, second = Party(a.upper(), names(a.upper())), Party(b.upper(), names(b.upper()))
    pair = (Actor(a), Actor(b))
    query = EventQuery(pair=pair, directed=False, since=since, until=until)
    trend = series(store, query)
    key_events = _merge_mutual(select_items(store, query, sort="salience", limit=2 * limit))
    span = _span(store, query)
    counted = sum(p.events for p in trend)
    return Brief(
        first,
        second,
        since,
        until,
        *span,
        events=counted,
        cooperation=sum(p.cooperation for p in trend),
        conflict=sum(p.conflict for p in trend),
        goldstein=_mean(trend),
        headline=headline(first, second, trend, span),
        trend=trend,
        key_events=key_events[:limit],
        statements=_statements(store, pair, since, until, limit),
        third_parties=partners(store, pair, EventQuery(since=since, until=until), names=names),
    )


def _merge_mutual(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Items with their status; of two mirror images from one sentence, the first, marked
    `mutual`."""
    merged: dict[tuple[Any, ...], dict[str, Any]] = {}
    for item in items:
        source, target = (item[role]["code"] if item[role] else None for role in ROLES)
        key = (item["doc_id"], *item["sentence_span"], item["cameo"], item["negated"])
        mirror = merged.get((*key, target, source))
        if mirror is not None:
            mirror["mutual"] = True
            continue
        merged[(*key, source, target)] = item | {"status": status(item), "mutual": False}
    return list(merged.values())


def _statements(
    store: Store,
    pair: tuple[Actor, Actor],
    since: dt.date | None,
    until: dt.date | None,
    limit: int,
) -> list[dict[str, Any]]:
    """Events of a or b with no target, in a story (document and story index) that also
    reports an event between them: denials and declarations about the relation."""
    clause = EventQuery(since=since, until=until).clause()
    clause.add(*_as_args(any_of("source", pair)))
    clause.add("e.target_code IS NULL AND e.target_country IS NULL")
    both, both_params = pair_match(*pair, alias="x")
    clause.add(
        "EXISTS (SELECT 1 FROM mentions x WHERE x.doc_key = e.doc_key "
        f"AND x.story_index = e.story_index AND {both})",
        *both_params,
    )
    return [
        item | {"status": status(item), "mutual": False}
        for item in select_items(store, clause, sort="salience", limit=limit)
    ]


def _as_args(match: tuple[str, list[Any]]) -> tuple[Any, ...]:
    return (match[0], *match[1])


def _span(store: Store, query: EventQuery) -> tuple[dt.date | None, dt.date | None]:
    source, params = from_where(store, query)
    first, last = store.rows(f"SELECT min(e.event_date), max(e.event_date) {source}", params)[0]
    return first, last


def _mean(points: list[SeriesPoint]) -> float | None:
    events = sum(p.events for p in points)
    return round(sum(p.goldstein * p.events for p in points) / events, 2) if events else None


def headline(
    a: Party, b: Party, trend: list[SeriesPoint], span: tuple[dt.date | None, dt.date | None]
) -> str:
    """One sentence: the balance of cooperation and conflict and which way it moved."""
    who = f"{a.name or a.code} and {b.name or b.code}"
    events = sum(p.events for p in trend)
    if not events:
        return f"{who}: no counted events in this period."
    cooperation = sum(p.cooperation for p in trend)
    conflict = sum(p.conflict for p in trend)
    balance = "mostly cooperation" if cooperation > conflict else "mostly conflict"
    if cooperation == conflict:
        balance = "as much cooperation as conflict"
    first, last = span
    return (
        f"{who}: {balance}, {cooperation} cooperative and {conflict} conflictual events "
        f"from {first} to {last} (mean Goldstein {_mean(trend):+.1f}){_direction(trend)}."
    )


def _direction(trend: list[SeriesPoint]) -> str:
    """Compare the mean Goldstein of the earlier and the later half of the events."""
    if len(trend) < 2:
        return ""
    half = sum(p.events for p in trend) / 2
    earlier: list[SeriesPoint] = []
    for point in trend:
        if sum(p.events for p in earlier) >= half:
            break
        earlier.append(point)
    later = trend[len(earlier) :]
    before, after = _mean(earlier), _mean(later)
    if before is None or after is None:
        return ""
    if abs(after - before) < STEADY:
        return f"; steady since {later[0].period:%Y-%m}"
    word = "warming" if after > before else "cooling"
    return f"; {word} from {before:+.1f} to {after:+.1f} since {later[0].period:%Y-%m}"
