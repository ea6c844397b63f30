"""Finding actor mentions in a parsed sentence and resolving them to actor codes.

The resolver works in two steps: `mentions()` marks every knowledge-base name in a
sentence (longest match wins), then `actors_at(token)` reads the noun phrase headed by a
token (its head noun, possessor, adjectives, compounds, appositive and `of` phrase) and
builds the Actor: country from the names, sector from the role noun or the person's office
on the publication date.

One name can belong to several entries (the Taliban as insurgents and as a government, two
people called David Johnston). The mention keeps every reading, and the phrase reader picks
one by the date (an office held or an organisation existing that day), then by the countries
of the document, and says why in the actor's `reason`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from eventwire import cache
from eventwire.actors.context import GazetteerPlaces
from eventwire.actors.knowledge import LINK_WORDS, Entry, KnowledgeBase
from eventwire.models import Actor

NAME, ADJECTIVE, CAPITAL, SEAT = "name", "adjective", "capital", "seat"
GROUP_KINDS = frozenset({"organisation", "outlet"})
"""Knowledge-base kinds whose people a role noun can name: "fighters of Hamas"."""
POSSESSIVE_MARKS = frozenset({"'s", "’s", "'"})
OBJECT_PRONOUNS = frozenset({"him", "them"})
"""Pronouns that stand only for what an act is done to: "arrested the editor and charged him"."""
PRONOUNS = frozenset({"it", "they", "he", "she", "we", "its", "their", "his", "her", "our"})
PRONOUNS |= OBJECT_PRONOUNS

Reading = tuple[Entry, str]


@dataclass(frozen=True, slots=True)
class Mention:
    """A knowledge-base name found in the text: `how` says whether it was a name,
    adjective, capital or seat of power. `readings` lists every (entry, how) the name has
    when it has more than one; `entry` is then only the first, until a reading is chosen."""

    start: int
    end: int
    entry: Entry
    how: str
    readings: tuple[Reading, ...] = ()


def _alias_forms(entry: Entry) -> Iterator[tuple[str, str]]:
    for alias in entry.aliases:
        yield alias, NAME
    for alias in entry.adjectives:
        yield alias, ADJECTIVE
    for alias in entry.capitals:
        yield alias, CAPITAL
    for alias in entry.seats:
        yield alias, SEAT


class NameIndex:
    """Every knowledge-base name as the tokenizer splits it, in lower case, for matching
    runs of tokens: what spaCy's PhraseMatcher does with attr="LOWER", without its cost at
    start-up (making spaCy lexemes for 13,000 names took most of a second). The split
    names are cached on disk under a hash of the names and the tokenizer."""

    def __init__(self, names: dict[str, list[tuple[str, ...]]]) -> None:
        keys: dict[tuple[str, ...], tuple[str, ...]] = {}
        lengths: dict[str, set[int]] = defaultdict(set)
        for name, runs in names.items():
            for run in runs:
                keys[run] = (*keys.get(run, ()), name)
                lengths[run[0]].add(len(run))
        self.keys = keys
        """Token run -> the names (lower case) written so."""
        self.lengths = {first: tuple(sorted(found)) for first, found in lengths.items()}
        """First token -> the lengths of the runs that start with it."""

    @classmethod
    def build(cls, spellings: Mapping[str, Collection[str]], nlp: Language) -> NameIndex:
        """Each name's spellings as the tokenizer splits them: "U.K." is one token, "u.k."
        two."""
        blob = "\n".join(f"{name}\t{'|'.join(forms)}" for name, forms in spellings.items())
        tokenizer = f"{nlp.meta.get('name')}-{nlp.meta.get('version')}-{spacy.__version__}"

        def split() -> dict[str, list[tuple[str, ...]]]:
            return {
                name: [tuple(t.lower_ for t in nlp.make_doc(form)) for form in forms]
                for name, forms in spellings.items()
            }

        return cls(cache.cached("actor-names", [Path(__file__), blob, tokenizer], split))

    def matches(self, sent: Span) -> Iterator[tuple[str, int, int]]:
        """(name, start, end) of every run of the sentence that is a name, in document
        offsets, overlapping runs included."""
        words = [t.lower_ for t in sent]
        for i, word in enumerate(words):
            for length in self.lengths.get(word, ()):
                for name in self.keys.get(tuple(words[i : i + length]), ()):
                    yield name, sent.start + i, sent.start + i + length


class ActorResolver:
    """Resolves actor mentions against a knowledge base, date-aware."""

    def __init__(self, kb: KnowledgeBase, nlp: Language) -> None:
        self.kb = kb
        texts: dict[str, dict[str, Reading]] = {}
        spellings: dict[str, dict[str, None]] = {}
        for entry in kb.entries.values():
            for alias, how in _alias_forms(entry):
                texts.setdefault(alias.lower(), {}).setdefault(entry.id, (entry, how))
                spellings.setdefault(alias.lower(), {})[alias] = None
        self.readings = {text: tuple(readings.values()) for text, readings in texts.items()}
        self.names = NameIndex.build(spellings, nlp)
        # Acronyms match only in capitals: "UN" is not the "Un" of Kim Jong Un, "US" not "Us".
        self.acronyms = frozenset(
            text for text, forms in spellings.items() if all(form.isupper() for form in forms)
        )
        self.sector_words = {k: v for k, v in kb.sectors.items() if " " not in k}
        self.sector_phrases = {tuple(k.split()): v for k, v in kb.sectors.items() if " " in k}
        self.longest_phrase = max((len(p) for p in self.sector_phrases), default=1)
        self.places: PlaceFinder | None = GazetteerPlaces()
        """Place names give groups their country (None: do without the gazetteer)."""

    # -- finding names ----------------------------------------------------------------

    def mentions(self, sent: Span) -> dict[int, Mention]:
        """Token index -> the knowledge-base name covering it (longest, leftmost first).
        Names are capitalised ("turkey" is the bird), unless the sentence has no capitals
        at all: its case is lost, and "afghan police" is Afghan police (acronyms still need
        capitals: "us" is a pronoun)."""
        found: dict[int, Mention] = {}
        matches = sorted(self.names.matches(sent), key=lambda m: _match_order(sent.doc, *m[1:]))
        cased = any(c.isupper() for c in sent.text)
        for key, start, end in matches:
            span = sent.doc[start:end]  # the matcher gives document offsets
            if cased and span.text.islower():
                continue
            if any(i in found for i in range(span.start, span.end)):
                continue
            if key in self.acronyms and not span.text.isupper():
                continue
            readings = self.readings[key]
            if self._inside_other_name(span, readings, found):
                continue
            if self._another_countrys_body(span, readings, found):
                continue
            if self._begins_place_name(span, readings):
                continue
            entry, how = readings[0]
            alternatives = readings if len(readings) > 1 else ()
            mention = Mention(span.start, span.end, entry, how, alternatives)
            for i in range(span.start, span.end):
                found[i] = mention
        return found

    def _another_countrys_body(
        self, span: Span, readings: tuple[Reading, ...], found: dict[int, Mention]
    ) -> bool:
        """True for "Defense Department" in "Chile's Defense Department": a body's name
        that is also a common role phrase (`sectors.yaml`) names the body of the country
        written before it, not the one the knowledge base knows by that name. So does a
        party's or union's name ending in, or followed by, a role noun: "the Dutch Labour
        Party", "Israel's Labour party" are not the British one."""
        if span.text.lower() not in self.kb.sectors and not self._namesake_party(span, readings):
            return False
        before = span.start - 1
        if before >= 0 and span.doc[before].lower_ in POSSESSIVE_MARKS:
            before -= 1
        qualifier = found.get(before)
        if qualifier is None or qualifier.entry.kind != "country":
            return False
        return all(entry.country != qualifier.entry.country for entry, _ in readings)

    def _namesake_party(self, span: Span, readings: tuple[Reading, ...]) -> bool:
        """True when every reading is a party or union with a country and the name ends in
        or precedes a role noun ("Labour Party", "Labour party"): parties of many countries
        share such names."""
        if not all(e.country and e.sector in NAMESAKE_SECTORS for e, _ in readings):
            return False
        heads = [span[-1]] + ([span.doc[span.end]] if span.end < len(span.doc) else [])
        return any(_word_key(t) in self.sector_words for t in heads)

    def _begins_place_name(self, span: Span, readings: tuple[Reading, ...]) -> bool:
        """True for "Niger" in "Niger Delta": a country's name that begins the name of a
        place of the gazetteer in another country, which then names the group ("Niger Delta
        militants" NGA) as any place does."""
        if self.places is None or span.end >= len(span.doc) or not span.doc[span.end].is_title:
            return False
        if any(entry.kind != "country" or how != NAME for entry, how in readings):
            return False
        place = self.places.country_of(f"{span.text} {span.doc[span.end].text}")
        return place is not None and place[1] not in {entry.code for entry, _ in readings}

    def _inside_other_name(
        self, span: Span, readings: tuple[Reading, ...], found: dict[int, Mention]
    ) -> bool:
        """True for "Johnson" in "Ron Johnson": a person's one-word alias after a given
        name that none of their aliases has is another person's surname (but not after a
        title, a role noun, an honorific or another name: "Hamas Leader Sinwar", "Sheikh
        Tamim", "Biden Xi summit")."""
        if len(span) != 1 or span.start == 0 or span.doc[span.start].is_sent_start:
            return False
        before = span.doc[span.start - 1]
        if before.pos_ != "PROPN" or not before.is_title or before.i in found:
            return False
        if _word_key(before) in self.kb.sectors or _word_key(before) in self.kb.honorifics:
            return False
        given = before.lower_
        return all(
            entry.kind == "person" and not any(given in a.lower().split() for a in entry.aliases)
            for entry, _ in readings
        )

    # -- building actors ----------------------------------------------------------------

    def actors_at(
        self,
        head: Token,
        mentions: dict[int, Mention],
        day: dt.date | None,
        *,
        countries: frozenset[str] | None = None,
    ) -> list[Actor]:
        """The actors of the noun phrase headed by `head`, one per coordinated part.
        `countries` (the document's, ISO alpha-3) break ties between readings of a name;
        without them the countries named in the sentence do."""
        actors = []
        segments = phrase_segments(head)
        for segment in segments:
            actor = self.actor_of_segment(segment, mentions, day, countries=countries)
            if actor is not None and actor.country is None and head in segment:
                actor = self.placed(actor, head, mentions, countries=countries)
            if actor is not None:
                actors.append((segment, actor))
        return shared_sector([a for _, a in actors], [s for s, _ in actors], head)

    def placed(
        self,
        actor: Actor,
        head: Token,
        mentions: dict[int, Mention],
        *,
        countries: frozenset[str] | None = None,
    ) -> Actor:
        """A role with no country takes the one it is in or from: "a court in Guyana",
        "dissidents from Myanmar"; people of a group are the group: "gunmen from Boko
        Haram" are Boko Haram, "reporters of the BBC" British journalists. `countries`
        (the document's) choose between places of one name the sentence leaves open."""
        if actor.sector is None or actor.id is not None:
            return actor
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "from", "of"):
                continue
            for obj in prep.children:
                mention = mentions.get(obj.i)
                group = _named_group(obj, mentions)  # "from the Boko Haram group"
                if group is not None and prep.lower_ != "in":
                    return self._member_of(actor, group, prep.lower_)
                if mention and mention.entry.kind == "country" and mention.how in (NAME, CAPITAL):
                    note = f"{prep.lower_} {mention.entry.name}"
                    return recoded(actor, mention.entry.code, actor.sector, note)
                place = self._place_named(obj, mentions, countries)
                if place is not None:
                    return recoded(actor, place[1], actor.sector, f"{prep.lower_} {place[0]}")
        return actor

    def _member_of(self, actor: Actor, mention: Mention, prep: str) -> Actor:
        """A member of a group the knowledge base knows: the group itself, or for a news
        outlet's people their own sector in the outlet's country."""
        entry = mention.entry
        note = f"{prep} {entry.name}"
        if entry.kind == "outlet":
            return recoded(actor, entry.country, actor.sector, note)
        return self._build(
            actor.text, entry.name, entry.country, entry.sector, entry.group, entry.id,
            f"{actor.reason}; {note}", code=entry.code,
        )  # fmt: skip

    def _place_named(
        self, noun: Token, mentions: dict[int, Mention], countries: frozenset[str] | None
    ) -> tuple[str, str] | None:
        """The (place, country) a proper noun not in the knowledge base names, if any."""
        if noun.i in mentions or not noun.is_title:
            return None
        run = [t for t in noun.lefts if t.dep_ == "compound" and t.is_title] + [noun]
        return self._place_country(run, mentions, countries)

    def _place_country(
        self, run: list[Token], mentions: dict[int, Mention], countries: frozenset[str] | None
    ) -> tuple[str, str] | None:
        """(place, country) of the name the tokens spell: a name of places in several
        countries is the one in the sentence's countries, else in the document's ("Madaya"
        in a story about Syria)."""
        if self.places is None:
            return None
        name = " ".join(t.text for t in run)
        found = self.places.country_of(name, mention_countries(mentions))
        if found is None and countries:
            found = self.places.country_of(name, countries)
        return found

    def actor_of_segment(
        self,
        segment: list[Token],
        mentions: dict[int, Mention],
        day: dt.date | None,
        *,
        countries: frozenset[str] | None = None,
        loose: bool = False,
    ) -> Actor | None:
        """Read one actor phrase flat, so that a shaky parse inside it does no harm: the
        best knowledge-base name in it, and the role noun that gives its sector (`loose`:
        whatever the tagger made of it, for a phrase known to name an actor)."""
        found = {
            id(m): m
            for t in segment
            if (m := mentions.get(t.i)) is not None and not _only_described_by(m, t.doc)
        }
        notes: dict[int, str] = {}
        for key, candidate in found.items():
            if candidate.readings:
                context = countries if countries is not None else mention_countries(mentions)
                found[key], notes[key] = choose_reading(candidate, day, context)
        best = max(found.items(), key=lambda item: _mention_rank(item[1]), default=None)
        sector = self.segment_sector(segment, mentions, loose=loose)
        community = self.segment_community(segment, mentions)
        people = sector is None and community is not None and community[1]
        if people:
            sector = "CVL"  # "hundreds of Christians", "the Kurdish minority"
        code = community[0] if community is not None else None
        community_note = f"community {code}" + (" (its people: CVL)" if people else "")
        if best is None and sector is None:
            return None
        text = segment_text(segment)
        if best is None:
            place = self._place_before_role(segment, mentions, countries)
            if place is not None:
                why = f"place {place[0]} ({place[1]}) names the group, role noun gives {sector}"
                actor = self._build(text, None, place[1], sector, None, None, why)
            else:
                why = f"no known name: role noun or title gives {sector}"
                actor = self._build(text, None, None, sector, None, None, why)
            return with_community(actor, code, community_note)
        actor = self._from_entry(text, best[1], sector, day)
        if best[1].entry.kind in ("country", "region"):
            actor = with_community(actor, code, community_note)
        if actor.sector in OFFICE_SECTORS and best[1].entry.kind == "organisation":
            if any(t.i not in mentions and _word_key(t) in self.kb.former for t in segment):
                actor = recoded(actor, actor.country, "ELI", "a former office-holder")
        note = notes.get(best[0])
        return dataclasses.replace(actor, reason=f"{actor.reason}; {note}") if note else actor

    def _place_before_role(
        self, segment: list[Token], mentions: dict[int, Mention], countries: frozenset[str] | None
    ) -> tuple[str, str] | None:
        """ "Rakhine rebels", "Darfur militias", "Sindh police": proper nouns before the
        role noun name a place, and the place gives its country (a name after a title is a
        person's: "Gen. Ali")."""
        if self.places is None:
            return None
        words = [t for t in segment if not t.is_punct]
        run: list[Token] = []
        for token in words:
            if token.i not in mentions and token.is_title and token.pos_ in NAME_POS:
                run.append(token)
            elif run:
                break
        if not run or run[-1] == words[-1] or self.sector_of(run) is not None:
            return None
        before = words[: words.index(run[0])]
        if before and self.sector_of(before) is not None:
            return None
        return self._place_country(run, mentions, countries)

    def segment_sector(
        self, segment: list[Token], mentions: dict[int, Mention], *, loose: bool = False
    ) -> str | None:
        """The sector of the rightmost role noun outside any name (`foreign minister`); a
        former holder of an office is ELI ("former Defense Minister", "retired general")."""
        words = [t for t in segment if t.i not in mentions and not t.is_punct]
        keys = [_word_key(t) for t in words]
        words = [t for t, key in zip(words, keys, strict=True) if key not in LINK_WORDS]
        keys = [key for key in keys if key not in LINK_WORDS]
        for end in range(len(words), 0, -1):
            sector = self._sector_of_keys(keys[:end], words[end - 1], loose=loose)
            if sector is None:
                continue
            if self._names_nation(words[end - 1], mentions):
                return None
            former = not self.kb.former.isdisjoint(keys[:end])
            return "ELI" if former and sector in OFFICE_SECTORS else sector
        return self.demonym_sector(segment, mentions)

    def segment_community(
        self, segment: list[Token], mentions: dict[int, Mention]
    ) -> tuple[str, bool] | None:
        """(code, alone) of the religious or ethnic community a phrase names, from the
        rightmost community word outside any name ("Sikh separatists" SIK, "Kurds" KUR);
        `alone` when nothing but collective nouns follows it, so that the community's people
        are the actor ("hundreds of Christians", "the Kurdish minority"). Not after "pro-"
        or "anti-": "anti-Muslim rioters" are not Muslims."""
        words = [t for t in segment if t.i not in mentions and not t.is_punct]
        for index in range(len(words) - 1, -1, -1):
            code = self.kb.communities.get(_word_key(words[index]))
            if code is None or _after_prefix(words[index]):
                continue
            rest = words[index + 1 :]
            return code, all(_word_key(t) in self.kb.collective for t in rest)
        return None

    def _names_nation(self, noun: Token, mentions: dict[int, Mention]) -> bool:
        """True for "people" in "the Lebanese people": the nation, not its civilians."""
        return _word_key(noun) in self.kb.nation_nouns and any(
            (m := mentions.get(child.i)) is not None and m.how == ADJECTIVE for child in noun.lefts
        )

    def demonym_sector(self, segment: list[Token], mentions: dict[int, Mention]) -> str | None:
        """The sector an adjective gives a demonym used as a noun: `ordinary Kazakhs` are
        civilians (CVL), while `Kazakhs` alone stay the country, as PETRARCH codes them."""
        for token in segment:
            mention = mentions.get(token.head.i)
            if token.pos_ == "ADJ" and mention is not None and mention.how == ADJECTIVE:
                sector = self.sector_words.get(token.lower_)
                if sector is not None and token.head.pos_ in ("NOUN", "PROPN"):
                    return sector
        return None

    def sector_of(self, words: list[Token], *, loose: bool = False) -> str | None:
        """The sector a role noun ending `words` gives, multiword phrases first; the last
        word must be a noun unless `loose` ("forces" the verb is no role)."""
        keys = [_word_key(t) for t in words[-self.longest_phrase :]]
        return self._sector_of_keys(keys, words[-1], loose=loose)

    def _sector_of_keys(self, keys: list[str], last: Token, *, loose: bool) -> str | None:
        """The tables list most role nouns in the plural: a singular finds its plural's
        sector too ("a peacekeeper" as "peacekeepers")."""
        plural = _plural(keys[-1])
        for size in range(min(self.longest_phrase, len(keys)), 1, -1):
            phrase = tuple(keys[-size:])
            found = self.sector_phrases.get(phrase) or self.sector_phrases.get(
                (*phrase[:-1], plural)
            )
            if found is not None:
                return found
        if last.pos_ not in ("NOUN", "PROPN") and not loose:
            return None
        words = self.sector_words
        return words.get(keys[-1]) or words.get(last.lemma_.lower()) or words.get(plural)

    def _from_entry(
        self, text: str, mention: Mention, sector: str | None, day: dt.date | None
    ) -> Actor:
        entry = mention.entry
        if entry.kind == "person":
            return self._person(text, entry, day)
        if entry.kind == "outlet":
            why = (
                f"outlet {entry.name} ({entry.country or 'no country'}): it reports events, "
                "it is never their source or target, so it has no actor code"
            )
            return self._build(text, entry.name, None, None, None, entry.id, why)
        role_note = f", role noun gives {sector}" if sector else ""
        if mention.how == SEAT and sector is None:
            sector, role_note = "GOV", ", its government"
        if entry.kind in ("country", "region"):
            why = f"{mention.how} of {entry.name}{role_note}"
            return self._build(text, entry.name, entry.code, sector, None, entry.id, why)
        return self._build(
            text,
            entry.name,
            entry.country,
            entry.sector,
            entry.group,
            entry.id,
            f"{entry.kind} {entry.name}",
            code=entry.code,
        )

    def _person(self, text: str, entry: Entry, day: dt.date | None) -> Actor:
        """A person as the office they hold on `day`: a role at an organisation takes the
        organisation's code ("UN Secretary-General" is IGOUNO); out of office, ELI of the
        last country they served."""
        role = None
        if entry.roles:
            when = day or dt.date.today()
            current = [r for r in entry.roles if r.holds_on(when)]
            if current:
                role = current[0]
                why = f"{entry.name}, {role.title or 'office'} on {when}"
                organisation = self.kb.entries.get(role.group or "")
                code = organisation.code if organisation and role.country is None else None
                country, sector, group = role.country, role.sector, role.group
                return self._build(
                    text, entry.name, country, sector, group, entry.id, why, code=code
                )
            past = [r for r in entry.roles if r.end is not None and r.end < when]
            if past:
                role = max(past, key=lambda r: r.end or when)
                national = [r for r in past if r.country] or [role]
                country = max(national, key=lambda r: r.end or when).country or entry.country
                why = f"{entry.name}, out of office on {when} (was {role.title}): ELI"
                return self._build(text, entry.name, country, "ELI", role.group, entry.id, why)
            role = entry.roles[0]
        country = role.country if role else entry.country
        why = f"{entry.name}, no office yet"
        return self._build(text, entry.name, country, None, None, entry.id, why)

    @staticmethod
    def _build(
        text: str,
        name: str | None,
        country: str | None,
        sector: str | None,
        group: str | None,
        kb_id: str | None,
        reason: str,
        *,
        code: str | None = None,
    ) -> Actor:
        if code is None:
            code = (country or "---") + (sector or "") if (country or sector) else None
        return Actor(
            text=text,
            name=name,
            code=code,
            country=country,
            sector=sector,
            group=group,
            id=kb_id,
            reason=reason,
        )


