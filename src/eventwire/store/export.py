"""Write event rows as JSON Lines, CSV, GDELT tab-separated or Parquet, streaming."""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from eventwire.store.query import COLUMNS, contract_record, gdelt_row

FORMATS = ("jsonl", "csv", "parquet", "gdelt")
INTEGER_COLUMNS = frozenset(
    {"event_id", "num_mentions", "num_sources", "num_documents", "story_index", "sentence_index"}
    | {"sentence_start", "sentence_end", "quad_class", "killed", "injured", "arrested"}
    | {"trigger_start", "trigger_end", "location_geonameid"}
)
FLOAT_COLUMNS = frozenset({"goldstein", "confidence", "location_lat", "location_lon"})
PARQUET_CHUNK = 5000


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def write_jsonl(rows: Iterable[dict[str, Any]], stream: TextIO) -> int:
    count = 0
    for row in rows:
        stream.write(json.dumps(contract_record(row), ensure_ascii=False, default=_json_default))
        stream.write("\n")
        count += 1
    return count


def write_csv(rows: Iterable[dict[str, Any]], stream: TextIO) -> int:
    writer = csv.writer(stream)
    writer.writerow(COLUMNS)
    count = 0
    for row in rows:
        writer.writerow([row[c] for c in COLUMNS])
        count += 1
    return count


def write_gdelt(rows: Iterable[dict[str, Any]], stream: TextIO) -> int:
    """Tab-separated with no header, as GDELT ships its files (docs/STORE.md lists columns)."""
    writer = csv.writer(stream, delimiter="\t", lineterminator="\n")
    count = 0
    for row in rows:
        writer.writerow(gdelt_row(row))
        count += 1
    return count


def write_parquet(rows: Iterable[dict[str, Any]], target: Path | BinaryIO) -> int:
    """Row groups of PARQUET_CHUNK rows, so memory does not grow with the store."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    count = 0
    with pq.ParquetWriter(str(target) if isinstance(target, Path) else target, schema) as writer:
        for chunk in _chunks(iter(rows), PARQUET_CHUNK):
            writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
            count += len(chunk)
    return count


def parquet_schema() -> Any:
    import pyarrow as pa

    def column_type(name: str) -> Any:
        if name == "event_date":
            return pa.date32()
        if name == "negated":
            return pa.bool_()
        if name in INTEGER_COLUMNS:
            return pa.int64()
        return pa.float64() if name in FLOAT_COLUMNS else pa.string()

    return pa.schema([(name, column_type(name)) for name in COLUMNS])


WRITERS: dict[str, Callable[[Iterable[dict[str, Any]], Any], int]] = {
    "jsonl": write_jsonl,
    "csv": write_csv,
    "gdelt": write_gdelt,
    "parquet": write_parquet,
}
"""Each format's writer: rows and an open stream (binary for Parquet) in, count out."""


def _chunks(rows: Iterator[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    while chunk := list(islice(rows, size)):
        yield chunk
