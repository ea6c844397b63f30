"""An actor's profile: how much it acts and is acted on, its partners and event mix, its
trend, and its strongest allies and adversaries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from eventwire.analysis.names import Names, load_names
from eventwire.analysis.query import (
    CONFLICT,
    COOPERATION,
    Actor,
    EventQuery,
    Level,
    actor_key,
    any_of,
    from_where,
    known,
    relation,
)
from eventwire.analysis.series import QUAD_COUNTS, SeriesPoint, series
from eventwire.store.connection import Store

TOP = 10


@dataclass(frozen=True, slots=True)
class Partner:
    """Counted dealings with one partner, both ways."""

    code: str
    name: str | None
    events: int
    cooperation: int
    conflict: int
    goldstein: float


@dataclass(slots=True)
class ActorProfile:
    code: str
    name: str | None
    events: int
    as_source: int
    as_target: int
    first_date: dt.date | None
    last_date: dt.date | None
    goldstein: float | None
    quad: dict[str, int]
    plover: list[dict[str, Any]]
    partners: list[Partner]
    allies: list[Partner] = field(default_factory=list)
    adversaries: list[Partner] = field(default_factory=list)
    trend: list[SeriesPoint] = field(default_factory=list)


def partners(
    store: Store,
    actors: tuple[Actor, ...],
    query: EventQuery | None = None,
    *,
    level: Level = "country",
    names: Names | None = None,
    limit: int = TOP,
) -> list[Partner]:
    """Who the `actors` dealt with (counted events, either side), partners at `level`,
    busiest first; dealings among the `actors` themselves are left out."""
    arms, params = [], []
    for role, other in (("source", "target"), ("target", "source")):
        clause = replace(query or EventQuery(), counted=True).clause()
        mine, mine_params = any_of(role, actors)
        theirs, theirs_params = any_of(other, actors)
        clause.add(mine, *mine_params)
        clause.add(f"NOT {theirs}", *theirs_params)
        clause.add(known(other, level))
        arms.append(
            f"SELECT {actor_key(other, level)} AS partner, e.goldstein AS goldstein, "
            f"CASE WHEN {COOPERATION} THEN 1 ELSE 0 END AS cooperation, "
            f"CASE WHEN {CONFLICT} THEN 1 ELSE 0 END AS conflict "
            f"FROM {relation(store)} e{clause.sql()}"
        )
        params += clause.params
    sql = (
        "SELECT partner, sum(cooperation), sum(conflict), count(*), avg(goldstein) "
        f"FROM ({' UNION ALL '.join(arms)}) p "
        "GROUP BY partner ORDER BY 4 DESC, 1 LIMIT ?"
    )
    names = names or load_names(store)
    return [
        Partner(code, names(code), int(n), int(coop), int(conflict), round(float(g), 3))
        for code, coop, conflict, n, g in store.rows(sql, [*params, limit])
    ]


def allies_and_adversaries(
    found: list[Partner], *, limit: int = 5
) -> tuple[list[Partner], list[Partner]]:
    """Partners dealt with mostly in cooperation (allies) or mostly in conflict
    (adversaries), the widest margin first."""
    allies = [p for p in found if p.cooperation > p.conflict]
    adversaries = [p for p in found if p.conflict > p.cooperation]
    allies.sort(key=lambda p: (p.conflict - p.cooperation, -p.goldstein, p.code))
    adversaries.sort(key=lambda p: (p.cooperation - p.conflict, p.goldstein, p.code))
    return allies[:limit], adversaries[:limit]


def actor_profile(
    store: Store,
    code: str,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    names: Names | None = None,
) -> ActorProfile:
    """The profile of the actors `code` matches (a code prefix, country or group id)."""
    actor = Actor(code)
    query = EventQuery(actor=actor, since=since, until=until, counted=True)
    names = names or load_names(store)
    totals = _totals(store, actor, query)
    everyone = partners(store, (actor,), query, names=names, limit=10_000)
    allies, adversaries = allies_and_adversaries(everyone)
    return ActorProfile(
        code=code.upper(),
        name=names(code.upper()),
        **totals,
        plover=plover_mix(store, query),
        partners=everyone[:TOP],
        allies=allies,
        adversaries=adversaries,
        trend=series(store, query),
    )


def _totals(store: Store, actor: Actor, query: EventQuery) -> dict[str, Any]:
    (as_source, source_params), (as_target, target_params) = (
        actor.match(role) for role in ("source", "target")
    )
    source, params = from_where(store, query)
    row = store.rows(
        f"SELECT count(*), sum(CASE WHEN {as_source} THEN 1 ELSE 0 END), "
        f"sum(CASE WHEN {as_target} THEN 1 ELSE 0 END), min(e.event_date), max(e.event_date), "
        f"avg(e.goldstein), {QUAD_COUNTS} {source}",
        [*source_params, *target_params, *params],
    )[0]
    goldstein = None if row[5] is None else round(float(row[5]), 3)
    return {
        "events": int(row[0]),
        "as_source": int(row[1] or 0),
        "as_target": int(row[2] or 0),
        "first_date": row[3],
        "last_date": row[4],
        "goldstein": goldstein,
        "quad": {f"quad{q}": int(row[5 + q] or 0) for q in range(1, 5)},
    }


def plover_mix(store: Store, query: EventQuery) -> list[dict[str, Any]]:
    """Events per PLOVER type, most first (events with no PLOVER type left out)."""
    source, params = from_where(store, query, "e.plover IS NOT NULL")
    sql = f"SELECT e.plover, count(*) {source} GROUP BY 1 ORDER BY 2 DESC, 1"
    return [{"plover": p, "events": int(n)} for p, n in store.rows(sql, params)]
