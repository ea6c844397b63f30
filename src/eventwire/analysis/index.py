"""Event listings of a Snapshot answered from arrays built once, with no SQL per request.

Why: a served listing asked DuckDB to plan, filter, count and sort every time, 10 to 40 ms
of CPU a request, so 50 clients on two cores queued for a second. A snapshot cannot change,
so the work that does not depend on the request is done once, at start-up:

- every column a filter reads is factorised: its distinct values, and per event the
  position of its value. A condition is tested on the distinct values (tens to thousands)
  and spread to the events by one numpy lookup;
- every order of SORTS is computed by DuckDB, with the ORDER BY of the SQL path;
- every event's JSON item, and the JSON list of its mentions, is written;
- the lowered sentences are joined into one byte string, with the positions of each byte
  value in it, so that a search starts from the needle's rarest byte (class Text).

A page is then the matching events taken in sort order, its total their number and its body
the joined items: about a millisecond for 100,000 events, after 4 s of start-up.

The conditions mirror EventQuery.clause() (analysis/query.py) and select exactly what it
selects (tests/test_analysis_index.py compares the two). In a WHERE clause a NULL is no match,
and the clause joins its conditions with AND and OR only, so each condition here is false
for a NULL value. Memory: about 2 KB an event (175 MB for the 100,000 of
scripts/bench_api.py), most of it the JSON.
"""

from __future__ import annotations

import json
import operator
import re
from collections.abc import Callable, Iterator, Sequence
from functools import partial, reduce
from itertools import groupby
from typing import Any

import numpy as np
import numpy.typing as npt

from eventwire.analysis.browse import MENTION_ORDER, MENTIONS, mention_item, with_mentions
from eventwire.analysis.items import SELECTED, SORTS, event_item, to_json
from eventwire.analysis.query import (
    COUNTED_MODALITIES,
    LEVELS,
    ROLES,
    SNAPSHOT_TABLE,
    Actor,
    EventQuery,
    actor_key,
)
from eventwire.analysis.snapshot import Snapshot
from eventwire.store.query import COLUMNS

Mask = npt.NDArray[np.bool_]
Test = Callable[[Any], bool]
SEPARATOR = b"\0"
"""Between the sentences of a Text: a needle without it matches within one sentence."""


def _filtered() -> dict[str, str]:
    """The single columns conditions read, by name, as SQL over the snapshot (alias `e`)."""
    names = ("plover", "cameo", "quad_class", "modality", "negated")
    columns = {name: f"e.{name}" for name in names}
    columns |= {"place": "lower(e.location_name)", "location_country": "e.location_country"}
    for role in ROLES:
        columns |= {f"{role}:{level}": actor_key(role, level) for level in LEVELS}
    return columns


FILTERED = _filtered()


class Column:
    """A column factorised: its distinct values, and per event the position of its value."""

    def __init__(self, values: Sequence[Any]) -> None:
        positions: dict[Any, int] = {}
        found = (positions.setdefault(v, len(positions)) for v in values)
        self.codes = np.fromiter(found, np.int32, len(values))
        self.values = list(positions)

    def where(self, test: Test) -> Mask:
        """Per event, whether `test` holds of its value; false for NULL, as in SQL."""
        table = np.fromiter((v is not None and test(v) for v in self.values), bool)
        return table.take(self.codes)


def like(pattern: str) -> Test:
    """SQL's `LIKE pattern` (with no escape character) as a test of a string."""
    parts = (".*" if c == "%" else "." if c == "_" else re.escape(c) for c in pattern)
    match = re.compile("".join(parts), re.DOTALL).fullmatch
    return lambda value: match(value) is not None


def equals(value: Any) -> Test:
    return partial(operator.eq, value)


def matches_actor(actor: Actor) -> Test:
    """Actor.match() with no level, as a test of (code, country, group)."""
    code, group, prefix = actor.value.upper(), actor.value.lower(), like(actor.value.upper() + "%")
    return lambda v: (v[0] is not None and prefix(v[0])) or v[1] == code or v[2] == group


