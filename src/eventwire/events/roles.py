"""Who acted and on whom: the source and target phrases of a matched trigger.

These functions return the head tokens of the source and target noun phrases; the actor
resolver turns each head into actors. They read the parse the way a coder reads a sentence:
subject or `by` agent for the source, object, passive subject or a preposition for the target.
"""

from __future__ import annotations

from collections.abc import Callable, Container
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from eventwire.events.frames import Frame

TARGET_PREPS = ("against", "on", "with", "to", "toward", "towards", "into", "upon", "targeting")
"""Prepositions that introduce a target by themselves; "at" only does in a pattern
("fired at"), since "at the Kremlin" says where."""
NESTED_PREPS = (*TARGET_PREPS, "for", "over", "about", "of", "from")
SOURCE_MODIFIERS = ("poss", "amod", "compound", "nmod")
SUBJECT_DEPS = ("nsubj", "csubj")


@dataclass(frozen=True, slots=True)
class Match:
    """A frame read against the parse: the tokens its indices stand for, which the role
    and party rules look at whichever detector proposed the frame."""

    frame: Frame
    trigger: Token
    target_head: Token | None

    @classmethod
    def of(cls, frame: Frame, doc: Doc) -> Match:
        target = None if frame.target_head is None else doc[frame.target_head]
        return cls(frame, doc[frame.trigger], target)


def child(token: Token, *deps: str) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def prep_object(token: Token, preps: tuple[str, ...]) -> Token | None:
    """The object of the first of `preps` attached to `token`."""
    for c in token.children:
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ in preps:
            obj = child(c, "pobj")
            if obj is not None:
                return obj
    return None


def participle_agent(noun: Token, lemmas: Container[str]) -> Token | None:
    """The agent of a participle of one of `lemmas` that modifies a noun: "Russia" in
    "drones launched by Russia"."""
    for modifier in noun.children:
        if modifier.dep_ == "acl" and modifier.tag_ == "VBN" and modifier.lemma_ in lemmas:
            return prep_object(modifier, ("by",))
    return None


def counted(head: Token, quantity_nouns: frozenset[str]) -> Token:
    """The people a count or gathering stands for: "thousands of protesters", "a group of
    gunmen", "members of Hamas" act as the protesters, the gunmen, Hamas."""
    if head.lower_ not in quantity_nouns:
        return head
    return prep_object(head, ("of",)) or head


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def is_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def purpose_subject(verb: Token) -> Token | None:
    """`made a visit to Tehran to meet the governor`: the parser takes the visit for the
    subject of the purpose clause; the one who acts is the subject of the clause above."""
    if not is_infinitive(verb) or verb.head.i == verb.i:
        return None
    return verb_subject(verb.head)


def verb_subjects(verb: Token) -> list[Token]:
    """The phrases that may name a verb's subject, best first: the one its rule finds
    (`SUBJECT_RULES`), then, for a purpose infinitive read as object control, the subject
    of the verb it depends on (see `PURPOSE_RULES`)."""
    subject, rule = subject_by_rule(verb)
    found = [subject]
    if rule in PURPOSE_RULES and is_infinitive(verb):
        found.append(verb_subject(verb.head))
    return [t for t in found if t is not None]


def origin_of_attack(verb: Token) -> Token | None:
    """`was fired at Israel from Gaza`: where a strike came from, when no one is named."""
    return prep_object(verb, ("from",)) if is_passive(verb) else None


@dataclass(frozen=True, slots=True)
class SubjectRule:
    """One way to find a verb's subject: the first rule that `applies` decides, even when
    its `subject` is None."""

    name: str
    applies: Callable[[Token], bool]
    subject: Callable[[Token, int], Token | None]


def verb_subject(verb: Token, depth: int = 0) -> Token | None:
    """The subject of a verb, inherited through control and coordination: "Russia agreed
    to release ..." gives `release` the subject Russia (see `SUBJECT_RULES`)."""
    return subject_by_rule(verb, depth)[0]


def subject_by_rule(verb: Token, depth: int = 0) -> tuple[Token | None, str | None]:
    """The verb's subject and the name of the rule of `SUBJECT_RULES` that found it."""
    for rule in SUBJECT_RULES:
        if rule.applies(verb) and (depth <= MAX_SUBJECT_DEPTH or rule.name in LOCAL_RULES):
            return rule.subject(verb, depth), rule.name
    return None, None


def _own_subject(verb: Token, depth: int) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    subject = subjects[-1]  # misparsed "group al-Shabab": the name
    if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        return verb.head
    return subject


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def _is_root(verb: Token) -> bool:
    return verb.head.i == verb.i


def _controller(verb: Token, depth: int) -> Token | None:
    return verb_subject(verb.head, depth + 1)