class PlaceFinder(Protocol):
    """What the resolver asks a gazetteer: the country of a place name, if it knows it."""

    def country_of(self, name: str, countries: Collection[str] = ()) -> tuple[str, str] | None:
        """(the place's name, its ISO alpha-3 country), or None; `countries` break ties."""


NAME_POS = frozenset({"PROPN", "NOUN", "ADJ", "VERB"})
"""What the small tagger makes of a place name before a role noun ("Rakhine rebels": ADJ)."""
NAMESAKE_SECTORS = frozenset({"PTY", "LAB"})
"""Sectors of bodies whose names other countries' bodies share ("Labour Party")."""
OFFICE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
"""Sectors of offices one can leave: their former holders are ELI."""


def _plural(noun: str) -> str:
    """The regular English plural of a role noun ("militiaman" -> "militiamen")."""
    if noun.endswith("man"):
        return noun[:-3] + "men"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + ("es" if noun.endswith(("s", "x", "ch", "sh")) else "s")


def _match_order(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Leftmost, then longest, not counting a leading "the": "the West Bank" is the West
    Bank, not "the West" and a bank."""
    first = start + 1 if end - start > 1 and doc[start].lower_ == "the" else start
    return first, first - end


def _word_key(token: Token) -> str:
    """A token as role nouns are keyed: lower case, no dots ("Gen." -> "gen")."""
    return token.lower_.replace(".", "")


# Children whose subtree is not part of an actor phrase: clauses and most prepositions
# ("Iran's ambassador to Moscow" is one actor, not two).
PHRASE_BREAKS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "punct", "prep", "det"})
KIND_RANK = {"person": 4, "organisation": 3, "country": 2, "region": 1, "outlet": 0}


def _mention_rank(mention: Mention) -> tuple[int, int]:
    return KIND_RANK.get(mention.entry.kind, 0), mention.end


def mention_countries(mentions: dict[int, Mention]) -> frozenset[str]:
    """The countries named in a sentence (names, adjectives, capitals, seats): the context
    that breaks ties when the caller gives no document countries."""
    return frozenset(
        m.entry.code for m in mentions.values() if m.entry.kind == "country" and m.entry.code
    )


def choose_reading(
    mention: Mention, day: dt.date | None, countries: Iterable[str]
) -> tuple[Mention, str]:
    """The reading of an ambiguous name that fits the date best (in office, existing),
    then the document's countries, then the entry loaded last (a user file wins over the
    shipped one); with the reason, for the actor's `reason`."""
    when = day or dt.date.today()
    context = frozenset(countries)
    scored = [
        (_date_fit(entry, when), _country_fit(entry, when, context), index, entry, how)
        for index, (entry, how) in enumerate(mention.readings)
    ]
    date_fit, country_fit, _, entry, how = max(scored, key=lambda s: s[:3])
    others = [s for s in scored if s[3] is not entry]
    if all(s[0] < date_fit for s in others):
        why = DATE_REASONS[date_fit].format(day=when)
    elif all(s[:2] < (date_fit, country_fit) for s in others):
        why = f"its country {_countries_of(entry, when) & context} is in the document"
    else:
        why = "the entry loaded last wins the tie (user files load after the shipped ones)"
    ids = ", ".join(s[3].id for s in scored)
    chosen = Mention(mention.start, mention.end, entry, how, mention.readings)
    return chosen, f"ambiguous name ({ids}): chose {entry.id}, {why}"


