"""The `eventwire` command: a thin Typer layer over the library.

Commands parse their options, call the library and turn its errors into exit codes with
messages that say what went wrong and where.
"""

from __future__ import annotations

from typing import Annotated

import typer

from eventwire.cli import actors as actor_commands
from eventwire.cli import analysis as analysis_commands
from eventwire.cli import code as code_commands
from eventwire.cli import evaluate as eval_commands
from eventwire.cli import store as store_commands

app = typer.Typer(
    name="eventwire",
    help="News text in, CAMEO and PLOVER political events out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _print_version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"eventwire {version('eventwire')}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Print the version and exit.", callback=_print_version, is_eager=True
        ),
    ] = False,
) -> None:
    """News text in, CAMEO and PLOVER political events out."""


code_commands.register(app)
eval_commands.register(app)
store_commands.register(app)
actor_commands.register(app)
analysis_commands.register(app)


def main() -> None:
    app()
