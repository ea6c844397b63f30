"""How many people an event killed, injured or arrested, read from the event's own clause.

Only counts attached to a killing, injuring or arresting word near the trigger are taken:
"Russia launched 300 drones" or "a ten-year term" hold numbers that count no victims. The
words looked at are the trigger, the verb it depends on ("airstrikes" -> "killed"), their
children and the clauses coordinated with them ("killed 5 and wounded 20"). A count stated
without a number ("dozens were injured") gives no integer, but its phrase is kept.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from spacy.tokens import Token

from eventwire.attributes.clause import VERBAL_POS, governing_verb
from eventwire.attributes.numbers import VAGUE, ZERO_WORDS, Vague, is_number_word, parse_count

Category = Literal["killed", "injured", "arrested"]
CATEGORY_WORDS: dict[Category, frozenset[str]] = {
    "killed": frozenset(
        {"kill", "killed", "killing", "killings", "die", "died", "dead", "death", "deaths",
         "fatality", "fatalities", "slay", "slain", "massacre", "massacred", "toll"}
    ),
    "injured": frozenset(
        {"injure", "injured", "injuring", "injury", "injuries", "wound", "wounded",
         "wounding", "hurt"}
    ),
    "arrested": frozenset(
        {"arrest", "arrested", "arresting", "arrests", "detain", "detained", "detaining",
         "detention", "apprehend", "apprehended", "round"}
    ),
}  # fmt: skip
NOT_COUNTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL"})
INTRANSITIVE_LEMMAS = frozenset({"die", "perish"})
COPULAS = frozenset({"be", "lie", "remain"})
MODIFIER_DEPS = frozenset({"acl", "amod", "relcl"})
VICTIM_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd"})
LINKED_CLAUSE_DEPS = frozenset({"acl", "relcl", "advcl", "conj", "xcomp"})
"""Clauses hanging from the trigger that still describe it: "the raid, which left 5 dead"."""
Count = int | Vague


@dataclass(slots=True)
class Casualties:
    """Counts of people killed, injured and arrested; `phrases` keeps the words behind them."""

    killed: int | None = None
    injured: int | None = None
    arrested: int | None = None
    phrases: dict[str, str] = field(default_factory=dict)


def count_casualties(trigger: Token) -> Casualties:
    """The casualty counts stated in the trigger's clause; None where none is stated."""
    result = Casualties()
    for word in clause_words(trigger):
        category = casualty_category(word)
        if category is None or getattr(result, category) is not None:
            continue
        found = count_for(word)
        if found is None:
            continue
        count, phrase = found
        result.phrases.setdefault(category, phrase)
        if isinstance(count, int):
            setattr(result, category, count)
            result.phrases[category] = phrase
    return result


def clause_words(trigger: Token) -> list[Token]:
    """The trigger, its verb, their children (and those of clauses hanging from them), and
    everything coordinated with those."""
    verb = governing_verb(trigger)
    base = [trigger] if verb is None or verb == trigger else [trigger, verb]
    words = _unique([*base, *(child for token in base for child in token.children)])
    for token in list(words):
        if token.pos_ in VERBAL_POS and token.dep_ in LINKED_CLAUSE_DEPS:
            words.extend(c for c in token.children if c not in words)
        if token.dep_ in VICTIM_DEPS:  # "left scores wounded"
            words.extend(c for c in token.children if c.dep_ in MODIFIER_DEPS)
    for token in words:  # the list grows while we walk it: all the conjuncts
        conjuncts = [c for c in token.children if c.dep_ == "conj"]
        if token.dep_ == "conj":
            conjuncts.append(token.head)
        words.extend(c for c in conjuncts if c not in words)
    return words


def casualty_category(token: Token) -> Category | None:
    """Which count a word speaks of ("wounding" -> injured), or None."""
    if token.lower_ == "round" and not any(c.lower_ == "up" for c in token.children):
        return None
    for category, words in CATEGORY_WORDS.items():
        if token.lower_ in words or token.lemma_.lower() in words:
            if token.lemma_.lower() == "toll" and not _is_death_toll(token):
                return None
            return category
    return None


def count_for(word: Token) -> tuple[Count, str] | None:
    """The count attached to one casualty word, with its phrase, or None."""
    for target in _count_holders(word):
        found = quantity(target)
        if found is not None:
            return found
    return None


