"""Dyad series: how much two actors (or one, or everyone) cooperated and fought, per period."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from eventwire.analysis.query import COUNTED, Actor, EventQuery, from_where
from eventwire.store.connection import Store

Interval = Literal["day", "week", "month"]
INTERVALS: tuple[Interval, ...] = ("day", "week", "month")
QUAD_COUNTS = ", ".join(f"sum(CASE WHEN m.quad_class = {q} THEN 1 ELSE 0 END)" for q in range(1, 5))


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
    if interval not in INTERVALS:
        raise ValueError(f"interval {interval!r}: use one of {', '.join(INTERVALS)}")
    source, params = from_where(query, COUNTED, "e.date IS NOT NULL")
    period = f"CAST(date_trunc('{interval}', e.date) AS DATE)"
    sql = (
        f"SELECT {period} AS period, count(*), sum(e.num_mentions), {QUAD_COUNTS}, "
        f"avg(m.goldstein) {source} GROUP BY 1 ORDER BY 1"
    )
    return [_point(row) for row in store.rows(sql, params)]


def _point(row: tuple[Any, ...]) -> SeriesPoint:
    events, mentions, q1, q2, q3, q4 = (int(v or 0) for v in row[1:7])
    return SeriesPoint(row[0], events, mentions, q1, q2, q3, q4, round(float(row[7]), 3))
