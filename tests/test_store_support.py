"""A fake coder and store fixtures for the store tests (no tests here).

The fake coder recognises sentences `<Actor> <verb> <Actor> [in <Place>]` from two small
tables, so tests know exactly which events a text yields without loading spaCy.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.models import Actor, Document, Event, Location, Trigger
from eventwire.store import Store

POSTGRES_ENV = "EVENTWIRE_TEST_POSTGRES_URL"
TABLES = ("mentions", "events", "actors", "documents", "schema_version")

ACTORS = {
    "Iran": ("IRNGOV", "IRN", "GOV"),
    "Russia": ("RUSGOV", "RUS", "GOV"),
    "Israel": ("ISRGOV", "ISR", "GOV"),
    "Turkey": ("TURGOV", "TUR", "GOV"),
    "Qatar": ("QATGOV", "QAT", "GOV"),
    "NATO": ("IGONAT", None, "IGO"),
}
VERBS = {
    "met": ("040", "04", "Consult", "CONSULT", 1, 1.0),
    "signed": ("057", "05", "Sign formal agreement", "SUPPORT", 1, 8.0),
    "accused": ("112", "11", "Accuse", "ACCUSE", 3, -2.0),
    "attacked": ("190", "19", "Use conventional military force", "ASSAULT", 4, -10.0),
    "struck": ("195", "19", "Employ aerial weapons", "ASSAULT", 4, -10.0),
}
PLACES = {"Moscow": "RUS", "Tehran": "IRN", "Doha": "QAT", "Ankara": "TUR"}
SENTENCE = re.compile(
    r"(?P<source>\w+) (?P<verb>\w+) (?P<target>\w+)(?: in (?P<place>\w+))?[^.]*\."
)


@dataclass(slots=True)
class StandInCodedDocument:
    """Same fields as eventwire.pipeline.CodedDocument, used while that module cannot load."""

    document: Document
    events: list[Event]


def coded_document_type() -> Any:
    try:
        from eventwire.pipeline import CodedDocument
    except ImportError:  # the coder's modules are being written: the store only needs the fields
        return StandInCodedDocument
    return CodedDocument


def fake_code(documents: Iterable[Document]) -> Iterator[Any]:
    """Code documents lazily, one at a time, in input order (the coder's contract)."""
    coded = coded_document_type()
    for document in documents:
        yield coded(document, list(fake_events(document)))


def fake_events(document: Document) -> Iterator[Event]:
    for index, match in enumerate(SENTENCE.finditer(document.text)):
        event = _event(document, index, match)
        if event is not None:
            yield event


def _event(document: Document, index: int, match: re.Match[str]) -> Event | None:
    verb = VERBS.get(match["verb"])
    if verb is None or match["source"] not in ACTORS or match["target"] not in ACTORS:
        return None
    cameo, root, name, plover, quad, goldstein = verb
    place = match["place"]
    start = match.start("verb")
    key = f"{document.id}|{index}|{start}|{cameo}"
    return Event(
        event_id=hashlib.sha1(key.encode()).hexdigest()[:16],
        doc_id=document.id,
        sentence_index=index,
        sentence=match[0],
        sentence_span=(match.start(), match.end()),
        source=_actor(match["source"]),
        target=_actor(match["target"]),
        cameo=cameo,
        cameo_root=root,
        cameo_name=name,
        plover=plover,
        plover_mode=None,
        quad_class=quad,
        goldstein=goldstein,
        negated=False,
        modality="asserted",
        speaker=None,
        reported_by=None,
        date=document.date,
        date_basis="publication",
        location=Location(place, PLACES.get(place)) if place else None,
        killed=None,
        injured=None,
        arrested=None,
        trigger=Trigger(match["verb"], start, match.end("verb")),
        confidence=0.9,
    )


def _actor(text: str) -> Actor:
    code, country, sector = ACTORS[text]
    return Actor(text=text, name=text, code=code, country=country, sector=sector, id=f"kb:{code}")


def postgres_url() -> str | None:
    return os.environ.get(POSTGRES_ENV) or None


def open_test_store(kind: str, tmp_path: Path) -> Store:
    """A fresh store: a new DuckDB file, or the test PostgreSQL database emptied."""
    if kind == "duckdb":
        return Store.open(tmp_path / "test.duckdb")
    import pytest  # here, not at the top: scripts/bench_ingest.py runs without pytest

    url = postgres_url()
    if url is None:
        pytest.skip(
            f"no PostgreSQL for the store tests: set {POSTGRES_ENV} (scripts/start-postgres.sh)"
        )
    reset_postgres(url)
    return Store.open(url)


def reset_postgres(url: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f"DROP TABLE IF EXISTS {', '.join(TABLES)}")


def write_jsonl(path: Path, records: list[dict[str, str]]) -> Path:
    import json

    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path