def quantity(noun: Token) -> tuple[Count, str] | None:
    """The count a noun phrase states ("at least 70 people", "dozens", "three soldiers"),
    summed over coordinated phrases ("three soldiers and two civilians")."""
    parts = [part for part in map(_own_quantity, [noun, *_conjuncts(noun)]) if part]
    if not parts:
        return None
    numbers = [count for count, _ in parts if isinstance(count, int)]
    phrase = " and ".join(text for _, text in parts)
    if len(numbers) < len(parts):
        return VAGUE, phrase
    return sum(numbers), phrase


def _count_holders(word: Token) -> list[Token]:
    """Where the count of a casualty word may sit, the likeliest first."""
    if word.lemma_.lower() == "toll":
        return _toll_values(word)
    children = list(word.children)
    holders = [c for c in children if c.dep_ in ("dobj", "nsubjpass")]
    if _takes_subject_as_victim(word):
        holders += [c for c in children if c.dep_ == "nsubj"]
    if word.dep_ in MODIFIER_DEPS:
        holders.append(word.head)
    if word.dep_ == "acomp":  # "shot dead two guards", "two were shot dead", "five are dead"
        subject = "nsubj" if word.head.lemma_ in COPULAS else "nsubjpass"
        holders += [c for c in word.head.children if c.dep_ in ("dobj", subject)]
    if word.pos_ in ("NOUN", "ADJ") or word.dep_ == "oprd":
        holders.append(word)
    if word.dep_ == "oprd":  # "left dozens injured", "two were shot dead"
        holders += [c for c in word.head.children if c.dep_ in ("dobj", "nsubjpass")]
    return holders


def _takes_subject_as_victim(word: Token) -> bool:
    """True for "20 died" and the bare participle in "5 dead and 20 wounded", not for the
    killer in "two gunmen killed the mayor"."""
    if word.lemma_.lower() in INTRANSITIVE_LEMMAS:
        return True
    if word.tag_ not in ("VBN", "JJ"):
        return False
    children = list(word.children)
    has_object = any(c.dep_ == "dobj" for c in children)
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in children)
    return not has_object and not perfect


def _toll_values(toll: Token) -> list[Token]:
    """ "death toll of 30", "the toll rose to 30", "raising the toll to 30", "stands at 30"."""
    values = [obj for prep in _preps(toll, ("of", "at")) for obj in _objects(prep)]
    values += [obj for prep in _preps(toll.head, ("to", "at")) for obj in _objects(prep)]
    values += [c for c in toll.head.children if c.dep_ == "attr"]
    return values


def _is_death_toll(toll: Token) -> bool:
    """Only a death toll counts the killed ("casualty toll" mixes killed and injured)."""
    return any(c.lower_ in ("death", "dead") for c in toll.children) or toll.head.lower_ in (
        "death",
        "deaths",
    )


def _own_quantity(noun: Token) -> tuple[Count, str] | None:
    """The count on this noun alone: the noun itself is a number, or a number qualifies it."""
    if _is_number(noun):
        return _read_number(noun, noun)
    for child in noun.children:
        if child.dep_ in ("nummod", "quantmod", "amod") and _is_number(child):
            return _read_number(child, noun)
        if child.dep_ == "det" and child.lower_ in ZERO_WORDS:
            return 0, noun.doc[child.i : noun.i + 1].text
    return None


def _read_number(number: Token, noun: Token) -> tuple[Count, str] | None:
    """Read the number phrase headed by `number` ("at least 70"), phrased up to `noun`."""
    words = [t for t in number.subtree if t.i <= number.i]
    count = parse_count(t.text for t in words)
    if count is None:
        return None
    start = min(t.i for t in words)
    return count, noun.doc[start : max(noun.i, number.i) + 1].text


def _is_number(token: Token) -> bool:
    """A count word that is not a year, a date, money or a percentage."""
    if token.ent_type_ in NOT_COUNTS:
        return False
    return token.like_num or is_number_word(token.text)


def _conjuncts(token: Token) -> list[Token]:
    """Nouns coordinated with this one ("soldiers and civilians")."""
    return [c for c in token.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "NUM")]


def _preps(token: Token, words: tuple[str, ...]) -> list[Token]:
    return [c for c in token.children if c.dep_ == "prep" and c.lower_ in words]


def _objects(prep: Token) -> list[Token]:
    return [c for c in prep.children if c.dep_ == "pobj"]


def _unique(tokens: Iterable[Token]) -> list[Token]:
    """Tokens in order, each once."""
    return list(dict.fromkeys(tokens))
