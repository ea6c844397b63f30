"""The date of an event: the date expression attached to its trigger, read by tense.

A sentence often carries several dates: "The Kremlin announced on Monday that the leaders
will meet on January 17". The event "meet" must take January 17 and the event "announced"
Monday, so a date is taken from the trigger's own clause first, then from a date in the
sentence that hangs from no other verb, and only then from the publication date. How a
phrase becomes a calendar date is in `date_rules`.

A date is read in the tense of the verb it hangs from. A planned event reads its own dates
forward, but a date on the past verb that made the plan belongs to that verb: in "the two
sides agreed on Friday to restore ties", Friday is the last Friday (when they agreed), not
the next one. A nominal trigger takes the dates of its verb ("air strikes killed 12 people
on Tuesday night"), and adjacent date and time phrases are read together ("Tuesday" +
"night").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from spacy.tokens import Span, Token

from eventwire.attributes.clause import (
    VERBAL_POS,
    clause_chain,
    entity_span,
    governing_verb,
    is_future_clause,
)
from eventwire.attributes.date_rules import Context, is_holiday, resolve
from eventwire.models import DateBasis

DATE_LABELS = frozenset({"DATE", "TIME"})
HOLIDAY_LABELS = frozenset({"EVENT"})
"""spaCy tags "New Year's Eve" as an EVENT: such an entity is a date when it names a
fixed-day holiday."""
HOLIDAY_HEADS = frozenset({"christmas", "day", "eve", "year"})
DATE_WORDS = frozenset({"yesterday", "today", "tonight", "tomorrow", "overnight"})
WEAK_DATE_WORDS = frozenset({"overnight"})
PREPOSITION_DEPS = frozenset({"prep", "agent"})
END_PREPOSITIONS = frozenset({"until", "till", "to", "through", "by", "before"})
SCHEDULE_LEMMAS = frozenset(
    {"schedule", "plan", "set", "due", "expect", "slate", "timetable", "program", "programme"}
)
"""Past verbs whose dates are the plan's, not the day it was made: "was scheduled for
Friday"."""
PERFECT_AUX = frozenset({"has", "have", "had"})

Group = tuple[Token | None, list[Span]]
"""Date phrases and the verb (or trigger) they hang from."""


def event_date(
    trigger: Token, publication: dt.date | None, *, planned: bool = False
) -> tuple[str | None, DateBasis]:
    """The event's own date ("YYYY-MM-DD", "YYYY-MM" or "YYYY") and how it was found.

    `planned` says the event coder already knows the event is planned (modality), which
    turns "on Friday" into the next Friday rather than the last one, except on a past
    verb the plan hangs from ("agreed on Friday to ...").
    """
    chain = clause_chain(trigger)
    future = planned or is_future_clause(chain)
    own = _own_clause(trigger, chain)
    for anchor, expression in date_expressions(trigger, chain):
        backward = future and _is_past_plan_verb(anchor, chain, own)
        resolved = resolve(expression.text, Context(publication, future and not backward))
        if resolved is not None:
            return resolved.value, resolved.basis
    return (publication.isoformat() if publication else None), "publication"


def date_expressions(trigger: Token, chain: list[Token]) -> Iterator[tuple[Token | None, Span]]:
    """Date phrases that may date the event, the most closely attached first, each with
    the verb it hangs from.

    In each group a bare "overnight" comes after any other phrase, so that
    "overnight on Thursday" reads as Thursday. Groups are built only when needed.
    """
    seen: set[tuple[int, int]] = set()
    for anchor, group in _date_groups(trigger, chain):
        for span in sorted(group, key=_is_weak):
            if (span.start, span.end) not in seen:
                seen.add((span.start, span.end))
                yield (anchor if anchor is not None else governing_verb(span.root)), span


def _date_groups(trigger: Token, chain: list[Token]) -> Iterator[Group]:
    """The dates of the trigger, then of each verb of its clause, then of the sentence."""
    for token in chain:
        yield token, attached_dates(token)
    yield None, free_dates(trigger, chain)


def attached_dates(token: Token) -> list[Span]:
    """Date phrases among the token's children and the objects of its prepositions."""
    spans = []
    for child in token.children:
        if child.dep_ in PREPOSITION_DEPS and child.lower_ in END_PREPOSITIONS:
            continue
        objects = child.children if child.dep_ in PREPOSITION_DEPS else (child,)
        for candidate in objects:
            spans.extend(date_spans(candidate))
    return spans


