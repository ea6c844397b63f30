"""Who says so: the speaker of a claim and the outlet that reports it.

"Iran's envoy said ...", "according to Reuters", "was cited as saying by TASS",
"Russia's news agency cited Iran's envoy as saying": the speaker is a person or body, the
outlet goes to `reported_by` and is never an actor of the event.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from eventwire.events.cues import Cues, lemma, speech_verb
from eventwire.events.roles import child, prep_object


@dataclass(frozen=True, slots=True)
class Attribution:
    """Head tokens of the phrases that say or report the event (either may be None)."""

    speakers: tuple[Token, ...] = ()
    verb: Token | None = None


def _according_to(token: Token) -> Token | None:
    """`according to X`, attached to the verb or anywhere in its clause."""
    if not _says_according(token.doc):
        return None
    for c in token.subtree:
        if c.lower_ == "according" and c.head.i in (token.i, *(t.i for t in token.children)):
            to = child(c, "prep")
            if to is not None:
                return child(to, "pobj")
    return None


@lru_cache(maxsize=8)
def _says_according(doc: Doc) -> bool:
    """Whether the document has "according" at all: read once, not per event."""
    return any(token.lower_ == "according" for token in doc)


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
        return said_by(verb, cues)
    root = trigger.sent.root
    according = _according_to(root) or _according_to(trigger)
    return Attribution((according,) if according is not None else (), None)


def said_by(verb: Token, cues: Cues) -> Attribution:
    """The phrases that a verb of saying attributes its words to."""
    heads = _cited_as_saying(verb) if lemma(verb) in ("cite", "quote") else []
    if not heads:
        subject = child(verb, "nsubj", "nsubjpass")
        heads = [subject] if subject is not None else []
    according = _according_to(verb)
    if according is not None:
        heads.append(according)
    return Attribution(tuple(heads), verb)


OPENING_QUOTES = frozenset({"\u201c"})
CLOSING_QUOTES = frozenset({"\u201d"})
STRAIGHT_QUOTES = frozenset({'"', "''", "``"})
CLOSING_MARKS = CLOSING_QUOTES | STRAIGHT_QUOTES
QUOTE_MARKS = OPENING_QUOTES | CLOSING_MARKS


def quotations(doc: Doc) -> list[tuple[int, int]]:
    """The (opening, closing) token indices of the quotations in a document. A quotation
    never runs past the end of its paragraph, so one stray mark spoils no more than that."""
    spans = []
    opened: int | None = None
    for token in doc:
        text = token.text
        if text not in QUOTE_MARKS and not token.is_space:
            continue
        if token.is_space and "\n" in text:
            opened = None
        elif text in OPENING_QUOTES or (text in STRAIGHT_QUOTES and opened is None):
            opened = token.i
        elif opened is not None and text in CLOSING_MARKS:
            spans.append((opened, token.i))
            opened = None
    return spans


def quoted_speech(doc: Doc, cues: Cues) -> dict[int, Token]:
    """Sentence start -> the verb of saying of the quotation that holds the sentence.

    A quotation of several sentences is attributed once, after it (`"... . ...," the
    speaker wrote`) or before it (`the speaker said: "... . ..."`); the sentences in
    between have no verb of saying of their own.
    """
    found: dict[int, Token] = {}
    for opening, closing in quotations(doc):
        first, last = doc[opening].sent, doc[closing].sent
        if first.start == last.start:
            continue
        verb = _speech_outside(doc[closing + 1 : last.end], cues) or _speech_outside(
            doc[first.start : opening], cues
        )
        if verb is None:
            continue
        start = first.start
        while start <= last.start:
            sent = doc[start].sent
            if sent.start != verb.sent.start:
                found[sent.start] = verb
            start = sent.end
    return found


def _speech_outside(tokens: Iterable[Token], cues: Cues) -> Token | None:
    """A verb of saying with its own subject among `tokens` (the text around a quotation)."""
    return next(
        (t for t in tokens if lemma(t) in cues.speech_verbs and child(t, "nsubj") is not None),
        None,
    )
