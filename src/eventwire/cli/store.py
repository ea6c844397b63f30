"""CLI commands over the store: ingest, events, export, sql (a thin layer over eventwire.store).

`register(app)` adds them to the main Typer app; each parses options, calls the library and
turns EventwireError into a message and exit status 1.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from eventwire.cli.cluster import Scheduler, Workers
from eventwire.cli.console import reported_errors, stderr
from eventwire.settings import Settings
from eventwire.store import DEFAULT_DB, IngestReport, Store, ingest
from eventwire.store.export import write_csv, write_gdelt, write_jsonl, write_parquet
from eventwire.store.query import EventFilter, select_events

DbOption = Annotated[
    str, typer.Option("--db", help="DuckDB file, or a postgresql:// URL.", show_default=True)
]
TABLE_COLUMNS = (
    "event_id", "event_date", "source_code", "cameo", "plover", "target_code",
    "location_name", "num_mentions", "num_sources",
)  # fmt: skip


def register(app: typer.Typer) -> None:
    """Add the store commands to `app`."""
    app.command("ingest")(ingest_command)
    app.command("events")(events_command)
    app.command("export")(export_command)
    app.command("sql")(sql_command)


def ingest_command(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, or - for stdin.")],
    db: DbOption = DEFAULT_DB,
    date: Annotated[str | None, typer.Option(help="Publication date (YYYY-MM-DD).")] = None,
    dedup_window_days: Annotated[
        int | None, typer.Option(help="Dedup window in days (default 2).")
    ] = None,
    workers: Workers = None,
    scheduler: Scheduler = None,
) -> None:
    """Read, code and store documents; documents already stored are skipped by hash."""
    from eventwire.distributed import open_coder

    settings = Settings.from_overrides(dedup_window_days=dedup_window_days)
    console = stderr()
    with (
        reported_errors(),
        open_coder(settings, workers=workers, scheduler=scheduler) as code,
        Store.open(db) as store,
        console.status("ingesting") as status,
    ):

        def progress(report: IngestReport) -> None:
            status.update(f"ingesting: {_summary(report)}")

        report = ingest(
            paths, store=store, settings=settings, date=date, progress=progress, code=code
        )
    typer.echo(_summary(report))
    if report.failed:
        typer.echo(
            f'see why: eventwire sql --db {db} "SELECT origin, reason FROM documents '
            "WHERE status = 'failed'\"",
            err=True,
        )


def _summary(report: IngestReport) -> str:
    return (
        f"{report.read} read: {report.coded} coded, {report.skipped} skipped, "
        f"{report.failed} failed, {report.unchanged} already stored; "
        f"{report.new_events} new events, {report.mentions} mentions"
    )


def _date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise typer.BadParameter(
            f"{value} is not a date: use YYYY-MM-DD", param_hint=option
        ) from error


def _dyad(value: str | None) -> tuple[str, str] | None:
    if value is None:
        return None
    parts = [p.strip() for p in value.split(",")]
    if len(parts) != 2 or not all(parts):
        raise typer.BadParameter(f"{value!r}: give two codes, SOURCE,TARGET", param_hint="--dyad")
    return parts[0], parts[1]


def events_command(
    actor: Annotated[str | None, typer.Option(help="Actor code or prefix, either side.")] = None,
    dyad: Annotated[str | None, typer.Option(help="SOURCE,TARGET codes, e.g. IRN,RUS.")] = None,
    type: Annotated[str | None, typer.Option(help="PLOVER type or CAMEO prefix.")] = None,
    since: Annotated[str | None, typer.Option(help="First day (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Last day (YYYY-MM-DD).")] = None,
    db: DbOption = DEFAULT_DB,
    format: Annotated[str, typer.Option(help="table, jsonl, csv or parquet.")] = "table",
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write here.")] = None,
) -> None:
    """List stored events (one per real-world event) with their mention and source counts."""
    where = EventFilter(
        actor=actor,
        dyad=_dyad(dyad),
        type=type,
        since=_date(since, "--since"),
        until=_date(until, "--until"),
    )
    with reported_errors(), Store.open(db, read_only=True) as store:
        rows = select_events(store, where)
        if format == "table":
            _print_table(rows)
        else:
            _write(rows, format, output, allowed=("jsonl", "csv", "parquet"))


def export_command(
    format: Annotated[str, typer.Option(help="parquet, csv, jsonl or gdelt.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write.")],
    db: DbOption = DEFAULT_DB,
) -> None:
    """Export every event: Parquet, CSV, JSON Lines or the GDELT 2.0 column layout."""
    with reported_errors(), Store.open(db, read_only=True) as store:
        count = _write(
            select_events(store), format, output, allowed=("parquet", "csv", "jsonl", "gdelt")
        )
    typer.echo(f"{count} events written to {output}", err=True)


def _write(
    rows: Iterator[dict[str, Any]], format: str, output: Path | None, *, allowed: tuple[str, ...]
) -> int:
    if format not in allowed:
        raise typer.BadParameter(
            f"{format!r}: use one of {', '.join(allowed)}", param_hint="--format"
        )
    if format == "parquet":
        if output is None:
            raise typer.BadParameter("parquet needs a file: add -o FILE", param_hint="--format")
        return write_parquet(rows, output)
    writer = {"jsonl": write_jsonl, "csv": write_csv, "gdelt": write_gdelt}[format]
    if output is None:
        return writer(rows, sys.stdout)
    with output.open("w", encoding="utf-8", newline="") as stream:
        return writer(rows, stream)


def _print_table(rows: Iterator[dict[str, Any]]) -> None:
    table = Table(*TABLE_COLUMNS)
    for row in rows:
        table.add_row(*("" if row[c] is None else str(row[c]) for c in TABLE_COLUMNS))
    Console().print(table)


def sql_command(
    query: Annotated[str, typer.Argument(help="SQL to run on a read-only connection.")],
    db: DbOption = DEFAULT_DB,
    format: Annotated[str, typer.Option(help="table, csv or jsonl.")] = "table",
) -> None:
    """Run a read-only SQL query on the store (tables: documents, events, mentions, actors)."""
    with reported_errors(), Store.open(db, read_only=True) as store:
        columns, cursor = store.raw_query(query)
        _print_result(columns, cursor, format)


def _print_result(columns: list[str], cursor: Any, format: str) -> None:
    import csv
    import json

    rows = iter(lambda: cursor.fetchmany(1000), [])
    if format == "table":
        table = Table(*columns)
        for chunk in rows:
            for row in chunk:
                table.add_row(*("" if v is None else str(v) for v in row))
        Console().print(table)
    elif format == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        for chunk in rows:
            writer.writerows(chunk)
    elif format == "jsonl":
        for chunk in rows:
            for row in chunk:
                typer.echo(json.dumps(dict(zip(columns, row, strict=True)), default=str))
    else:
        raise typer.BadParameter(f"{format!r}: use table, csv or jsonl", param_hint="--format")