DATE_REASONS = {
    2: "in office or existing on {day}",
    1: "the only reading that had ended by {day}",
    0: "no reading fits {day}",
}


def _date_fit(entry: Entry, day: dt.date) -> int:
    """2 when the entry holds on `day` (a person in office, an organisation existing),
    1 when it has ended by then (a former leader is likelier than a future one), else 0."""
    if entry.kind == "person" and entry.roles:
        if any(r.holds_on(day) for r in entry.roles):
            return 2
        return 1 if any(r.end is not None and r.end < day for r in entry.roles) else 0
    if entry.start is not None and day < entry.start:
        return 0
    return 1 if entry.end is not None and entry.end < day else 2


def _countries_of(entry: Entry, day: dt.date) -> frozenset[str]:
    if entry.kind == "person":
        held = [r.country for r in entry.roles if r.country and r.holds_on(day)]
        return frozenset(held or [r.country for r in entry.roles if r.country])
    own = entry.country or (entry.code if entry.kind == "country" else None)
    return frozenset([own]) if own else frozenset()


def _country_fit(entry: Entry, day: dt.date, countries: frozenset[str]) -> int:
    return 1 if countries and _countries_of(entry, day) & countries else 0


# "Iran-backed militias", "a UK-based group": the name describes the actor, it is not it.
SUPPORTING_PREFIXES = frozenset({"pro", "anti"})
DESCRIBING_WORDS = frozenset(
    {"backed", "linked", "based", "aligned", "affiliated", "allied", "sponsored", "funded",
     "supported", "inspired", "led", "run", "controlled", "held", "occupied", "made", "built"}
)  # fmt: skip


