"""Reading the grammatical context of a trigger: negation, modality, attribution.

The word lists live in `data/lexicon/cues.yaml`; this module only knows where in the parse
to look for them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.tokens import Token

from eventwire.datafiles import DataPath, package_data, read_yaml, word_lists
from eventwire.errors import DataFileError

CUE_LISTS = (
    "speech_verbs",
    "quantity_nouns",
    "people_nouns",
    "explosive_nouns",
    "disaster_nouns",
    "plan_verbs",
    "modal_verbs",
    "future_auxiliaries",
    "plan_modifiers",
    "hypothetical_auxiliaries",
    "hypothetical_markers",
    "negating_verbs",
    "denial_verbs",
    "outlet_nouns",
    "accusing_verbs",
    "claiming_verbs",
    "request_verbs",
    "receiving_verbs",
    "pair_nouns",
    "mutual_verbs",
    "score_verbs",
    "harm_verbs",
    "headcount_verbs",
    "sending_verbs",
    "dispersal_verbs",
    "interlocutor_preps",
)
SENSE_DEPS = frozenset(
    {"dobj", "nsubj", "nsubjpass", "attr", "prt", "prep", "advmod", "npadvmod", "oprd", "dative"}
)
"""The words beside a trigger that may give it another sense (`other_sense`)."""
NEGATIONS = frozenset({"not", "n't", "never", "no", "neither", "nor"})
MAX_CONJUNCTS = 64
"""How far up a chain of conjuncts a negation still counts (`not X, Y or Z`)."""
CLAUSE_DEPS = frozenset(
    {"xcomp", "ccomp", "advcl", "conj", "acl", "relcl", "pcomp", "csubj", "acomp"}
)
# Links through which a "not" above reaches the trigger: "did not agree to meet", "not
# interested in joining", "did not attend the talks"; not through "did not say that ...".
NEGATION_LINKS = frozenset({"xcomp", "pcomp", "acomp", "dobj", "pobj", "nsubjpass"})


@dataclass(frozen=True, slots=True)
class Cues:
    speech_verbs: frozenset[str]
    plan_verbs: frozenset[str]
    modal_verbs: frozenset[str]
    future_auxiliaries: frozenset[str]
    plan_modifiers: frozenset[str]
    hypothetical_auxiliaries: frozenset[str]
    hypothetical_markers: frozenset[str]
    negating_verbs: frozenset[str]
    denial_verbs: frozenset[str]
    outlet_nouns: frozenset[str]
    accusing_verbs: frozenset[str]
    claiming_verbs: frozenset[str]
    request_verbs: frozenset[str]
    receiving_verbs: frozenset[str]
    pair_nouns: frozenset[str]
    mutual_verbs: frozenset[str]
    quantity_nouns: frozenset[str]
    people_nouns: frozenset[str]
    explosive_nouns: frozenset[str]
    disaster_nouns: frozenset[str]
    score_verbs: frozenset[str]
    harm_verbs: frozenset[str]
    headcount_verbs: frozenset[str]
    sending_verbs: frozenset[str]
    dispersal_verbs: frozenset[str]
    interlocutor_preps: frozenset[str]
    anaphors: dict[str, str]
    weapon_codes: dict[str, str]
    territory_codes: dict[str, str]
    other_senses: dict[str, frozenset[str]]
    """Trigger lemma -> the words beside it that make it no event (`other_senses`)."""


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    path = package_data("lexicon", "cues.yaml")
    raw = read_yaml(path)
    lists = word_lists(raw, CUE_LISTS, path)
    return Cues(
        **lists,
        anaphors=_mapping(raw, "anaphors", path),
        weapon_codes=_mapping(raw, "weapon_codes", path),
        territory_codes=_mapping(raw, "territory_codes", path),
        other_senses=_word_mapping(raw, "other_senses", path),
    )


def _mapping(raw: dict[str, Any], name: str, path: DataPath) -> dict[str, str]:
    """A word -> value mapping of `cues.yaml`, words lower-cased."""
    if not isinstance(raw.get(name), dict):
        raise DataFileError(str(path), None, f"missing mapping: {name}")
    return {str(k).lower(): str(v) for k, v in raw[name].items() if k != "__line__"}


def _word_mapping(raw: dict[str, Any], name: str, path: DataPath) -> dict[str, frozenset[str]]:
    """A word -> word list mapping of `cues.yaml`, words lower-cased."""
    mapping = raw.get(name)
    if not isinstance(mapping, dict):
        raise DataFileError(str(path), None, f"missing mapping: {name}")
    line = mapping.get("__line__")
    found = {}
    for key, words in mapping.items():
        if key == "__line__":
            continue
        if not isinstance(words, list):
            raise DataFileError(str(path), line, f"{name}: {key!r} needs a list of words")
        found[str(key).lower()] = frozenset(str(word).lower() for word in words)
    return found


def other_sense(trigger: Token, cues: Cues) -> Token | None:
    """The word that gives a trigger a sense that is no event ("captured the gold medal",
    "the film was shot in", "shot back", "hit a new low"; `other_senses`), or a match
    score beside a verb of defeat ("beat Liverpool 2-1"; `score_verbs`)."""
    senses = cues.other_senses.get(lemma(trigger), frozenset())
    words = [c for c in trigger.children if c.dep_ in SENSE_DEPS]
    if trigger.dep_ == "acl":
        words.append(trigger.head)  # "the film, shot in Rome": the noun it describes
    for word in words:
        near = [word, *(c for c in word.children if c.dep_ in ("compound", "amod"))]
        found = next((w for w in near if lemma(w) in senses or w.lower_ in senses), None)
        if found is not None:
            return found
    if lemma(trigger) in cues.score_verbs:
        return next((t for t in trigger.subtree if is_score(t)), None)
    return None


def is_score(token: Token) -> bool:
    """The first number of a match score written "2-1"."""
    doc = token.doc
    if token.i + 2 >= len(doc) or not token.like_num:
        return False
    return doc[token.i + 1].text in ("-", "–") and doc[token.i + 2].like_num


def lemma(token: Token) -> str:
    return token.lemma_.lower()


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
"""Verb forms with a tense of their own, not governed by a neighbour's auxiliary."""