def _charged_or_governor(verb: Token, depth: int) -> Token | None:
    """ "accused Israel of killing", "thanked Qatar for mediating": the one charged or
    thanked did it; else the subject of the verb above."""
    governor = next((t for t in verb.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if governor is None:
        return None
    charged = child(governor, "nsubjpass" if is_passive(governor) else "dobj")
    if verb.head.lower_ in ("of", "for") and charged is not None:
        return charged
    return verb_subject(governor, depth + 1)


def _dep_is(*deps: str) -> Callable[[Token], bool]:
    return lambda verb: verb.dep_ in deps


RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
MAX_SUBJECT_DEPTH = 3
"""How far up a chain of controlling verbs a subject is looked for."""
LOCAL_RULES = frozenset({"passive agent", "own subject"})
"""Rules that read only the verb itself, and so apply at any depth."""
SUBJECT_RULES: tuple[SubjectRule, ...] = (
    # "Kyiv was shelled by Russia"
    SubjectRule("passive agent", is_passive, lambda v, d: prep_object(v, ("by",))),
    # "Russia shelled Kyiv"; "the group, which attacked ...": the relative's antecedent
    SubjectRule("own subject", _has_subject, _own_subject),
    SubjectRule("sentence root", _is_root, lambda v, d: None),
    # "resulted in Nabiullina making a visit"
    SubjectRule("noun before gerund", lambda v: _noun_before_gerund(v) is not None,
                lambda v, d: _noun_before_gerund(v)),
    # "are scheduled to meet": the planners meet
    SubjectRule("planned passive", lambda v: v.dep_ == "xcomp" and is_passive(v.head),
                lambda v, d: child(v.head, "nsubjpass")),
    # "forced Israel to retreat": Israel retreats
    SubjectRule("object control", lambda v: v.dep_ == "xcomp" and child(v.head, "dobj") is not None,
                lambda v, d: child(v.head, "dobj")),
    # "is not involved in or supporting X"
    SubjectRule("passive conjunct", lambda v: v.dep_ == "conj" and is_passive(v.head),
                lambda v, d: child(v.head, "nsubjpass")),
    # "is ready to send": ready's subject sends; "met and agreed": the meeting parties agree
    SubjectRule("controller", _dep_is("xcomp", "conj", "advcl", "acomp"), _controller),
    # "the army's duty to liberate the city": an infinitive relative's noun
    SubjectRule("relative head", _dep_is("relcl"), lambda v, d: v.head),
    SubjectRule("prepositional clause", _dep_is("pcomp"), _charged_or_governor),
    # "troops patrolling the border", "men protesting against the tax": the noun does it
    SubjectRule("participle head",
                lambda v: v.dep_ == "acl" and (v.tag_ == "VBG" or child(v, "dobj") is not None),
                lambda v, d: v.head),
)  # fmt: skip
"""How a verb's subject is found, in order; `tests/test_roles.py` has a case for each."""
PURPOSE_RULES = frozenset({"object control"})
"""Rules whose subject may be the means of a purpose clause, not its doer: in "police
used tear gas to disperse the crowd" the gas names no one, and the police disperse; the
coder takes the first of `verb_subjects` that names an actor."""


def _noun_before_gerund(verb: Token) -> Token | None:
    """`resulted in Nabiullina making a visit`: the parser hangs the gerund on the main
    verb, and its subject is the object right before it. A comma between them is allowed
    only where it closes an appositive: in "struck Gaza, killing 20" Gaza killed no one."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "acl", "xcomp"):
        return None
    objects: list[Token | None] = [c for c in verb.head.children if c.dep_ == "dobj"]
    objects += [child(c, "pobj") for c in verb.head.children if c.dep_ == "prep"]
    for obj in objects:
        if obj is None or obj.i > verb.i:
            continue
        between = obj.doc[obj.right_edge.i + 1 : verb.i]
        if not between or ([t.text for t in between] == [","] and child(obj, "appos") is not None):
            return obj
    return None


def verb_targets(match: Match) -> list[Token]:
    """Candidate targets of a verb, best first: the pattern's preposition, the object (or
    passive subject), a dative, the usual prepositions on the verb or its object, a name
    the parser took for an adverb ("criticized Turkey."), an object the pattern itself
    named when a name qualifies it ("ordered the Somali envoy to leave the country":
    before the objects of the verbs below), then those objects and the subjects of clauses
    it governs, and last a name its infinitive complement acts on (`intended`)."""
    verb = match.trigger
    if match.target_head is not None:
        return [match.target_head]
    if verb.dep_ == "acl" and child(verb, "dobj") is None:
        return [verb.head]
    deps = ("nsubjpass", "dative", "dobj") if is_passive(verb) else ("dobj", "dative")
    objects = [c for c in verb.children if c.dep_ in deps] or shared_object(verb)
    candidates = [o for o in objects if o.i not in match.frame.used]
    for token in (verb, *objects):
        obj = prep_object(token, TARGET_PREPS)
        if obj is not None:
            candidates.append(obj)
    misparsed = [c for c in verb.rights if c.dep_ == "npadvmod" and c.pos_ == "PROPN"]
    named = [o for o in objects if o.i in match.frame.used and _qualified(o)]
    addressed = [child(c, "nsubj") for c in verb.children if c.dep_ == "ccomp"]
    clauses = [a for a in addressed if a is not None]  # "demanded that Russia withdraw"
    return candidates + misparsed + named + nested_objects(match) + clauses + intended(verb)


def purpose_objects(verb: Token, lemmas: Container[str]) -> list[Token]:
    """The objects of the verb's purpose clauses whose verb is one of `lemmas`: "fired
    tear gas to disperse the crowd" was aimed at the crowd."""
    return [
        obj
        for clause, obj in _clause_objects(verb, "advcl")
        if is_infinitive(clause) and clause.lemma_ in lemmas
    ]


def intended(verb: Token) -> list[Token]:
    """Names the verb's infinitive complement acts on: "threatened to turn Seoul into a sea
    of fire" threatens Seoul (not "threatened to send troops")."""
    return [
        obj for _, obj in _clause_objects(verb, "xcomp") if obj.pos_ == "PROPN" or _qualified(obj)
    ]


def _clause_objects(verb: Token, dep: str) -> list[tuple[Token, Token]]:
    """(clause verb, its object) for the verb's clauses of one kind."""
    return [
        (clause, obj)
        for clause in verb.children
        if clause.dep_ == dep
        for obj in clause.children
        if obj.dep_ == "dobj"
    ]


def shared_object(verb: Token) -> list[Token]:
    """The object of the verb coordinated with this one when it has none of its own:
    "shot and killed three militants" shot the militants too."""
    partners = [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        partners.append(verb.head)
    for partner in partners:
        obj = child(partner, "dobj")
        if obj is not None and obj.i > verb.i:
            return [obj]
    return []


def pattern_objects(match: Match) -> list[Token]:
    """The verb's objects that are words of the pattern itself ("killed civilians" for
    `kill civilians|people`): targets only when they name people, which the coder checks."""
    verb = match.trigger
    deps = ("nsubjpass", "dobj") if is_passive(verb) else ("dobj",)
    return [c for c in verb.children if c.dep_ in deps and c.i in match.frame.used]


def _qualified(noun: Token) -> bool:
    """An object with a modifier that can name someone: "Palestinian prisoners" is a
    target; bare "embassies" in "agreed to reopen embassies" and "heavy artillery fire"
    in "exchanged heavy artillery fire" are not."""
    modifiers = [c for c in noun.children if c.dep_ in SOURCE_MODIFIERS]
    return any(t.pos_ == "PROPN" or t.is_title for c in modifiers for t in c.subtree)


def nested_objects(match: Match) -> list[Token]:
    """Objects further down the pattern's own words, nearest first: "expressed hope for
    closer ties with Peru", "claimed responsibility for the strike in Russia"."""
    found: list[Token] = []
    frontier = [t for t in match.trigger.children if t.i in match.frame.used]
    for _ in range(4):
        frontier = [c for t in frontier for c in t.children if c.dep_ not in ("punct", "cc")]
        found.extend(t for t in frontier if t.i not in match.frame.used and _is_nested_object(t))
    return found


def _is_nested_object(token: Token) -> bool:
    """An object, but not of a preposition of place: "a treaty in Moscow" names where."""
    if token.dep_ == "dobj":
        return True
    return token.dep_ == "pobj" and token.head.lower_ in NESTED_PREPS


def merged_noun(verb: Token, nouns: dict[int, Match]) -> Match | None:
    """An event noun that names the verb's means: the subject of an active verb
    ("airstrikes killed 70", also through a participle: "a blast tore through the market,
    killing five") or the `in`/`by` phrase of a passive one ("were killed in Israeli
    shelling"). The two are one event."""
    subject = child(verb, *SUBJECT_DEPS)
    if subject is None and verb.dep_ == "advcl" and verb.tag_ == "VBG":
        subject = child(verb.head, *SUBJECT_DEPS)  # "a bomb exploded, killing five"
    if subject is not None and subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        subject = verb.head  # "the blast, which killed nine"
    if subject is not None and subject.i in nouns and not is_infinitive(verb):
        return nouns[subject.i]
    if verb.dep_ == "acl" and verb.head.i in nouns:
        return nouns[verb.head.i]
    if not is_passive(verb):
        return None
    for prep in verb.children:
        if prep.dep_ in ("prep", "agent") and prep.lower_ in ("in", "by"):
            obj = child(prep, "pobj")
            if obj is not None and obj.i in nouns:
                return nouns[obj.i]
    return None


def same_act_object(match: Match, nouns: dict[int, Match]) -> Match | None:
    """An event noun object that names the same kind of act as its verb, more precisely:
    "detonated a roadside bomb" is one roadside bombing (1833), by the verb's subject."""
    obj = child(match.trigger, "dobj")
    if obj is None or obj.i not in nouns:
        return None
    noun = nouns[obj.i]
    return noun if noun.frame.code[:2] == match.frame.code[:2] else None


def place_object(trigger: Token) -> Token | None:
    """`in X` attached to the trigger or to its object: a meeting in Zurich, a protest in
    Beijing. Used as the target when the text names no other."""
    holders = [trigger, *(c for c in trigger.children if c.dep_ == "acl")]
    if trigger.dep_ in ("nsubj", "nsubjpass"):
        holders.append(trigger.head)  # "airstrikes killed 12 people in Khan Younis"
    for holder in holders:
        for token in (holder, child(holder, "dobj")):
            obj = prep_object(token, ("in", "inside")) if token is not None else None
            if obj is not None:
                return obj
    return None


def noun_sources(noun: Token, match: Match, event_verbs: Container[int] = ()) -> list[Token]:
    """Candidate sources of an event noun, best first, from each rule of
    `NOUN_SOURCE_RULES` in turn."""
    return [token for token, _ in noun_sources_by_rule(noun, match, event_verbs)]


def noun_sources_by_rule(
    noun: Token, match: Match, event_verbs: Container[int] = ()
) -> list[tuple[Token, str]]:
    """The candidate sources of an event noun with the name of the rule that found each."""
    return [
        (token, name)
        for name, rule in NOUN_SOURCE_RULES
        for token in rule(noun, match, event_verbs)
    ]


def _modifiers(noun: Token, match: Match, event_verbs: Container[int]) -> list[Token]:
    return [c for c in noun.lefts if c.dep_ in SOURCE_MODIFIERS and c.i not in match.frame.used]


def _agents(noun: Token, match: Match, event_verbs: Container[int]) -> list[Token]:
    agents = [prep_object(noun, ("by", "from"))]
    agents += [prep_object(c, ("by",)) for c in noun.children if c.dep_ == "acl"]
    return [a for a in agents if a is not None]


def _parties_between(noun: Token, match: Match, event_verbs: Container[int]) -> list[Token]:
    named = match.target_head  # "fighting erupted between X and Y": the verb's phrase
    parties = prep_object(noun, ("between",))
    if parties is None and named is not None and named.head.lower_ == "between":
        parties = named
    return [parties] if parties is not None else []


def _subject_of_verb(noun: Token, match: Match, event_verbs: Container[int]) -> list[Token]:
    """The subject of the verb the noun is the object of, unless that verb is an event of
    its own, among `event_verbs`: who welcomes or condemns a truce did not make it."""
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head  # "announced freezes and sanctions": the list shares its verb
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ in ("during", "on"):
        verb = verb.head  # "held talks during a visit", "went on hunger strike"
    commented = noun.dep_ in ("dobj", "attr") and verb.i in event_verbs
    if noun.dep_ not in ("dobj", "attr", "pobj") or verb.pos_ not in ("VERB", "AUX") or commented:
        return []
    subject = verb_subject(verb)
    return [subject] if subject is not None else []


NounSourceRule = Callable[[Token, Match, Container[int]], list[Token]]
NOUN_SOURCE_RULES: tuple[tuple[str, NounSourceRule], ...] = (
    ("modifier", _modifiers),  # "Israel's strikes", "Israeli airstrikes"
    ("agent", _agents),  # "an attack by Hamas", "sanctions imposed by the West"
    ("parties between", _parties_between),  # "talks between Armenia and Azerbaijan"
    ("subject of its verb", _subject_of_verb),  # "Israel launched airstrikes"
)
"""Where an event noun's source may be named, best first; `tests/test_roles.py` has a
case for each."""


def noun_targets(noun: Token, match: Match) -> list[Token]:
    """Candidate targets of an event noun: the pattern's preposition, else one of the usual
    ones, else the object of the verb the noun is the subject of (`airstrikes hit Gaza`)."""
    if match.target_head is not None:
        return [match.target_head]
    candidates = [prep_object(noun, TARGET_PREPS)]
    if noun.dep_ == "nsubj":
        candidates.append(child(noun.head, "dobj"))
    acl = child(noun, "acl")
    if acl is not None:
        candidates.append(child(acl, "dobj"))
    return [c for c in candidates if c is not None]
