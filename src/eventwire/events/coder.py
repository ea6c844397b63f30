"""The event coder: from a parsed document to event records of the output contract.

For each sentence: find knowledge-base names, settle the frames that the detectors (the
lexicon's patterns, by default) propose, read source and target from the parse, complete
them by the named party rules (`PARTY_RULES`, then `TARGET_RULES` when the text names no
target; the `rules_off` setting switches any off), read negation, modality and attribution
around the trigger, add date, place and casualties, and expand compound and reciprocal
actors into one event per directed pair.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace
from itertools import permutations, product

from spacy.tokens import Doc, Span, Token

from eventwire.actors.resolver import (
    ADJECTIVE,
    OBJECT_PRONOUNS,
    PRONOUNS,
    ActorResolver,
    Mention,
    phrase_tokens,
    recoded,
    segment_text,
)
from eventwire.attributes import Gazetteer, event_date
from eventwire.events.attribution import find_attribution, quoted_speech, said_by
from eventwire.events.cues import (
    Cues,
    governing_chain,
    is_hypothetical,
    is_negated,
    is_planned,
    lemma,
    negated_above,
    negated_by_verb,
    other_sense,
)
from eventwire.events.frames import Detector, settle
from eventwire.events.parties import (
    STATE_SECTORS,
    acts_on_itself,
    bombers,
    civilians,
    countries_named,
    domestic_authority,
    is_unplaced,
    of_shared_country,
    people_of,
    placed_in,
)
from eventwire.events.records import RecordBuilder, SentenceScope
from eventwire.events.roles import (
    Match,
    child,
    counted,
    is_passive,
    merged_noun,
    noun_sources,
    noun_targets,
    origin_of_attack,
    participle_agent,
    pattern_objects,
    place_object,
    prep_object,
    purpose_objects,
    purpose_subject,
    same_act_object,
    verb_subject,
    verb_subjects,
    verb_targets,
)
from eventwire.events.statements import (
    Reading,
    drop_back_references,
    drop_purposes,
    drop_repeats,
    drop_vaguer,
    readings_from_speech,
    rejections_from_negation,
    with_participle_victims,
    with_passive_victims,
)
from eventwire.events.stories import StoryTracker, named_actors, paragraphs, story_actors
from eventwire.models import Actor, Document, Event, Location, Modality
from eventwire.nlp import dateline_end
from eventwire.ontology import CameoCode, CodeFacts, PartyCode

Pair = tuple[Actor | None, Actor | None]
PAIR = "pair"
"""The anaphor kind of "the two sides": both parties of the last act."""
TOLD_NOUN_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "ROOT"})
"""Where an event noun is the act a clause reports, not a passing mention of it."""
FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our"})
"""Pronouns that stand for the speaker, and only the speaker ("We welcome it," X said)."""


def sentence_day(sent: Span, publication: dt.date | None) -> dt.date | None:
    """The day the main clause of a sentence is dated to, a month or year read as its
    middle; the publication date when the sentence gives none."""
    value, basis = event_date(sent.root, publication)
    if value is None or basis == "publication":
        return publication
    parts = [int(part) for part in value.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 7, 1)
    if len(parts) == 2:
        return dt.date(parts[0], parts[1], 15)
    return dt.date(*parts)


def dateline_outlet(mentions: dict[int, Mention]) -> str | None:
    """The agency of a dateline ("MOSCOW (Reuters) -"), which reports the story below it."""
    return next((m.entry.name for m in mentions.values() if m.entry.kind == "outlet"), None)


def is_passing_mention(trigger: Token) -> bool:
    """Whether an event noun is mentioned in passing ("after the talks", "over the
    sanctions"), not told as the act of a clause ("Kenyans staged protests", "went on
    strike"; a verb, or an event noun merged into its verb)."""
    if trigger.pos_ == "VERB" or trigger.dep_ in TOLD_NOUN_DEPS:
        return False
    preposition = trigger.head
    return not (
        trigger.dep_ == "pobj"
        and preposition.lower_ in ("on", "during")
        and preposition.head.pos_ in ("VERB", "AUX")
    )  # "went on strike", not "a summit on the riots"


def is_first_person(token: Token) -> bool:
    return token.pos_ == "PRON" and token.lower_ in FIRST_PERSON  # not "the US"


@dataclass(frozen=True, slots=True)
class Context:
    """What the sentence says about the event beyond its actors."""

    negated: bool
    modality: Modality
    reported_by: str | None
    speech: Token | None = None
    """The verb of saying that reports the event, if any."""
    speakers: tuple[Actor, ...] = ()
    """Every actor that says it ("Obama and Putin said they ..."), for pronouns."""

    @property
    def speaker(self) -> Actor | None:
        """The speaker the record names: the first of those who say it."""
        return self.speakers[0] if self.speakers else None


class EventCoder:
    """Codes parsed documents; build once, then call `code_doc` for each document."""

    def __init__(
        self,
        *,
        resolver: ActorResolver,
        detectors: Sequence[Detector],
        cues: Cues,
        ontology: dict[str, CameoCode],
        facts: CodeFacts,
        party_codes: tuple[PartyCode, ...],
        gazetteer: Gazetteer,
        require_source: bool = True,
        require_target: bool = True,
        rules_off: Collection[str] = (),
    ) -> None:
        self.resolver = resolver
        self.detectors = tuple(detectors)
        self.cues = cues
        self.ontology = ontology
        self.facts = facts
        self.party_codes = party_codes
        self.gazetteer = gazetteer
        self.records = RecordBuilder(ontology, gazetteer)
        self.require_source = require_source
        self.require_target = require_target
        self.party_rules = [rule for name, rule in PARTY_RULES if name not in rules_off]
        self.target_rules = [rule for name, rule in TARGET_RULES if name not in rules_off]

    def code_doc(self, doc: Doc, document: Document) -> list[Event]:
        day = dt.date.fromisoformat(document.date) if document.date else None
        events: list[Event] = []
        earlier: list[tuple[int, list[Actor]]] = []
        dyads: list[list[Actor]] = []
        people: dict[str, Actor] = {}
        outlet: str | None = None
        dateline: Location | None = None
        stories = StoryTracker()
        named = Counter[str]()
        parts = list(paragraphs(doc))
        found = [[self.resolver.mentions(sent) for _, sent in part] for part in parts]
        signatures = story_actors([named_actors(f) for f in found])
        mentions_at = {
            sent.start: mentions
            for part, part_mentions in zip(parts, found, strict=True)
            for (_, sent), mentions in zip(part, part_mentions, strict=True)
        }
        quoted = {
            start: (verb, mentions_at[verb.sent.start])
            for start, verb in quoted_speech(doc, self.cues).items()
        }
        for paragraph, part_mentions, signature in zip(parts, found, signatures, strict=True):
            if stories.next_paragraph(signature):
                earlier, dyads = [], []  # pronouns do not reach into another story
                named = Counter[str]()
            for (index, sent), mentions in zip(paragraph, part_mentions, strict=True):
                if dateline_end(doc, sent.start) == sent.end:
                    outlet = dateline_outlet(mentions) or outlet
                    dateline = self.gazetteer.dateline_place(sent) or dateline
                scope = SentenceScope(
                    sent,
                    index,
                    mentions,
                    day,
                    earlier,
                    stories.index,
                    people,
                    dyads=dyads,
                    outlet=outlet,
                    dateline=dateline,
                    story_countries=named,
                    quoted=quoted.get(sent.start),
                )
                events.extend(self.code_scope(scope, document))
                named.update(countries_named(mentions))
        return events

    def code_scope(self, scope: SentenceScope, document: Document) -> list[Event]:
        """The events of one sentence, in the order the text gives them."""
        scope.when = sentence_day(scope.sent, scope.day)
        readings = self.read_sentence(scope)
        readings += rejections_from_negation(readings, self.facts)
        readings = with_participle_victims(readings, self.ontology, self.cues.harm_verbs)
        readings = with_passive_victims(readings, self.ontology, self.cues.harm_verbs)
        readings = drop_purposes(drop_back_references(readings), self.ontology)
        readings = drop_repeats(drop_vaguer(readings))
        readings += readings_from_speech(readings, self.ontology, self.cues)
        scope.dyads.extend([r.source, r.target] for r in readings if r.source and r.target)
        return [self.records.build(r, scope, document) for r in readings if self.is_told(r)]

    def is_told(self, reading: Reading) -> bool:
        """Whether a reading reports an act. With no target, an event noun that is no
        verb's subject or object is a passing mention ("after the talks", "over the
        sanctions"), unlike "Kenyans staged protests"; with `require_target` any reading
        without a target is left out, as PETRARCH does."""
        if reading.target is not None:
            return True
        if self.require_target:
            return False
        return reading.pos == "verb" or not is_passing_mention(reading.trigger)

    def read_sentence(self, scope: SentenceScope) -> list[Reading]:
        """Every event reading of a sentence, verbs first so that an event noun that is a
        verb's subject or means merges into the verb's event."""
        frames = [frame for d in self.detectors for frame in d.detect(scope.sent)]
        chosen = settle(scope.sent, frames, self.cues.modal_verbs)
        matches = [Match.of(frame, scope.sent.doc) for frame in chosen]
        triggers = {m.trigger.i: m for m in matches}
        absorbed: set[int] = set()
        readings: list[Reading] = []
        for match in sorted(matches, key=lambda m: m.frame.pos != "verb"):
            if match.trigger.i in absorbed or self.is_role_noun(match):
                continue
            if self.is_description(match) or self.is_disaster(match):
                continue
            if other_sense(match.trigger, self.cues) is not None:
                continue  # "captured the gold medal", "the film was shot in Morocco"
            readings.extend(self.read_match(match, scope, triggers, absorbed))
        return readings

    def is_unknown_person(self, head: Token) -> bool:
        """A person's name the knowledge base does not know ("gunmen killed Ahmed
        Yusuf"), and no place the parser took for a person ("liberated Kherson")."""
        named = head.pos_ == "PROPN" and head.ent_type_ == "PERSON"
        return named and self.gazetteer.lookup(head.text) is None

    def is_description(self, match: Match) -> bool:
        """ "Gunmen armed with rifles", "troops backed by air strikes", "two men
        convicted of trafficking": a participle that describes a noun tells who the actors
        are, not an act; only violence told so is one ("civilians killed in the raid")."""
        trigger = match.trigger
        described = trigger.dep_ in ("acl", "amod") and trigger.tag_ == "VBN"
        return described and not self.is_violent(match.frame.code)

    def is_disaster(self, match: Match) -> bool:
        """ "An earthquake killed 300", "were killed in a bus crash": harm done by a
        disaster or an accident (`disaster_nouns`) is no political event."""
        trigger = match.trigger
        if not self.is_violent(match.frame.code):
            return False
        causes = [verb_subject(trigger)]
        if is_passive(trigger):
            causes += [prep_object(trigger, ("in", "by"))]
        return any(c is not None and lemma(c) in self.cues.disaster_nouns for c in causes)

    def is_role_noun(self, match: Match) -> bool:
        """`peacekeepers`, `protesters`, `a suicide bomber`: nouns that name actors, not
        events."""
        token = match.trigger
        if match.frame.pos != "noun":
            return False
        words = [*(c for c in token.lefts if c.dep_ == "compound"), token]
        return self.resolver.sector_of(words) is not None

    # -- one match ----------------------------------------------------------------------

    def read_match(
        self, match: Match, scope: SentenceScope, triggers: dict[int, Match], absorbed: set[int]
    ) -> list[Reading]:
        """The readings of one match; `triggers` holds every match of the sentence by its
        trigger, and `absorbed` the event nouns already read as part of a verb's event."""
        context = self.read_context(match, scope)
        if match.frame.pos == "verb":
            match, source_heads, target_heads = self.verb_roles(match, triggers, absorbed)
        else:
            event_verbs = {i for i, m in triggers.items() if m.frame.pos == "verb"}
            source_heads = noun_sources(match.trigger, match, event_verbs)
            target_heads = noun_targets(match.trigger, match)
        parties = Parties(
            match,
            source_heads,
            target_heads,
            self.first_actors(source_heads, scope, context),
            self.first_actors(target_heads, scope, context),
        )
        for rule in self.party_rules:
            rule(self, parties, scope)
            if parties.dropped:
                return []
        sources, targets = parties.sources, parties.targets
        if sources:
            scope.earlier.append((match.trigger.i, sources))
        act = self.territory_code(parties, self.weapon_code(parties))
        code = self.effective_code(act, context)
        mutual = self.is_reciprocal(code) or lemma(match.trigger) in self.cues.mutual_verbs
        if targets or (mutual and len(sources) > 1 and not self.require_source):
            pairs = self.directed_pairs(sources, targets, code, mutual=mutual)
        else:
            acted = self.party_code(code, next(iter(sources), None), None, match.trigger)
            places = self.inferred_targets(parties, acted, scope)  # workers' "strike" is 143
            pairs = self.directed_pairs(sources, places, None, mutual=mutual)
        if not self.is_actorless_act(code, match.trigger):
            pairs = [(s, t) for s, t in pairs if s is not None or t is not None]
        intended = act if code != act else None
        together = mutual and len(sources) > 1  # "clashes between the army and rebels"
        return [
            Reading(
                match.trigger, match.frame.origin, match.frame.pos,
                code if together else self.party_code(code, s, t, match.trigger),
                s, t, context, intended,
            )
            for s, t in pairs
        ]  # fmt: skip

    def party_code(
        self, code: str, source: Actor | None, target: Actor | None, trigger: Token
    ) -> str:
        """The code the parties make an act (`ontology/party_codes.csv`): police firing on
        their own protesters is violent repression (175), rebels seizing people abduct
        them (181), workers on strike strike for labour (143)."""
        word = lemma(trigger)
        row = next((r for r in self.party_codes if r.fits(code, source, target, word)), None)
        return row.becomes if row is not None else code

    # -- party rules (`PARTY_RULES`, in order; each fills in or corrects the parties) --

    def explosive_attackers(self, parties: Parties, scope: SentenceScope) -> None:
        """ "A car bomb killed 12", "a blast hit the market": an explosive that no one the
        text names set off was set off by unnamed attackers. Not under PETRARCH's rules,
        and not shelling or air strikes: armies do those."""
        if parties.sources or self.require_source:
            return
        if not self.is_violent(parties.match.frame.code):
            return
        words = act_words(parties)
        device = next((w for w in words if lemma(w) in self.cues.explosive_nouns), None)
        if device is not None:
            parties.sources = [bombers(device)]

    def place_targeted(self, parties: Parties, scope: SentenceScope) -> None:
        """ "Shelled Idlib": the country of a place acted on is the target (not for a
        peaceful act with no doer: `wants_doer`), and of a place whose control is seized
        ("took control of Kabul")."""
        if self.wants_doer(parties, parties.match.frame.code):
            return
        if not parties.targets and parties.target_heads:
            head = parties.target_heads[0]
            parties.targets = self.place_country(head, parties.sources, phrase=True)
            if not parties.targets and parties.match.frame.code in self.cues.territory_codes:
                parties.targets = self.country_of(self.gazetteer.held_place(head))

    def they_both(self, parties: Parties, scope: SentenceScope) -> None:
        """ "X met Y. They discussed trade": see `both_parties`."""
        heads = parties.source_heads
        if not parties.targets and heads and heads[0].lower_ == "they":
            parties.sources = self.both_parties(parties.sources, parties.match.frame.code, scope)

    def shared_country(self, parties: Parties, scope: SentenceScope) -> None:
        """ "US and British officials": see `of_shared_country`."""
        parties.sources = of_shared_country(parties.sources)
        parties.targets = of_shared_country(parties.targets, parties.sources)

    def strict_dyad(self, parties: Parties, scope: SentenceScope) -> None:
        """Under PETRARCH's rules (`require_source`), drop what `is_strict_dyad` refuses."""
        if self.require_source and not self.is_strict_dyad(parties.sources, parties.targets):
            parties.dropped = True

    def placed_parties(self, parties: Parties, scope: SentenceScope) -> None:
        """Unnamed people take a country: see `placed`."""
        trigger = parties.match.trigger
        parties.sources, parties.targets = self.placed(
            trigger, parties.sources, parties.targets, scope
        )

    def not_on_itself(self, parties: Parties, scope: SentenceScope) -> None:
        """A target that is one of the sources is no target (see `acts_on_itself`), nor,
        for an act aimed outward (`outward`: statements), one of the sources' country."""
        targets = [t for t in parties.targets if not acts_on_itself(parties.sources, t)]
        if self.facts.holds(parties.match.frame.code, "outward"):
            own = {a.country for a in parties.sources if a.country}
            targets = [t for t in targets if t.country not in own]
        parties.targets = targets

    def inferred_targets(self, parties: Parties, code: str, scope: SentenceScope) -> list[Actor]:
        """The target of an act the text names none for, by the first target rule that
        finds one (`TARGET_RULES`)."""
        for rule in self.target_rules:
            found = rule(self, parties, code, scope)
            if found:
                return found
        return []

    def meeting_place(self, parties: Parties, code: str, scope: SentenceScope) -> list[Actor]:
        """PETRARCH makes the place of a meeting its target: "met in Zurich" (not for a
        peaceful act with no doer: `wants_doer`), nor of an act no one is named doing that
        a noun mentions in passing ("detain 200 after violent protests in Santiago"; "died
        in clashes in Tripoli" tells the clashes)."""
        if self.wants_doer(parties, code) or self.is_mentioned(parties):
            return []
        return self.place_as_target(parties.match.trigger, parties.sources, code, scope)

    def protesters_government(
        self, parties: Parties, code: str, scope: SentenceScope
    ) -> list[Actor]:
        return self.own_government(parties.sources, code)

    def is_mentioned(self, parties: Parties) -> bool:
        """An event noun no one is named doing, mentioned in passing (`is_passing_mention`)
        by a preposition other than the "in" or "by" of harm it caused."""
        trigger = parties.match.trigger
        if parties.match.frame.pos != "noun" or parties.sources:
            return False
        return is_passing_mention(trigger) and trigger.head.lower_ not in ("in", "by")

    def is_violent(self, code: str) -> bool:
        """Material conflict (quad class 4): the acts that may lack a named doer."""
        return self.ontology[code].quad_class == 4

    def wants_doer(self, parties: Parties, code: str) -> bool:
        """A peaceful act no one is named doing takes no target from a place ("runners
        took to the streets of Nairobi"); violence does ("houses were torched in Rakhine")."""
        return not parties.sources and not self.is_violent(code)

    def is_actorless_act(self, code: str, trigger: Token) -> bool:
        """Violence told by a clause is an event even when the text names neither side
        ("a bomb was detonated in the market", "he was shot"): an analyst counting
        attacks wants it. Other acts need someone who did it or had it done to them,
        and so does a participle used as an adjective ("damaged ties")."""
        told = trigger.pos_ != "VERB" or trigger.dep_ not in ("amod", "compound")
        return not self.require_source and self.is_violent(code) and told

    def is_strict_dyad(self, sources: list[Actor], targets: list[Actor]) -> bool:
        """PETRARCH's rule, for `require_source`: a source is named, and some party is
        identified by a country or the knowledge base ("insurgents killed people" is
        not coded)."""
        return bool(sources) and any(a.country or a.id for a in (*sources, *targets))

    def both_parties(self, sources: list[Actor], code: str, scope: SentenceScope) -> list[Actor]:
        """ "X met Y. They discussed trade": a plural pronoun that points to one party of
        the last act stands for both when the act it does is mutual."""
        last = scope.dyads[-1] if scope.dyads else []
        if len(sources) == 1 and sources[0] in last and self.is_reciprocal(code):
            return list(last)
        return sources

    def verb_roles(
        self, match: Match, triggers: dict[int, Match], absorbed: set[int]
    ) -> tuple[Match, list[Token], list[Token]]:
        """The phrases that may hold a verb's source and target, best first. An event noun
        that names the verb's means takes over ("airstrikes killed 70")."""
        nouns = {
            i: m
            for i, m in triggers.items()
            if m.frame.pos == "noun" and not self.is_role_noun(m)  # "a suicide bomber killed"
        }
        violent = self.is_violent(match.frame.code)
        people = [o for o in pattern_objects(match) if violent and self.names_people(o)]
        noun = merged_noun(match.trigger, nouns) or same_act_object(match, nouns)
        if noun is not None:
            absorbed.add(noun.trigger.i)
            used = tuple(sorted({*noun.frame.used, *match.frame.used}))
            frame = replace(noun.frame, trigger=match.frame.trigger, used=used)
            merged = Match.of(frame, match.trigger.doc)
            targets = noun_targets(noun.trigger, noun) + verb_targets(merged)
            if is_passive(match.trigger):
                targets += verb_targets(match)  # "were killed in Israeli shelling"
            return merged, noun_sources(noun.trigger, noun), targets + people
        subjects = verb_subjects(match.trigger)
        if subjects and subjects[0].i in nouns:
            subjects = [t for t in [purpose_subject(match.trigger)] if t is not None]
        if not subjects:  # a gerund as a noun: "fighting between X and Y raged"
            subjects = [t for t in [prep_object(match.trigger, ("between",))] if t is not None]
        if self.is_receiving(match):
            givers = [match.target_head] if match.target_head is not None else []
            return match, givers, subjects
        if violent:
            subjects += [t for t in [origin_of_attack(match.trigger)] if t is not None]
        aimed = purpose_objects(match.trigger, self.cues.dispersal_verbs)
        return match, subjects, verb_targets(match) + people + aimed

    def is_headcount(self, head: Token) -> bool:
        """A bare number that counts the people an act harms or holds: "gunmen killed 12",
        "police detained 200" (`headcount_verbs`)."""
        verb = head.head
        alone = not any(c.pos_ in ("NOUN", "PROPN") for c in head.children)
        return head.like_num and alone and lemma(verb) in self.cues.headcount_verbs

    def names_people(self, noun: Token) -> bool:
        """Whether a noun by itself names people ("civilians", "people"), not a thing
        that a role word modifies ("heavy artillery fire")."""
        return noun.lower_ in self.cues.people_nouns or self.resolver.sector_of([noun]) is not None

    def is_receiving(self, match: Match) -> bool:
        """ "Ukraine received tanks from Germany": Germany gave them."""
        giver = match.target_head
        return (
            giver is not None
            and giver.head.lower_ == "from"
            and match.trigger.lemma_.lower() in self.cues.receiving_verbs
            and self.facts.holds(match.frame.code, "received")
        )

    def placed(
        self, trigger: Token, sources: list[Actor], targets: list[Actor], scope: SentenceScope
    ) -> tuple[list[Actor], list[Actor]]:
        """Unnamed people of a known kind ("gunmen", "police", "villagers") take a country
        from the best evidence, in this order: the mention itself ("Indonesian troops",
        done by the resolver), the one country whose organ of that kind the story has named
        (`as_named_before`), the event's place ("killed four villagers in Darfur"), the
        story's dateline, the country the story names most, then the country whose police,
        courts or government act on them ("Saudi Arabia executed three men"). Under
        PETRARCH's strict rules (`require_source`) only the victims are placed, as
        PETRARCH codes them."""
        sources = [self.as_named_before(a, scope) for a in sources]
        targets = [self.as_named_before(a, scope) for a in targets]
        if not any(map(is_unplaced, (*sources, *targets))):
            return sources, targets
        countries = [a.country for a in (*sources, *targets) if a.country]
        location = self.gazetteer.locate(trigger, countries=countries)
        if location is not None and location.country is not None:
            country, note = location.country, f"in {location.name}"
        elif scope.dateline is not None and scope.dateline.country is not None:
            country, note = scope.dateline.country, f"the dateline {scope.dateline.name}"
        elif scope.story_countries:
            country = scope.story_countries.most_common(1)[0][0]
            note = f"the story is about {country}"
        elif (authority := domestic_authority(sources)) is not None:
            country, note = authority, f"the people {authority}'s authorities act on"
        else:
            return sources, targets
        if self.require_source:
            return sources, placed_in(targets, country, note)  # PETRARCH: doers stay "---"
        return placed_in(sources, country, note), placed_in(targets, country, note)

    def as_named_before(self, actor: Actor, scope: SentenceScope) -> Actor:
        """An unplaced organ of a state ("soldiers", "police") is that of the one country
        whose organ of the same kind the story has named so far: "Israel's military denied
        that its troops fired, saying soldiers had only targeted ..." (not the country of
        the place: armies act abroad)."""
        if not is_unplaced(actor) or actor.sector not in STATE_SECTORS:
            return actor
        seen = [a for _, actors in scope.earlier for a in actors]
        seen += [a for pair in scope.dyads for a in pair]
        countries = {a.country for a in seen if a.sector == actor.sector and a.country}
        if len(countries) != 1:
            return actor
        country = countries.pop()
        return recoded(actor, country, actor.sector, f"the story's {actor.sector} are {country}'s")

    def place_as_target(
        self, trigger: Token, sources: list[Actor], code: str, scope: SentenceScope
    ) -> list[Actor]:
        """The country of the place ("met in Zurich", "protested in Beijing") is the
        target when the text names none, unless the parties act on each other on the
        territory of one of them ("talks in Russia" between Russia and Iran)."""
        place = place_object(trigger)
        if place is None:
            return []
        mention = scope.mentions.get(place.i)
        if mention is not None and mention.how == ADJECTIVE:
            return []  # "transfers in Iranian rials" names no place
        actors = self.place_country(place, sources)
        own = {a.country for a in sources}
        if len(sources) > 1 and self.is_reciprocal(code) and own & {a.country for a in actors}:
            return []
        return actors

    def own_government(self, sources: list[Actor], code: str) -> list[Actor]:
        """The government of the doers' one country, for acts aimed at it when the text
        names no one ("Spanish unions staged a general strike"), like domestic protest;
        PETRARCH's rules (`require_source`) infer no target."""
        countries = {a.country for a in sources}
        aimed = self.facts.holds(code, "own_government") and not self.require_source
        people = all(a.sector and a.sector not in STATE_SECTORS for a in sources)
        if not aimed or not people or len(countries) != 1:
            return []
        country = countries.pop()
        if country is None:
            return []
        actor = self.country_actor(country, "GOV", "the government of the protesters' country,")
        return [actor]

    def country_actor(self, country: str, sector: str | None, why: str, text: str = "") -> Actor:
        """A country (or its organ of `sector`) that the text names only by a place or
        leaves to be inferred; `why` becomes the reason."""
        entry = self.resolver.kb.entries.get(f"country:{country}")
        name = entry.name if entry else country
        return Actor(
            text=text or name,
            name=name,
            code=f"{country}{sector or ''}",
            country=country,
            sector=sector,
            id=f"country:{country}",
            reason=f"{why} {name}",
        )

    def place_country(
        self, place: Token, sources: list[Actor], *, phrase: bool = False
    ) -> list[Actor]:
        """The country a named place is in, as an actor: shelling Idlib targets Syria;
        with `phrase`, also the place of the noun's own phrase ("struck targets in Gaza")."""
        if not any(t.pos_ == "PROPN" for t in place.subtree):
            return []  # "the city of Kharkiv" names a place, "the capital" alone does not
        countries = [a.country for a in sources if a.country]
        if phrase and not place.like_num and not self.names_people(place):
            location = self.gazetteer.place_of(place, countries)  # not "arrested 12 in X"
        else:
            location = self.gazetteer.place_at(place, countries)
        return self.country_of(location)

    def country_of(self, location: Location | None) -> list[Actor]:
        """The country a located place is in, as an actor (none for a place of no known
        country)."""
        if location is None or location.country is None:
            return []
        why = f"the place {location.name} is in"
        actor = self.country_actor(location.country, None, why, location.name)
        return [actor]

    def first_actors(
        self, heads: list[Token], scope: SentenceScope, context: Context
    ) -> list[Actor]:
        """The actors of the first phrase that names any; pronouns and "the group" or
        "the country" point back, and a thing or an unnamed force someone sent stands for its
        sender (`sender`)."""
        for phrase in heads:
            head = counted(phrase, self.cues.quantity_nouns)
            kind = self.anaphor_kind(head)
            if head.lower_ in PRONOUNS or is_first_person(head) or kind is not None:
                antecedent = self.antecedent(head, scope, context, kind=kind)
                if antecedent:
                    return antecedent
                continue
            actors = [
                a
                for a in self.resolver.actors_at(head, scope.mentions, scope.when)
                if not self.is_outlet(a)
            ]
            if all(map(is_unplaced, actors)) and (sent := self.sender(head, scope, context)):
                return sent
            if actors:
                if head.i != phrase.i:
                    actors = [people_of(a) for a in actors]  # "thousands of Lebanese"
                self.remember_people(head, actors, scope.people)
                return self.owned(head, actors, scope, context)
            if head.pos_ == "PROPN" and head.text in scope.people:
                return [scope.people[head.text]]
            people = head.lower_ in self.cues.people_nouns or self.is_headcount(head)
            if people or self.is_unknown_person(head):
                return [civilians(head)]
        return []

    def sender(self, head: Token, scope: SentenceScope, context: Context) -> list[Actor]:
        """Who sent a thing or unnamed force the phrase names: "rockets fired by Hamas",
        "drones launched by Russia" (`sending_verbs`)."""
        agent = participle_agent(head, self.cues.sending_verbs)
        return self.first_actors([agent], scope, context) if agent is not None else []

    def owned(
        self, head: Token, actors: list[Actor], scope: SentenceScope, context: Context
    ) -> list[Actor]:
        """ "its troops", "their police": a kind of people owned by whom the pronoun
        stands for takes that actor's country."""
        owner = child(head, "poss")
        if owner is None or owner.lower_ not in PRONOUNS or not any(map(is_unplaced, actors)):
            return actors
        countries = [a.country for a in self.antecedent(owner, scope, context) if a.country]
        if not countries:
            return actors
        return placed_in(actors, countries[0], f"{owner.text} stands for {countries[0]}")

    def remember_people(self, head: Token, actors: list[Actor], people: dict[str, Actor]) -> None:
        """Keep the surname of a person the knowledge base does not know, with the role
        the text gave them, for later mentions by surname alone."""
        names = [t for t in phrase_tokens(head) if t.ent_type_ == "PERSON" and t.pos_ == "PROPN"]
        if len(actors) == 1 and len(names) >= 2 and self.kind_of(actors[0]) != "person":
            people.setdefault(names[-1].text, actors[0])

    def anaphor_kind(self, head: Token) -> str | None:
        """`the group` stands for an organisation named before, `the country` for a
        country, `the two sides` for the parties of the last act: the kind of actor a
        definite role-less noun points back to."""
        modifiers = [c.lower_ for c in head.children if not c.is_punct]
        if self.is_pair(head, modifiers):
            return PAIR
        kind = self.cues.anaphors.get(head.lower_)
        return kind if kind is not None and modifiers == ["the"] else None  # not "the group that"

    def is_pair(self, head: Token, modifiers: list[str]) -> bool:
        """`the two`, `both`, `the two leaders`, `both sides`; not `two soldiers`."""
        if head.lower_ == "both" or (head.lower_ == "two" and modifiers == ["the"]):
            return True
        if lemma(head) not in self.cues.pair_nouns:
            return False
        return modifiers in (["both"], ["the", "two"])

    def antecedent(
        self, pronoun: Token, scope: SentenceScope, context: Context, *, kind: str | None = None
    ) -> list[Actor]:
        """What a pronoun stands for: the nearest actor before it in the sentence, as an
        event's source ("they met, after which they will sign"), a subject ("Tehran was
        sanctioned for its crackdown"), for "him" and "them" an object ("found the general
        guilty and sentenced him", but never the doer of its own clause: "police fired tear
        gas to disperse them"), or the speaker ("Iran said it would"), else the
        source of the last event before this sentence in the story. With `kind`, only
        actors of that kind count ("the group" is the last organisation)."""
        if is_first_person(pronoun):
            return list(context.speakers)
        if kind == PAIR:
            return list(scope.dyads[-1]) if scope.dyads else []
        objects = pronoun.lower_ in OBJECT_PRONOUNS
        own = own_clause(pronoun) if objects else set()
        before = [(i, actors) for i, actors in scope.earlier if i < pronoun.i and i not in own]
        for token in scope.sent[: pronoun.i - scope.sent.start]:
            if token.i in own or token.lower_ in PRONOUNS or not self.may_stand_for(token, objects):
                continue
            head = counted(token, self.cues.quantity_nouns)  # "thousands of protesters"
            actors = self.resolver.actors_at(head, scope.mentions, scope.when)
            if actors:
                before.append((token.i, actors))
        if context.speakers and context.speech is not None:
            speaker_at = context.speech.i if context.speech.i < pronoun.i else scope.sent.start
            before.append((speaker_at, list(context.speakers)))
        before.sort(key=lambda item: item[0])
        if kind is not None:
            before = [(i, [a for a in actors if self.kind_of(a) == kind]) for i, actors in before]
            before = [(i, actors) for i, actors in before if actors]
        return before[-1][1] if before else []

    def may_stand_for(self, token: Token, objects: bool) -> bool:
        """Whether a pronoun may point back to the phrase: a subject, and for "him" and
        "them" also an object or whom someone spoke with ("spoke with Putin, urging him";
        `interlocutor_preps`)."""
        if token.dep_ in ("nsubj", "nsubjpass"):
            return True
        spoken_to = token.dep_ == "pobj" and token.head.lower_ in self.cues.interlocutor_preps
        return objects and (token.dep_ == "dobj" or spoken_to)

    def kind_of(self, actor: Actor) -> str | None:
        entry = self.resolver.kb.entries.get(actor.id or "")
        return entry.kind if entry is not None else None

    def is_outlet(self, actor: Actor) -> bool:
        entry = self.resolver.kb.entries.get(actor.id or "")
        return entry is not None and entry.kind == "outlet"

    # -- context ------------------------------------------------------------------------

    def read_context(self, match: Match, scope: SentenceScope) -> Context:
        chain = governing_chain(match.trigger)
        negator = negated_by_verb(chain, self.cues)
        negated = negator is not None or is_negated(chain[0]) or negated_above(chain)
        if negator is not None and lemma(negator) in self.cues.denial_verbs:
            modality: Modality = "reported_denied"
        elif is_hypothetical(chain, self.cues):
            modality = "hypothetical"
        elif is_planned(chain, self.cues):
            modality = "planned"
        else:
            modality = "asserted"
        speakers, outlet, speech = self.attribution(match.trigger, scope)
        return Context(negated, modality, outlet, speech, speakers)

    def attribution(
        self, trigger: Token, scope: SentenceScope
    ) -> tuple[tuple[Actor, ...], str | None, Token | None]:
        found = find_attribution(trigger, self.cues)
        mentions = scope.mentions
        if not found.speakers and scope.quoted is not None:
            verb, mentions = scope.quoted
            found = said_by(verb, self.cues)
        speakers: tuple[Actor, ...] = ()
        outlet: str | None = None
        for head in found.speakers:
            actors = self.resolver.actors_at(head, mentions, scope.when)
            outlet = outlet or next((a.name for a in actors if self.is_outlet(a)), None)
            speakers = speakers or tuple(a for a in actors if not self.is_outlet(a))
            if head.lemma_.lower() in self.cues.outlet_nouns and outlet is None:
                outlet = segment_text(phrase_tokens(head))
        return speakers, outlet, found.verb

    def weapon_code(self, parties: Parties) -> str:
        """Unspecified force (190) made precise by the weapon its doer, means or words
        name (`weapon_codes` in cues.yaml): "Israeli aircraft struck" is aerial (195)."""
        match = parties.match
        if match.frame.code != UNSPECIFIED_FORCE:
            return match.frame.code
        words = act_words(parties)
        words += [o for o in [prep_object(match.trigger, ("with",))] if o is not None]
        words += [c for w in list(words) for c in w.lefts if c.dep_ == "compound"]
        codes = [self.cues.weapon_codes.get(lemma(w)) for w in words]
        return next((c for c in codes if c is not None), match.frame.code)

    def territory_code(self, parties: Parties, code: str) -> str:
        """Seizing a place, or control of one, not people or property, is occupying
        territory (`territory_codes` in cues.yaml): "rebels captured Bunia", "seized
        control of Wad Madani" are 192."""
        becomes = self.cues.territory_codes.get(code)
        place = parties.target_heads[0] if parties.target_heads else None
        if becomes is None or place is None:
            return code
        if (self.gazetteer.place_at(place) or self.gazetteer.held_place(place)) is None:
            return code
        return becomes if all(t.sector is None for t in parties.targets) else code

    def effective_code(self, code: str, context: Context) -> str:
        """A planned act is coded as the intent to do it, as the codebook does: 03x to
        cooperate (planning to sign is AGREE, signing is SUPPORT), 13x to use force."""
        if context.modality == "planned" and not context.negated:
            return self.facts.intent(code) or code
        return code

    def is_reciprocal(self, code: str) -> bool:
        return self.facts.holds(code, "mutual")

    def directed_pairs(
        self, sources: list[Actor], targets: list[Actor], code: str | None, *, mutual: bool
    ) -> list[Pair]:
        """One event per directed pair: compound actors multiply, and actors named together
        with no target act on each other when the act is `mutual` ("Russia and Iran signed
        a treaty"), not when it is not ("US and British activists protested"). Acts of a
        symmetric `code` go both ways ("talks with"); pass None for a target that is only
        the place ("held talks in Moscow" does not make Russia a party)."""
        if not targets and len(sources) > 1 and mutual:
            return list(permutations(sources, 2))
        maybe_sources: list[Actor | None] = [*sources] or [None]
        maybe_targets: list[Actor | None] = [*targets] or [None]
        pairs: list[Pair] = list(product(maybe_sources, maybe_targets))
        if code is not None and self.facts.holds(code, "symmetric"):
            pairs += [(t, s) for s, t in pairs if s is not None and t is not None]
        return pairs

    # -- the record ---------------------------------------------------------------------


@dataclass(slots=True)
class Parties:
    """Who did an act and to whom, while the party rules fill them in: the phrases that
    may name them (best first) and the actors found so far."""

    match: Match
    source_heads: list[Token]
    target_heads: list[Token]
    sources: list[Actor]
    targets: list[Actor]
    dropped: bool = False
    """Set by a rule that finds the reading is no event."""


def act_words(parties: Parties) -> list[Token]:
    """The words that tell how an act was done: its doer's phrase and the pattern's own
    words ("a car bomb killed", "Israeli aircraft struck")."""
    doc = parties.match.trigger.doc
    return [*parties.source_heads[:1], *(doc[i] for i in sorted(parties.match.frame.used))]


def own_clause(pronoun: Token) -> set[int]:
    """The verbs an object pronoun's clause hangs from (through control: "fired tear gas
    to disperse them") and their subjects: what the pronoun cannot stand for."""
    verbs = [pronoun.head] if pronoun.head.pos_ in ("VERB", "AUX") else []
    while verbs and verbs[-1].dep_ in ("xcomp", "advcl") and verbs[-1].head is not verbs[-1]:
        verbs.append(verbs[-1].head)
    subjects = {c.i for v in verbs for c in v.children if c.dep_ in ("nsubj", "nsubjpass")}
    return {v.i for v in verbs} | subjects


UNSPECIFIED_FORCE = "190"
PartyRule = Callable[[EventCoder, Parties, SentenceScope], None]
PARTY_RULES: tuple[tuple[str, PartyRule], ...] = (
    ("explosive_attackers", EventCoder.explosive_attackers),
    ("place_targeted", EventCoder.place_targeted),
    ("they_both", EventCoder.they_both),
    ("shared_country", EventCoder.shared_country),
    ("strict_dyad", EventCoder.strict_dyad),
    ("placed", EventCoder.placed_parties),
    ("not_on_itself", EventCoder.not_on_itself),
)
"""The rules that complete an act's parties after the actors its phrases name, in order;
a name in the `rules_off` setting switches a rule off."""
TargetRule = Callable[[EventCoder, Parties, str, SentenceScope], list[Actor]]
TARGET_RULES: tuple[tuple[str, TargetRule], ...] = (
    ("meeting_place", EventCoder.meeting_place),
    ("protesters_government", EventCoder.protesters_government),
)
"""The rules that infer a target the text does not name; the first that finds one wins."""
