"""Event deduplication: mentions of one real event in several reports become one event."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire.settings import Settings
from eventwire.store import Store, ingest
from test_store_support import fake_code, open_test_store, write_jsonl


@pytest.fixture(params=["duckdb", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    opened = open_test_store(request.param, tmp_path)
    yield opened
    opened.close()


def report(doc_id: str, text: str, date: str, source: str | None) -> dict[str, str]:
    record = {"id": doc_id, "text": text, "date": date}
    return record | ({"source": source} if source else {})


def ingest_reports(
    store: Store, tmp_path: Path, records: list[dict[str, str]], **settings: int
) -> None:
    path = write_jsonl(tmp_path / "reports.jsonl", records)
    ingest([path], store=store, code=fake_code, settings=Settings.from_overrides(**settings))


def event_counts(store: Store) -> list[tuple[int, int, int]]:
    sql = "SELECT num_mentions, num_sources, num_documents FROM events ORDER BY event_id"
    return [tuple(row) for row in store.rows(sql)]  # type: ignore[misc]


def test_store_dedup_one_report_in_three_outlets_is_one_event(store: Store, tmp_path: Path) -> None:
    records = [
        report(
            "a", "Israel struck Iran in Tehran overnight, officials said.", "2025-06-13", "Wire A"
        ),
        report("b", "Israel struck Iran on Friday.", "2025-06-13", "Paper B"),
        report(
            "c", "Israel struck Iran in Tehran, the second day of raids.", "2025-06-14", "Radio C"
        ),
    ]
    ingest_reports(store, tmp_path, records)
    assert event_counts(store) == [(3, 3, 3)]
    assert store.value("SELECT count(DISTINCT event_id) FROM mentions") == 1


def test_store_dedup_same_outlet_twice_counts_one_source(store: Store, tmp_path: Path) -> None:
    records = [
        report("a", "Iran accused Israel of sabotage.", "2025-04-11", "Wire A"),
        report("b", "Iran accused Israel again.", "2025-04-12", "Wire A"),
    ]
    ingest_reports(store, tmp_path, records)
    assert event_counts(store) == [(2, 1, 2)]


@pytest.mark.parametrize(
    ("second", "events"),
    [
        ("Israel struck Iran in Tehran.|2025-06-15", 1),  # two days later: inside the window
        ("Israel struck Iran in Tehran.|2025-06-16", 2),  # three days: outside
        ("Israel struck Iran in Moscow.|2025-06-13", 2),  # another country
        ("Israel struck Iran.|2025-06-13", 1),  # no place: compatible
        ("Iran struck Israel in Tehran.|2025-06-13", 2),  # reversed dyad
        ("Israel accused Iran in Tehran.|2025-06-13", 2),  # another code family
        ("Israel attacked Iran in Tehran.|2025-06-13", 1),  # 190 and 195: same root 19
        ("Turkey struck Iran in Tehran.|2025-06-13", 2),  # another source
    ],
)
def test_store_dedup_rule(store: Store, tmp_path: Path, second: str, events: int) -> None:
    text, date = second.split("|")
    records = [
        report("a", "Israel struck Iran in Tehran.", "2025-06-13", "Wire A"),
        report("b", text, date, "Wire B"),
    ]
    ingest_reports(store, tmp_path, records)
    assert store.value("SELECT count(*) FROM events") == events


def test_store_dedup_window_is_a_setting(store: Store, tmp_path: Path) -> None:
    records = [
        report("a", "Qatar met Turkey in Doha.", "2025-01-01", "Wire A"),
        report("b", "Qatar met Turkey in Doha.", "2025-01-06", "Wire B"),
    ]
    ingest_reports(store, tmp_path, records, dedup_window_days=5)
    assert event_counts(store) == [(2, 2, 2)]


def test_store_dedup_actor_without_country_matches_by_code(store: Store, tmp_path: Path) -> None:
    records = [
        report("a", "NATO accused Russia of jamming.", "2025-02-01", "Wire A"),
        report("b", "NATO accused Russia again.", "2025-02-01", "Wire B"),
        report("c", "Turkey accused Russia too.", "2025-02-01", "Wire C"),
    ]
    ingest_reports(store, tmp_path, records)
    assert event_counts(store) == [(2, 2, 2), (1, 1, 1)]


def test_store_dedup_across_runs(store: Store, tmp_path: Path) -> None:
    first = [report("a", "Russia signed Iran on gas supplies.", "2025-01-17", "Wire A")]
    ingest_reports(store, tmp_path, first)
    second = [report("b", "Russia signed Iran, a treaty.", "2025-01-18", "Wire B")]
    ingest_reports(store, tmp_path, second)
    assert event_counts(store) == [(2, 2, 2)]
