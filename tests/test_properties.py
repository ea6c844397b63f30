"""Properties that hold for any input (hypothesis, few and derandomised examples, so CI is quick).

Any Unicode text, on any publication day from year 1 to 9999, codes without an exception;
events point inside their sentence, their dates are real dates or null and their codes
are in the ontology. The date, place and actor resolvers never fail on any text either.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.models import Event

pytestmark = pytest.mark.model

WORDS = (
    "Iran Russia Israel Hamas NATO the army police minister met attacked signed accused "
    "did not will sanctions talks in Tehran Moscow Gaza yesterday last week on Monday "
    "2024 March killed 12 people said according to , . ; \n"
).split(" ")
PROPERTY_SETTINGS = settings(
    max_examples=40,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TEXT = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join),
)
DAYS = st.one_of(st.none(), st.dates().map(dt.date.isoformat))
DATE_VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@pytest.fixture(scope="module")
def ontology() -> dict[str, Any]:
    from eventwire.ontology import load_ontology

    return load_ontology()


def valid_date(value: str | None) -> bool:
    if value is None:
        return True
    if not DATE_VALUE.match(value) or value.startswith("0000"):
        return False
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        dt.date(*parts[:3])
    except ValueError:
        return False
    return True


def check_event(event: Event, text: str, ontology: dict[str, Any]) -> None:
    start, end = event.sentence_span
    assert 0 <= start <= end <= len(text) and text[start:end] == event.sentence
    assert start <= event.trigger.start < event.trigger.end <= end
    assert text[event.trigger.start : event.trigger.end] == event.trigger.text
    assert valid_date(event.date), event.date
    assert event.cameo in ontology and event.cameo_root == event.cameo[:2]
    assert event.quad_class in (1, 2, 3, 4) and -10 <= event.goldstein <= 10


@PROPERTY_SETTINGS
@given(text=TEXT, day=DAYS)
def test_properties_any_text_codes(text: str, day: str | None, ontology: dict[str, Any]) -> None:
    from eventwire.pipeline import code_text

    for event in code_text(text, date=day):
        check_event(event, text, ontology)


@PROPERTY_SETTINGS
@given(text=TEXT, day=st.one_of(st.none(), st.dates()), future=st.booleans())
def test_properties_date_resolver(text: str, day: dt.date | None, future: bool) -> None:
    from eventwire.attributes.date_rules import Context, resolve

    resolved = resolve(text, Context(day, future))
    assert resolved is None or valid_date(resolved.value), resolved


@PROPERTY_SETTINGS
@given(name=TEXT, countries=st.lists(st.sampled_from(["IRN", "RUS", "ISR", "XXX", ""])))
def test_properties_place_lookup(name: str, countries: list[str]) -> None:
    from eventwire.attributes import Gazetteer

    place = Gazetteer.load().lookup(name, countries=countries)
    if place is not None:
        assert place.name and (place.lat is None or -90 <= place.lat <= 90)
        assert place.country is None or re.fullmatch(r"[A-Z]{3}", place.country)


@PROPERTY_SETTINGS
@given(mention=TEXT, day=st.one_of(st.none(), st.dates()), context=st.one_of(st.none(), TEXT))
def test_properties_actor_resolver(mention: str, day: dt.date | None, context: str | None) -> None:
    from eventwire.actors.lookup import load_resolver, resolve_mention
    from eventwire.settings import DEFAULT_MODEL

    resolver, nlp = load_resolver(DEFAULT_MODEL)
    actor = resolve_mention(mention, date=day, context=context, resolver=resolver, nlp=nlp)
    if actor is not None and actor.code is not None:
        assert re.fullmatch(r"[A-Z0-9-]{3,}", actor.code), actor
