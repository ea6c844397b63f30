"""What every command shares: the stderr console and the one way errors end a command."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer
from rich.console import Console

from eventwire.errors import EventwireError


def stderr() -> Console:
    """Messages for people go to stderr, unwrapped so that paths stay whole."""
    return Console(stderr=True, soft_wrap=True)


def fail(message: str) -> typer.Exit:
    """Print `error: message` and give the exit to raise (status 1)."""
    stderr().print(f"[red]error:[/red] {message}", highlight=False)
    return typer.Exit(code=1)


@contextmanager
def reported_errors() -> Iterator[None]:
    """An EventwireError becomes one line on stderr and exit status 1."""
    try:
        yield
    except EventwireError as error:
        raise fail(str(error)) from error
