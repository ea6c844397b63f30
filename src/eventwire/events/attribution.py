"""Who says so: the speaker of a claim and the outlet that reports it.

"Iran's envoy said ...", "according to Reuters", "was cited as saying by TASS",
"Russia's news agency cited Iran's envoy as saying": the speaker is a person or body, the
outlet goes to `reported_by` and is never an actor of the event.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from eventwire.events.cues import Cues, lemma, speech_verb
from eventwire.events.roles import child, prep_object


@dataclass(frozen=True, slots=True)
class Attribution:
    """Head tokens of the phrases that say or report the event (either may be None)."""

    speakers: tuple[Token, ...] = ()
    verb: Token | None = None


def _according_to(token: Token) -> Token | None:
    """`according to X`, attached to the verb or anywhere in its clause."""
    if "ccording" not in token.sent.text:
        return None
    for c in token.subtree:
        if c.lower_ == "according" and c.head.i in (token.i, *(t.i for t in token.children)):
            to = child(c, "prep")
            if to is not None:
                return child(to, "pobj")
    return None


def _cited_as_saying(verb: Token) -> list[Token]:
    """`cited Iran's envoy as saying` (object) and `was quoted as saying by TASS` (agent):
    both phrases, outlet or speaker, for the caller to sort."""
    heads = []
    for dep in ("nsubj", "nsubjpass", "dobj"):
        head = child(verb, dep)
        if head is not None:
            heads.append(head)
    saying = [t for t in verb.subtree if t.lemma_ == "say" and t.dep_ == "pcomp"]
    for token in (verb, *saying):  # "cited as saying by TASS" hangs "by" on either
        agent = prep_object(token, ("by",))
        if agent is not None:
            heads.append(agent)
    return heads


def find_attribution(trigger: Token, cues: Cues) -> Attribution:
    """The phrases that attribute the trigger's clause, nearest first."""
    verb = speech_verb(trigger, cues)
    if verb is not None:
        heads = _cited_as_saying(verb) if lemma(verb) in ("cite", "quote") else []
        if not heads:
            subject = child(verb, "nsubj", "nsubjpass")
            heads = [subject] if subject is not None else []
        according = _according_to(verb)
        if according is not None:
            heads.append(according)
        return Attribution(tuple(heads), verb)
    root = trigger.sent.root
    according = _according_to(root) or _according_to(trigger)
    return Attribution((according,) if according is not None else (), None)
