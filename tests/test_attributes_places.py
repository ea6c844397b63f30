"""Event locations: the gazetteer index, and the place attached to the trigger."""

from __future__ import annotations

import pytest

from eventwire.attributes import Gazetteer
from eventwire.attributes.gazetteer_data import name_key, read_places
from eventwire.errors import DataFileError
from eventwire.models import Location
from test_attributes_support import seed_trigger, trigger_in

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


LOOKUPS = [
    ("Tehran", (), "Tehran", "IRN"),
    ("Teheran", (), "Tehran", "IRN"),
    ("Kiev", (), "Kyiv", "UKR"),
    ("Gaza", (), "Gaza Strip", "PSE"),
    ("the West Bank", (), "West Bank", "PSE"),
    ("Britain", (), "United Kingdom", "GBR"),
    ("UAE", (), "United Arab Emirates", "ARE"),
    ("Lebanon", ("USA",), "Lebanon", "LBN"),
    ("Tripoli", (), "Tripoli", "LBY"),
    ("Tripoli", ("LBN",), "Tripoli", "LBN"),
    ("Nagorno Karabakh", (), "Nagorno-Karabakh", "AZE"),
    ("Strait of Hormuz", (), "Strait of Hormuz", None),
    ("Donbass", (), "Donbas", "UKR"),
]


@pytest.mark.parametrize(("name", "countries", "expected", "country"), LOOKUPS)
def test_attributes_places_lookup(gazetteer, name, countries, expected, country) -> None:
    found = gazetteer.lookup(name, countries=countries)
    assert found is not None, name
    assert (found.name, found.country) == (expected, country)


def test_attributes_places_lookup_unknown_name(gazetteer) -> None:
    assert gazetteer.lookup("Hezbollah") is None
    assert gazetteer.lookup("") is None


def test_attributes_places_countries_have_iso3_and_a_point(gazetteer) -> None:
    iran = gazetteer.lookup("Iran")
    assert iran is not None and iran.country == "IRN" and iran.geonameid is not None
    assert iran.lat is not None and 25 < iran.lat < 40
    assert iran.lon is not None and 44 < iran.lon < 63


def test_attributes_places_table_rows_have_no_geonameid(gazetteer) -> None:
    red_sea = gazetteer.lookup("Red Sea")
    assert red_sea == Location("Red Sea", None, 20.0, 38.5, None)


def test_attributes_places_load_is_cached() -> None:
    assert Gazetteer.load() is Gazetteer.load()


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("The Gaza Strip", "gaza strip"),
        ("Nagorno-Karabakh", "nagorno karabakh"),
        ("Russia's", "russia"),
    ],
)
def test_attributes_places_name_key(name, key) -> None:
    assert name_key(name) == key


LOCATIONS = [
    # a locative phrase governed by the trigger or its clause
    ("An airstrike in Beirut killed a commander.", "airstrike", "Beirut", "LBN"),
    ("Police arrested two journalists in Minsk.", "arrested", "Minsk", "BLR"),
    ("The envoys held talks in Doha on Sunday.", "talks", "Doha", "QAT"),
    ("Sailors were rescued off Hodeidah after the attack.", "rescued", "Hodeidah", "YEM"),
    ("A drone was shot down over the Black Sea.", "shot", "Black Sea", None),
    ("Gunmen opened fire near Peshawar.", "opened", "Peshawar", "PAK"),
    ("The tanker was boarded in the Strait of Hormuz.", "boarded", "Strait of Hormuz", None),
    # nested phrases and place words
    ("The general died in a blast at a checkpoint in Aleppo.", "died", "Aleppo", "SYR"),
    ("Artillery damaged homes in the southern city of Mykolaiv.", "damaged", "Mykolayiv", "UKR"),
    ("Troops pushed forward in Russia's Belgorod region.", "pushed", "Belgorod region", "RUS"),
    ("Israeli jets struck targets in southern Lebanon.", "struck", "South Lebanon", "LBN"),
    ("Soldiers raided homes in Khan Yunis at dawn.", "raided", "Khan Younis", "PSE"),
    # a place word qualifying a nominal trigger, but not a country (that is an actor)
    ("The Kabul bombing drew condemnation.", "bombing", "Kabul", "AFG"),
    # elsewhere in the event's clause, after a locative preposition
    ("Rebels attacked the base, the main army post in Idlib.", "attacked", "Idlib province", "SYR"),
]


@pytest.mark.parametrize(("sentence", "word", "name", "country"), LOCATIONS)
def test_attributes_places_locate(gazetteer, nlp, sentence, word, name, country) -> None:
    found = gazetteer.locate(trigger_in(nlp, sentence, word))
    assert found is not None, sentence
    assert (found.name, found.country) == (name, country)


NO_LOCATION = [
    ("Iran attacked Israel.", "attacked"),  # both are actors
    ("Russia struck Kyiv with missiles.", "struck"),  # Kyiv is the target
    ("US sanctions hit Venezuelan banks.", "sanctions"),  # a country qualifier is an actor
    ("The minister praised the Police for their work.", "praised"),  # a common word
    ("Talks were held at the White House.", "held"),  # no city is called "White House"
    ("The summit ended without a deal.", "ended"),
    ("Officials in Damascus said rebels attacked a base.", "attacked"),  # another clause
]


@pytest.mark.parametrize(("sentence", "word"), NO_LOCATION)
def test_attributes_places_no_location(gazetteer, nlp, sentence, word) -> None:
    assert gazetteer.locate(trigger_in(nlp, sentence, word)) is None


def test_attributes_places_story_countries_break_ties(gazetteer, nlp) -> None:
    trigger = trigger_in(nlp, "Clashes erupted in Tripoli overnight.", "Clashes")
    libya = gazetteer.locate(trigger)
    lebanon = gazetteer.locate(trigger, countries=("LBN",))
    assert (libya and libya.country, lebanon and lebanon.country) == ("LBY", "LBN")


@pytest.mark.parametrize(
    ("phrase", "word", "name", "country"),
    [
        ("scheduled to hold talks in Russia", "talks", "Russia", "RUS"),
        ("bombing of his guesthouse in Tehran", "killed", "Tehran", "IRN"),
    ],
)
def test_attributes_places_seed_documents(gazetteer, nlp, seeds, phrase, word, name, country):
    trigger, _ = seed_trigger(nlp, seeds, phrase, word)
    found = gazetteer.locate(trigger)
    assert found is not None and (found.name, found.country) == (name, country)


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("Red Sea,,XX,20.0,38.5,sea", "not an ISO alpha-3 code"),
        ("Red Sea,,,north,38.5,sea", "lat/lon must be numbers"),
        ("Red Sea,,,95.0,38.5,sea", "out of range"),
        (",,,20.0,38.5,sea", "name column is empty"),
    ],
)
def test_attributes_places_table_errors_name_file_and_line(tmp_path, row, problem) -> None:
    path = tmp_path / "places.csv"
    path.write_text(f"name,aliases,country,lat,lon,kind\n{row}\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=problem) as caught:
        list(read_places(path))
    assert caught.value.line == 2 and caught.value.path == str(path)
