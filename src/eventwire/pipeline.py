"""The library entry points: documents in, coded events out (the CLI is a layer over this)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import tee

from eventwire.actors import ActorResolver, load_knowledge_base
from eventwire.attributes import Gazetteer
from eventwire.events import EventCoder
from eventwire.events.cues import load_cues
from eventwire.events.lexicon import load_lexicon
from eventwire.events.matcher import LexiconDetector
from eventwire.models import Document, Event
from eventwire.nlp import load_pipeline
from eventwire.nlp.truecase import Truecaser, needs_case
from eventwire.ontology import load_code_facts, load_ontology, load_party_codes
from eventwire.settings import Settings


@dataclass(slots=True)
class CodedDocument:
    """One input document and the events coded from it (possibly none)."""

    document: Document
    events: list[Event]


@lru_cache(maxsize=4)
def build_coder(settings: Settings) -> EventCoder:
    """Load the pipeline and every knowledge file once per process and settings."""
    nlp = load_pipeline(settings.model)
    kb = load_knowledge_base(settings.actor_files)
    return EventCoder(
        resolver=ActorResolver(kb, nlp),
        detectors=(LexiconDetector(load_lexicon()),),
        cues=load_cues(),
        ontology=load_ontology(),
        facts=load_code_facts(),
        party_codes=load_party_codes(),
        gazetteer=Gazetteer.load(),
        require_source=settings.require_source,
        require_target=settings.require_target,
        rules_off=settings.rules_off,
    )


@lru_cache(maxsize=4)
def build_truecaser(settings: Settings) -> Truecaser:
    """Built on the first text in one case (a second), from the coder's own names."""
    coder = build_coder(settings)
    return Truecaser.build(coder.resolver.kb, coder.gazetteer)


def cased_text(text: str, settings: Settings) -> str:
    """The text with the case of lower-cased or upper-cased lines restored."""
    return build_truecaser(settings).restore(text) if needs_case(text) else text


def in_original_text(event: Event, text: str) -> Event:
    """An event read from restored text, quoting the text as it was given."""
    start, end = event.sentence_span
    trigger = replace(event.trigger, text=text[event.trigger.start : event.trigger.end])
    return replace(event, sentence=text[start:end], trigger=trigger)


def code_documents(
    documents: Iterable[Document], *, settings: Settings | None = None
) -> Iterator[CodedDocument]:
    """Code each document, yielding them in input order; parsing is batched."""
    settings = settings or Settings()
    coder = build_coder(settings)
    nlp = load_pipeline(settings.model)
    pairs = ((d, cased_text(d.text, settings)) for d in documents)
    for_text, for_records = tee(pairs)
    texts = (text for _, text in for_text)
    for (document, text), doc in zip(
        for_records, nlp.pipe(texts, batch_size=settings.batch_size), strict=True
    ):
        events = coder.code_doc(doc, document)
        if text is not document.text:  # restored case: quote the text as given
            events = [in_original_text(e, document.text) for e in events]
        if settings.min_confidence:
            events = [e for e in events if e.confidence >= settings.min_confidence]
        yield CodedDocument(document, events)


def code_text(
    text: str, *, date: str | None = None, doc_id: str = "text", settings: Settings | None = None
) -> list[Event]:
    """Code one snippet of news text published on `date` (YYYY-MM-DD)."""
    document = Document(id=doc_id, text=text, date=date)
    return next(iter(code_documents([document], settings=settings))).events
