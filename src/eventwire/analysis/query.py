"""The event selection every analysis shares: filters as parameterised SQL, actor levels.

An event is described by its first mention: every query reads one relation, alias `e`,
with a row per event holding the event's counts and its first mention's fields (columns
named as store/query.py's COLUMNS). On a store it is the join FIRST_MENTIONS; on a
Snapshot (analysis/snapshot.py) the same rows materialised once, so no query joins.
Filters build `WHERE` clauses with `?` placeholders only; values never enter the SQL text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

from eventwire.store.connection import Store
from eventwire.store.query import MENTION_FIELDS

Level = Literal["country", "sector", "group"]
LEVELS: tuple[Level, ...] = ("country", "sector", "group")
FIRST_MENTIONS = (
    "(SELECT ev.event_id, ev.date AS event_date, ev.num_mentions, ev.num_sources, "
    "ev.num_documents, "
    + ", ".join(f"mn.{name}" for name in MENTION_FIELDS)
    + ", d.source AS outlet, d.url, mn.doc_key FROM events ev JOIN mentions mn "
    "ON mn.doc_key = ev.first_doc_key AND mn.mention_id = ev.first_mention_id "
    "JOIN documents d ON d.doc_key = ev.first_doc_key)"
)
SNAPSHOT_TABLE = "first_mentions"
AMONG = "e.event_id IN (SELECT unnest(?))"
"""Events whose ids are in one list parameter."""
COUNTED_MODALITIES = ("asserted", "planned")
COUNTED = f"NOT e.negated AND e.modality IN {COUNTED_MODALITIES}"
"""Events that count in series, networks and profiles: a denial or a maybe is no event
(`analysis/index.py` reads COUNTED_MODALITIES)."""
COOPERATION = "e.quad_class IN (1, 2)"
CONFLICT = "e.quad_class IN (3, 4)"
ROLES = ("source", "target")


def actor_key(role: str, level: Level, alias: str = "e") -> str:
    """SQL for the actor of `role` at `level`: country (else its code, as for IGOs), the
    country and sector (`IRNGOV`), or its named group (`hezbollah`) else its country."""
    column = f"{alias}.{role}"
    country = f"coalesce({column}_country, {column}_code)"
    if level == "country":
        return country
    if level == "group":
        return f"coalesce({column}_group, {country})"
    return (
        f"CASE WHEN {column}_country IS NULL THEN {column}_code "
        f"ELSE {column}_country || coalesce({column}_sector, '') END"
    )


def known(role: str, level: Level) -> str:
    """SQL true when the actor of `role` is known at `level`: present, and not a bare
    sector of no known country (`---CVL`, "civilians"), which is no one in particular."""
    key = actor_key(role, level)
    return f"({key} IS NOT NULL AND {key} NOT LIKE '---%')"


@dataclass(slots=True)
class Clause:
    """Conditions joined by AND, with their parameters in placeholder order."""

    conditions: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, condition: str, *params: Any) -> None:
        self.conditions.append(condition)
        self.params.extend(params)

    def sql(self) -> str:
        return " WHERE " + " AND ".join(self.conditions) if self.conditions else ""


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor as a filter: a code prefix (`RUS` matches `RUSGOV`), a country or a group id;
    with `level`, exactly the actor key at that level (a network node)."""

    value: str
    level: Level | None = None

    def match(self, role: str, alias: str = "e") -> tuple[str, list[Any]]:
        """SQL true when the actor of `role` in the row `alias` is this one."""
        if self.level is not None:
            return f"{actor_key(role, self.level, alias)} = ?", [self.value]
        code = self.value.upper()
        column = f"{alias}.{role}"
        condition = f"({column}_code LIKE ? OR {column}_country = ? OR {column}_group = ?)"
        return condition, [code + "%", code, self.value.lower()]


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Which events: every filter of the event listing, by the first mention's fields.

    `actor` is either side; `pair` is two actors, source then target, or either way round
    when `directed` is false; `counted` keeps only events that count (see COUNTED).
    """

    actor: Actor | None = None
    source: Actor | None = None
    target: Actor | None = None
    pair: tuple[Actor, Actor] | None = None
    directed: bool = True
    plover: str | None = None
    cameo: str | None = None
    quad: int | None = None
    modality: str | None = None
    negated: bool | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    place: str | None = None
    text: str | None = None
    counted: bool = False
    event_ids: tuple[int, ...] | None = None

    def clause(self) -> Clause:
        clause = Clause()
        if self.event_ids is not None:
            clause.add(AMONG, list(self.event_ids))
        if self.actor:
            _either_side(clause, self.actor)
        for role, actor in zip(ROLES, (self.source, self.target), strict=True):
            if actor:
                clause.add(*_as_args(actor.match(role)))
        if self.pair:
            clause.add(*_as_args(pair_match(*self.pair, directed=self.directed)))
        self._attributes(clause)
        if self.since:
            clause.add("e.event_date >= ?", self.since)
        if self.until:
            clause.add("e.event_date <= ?", self.until)
        if self.counted:
            clause.add(COUNTED)
        return clause

    def _attributes(self, clause: Clause) -> None:
        if self.plover:
            clause.add("e.plover = ?", self.plover.upper())
        if self.cameo:
            clause.add("e.cameo LIKE ?", self.cameo + "%")
        if self.quad is not None:
            clause.add("e.quad_class = ?", self.quad)
        if self.modality:
            clause.add("e.modality = ?", self.modality)
        if self.negated is not None:
            clause.add("e.negated = ?", self.negated)
        if self.place:
            clause.add(
                "(lower(e.location_name) LIKE ? ESCAPE '\\' OR e.location_country = ?)",
                contains(self.place),
                self.place.upper(),
            )
        if self.text:
            clause.add("lower(e.sentence) LIKE ? ESCAPE '\\'", contains(self.text))


def any_of(role: str, actors: tuple[Actor, ...], alias: str = "e") -> tuple[str, list[Any]]:
    """SQL true when the actor of `role` is any of `actors` (false, never NULL)."""
    parts = [actor.match(role, alias) for actor in actors]
    sql = "coalesce((" + " OR ".join(p[0] for p in parts) + "), false)"
    return sql, [param for p in parts for param in p[1]]


def contains(text: str) -> str:
    """A LIKE pattern for `text` anywhere, its own % and _ taken literally."""
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _as_args(match: tuple[str, list[Any]]) -> tuple[Any, ...]:
    return (match[0], *match[1])


def _either_side(clause: Clause, actor: Actor) -> None:
    (source, source_params), (target, target_params) = (actor.match(r) for r in ROLES)
    clause.add(f"({source} OR {target})", *source_params, *target_params)


def pair_match(
    a: Actor, b: Actor, *, directed: bool = False, alias: str = "e"
) -> tuple[str, list[Any]]:
    """SQL true when the row `alias` is from a to b (or from b to a unless `directed`)."""
    forward, forward_params = _directed(a, b, alias)
    if directed:
        return forward, forward_params
    backward, backward_params = _directed(b, a, alias)
    return f"({forward} OR {backward})", forward_params + backward_params


def _directed(source: Actor, target: Actor, alias: str) -> tuple[str, list[Any]]:
    (s, s_params), (t, t_params) = source.match("source", alias), target.match("target", alias)
    return f"({s} AND {t})", s_params + t_params


def relation(store: Store) -> str:
    """The first-mention rows of `store`: its snapshot table, or the join."""
    from eventwire.analysis.snapshot import Snapshot

    return SNAPSHOT_TABLE if isinstance(store, Snapshot) else FIRST_MENTIONS


def from_where(store: Store, query: EventQuery | Clause, *conditions: str) -> tuple[str, list[Any]]:
    """`FROM ... WHERE ...` for the events of `query` (or of a clause built already) and
    any further `conditions` (SQL with no parameters), and its parameters."""
    clause = query.clause() if isinstance(query, EventQuery) else query
    extended = Clause([*clause.conditions, *conditions], list(clause.params))
    return f"FROM {relation(store)} e{extended.sql()}", extended.params
