"""Where an event happened: the place attached to its trigger, looked up in the gazetteer.

`LOCATE_RULES` names the rules in the order they are tried, the first that finds a place
winning (`--debug` prints the rule as `location_rule`):

1. `object`: the place the trigger acts on or goes to: the object of a verb that acts on
   places ("shelled Kherson", "stormed the town of Bunia", "captured 70 percent of
   Bosnia", a country too: "NATO bombed Serbia"), a destination ("flew to Beijing") or
   the place of an attack noun ("a strike on Odesa", "launched an offensive on X");
2. `attached`: a place a locative preposition governs in the event's clause ("killed in
   Kabul"), the phrases of the verb's object included ("killed 12 people in the town of
   X"), each other verb of the clause taken with its own object first;
3. `fronted`: a place in a phrase before the subject ("In Hama province, ...");
4. `in_clause`, `unknown_attached`, `anywhere`, `unknown_anywhere`, `named_anywhere`: the
   first place after a locative preposition in the event's clause, a name the gazetteer
   does not know there, then elsewhere in the sentence (not where officials spoke), then
   any place entity that is no subject or topic;
5. `site`: a named site or street when the sentence names no town ("on Dam Square");
6. the story's dateline ("KYIV, May 3 (Reuters) -"), when the coder passes it.

Within a phrase the most specific place wins: a place noun's own name ("the Vedeno region
of Chechnya", "Shaffa village near Dzur") or the name after it ("the Nairobi suburb of
Kitengela"), known to the gazetteer or given by name alone, before the bigger place that
locates it; a country before a place noun only qualifies it ("a US base at Balad").
"The capital" is the capital of the country that qualifies it ("Sudan's capital") or of
the story's only country, but not a capital of another kind ("Nigeria's commercial
capital" is Nigeria). What a protest is against is not where it is ("against the war in
Iraq"), nor an embassy in the country it serves. spaCy often tags unfamiliar places as ORG
or PERSON, so names are looked up whatever their tag where the phrase says they are places
("in Hilla", "captured Birao", "the town of Rastan"), elsewhere only by their main names.
The words these rules read (prepositions, place nouns, verbs that act on places) are data:
`data/gazetteer/place_words.yaml`.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from eventwire.attributes.clause import VERBAL_POS, clause_chain, entity_span, governing_verb
from eventwire.attributes.date_rules import MONTHS, WEEKDAYS
from eventwire.attributes.gazetteer_data import (
    CITY_RANK,
    COUNTRY_RANK,
    REGION_RANK,
    Candidate,
    Index,
    common_words,
    load_index,
    name_key,
)
from eventwire.datafiles import package_data, read_word_lists
from eventwire.models import Location
from eventwire.nlp import DATELINE_MARKS, dateline_place_end


@dataclass(frozen=True, slots=True)
class PlaceWords:
    """The word lists of `data/gazetteer/place_words.yaml` (documented there)."""

    locative_preps: frozenset[str]
    place_nouns: frozenset[str]
    capital_nouns: frozenset[str]
    border_nouns: frozenset[str]
    border_preps: frozenset[str]
    compass_nouns: frozenset[str]
    area_nouns: frozenset[str]
    left_extensions: frozenset[str]
    right_extensions: frozenset[str]
    nested_place_preps: frozenset[str]
    target_place_preps: frozenset[str]
    reporting_lemmas: frozenset[str]
    topic_preps: frozenset[str]
    not_place_preps: frozenset[str]
    site_nouns: frozenset[str]
    visit_lemmas: frozenset[str]
    place_object_lemmas: frozenset[str]
    destination_preps: frozenset[str]
    departure_preps: frozenset[str]
    departure_lemmas: frozenset[str]
    target_preps: frozenset[str]
    attack_nouns: frozenset[str]
    holding_nouns: frozenset[str]
    demonym_suffixes: frozenset[str]
    not_town_words: frozenset[str]
    not_place_words: frozenset[str]
    journey_lemmas: frozenset[str]
    place_of_nouns: frozenset[str]
    territory_lemmas: frozenset[str]
    not_demonyms: frozenset[str]
    held_nouns: frozenset[str]
    issue_nouns: frozenset[str]
    abroad_nouns: frozenset[str]
    site_preps: frozenset[str]
    naming_nouns: frozenset[str]


WORDS = PlaceWords(
    **read_word_lists(package_data("gazetteer", "place_words.yaml"), PlaceWords.__slots__)
)
LOCATE_RULES = (
    "object",
    "attached",
    "fronted",
    "in_clause",
    "unknown_attached",
    "anywhere",
    "unknown_anywhere",
    "named_anywhere",
    "site",
)
"""The rules of `Gazetteer.locate`, most trusted first; the first that finds a place wins.
Each is a method of `Gazetteer` taking the trigger, its clause chain and the story's
countries."""
Loc = Location | None
NOT_TOWN_WORDS = WORDS.site_nouns | WORDS.not_town_words | WORDS.not_place_words
JOURNEY_LEMMAS = WORDS.visit_lemmas | WORDS.journey_lemmas
PLACE_OF_NOUNS = WORDS.attack_nouns | WORDS.place_of_nouns
ISSUE_NOUNS = WORDS.issue_nouns | PLACE_OF_NOUNS
SITE_WORDS = WORDS.site_nouns | WORDS.place_nouns
SITE_PREP_OBJECTS = NOT_TOWN_WORDS | WORDS.place_nouns
TALK_PREPS = WORDS.topic_preps | WORDS.not_place_preps
TARGET_PLACE_PREPS = WORDS.locative_preps | WORDS.target_place_preps
PLACE_OR_HOLDING_NOUNS = WORDS.place_nouns | WORDS.holding_nouns

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NAME_LABELS = frozenset({"GPE", "LOC"})
"""Labels trusted enough to match alternate names and names that are common words."""
HIDING_LABELS = frozenset(
    {"ORG", "PERSON", "NORP", "LANGUAGE", "PRODUCT", "EVENT", "WORK_OF_ART", ""}
)
"""Labels spaCy gives unfamiliar place names; such names match main names only."""
TIME_LABELS = frozenset({"DATE", "TIME"})
"""spaCy runs a place into a time phrase ("Kyiv overnight"): its proper nouns are names."""
NAME_PARTS_DEPS = frozenset({"compound", "poss", "amod", "nmod"})
MAX_PREP_DEPTH = 3
NOT_NAME_LABELS = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT", "NORP", "LANGUAGE"}
)
NOT_PLACE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "poss", "conj", "appos"})
UNKNOWN_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
OWN_NAME_NOUNS = (
    WORDS.place_nouns
    - WORDS.capital_nouns
    - WORDS.border_nouns
    - WORDS.compass_nouns
    - WORDS.held_nouns
)
"""Place nouns whose own name is the most precise place, known to the gazetteer or not:
"the Sayidda Zaynab district of Damascus" happened in Sayidda Zaynab, "the Vedeno region
of Chechnya" in Vedeno, "Shaffa village near Dzur" in Shaffa."""
OBJECT_DEPS = frozenset({"dobj", "nsubjpass"})
"""What a verb acts on: "shelled Kherson", "Kherson was shelled"."""
OF_PREPS = frozenset({"of"})
MIN_DEMONYM_STEM = 4


