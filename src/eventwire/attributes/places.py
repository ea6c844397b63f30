"""Where an event happened: the place attached to its trigger, looked up in the gazetteer.

"Israel struck Beirut" names a target, not a location, while "an airstrike in Beirut"
names a location. So a place counts only when a locative preposition ("in", "at", "near",
"off", "over", ...) governs it in the trigger's clause, or when it qualifies a nominal
trigger ("the Beirut airstrike"); otherwise the first place after a locative preposition
in the sentence that hangs from the event's clause or from no verb; otherwise none.
spaCy often tags unfamiliar places as ORG or PERSON, so those are looked up too, but only
by their main names and never when they are also common words.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from functools import cache

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Span, Token

from eventwire.attributes.clause import clause_chain, entity_span, governing_verb
from eventwire.attributes.date_rules import MONTHS, WEEKDAYS
from eventwire.attributes.gazetteer_data import (
    COUNTRY_RANK,
    Candidate,
    Index,
    build_index,
    common_words,
    name_key,
)
from eventwire.models import Location

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NAME_LABELS = frozenset({"GPE", "LOC"})
"""Labels trusted enough to match alternate names and names that are common words."""
HIDING_LABELS = frozenset(
    {"ORG", "PERSON", "NORP", "LANGUAGE", "PRODUCT", "EVENT", "WORK_OF_ART", ""}
)
"""Labels spaCy gives unfamiliar place names; such names match main names only."""
LOCATIVE_PREPS = frozenset(
    {"in", "at", "near", "off", "over", "outside", "inside", "across", "into", "around",
     "throughout", "within", "along", "nearby"}
)  # fmt: skip
PLACE_NOUNS = frozenset(
    {"city", "town", "village", "region", "province", "oblast", "district", "capital",
     "port", "area", "governorate", "state", "camp", "county", "outskirts", "suburbs",
     "suburb", "coast", "island", "enclave", "territory", "neighbourhood", "neighborhood",
     "municipality", "border", "strip", "peninsula", "valley", "north", "south", "east",
     "west", "northeast", "northwest", "southeast", "southwest", "centre", "center",
     "heart", "edge", "interior", "countryside"}
)  # fmt: skip
LEFT_EXTENSIONS = frozenset(
    {"southern", "northern", "eastern", "western", "south", "north", "east", "west",
     "central", "occupied"}
)  # fmt: skip
RIGHT_EXTENSIONS = frozenset(
    {"region", "province", "oblast", "governorate", "strip", "valley", "camp", "crossing",
     "corridor", "peninsula", "heights", "state"}
)  # fmt: skip
NAME_PARTS_DEPS = frozenset({"compound", "poss", "amod", "nmod"})
MAX_PREP_DEPTH = 3


class Gazetteer:
    """Place names to locations: GeoNames countries and cities plus our own table."""

    def __init__(self, index: Index, stop_names: frozenset[str]) -> None:
        self._index = index
        self._stop_names = stop_names

    @classmethod
    @cache
    def load(cls) -> Gazetteer:
        """The shipped gazetteer, built on first use (about a second) and then shared."""
        stop_names = common_words() | STOP_WORDS | MONTHS.keys() | WEEKDAYS.keys()
        return cls(build_index(), frozenset(stop_names))

    def lookup(self, name: str, *, countries: Collection[str] = ()) -> Location | None:
        """The place `name` most likely means in a story about `countries` (ISO alpha-3).

        Countries win over same-named cities; then places in the story's countries; then
        our own table; then the most populous. Alternate names rank below main names.
        """
        candidates = self._index.get(name_key(name), [])
        return _best(candidates, countries)

    def locate(self, trigger: Token, *, countries: Collection[str] = ()) -> Location | None:
        """The event's location: the place attached to the trigger's clause, else the first
        place after a locative preposition in the sentence that no other verb governs,
        else None. `countries` (ISO alpha-3, from the story's actors) breaks ties."""
        chain = clause_chain(trigger)
        for token in chain:
            found = self._attached_place(token, countries)
            if found is not None:
                return found
        return self._first_place_in_sentence(trigger, chain, countries)

    def place_at(self, token: Token, countries: Collection[str] = ()) -> Location | None:
        """The place a noun names: an entity, a proper noun, or "the city of Kharkiv"."""
        span = name_span(token)
        if span is not None:
            return self._lookup_span(span, countries)
        if token.lower_ in PLACE_NOUNS:
            return self._place_noun(token, countries)
        return None

    def _attached_place(self, token: Token, countries: Collection[str]) -> Location | None:
        """A place in the token's preposition phrases, or a place word qualifying it."""
        for child in token.children:
            if child.dep_ == "prep":
                found = self._place_in_prep(child, countries, depth=0)
            elif child.dep_ in ("compound", "nmod") and token.pos_ in ("NOUN", "PROPN"):
                found = self._qualifying_place(child, countries)
            else:
                found = None
            if found is not None:
                return found
        return None

    def _place_in_prep(
        self, prep: Token, countries: Collection[str], *, depth: int
    ) -> Location | None:
        """A place under a locative preposition, searched through nested phrases too
        ("in a bombing of his guesthouse in Tehran")."""
        for obj in (child for child in prep.children if child.dep_ == "pobj"):
            if prep.lower_ in LOCATIVE_PREPS:
                found = self.place_at(obj, countries)
                if found is not None:
                    return found
            if depth < MAX_PREP_DEPTH:
                for inner in (child for child in obj.children if child.dep_ == "prep"):
                    found = self._place_in_prep(inner, countries, depth=depth + 1)
                    if found is not None:
                        return found
        return None

    def _qualifying_place(self, token: Token, countries: Collection[str]) -> Location | None:
        """ "Beirut" in "the Beirut airstrike"; not a country ("US sanctions" name an actor)."""
        found = self.place_at(token, countries)
        if found is None or self._is_country(found):
            return None
        return found

    def _first_place_in_sentence(
        self, trigger: Token, chain: list[Token], countries: Collection[str]
    ) -> Location | None:
        """The first place after a locative preposition that hangs from the event's clause
        or from no verb: in "Officials in Damascus said rebels attacked a base" Damascus
        is where the officials are, not where the attack was."""
        for token in trigger.sent:
            if token.dep_ != "pobj" or token.head.lower_ not in LOCATIVE_PREPS:
                continue
            verb = governing_verb(token)
            if verb is None or verb in chain:
                found = self.place_at(token, countries)
                if found is not None:
                    return found
        return None

    def _place_noun(self, noun: Token, countries: Collection[str]) -> Location | None:
        """The name beside a word like "region" or "city", the most specific first: "the
        city of Kharkiv", "the capital, Kyiv", "Russia's Kursk region", "the Kursk region"."""
        for child in noun.children:
            found = None
            if child.dep_ == "appos":
                found = self.place_at(child, countries)
            elif child.dep_ == "prep" and child.lower_ == "of":
                found = next(self._places_of(child, countries), None)
            if found is not None:
                return found
        for child in sorted(noun.lefts, key=lambda t: -t.i):
            if child.dep_ in NAME_PARTS_DEPS and name_span(child) is not None:
                found = self._lookup_span(noun.doc[child.i : noun.i + 1], countries)
                found = found or self.place_at(child, countries)
                if found is not None:
                    return found
        return None

    def _places_of(self, prep: Token, countries: Collection[str]) -> Iterator[Location]:
        """Places named by the objects of an "of" phrase."""
        for obj in (child for child in prep.children if child.dep_ == "pobj"):
            found = self.place_at(obj, countries)
            if found is not None:
                yield found

    def _lookup_span(self, span: Span, countries: Collection[str]) -> Location | None:
        """Look a name span up, trying "southern Lebanon" and "Kursk region" before the
        bare name; weakly tagged spans only by main names and never as common words."""
        strict = span.root.ent_type_ not in NAME_LABELS
        for text in name_variants(span):
            if not looks_like_name(text):
                continue
            found = self._lookup_text(text, countries, strict=strict)
            if found is not None:
                return found
        return None

    def _lookup_text(
        self, text: str, countries: Collection[str], *, strict: bool
    ) -> Location | None:
        """Look a name up; `strict` drops alternate names and common words."""
        key = name_key(text)
        if strict and key in self._stop_names:
            return None
        candidates = self._index.get(key, [])
        if strict:
            candidates = [c for c in candidates if not c.alternate]
        return _best(candidates, countries)

    def _is_country(self, location: Location) -> bool:
        """True when the location is a whole country (by its GeoNames entry)."""
        entries = self._index.get(name_key(location.name), [])
        return any(e.rank == COUNTRY_RANK and e.location == location for e in entries)


def name_span(token: Token) -> Span | None:
    """The name a token is part of: its entity if a place-like one, else its proper-noun
    compound ("Khan Younis"), else None. Numbers, dates and demonyms are never names."""
    label = token.ent_type_
    if label in PLACE_LABELS or (label and label in HIDING_LABELS):
        return entity_span(token)
    if label or token.pos_ != "PROPN":
        return None
    start = min(
        [token.i, *(c.i for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN")]
    )
    return token.doc[start : token.i + 1]


def name_variants(span: Span) -> list[str]:
    """The span with a compass word before it and a place word after it, with either, and
    bare: "southern Lebanon", "Kursk region", "Lebanon"."""
    doc = span.doc
    start, end = span.start, span.end
    if start > 0 and doc[start - 1].lower_ in LEFT_EXTENSIONS:
        start -= 1
    if end < len(doc) and doc[end].lower_ in RIGHT_EXTENSIONS:
        end += 1
    bounds = ((start, end), (start, span.end), (span.start, end), (span.start, span.end))
    return list(dict.fromkeys(doc[s:e].text for s, e in bounds))


def looks_like_name(text: str) -> bool:
    """Capitalised (after an optional "the"), or led by a compass word: "southern Lebanon"."""
    words = text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return bool(words) and (words[0][:1].isupper() or words[0].lower() in LEFT_EXTENSIONS)


def _best(candidates: list[Candidate], countries: Collection[str]) -> Location | None:
    """Rank candidates: main-name countries, story countries, main names, table, population."""
    if not candidates:
        return None
    return max(candidates, key=lambda c: _rank(c, countries)).location


def _rank(candidate: Candidate, countries: Collection[str]) -> tuple[bool, bool, bool, int, int]:
    """Sort key for `_best`: larger is better."""
    is_country = candidate.rank == COUNTRY_RANK and not candidate.alternate
    in_story = candidate.location.country in countries
    return (is_country, in_story, not candidate.alternate, candidate.rank, candidate.population)
