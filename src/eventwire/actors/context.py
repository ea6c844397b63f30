"""What a story tells about an actor beyond the actor's own words.

An unknown person or group named only by a role ("the minister", "Sen. Ana Ruiz",
"protesters") has a sector but often no country in its own phrase. The story supplies one,
in this order (the README's "People the knowledge base does not have"):

1. the mention's own phrase: an adjective or possessive ("Chile's Mining Minister"), an
   organisation, "in/from X", a place named before the role noun ("Rakhine rebels") —
   read by the resolver itself;
2. the story's dateline ("ABUJA, Nigeria -", "MOSCOW (Reuters) -");
3. the country the story names most (names, adjectives, capitals, and the countries of the
   people and organisations it names), ties going to the one named first.

The event coder adds the country of the act's other party and of the event's place, which
only it knows. Places come from the gazetteer of `eventwire.attributes`, loaded on first use.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Collection
from functools import cached_property
from typing import TYPE_CHECKING

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

if TYPE_CHECKING:
    from eventwire.actors.resolver import ActorResolver, Mention
    from eventwire.attributes import Gazetteer


class GazetteerPlaces:
    """The resolver's place finder: a region, province, city or district of the gazetteer
    gives its country ("Rakhine" -> MMR, "Darfur" -> SDN, "Karachi" -> PAK)."""

    @cached_property
    def gazetteer(self) -> Gazetteer:
        return _gazetteer()

    @cached_property
    def common(self) -> frozenset[str]:
        from eventwire.attributes.gazetteer_data import common_words

        return common_words() | STOP_WORDS

    def country_of(self, name: str, countries: Collection[str] = ()) -> tuple[str, str] | None:
        """(place, country) when `name` is the main name of a region of our table or a US
        state ("Kurdistan" for Kurdistan Region, "Kachin" for Kachin State), or of a city of
        100,000 people or more; names that are common words give None ("Federal police").
        A name of places in several countries needs one of them among `countries` (the
        sentence's): "Punjab police" is PAK or IND only beside one of them."""
        from eventwire.attributes.gazetteer_data import CITY_RANK, COUNTRY_RANK, name_key

        key = name_key(name)
        if key in self.common or len(key) < 3:
            return None
        places = [
            (c.location.name, c.location.country)
            for c in self.gazetteer.candidates(name)
            if c.rank != COUNTRY_RANK
            and (c.rank != CITY_RANK or c.population >= MIN_CITY)
            and c.location.country
            and _names_place(_folded(c.location.name), _folded(name), alternate=c.alternate)
        ]
        if len({country for _, country in places}) > 1:
            places = [(place, country) for place, country in places if country in countries]
        if len({country for _, country in places}) != 1:
            return None  # unknown, or places of that name in several countries
        place, country = places[0]
        return place, country or ""


MIN_CITY = 100_000
"""Smaller towns share their names with too many words and groups to name an actor's home."""
REGION_WORDS = frozenset(
    {"state", "region", "province", "governorate", "oblast", "district", "county", "strip", "city"}
)


def _folded(name: str) -> str:
    """A name without accents, as compared here ("Kandahār" = "Kandahar")."""
    from eventwire.attributes.gazetteer_data import name_key

    decomposed = unicodedata.normalize("NFKD", name_key(name))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _names_place(place: str, name: str, *, alternate: bool) -> bool:
    """ "kachin" names "kachin state"; an alternate name only when it is another spelling
    of the main one ("basra" for "basrah"), not a translation or another place's name;
    "kuki" does not name "kukichuo"."""
    rest = place.removeprefix(name).split() if place.startswith(name + " ") else None
    if rest:
        return rest[0] in REGION_WORDS
    if not alternate:
        return place == name
    return place[:4] == name[:4] and abs(len(place) - len(name)) <= 2


def _gazetteer() -> Gazetteer:
    """The shared gazetteer, built on the first call (a second) and cached by its class."""
    from eventwire.attributes import Gazetteer

    return Gazetteer.load()


def dateline_country(doc: Doc) -> tuple[str, str] | None:
    """(country, basis) from the story's dateline, if it opens with one."""
    first = next(iter(doc.sents), None)
    if first is None:
        return None
    place = _gazetteer().dateline_place(first)
    if place is None or place.country is None:
        return None
    return place.country, f"dateline {place.name}"


def dominant_country(
    doc: Doc, resolver: ActorResolver, exclude: range = range(0)
) -> tuple[str, str] | None:
    """(country, basis): the country the story names most, directly or through the people
    and organisations it names; `exclude` (token offsets) leaves the mention itself out."""
    counts: Counter[str] = Counter()
    for sent in doc.sents:
        seen: set[int] = set()
        for index, mention in resolver.mentions(sent).items():
            if index in exclude or id(mention) in seen:
                continue
            seen.add(id(mention))
            country = _country_of(mention)
            if country:
                counts[country] += 1
    if not counts:
        return None
    country, count = counts.most_common(1)[0]  # Counter keeps first-seen order on ties
    return country, f"the country the story names most ({country}, {count}x)"


def _country_of(mention: Mention) -> str | None:
    entry = mention.entry
    if entry.kind == "country":
        return entry.code
    if entry.kind == "person":
        return next((r.country for r in reversed(entry.roles) if r.country), entry.country)
    return entry.country if entry.kind == "organisation" else None


def story_country(
    doc: Doc, resolver: ActorResolver, exclude: range = range(0)
) -> tuple[str, str] | None:
    """(country, basis) the story gives an actor whose phrase names none: the dateline,
    then the country it names most."""
    return dateline_country(doc) or dominant_country(doc, resolver, exclude)