class Gazetteer:
    """Place names to locations: GeoNames countries and cities plus our own table."""

    def __init__(self, index: Index, stop_names: frozenset[str]) -> None:
        self._index = index
        self._stop_names = stop_names
        self._countries = _country_names(index)
        self._capitals = _capitals(index)

    @classmethod
    @cache
    def load(cls) -> Gazetteer:
        """The shipped gazetteer, built on first use (a few seconds) and then shared."""
        stop_names = common_words() | STOP_WORDS | MONTHS.keys() | WEEKDAYS.keys()
        return cls(load_index(), frozenset(stop_names))

    def lookup(self, name: str, *, countries: Collection[str] = ()) -> Location | None:
        """The place `name` most likely means in a story about `countries` (ISO alpha-3).

        Countries win over same-named places; then regions (our table, US states); then
        places in the story's countries; then the most important: population, with a
        capital weighing more and an alternate name less (see `_rank`). An ISO subdivision
        has only names no other place has ("Niger State", not "Niger").
        """
        candidates = self._index.get(name_key(name), [])
        return _best(candidates, countries)

    def cased_names(self, *, min_population: int) -> Iterator[tuple[str, bool]]:
        """Every place name as it is written, with whether it names a country (such names
        beat common words: "turkey", "chad"; a region's do not: "afar", "arctic"). Towns
        under `min_population` give only names of several words, which are rarely common
        phrases."""
        for key, candidates in self._index.items():
            best = max(candidates, key=lambda c: (c.rank, c.population))
            written = best.location.name
            name = written if name_key(written) == key else key.title()
            major = best.rank >= COUNTRY_RANK
            if major or best.population >= min_population or " " in key:
                yield name, best.rank == COUNTRY_RANK

    def candidates(self, name: str) -> list[Candidate]:
        """Every place `name` may mean, unranked (the actor resolver weighs them itself)."""
        return self._index.get(name_key(name), [])

    def capital(self, country: str) -> Location | None:
        """The capital city of a country (ISO alpha-3), if the gazetteer knows it."""
        return self._capitals.get(country)

    def locate(
        self,
        trigger: Token,
        *,
        countries: Collection[str] = (),
        dateline: Location | None = None,
    ) -> Location | None:
        """The event's location (see the module's docstring for the order). `countries`
        (ISO alpha-3, from the story's actors) breaks ties and says whose capital "the
        capital" is; `dateline` is the story's dateline place (`dateline_place`), the last
        resort."""
        return self.locate_with_rule(trigger, countries=countries, dateline=dateline)[0]

    def locate_with_rule(
        self,
        trigger: Token,
        *,
        countries: Collection[str] = (),
        dateline: Location | None = None,
    ) -> tuple[Location | None, str | None]:
        """The event's location (as `locate`) and the name of the rule of `LOCATE_RULES`
        that found it, or "dateline"."""
        chain = [*clause_chain(trigger), *adverbial_clauses(trigger), *coordinated_verbs(trigger)]
        for rule in LOCATE_RULES:
            found = getattr(self, rule)(trigger, chain, countries)
            if found is not None:
                return self._with_country(found, trigger.sent, countries), rule
        return (dateline, "dateline") if dateline is not None else (None, None)

    def _with_country(self, found: Location, sent: Span, countries: Collection[str]) -> Location:
        """A place known only by name ("in Hantoukoura in eastern Burkina Faso", "the
        Tarmu district of Kano") is in the first country the sentence puts things in or
        names, else in the country of the first known place it does, a place set beside a
        locative object included ("in Kagara, Niger state")."""
        if found.country is not None:
            return found
        heads = [token for token, _ in locative_objects(sent)]
        heads += [child for head in heads for child in head.children if child.dep_ == "appos"]
        heads += [entity.root for entity in entities(sent) if entity.label_ in NAME_LABELS]
        near = [self.place_at(head, countries) for head in heads]
        known = [p for p in near if p is not None and p.country and p.name != found.name]
        known.sort(key=lambda place: not self._is_country(place))  # countries say it best
        return Location(name=found.name, country=known[0].country) if known else found

    def object(self, trigger: Token, chain: list[Token], countries: Collection[str]) -> Loc:
        """The place the trigger itself acts on, before the phrases around it: "stormed
        Najarah in eastern Aleppo", "shelled the city of Kilis when ..."."""
        return self._acted_on_place(trigger, countries)

    def attached(self, trigger: Token, chain: list[Token], countries: Collection[str]) -> Loc:
        """A place in the phrases of the event's clause ("killed in Kabul"), each verb of
        the clause but the trigger taken with the place it acts on first: "were captured
        when troops took the stronghold of Mazar-e-Sharif in northern Afghanistan"."""
        return _first(
            (t is not trigger and self._acted_on_place(t, countries))
            or self._attached_place(t, countries, fronted=False)
            for t in chain
        )

    def fronted(self, trigger: Token, chain: list[Token], countries: Collection[str]) -> Loc:
        """A place in a phrase before the clause's subject sets the scene, less precisely
        than the places above: "In Hama province, militants shelled the village of X"."""
        return _first(self._attached_place(t, countries, fronted=True) for t in chain)

    def in_clause(self, trigger: Token, chain: list[Token], countries: Collection[str]) -> Loc:
        return self._first_place_in_sentence(trigger, chain, countries)

    def unknown_attached(
        self, trigger: Token, chain: list[Token], countries: Collection[str]
    ) -> Loc:
        return _first(self._unknown_place(t) for t in chain)

    def anywhere(self, trigger: Token, chain: list[Token], countries: Collection[str]) -> Loc:
        return self._first_place_in_sentence(trigger, chain, countries, anywhere=True)

    def unknown_anywhere(
        self, trigger: Token, chain: list[Token], countries: Collection[str]
    ) -> Loc:
        return self._unknown_place_in_sentence(trigger.sent)

    def named_anywhere(self, trigger: Token, chain: list[Token], countries: Collection[str]) -> Loc:
        return self._first_named_place(trigger.sent, countries)

    def site(self, trigger: Token, chain: list[Token], countries: Collection[str]) -> Loc:
        """When the sentence names no town, the named site, street or feature the event's
        clause puts it at: "was shot on Avenida Brasil", "marched along Rustaveli
        Prospect", "demonstrated at Alexandria University"."""
        for token in trigger.sent:
            prep = token.head
            if token.dep_ != "pobj" or not _is_site_prep(prep, token):
                continue
            verb = governing_verb(token)
            if verb is not None and verb not in chain:
                continue
            name = toponym(token) if not _is_someone(token) else None
            if name is not None and looks_like_name(name.text):
                if not any(t.lower_ in WORDS.not_place_words or t.like_num for t in name):
                    return Location(name=name.text)
        return None

    def dateline_place(self, sent: Span) -> Location | None:
        """The place of a dateline sentence ("KYIV, May 3 (Reuters) -", "GAZA CITY,
        Palestinian Territories:"): the leading words in capitals, read in the country the
        words after the comma name, if any. The coder passes it to `locate` for the
        events of the story below it."""
        end = dateline_place_end(sent.doc, sent.start, sent.end)
        if end is None:
            return None
        countries: tuple[str, ...] = ()
        if end < sent.end and sent.doc[end].text == ",":
            region = self._dateline_region(sent.doc[end + 1 : sent.end])
            if region is not None and region.country is not None:
                countries = (region.country,)
        name = sent.doc[sent.start : end].text
        return self._lookup_text(name, countries, strict=False) if name.strip() else None

    def place_at(self, token: Token, countries: Collection[str] = ()) -> Location | None:
        """The place a noun names: an entity, a proper noun, or "the city of Kharkiv"."""
        span = name_span(token)
        found = self._lookup_span(span, countries) if span is not None else None
        if found is None and is_in(token, WORDS.place_nouns):
            return self._place_noun(token, countries)  # "Shaffa village", "a US base at X"
        return found

    def place_of(self, noun: Token, countries: Collection[str] = ()) -> Location | None:
        """The place a noun names, or the place its own phrase puts it in: "Kharkiv",
        "targets in the Gaza Strip"."""
        return self.place_at(noun, countries) or self._attached_place(
            noun, countries, fronted=False
        )

    def _attached_place(
        self, token: Token, countries: Collection[str], *, fronted: bool
    ) -> Location | None:
        """A place in the token's preposition phrases, or a place word qualifying it; only
        in the phrases before its subject when `fronted`, only in the others when not."""
        for child in _phrases(token):
            if is_fronted(child) != fronted:
                continue
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
        ("in a bombing of his guesthouse in Tehran"), then the place that owns or names
        what the phrase is about ("through Hong Kong's streets", "at a Lagos market")."""
        locative = prep.lower_ in WORDS.locative_preps or (
            depth and prep.lower_ in WORDS.nested_place_preps
        )
        for obj in (child for child in prep.children if child.dep_ == "pobj"):
            if locative or _is_site_prep(prep, obj):
                found = self.place_at(obj, countries)
                named = prep.lower_ in OF_PREPS and is_in(prep.head, WORDS.place_nouns)
                found = found or self._unknown_place_name(obj, trusted=depth > 0 and not named)
                if found is not None:
                    return found
            if depth < MAX_PREP_DEPTH and not _is_issue(prep, obj):
                for inner in (child for child in obj.children if child.dep_ == "prep"):
                    found = self._place_in_prep(inner, countries, depth=depth + 1)
                    if found is not None:
                        return found
            if locative and obj.lemma_.lower() in WORDS.site_nouns:
                found = self._owning_place(obj, countries)
                if found is not None:
                    return found
        return None

    def _owning_place(self, noun: Token, countries: Collection[str]) -> Location | None:
        """The place a site's possessive or compound names: "Sarajevo's streets", "a
        Chinatown store"; not an event's ("Russia's attack", "Syria's war")."""
        for child in noun.lefts:
            if child.dep_ in ("poss", "compound", "nmod") and name_span(child) is not None:
                found = self.place_at(child, countries)
                if found is None or (self._is_country(found) and is_in(noun, WORDS.abroad_nouns)):
                    continue  # "outside the United States embassy" is not in the US
                return found
        return None

    def _qualifying_place(self, token: Token, countries: Collection[str]) -> Location | None:
        """ "Beirut" in "the Beirut airstrike"; not a country ("US sanctions" name an actor)."""
        found = self.place_at(token, countries)
        if found is None or self._is_country(found):
            return None
        return found

    def _acted_on_place(self, token: Token, countries: Collection[str]) -> Location | None:
        """A named place the token acts on or goes to: its object ("shelled Kherson"), the
        place of its object ("took control of Kabul"), its destination ("flew to Beijing"),
        or for a nominal trigger its target or "of" phrase ("a strike on Odesa", "the siege
        of Mariupol"). Countries only for visits and journeys. An object spaCy tags PERSON
        counts only in the story's countries: "attacked Austin" is about a person."""
        lemma = token.lemma_.lower()
        visit = lemma in WORDS.visit_lemmas
        verbal = token.pos_ in VERBAL_POS
        attacks = [
            c for c in token.children if c.dep_ == "dobj" and is_in(c, WORDS.attack_nouns)
        ]  # "launched airstrikes on the towns of X", "launched an attack on X"
        launched = verbal and bool(attacks)
        for child in token.children:
            if verbal and child.dep_ in OBJECT_DEPS and lemma in WORDS.territory_lemmas:
                found = self._territory(child)
                if found is not None:
                    return found
            places: list[Token] = []
            if verbal and child.dep_ in OBJECT_DEPS and lemma in WORDS.place_object_lemmas:
                places.append(child)
                held = self.held_place(child)  # "captured 70 percent of Bosnia"
                if held is not None:
                    return held
            elif child.dep_ == "prep" and _is_direction(child, lemma, verbal, launched):
                places.extend(obj for obj in child.children if obj.dep_ == "pobj")
            if verbal and child.dep_ in OBJECT_DEPS:
                places.extend(c for c in child.children if c.dep_ in ("compound", "poss"))
            for place in places:
                found = self._named_site(place) if place is child else None
                found = found or self.place_at(place, countries)
                invaded = verbal and place is child and child.dep_ == "dobj"
                if found is None or (self._is_country(found) and not (visit or invaded)):
                    continue
                if place is child and child.ent_type_ == "PERSON":
                    if child.dep_ == "nsubjpass" or found.country not in countries:
                        continue  # "Arad was captured" names a person
                return found
        return _first(self._acted_on_place(attack, countries) for attack in attacks)

    def held_place(self, noun: Token) -> Location | None:
        """The place a holding noun is a part of ("control of Kabul", "70 percent of
        Bosnia", `holding_nouns`), else None."""
        if not is_in(noun, WORDS.holding_nouns):
            return None
        return _first(self._territory(o) for o in _objects_of(noun, OF_PREPS))

    def _named_site(self, noun: Token) -> Location | None:
        """A site named in capitals that the act takes or strikes, and that the gazetteer
        does not know, is the place, by the name it is written with: "captured Darulaman
        Palace", "entered the Yarmouk Refugee Camp", "stormed the Minyan Suburb of X"."""
        if noun.pos_ != "PROPN" or not is_in(noun, SITE_WORDS):
            return None
        if _has_locative_phrase(noun):
            return None  # "the Israeli Embassy in Buenos Aires" is in Buenos Aires
        span = own_name(noun)
        if span is None or not looks_like_name(span.text) or self._is_owner(span):
            return None
        name = noun.doc[span.start : noun.i + 1].text
        return Location(name=name) if self.lookup(name) is None else None

    def _is_owner(self, name: Span) -> bool:
        """A country or its adjective before a site names its owner: "the U.S. Embassy"."""
        if self._country_of_adjective(name.root.text) is not None:
            return True
        found = self.lookup(name.text)
        return found is not None and self._is_country(found)

    def _territory(self, noun: Token) -> Location | None:
        """The place a verb of territory acts on ("patrolled Kassa", "entered Syria"): its
        name is a place whatever entity spaCy takes it for, known by any of its names
        ("Katmandu") or by its name alone."""
        name = toponym(noun)
        if name is None:
            return self.place_at(noun)  # "the town of X", "Takhar province"
        return self._place_by_name(name)

    def _place_by_name(self, name: Span) -> Location | None:
        """The place a name a phrase calls a place stands for: the one the gazetteer knows
        by any of its names ("in Hilla" is Al Hillah, "Katmandu"), else the name alone,
        but not a building's, a feature's or an event's ("City Hall", "the Gulf War"):
        the town it is in locates better."""
        found = self.lookup(name.text)
        if found is not None or any(t.lower_ in NOT_TOWN_WORDS or t.like_num for t in name):
            return found
        return Location(name=name.text)

    def _first_place_in_sentence(
        self,
        trigger: Token,
        chain: list[Token],
        countries: Collection[str],
        *,
        anywhere: bool = False,
    ) -> Location | None:
        """The first place after a locative preposition that hangs from the event's clause
        or from no verb: in "Officials in Damascus said rebels attacked a base" Damascus
        is where the officials are, not where the attack was. With `anywhere`, the last
        resort, a place in any clause but a country: where the officials are is often where it
        was, but a country there is more often what a clause talks about."""
        for token, verb in locative_objects(trigger.sent):
            if verb is None or verb in chain or (anywhere and not is_reporting(verb)):
                found = self.place_at(token, countries)
                if found is not None and not (anywhere and self._is_country(found)):
                    return found
        return None

    def _unknown_place(self, token: Token) -> Location | None:
        """A place the gazetteer does not know, named after a locative preposition of the
        token ("in the village of Beit Furik" when Beit Furik is too small for GeoNames): its
        name, with no country or coordinates, is better than no place."""
        places = [
            obj
            for prep in token.children
            if prep.dep_ == "prep" and prep.lower_ in WORDS.locative_preps
            for obj in prep.children
            if obj.dep_ == "pobj"
        ]
        objects = [c for c in token.children if c.dep_ in OBJECT_DEPS]
        if token.lemma_.lower() in WORDS.place_object_lemmas:
            places += [  # "captured Knin"; "Okello was captured" is a person
                c for c in objects if c.dep_ == "dobj" or c.ent_type_ in UNKNOWN_PLACE_LABELS
            ]
        places += [  # "launched an offensive on Tall ad-Dirrah village"
            obj
            for noun in objects
            for prep in noun.children
            if prep.dep_ == "prep" and prep.lower_ in TARGET_PLACE_PREPS
            for obj in prep.children
            if obj.dep_ == "pobj"
        ]
        for place in places:
            if place.dep_ == "dobj" and place.ent_type_ != "PERSON":
                taken = self._territory(place)  # "captured Birao", whatever the tagger says
                if taken is not None:
                    return taken
            found = _unknown_name(place)
            if found is not None and self.lookup(found.text) is None:
                return Location(name=found.text)
        return None

    def _unknown_place_name(self, noun: Token, *, trusted: bool) -> Location | None:
        """The place a name after a locative preposition gives, known or not ("in Gursai
        in Mendher sector"): the first place a phrase names is where, the later ones say
        where that is. With `trusted`, only names spaCy tags as places: deeper in a phrase,
        people and groups are named too ("clashes with fighters of the People's
        Protection Units")."""
        name = toponym(noun)
        if name is None or (trusted and noun.ent_type_ not in UNKNOWN_PLACE_LABELS | {""}):
            return None
        return self._place_by_name(name)

    def _unknown_place_in_sentence(self, sent: Span) -> Location | None:
        """The last resort before the dateline: a name after a locative preposition
        anywhere but in a clause that reports ("near the village of Hadatha")."""
        for token, verb in locative_objects(sent):
            if verb is not None and is_reporting(verb):
                continue
            found = _unknown_name(token)
            if found is not None and self.lookup(found.text) is None:
                return Location(name=found.text)
        return None

    def _first_named_place(self, sent: Span, countries: Collection[str]) -> Location | None:
        """The first place entity of the sentence the gazetteer knows, whatever its role:
        a misparsed sentence ("troops have been patrolling Nablus") still names where.
        Not a country, a subject or a topic: those are more often actors or what is
        talked about than the place."""
        for entity in entities(sent):
            head, verb = entity.root, governing_verb(entity.root)
            if head.dep_ in NOT_PLACE_DEPS or head.head.lower_ in TALK_PREPS:
                continue  # "Moscow accused Kyiv", "talks on Gaza", "a man from Atlanta"
            if verb is not None and is_reporting(verb):
                continue  # "officials in Damascus said"
            if entity.label_ in PLACE_LABELS:
                found = self._lookup_span(entity, countries)
                if found is not None and not self._is_country(found):
                    return found
        return None

    def _place_noun(self, noun: Token, countries: Collection[str]) -> Location | None:
        """The name beside a word like "region" or "city", the most specific first: "the
        Vedeno region of Chechnya", "the city of Kharkiv", "the capital, Kyiv", "Russia's
        Kursk region"; then the capital of a country, and the country across a border. A
        country before a place noun qualifies it ("a US base at Balad", "the Mexico state
        of Hidalgo") and is not the place."""
        own = self._own_named_place(noun, countries)
        for child in (c for c in noun.children if c.dep_ == "appos"):
            found = self.place_at(child, countries) or appositive_name(child)
            if found is None:
                continue
            if own is None or (self._is_known(own) and self._is_town(found)):
                return found  # "the capital, Kyiv", "a Brooklyn neighbourhood, Canarsie"
            if not self._is_known(own):
                return Location(name=own.name, country=found.country)  # "Kapho district, X"
        near = [*countries, own.country] if own is not None and own.country else countries
        for child in noun.children:
            found = None
            if child.dep_ == "prep" and child.lower_ == "of":  # "the West Bank town of X"
                found = next(self._places_of(child, near), None)
                found = found or self._in_demonym_country(self._named_of(child), noun)
            elif child.dep_ == "prep" and child.lower_ in WORDS.border_preps:
                if noun.lower_ in WORDS.border_nouns and not _has_possessor(noun):
                    found = next(self._places_of(child, countries), None)
            if found is not None:
                if own is not None and self._is_smaller(own, found, child):
                    return own
                return found
        if own is not None:
            return own
        for child in sorted(noun.lefts, key=lambda t: -t.i):
            if child.dep_ in NAME_PARTS_DEPS and name_span(child) is not None:
                found = self._lookup_span(noun.doc[child.i : noun.i + 1], countries)
                found = found or self.place_at(child, countries)
                if found is not None and self._is_country(found):
                    if noun.lower_ in OWN_NAME_NOUNS and _has_locative_phrase(noun):
                        continue  # "a US base at Balad" is at Balad
                    if noun.lower_ in WORDS.capital_nouns and not self._is_other_capital(noun):
                        found = self.capital(found.country or "")
                if found is not None:
                    return found
        if noun.lower_ in WORDS.capital_nouns:
            return self._capital_of(noun, countries)
        if noun.lower_ in WORDS.border_nouns or not _has_locative_phrase(noun):
            return self._demonym_country(noun)  # "the Afghan border", "a Nigerian town"
        return None

    def _is_town(self, location: Location) -> bool:
        """A city or a place known by its name alone, smaller than a region or country."""
        return not self._is_known(location) or self._is_city(location)

    def _is_smaller(self, own: Location, named: Location, prep: Token) -> bool:
        """Whether a place noun's own name is the smaller of its two places: "the Vedeno
        region of Chechnya", "the Qadam neighbourhood of Damascus" (a name the gazetteer
        lacks is a small place), "Silopi town of the province of Sirnak", but not "the
        West Bank town of Bethlehem"."""
        if not self._is_known(own) or self._is_country(named):
            return True
        if any(is_in(obj, WORDS.place_nouns) for obj in prep.children):
            return True  # "of the province of Sirnak", "of Borno State"
        return not self._is_town(named)

    def _own_named_place(self, noun: Token, countries: Collection[str]) -> Location | None:
        """The place a place noun's own name gives ("the Vedeno region", "Shaffa village"),
        by name alone when the gazetteer does not know it. A province or district named
        like a city is that province, in the city's country ("Herat Province")."""
        own = own_name(noun)
        if own is None or not is_in(noun, OWN_NAME_NOUNS):
            return None
        if noun.ent_type_ not in UNKNOWN_PLACE_LABELS | {""}:
            return None  # "the Islamic State": a group's name, not a place's
        if self._country_of_adjective(own.root.text) is not None:
            return None  # "the Angolan city of Benguela"
        if own.root.ent_type_ == "NORP" and noun.pos_ == "PROPN":
            return None  # "Islamic State fighters": a people's word in a group's name
        found = self._lookup_span(own, countries)
        if found is None:
            return Location(name=own.text) if looks_like_name(own.text) else None
        if self._is_country(found):
            return None
        if noun.lower_ in WORDS.area_nouns and self._is_city(found):
            written = noun.doc[own.start : noun.i + 1].text
            return Location(name=written, country=found.country)
        return found

    def _named_of(self, prep: Token) -> Location | None:
        """The name in "the town of Adwar" when the gazetteer does not know it: "the town
        of" says it is a place, whatever entity spaCy takes it for, a people's too unless
        it is a country's demonym ("the town of Rastan")."""
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None:
            return None
        name = toponym(obj)
        if name is None and obj.ent_type_ == "NORP" and obj.pos_ == "PROPN":
            if self._country_of_adjective(obj.text) is None:
                name = entity_span(obj)
        if name is None or name.start <= prep.head.i:
            return None  # "the Islamic State of Iraq" is one name, a group's
        return Location(name=name.text)

    def _in_demonym_country(self, found: Location | None, noun: Token) -> Location | None:
        """ "the southern Philippine province of Maguindanao": a place known only by name
        is in the country its place noun's adjective names."""
        country = self._demonym_country(noun) if found is not None else None
        if found is None or country is None:
            return found
        return Location(name=found.name, country=country.country)

    def _is_other_capital(self, noun: Token) -> bool:
        """ "India's financial capital", "the provincial capital": a capital of some other
        kind than the country's seat of government; the country says where it is."""
        return any(
            c.dep_ == "amod" and self._country_of_adjective(c.text) is None for c in noun.lefts
        )

    def _capital_of(self, noun: Token, countries: Collection[str]) -> Location | None:
        """ "the Ukrainian capital", or the bare "the capital" in a story about one country
        (not "the provincial capital")."""
        country = self._demonym_country(noun)
        if country is not None:
            return self.capital(country.country or "")
        if len(countries) == 1 and not any(c.dep_ in NAME_PARTS_DEPS for c in noun.lefts):
            return self.capital(next(iter(countries)))
        return None

    def _demonym_country(self, noun: Token) -> Location | None:
        """The country an adjective before the noun names: "Afghan" in "the Afghan border"."""
        for child in noun.lefts:
            if child.dep_ == "amod" and child.text[:1].isupper():
                found = self._country_of_adjective(child.text)
                if found is not None:
                    return found
        return None

    def _country_of_adjective(self, adjective: str) -> Location | None:
        """ "Ukrainian" -> Ukraine, "Sudanese" -> Sudan, "Nigerian" -> Nigeria: the one
        country whose name starts with the adjective less a suffix, the longest such stem
        first ("nigeri" names one country where "niger" names two); None when none does."""
        word = adjective.lower()
        if word in WORDS.not_demonyms:
            return None
        stems = {
            word.removesuffix(suffix) for suffix in WORDS.demonym_suffixes if word.endswith(suffix)
        }
        for stem in sorted(stems, key=len, reverse=True):
            if len(stem) < MIN_DEMONYM_STEM:
                continue
            matches = {loc for key, loc in self._countries if key.startswith(stem)}
            if len(matches) == 1:
                return matches.pop()
        return None

    def _places_of(self, prep: Token, countries: Collection[str]) -> Iterator[Location]:
        """Places named by the objects of an "of" phrase."""
        for obj in (child for child in prep.children if child.dep_ == "pobj"):
            found = self.place_at(obj, countries)
            if found is not None:
                yield found

    def _dateline_region(self, tokens: Span) -> Location | None:
        """The region or country after a dateline's comma: up to a date, an agency or the
        closing mark."""
        words = []
        for token in tokens:
            if token.text in DATELINE_MARKS or token.like_num:
                break
            if token.lower_ in MONTHS or token.lower_ in WEEKDAYS:
                break
            words.append(token.text)
        return self._lookup_text(" ".join(words), (), strict=False) if words else None

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
        return self._rank_of(location) == COUNTRY_RANK

    def _is_city(self, location: Location) -> bool:
        return self._rank_of(location) == CITY_RANK

    def _is_known(self, location: Location) -> bool:
        """A place the gazetteer knows, with a point or without (a subdivision may have
        none), not one known by its name alone."""
        return location.lat is not None or self._rank_of(location) is not None

    def _rank_of(self, location: Location) -> int | None:
        entries = self._index.get(name_key(location.name), [])
        return next((e.rank for e in entries if e.location == location), None)


