"""Dyad series: how much two actors (or one, or everyone) cooperated and fought, per period."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from eventwire.analysis.query import (
    COUNTED,
    Actor,
    EventQuery,
    Level,
    actor_key,
    from_where,
    known,
)
from eventwire.store.connection import Store

Interval = Literal["day", "week", "month"]
INTERVALS: tuple[Interval, ...] = ("day", "week", "month")
QUAD_COUNTS = ", ".join(f"sum(CASE WHEN e.quad_class = {q} THEN 1 ELSE 0 END)" for q in range(1, 5))


@dataclass(frozen=True, slots=True)
class SeriesPoint:
    """One period: `period` is its first day (weeks start on Monday); `goldstein` the mean."""

    period: dt.date
    events: int
    mentions: int
    quad1: int
    quad2: int
    quad3: int
    quad4: int
    goldstein: float

    @property
    def cooperation(self) -> int:
        return self.quad1 + self.quad2

    @property
    def conflict(self) -> int:
        return self.quad3 + self.quad4


def dyad_series(
    store: Store,
    a: Actor | None = None,
    b: Actor | None = None,
    *,
    interval: Interval = "month",
    directed: bool = False,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> list[SeriesPoint]:
    """Counted events of a with b (a to b only when `directed`), of a with anyone when b is
    None, of all pairs when both are None; periods without events are left out."""
    if b is not None and a is None:
        a, b = b, None
    pair = (a, b) if a is not None and b is not None else None
    query = EventQuery(
        actor=a if pair is None else None, pair=pair, directed=directed, since=since, until=until
    )
    return series(store, query, interval)


def series(store: Store, query: EventQuery, interval: Interval = "month") -> list[SeriesPoint]:
    """Counted events of any query, per period."""
    source, params = from_where(store, query, COUNTED, "e.event_date IS NOT NULL")
    period = _period(interval)
    sql = (
        f"SELECT {period} AS period, count(*), sum(e.num_mentions), {QUAD_COUNTS}, "
        f"avg(e.goldstein) {source} GROUP BY 1 ORDER BY 1"
    )
    return [_point(row) for row in store.rows(sql, params)]


def _period(interval: str) -> str:
    """SQL for the first day of the event's period (the interval is checked: it enters SQL)."""
    if interval not in INTERVALS:
        raise ValueError(f"interval {interval!r}: use one of {', '.join(INTERVALS)}")
    return f"CAST(date_trunc('{interval}', e.event_date) AS DATE)"


def _point(row: tuple[Any, ...]) -> SeriesPoint:
    events, mentions, q1, q2, q3, q4 = (int(v or 0) for v in row[1:7])
    return SeriesPoint(row[0], events, mentions, q1, q2, q3, q4, round(float(row[7]), 3))


@dataclass(frozen=True, slots=True)
class PairPoint:
    """One period of one unordered pair of actors (keys at a level, `a` < `b`)."""

    a: str
    b: str
    point: SeriesPoint


def pair_series(
    store: Store,
    *,
    interval: Interval = "month",
    level: Level = "country",
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> list[PairPoint]:
    """The series of every pair at once, both ways, by pair then period."""
    one, other = actor_key("source", level), actor_key("target", level)
    source, params = from_where(
        store, EventQuery(since=since, until=until), COUNTED, "e.event_date IS NOT NULL",
        known("source", level), known("target", level), f"{one} <> {other}",
    )  # fmt: skip
    period = _period(interval)
    sql = (
        f"SELECT least({one}, {other}), greatest({one}, {other}), {period}, count(*), "
        f"sum(e.num_mentions), {QUAD_COUNTS}, avg(e.goldstein) {source} "
        "GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
    )
    return [PairPoint(row[0], row[1], _point(row[2:])) for row in store.rows(sql, params)]
