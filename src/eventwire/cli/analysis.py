"""CLI commands over eventwire.analysis and the REST API: brief, dyads, network, serve.

Each parses its options, calls the library and prints; errors end with a message and exit
status 1 (cli/console.py).
"""

from __future__ import annotations

import csv
import dataclasses
import json
import os
import sys
from pathlib import Path
from typing import Annotated, Any, cast

import typer

from eventwire.analysis import (
    Actor,
    actor_network,
    dyad_series,
    relation_brief,
    to_html,
    to_markdown,
)
from eventwire.analysis.query import LEVELS, Level
from eventwire.analysis.series import INTERVALS, Interval, pair_series
from eventwire.cli.console import fail, reported_errors, stderr
from eventwire.cli.store import DbOption, _date
from eventwire.store import DEFAULT_DB, Store

TOKEN_ENV = "EVENTWIRE_API_TOKEN"
SinceOption = Annotated[str | None, typer.Option(help="First day (YYYY-MM-DD).")]
UntilOption = Annotated[str | None, typer.Option(help="Last day (YYYY-MM-DD).")]
SERIES_COLUMNS = (
    "a", "b", "period", "events", "mentions", "quad1", "quad2", "quad3", "quad4",
    "cooperation", "conflict", "goldstein",
)  # fmt: skip


def register(app: typer.Typer) -> None:
    """Add the analysis commands and `serve` to `app`."""
    app.command("brief")(brief_command)
    app.command("dyads")(dyads_command)
    app.command("network")(network_command)
    app.command("serve")(serve_command)


def brief_command(
    a: Annotated[str, typer.Argument(help="First actor: code, prefix or group id (RUS).")],
    b: Annotated[str, typer.Argument(help="Second actor (IRN).")],
    since: SinceOption = None,
    until: UntilOption = None,
    db: DbOption = DEFAULT_DB,
    html: Annotated[
        Path | None, typer.Option(help="Write a self-contained HTML page here instead.")
    ] = None,
    limit: Annotated[int, typer.Option(min=1, max=1000, help="Key events listed.")] = 30,
) -> None:
    """The relation brief of two actors: trend, key events with evidence, third parties."""
    with reported_errors(), Store.open(db, read_only=True) as store:
        brief = relation_brief(
            store, a, b, since=_date(since, "--since"), until=_date(until, "--until"), limit=limit
        )
    if html is None:
        typer.echo(to_markdown(brief), nl=False)
        return
    html.write_text(to_html(brief), encoding="utf-8")
    typer.echo(f"brief written to {html}", err=True)


def dyads_command(
    a: Annotated[str | None, typer.Argument(help="One actor; none: every pair.")] = None,
    b: Annotated[str | None, typer.Argument(help="The other actor; none: a with anyone.")] = None,
    interval: Annotated[str, typer.Option(help="day, week or month.")] = "month",
    directed: Annotated[bool, typer.Option(help="Only events from a to b.")] = False,
    since: SinceOption = None,
    until: UntilOption = None,
    db: DbOption = DEFAULT_DB,
    format: Annotated[str, typer.Option(help="csv or jsonl.")] = "csv",
) -> None:
    """Counted events per period: of a pair, of one actor with anyone, or of every pair."""
    every = cast(Interval, _choice(interval, INTERVALS, "--interval"))
    _choice(format, ("csv", "jsonl"), "--format")
    first, last = _date(since, "--since"), _date(until, "--until")
    with reported_errors(), Store.open(db, read_only=True) as store:
        if a is None:
            pairs = pair_series(store, interval=every, since=first, until=last)
            rows = [_series_row(p.a, p.b, p.point) for p in pairs]
        else:
            points = dyad_series(
                store, Actor(a), Actor(b) if b else None, interval=every,
                directed=directed, since=first, until=last,
            )  # fmt: skip
            rows = [_series_row(a.upper(), (b or "*").upper(), p) for p in points]
    _print_rows(rows, format)


def _choice(value: str, choices: tuple[str, ...], option: str) -> str:
    if value not in choices:
        raise typer.BadParameter(f"{value!r}: use one of {', '.join(choices)}", param_hint=option)
    return value


def _series_row(a: str, b: str, point: Any) -> dict[str, Any]:
    values = dataclasses.asdict(point) | {"a": a, "b": b, "period": point.period.isoformat()}
    values |= {"cooperation": point.cooperation, "conflict": point.conflict}
    return {name: values[name] for name in SERIES_COLUMNS}


def _print_rows(rows: list[dict[str, Any]], format: str) -> None:
    if format == "jsonl":
        for row in rows:
            typer.echo(json.dumps(row))
        return
    writer = csv.DictWriter(sys.stdout, fieldnames=SERIES_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)


def network_command(
    since: SinceOption = None,
    until: UntilOption = None,
    level: Annotated[str, typer.Option(help="country, sector or group.")] = "country",
    min_events: Annotated[int, typer.Option(min=1, help="Fewest events an edge needs.")] = 1,
    db: DbOption = DEFAULT_DB,
    format: Annotated[str, typer.Option(help="json or graphml.")] = "json",
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write here.")] = None,
) -> None:
    """The actor network: nodes with centrality and community, cooperation/conflict edges."""
    chosen = cast(Level, _choice(level, LEVELS, "--level"))
    _choice(format, ("json", "graphml"), "--format")
    with reported_errors(), Store.open(db, read_only=True) as store:
        network = actor_network(
            store,
            level=chosen,
            since=_date(since, "--since"),
            until=_date(until, "--until"),
            min_events=min_events,
        )
    text = _graphml(network.graph) if format == "graphml" else _network_json(network)
    if output is None:
        typer.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")


def _network_json(network: Any) -> str:
    data = {
        "level": network.level,
        "nodes": [dataclasses.asdict(n) for n in network.nodes],
        "edges": [dataclasses.asdict(e) for e in network.edges],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _graphml(graph: Any) -> str:
    import networkx as nx

    return "\n".join(nx.generate_graphml(graph)) + "\n"


def serve_command(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port.")] = 8000,
    allow_writes: Annotated[
        bool, typer.Option(help=f"Accept POST /api/documents with the token in ${TOKEN_ENV}.")
    ] = False,
    token_file: Annotated[
        Path | None, typer.Option(help=f"Read the write token from this file, not ${TOKEN_ENV}.")
    ] = None,
    cors_origin: Annotated[
        list[str] | None, typer.Option(help="Origin allowed by CORS (repeat); none by default.")
    ] = None,
) -> None:
    """Serve the REST API (and the web UI when installed) over the store."""
    token = _token(token_file) if allow_writes else None
    import uvicorn

    from eventwire.api.app import create_app

    with reported_errors():
        app = create_app(db, allow_writes=allow_writes, token=token, cors_origins=cors_origin or ())
    stderr().print(f"eventwire serving {db} on http://{host}:{port}/ (Ctrl+C stops)")
    uvicorn.run(app, host=host, port=port, log_level="warning")


def _token(path: Path | None) -> str:
    """The write token, from a file or the environment: never from the command line, where
    other users of the machine could read it in the process list."""
    if path is not None:
        try:
            token = path.read_text(encoding="utf-8").strip()
        except OSError as error:
            raise fail(f"cannot read the token file {path}: {error.strerror}") from error
    else:
        token = os.environ.get(TOKEN_ENV, "").strip()
    if len(token) < 16:
        raise fail(
            f"--allow-writes needs a token of 16 characters or more in ${TOKEN_ENV} "
            "or in --token-file"
        )
    return token
