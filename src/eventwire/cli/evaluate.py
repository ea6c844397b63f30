"""`eventwire eval`: scoring the coder against hand-coded files of either kind."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from eventwire.cli.console import fail
from eventwire.errors import EventwireError
from eventwire.settings import Settings

LEVEL_NAMES = {
    "root": "(a) country dyad + CAMEO root",
    "code": "(b) country dyad + full code",
    "plover": "(c) country dyad + PLOVER type",
}
SAMPLE = 25


def evaluate(
    gold: Annotated[
        Path,
        typer.Argument(
            help="Gold JSONL: events ({id, text, date, expected: [{source, target, code}]}) "
            "or marked triggers ({id, text, event_verbs, event_locations, no_location})."
        ),
    ],
    show_errors: Annotated[
        bool, typer.Option("--errors/--no-errors", help="List misses and false alarms.")
    ] = True,
    lower: Annotated[
        bool,
        typer.Option("--lower", help="Lower-case every text first, as many archives deliver it."),
    ] = False,
    require_source: Annotated[
        bool | None,
        typer.Option(
            "--require-source/--keep-sourceless",
            help="Strict PETRARCH dyads or not; by default what the gold's kind codes "
            "(event gold codes full dyads only, marked triggers any event).",
        ),
    ] = None,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline to parse with.")] = None,
) -> None:
    """Score the coder against hand-coded gold: precision, recall and F1 of events, or the
    share of marked triggers found and placed right."""
    from eventwire.evaluation import gold_kind

    if not gold.is_file():
        raise fail(f"{gold}: no such file")
    kind = gold_kind(gold)
    strict = require_source if require_source is not None else kind == "events"
    settings = Settings.from_overrides(model=model, require_source=strict)
    try:
        if kind == "triggers":
            _print_triggers(gold, settings, lower=lower, show_errors=show_errors)
        else:
            _print_events(gold, settings, lower=lower, show_errors=show_errors)
    except EventwireError as exc:
        raise fail(str(exc)) from None


def _print_events(gold: Path, settings: Settings, *, lower: bool, show_errors: bool) -> None:
    from eventwire.evaluation import LEVELS, case_agreement, evaluate

    report = evaluate(gold, settings=settings, lower=lower)
    console = Console()
    table = Table(
        "level", "precision", "recall", "F1", "tp", "fp", "fn", title=f"{report.records} records"
    )
    for level in LEVELS:
        s = report.scores[level]
        table.add_row(
            LEVEL_NAMES[level],
            f"{s.precision:.3f}",
            f"{s.recall:.3f}",
            f"{s.f1:.3f}",
            str(s.true_positives),
            str(s.false_positives),
            str(s.false_negatives),
        )
    console.print(table)
    if lower:
        kept, total = case_agreement(gold, settings=settings)
        share = kept / total if total else 1.0
        console.print(
            f"lower-cased text keeps {kept} of the {total} (source country, target country, "
            f"CAMEO root) events of the cased text: {share:.1%}",
            highlight=False,
        )
    for bad in report.bad:
        console.print(f"[yellow]skipped[/yellow] {bad}", highlight=False)
    if show_errors:
        for title, items in (("misses", report.misses), ("false alarms", report.false_alarms)):
            console.print(f"\n[bold]{title}[/bold] ({len(items)})")
            for doc_id, key in items:
                console.print(f"  {doc_id}: {' '.join(key)}", highlight=False)


def _print_triggers(gold: Path, settings: Settings, *, lower: bool, show_errors: bool) -> None:
    from eventwire.evaluation import evaluate_triggers

    report = evaluate_triggers(gold, settings=settings, lower=lower)
    console = Console()
    table = Table("measure", "share", "count", title=f"{report.records} sentences")
    table.add_row("any event", f"{report.share(report.with_event):.3f}", str(report.with_event))
    table.add_row(
        "event at the marked trigger", f"{report.share(report.at_trigger):.3f}",
        str(report.at_trigger),
    )  # fmt: skip
    table.add_row(
        "  of those, placed right",
        f"{report.share(report.placed_right, report.at_trigger):.3f}",
        str(report.placed_right),
    )
    console.print(table)
    for bad in report.bad:
        console.print(f"[yellow]skipped[/yellow] {bad}", highlight=False)
    if show_errors:
        for title, items in (("missed", report.missed), ("misplaced", report.misplaced)):
            console.print(f"\n[bold]{title}[/bold] ({len(items)}, a sample of {SAMPLE})")
            for line in items[:SAMPLE]:
                console.print(f"  {line}", highlight=False, soft_wrap=True)


def register(app: typer.Typer) -> None:
    app.command("eval")(evaluate)