def governing_chain(trigger: Token) -> list[Token]:
    """The trigger and the verbs above it, as long as the climb stays in linked clauses."""
    chain = [trigger]
    token = trigger
    while token.dep_ in CLAUSE_DEPS or (
        token.dep_ in ("dobj", "pobj", "nsubj") and token.pos_ == "NOUN"
    ):
        if token.head is token:
            break
        token = token.head
        if token.dep_ == "prep":
            token = token.head
        chain.append(token)
        if len(chain) > 6:
            break
    return chain


def is_negated(token: Token) -> bool:
    """`did not meet`, `no talks`, and conjuncts of a negated verb (`not X or Y`) that
    share its auxiliary: a conjunct with its own tense is asserted on its own.

    A loop, not recursion, and at most MAX_CONJUNCTS links up: a list of 20,000 conjuncts
    parses as a chain that deep.
    """
    for _ in range(MAX_CONJUNCTS):
        if any(
            c.lower_ in NEGATIONS and c.dep_ in ("neg", "det", "advmod") for c in token.children
        ):
            return True
        if token.dep_ != "conj" or token.tag_ in FINITE_TAGS:
            return False  # "would not allow it and threatened to" denies only the first
        token = token.head
    return False


def negated_above(chain: list[Token]) -> bool:
    """A negation on a verb the trigger is a non-finite complement or object of."""
    for lower, upper in zip(chain, chain[1:], strict=False):
        if lower.dep_ not in NEGATION_LINKS:
            return False
        if is_negated(upper):
            return True
    return False