def _only_described_by(mention: Mention, doc: Doc) -> bool:
    """True for the name in "X-backed", "X-based" and "pro-X": it qualifies another
    actor, who is not of that country ("pro-Russian separatists" are not Russians)."""
    after = doc[mention.end : mention.end + 2]
    before = doc[max(mention.start - 2, 0) : mention.start]
    if len(before) == 2 and before[1].text == "-" and before[0].lower_ in SUPPORTING_PREFIXES:
        return True
    return len(after) == 2 and after[0].text == "-" and after[1].lower_ in DESCRIBING_WORDS


def phrase_tokens(head: Token) -> list[Token]:
    """The tokens of the noun phrase under `head`, without clauses and prepositional
    phrases other than `of` (a loop, not recursion: a list of thousands of names parses as
    a chain that deep)."""
    tokens: list[Token] = []
    stack = [head]
    while stack:
        token = stack.pop()
        tokens.append(token)
        for c in token.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                stack.extend(c.children)
            elif c.dep_ not in PHRASE_BREAKS:
                stack.append(c)
            elif c.is_punct and c.lower_ == ",":
                tokens.append(c)
    return sorted(tokens, key=lambda t: t.i)


def phrase_segments(head: Token) -> list[list[Token]]:
    """The phrase split at coordination: `the US, Russia and Switzerland` is three parts."""
    segments: list[list[Token]] = [[]]
    tokens = phrase_tokens(head)
    last_cc = max((t.i for t in tokens if t.dep_ == "cc"), default=-1)
    for token in tokens:
        in_list = token.i < last_cc  # "A, B and C": commas before the last `and` split
        if token.dep_ == "cc" or (token.lower_ == "," and (in_list or _starts_conjunct(token))):
            segments.append([])
        elif not token.is_punct:
            segments[-1].append(token)
    return [s for s in segments if s]


