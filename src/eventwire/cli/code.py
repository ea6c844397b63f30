"""`eventwire code` and `eventwire eval`: coding files or snippets, scoring against gold."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from eventwire.cli.cluster import Scheduler, Workers
from eventwire.cli.console import fail, stderr
from eventwire.errors import EventwireError, InputError
from eventwire.models import BadRecord, Document, Event
from eventwire.output import FORMATS, write_events
from eventwire.settings import Settings

PROGRESS_MIN_DOCUMENTS = 20

ActorFiles = Annotated[
    list[Path] | None,
    typer.Option(
        "--actors", help="Extra actor file (YAML), merged over the shipped ones; repeatable."
    ),
]
Model = Annotated[str | None, typer.Option(help="spaCy pipeline to parse with.")]


MinConfidence = Annotated[
    float | None, typer.Option("--min-confidence", help="Drop events below this confidence.")
]
RequireSource = Annotated[
    bool | None,
    typer.Option(
        "--require-source/--keep-sourceless",
        help="Code only events with a named source (default), or keep those without.",
    ),
]
RequireTarget = Annotated[
    bool | None,
    typer.Option(
        "--require-target/--keep-targetless",
        help="Code only events with a named target, or keep verbs without one (default).",
    ),
]
BatchSize = Annotated[int | None, typer.Option("--batch-size", help="Documents per spaCy batch.")]


def _settings(model: str | None, actors: list[Path] | None, **values: object) -> Settings:
    files = tuple(actors) if actors else None
    return Settings.from_overrides(model=model, actor_files=files, **values)


def _documents(
    inputs: list[str], text: str | None, date: str | None, strict: bool, bad: list[BadRecord]
) -> Iterator[Document]:
    """Documents from the inputs; bad records are reported on stderr and counted."""
    from eventwire.ingest import read_documents

    if text is not None:
        yield Document(id="text", text=text, date=date)
        return
    err = stderr()
    for item in read_documents(inputs, date=date, stdin=sys.stdin):
        if isinstance(item, BadRecord):
            if strict:
                raise InputError(item.origin, item.problem + " (--strict: stopping)")
            err.print(f"[yellow]skipped[/yellow] {item}", highlight=False)
            bad.append(item)
            continue
        yield item


def _events(
    documents: Iterator[Document],
    settings: Settings,
    show_progress: bool,
    *,
    workers: int | None = None,
    scheduler: str | None = None,
) -> Iterator[Event]:
    from eventwire.distributed import open_coder

    with open_coder(settings, workers=workers, scheduler=scheduler) as code_documents:
        if not show_progress:
            for coded in code_documents(documents):
                yield from coded.events
            return
        columns = (TextColumn("coding"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
        with Progress(*columns, console=stderr(), transient=True) as progress:
            task = progress.add_task("coding", total=None)
            for coded in code_documents(documents):
                progress.advance(task)
                yield from coded.events


def _said_by(event: Event) -> str:
    parts = [event.speaker.code or event.speaker.text] if event.speaker else []
    parts += [f"via {event.reported_by}"] if event.reported_by else []
    return " ".join(parts) or "-"


def print_table(events: list[Event]) -> None:
    """A readable table for a terminal: who did what to whom, how and when."""
    table = Table("source", "event", "target", "modality", "date", "where", "said by", "trigger")
    for e in events:
        label = f"{e.cameo} {e.cameo_name}" + (f" ({e.plover})" if e.plover else "")
        modality = ("not " if e.negated else "") + e.modality
        table.add_row(
            e.source.code if e.source else "-",
            label,
            e.target.code if e.target else "-",
            modality,
            e.date or "-",
            e.location.name if e.location else "-",
            _said_by(e),
            e.trigger.text,
        )
    Console().print(table)


def code(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(help="JSONL, .txt or .html files, directories, or - for stdin."),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write events here instead of stdout.")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="jsonl, csv or parquet.")] = "jsonl",
    text: Annotated[
        str | None, typer.Option("--text", help="Code this snippet instead of files.")
    ] = None,
    date: Annotated[
        str | None,
        typer.Option("--date", help="Publication date (YYYY-MM-DD) for --text and text files."),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Fail the run on the first bad input record.")
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Add the resolver's reasons to JSONL output.")
    ] = False,
    actors: ActorFiles = None,
    model: Model = None,
    min_confidence: MinConfidence = None,
    require_source: RequireSource = None,
    require_target: RequireTarget = None,
    batch_size: BatchSize = None,
    workers: Workers = None,
    scheduler: Scheduler = None,
) -> None:
    """Code news documents into CAMEO/PLOVER events (JSON Lines on stdout by default)."""
    if fmt not in FORMATS:
        raise typer.BadParameter(
            f"{fmt!r} is not one of {', '.join(FORMATS)}", param_hint="--format"
        )
    if text is None and not inputs:
        raise typer.BadParameter("give INPUT files, - for stdin, or --text", param_hint="INPUT")
    bad: list[BadRecord] = []
    try:
        settings = _settings(
            model,
            actors,
            min_confidence=min_confidence,
            require_source=require_source,
            require_target=require_target,
            batch_size=batch_size,
        )
        documents = _documents(inputs or [], text, date, strict, bad)
        show = text is None and output is not None and sys.stderr.isatty()
        events = _events(documents, settings, show, workers=workers, scheduler=scheduler)
        if text is not None and output is None and sys.stdout.isatty():
            print_table(list(events))
            return
        count = write_events(events, output, fmt, stdout=sys.stdout, debug=debug)
    except (EventwireError, ValueError, OSError) as exc:
        raise fail(str(exc)) from None
    if output is not None or bad:
        stderr().print(
            f"{count} events written{f' to {output}' if output else ''}; "
            f"{len(bad)} bad input record(s) skipped",
            highlight=False,
        )


def evaluate(
    gold: Annotated[
        Path,
        typer.Argument(help="Gold JSONL: {id, text, date, expected: [{source, target, code}]}."),
    ],
    show_errors: Annotated[
        bool, typer.Option("--errors/--no-errors", help="List misses and false alarms.")
    ] = True,
    model: Model = None,
) -> None:
    """Score the coder against hand-coded gold events: precision, recall and F1."""
    from eventwire.evaluation import LEVELS
    from eventwire.evaluation import evaluate as run_evaluation

    if not gold.exists():
        raise fail(f"{gold}: no such file")
    try:
        report = run_evaluation(gold, settings=_settings(model, None))
    except EventwireError as exc:
        raise fail(str(exc)) from None
    console = Console()
    names = {
        "root": "(a) country dyad + CAMEO root",
        "code": "(b) country dyad + full code",
        "plover": "(c) country dyad + PLOVER type",
    }
    table = Table(
        "level", "precision", "recall", "F1", "tp", "fp", "fn", title=f"{report.records} records"
    )
    for level in LEVELS:
        s = report.scores[level]
        table.add_row(
            names[level],
            f"{s.precision:.3f}",
            f"{s.recall:.3f}",
            f"{s.f1:.3f}",
            str(s.true_positives),
            str(s.false_positives),
            str(s.false_negatives),
        )
    console.print(table)
    for bad in report.bad:
        console.print(f"[yellow]skipped[/yellow] {bad}", highlight=False)
    if show_errors:
        for title, items in (("misses", report.misses), ("false alarms", report.false_alarms)):
            console.print(f"\n[bold]{title}[/bold] ({len(items)})")
            for doc_id, key in items:
                console.print(f"  {doc_id}: {' '.join(key)}", highlight=False)


def register(app: typer.Typer) -> None:
    app.command("code")(code)
    app.command("eval")(evaluate)
