"""Parties of an act that the text does not fully name: their country and kind.

Unnamed people of a known kind ("gunmen", "police", "villagers") are placed in a country
by the coder (`EventCoder.placed`, which finds the evidence); these helpers do the
placing, and say which parties count as acting on themselves.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection

from spacy.tokens import Token

from eventwire.actors.resolver import Mention, phrase_tokens, recoded, segment_text
from eventwire.models import Actor

STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
"""Sectors that are organs of a state: "the army", "government forces", "police"."""
AUTHORITY_SECTORS = frozenset({"GOV", "COP", "JUD"})
"""Organs whose unnamed subjects are their own country's people; not armies, which fight
abroad as often as at home."""


def countries_named(mentions: dict[int, Mention]) -> list[str]:
    """The country of each name found in a sentence, once a name."""
    return [
        m.entry.country for m in {m.start: m for m in mentions.values()}.values() if m.entry.country
    ]


def acts_on_itself(sources: list[Actor], target: Actor) -> bool:
    """A target that is a source again, or a state acting on its own country as a whole
    ("Putin's visit to the country" after Russia was named is not a visit to Russia;
    protesters marching on their capital do act on it)."""
    if (target.code, target.id) in {(a.code, a.id) for a in sources}:
        return True
    states = {a.country for a in sources if a.sector in (None, "GOV")}
    return target.code == target.country and target.country in states


def of_shared_country(actors: list[Actor], others: list[Actor] | None = None) -> list[Actor]:
    """ "Syrian activists accused government forces", "fighting between the army and the
    RSF": an organ of a state named without its country is of the one country every
    other party of the act belongs to."""
    parties = [*actors, *(others or [])]
    countries = {a.country for a in parties if a.country}
    if len(countries) != 1:
        return actors
    country = countries.pop()
    note = f"an organ of {country}, the country of the other parties"
    return placed_in(actors, country, note, sectors=STATE_SECTORS)


def placed_in(
    actors: list[Actor], country: str, note: str, *, sectors: Collection[str] | None = None
) -> list[Actor]:
    """The actors, with each kind of people that has no country (of `sectors`, if given)
    placed in `country`; `note` says why."""
    return [
        recoded(a, country, a.sector, note)
        if is_unplaced(a) and (sectors is None or a.sector in sectors)
        else a
        for a in actors
    ]


def civilians(head: Token) -> Actor:
    """People in general ("killed 14 people") or a person nobody knows, as civilians of
    no country yet: the event's place or story gives them one."""
    text = segment_text(phrase_tokens(head))
    return Actor(text=text, name=None, code="---CVL", sector="CVL", reason="people in general")


def people_of(actor: Actor) -> Actor:
    """A crowd counted of a nation ("thousands of Lebanese") is its people (CVL), not its
    state; a crowd of anyone else keeps its own sector."""
    if actor.code != actor.country or actor.country is None:
        return actor
    code = f"{actor.country}CVL"
    return dataclasses.replace(actor, code=code, sector="CVL", reason=f"{actor.reason}; counted")


def bombers(head: Token) -> Actor:
    """Whoever set off an explosive the text names no one behind: unidentified attackers
    (UAF) of no country yet, whom the event's place gives one."""
    text = segment_text(phrase_tokens(head))
    return Actor(
        text=text, name=None, code="---UAF", sector="UAF", reason="an explosive's unnamed attackers"
    )


def is_unplaced(actor: Actor) -> bool:
    """A kind of people with no country: "gunmen", "protesters", "police"."""
    return actor.country is None and actor.id is None and actor.sector is not None


def domestic_authority(sources: list[Actor]) -> str | None:
    """The one country whose government, police or courts (or the state itself) do the
    act, if every source is one: "Hong Kong police arrested 53 activists"."""
    countries = {a.country for a in sources}
    kinds = all(a.sector in AUTHORITY_SECTORS or a.code == a.country for a in sources)
    if not sources or not kinds or len(countries) != 1:
        return None
    return countries.pop()
