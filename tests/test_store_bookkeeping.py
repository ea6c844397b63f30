"""Every input record is counted once and has one row; one bad record never costs its batch."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from eventwire.models import Document
from eventwire.store import IngestReport, Store, ingest
from test_store_support import fake_code, open_test_store, write_jsonl

GOOD = [
    {"id": "g1", "text": "Iran met Russia in Moscow.", "date": "2025-01-01", "source": "A"},
    {"id": "g2", "text": "Israel struck Iran in Tehran.", "date": "2025-06-13", "source": "B"},
]
HOSTILE_LINES = [
    json.dumps(
        {
            "id": "y1",
            "text": "Turkey met Qatar in Doha, and the talks were good.",
            "date": "0001-01-01",
        }
    ),
    json.dumps(
        {
            "id": "y9",
            "text": "Qatar met Turkey in Ankara, and the talks were good.",
            "date": "9999-12-31",
        }
    ),
    "[" * 200_000 + "]" * 200_000,
    '{"id": ' + "7" * 5000 + ', "text": "Turkey accused Israel."}',
    '{"id": "s", "text": "Iran accused \\ud800 Israel."}',
    '{"id": "n", "text": "Israel accused\\u0000 Iran."}',
    '{"id": "t", "text": "NATO met Turkey.", "title": "\\u0000"}',
]


@pytest.fixture(params=["duckdb", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    opened = open_test_store(request.param, tmp_path)
    yield opened
    opened.close()


def adds_up(report: IngestReport) -> bool:
    parts = report.coded + report.skipped + report.failed + report.unchanged
    return parts == report.read


def statuses(store: Store) -> list[tuple[Any, ...]]:
    return store.rows("SELECT doc_id, status FROM documents ORDER BY origin")


def test_store_bookkeeping_hostile_records_fail_alone(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    lines = [json.dumps(GOOD[0]), *HOSTILE_LINES, json.dumps(GOOD[1])]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = ingest([path], store=store, code=fake_code, batch_size=4)
    assert (report.read, report.coded, report.failed) == (9, 4, 5) and adds_up(report)
    assert store.value("SELECT count(*) FROM documents") == 9
    dates = store.rows("SELECT doc_id, date FROM documents WHERE doc_id LIKE 'y%' ORDER BY 1")
    assert [str(d) for _, d in dates] == ["0001-01-01", "9999-12-31"]
    again = ingest([path], store=store, code=fake_code, batch_size=4)
    assert (again.unchanged, again.failed) == (4, 5) and adds_up(again)
    assert store.value("SELECT count(*) FROM documents") == 9


def test_store_bookkeeping_unstorable_record_fails_alone(store: Store, tmp_path: Path) -> None:
    """A value the database refuses (a count past INTEGER) fails its record, not the batch."""

    def huge_counts(documents: Iterable[Document]) -> Iterator[Any]:
        for coded in fake_code(documents):
            if coded.document.id == "g2":
                coded.events = [dataclasses.replace(e, killed=10**30) for e in coded.events]
            yield coded

    path = write_jsonl(tmp_path / "r.jsonl", GOOD)
    report = ingest([path], store=store, code=huge_counts)
    assert (report.coded, report.failed) == (1, 1) and adds_up(report)
    reason = store.value("SELECT reason FROM documents WHERE status = 'failed'")
    assert reason.startswith("cannot be stored:")
    assert store.value("SELECT count(*) FROM mentions") == 1


def test_store_bookkeeping_failed_rows_are_replaced(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    path = folder / "r.jsonl"
    path.write_text(json.dumps(GOOD[0]) + "\n{broken\n", encoding="utf-8")
    monkeypatch.chdir(folder)
    first = ingest(["r.jsonl"], store=store, code=fake_code)
    assert (first.coded, first.failed) == (1, 1)
    again = ingest([str(path)], store=store, code=fake_code)  # absolute now: the same origin
    assert (again.unchanged, again.failed) == (1, 1)
    assert store.value("SELECT count(*) FROM documents") == 2
    path.write_text(json.dumps(GOOD[0]) + "\n" + json.dumps(GOOD[1]) + "\n", encoding="utf-8")
    fixed = ingest(["r.jsonl"], store=store, code=fake_code)
    assert (fixed.unchanged, fixed.coded, fixed.failed) == (1, 1, 0)
    assert statuses(store) == [("g1", "coded"), ("g2", "coded")]


def test_store_bookkeeping_same_text_twice_is_counted(store: Store, tmp_path: Path) -> None:
    twice = [GOOD[0], {**GOOD[0], "id": "other", "date": "2025-02-02"}]
    report = ingest([write_jsonl(tmp_path / "r.jsonl", twice)], store=store, code=fake_code)
    assert (report.read, report.coded, report.unchanged) == (2, 1, 1) and adds_up(report)
    split = ingest([write_jsonl(tmp_path / "s.jsonl", [GOOD[1]] * 3)], store=store,
                   code=fake_code, batch_size=1)  # fmt: skip
    assert (split.coded, split.unchanged) == (1, 2) and adds_up(split)


def test_store_bookkeeping_concurrent_run_is_counted(store: Store, tmp_path: Path) -> None:
    """Records another run stores while this one codes them are counted once, as stored."""
    path = write_jsonl(tmp_path / "r.jsonl", GOOD)
    other: list[IngestReport] = []

    def racing(documents: Iterable[Document]) -> Iterator[Any]:
        for coded in fake_code(documents):  # this run has checked the store: not there yet
            if not other:
                with Store.open(store.url) as second:
                    other.append(ingest([path], store=second, code=fake_code))
            yield coded

    report = ingest([path], store=store, code=racing)
    assert (other[0].coded, report.coded, report.unchanged) == (2, 0, 2)
    assert adds_up(report) and store.value("SELECT count(*) FROM documents") == 2
