"""The EventIndex of a snapshot answers exactly as SQL does: over a generated store full of
awkward values (no actor, groups, IGOs, bare sectors, no date, ties, accents, LIKE wildcards
in the text, several mentions), the same items in the same order, the same bytes over HTTP,
the same refusals."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import assume, given
from hypothesis import strategies as st

from eventwire.analysis import Actor, EventQuery, Snapshot, list_events
from eventwire.analysis.index import EventIndex, Text
from eventwire.analysis.items import to_json
from eventwire.api import create_app
from eventwire.store import Store

ACTORS = [  # code, country, sector, group
    ("RUS", "RUS", None, None), ("RUSMIL", "RUS", "MIL", None), ("IRN", "IRN", None, None),
    ("IRNGOV", "IRN", "GOV", None), ("ISR", "ISR", None, None), ("TUR", "TUR", None, None),
    ("LBNMIL", "LBN", "MIL", "hezbollah"), ("IGOUNO", None, None, None),
    ("---CVL", None, "CVL", None), (None, None, None, None),
]  # fmt: skip
CODES = [("040", "CONSULT", 1, 1.0), ("057", "SUPPORT", 1, 8.0), ("070", "AID", 2, 7.0),
         ("112", "ACCUSE", 3, -2.0), ("163", "COERCE", 4, -8.0), ("190", "ASSAULT", 4, -10.0),
         ("195", "ASSAULT", 4, -10.0), ("1712", "ASSAULT", 4, -9.0)]  # fmt: skip
PLACES = [None, ("Moscow", "RUS"), ("İstanbul", "TUR"), ("Tel Aviv", "ISR"), ("GAZA", "PSE")]
WORDS = ["talks", "Straße", "İstanbul", "café", "100%", "a_b", "back\\slash", 'say "no"', "ÉTÉ"]
MODALITIES = ["asserted"] * 5 + ["planned", "hypothetical", "reported_denied"]
EVENT_COLUMNS = [
    "event_id", "date", "cameo_root", "source_country", "source_sector", "target_country",
    "target_sector", "location_country", "negated", "modality", "first_doc_key",
    "first_mention_id", "num_mentions", "num_sources", "num_documents",
]  # fmt: skip
MENTION_COLUMNS = [
    "doc_key", "mention_id", "event_id", "doc_id", "story_index", "sentence_index", "sentence",
    "sentence_start", "sentence_end", "source_text", "source_name", "source_code",
    "source_country", "source_sector", "source_group", "target_text", "target_name",
    "target_code", "target_country", "target_sector", "target_group", "cameo", "cameo_root",
    "cameo_name", "plover", "quad_class", "goldstein", "negated", "modality", "speaker_code",
    "reported_by", "date", "location_name", "location_country", "location_lat", "location_lon",
    "trigger_text", "trigger_start", "trigger_end", "confidence",
]  # fmt: skip
DOCUMENT_COLUMNS = ["doc_key", "doc_id", "title", "source", "url", "date", "status", "text",
                    "ingested_at"]  # fmt: skip


def generate(path: Path, count: int = 400, seed: int = 11) -> Path:
    """A DuckDB store of `count` random events, a third of them reported twice."""
    rng = random.Random(seed)
    ids = rng.sample(range(1, 2**40), count)
    events, mentions = [], []
    for n, event_id in enumerate(ids):
        event, mention = _event(rng, n, event_id)
        events.append(event)
        mentions.append(mention)
        if n % 3 == 0:
            mentions.append([f"k{n}b", f"m{n}b", *mention[2:4], 0, 2, *mention[6:]])
    day = MENTION_COLUMNS.index("date")
    documents = [_document(m[0], m[3], m[day]) for m in mentions]
    with Store.open(path) as store:
        for table, columns, rows in [
            ("events", EVENT_COLUMNS, events), ("mentions", MENTION_COLUMNS, mentions),
            ("documents", DOCUMENT_COLUMNS, documents),
        ]:  # fmt: skip
            store.dialect.insert_rows(store, table, columns, rows)
    return path


def _event(rng: random.Random, n: int, event_id: int) -> tuple[list[Any], list[Any]]:
    source, target = rng.choice(ACTORS), rng.choice(ACTORS)
    cameo, plover, quad, goldstein = rng.choice(CODES)
    day = None if n % 17 == 0 else dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 500))
    place = rng.choice(PLACES)
    negated, modality = rng.random() < 0.1, rng.choice(MODALITIES)
    sentence = f"{source[0]} vs {target[0]}: {' '.join(rng.sample(WORDS, 2))} ({n})."
    event = [event_id, day, cameo[:2], source[1], source[2], target[1], target[2],
             place and place[1], negated, modality, f"k{n}", f"m{n}", rng.randint(1, 4), 1,
             1]  # fmt: skip
    mention = [f"k{n}", f"m{n}", event_id, f"doc{n}", 0, 1, sentence, 0, len(sentence),
               source[0], source[0], *source, target[0], target[0], *target,
               cameo, cameo[:2], f"name {cameo}", plover, quad, goldstein, negated, modality,
               "IRNGOV" if n % 5 == 0 else None, "TASS" if n % 4 == 0 else None,
               day and day.isoformat(), *(place or (None, None)),
               place and 41.0, place and 29.0, "vs", 4, 6, 0.5]  # fmt: skip
    return event, mention


def _document(doc_key: str, doc_id: str, day: str | None) -> list[Any]:
    return [doc_key, doc_id, f"Title {doc_id}", f"Outlet {doc_key[-1]}", None,
            day and dt.date.fromisoformat(day), "coded", "(generated)",
            dt.datetime(2026, 1, 1)]  # fmt: skip


@pytest.fixture(scope="module")
def path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(tmp_path_factory.mktemp("index") / "generated.duckdb")


@pytest.fixture(scope="module")
def snapshot(path: Path) -> Iterator[tuple[Snapshot, EventIndex]]:
    with Snapshot.load(path) as opened:
        yield opened, EventIndex(opened)


QUERIES = [
    EventQuery(),
    EventQuery(actor=Actor("RUS")),
    EventQuery(actor=Actor("rus")),
    EventQuery(actor=Actor("R_S")),
    EventQuery(actor=Actor("%GOV")),
    EventQuery(actor=Actor("hezbollah")),
    EventQuery(actor=Actor("IGO")),
    EventQuery(source=Actor("---"), target=Actor("IRN")),
    EventQuery(pair=(Actor("RUS"), Actor("IRN"))),
    EventQuery(pair=(Actor("RUS"), Actor("IRN")), directed=False),
    EventQuery(pair=(Actor("IRNGOV", "sector"), Actor("RUS", "sector")), directed=False),
    EventQuery(pair=(Actor("hezbollah", "group"), Actor("ISR", "group"))),
    EventQuery(pair=(Actor("IGOUNO", "country"), Actor("---CVL", "country")), directed=False),
    EventQuery(plover="assault", cameo="19", quad=4),
    EventQuery(cameo="1_1"),
    EventQuery(modality="planned", negated=False),
    EventQuery(negated=True),
    EventQuery(since=dt.date(2024, 6, 1)),
    EventQuery(until=dt.date(2024, 6, 1)),
    EventQuery(since=dt.date(2024, 3, 1), until=dt.date(2024, 3, 31), actor=Actor("TUR")),
    EventQuery(place="istanbul"),
    EventQuery(place="İSTANBUL"),
    EventQuery(place="tur"),
    EventQuery(place="a"),
    EventQuery(text="straße"),
    EventQuery(text="STRASSE"),
    EventQuery(text="été"),
    EventQuery(text="100%"),
    EventQuery(text="a_b"),
    EventQuery(text="%"),
    EventQuery(text="_"),
    EventQuery(text="\\"),
    EventQuery(text='"no"'),
    EventQuery(text=") ("),
    EventQuery(text="s"),
    EventQuery(text="talks", actor=Actor("IRN"), since=dt.date(2024, 2, 1)),
    EventQuery(counted=True),
    EventQuery(counted=True, pair=(Actor("ISR"), Actor("TUR")), directed=False),
    EventQuery(event_ids=()),
    EventQuery(event_ids=(1, 2, 3)),
]
PAGES = [
    ("-date", 50, 0), ("date", 7, 3), ("goldstein", 20, 10), ("-goldstein", 5, 0),
    ("mentions", 500, 0), ("-mentions", 10, 40), ("salience", 30, 0), ("-date", 10, 1000),
]  # fmt: skip


def label(query: EventQuery) -> str:
    """The fields of `query` that differ from the defaults."""
    values = [(f.name, getattr(query, f.name), f.default) for f in dataclasses.fields(query)]
    changed = [f"{name}={value!r}" for name, value, default in values if value != default]
    return ",".join(changed) or "all"


@pytest.mark.parametrize("query", QUERIES, ids=label)
def test_analysis_index_pages_as_sql(
    snapshot: tuple[Snapshot, EventIndex], query: EventQuery
) -> None:
    store, index = snapshot
    for sort, limit, offset in PAGES:
        found = index.page(query, sort=sort, limit=limit, offset=offset)
        expected = list_events(store, query, sort=sort, limit=limit, offset=offset)
        assert found == (expected.total, to_json(expected.items)), (sort, limit, offset)


def test_analysis_index_event_ids_select_listed(snapshot: tuple[Snapshot, EventIndex]) -> None:
    store, index = snapshot
    ids = tuple(int(i) for i in index.ids[::37])
    query = EventQuery(event_ids=(*ids, 5))
    assert index.page(query, limit=500) == (
        len(ids),
        to_json(list_events(store, query, limit=500).items),
    )


def test_analysis_index_text_with_separator_is_left_to_sql(
    snapshot: tuple[Snapshot, EventIndex],
) -> None:
    assert snapshot[1].page(EventQuery(text="a\0b")) is None


@given(st.lists(st.text(max_size=8)), st.text(min_size=1, max_size=3))
def test_analysis_index_text_finds_as_in(strings: list[str], needle: str) -> None:
    assume("\0" not in needle)
    found = set(Text(strings).rows(needle.encode()).tolist())
    assert found == {n for n, string in enumerate(strings) if needle in string}


@pytest.fixture(scope="module")
def clients(
    path: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[TestClient, TestClient]]:
    """The API over the snapshot (indexed) and over a writable copy (SQL every time)."""
    copy = shutil.copy(path, tmp_path_factory.mktemp("sql") / "copy.duckdb")
    writable = create_app(str(copy), allow_writes=True, token="a-long-enough-test-token")
    with TestClient(create_app(str(path))) as indexed, TestClient(writable) as sql:
        assert indexed.app.state.pool.index is not None and sql.app.state.pool.index is None
        yield indexed, sql


URLS = [
    "/api/events", "/api/events?actor=RUS", "/api/events?actor=hezbollah&sort=date",
    "/api/events?dyad=RUS,IRN&offset=2&limit=3", "/api/events?source=IRNGOV&quad=4",
    "/api/events?target=TUR&plover=assault&sort=-goldstein",
    "/api/events?actor=IRN&plover=ASSAULT&sort=-goldstein&offset=5",
    "/api/events?cameo=19&negated=false&sort=mentions", "/api/events?modality=hypothetical",
    "/api/events?since=2024-02-01&until=2024-04-01&sort=date&limit=500",
    "/api/events?place=istanbul", "/api/events?place=RUS&limit=1", "/api/events?q=Straße",
    "/api/events?q=%25", "/api/events?q=a_b&sort=-mentions", "/api/events?q=%00",
    "/api/events?q=talks&since=2024-03-01&offset=3", "/api/events?offset=10000",
    "/api/network/edge?a=RUS&b=IRN", "/api/network/edge?a=IRNGOV&b=RUS&level=sector",
    "/api/network/edge?a=hezbollah&b=ISR&level=group&offset=1&limit=2",
    "/api/events?limit=0", "/api/events?sort=price", "/api/events?quad=5",
    "/api/events?plover=DANCE", "/api/events?actor=R",
    "/api/events?since=2025-01-02&until=2025-01-01",
    "/api/events/1", "/api/events/-1", "/api/events/abc",
]  # fmt: skip


@pytest.mark.parametrize("url", URLS)
def test_analysis_index_api_answers_as_sql(
    clients: tuple[TestClient, TestClient], url: str
) -> None:
    indexed, sql = (client.get(url) for client in clients)
    assert (indexed.status_code, indexed.headers["content-type"]) == (
        sql.status_code, sql.headers["content-type"],
    )  # fmt: skip
    assert indexed.content == sql.content


def test_analysis_index_api_event_as_sql(
    clients: tuple[TestClient, TestClient], snapshot: tuple[Snapshot, EventIndex]
) -> None:
    """Every event, with its mentions (two for a third of them)."""
    for event_id in snapshot[1].ids[::7].tolist():
        indexed, sql = (client.get(f"/api/events/{event_id}") for client in clients)
        assert indexed.status_code == 200
        assert indexed.content == sql.content