class EventIndex:
    """The events of a snapshot, ready to filter, sort and write (see the module doc)."""

    def __init__(self, snapshot: Snapshot) -> None:
        self.ids = np.array(_column(snapshot, "e.event_id"), np.int64)
        self.size = len(self.ids)
        self.by_id = np.argsort(self.ids)
        self.columns = {name: Column(_column(snapshot, sql)) for name, sql in FILTERED.items()}
        self.days = np.array(
            [np.nan if d is None else d.toordinal() for d in _column(snapshot, "e.event_date")]
        )
        """Event dates as day numbers, NaN for none: NaN compares false, as NULL in SQL."""
        self.actors = {
            role: Column(_rows(snapshot, f"e.{role}_code, e.{role}_country, e.{role}_group"))
            for role in ROLES
        }
        self.orders = {
            name: np.array(_column(snapshot, "e.rowid", order), np.int64)
            for name, order in SORTS.items()
        }
        self.text = Text([s or "" for s in _column(snapshot, "lower(e.sentence)")])
        rows = snapshot.cursor_rows(f"SELECT {SELECTED} FROM {SNAPSHOT_TABLE} e ORDER BY e.rowid")
        self.items = [to_json(event_item(dict(zip(COLUMNS, r, strict=True)))) for r in rows]
        self.mentions = _mentions(snapshot, self.ids)

    def page(
        self, query: EventQuery, *, sort: str = "-date", limit: int = 50, offset: int = 0
    ) -> tuple[int, bytes] | None:
        """The number of events of `query` and the JSON list of one page of them in the
        order `sort` (a key of SORTS), as list_events; None when only SQL can answer."""
        matches = self.matches(query)
        if matches is None:
            return None
        order = self.orders[sort]
        hits = np.flatnonzero(matches.take(order))
        rows = order.take(hits[offset : offset + limit]).tolist()
        return len(hits), b"[" + b",".join(self.items[row] for row in rows) + b"]"

    def event(self, event_id: int) -> dict[str, Any] | None:
        """The event with all its mentions, as analysis.event() writes it in JSON."""
        position = int(np.searchsorted(self.ids, event_id, sorter=self.by_id))
        if position == self.size or self.ids[self.by_id[position]] != event_id:
            return None
        row = self.by_id[position]
        return with_mentions(json.loads(self.items[row]), json.loads(self.mentions[row]))

    def matches(self, query: EventQuery) -> Mask | None:
        """Which events `query` selects; None when only SQL can say (a searched text that
        holds the separator)."""
        masks = [*self._actors(query), *self._attributes(query)]
        if query.text:
            found = self._containing(query.text)
            if found is None:
                return None
            masks.append(found)
        return reduce(operator.and_, masks, np.ones(self.size, bool))

    def _actors(self, query: EventQuery) -> Iterator[Mask]:
        if query.event_ids is not None:
            yield np.isin(self.ids, np.array(query.event_ids, np.int64))
        if query.actor:
            yield self._actor(query.actor, "source") | self._actor(query.actor, "target")
        for role, actor in zip(ROLES, (query.source, query.target), strict=True):
            if actor:
                yield self._actor(actor, role)
        if query.pair:
            a, b = query.pair
            forward = self._actor(a, "source") & self._actor(b, "target")
            backward = self._actor(b, "source") & self._actor(a, "target")
            yield forward if query.directed else forward | backward

    def _actor(self, actor: Actor, role: str) -> Mask:
        """Actor.match(role), on the events."""
        if actor.level is not None:
            return self.columns[f"{role}:{actor.level}"].where(equals(actor.value))
        return self.actors[role].where(matches_actor(actor))

    def _attributes(self, query: EventQuery) -> Iterator[Mask]:
        for name, test in _conditions(query):
            yield self.columns[name].where(test)
        if query.place:
            needle = query.place.lower()
            in_name = self.columns["place"].where(lambda name: needle in name)
            yield in_name | self.columns["location_country"].where(equals(query.place.upper()))
        if query.since:
            yield self.days >= query.since.toordinal()
        if query.until:
            yield self.days <= query.until.toordinal()

    def _containing(self, text: str) -> Mask | None:
        """Events whose lowered sentence contains `text` lowered (SQL: `lower(e.sentence)
        LIKE '%text%'`); None for a text holding the separator."""
        needle = text.lower().encode()
        if SEPARATOR in needle:
            return None
        mask = np.zeros(self.size, bool)
        mask[self.text.rows(needle)] = True
        return mask


