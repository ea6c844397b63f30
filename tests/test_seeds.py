"""The events an analyst expects from the seed documents in ../shared/dev/seeds.

The seed texts are read at test time (never copied here); each case names a short phrase
that picks the sentence, and the events that sentence must give.
"""

from __future__ import annotations

import pytest

from eventwire.models import Document, Event
from eventwire.pipeline import code_documents

pytestmark = pytest.mark.model

DIGEST = "000_b0d5a201b81589cc.txt"
ESSAY = "003_d20c0770b723ed39.txt"


@pytest.fixture(scope="module")
def seed_events(seeds: dict[str, tuple[str, str]]) -> dict[str, list[Event]]:
    documents = [Document(id=name, text=text, date=date) for name, (text, date) in seeds.items()]
    return {coded.document.id: coded.events for coded in code_documents(documents)}


def events_in(seed_events: dict[str, list[Event]], name: str, phrase: str) -> list[Event]:
    found = [e for e in seed_events[name] if phrase in e.sentence]
    assert found, f"no event coded in the sentence with {phrase!r}"
    return found


def directed(events: list[Event], plover: str) -> set[tuple[str, str]]:
    return {
        (e.source.code or "", e.target.code or "")
        for e in events
        if e.plover == plover and e.source and e.target
    }


def test_seeds_planned_summit_is_the_intent_to_meet_both_ways(seed_events) -> None:
    events = events_in(seed_events, DIGEST, "scheduled to hold talks")
    meet = [e for e in events if e.intended_plover == "CONSULT"]
    assert {("RUSGOV", "IRNGOV"), ("IRNGOV", "RUSGOV")} <= directed(meet, "AGREE")
    assert all(e.modality == "planned" and e.cameo == "036" for e in meet)


def test_seeds_planned_signing_is_agree(seed_events) -> None:
    events = events_in(seed_events, DIGEST, "scheduled to hold talks")
    agree = [e for e in events if e.plover == "AGREE"]
    assert agree and all(e.modality == "planned" for e in agree)


def test_seeds_airstrikes_are_an_israeli_assault(seed_events) -> None:
    events = events_in(seed_events, DIGEST, "killed at least 70 people")
    assault = [e for e in events if e.plover == "ASSAULT"]
    assert assault and assault[0].source.country == "ISR"


def test_seeds_denial_of_involvement_is_negated(seed_events) -> None:
    events = events_in(seed_events, DIGEST, "is not involved in or supporting")
    assert any(e.negated for e in events)


def test_seeds_essay_codes_events(seed_events) -> None:
    assert len(seed_events[ESSAY]) >= 10


def test_seeds_digest_is_split_into_stories(seed_events) -> None:
    summit = events_in(seed_events, DIGEST, "scheduled to hold talks")[0]
    houthis = events_in(seed_events, DIGEST, "is not involved in or supporting")[0]
    assert houthis.story_index > summit.story_index


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("Vladimir Putin meets", "RUSGOV"),
        ("Pezeshkian are scheduled", "IRNGOV"),
        ("Netanyahu accused Hamas", "ISRGOV"),
        ("Amir Saeed Iravani criticized", "IRNGOV"),
    ],
)
def test_seeds_people_resolve_by_office(seed_events, phrase: str, code: str) -> None:
    events = events_in(seed_events, DIGEST, phrase)
    assert code in {e.source.code for e in events if e.source}


def test_seeds_outlet_is_reported_by_not_an_actor(seed_events) -> None:
    events = events_in(seed_events, DIGEST, "according to Reuters")
    assert all(e.reported_by == "Reuters" for e in events)
    assert all("Reuters" not in (e.source.name or "") for e in events if e.source)


@pytest.fixture(scope="module")
def seed_actors(seed_events) -> dict[str, set[str]]:
    """Every actor named in a coded event of the seeds (source, target or speaker)."""
    found: dict[str, set[str]] = {}
    for events in seed_events.values():
        for event in events:
            for actor in (event.source, event.target, event.speaker):
                if actor is not None and actor.name:
                    found.setdefault(actor.name, set()).add(actor.code or "")
    return found


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Vladimir Putin", "RUSGOV"),
        ("Masoud Pezeshkian", "IRNGOV"),
        ("Kazem Jalali", "IRNGOV"),
        ("Ali Khamenei", "IRNGOV"),
        ("Benjamin Netanyahu", "ISRGOV"),
        ("Islamic Revolutionary Guard Corps", "IRNMIL"),
        ("Hezbollah", "LBNREB"),
        ("Houthis", "YEMREB"),
        ("Hamas", "PSEREB"),
        ("VTB", "RUSBUS"),
        ("Amir Saeid Iravani", "IRNGOV"),
        ("Mohammad Bagher Ghalibaf", "IRNLEG"),
        ("Central Bank of Iran", "IRNGOV"),
    ],
)
def test_seeds_actor_fields_are_filled(seed_actors, name: str, code: str) -> None:
    assert code in seed_actors.get(name, set()), sorted(seed_actors)


def test_seeds_tass_is_reported_by(seed_events) -> None:
    assert any(e.reported_by == "TASS" for e in seed_events[DIGEST])