def coordinated_verbs(trigger: Token) -> list[Token]:
    """Verbs coordinated with a verb trigger, whose phrases it shares: "were killed and
    67 wounded in Peshawar" happened in Peshawar."""
    if trigger.pos_ not in VERBAL_POS:
        return []
    partners = [c for c in trigger.children if c.dep_ == "conj" and c.pos_ in VERBAL_POS]
    if trigger.dep_ == "conj" and trigger.head.pos_ in VERBAL_POS:
        partners.append(trigger.head)
    return partners


def _is_someone(token: Token) -> bool:
    """A person a country or people is written before: "Venezuela's Felix Machado",
    "American Diego Corrales"."""
    if token.ent_type_ != "PERSON":
        return False
    return any(c.dep_ == "poss" or c.ent_type_ == "NORP" for c in token.lefts)


def _has_possessor(noun: Token) -> bool:
    """ "Lebanon's border with Israel" is on Lebanon's side."""
    return any(c.dep_ == "poss" for c in noun.children)


def _is_site_prep(prep: Token, obj: Token) -> bool:
    """A preposition that puts an event at a site: a locative one, or "on" a street, a
    square or a place ("on Avenida Brasil", "on Jolo island", "on the outskirts of X")."""
    if prep.lower_ in WORDS.locative_preps:
        return True
    return prep.lower_ in WORDS.site_preps and (
        obj.ent_type_ in ("FAC", "LOC") or is_in(obj, SITE_PREP_OBJECTS)
    )


