"""Scoring against sentences whose event trigger and place were marked by hand.

Each record is `{"id", "text", "event_verbs": [{"start", "end", "text"}],
"event_locations": [{"start", "end", "text"}], "no_location": bool, "date"?}`: one event a
research assistant found in a real news sentence, with the places where it happened. The
report gives the share of sentences with any event, the share with an event at the marked
trigger (the spans overlap), and of those, the share placed right: the event's place is
one of the marked ones, or there is none when the record says `no_location`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.attributes import Gazetteer
from eventwire.attributes.places import WORDS as PLACE_WORDS
from eventwire.evaluation.gold import gold_date, json_lines
from eventwire.models import BadRecord, Document, Event, Location
from eventwire.pipeline import code_documents
from eventwire.settings import Settings

SAMPLE_MISSES = 25


@dataclass(frozen=True, slots=True)
class Marked:
    """What the annotators marked in one sentence."""

    triggers: tuple[tuple[int, int], ...]
    places: tuple[str, ...]
    no_location: bool


@dataclass(slots=True)
class TriggerReport:
    records: int = 0
    with_event: int = 0
    at_trigger: int = 0
    placed_right: int = 0
    missed: list[str] = field(default_factory=list)
    """`id: sentence [trigger]` of records with no event at the marked trigger."""
    misplaced: list[str] = field(default_factory=list)
    """`id: coded place -> marked places` of events at the trigger placed wrong."""
    bad: list[BadRecord] = field(default_factory=list)

    def share(self, count: int, of: int | None = None) -> float:
        total = self.records if of is None else of
        return count / total if total else 0.0


def read_marked(
    path: Path, *, lower: bool = False
) -> Iterator[tuple[Document, Marked] | BadRecord]:
    """The records of a marked-trigger file; `lower` lower-cases each text, as many
    news archives deliver it."""
    for origin, line in json_lines(path):
        try:
            record = json.loads(line)
            text = record["text"]
            marked = Marked(
                triggers=tuple((int(v["start"]), int(v["end"])) for v in record["event_verbs"]),
                places=tuple(str(p["text"]) for p in record.get("event_locations") or []),
                no_location=bool(record.get("no_location")),
            )
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            yield BadRecord(origin, f"not a marked-trigger record: {exc}")
            continue
        document = Document(
            id=str(record.get("id", origin)),
            text=text.lower() if lower else text,
            date=gold_date(record.get("date")),
            origin=origin,
        )
        yield document, marked


def overlaps(event: Event, spans: Iterable[tuple[int, int]]) -> bool:
    return any(event.trigger.start < end and start < event.trigger.end for start, end in spans)


def placed_right(event: Event, marked: Marked, gazetteer: Gazetteer) -> bool:
    """The event's place names a marked place (the same words, one inside the other, or
    the same gazetteer entry), or neither gives a place."""
    if event.location is None or not marked.places:
        return event.location is None and (marked.no_location or not marked.places)
    name = event.location.name.lower()
    for place in marked.places:
        words = place.lower().removeprefix("the ")
        if words and (words in name or name in words):
            return True
        found = gazetteer.lookup(place) or gazetteer.lookup(without_place_word(place))
        if found is not None and same_place(found, event.location):
            return True
    return False


def same_place(one: Location, other: Location) -> bool:
    """The same gazetteer entry: by GeoNames id, or by name and country for our own
    regions, which have no id (two of them are not the same for lacking one)."""
    if one.geonameid is not None:
        return one.geonameid == other.geonameid
    return (one.name, one.country) == (other.name, other.country)


def without_place_word(name: str) -> str:
    """ "Deir Ezzor Governorate" -> "Deir Ezzor": the coder looks names up the same way."""
    words = name.split()
    if len(words) > 1 and words[-1].lower() in PLACE_WORDS.right_extensions:
        return " ".join(words[:-1])
    return name


def score_marked(
    report: TriggerReport,
    document: Document,
    marked: Marked,
    events: list[Event],
    gazetteer: Gazetteer,
) -> None:
    """Add one sentence to the report."""
    report.records += 1
    report.with_event += bool(events)
    at_trigger = [e for e in events if overlaps(e, marked.triggers)]
    if not at_trigger:
        words = ", ".join(document.text[s:e] for s, e in marked.triggers)
        report.missed.append(f"{document.id}: {document.text.strip()} [{words}]")
        return
    report.at_trigger += 1
    if any(placed_right(e, marked, gazetteer) for e in at_trigger):
        report.placed_right += 1
        return
    coded = at_trigger[0].location.name if at_trigger[0].location else "none"
    wanted = " | ".join(marked.places) or "none"
    report.misplaced.append(f"{document.id}: {coded} -> {wanted}: {document.text.strip()}")


def evaluate_triggers(
    path: Path, *, settings: Settings | None = None, lower: bool = False
) -> TriggerReport:
    """Code every sentence of a marked-trigger file and score what was found."""
    report = TriggerReport()
    marks: list[tuple[Document, Marked]] = []
    for item in read_marked(path, lower=lower):
        if isinstance(item, BadRecord):
            report.bad.append(item)
        else:
            marks.append(item)
    gazetteer = Gazetteer.load()
    documents = (document for document, _ in marks)
    for (document, marked), coded in zip(
        marks, code_documents(documents, settings=settings), strict=True
    ):
        score_marked(report, document, marked, coded.events, gazetteer)
    return report
