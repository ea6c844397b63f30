"""One act told twice in a sentence is one event: a participle of harm whose victims the
act takes or already names, and an event noun with no doer that refers back to an act
of the same root (`events/statements.py`)."""

from __future__ import annotations

import pytest

from eventwire.pipeline import code_text
from test_coder_recall import DATE, describe

pytestmark = pytest.mark.model


def triggers(text: str) -> list[str]:
    return [e.trigger.text for e in code_text(text, date=DATE)]


@pytest.mark.parametrize(
    ("text", "act", "expected"),
    [
        # the victims of a participle joined to the first go to the act too
        (
            "Russian forces shelled the city of Kharkiv, damaging homes and wounding 11 civilians.",
            "shelled",
            "RUSMIL>UKRCVL:194",
        ),
        # no one named for the participle: the bomb's attackers did it
        (
            "A car bomb exploded near a police station in Diyarbakir, killing three officers "
            "and wounding 30 people.",
            "exploded",
            "TURUAF>TURCVL:1832",
        ),
    ],
)
def test_statements_joined_participles_give_their_victims_to_the_act(
    text: str, act: str, expected: str
) -> None:
    events = {e.trigger.text: describe(e).split("/")[0] for e in code_text(text, date=DATE)}
    assert "wounding" not in events and events[act] == expected, events


def test_statements_participle_restating_the_victims_is_no_second_event() -> None:
    text = "Maoist rebels blew up a police vehicle in Dantewada, killing eight policemen."
    assert triggers(text) == ["blew"]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # victims of another country than the act's target: an event of their own
        ("Militants attacked the French embassy in Ouagadougou, killing two Burkinabe guards.",
         "killing"),
        # an act of another kind than harm, on the act's victims: an event of its own
        ("French police carried out raids on suspected Islamist militants, detaining 23 people.",
         "detaining"),
        # no victims named: annotators mark the participle as an event
        ("Israeli troops opened fire in Gaza, wounding several.", "wounding"),
    ],
)  # fmt: skip
def test_statements_participle_with_other_or_no_victims_stays(text: str, kept: str) -> None:
    assert kept in triggers(text)


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("Gunmen killed 12 worshippers in an attack on a mosque in Burkina Faso.", "attack"),
        (
            "Armenian and Azerbaijani forces clashed along their border, with each side "
            "accusing the other of starting the fighting.",
            "fighting",
        ),
    ],
)
def test_statements_noun_without_doer_refers_back_to_the_act(text: str, noun: str) -> None:
    found = triggers(text)
    assert found and noun not in found, found


def test_statements_noun_of_another_act_stays() -> None:
    """ "Riots" (145) is no act the arrests (17) told: it stays, with its place."""
    text = "Police arrested 40 people in Nairobi as riots spread across the city."
    assert "riots" in triggers(text)


def test_statements_passing_mention_takes_no_place_as_target() -> None:
    """An act no one is named doing, mentioned in passing ("after violent protests"), is
    no event, even with a place; harm it caused tells it ("died in clashes in Tripoli")."""
    text = "Police in Chile detained 200 people after violent protests in Santiago."
    assert triggers(text) == ["detained"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # another root, no target of its own: still an act of the shared subject
        ("Pakistan expelled India's envoy and suspended bilateral trade.",
         ["expelled", "suspended"]),
        # the same root, other victims: no repeat
        ("Police raided the offices of the newspaper and detained 18 journalists.",
         ["raided", "detained"]),
        # one code: one act told in parts
        ("Protesters hurled stones at police and set fire to tyres in La Paz.", ["hurled"]),
    ],
)  # fmt: skip
def test_statements_joined_verbs_with_own_objects_are_separate_acts(
    text: str, expected: list[str]
) -> None:
    assert triggers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Workers marched to demand higher pensions.", "---LAB>-:141"),
        ("Students occupied the campus to demand the release of their leaders.", "---EDU>-:144"),
        # a participle of words after a deed states its aim too
        ("Garment workers walked off the job on Sunday, demanding higher wages.", "---LAB>-:143"),
        # a purpose of the same root: the one with a target stays, with the source
        ("Riot police used tear gas to disperse students in Dhaka.", "BGDCOP>BGDEDU:175"),
    ],
)
def test_statements_purpose_of_an_act_is_no_second_event(text: str, expected: str) -> None:
    found = [describe(e).split("/")[0] for e in code_text(text, date=DATE)]
    assert found == [expected]


@pytest.mark.parametrize(
    ("text", "roots"),
    [
        # reporting an attack on one's own side tells the attack, it accuses no one
        ("Ukraine said Russian forces shelled Kharkiv on Monday.", ["19"]),
        # a verb of accusing does accuse
        ("Ukraine accused Russian forces of shelling Kharkiv.", ["11"]),
    ],
)
def test_statements_only_accusing_verbs_accuse(text: str, roots: list[str]) -> None:
    assert sorted({e.cameo_root for e in code_text(text, date=DATE)}) == roots


def test_statements_passive_of_harm_and_its_when_clause_are_one_event() -> None:
    text = "Nine people were killed and 20 wounded when a car bomb exploded in Kirkuk."
    found = [(e.trigger.text, describe(e).split("/")[0]) for e in code_text(text, date=DATE)]
    assert found == [("killed", "IRQUAF>IRQCVL:1832")]
