"""Resolving actor mentions one at a time or in batches, outside the event coder.

Analysts check how a name resolves (`eventwire actors lookup`) and resolve lists of
mentions from other tools (`eventwire actors resolve`). A mention is parsed alone, or inside
its context when it occurs there (so that "Kazem Jalali" in "Kazem Jalali, Iran's
ambassador to Moscow" reads the appositive); the countries named in the context break ties
between readings of an ambiguous name. Batches go through `nlp.pipe`, and a bad input line
gives a line of nulls with the reason, never a crash.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from eventwire.actors.context import story_country
from eventwire.actors.knowledge import load_knowledge_base
from eventwire.actors.resolver import (
    ActorResolver,
    Mention,
    mention_countries,
    phrase_segments,
    recoded,
)
from eventwire.models import Actor

BATCH_SIZE = 512
CACHE_SIZE = 100_000
"""Distinct (mention, context, date) answers a batch run keeps before starting afresh."""
FIELDS = ("code", "country", "sector", "group", "name")
CLAUSE_POS = frozenset({"VERB", "AUX", "ADP"})
UNUSED_PIPES = ("ner",)
"""Components the resolver does not read: skipping them makes batches faster."""


@dataclass(frozen=True, slots=True)
class MentionQuery:
    """One mention to resolve, as read from a batch line or the command line."""

    id: Any
    text: str
    day: dt.date | None = None
    context: str | None = None


@dataclass(frozen=True, slots=True)
class BadLine:
    """A batch line that could not be read: its id when known, and what was wrong."""

    id: Any
    problem: str


@lru_cache(maxsize=4)
def load_resolver(model: str, actor_files: tuple[Path, ...] = ()) -> tuple[ActorResolver, Language]:
    """A resolver over the shipped and user actor files, and its pipeline, once per process."""
    from eventwire.nlp import load_pipeline

    nlp = load_pipeline(model)
    return ActorResolver(load_knowledge_base(actor_files), nlp), nlp


def resolve_mention(
    text: str,
    *,
    date: str | dt.date | None,
    context: str | None,
    resolver: ActorResolver,
    nlp: Language,
) -> Actor | None:
    """The actor a mention names on `date`, or None; `reason` says why.

    Raises ValueError for a date that is not YYYY-MM-DD."""
    query = MentionQuery(None, text, parse_day(date), context)
    texts = _texts_to_parse([query])
    docs = dict(zip(texts, _pipe(nlp, texts), strict=True))
    return _resolve(query, docs, resolver)


def parse_day(value: str | dt.date | None) -> dt.date | None:
    """A publication date from YYYY-MM-DD (a longer timestamp keeps its date part)."""
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise ValueError(f"date {value!r} is not YYYY-MM-DD") from None


# -- batches ------------------------------------------------------------------------------


def resolve_lines(
    lines: Iterable[str],
    *,
    resolver: ActorResolver,
    nlp: Language,
    batch_size: int = BATCH_SIZE,
) -> Iterator[dict[str, Any]]:
    """One output record per input line, in order: `{"id", "code", "country", "sector",
    "group", "name", "reason"}`; blank lines are skipped, bad ones give nulls and a reason."""
    numbered = ((n, line) for n, line in enumerate(lines, start=1) if line.strip())
    answers: dict[tuple[str, str | None, dt.date | None], Actor | None] = {}
    while chunk := list(itertools.islice(numbered, batch_size)):
        items = [read_line(line, number) for number, line in chunk]
        if len(answers) > CACHE_SIZE:
            answers.clear()
        _answer_new_queries(items, answers, resolver, nlp)
        for item in items:
            if isinstance(item, BadLine):
                yield output_record(item.id, None, item.problem)
                continue
            actor = answers[_key(item)]
            problem = None if actor else f"no actor found in {item.text!r}"
            yield output_record(item.id, actor, problem)


def _key(query: MentionQuery) -> tuple[str, str | None, dt.date | None]:
    return query.text, query.context, query.day


def _answer_new_queries(
    items: list[MentionQuery | BadLine],
    answers: dict[tuple[str, str | None, dt.date | None], Actor | None],
    resolver: ActorResolver,
    nlp: Language,
) -> None:
    """Resolve the queries not answered before: news batches repeat the same mentions
    ("Iran", "Israeli forces") thousands of times, and each is parsed once."""
    fresh = {_key(q): q for q in items if isinstance(q, MentionQuery) and _key(q) not in answers}
    texts = _texts_to_parse(list(fresh.values()))
    docs = dict(zip(texts, _pipe(nlp, texts), strict=True))
    for key, query in fresh.items():
        answers[key] = _resolve(query, docs, resolver)


def read_line(line: str, number: int) -> MentionQuery | BadLine:
    """A query from one JSONL line `{"id", "text", "date"?, "context"?}`, or what is wrong."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return BadLine(None, f"line {number}: not JSON ({exc.msg} at column {exc.colno})")
    if not isinstance(record, dict):
        return BadLine(None, f"line {number}: expected a JSON object, found {line.strip():.40}")
    ident = record.get("id")
    text, context = record.get("text"), record.get("context")
    if not isinstance(text, str) or not text.strip():
        return BadLine(ident, f"line {number}: `text` must be a non-empty string")
    if context is not None and not isinstance(context, str):
        return BadLine(ident, f"line {number}: `context` must be a string")
    try:
        day = parse_day(record.get("date"))
    except ValueError as exc:
        return BadLine(ident, f"line {number}: {exc}")
    return MentionQuery(ident, text.strip(), day, context or None)


