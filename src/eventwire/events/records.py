"""Event records: a reading of the text made into the output contract.

Date, place and casualties are read once per trigger (the directed pairs of one act share
them), the ontology fills the code's names and weights, and the id is stable across runs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from eventwire.actors.resolver import Mention
from eventwire.attributes import Casualties, Gazetteer, count_casualties, event_date
from eventwire.events.statements import Reading
from eventwire.models import Actor, DateBasis, Document, Event, Location, Trigger
from eventwire.ontology import CameoCode


@dataclass(slots=True)
class SentenceScope:
    """Per-sentence state shared by the events of one sentence."""

    sent: Span
    index: int
    mentions: dict[int, Mention]
    day: dt.date | None
    earlier: list[tuple[int, list[Actor]]]
    """(trigger index, source actors) of the events coded so far, for pronouns."""
    story: int = 0
    people: dict[str, Actor] = field(default_factory=dict)
    """Surname -> actor of people named in full earlier in the document and not in the
    knowledge base ("Kazem Jalali, Iran's envoy, ..." then "Jalali said")."""
    attributes: dict[tuple[int, bool, tuple[str, ...]], Attributes] = field(default_factory=dict)
    """Date, place and casualties by trigger: the pairs of one act share them."""
    when: dt.date | None = None
    """The day the sentence's main clause happens on, when it says so ("in October
    2021"): people are coded by the office they held then, not at publication."""
    dyads: list[list[Actor]] = field(default_factory=list)
    """The source and target of each act so far in the story, for "the two sides"."""
    outlet: str | None = None
    """The agency named in the dateline of the story, if any."""
    dateline: Location | None = None
    """The place of the story's dateline, where its events are when they name none."""
    story_countries: Counter[str] = field(default_factory=Counter)
    """How often each country was named in the story before this sentence, for the
    country of unnamed people when nothing nearer gives one."""
    quoted: tuple[Token, dict[int, Mention]] | None = None
    """The verb of saying of a quotation of several sentences that holds this one, with
    the names found in the verb's own sentence."""


@dataclass(frozen=True, slots=True)
class Attributes:
    date: str | None
    date_basis: DateBasis
    location: Location | None
    location_rule: str | None
    """The rule of `places.LOCATE_RULES` that found the place, or "dateline"."""
    casualties: Casualties


class RecordBuilder:
    """Makes Event records; holds what every record needs from outside the sentence."""

    def __init__(self, ontology: dict[str, CameoCode], gazetteer: Gazetteer) -> None:
        self.ontology = ontology
        self.gazetteer = gazetteer

    def attributes(self, reading: Reading, scope: SentenceScope) -> Attributes:
        """When, where and how many, once per trigger and tense and dyad countries."""
        planned = reading.context.modality == "planned"
        actors = (reading.source, reading.target)
        countries = tuple(sorted({a.country for a in actors if a is not None and a.country}))
        key = (reading.trigger.i, planned, countries)
        if key not in scope.attributes:
            date, basis = event_date(reading.trigger, scope.day, planned=planned)
            location, rule = self.gazetteer.locate_with_rule(
                reading.trigger, countries=countries, dateline=scope.dateline
            )
            casualties = count_casualties(reading.trigger)
            scope.attributes[key] = Attributes(date, basis, location, rule, casualties)
        return scope.attributes[key]

    def build(self, reading: Reading, scope: SentenceScope, document: Document) -> Event:
        entry = self.ontology[reading.code]
        trigger, context = reading.trigger, reading.context
        attributes = self.attributes(reading, scope)
        source, target = reading.source, reading.target
        casualties = attributes.casualties
        return Event(
            event_id=_event_id(document.id, scope.index, trigger.idx, reading),
            doc_id=document.id,
            sentence_index=scope.index,
            sentence=scope.sent.text,
            sentence_span=(scope.sent.start_char, scope.sent.end_char),
            source=source,
            target=target,
            cameo=reading.code,
            cameo_root=entry.root,
            cameo_name=entry.name,
            plover=entry.plover,
            plover_mode=entry.plover_mode,
            quad_class=entry.quad_class,
            goldstein=entry.goldstein,
            negated=context.negated,
            modality=context.modality,
            speaker=context.speaker,
            reported_by=context.reported_by or scope.outlet,
            date=attributes.date,
            date_basis=attributes.date_basis,
            location=attributes.location,
            killed=casualties.killed,
            injured=casualties.injured,
            arrested=casualties.arrested,
            trigger=Trigger(trigger.text, trigger.idx, trigger.idx + len(trigger.text)),
            confidence=_confidence(reading),
            intended_cameo=reading.intended,
            intended_plover=self.ontology[reading.intended].plover if reading.intended else None,
            story_index=scope.story,
            debug={
                "pattern": reading.origin,
                "source_reason": source.reason if source else None,
                "target_reason": target.reason if target else None,
                "location_rule": attributes.location_rule,
                "casualty_phrases": casualties.phrases,
            },
        )


def _confidence(reading: Reading) -> float:
    """A rough 0..1 score: verbs with both actors named are the surest readings."""
    score = 0.9 if reading.pos == "verb" else 0.75
    score -= 0.15 if reading.source is None else 0.0
    score -= 0.1 if reading.target is None else 0.0
    score -= 0.1 if reading.context.modality == "hypothetical" else 0.0
    return round(score, 2)


def _event_id(doc_id: str, sentence: int, offset: int, reading: Reading) -> str:
    """Stable across runs: document, sentence, trigger offset, code and the dyad."""
    dyad = [(a.code or "") if a else "" for a in (reading.source, reading.target)]
    key = "|".join([doc_id, str(sentence), str(offset), reading.code, *dyad])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
