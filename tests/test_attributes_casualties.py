"""Casualty counts: numbers attached to killing, injuring and arresting words."""

from __future__ import annotations

import pytest

from eventwire.attributes import Casualties, count_casualties
from eventwire.attributes.numbers import VAGUE, parse_count
from test_attributes_support import seed_trigger, trigger_in

COUNTS = [
    # (sentence, trigger word, killed, injured, arrested)
    ("Mortar fire killed at least 14 people in the market.", "fire", 14, None, None),
    ("More than 300 people were killed in the floods.", "killed", 300, None, None),
    ("Over 40 civilians killed in the raid were buried on Friday.", "raid", 40, None, None),
    ("Five policemen were killed and eight were wounded in the ambush.", "ambush", 5, 8, None),
    ("The gunmen shot dead two guards, wounding 9.", "shot", 2, 9, None),
    ("Three smugglers were shot dead at the border.", "shot", 3, None, None),
    ("The raid, which killed 11 people, was condemned.", "raid", 11, None, None),
    ("The car bomb left 6 dead and 31 wounded.", "bomb", 6, 31, None),
    ("Security forces detained 27 students at the rally.", "detained", None, None, 27),
    ("A dozen activists were arrested outside the court.", "arrested", None, None, 12),
    ("Two dozen fighters died in the clashes.", "clashes", 24, None, None),
    ("The shelling killed four soldiers and three civilians.", "shelling", 7, None, None),
    ("Police arrested more than 1,500 protesters.", "arrested", None, None, 1500),
    ("The death toll from the landslide rose to 62.", "landslide", 62, None, None),
    ("Nobody was hurt in the attack.", "attack", None, 0, None),
    ("Twenty-three people died after the strike.", "strike", 23, None, None),
    # no count stated, or numbers that count no victims
    ("Two gunmen killed the mayor.", "killed", None, None, None),
    ("Russia launched 120 drones at Ukraine overnight.", "launched", None, None, None),
    ("The court handed the activist a ten-year term.", "handed", None, None, None),
    ("The bombing in 2016 killed many people.", "bombing", None, None, None),
    ("The army fired 40 rockets at the town.", "fired", None, None, None),
]


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "word", "killed", "injured", "arrested"), COUNTS)
def test_attributes_casualties_counts(nlp, sentence, word, killed, injured, arrested) -> None:
    found = count_casualties(trigger_in(nlp, sentence, word))
    assert (found.killed, found.injured, found.arrested) == (killed, injured, arrested)


VAGUE_COUNTS = [
    ("Soldiers injured dozens of protesters.", "injured", "injured", "dozens"),
    ("Hundreds were detained after the march.", "detained", "arrested", "Hundreds"),
    ("The blast left scores wounded.", "blast", "injured", "scores"),
]


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "word", "category", "phrase"), VAGUE_COUNTS)
def test_attributes_casualties_vague_count_keeps_phrase(nlp, sentence, word, category, phrase):
    found = count_casualties(trigger_in(nlp, sentence, word))
    assert getattr(found, category) is None
    assert found.phrases[category] == phrase


@pytest.mark.model
def test_attributes_casualties_phrase_of_numeric_count(nlp) -> None:
    found = count_casualties(trigger_in(nlp, "Rockets killed at least 9 people.", "Rockets"))
    assert found == Casualties(killed=9, phrases={"killed": "at least 9 people"})


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("at least 70", 70),
        ("a dozen", 12),
        ("two dozen", 24),
        ("1,200", 1200),
        ("twenty-five", 25),
        ("two hundred and fifty", 250),
        ("1.5 million", 1_500_000),
        ("no", 0),
        ("hundreds", VAGUE),
        ("people", None),
    ],
)
def test_attributes_casualties_parse_count(words, expected) -> None:
    assert parse_count(words.split()) == expected


@pytest.mark.model
def test_attributes_casualties_seed_documents(nlp, seeds) -> None:
    trigger, _ = seed_trigger(nlp, seeds, "killed at least 70 people in the enclave", "airstrikes")
    found = count_casualties(trigger)
    assert (found.killed, found.injured, found.arrested) == (70, None, None)
