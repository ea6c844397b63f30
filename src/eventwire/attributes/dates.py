"""The date of an event: the date expression attached to its trigger, read by tense.

A sentence often carries several dates: "The Kremlin announced on Monday that the leaders
will meet on January 17". The event "meet" must take January 17 and the event "announced"
Monday, so a date is taken from the trigger's own clause first, then from a date in the
sentence that hangs from no other verb, and only then from the publication date. How a
phrase becomes a calendar date is in `date_rules`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from spacy.tokens import Span, Token

from eventwire.attributes.clause import (
    clause_chain,
    entity_span,
    governing_verb,
    is_future_clause,
)
from eventwire.attributes.date_rules import Context, resolve
from eventwire.models import DateBasis

DATE_LABELS = frozenset({"DATE", "TIME"})
DATE_WORDS = frozenset({"yesterday", "today", "tonight", "tomorrow", "overnight"})
WEAK_DATE_WORDS = frozenset({"overnight"})
PREPOSITION_DEPS = frozenset({"prep", "agent"})
END_PREPOSITIONS = frozenset({"until", "till", "to", "through", "by", "before"})


def event_date(
    trigger: Token, publication: dt.date | None, *, planned: bool = False
) -> tuple[str | None, DateBasis]:
    """The event's own date ("YYYY-MM-DD", "YYYY-MM" or "YYYY") and how it was found.

    `planned` says the event coder already knows the event is planned (modality), which
    turns "on Friday" into the next Friday rather than the last one.
    """
    chain = clause_chain(trigger)
    context = Context(publication, planned or is_future_clause(chain))
    for expression in date_expressions(trigger, chain):
        resolved = resolve(expression.text, context)
        if resolved is not None:
            return resolved.value, resolved.basis
    return (publication.isoformat() if publication else None), "publication"


def date_expressions(trigger: Token, chain: list[Token]) -> Iterator[Span]:
    """Date phrases that may date the event, the most closely attached first.

    In each group a bare "overnight" comes after any other phrase, so that
    "overnight on Thursday" reads as Thursday. Groups are built only when needed.
    """
    seen: set[tuple[int, int]] = set()
    for group in _date_groups(trigger, chain):
        for span in sorted(group, key=_is_weak):
            if (span.start, span.end) not in seen:
                seen.add((span.start, span.end))
                yield span


def _date_groups(trigger: Token, chain: list[Token]) -> Iterator[list[Span]]:
    """The dates of the trigger, then of each verb of its clause, then of the sentence."""
    for token in chain:
        yield attached_dates(token)
    yield free_dates(trigger, chain)


def attached_dates(token: Token) -> list[Span]:
    """Date phrases among the token's children and the objects of its prepositions."""
    spans = []
    for child in token.children:
        if child.dep_ in PREPOSITION_DEPS and child.lower_ in END_PREPOSITIONS:
            continue
        objects = child.children if child.dep_ in PREPOSITION_DEPS else (child,)
        for candidate in objects:
            span = date_span(candidate)
            if span is not None:
                spans.append(span)
    return spans


def free_dates(trigger: Token, chain: list[Token]) -> list[Span]:
    """Date phrases in the sentence that hang from the event's clause or from no verb."""
    spans = [
        entity_span(token) if token.ent_type_ in DATE_LABELS else token.doc[token.i : token.i + 1]
        for token in trigger.sent
        if _starts_date(token)
    ]
    return [span for span in spans if _hangs_from(span, chain) and not _is_end_point(span)]


def date_span(token: Token) -> Span | None:
    """The DATE/TIME entity the token is part of, or the token alone if it is a date word."""
    if token.ent_type_ in DATE_LABELS:
        return entity_span(token)
    if token.lower_ in DATE_WORDS:
        return token.doc[token.i : token.i + 1]
    return None


def _starts_date(token: Token) -> bool:
    """The first token of a DATE/TIME entity, or a date word no entity covers."""
    if token.ent_type_ in DATE_LABELS:
        return token.ent_iob_ == "B"
    return token.lower_ in DATE_WORDS


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