def _is_issue(prep: Token, obj: Token) -> bool:
    """ "against the war on Iraq", "over the blockade of Gaza": what is protested or
    talked about, whose own phrases place it and not the event."""
    talked_about = prep.lower_ in TALK_PREPS
    return talked_about and is_in(obj, ISSUE_NOUNS)


def _phrases(token: Token) -> list[Token]:
    """The token's dependents, with a verb's the locative phrases of its object in the
    order of the text ("killed 12 people in the town of X, in the region of Y"), then
    those of its passive subject ("five men inside a shop in X were shot"), which say
    less: "detainees at Guantanamo were captured in Afghanistan"."""
    if token.pos_ not in VERBAL_POS:
        return list(token.children)
    objects = sorted([*token.children, *_locative_phrases(token, "dobj")], key=lambda t: t.i)
    return [*objects, *_locative_phrases(token, "nsubjpass")]


def _locative_phrases(verb: Token, dep: str) -> list[Token]:
    """The locative phrases of the verb's dependents of one kind."""
    return [
        prep
        for noun in verb.children
        if noun.dep_ == dep
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ in WORDS.locative_preps
    ]


def is_fronted(phrase: Token) -> bool:
    """True for a phrase before its verb's subject: "In Hama province, militants shelled"."""
    verb = phrase.head
    subjects = [c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and phrase.i < min(subjects)


def _first(found: Iterable[Location | None]) -> Location | None:
    return next(filter(None, found), None)


def adverbial_clauses(trigger: Token) -> list[Token]:
    """The verbs of clauses that tell the trigger's circumstances: "were killed when
    gunmen opened fire at a bar in southern Italy" happened in southern Italy."""
    return [c for c in trigger.children if c.dep_ == "advcl" and c.pos_ in VERBAL_POS]


def _unknown_name(noun: Token) -> Span | None:
    """A proper name a place phrase gives: the noun itself ("Knin"), or the name of a
    place noun ("the town of Musa Qala", "Orgun District")."""
    if noun.pos_ == "PROPN" and noun.ent_type_ in UNKNOWN_PLACE_LABELS | {""}:
        return entity_span(noun) if noun.ent_type_ else noun.doc[noun.left_edge.i : noun.i + 1]
    if not is_in(noun, PLACE_OR_HOLDING_NOUNS):
        return None
    named = [c for p in noun.children if p.lower_ == "of" for c in p.children]
    if named and named[0].pos_ == "PROPN":
        return _unknown_name(named[0])
    return own_name(noun) if is_in(noun, OWN_NAME_NOUNS) else None


def entities(sent: Span) -> list[Span]:
    """The sentence's named entities. `Span.ents` builds every entity of the document
    each time it is read, which made a long document's places cost the square of its
    length; the document's are built once."""
    return [e for e in _document_entities(sent.doc) if sent.start <= e.start < sent.end]


@lru_cache(maxsize=8)
def _document_entities(doc: Doc) -> tuple[Span, ...]:
    return tuple(doc.ents)


def locative_objects(sent: Span) -> Iterator[tuple[Token, Token | None]]:
    """Each object of a locative preposition in the sentence, with its governing verb."""
    for token in sent:
        if token.dep_ == "pobj" and token.head.lower_ in WORDS.locative_preps:
            yield token, governing_verb(token)


def is_reporting(verb: Token) -> bool:
    return verb.lemma_.lower() in WORDS.reporting_lemmas


def toponym(noun: Token) -> Span | None:
    """The proper name a noun is part of, unless spaCy reads it as a number, a time or a
    people: spaCy often takes an unfamiliar town for a person or an organisation."""
    if noun.pos_ != "PROPN" or noun.ent_type_ in NOT_NAME_LABELS:
        return None
    return entity_span(noun) if noun.ent_type_ else noun.doc[noun.left_edge.i : noun.i + 1]


def is_in(token: Token, words: Collection[str]) -> bool:
    """The word or its lemma is in the list ("farms" and "airstrikes", which the tagger
    may leave unlemmatised)."""
    return token.lower_ in words or token.lemma_.lower() in words


def _has_locative_phrase(noun: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ in WORDS.locative_preps for c in noun.children)


def appositive_name(token: Token) -> Location | None:
    """The name set beside a place noun ("a Brooklyn neighborhood, Canarsie") names the
    place, whatever entity spaCy takes it for."""
    if token.pos_ != "PROPN":
        return None
    return Location(name=token.doc[token.left_edge.i : token.i + 1].text)


def own_name(noun: Token) -> Span | None:
    """The proper name written before a place noun: "Sayidda Zaynab" in "the Sayidda
    Zaynab district"."""
    parts = [c for c in noun.lefts if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"]
    if not parts:
        return None
    start = min(t.i for p in parts for t in p.subtree)
    return noun.doc[start : max(p.i for p in parts) + 1]


def name_span(token: Token) -> Span | None:
    """The name a token is part of: its entity if a place-like one, else its proper-noun
    compound ("Khan Younis"), else None. Numbers, dates and demonyms are never names, but
    a proper noun spaCy ran into a time phrase is ("Kyiv" in "Kyiv overnight")."""
    label = token.ent_type_
    if label in PLACE_LABELS or (label and label in HIDING_LABELS):
        return entity_span(token)
    if label in TIME_LABELS and _is_place_word(token):
        label = ""
    if label or token.pos_ != "PROPN":
        return None
    start = min(
        [token.i, *(c.i for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN")]
    )
    return token.doc[start : token.i + 1]


def _is_place_word(token: Token) -> bool:
    """A capitalised proper noun in a DATE or TIME entity that is no month or weekday."""
    word = token.lower_
    return (
        token.pos_ == "PROPN"
        and token.text[:1].isupper()
        and word not in MONTHS
        and word not in WEEKDAYS
        and not token.like_num
    )


def _objects_of(token: Token, preps: Collection[str]) -> Iterator[Token]:
    """The objects of the token's prepositions in `preps`."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            yield from (obj for obj in child.children if obj.dep_ == "pobj")


def _is_direction(prep: Token, lemma: str, verbal: bool, launched: bool = False) -> bool:
    """True for a preposition that leads to where the event goes or hits: "flew to",
    "left for", "a strike on", "the siege of", and after a verb whose object is an
    attack ("launched an offensive on")."""
    word = prep.lower_
    if word in WORDS.destination_preps:
        return lemma in JOURNEY_LEMMAS
    if word in WORDS.departure_preps:
        return lemma in WORDS.departure_lemmas
    if verbal:
        return launched and word in WORDS.target_preps
    return (word in WORDS.target_preps and lemma in WORDS.attack_nouns) or (
        word in OF_PREPS and lemma in PLACE_OF_NOUNS
    )


def name_variants(span: Span) -> list[str]:
    """The span with a compass word before it and a place word after it, with either, and
    bare: "southern Lebanon", "Kursk region", "Lebanon"."""
    doc = span.doc
    start, end = span.start, span.end
    if start > 0 and doc[start - 1].lower_ in WORDS.left_extensions:
        start -= 1
    if end < len(doc) and doc[end].lower_ in WORDS.right_extensions:
        end += 1
    bounds = ((start, end), (start, span.end), (span.start, end), (span.start, span.end))
    return list(dict.fromkeys(doc[s:e].text for s, e in bounds))


def looks_like_name(text: str) -> bool:
    """Capitalised (after an optional "the"), or led by a compass word: "southern Lebanon"."""
    words = text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return bool(words) and (words[0][:1].isupper() or words[0].lower() in WORDS.left_extensions)


ALTERNATE_WEIGHT = 5
"""An alternate name ranks as a place this many times less populous: "Odessa" is Odesa
(Ukraine, alternate name, a million people) rather than Odessa, Texas (main name, 114,000),
but a main name wins against a place less than five times its size."""
CAPITAL_WEIGHT = 10
"""A national capital ranks as a place this many times more populous: "Tripoli" is Libya's."""


def _best(candidates: list[Candidate], countries: Collection[str]) -> Location | None:
    """The best-ranked candidate's location (see `_rank`); on a tie the first indexed."""
    if not candidates:
        return None
    return max(candidates, key=lambda c: _rank(c, countries)).location


def _rank(candidate: Candidate, countries: Collection[str]) -> tuple[bool, bool, bool, int, float]:
    """Sort key for `_best`, larger is better: a country by its main name or an alias; a
    region (our table, a US state: "Florida" is not the Cuban town); a place in the story's
    countries; the table before states; then importance, the population weighted by
    `CAPITAL_WEIGHT` and `ALTERNATE_WEIGHT`."""
    is_country = candidate.rank == COUNTRY_RANK and not candidate.alternate
    is_region = candidate.rank >= REGION_RANK
    in_story = candidate.location.country in countries
    weight = (CAPITAL_WEIGHT if candidate.capital else 1) / (
        ALTERNATE_WEIGHT if candidate.alternate else 1
    )
    return (is_country, is_region, in_story, candidate.rank, candidate.population * weight)


def _country_names(index: Index) -> list[tuple[str, Location]]:
    """(normalised name, country) for every country name and alias in the index."""
    return [
        (key, candidate.location)
        for key, candidates in index.items()
        for candidate in candidates
        if candidate.rank == COUNTRY_RANK and not candidate.alternate
    ]


def _capitals(index: Index) -> dict[str, Location]:
    """Capital city by country (ISO alpha-3), from the capital flags of the index."""
    return {
        candidate.location.country: candidate.location
        for candidates in index.values()
        for candidate in candidates
        if candidate.capital and not candidate.alternate and candidate.location.country
    }
