"""Reading the store back: filters, formats, export layouts and the CLI commands."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import typer
from typer.testing import CliRunner

from eventwire.cli.store import register
from eventwire.store import Store, export, ingest
from eventwire.store.query import COLUMNS, GDELT_COLUMNS, EventFilter, select_events
from test_store_support import fake_code, write_jsonl

REPORTS = [
    {"id": "a", "text": "Israel struck Iran in Tehran.", "date": "2025-06-13", "source": "Wire A",
     "url": "https://a.example/1"},
    {"id": "b", "text": "Israel struck Iran overnight.", "date": "2025-06-13", "source": "Wire B"},
    {"id": "c", "text": "Iran met Russia in Moscow.", "date": "2025-01-17", "source": "Wire A"},
    {"id": "d", "text": "Turkey accused Israel.", "date": "2025-06-20", "source": "Wire C"},
]  # fmt: skip


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "events.duckdb"
    with Store.open(path) as store:
        ingest([write_jsonl(tmp_path / "r.jsonl", REPORTS)], store=store, code=fake_code)
    return str(path)


def event_ids(db: str, where: EventFilter) -> list[str]:
    with Store.open(db, read_only=True) as store:
        return [f"{r['source_code']}>{r['target_code']}" for r in select_events(store, where)]


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        (EventFilter(), ["IRNGOV>RUSGOV", "ISRGOV>IRNGOV", "TURGOV>ISRGOV"]),
        (EventFilter(actor="IRN"), ["IRNGOV>RUSGOV", "ISRGOV>IRNGOV"]),
        (EventFilter(dyad=("IRN", "RUS")), ["IRNGOV>RUSGOV"]),
        (EventFilter(dyad=("RUS", "IRN")), []),
        (EventFilter(type="assault"), ["ISRGOV>IRNGOV"]),
        (EventFilter(type="11"), ["TURGOV>ISRGOV"]),
        (
            EventFilter(since=dt.date(2025, 6, 1)),
            ["ISRGOV>IRNGOV", "TURGOV>ISRGOV"],
        ),
        (
            EventFilter(until=dt.date(2025, 6, 13)),
            ["IRNGOV>RUSGOV", "ISRGOV>IRNGOV"],
        ),
    ],
)
def test_store_cli_event_filters(db: str, where: EventFilter, expected: list[str]) -> None:
    assert event_ids(db, where) == expected


def test_store_cli_jsonl_is_the_contract_plus_counts(db: str) -> None:
    with Store.open(db, read_only=True) as store:
        stream = io.StringIO()
        export.write_jsonl(select_events(store, EventFilter(type="ASSAULT")), stream)
    [record] = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert record["source"]["code"] == "ISRGOV" and record["target"]["country"] == "IRN"
    assert (record["cameo"], record["cameo_root"], record["plover"]) == ("195", "19", "ASSAULT")
    assert record["location"]["name"] == "Tehran" and record["trigger"]["text"] == "struck"
    assert (record["num_mentions"], record["num_sources"]) == (2, 2)
    assert record["sentence_span"] == [0, 29] and record["date"] == "2025-06-13"


def test_store_cli_csv_and_gdelt_layouts(db: str) -> None:
    with Store.open(db, read_only=True) as store:
        flat, gdelt = io.StringIO(), io.StringIO()
        export.write_csv(select_events(store), flat)
        export.write_gdelt(select_events(store), gdelt)
    rows = list(csv.DictReader(io.StringIO(flat.getvalue())))
    assert tuple(rows[0]) == COLUMNS and len(rows) == 3
    fields = [
        dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True))
        for line in gdelt.getvalue().splitlines()
    ]
    strike = fields[1]
    assert strike["SQLDATE"] == "20250613" and strike["EventRootCode"] == "19"
    assert (strike["Actor1Code"], strike["Actor2CountryCode"]) == ("ISRGOV", "IRN")
    assert (strike["NumMentions"], strike["NumSources"], strike["NumArticles"]) == ("2", "2", "2")
    assert strike["SOURCEURL"] == "https://a.example/1" and strike["QuadClass"] == "4"


def cli() -> typer.Typer:
    app = typer.Typer()
    register(app)
    return app


def test_store_cli_ingest_events_export_sql(tmp_path: Path) -> None:
    runner = CliRunner()
    db = str(tmp_path / "cli.duckdb")
    corpus = write_jsonl(tmp_path / "r.jsonl", REPORTS[:2])
    result = runner.invoke(cli(), ["events", "--db", db])
    assert result.exit_code == 1 and "no store at" in result.output
    parquet = tmp_path / "events.parquet"
    store = Store.open(db)
    ingest([corpus], store=store, code=fake_code)
    store.close()
    result = runner.invoke(cli(), ["events", "--db", db, "--format", "jsonl", "--actor", "ISR"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["num_mentions"] == 2
    result = runner.invoke(cli(), ["export", "--db", db, "--format", "parquet", "-o", str(parquet)])
    assert result.exit_code == 0, result.output
    assert pq.read_table(parquet).num_rows == 1
    result = runner.invoke(
        cli(), ["sql", "--db", db, "--format", "csv", "SELECT count(*) AS n FROM mentions"]
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == ["n", "2"]
    result = runner.invoke(cli(), ["sql", "--db", db, "DELETE FROM mentions"])
    assert result.exit_code == 1 and "read-only" in result.output


def test_store_cli_bad_options(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli(), ["events", "--since", "2025-02-30"])
    assert result.exit_code == 2 and "2025-02-30 is not a date" in result.output
    result = runner.invoke(cli(), ["events", "--dyad", "IRN"])
    assert result.exit_code == 2 and "SOURCE,TARGET" in result.output


@pytest.mark.model
def test_store_cli_ingest_with_the_real_coder(tmp_path: Path) -> None:
    """The real coder end to end (fails until eventwire.pipeline.code_documents is ready)."""
    text = "Iran's foreign minister met his Russian counterpart in Moscow on Monday."
    corpus = write_jsonl(tmp_path / "r.jsonl", [{"id": "x", "text": text, "date": "2025-01-13"}])
    with Store.open(tmp_path / "real.duckdb") as store:
        report = ingest([corpus], store=store)
        assert report.coded == 1, store.rows("SELECT reason FROM documents")
        assert report.mentions >= 1
        assert store.value("SELECT count(*) FROM events") >= 1