def output_record(ident: Any, actor: Actor | None, problem: str | None) -> dict[str, Any]:
    """The output line for one mention: nulls when nothing resolved, with the reason."""
    record: dict[str, Any] = {"id": ident}
    for name in FIELDS:
        record[name] = getattr(actor, name) if actor is not None else None
    record["reason"] = problem or (actor.reason if actor is not None else None)
    return record


# -- resolving one parsed mention ---------------------------------------------------------


def _texts_to_parse(queries: list[MentionQuery]) -> list[str]:
    """Each distinct text the queries need parsed: the context, and the mention itself
    unless it can be read inside its context."""
    texts: dict[str, None] = {}
    for query in queries:
        if query.context:
            texts[query.context] = None
        if _locate(query) is None:
            texts[query.text] = None
    return list(texts)


def _pipe(nlp: Language, texts: list[str]) -> Iterator[Doc]:
    unused = [name for name in UNUSED_PIPES if name in nlp.pipe_names]
    return nlp.pipe(texts, batch_size=BATCH_SIZE, disable=unused)


def _locate(query: MentionQuery) -> tuple[int, int] | None:
    """Where the mention is in its context (exact case first), as character offsets."""
    if not query.context:
        return None
    start = query.context.find(query.text)
    if start < 0:
        start = query.context.lower().find(query.text.lower())
    return (start, start + len(query.text)) if start >= 0 else None


def _resolve(query: MentionQuery, docs: dict[str, Doc], resolver: ActorResolver) -> Actor | None:
    countries = _context_countries(docs[query.context], resolver) if query.context else None
    place = _locate(query)
    span = None
    if place is not None and query.context:
        span = docs[query.context].char_span(*place, alignment_mode="expand")
    if span is None and query.text in docs:
        span = docs[query.text][:]
    if span is None or not len(span):
        return None
    actor = _actor_of_span(span, query.day, countries, resolver)
    if query.context and (actor is None or actor.sector is None) and actor_id(actor) is None:
        actor = _titled_earlier(span, query.day, countries, resolver) or actor
    if query.context and actor is not None and actor.country is None and actor.id is None:
        return _from_story(actor, span, resolver)
    return actor


def actor_id(actor: Actor | None) -> str | None:
    return actor.id if actor is not None else None


def _titled_earlier(
    span: Span, day: dt.date | None, countries: frozenset[str] | None, resolver: ActorResolver
) -> Actor | None:
    """A person first named with a title keeps that reading when later named by surname
    alone: "Defense Minister Ana Ruiz ... Ruiz said" reads the later "Ruiz" as the first."""
    surname = span[-1]
    for token in span.doc[: span.start]:
        if token.text == surname.text and token.pos_ == "PROPN":
            actor = _actor_of_span(span.doc[token.i : token.i + 1], day, countries, resolver)
            if actor is not None and actor.sector is not None:
                note = f"as first named in the story ({actor.text})"
                return dataclasses.replace(actor, text=span.text, reason=f"{actor.reason}; {note}")
    return None


def _from_story(actor: Actor, span: Span, resolver: ActorResolver) -> Actor:
    """An unknown actor with no country of its own takes the story's (see `context`)."""
    found = story_country(span.doc, resolver, exclude=range(span.start, span.end))
    if found is None:
        return actor
    return recoded(actor, found[0], actor.sector, f"country from the story: {found[1]}")


def _context_countries(doc: Doc, resolver: ActorResolver) -> frozenset[str]:
    found: set[str] = set()
    for sent in doc.sents:
        found |= mention_countries(resolver.mentions(sent))
    return frozenset(found)


def _actor_of_span(
    span: Span, day: dt.date | None, countries: frozenset[str] | None, resolver: ActorResolver
) -> Actor | None:
    """Read the phrase headed by the span's head; keep the coordinated part that holds the
    mention, and fall back to reading the span flat when the parse finds no phrase."""
    sent = span.sent if span.doc.has_annotation("SENT_START") else span
    if sent.end < span.end:  # the parser split the mention itself: "PML-N", "ZANU-PF"
        sent = span.doc[sent.start : span.end]
    mentions = resolver.mentions(sent)
    if span.root.pos_ in CLAUSE_POS:  # a fragment parsed as a clause: "masked men"
        return _read_flat(span, day, countries, resolver, mentions)
    head = _phrase_head(span)
    inside = {t.i for t in span}
    segments = [s for s in phrase_segments(head) if any(t.i in inside for t in s)]
    for segment in segments:
        actor = resolver.actor_of_segment(segment, mentions, day, countries=countries)
        if actor is not None and actor.country is None and head in segment:
            actor = resolver.placed(actor, head, mentions, countries=countries)
        if actor is not None and len(segments) > 1:
            note = f"the first of {len(segments)} coordinated actors in {span.text!r}"
            return dataclasses.replace(actor, reason=f"{actor.reason}; {note}")
        if actor is not None:
            return actor
    return _read_flat(span, day, countries, resolver, mentions)


def _read_flat(
    span: Span,
    day: dt.date | None,
    countries: frozenset[str] | None,
    resolver: ActorResolver,
    mentions: dict[int, Mention],
) -> Actor | None:
    """The span read as one phrase, its last word a role noun whatever the tagger says:
    the mention is known to name an actor ("cartels", "Tripoli militias")."""
    flat = [t for t in span if not t.is_punct]
    if not flat:
        return None
    return resolver.actor_of_segment(flat, mentions, day, countries=countries, loose=True)


def _phrase_head(span: Span) -> Token:
    """The head of the mention's phrase: the span's syntactic root, unless that is a verb
    or an adposition (a fragment parsed as a clause), then its last noun."""
    root = span.root
    if root.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
        return root
    nouns = [t for t in span if t.pos_ in ("NOUN", "PROPN")]
    return nouns[-1] if nouns else root
