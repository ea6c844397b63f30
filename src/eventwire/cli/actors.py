"""`eventwire actors lookup` and `eventwire actors resolve`: actor mentions outside the coder.

A thin layer over `eventwire.actors.lookup`: options in, the library's answer out, errors
turned into exit code 1 with the message.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer

from eventwire.cli.console import fail
from eventwire.errors import EventwireError
from eventwire.models import Actor

ActorFiles = Annotated[
    list[Path] | None,
    typer.Option(
        "--actors",
        help="Extra actor file (YAML, or PETRARCH .actors.txt / .agents.txt), merged over "
        "the shipped ones; repeatable.",
    ),
]
Model = Annotated[str | None, typer.Option(help="spaCy pipeline to parse with.")]


def _resolver(model: str | None, actors: list[Path] | None) -> tuple[Any, Any]:
    from eventwire.actors.lookup import load_resolver
    from eventwire.settings import Settings

    settings = Settings.from_overrides(model=model)
    return load_resolver(settings.model, tuple(actors or ()))


def _lookup_record(name: str, actor: Actor | None, kind: str | None) -> dict[str, Any]:
    """What `lookup` shows: the resolve record plus the mention, the KB id and its kind
    (`outlet` for a news outlet, which has no actor code)."""
    from eventwire.actors.lookup import output_record

    record = output_record(name, actor, None if actor else f"no actor found in {name!r}")
    record.pop("id")
    return {"text": name, **record, "kb_id": actor.id if actor else None, "kind": kind}


def lookup(
    name: Annotated[str, typer.Argument(help="The mention, as written in the text.")],
    date: Annotated[
        str | None, typer.Option("--date", help="Publication date, YYYY-MM-DD.")
    ] = None,
    context: Annotated[
        str | None,
        typer.Option(
            "--context",
            help="The sentence or story around it, read as a story is: its names settle "
            "ambiguous ones, and its dateline or most-named country places unknown actors.",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    actors: ActorFiles = None,
    model: Model = None,
) -> None:
    """Show how a mention resolves on a date, and why."""
    from eventwire.actors.lookup import resolve_mention

    try:
        resolver, nlp = _resolver(model, actors)
        actor = resolve_mention(name, date=date, context=context, resolver=resolver, nlp=nlp)
    except (EventwireError, ValueError, OSError) as exc:
        raise fail(str(exc)) from None
    entry = resolver.kb.entries.get(actor.id) if actor and actor.id else None
    record = _lookup_record(name, actor, entry.kind if entry else None)
    if as_json:
        typer.echo(json.dumps(record, ensure_ascii=False))
        return
    width = max(len(k) for k in record)
    for key, value in record.items():
        typer.echo(f"{key:<{width}}  {'-' if value is None else value}")


def _input_lines(source: str) -> Iterator[str]:
    if source == "-":
        yield from sys.stdin
        return
    with Path(source).open(encoding="utf-8") as handle:
        yield from handle


def resolve(
    source: Annotated[
        str, typer.Argument(help='JSONL of {"id", "text", "date"?, "context"?}, or - for stdin.')
    ],
    actors: ActorFiles = None,
    model: Model = None,
) -> None:
    """Resolve one mention per JSONL line; write {id, code, country, sector, group, name,
    reason} per line. Unresolved mentions and bad lines give nulls with the reason."""
    from eventwire.actors.lookup import resolve_lines

    if source != "-" and not Path(source).is_file():
        raise fail(f"{source}: no such file")
    try:
        resolver, nlp = _resolver(model, actors)
        for record in resolve_lines(_input_lines(source), resolver=resolver, nlp=nlp):
            typer.echo(json.dumps(record, ensure_ascii=False))
    except (EventwireError, OSError, UnicodeDecodeError) as exc:
        raise fail(str(exc)) from None


def register(app: typer.Typer) -> None:
    """Add the `actors` command group to the `eventwire` app."""
    group = typer.Typer(
        name="actors",
        help="Look up and resolve actor mentions against the knowledge base.",
        no_args_is_help=True,
    )
    group.command("lookup")(lookup)
    group.command("resolve")(resolve)
    app.add_typer(group, name="actors")
