"""`eventwire code`: coding files, directories, stdin or a snippet of text."""

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
from eventwire.store.outcome import FAILED, TO_CODE, Outcome, bad_record_outcome

ActorFiles = Annotated[
    list[Path] | None,
    typer.Option(
        "--actors", help="Extra actor file (YAML), merged over the shipped ones; repeatable."
    ),
]
Model = Annotated[str | None, typer.Option(help="spaCy pipeline to parse with.")]


MinConfidence = Annotated[
    float | None,
    typer.Option(
        "--min-confidence", help="Drop events below this confidence (0 to 1).", min=0.0, max=1.0
    ),
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
RulesOff = Annotated[
    list[str] | None,
    typer.Option(
        "--rule-off",
        help="Switch off a coder rule by name (see docs/SETTINGS.md, rules_off); repeatable.",
    ),
]
BatchSize = Annotated[
    int | None, typer.Option("--batch-size", help="Documents per spaCy batch.", min=1)
]
Strict = Annotated[
    bool, typer.Option("--strict", help="Fail the run on the first bad input record.")
]
PublicationDate = Annotated[
    str | None,
    typer.Option("--date", help="Publication date (YYYY-MM-DD) for inputs that carry none."),
]
EXIT_SOME_FAILED = 3
"""The exit status of a run that went to the end but could not read or code some records."""


def coding_settings(
    model: str | None, actors: list[Path] | None, rules_off: list[str] | None, **values: object
) -> Settings:
    """Settings from the coding options that `code` and `ingest` share."""
    files = tuple(actors) if actors else None
    rules = tuple(rules_off) if rules_off else None
    try:
        return Settings.from_overrides(model=model, actor_files=files, rules_off=rules, **values)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--rule-off") from exc


def checked_date(date: str | None) -> str | None:
    """`--date` as given, or a usage error that names the option."""
    from eventwire.ingest.records import check_date

    if date is not None and (problem := check_date(date)):
        raise typer.BadParameter(problem, param_hint="--date")
    return date


def _outcomes(inputs: list[str], text: str | None, date: str | None) -> Iterator[Outcome]:
    """Every input record as an outcome to code, or a failed one for a bad record."""
    from eventwire.ingest import read_documents
    from eventwire.ingest.readers import checked

    records = (
        [checked(Document(id="text", text=text, date=date, origin="--text"))]
        if text is not None
        else read_documents(inputs, date=date, stdin=sys.stdin)
    )
    for number, record in enumerate(records):
        if isinstance(record, BadRecord):
            yield bad_record_outcome(record)
        else:
            yield Outcome(key=str(number), status=TO_CODE, document=record, origin=record.origin)


class _Tally:
    """Counts the records of a `code` run and reports each failure on stderr as it comes."""

    def __init__(self, strict: bool) -> None:
        self.strict = strict
        self.coded = 0
        self.failed = 0
        self.err = stderr()

    def events(self, outcomes: Iterator[Outcome]) -> Iterator[Event]:
        for outcome in outcomes:
            if outcome.status == FAILED:
                self.fail(outcome)
                continue
            self.coded += 1
            yield from outcome.events

    def fail(self, outcome: Outcome) -> None:
        where = outcome.origin or (outcome.document.id if outcome.document else "?")
        if self.strict:
            raise InputError(where, f"{outcome.reason} (--strict: stopping)")
        self.failed += 1
        self.err.print(f"[yellow]failed[/yellow] {where}: {outcome.reason}", highlight=False)


def _coded(
    outcomes: Iterator[Outcome],
    settings: Settings,
    *,
    workers: int | None = None,
    scheduler: str | None = None,
) -> Iterator[Outcome]:
    """Each document coded on its own as far as failures go (as `ingest` does): a document
    that makes the coder fail is one failed record, and coding goes on after it. With
    `workers` or `scheduler` the coding runs on a Dask cluster, in the same order."""
    from eventwire.distributed import open_coder
    from eventwire.store.pipeline import code_in_order

    with open_coder(settings, workers=workers, scheduler=scheduler) as code_documents:
        yield from code_in_order(outcomes, code_documents)


def _with_progress(outcomes: Iterator[Outcome], show: bool) -> Iterator[Outcome]:
    if not show:
        yield from outcomes
        return
    columns = (TextColumn("coding"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=stderr(), transient=True) as progress:
        task = progress.add_task("coding", total=None)
        for outcome in outcomes:
            progress.advance(task)
            yield outcome


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
        str | None,
        typer.Option("-o", "--output", help="Write events here (- for stdout) instead of stdout."),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="jsonl, csv or parquet.")] = "jsonl",
    text: Annotated[
        str | None, typer.Option("--text", help="Code this snippet instead of files.")
    ] = None,
    date: PublicationDate = None,
    strict: Strict = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Add the resolver's reasons to JSONL output.")
    ] = False,
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
    """Code news documents into CAMEO/PLOVER events (JSON Lines on stdout by default).

    Each document is coded on its own: one that cannot be read or coded is reported on
    stderr and the run goes on; the exit status is then 3 (1 when the run itself fails).
    """
    if fmt not in FORMATS:
        raise typer.BadParameter(
            f"{fmt!r} is not one of {', '.join(FORMATS)}", param_hint="--format"
        )
    if text is None and not inputs:
        raise typer.BadParameter("give INPUT files, - for stdin, or --text", param_hint="INPUT")
    if text is not None and inputs:
        raise typer.BadParameter("give either INPUT files or --text, not both", param_hint="--text")
    path = None if output in (None, "-") else Path(output)
    tally = _Tally(strict)
    try:
        settings = coding_settings(
            model,
            actors,
            rule_off,
            min_confidence=min_confidence,
            require_source=require_source,
            require_target=require_target,
            batch_size=batch_size,
        )
        outcomes = _outcomes(inputs or [], text, checked_date(date))
        show = text is None and path is not None and sys.stderr.isatty()
        coded = _coded(
            _with_progress(outcomes, show), settings, workers=workers, scheduler=scheduler
        )
        events = tally.events(coded)
        if text is not None and output is None and sys.stdout.isatty():
            print_table(list(events))
        else:
            count = write_events(events, path, fmt, stdout=sys.stdout, debug=debug)
            if path is not None or tally.failed:
                stderr().print(
                    f"{tally.coded} document(s) coded, {tally.failed} failed; {count} events "
                    f"written{f' to {path}' if path else ''}",
                    highlight=False,
                )
    except (EventwireError, ValueError, OSError) as exc:
        raise fail(str(exc)) from None
    if tally.failed:
        raise typer.Exit(code=EXIT_SOME_FAILED)


def register(app: typer.Typer) -> None:
    app.command("code")(code)