def _starts_conjunct(comma: Token) -> bool:
    following = comma.nbor(1) if comma.i + 1 < len(comma.doc) else None
    return following is not None and any(t.dep_ == "conj" for t in (following, following.head))


def shared_sector(actors: list[Actor], segments: list[list[Token]], head: Token) -> list[Actor]:
    """ "Azerbaijani and Armenian troops": the head noun's sector belongs to every part
    that is only an adjective or name qualifying it."""
    own = next((a for a, s in zip(actors, segments, strict=True) if head in s), None)
    if own is None or own.sector is None or head.pos_ != "NOUN":
        return actors  # "the European Union and China": a name's sector is its own
    return [
        recoded(actor, actor.country, own.sector, f"{own.sector} of the phrase")
        if actor.sector is None and actor.country and not any(t.pos_ == "NOUN" for t in segment)
        else actor
        for actor, segment in zip(actors, segments, strict=True)
    ]


def _named_group(noun: Token, mentions: dict[int, Mention]) -> Mention | None:
    """The group a noun names, itself or by the name before it: "Hamas", "the Boko Haram
    group"."""
    for token in (noun, *noun.lefts):
        mention = mentions.get(token.i)
        if mention is not None and mention.entry.kind in GROUP_KINDS:
            return mention
    return None


