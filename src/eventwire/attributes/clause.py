"""Find the clause an event trigger belongs to, and whether that clause speaks of the future.

Dates, places and casualty counts are all read from the trigger's own clause, so the three
attribute modules share one definition of it: the trigger, the verb it depends on when the
trigger is a noun ("airstrikes" in "airstrikes killed 70") and its participle ("carried
out" in "strikes carried out on Monday"), and the verbs that clause hangs from through
`xcomp`, `advcl` or `conj` ("hold" in "are scheduled to hold talks"). Reported speech
(`ccomp`, "said that ...") is a different clause and is not climbed into.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from eventwire.datafiles import package_data, read_word_lists

VERBAL_POS = frozenset({"VERB", "AUX"})
CLIMB_DEPS = frozenset({"xcomp", "advcl", "conj"})
NOMINAL_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})
PLANS = read_word_lists(
    package_data("lexicon", "cues.yaml"), ("plan_verbs", "future_auxiliaries", "plan_modifiers")
)
"""The words that make a clause planned, shared with the event coder's modality (the
coder reads the same lists of `cues.yaml`)."""


def governing_verb(token: Token) -> Token | None:
    """The token itself when it is a verb, else the nearest verb above it, else None."""
    current = token
    while current.pos_ not in VERBAL_POS:
        if current.head.i == current.i:
            return None
        current = current.head
    return current


def clause_chain(trigger: Token) -> list[Token]:
    """The trigger, then the verbs whose clause it belongs to, nearest first, no repeats.

    A nominal trigger's participle ("the strikes carried out on Monday") comes first: it
    says when and where the event was. spaCy also often parses a headline-like sentence
    ("Clashes flared over the weekend") as a noun with such a participle.
    """
    chain = [trigger]
    if trigger.pos_ not in VERBAL_POS:
        chain.extend(c for c in trigger.children if c.dep_ == "acl" and c.pos_ == "VERB")
    verb = governing_verb(trigger)
    if verb is not None and verb != trigger:
        chain.append(verb)
    while verb is not None and verb.dep_ in CLIMB_DEPS and verb.head != verb:
        verb = governing_verb(verb.head)
        if verb is None or verb in chain:
            break
        chain.append(verb)
    return chain


def is_future_clause(chain: list[Token]) -> bool:
    """True when the clause is planned or future: "will meet", "is scheduled to hold", ...

    A nominal trigger counts as planned with a modifier like "planned" or "upcoming".
    """
    trigger = chain[0]
    if any(
        child.dep_ in NOMINAL_MODIFIER_DEPS and child.lower_ in PLANS["plan_modifiers"]
        for child in trigger.children
    ):
        return True
    for verb in chain:
        if _has_future_aux(verb) or _is_plan_head(verb, chain):
            return True
    return False


def _has_future_aux(verb: Token) -> bool:
    """True for "will hold", "'ll hold", and "would hold" (but not "would have held")."""
    auxiliaries = [child.lower_ for child in verb.children if child.dep_ in ("aux", "auxpass")]
    future = any(aux in PLANS["future_auxiliaries"] for aux in auxiliaries)
    return future and "have" not in auxiliaries


def _is_plan_head(verb: Token, chain: list[Token]) -> bool:
    """True for "scheduled" in "are scheduled to hold talks" or "is" in "is to visit"."""
    if not any(child.dep_ == "xcomp" and child in chain for child in verb.children):
        return False
    if verb.lemma_.lower() not in PLANS["plan_verbs"] and verb.lemma_.lower() != "be":
        return False
    return not _is_past(verb)


def _is_past(verb: Token) -> bool:
    """True for "agreed" or "was scheduled": a plan made in the past plans nothing now."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return any(token.tag_ in ("VBD",) for token in [verb, *auxiliaries])


def entity_span(token: Token) -> Span:
    """The whole entity span containing `token`, read from the token-level IOB tags."""
    doc = token.doc
    start, end = token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]