class Text:
    """Strings joined by SEPARATOR as UTF-8 bytes, with the positions of every byte value
    (bytes match where characters do: UTF-8 never starts a character inside another).

    A search takes the positions of the needle's rarest byte and keeps those where the
    whole needle follows: work in proportion to that byte's count, not to the text.
    """

    def __init__(self, strings: list[str]) -> None:
        encoded = [s.encode() for s in strings]
        self.bytes = np.frombuffer(SEPARATOR.join(encoded), np.uint8)
        self.starts = np.cumsum([0] + [len(s) + 1 for s in encoded[:-1]])
        kind = np.int32 if len(self.bytes) < 2**31 else np.int64
        self.positions = np.argsort(self.bytes, kind="stable").astype(kind)
        """Positions in byte-value order; those of value v from bounds[v] to bounds[v + 1]."""
        self.bounds = np.concatenate([[0], np.cumsum(np.bincount(self.bytes, minlength=256))])

    def rows(self, needle: bytes) -> npt.NDArray[np.intp]:
        """The index of each string containing `needle` (once per match found)."""
        values = np.frombuffer(needle, np.uint8)
        rarest = int(np.argmin(self.bounds[values + 1] - self.bounds[values]))
        value = values[rarest]
        first = self.positions[self.bounds[value] : self.bounds[value + 1]]
        found = first.astype(np.int64) - rarest
        found = found[(found >= 0) & (found <= len(self.bytes) - len(values))]
        for offset, value in enumerate(values):
            found = found[self.bytes[found + offset] == value]
        return np.searchsorted(self.starts, found, side="right") - 1


def _conditions(query: EventQuery) -> Iterator[tuple[str, Test]]:
    """The column and test of each condition on one column."""
    if query.plover:
        yield "plover", equals(query.plover.upper())
    if query.cameo:
        yield "cameo", like(query.cameo + "%")
    if query.quad is not None:
        yield "quad_class", equals(query.quad)
    if query.modality:
        yield "modality", equals(query.modality)
    if query.negated is not None:
        yield "negated", equals(query.negated)
    if query.counted:
        yield "negated", operator.not_
        yield "modality", COUNTED_MODALITIES.__contains__


def _rows(snapshot: Snapshot, sql: str, order: str = "e.rowid") -> list[tuple[Any, ...]]:
    """A row per event, `sql` over the snapshot, in the order `order`."""
    return snapshot.rows(f"SELECT {sql} FROM {SNAPSHOT_TABLE} e ORDER BY {order}")


def _column(snapshot: Snapshot, sql: str, order: str = "e.rowid") -> list[Any]:
    """A value per event, `sql` over the snapshot, in the order `order`."""
    return [row[0] for row in _rows(snapshot, sql, order)]


def _mentions(snapshot: Snapshot, ids: npt.NDArray[np.int64]) -> list[bytes]:
    """Per event, the JSON list of its mentions (as analysis.event() lists them)."""
    rows = snapshot.cursor_rows(
        f"SELECT m.event_id, {MENTIONS} ORDER BY m.event_id, {MENTION_ORDER}"
    )
    found = {
        event_id: to_json([mention_item(row[1:]) for row in group])
        for event_id, group in groupby(rows, key=operator.itemgetter(0))
    }
    return [found.get(event_id, b"[]") for event_id in ids.tolist()]
