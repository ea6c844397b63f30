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
from eventwire.cli.code import (
    EXIT_SOME_FAILED,
    ActorFiles,
    BatchSize,
    MinConfidence,
    Model,
    PublicationDate,
    RequireSource,
    RequireTarget,
    RulesOff,
    Strict,
    checked_date,
    coding_settings,
)
from eventwire.cli.console import fail, reported_errors, stderr
from eventwire.output import atomic_file
from eventwire.store import DEFAULT_DB, IngestReport, Store, ingest, open_query
from eventwire.store.export import WRITERS
from eventwire.store.query import EventFilter, select_events
from eventwire.store.readonly import QUERY_TIMEOUT_S

DbOption = Annotated[
    str, typer.Option("--db", help="DuckDB file, or a postgresql:// URL.", show_default=True)
]
SQL_FORMATS = ("table", "csv", "jsonl")
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
    date: PublicationDate = None,
    dedup_window_days: Annotated[
        int | None, typer.Option(help="Dedup window in days (default 2).", min=0)
    ] = None,
    strict: Strict = False,
    actors: ActorFiles = None,
    model: Model = None,
    min_confidence: MinConfidence = None,
    require_source: RequireSource = None,
    require_target: RequireTarget = None,
    rule_off: RulesOff = None,
    batch_size: BatchSize = None,
    workers: Workers = None,
    scheduler: Scheduler = None,
) -> None:
    """Read, code and store documents; documents already stored are skipped by hash.

    Exit status 3 when some records could not be read or coded (they are `failed` rows).
    """
    settings = coding_settings(
        model,
        actors,
        rule_off,
        dedup_window_days=dedup_window_days,
        min_confidence=min_confidence,
        require_source=require_source,
        require_target=require_target,
        batch_size=batch_size,
    )
    from eventwire.distributed import open_coder

    console = stderr()
    day = checked_date(date)
    with (
        reported_errors(),
        open_coder(settings, workers=workers, scheduler=scheduler) as code,
        Store.open(db) as store,
        console.status("ingesting") as status,
    ):

        def progress(report: IngestReport) -> None:
            status.update(f"ingesting: {_summary(report)}")

        report = ingest(
            paths,
            store=store,
            settings=settings,
            date=day,
            progress=progress,
            strict=strict,
            code=code,
        )
    typer.echo(_summary(report))
    if report.failed:
        typer.echo(
            f'see why: eventwire sql --db {db} "SELECT origin, reason FROM documents '
            "WHERE status = 'failed'\"",
            err=True,
        )
        raise typer.Exit(code=EXIT_SOME_FAILED)


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
    output: Annotated[
        str | None, typer.Option("-o", "--output", help="Write here (- for stdout).")
    ] = None,
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
    output: Annotated[str, typer.Option("-o", "--output", help="File to write (- for stdout).")],
    db: DbOption = DEFAULT_DB,
) -> None:
    """Export every event: Parquet, CSV, JSON Lines or the GDELT 2.0 column layout."""
    with reported_errors(), Store.open(db, read_only=True) as store:
        count = _write(
            select_events(store), format, output, allowed=("parquet", "csv", "jsonl", "gdelt")
        )
    typer.echo(f"{count} events written to {'stdout' if output == '-' else output}", err=True)


def _write(
    rows: Iterator[dict[str, Any]], format: str, output: str | None, *, allowed: tuple[str, ...]
) -> int:
    """Rows to stdout (no `output`, or `-`) or to a file that appears whole or not at all."""
    if format not in allowed:
        raise typer.BadParameter(
            f"{format!r}: use one of {', '.join(allowed)}", param_hint="--format"
        )
    to_stdout = output in (None, "-")
    if format == "parquet" and to_stdout:
        raise typer.BadParameter("parquet needs a file: add -o FILE", param_hint="--format")
    if to_stdout:
        return WRITERS[format](rows, sys.stdout)
    path = Path(str(output))
    try:
        with atomic_file(path, "wb" if format == "parquet" else "w") as stream:
            return WRITERS[format](rows, stream)
    except OSError as error:
        raise fail(f"cannot write {path}: {error.strerror or error}") from None


def _print_table(rows: Iterator[dict[str, Any]]) -> None:
    table = Table(*TABLE_COLUMNS)
    for row in rows:
        table.add_row(*("" if row[c] is None else str(row[c]) for c in TABLE_COLUMNS))
    Console().print(table)


def sql_command(
    query: Annotated[str, typer.Argument(help="One SELECT statement.")],
    db: DbOption = DEFAULT_DB,
    format: Annotated[str, typer.Option(help="table, csv or jsonl.")] = "table",
    timeout: Annotated[
        float, typer.Option(help="Stop the query after this many seconds.", min=0.1)
    ] = QUERY_TIMEOUT_S,
) -> None:
    """Run one read-only SQL query on the store (tables: documents, events, mentions, actors).

    The connection cannot write, read files, reach the network or change settings."""
    if format not in SQL_FORMATS:
        raise typer.BadParameter(f"{format!r}: use {', '.join(SQL_FORMATS)}", param_hint="--format")
    with reported_errors(), open_query(db, query, timeout_s=timeout) as (columns, rows):
        _print_result(columns, rows, format)


def _print_result(columns: list[str], rows: Iterator[tuple[Any, ...]], format: str) -> None:
    import csv
    import json

    if format == "table":
        table = Table(*columns)
        for row in rows:
            table.add_row(*("" if v is None else str(v) for v in row))
        Console().print(table)
    elif format == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows(rows)
    else:
        for row in rows:
            typer.echo(json.dumps(dict(zip(columns, row, strict=True)), default=str))
