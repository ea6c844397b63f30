"""The store: ingest is idempotent and resumable, every input is accounted for."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from eventwire.models import Document
from eventwire.store import IngestReport, Store, ingest
from test_store_support import fake_code, open_test_store, write_jsonl

BACKENDS = ["duckdb", "postgresql"]

CORPUS = [
    {
        "id": "d1",
        "text": "Iran met Russia in Moscow on Monday.",
        "date": "2025-03-03",
        "source": "Wire A",
    },
    {
        "id": "d2",
        "text": "Israel struck Iran. Turkey accused Israel.",
        "date": "2025-03-04",
        "source": "Wire B",
    },
    {
        "id": "d3",
        "text": "Le gouvernement iranien a rencontré des diplomates russes à Moscou lundi.",
        "date": "2025-03-03",
    },
    {"id": "d4", "text": "Qatar hosted talks without any news.", "date": "2025-03-05"},
]


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    opened = open_test_store(request.param, tmp_path)
    yield opened
    opened.close()


def counts(store: Store) -> dict[str, int]:
    tables = ("documents", "events", "mentions", "actors")
    return {t: int(store.value(f"SELECT count(*) FROM {t}")) for t in tables}


def corpus_file(tmp_path: Path) -> Path:
    path = write_jsonl(tmp_path / "corpus.jsonl", CORPUS)
    with path.open("a", encoding="utf-8") as handle:
        handle.write('{"id": "broken", "text": \n')
    return path


def test_store_ingest_records_every_document(store: Store, tmp_path: Path) -> None:
    report = ingest([corpus_file(tmp_path)], store=store, code=fake_code)
    assert (report.read, report.coded, report.skipped, report.failed) == (5, 3, 1, 1)
    rows = store.rows("SELECT doc_id, status, reason, num_events FROM documents ORDER BY origin")
    by_id = {r[0]: r[1:] for r in rows}
    assert by_id["d1"] == ("coded", None, 1)
    assert by_id["d2"] == ("coded", None, 2)
    assert by_id["d3"][0] == "skipped" and by_id["d3"][1].startswith("language is fr")
    assert by_id["d4"] == ("coded", None, 0)
    failed = store.rows("SELECT origin, reason FROM documents WHERE status = 'failed'")
    assert failed == [
        (f"{tmp_path / 'corpus.jsonl'}:5", "malformed JSON: Expecting value at column 26")
    ]
    assert counts(store) == {"documents": 5, "events": 3, "mentions": 3, "actors": 4}


def test_store_ingest_twice_changes_nothing(store: Store, tmp_path: Path) -> None:
    path = corpus_file(tmp_path)
    ingest([path], store=store, code=fake_code)
    before = counts(store)
    report = ingest([path], store=store, code=fake_code)
    assert counts(store) == before
    assert report.unchanged == 4 and report.new_events == 0


def test_store_ingest_normalised_copy_is_the_same_document(store: Store, tmp_path: Path) -> None:
    first = write_jsonl(tmp_path / "a.jsonl", [CORPUS[0]])
    spaced = {**CORPUS[0], "text": "  Iran   met Russia\tin Moscow on Monday. "}
    second = write_jsonl(tmp_path / "b.jsonl", [spaced])
    ingest([first], store=store, code=fake_code)
    report = ingest([second], store=store, code=fake_code)
    assert report.unchanged == 1
    assert counts(store)["documents"] == 1


def test_store_coder_failure_fails_one_document_and_goes_on(store: Store, tmp_path: Path) -> None:
    def flaky(documents: object) -> Iterator[Any]:
        for coded in fake_code(documents):  # type: ignore[arg-type]
            if coded.document.id == "d2":
                raise ValueError("parser crashed")
            yield coded

    report = ingest([corpus_file(tmp_path)], store=store, code=flaky)
    assert (report.coded, report.failed) == (2, 2)
    reason = store.value("SELECT reason FROM documents WHERE doc_id = 'd2'")
    assert reason == "coder failed: ValueError: parser crashed"
    retried = ingest([corpus_file(tmp_path)], store=store, code=fake_code)
    assert retried.coded == 1  # the failed document is retried; the bad line fails again
    assert store.value("SELECT status FROM documents WHERE doc_id = 'd2'") == "coded"


def test_store_records_skipped_and_failed_when_coder_is_missing(
    store: Store, tmp_path: Path
) -> None:
    def missing(documents: object) -> Iterator[Any]:
        raise NotImplementedError("being written")
        yield  # pragma: no cover

    report = ingest([corpus_file(tmp_path)], store=store, code=missing)
    assert (report.coded, report.skipped, report.failed) == (0, 1, 4)


def test_store_schema_version_is_recorded(store: Store) -> None:
    assert store.rows("SELECT version, name FROM schema_version ORDER BY version") == [
        (1, "001_initial.sql"),
        (2, "002_reader_role.postgresql.sql"),
    ]


def test_store_progress_reports_batches(store: Store, tmp_path: Path) -> None:
    seen: list[int] = []

    def progress(report: IngestReport) -> None:
        seen.append(report.read)

    ingest([corpus_file(tmp_path)], store=store, code=fake_code, batch_size=2, progress=progress)
    assert seen == [2, 4, 5]


def test_store_documents_keep_normalised_text(store: Store, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "n.jsonl", [{**CORPUS[0], "text": "Iran  met Russia.\r\n"}])
    ingest([path], store=store, code=fake_code)
    assert store.value("SELECT text FROM documents") == "Iran met Russia."
    assert isinstance(Document, type)
