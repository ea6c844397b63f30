"""Writing events as JSON Lines, CSV or Parquet, all or nothing.

JSONL carries the contract's nested shape; CSV and Parquet carry the same fields flattened
(`source.code` becomes `source_code`). Files are written to a temporary name and renamed,
so a failed run never leaves half a file behind.
"""

from __future__ import annotations

import csv
import dataclasses
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from types import UnionType
from typing import IO, Any, Union, get_args, get_origin, get_type_hints

from eventwire.models import Actor, Event, Location, Trigger

FORMATS = ("jsonl", "csv", "parquet")
PARQUET_ROW_GROUP = 10_000


def flatten(record: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """`{"source": {"code": "IRN"}}` -> `{"source_code": "IRN"}`; lists become JSON text."""
    flat: dict[str, Any] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, f"{name}_"))
        elif isinstance(value, list):
            flat[name] = json.dumps(value)
        else:
            flat[name] = value
    return flat


def flat_columns() -> list[str]:
    """The CSV/Parquet columns, fixed so that empty actors still get their columns."""
    actor = [f for f in Actor.__dataclass_fields__ if f != "reason"]
    nested = {
        "source": actor,
        "target": actor,
        "speaker": actor,
        "location": list(Location.__dataclass_fields__),
        "trigger": list(Trigger.__dataclass_fields__),
    }
    columns = []
    for name in Event.__dataclass_fields__:
        if name == "debug":
            continue
        columns += [f"{name}_{sub}" for sub in nested[name]] if name in nested else [name]
    return columns


@contextmanager
def atomic_file(path: Path, mode: str = "w") -> Iterator[IO[Any]]:
    """Open a temporary file beside `path`; rename it over `path` only on success.

    The file gets the mode a plain `open` would give (0666 less the umask), not mkstemp's
    0600, so that outputs are as readable as any other file the user writes.
    """
    directory = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".part")
    os.chmod(tmp, 0o666 & ~_umask())
    try:
        with os.fdopen(
            fd,
            mode,
            encoding=None if "b" in mode else "utf-8",
            newline="" if "b" not in mode else None,
        ) as handle:
            yield handle
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def _umask() -> int:
    """The process umask (it can only be read by setting it, so set it straight back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_jsonl(events: Iterable[Event], handle: IO[str], *, debug: bool = False) -> int:
    count = 0
    for event in events:
        handle.write(json.dumps(event.to_dict(debug=debug), ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(events: Iterable[Event], handle: IO[str]) -> int:
    columns = flat_columns()
    writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    count = 0
    for event in events:
        writer.writerow(flatten(event.to_dict()))
        count += 1
    return count


def write_parquet(events: Iterable[Event], path: Path) -> int:
    """Stream events into one Parquet file, a row group per PARQUET_ROW_GROUP events, so
    that memory stays flat however many events a run codes."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    count = 0
    with atomic_file(path, "wb") as handle, pq.ParquetWriter(handle, schema) as writer:
        iterator = iter(events)
        while batch := [flatten(e.to_dict()) for e in islice(iterator, PARQUET_ROW_GROUP)]:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
    return count


def parquet_schema() -> Any:
    """The Parquet columns with their types: numbers and flags typed, the rest text."""
    import pyarrow as pa

    arrow = {int: pa.int64(), float: pa.float64(), bool: pa.bool_()}
    types = _flat_types(Event)
    return pa.schema([(c, arrow.get(types[c], pa.string())) for c in flat_columns()])


def _flat_types(record: type, prefix: str = "") -> dict[str, type]:
    """Column name -> Python type of a record's fields, nested records flattened."""
    types: dict[str, type] = {}
    for name, hint in get_type_hints(record).items():
        optional = get_origin(hint) in (Union, UnionType)  # `X | None`: X
        kind = next(k for k in get_args(hint) if k is not type(None)) if optional else hint
        if dataclasses.is_dataclass(kind):
            types.update(_flat_types(kind, f"{prefix}{name}_"))  # type: ignore[arg-type]
        else:
            types[f"{prefix}{name}"] = kind
    return types


def write_events(
    events: Iterable[Event], path: Path | None, fmt: str, *, stdout: IO[str], debug: bool = False
) -> int:
    """Write events to `path` (or `stdout` when None) in `fmt`; returns how many."""
    if fmt == "parquet":
        if path is None:
            raise ValueError("Parquet output needs a file: add -o FILE.parquet")
        return write_parquet(events, path)
    writer = write_csv if fmt == "csv" else lambda ev, h: write_jsonl(ev, h, debug=debug)
    if path is None:
        return writer(events, stdout)
    with atomic_file(path) as handle:
        return writer(events, handle)
