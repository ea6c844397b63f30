"""The rule that makes several mentions one real-world event (documented in docs/STORE.md).

Two mentions report the same event when they have the same source actor (country and
sector), the same target actor, the same CAMEO root, the same polarity (negated) and
modality, dates at most `window_days` apart, and compatible places (the same country, or
one of them unknown). An actor without a country (IGOs, regions, armed groups with no home)
is identified by its code instead.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from eventwire.models import Actor, Event


@dataclass(frozen=True, slots=True)
class DedupKey:
    """The part of a mention that must match exactly, plus its day and place country."""

    cameo_root: str
    source_country: str | None
    source_sector: str | None
    target_country: str | None
    target_sector: str | None
    negated: bool
    modality: str
    day: dt.date | None
    location_country: str | None


@dataclass(frozen=True, slots=True)
class Candidate:
    event_id: int
    day: dt.date | None
    location_country: str | None


def actor_identity(actor: Actor | None) -> tuple[str | None, str | None]:
    """(country or code, sector): who the actor is, for matching."""
    if actor is None:
        return None, None
    return actor.country or actor.code, actor.sector


def mention_day(event: Event, publication_date: str | None) -> dt.date | None:
    """The event's own day when the coder found one, else the publication day."""
    for value in (event.date, publication_date):
        if value and len(value) == 10:
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                continue
    return None


def dedup_key(event: Event, publication_date: str | None) -> DedupKey:
    source_country, source_sector = actor_identity(event.source)
    target_country, target_sector = actor_identity(event.target)
    return DedupKey(
        cameo_root=event.cameo_root,
        source_country=source_country,
        source_sector=source_sector,
        target_country=target_country,
        target_sector=target_sector,
        negated=event.negated,
        modality=event.modality,
        day=mention_day(event, publication_date),
        location_country=event.location.country if event.location else None,
    )


def places_compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def best_candidate(key: DedupKey, candidates: list[Candidate]) -> int | None:
    """The compatible event closest in time (then the oldest id), or None for a new event."""
    compatible = [
        c for c in candidates if places_compatible(c.location_country, key.location_country)
    ]
    if not compatible:
        return None

    def distance(c: Candidate) -> tuple[int, int]:
        days = abs((c.day - key.day).days) if c.day and key.day else 0
        return days, c.event_id

    return min(compatible, key=distance).event_id


def window(key: DedupKey, days: int) -> tuple[dt.date, dt.date] | None:
    if key.day is None:
        return None
    return shifted(key.day, -days), shifted(key.day, days)


def shifted(day: dt.date, days: int) -> dt.date:
    """`day` moved by `days`, stopping at year 1 or 9999 instead of overflowing."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min
