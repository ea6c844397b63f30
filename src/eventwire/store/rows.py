"""Flatten coded events into mention rows and actor rows (the store's column layout)."""

from __future__ import annotations

from typing import Any

from eventwire.models import Actor, Event

ACTOR_FIELDS = ("text", "name", "code", "country", "sector", "group", "id")
ACTOR_ROLES = ("source", "target", "speaker")


def actor_columns(role: str, actor: Actor | None) -> dict[str, Any]:
    return {f"{role}_{name}": getattr(actor, name) if actor else None for name in ACTOR_FIELDS}


def mention_row(doc_key: str, event: Event, event_id: int) -> dict[str, Any]:
    """One row of `mentions`: every contract field of the coded event, flattened."""
    location = event.location
    row: dict[str, Any] = {
        "doc_key": doc_key,
        "mention_id": event.event_id,
        "event_id": event_id,
        "doc_id": event.doc_id,
        "story_index": event.story_index,
        "sentence_index": event.sentence_index,
        "sentence": event.sentence,
        "sentence_start": event.sentence_span[0],
        "sentence_end": event.sentence_span[1],
    }
    row |= actor_columns("source", event.source) | actor_columns("target", event.target)
    row |= {
        "cameo": event.cameo,
        "cameo_root": event.cameo_root,
        "cameo_name": event.cameo_name,
        "plover": event.plover,
        "plover_mode": event.plover_mode,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "negated": event.negated,
        "modality": event.modality,
    }
    row |= actor_columns("speaker", event.speaker)
    row |= {
        "reported_by": event.reported_by,
        "date": event.date,
        "date_basis": event.date_basis,
        "location_name": location.name if location else None,
        "location_country": location.country if location else None,
        "location_lat": location.lat if location else None,
        "location_lon": location.lon if location else None,
        "location_geonameid": location.geonameid if location else None,
        "killed": event.killed,
        "injured": event.injured,
        "arrested": event.arrested,
        "trigger_text": event.trigger.text,
        "trigger_start": event.trigger.start,
        "trigger_end": event.trigger.end,
        "confidence": event.confidence,
    }
    return row


def actor_rows(event: Event) -> list[tuple[Any, ...]]:
    """(actor_key, code, name, country, sector, group_id, kb_id) for each resolved actor."""
    rows = []
    for role in ACTOR_ROLES:
        actor: Actor | None = getattr(event, role)
        key = actor and (actor.id or actor.code or actor.name)
        if actor and key:
            rows.append(
                (key, actor.code, actor.name, actor.country, actor.sector, actor.group, actor.id)
            )
    return rows