def with_community(actor: Actor, community: str | None, note: str) -> Actor:
    """The actor with its community's code after the sector, as Phoenix writes it
    ("Sikh separatists" ---REBSIK); only for an actor coded by its country and sector."""
    if community is None or actor.sector is None:
        return actor
    if actor.code != f"{actor.country or '---'}{actor.sector}":
        return actor
    code = f"{actor.code}{community}"
    return dataclasses.replace(actor, code=code, reason=f"{actor.reason}; {note}")


def _after_prefix(token: Token) -> bool:
    """True for "Muslim" in "anti-Muslim" and "pro-Kurdish"."""
    doc, i = token.doc, token.i
    return i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in SUPPORTING_PREFIXES


def recoded(actor: Actor, country: str | None, sector: str | None, note: str) -> Actor:
    """The actor with a country or sector learnt from the rest of the phrase; a community's
    code after the sector stays ("---CVLCHR" placed in Pakistan is PAKCVLCHR)."""
    own = f"{actor.country or '---'}{actor.sector or ''}"
    kept = actor.code[len(own) :] if actor.code and actor.code.startswith(own) else ""
    code = f"{country or '---'}{sector or ''}{kept if sector else ''}"
    reason = f"{actor.reason}; {note}"
    return dataclasses.replace(actor, country=country, sector=sector, code=code, reason=reason)


def segment_text(segment: list[Token]) -> str:
    doc = segment[0].doc
    return doc[segment[0].i : segment[-1].i + 1].text
