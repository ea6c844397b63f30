"""The options that send a run to Dask, shared by `eventwire code` and `eventwire ingest`."""

from __future__ import annotations

from typing import Annotated

import typer

Workers = Annotated[
    int | None,
    typer.Option(
        "--workers", help="Code on a local Dask cluster of this many processes (one per core)."
    ),
]
Scheduler = Annotated[
    str | None,
    typer.Option(
        "--scheduler", help="Code on an existing Dask cluster: its scheduler, tcp://HOST:PORT."
    ),
]