def negated_by_verb(chain: list[Token], cues: Cues) -> Token | None:
    """The verb above the trigger that says it did not happen (`refused to meet`)."""
    for lower, upper in zip(chain, chain[1:], strict=False):
        if lower.dep_ in ("xcomp", "ccomp", "pcomp") and lemma(upper) in cues.negating_verbs:
            return upper
        if lower.dep_ == "pobj" and lemma(upper) in cues.negating_verbs:
            return upper
        if lower is chain[0] and lower.dep_ == "dobj" and lemma(upper) in cues.negating_verbs:
            return upper  # "blocked new sanctions": the event noun did not happen
    return None


def _has_aux(token: Token, words: frozenset[str]) -> bool:
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in words for c in token.children)


def is_planned(chain: list[Token], cues: Cues) -> bool:
    """Future tense or a plan verb above the trigger: `will sign`, `are set to meet`, or
    a planned event noun: `the planned summit`."""
    if _has_aux(chain[0], cues.future_auxiliaries) or any(map(is_headline_plan, chain)):
        return True
    if any(
        c.dep_ in ("amod", "compound") and c.lower_ in cues.plan_modifiers
        for c in chain[0].children
    ):
        return True
    for lower, upper in zip(chain, chain[1:], strict=False):
        if lower.dep_ != "xcomp" and not _is_purpose(lower) and not _is_event_object(lower):
            break
        if lemma(upper) in cues.plan_verbs or _has_aux(upper, cues.future_auxiliaries):
            return True
    return False


def is_headline_plan(verb: Token) -> bool:
    """ "Obama to visit Kenya", "EU to impose sanctions on Iran": a headline's bare
    infinitive with its own subject and no verb above it tells what is planned, as "will
    visit" does; the parser makes the infinitive the root, or a clause of the name."""
    if verb.pos_ != "VERB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    if verb.head.i == verb.i:
        return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    name = verb.head
    return (
        verb.dep_ == "acl"
        and name.head.i == name.i
        and name.pos_ in ("PROPN", "NOUN")
        and name.i < verb.i
    )


def _is_event_object(token: Token) -> bool:
    """`threatened to launch an operation`: an event noun is as planned as its verb."""
    return token.dep_ == "dobj" and token.pos_ == "NOUN"


def _is_purpose(clause: Token) -> bool:
    """`will visit Moscow to sign a treaty`: the signing is as planned as the visit."""
    return clause.dep_ == "advcl" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in clause.children
    )


def is_hypothetical(chain: list[Token], cues: Cues) -> bool:
    """`could strike`, `if Iran attacks`, `urged Iran to release`: the event is a
    possibility or a request, not a report."""
    for lower, upper in zip(chain, chain[1:3], strict=False):
        if lower.dep_ in ("xcomp", "ccomp") and lemma(upper) in cues.request_verbs:
            if _asks_someone(upper, lower):
                return True
    for token in chain[:3]:
        if _has_aux(token, cues.hypothetical_auxiliaries):
            return True
        if any(c.dep_ == "mark" and c.lower_ in cues.hypothetical_markers for c in token.children):
            return True
        if token.dep_ != "xcomp":
            break
    return False


def _asks_someone(verb: Token, complement: Token) -> bool:
    """`urged Iran to release`, `wants Putin to attack`: someone else is asked; `wants to
    inspect` is the subject's own plan."""
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in complement.children)
    asked = any(c.dep_ in ("dobj", "dative") for c in verb.children)
    return own_subject or asked or lemma(verb) not in ("want", "wish", "hope", "seek")


def speech_verb(trigger: Token, cues: Cues) -> Token | None:
    """The verb of saying whose complement holds the trigger (`..., the Kremlin said`)."""
    token = trigger
    for _ in range(6):
        if token.head is token:
            return None
        if token.dep_ in ("ccomp", "parataxis", "advcl") and lemma(token.head) in cues.speech_verbs:
            return token.head
        token = token.head
    return None