def free_dates(trigger: Token, chain: list[Token]) -> list[Span]:
    """Date phrases in the sentence that hang from the event's clause or from no verb."""
    spans = [span for token in trigger.sent if _starts_date(token) for span in date_spans(token)]
    return [span for span in spans if _hangs_from(span, chain) and not _is_end_point(span)]


def date_spans(token: Token) -> list[Span]:
    """The date phrases a token is part of: its DATE/TIME entity joined with the date or
    time entities right beside it ("Tuesday" + "night"), a holiday ("New Year's Eve"),
    or a date word; a date word inside a longer entity also alone ("Kyiv overnight")."""
    if token.ent_type_ in DATE_LABELS:
        spans = [_joined_entities(token)]
        if token.lower_ in DATE_WORDS and spans[0].text.lower() != token.lower_:
            spans.append(token.doc[token.i : token.i + 1])
        return spans
    holiday = _holiday_span(token)
    if holiday is not None:
        return [holiday]
    if token.lower_ in DATE_WORDS:
        return [token.doc[token.i : token.i + 1]]
    return []


def _joined_entities(token: Token) -> Span:
    """The token's date entity with the date or time entities touching it."""
    doc = token.doc
    span = entity_span(token)
    start, end = span.start, span.end
    while start > 0 and doc[start - 1].ent_type_ in DATE_LABELS:
        start = entity_span(doc[start - 1]).start
    while end < len(doc) and doc[end].ent_type_ in DATE_LABELS:
        end = entity_span(doc[end]).end
    return doc[start:end]


def _holiday_span(token: Token) -> Span | None:
    """ "Christmas Day", "New Year's Eve": a holiday name ending in the token, whether
    spaCy tags it EVENT or not at all."""
    if token.lower_ not in HOLIDAY_HEADS or token.ent_type_ not in HOLIDAY_LABELS | {""}:
        return None
    start = token.left_edge.i
    while start < token.i and token.doc[start].pos_ == "DET":
        start += 1
    span = token.doc[start : token.i + 1]
    return span if is_holiday(span.text) else None


def _starts_date(token: Token) -> bool:
    """The first token of a DATE/TIME entity, a date word no entity starts, or the head
    of a holiday name."""
    if token.ent_type_ in DATE_LABELS:
        return token.ent_iob_ == "B" or token.lower_ in DATE_WORDS
    return token.lower_ in DATE_WORDS or _holiday_span(token) is not None


def _own_clause(trigger: Token, chain: list[Token]) -> set[Token]:
    """The event's own verbs: the trigger, or for a nominal trigger its participles and
    the verb it depends on ("strikes" -> "killed")."""
    if trigger.pos_ in VERBAL_POS:
        return {trigger}
    verb = governing_verb(trigger)
    return {token for token in chain if token.head == trigger or token == verb} | {trigger}


def _is_past_plan_verb(anchor: Token | None, chain: list[Token], own: set[Token]) -> bool:
    """True for a past verb above the event's own clause that made the plan ("agreed",
    "offered", "has promised"), but not one that schedules it ("was scheduled")."""
    if anchor is None or anchor not in chain or anchor in own:
        return False
    if anchor.lemma_.lower() in SCHEDULE_LEMMAS:
        return False
    auxiliaries = {c.lower_ for c in anchor.children if c.dep_ in ("aux", "auxpass")}
    if anchor.tag_ == "VBD":
        return True
    return anchor.tag_ == "VBN" and (not auxiliaries or bool(auxiliaries & PERFECT_AUX))


def _is_end_point(span: Span) -> bool:
    """ "until 2023", "to 2026", "by 2030": the end of a period or a deadline, not a date
    the event happened on."""
    head = span.root.head
    return head.dep_ in PREPOSITION_DEPS and head.lower_ in END_PREPOSITIONS


def _hangs_from(span: Span, chain: list[Token]) -> bool:
    """True when the span's nearest verb is in the event's clause, or there is none."""
    verb = governing_verb(span.root)
    return verb is None or verb in chain


def _is_weak(span: Span) -> bool:
    """A weak date phrase is used only when its group has nothing better."""
    return span.text.lower() in WEAK_DATE_WORDS
