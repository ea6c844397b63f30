"""Parquet output streams in row groups with fixed column types, whatever the events hold."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pytest

from eventwire import output
from eventwire.models import Actor, Event, Location, Trigger


def event(n: int, *, place: bool) -> Event:
    """A small event; only some have a place, so a row group may have no location at all."""
    return Event(
        event_id=f"e{n}", doc_id="d", sentence_index=n, sentence="s", sentence_span=(0, 1),
        source=Actor(text="Iran", code="IRN"), target=None, cameo="042", cameo_root="04",
        cameo_name="Make a visit", plover="CONSULT", plover_mode="visit", quad_class=1,
        goldstein=1.9, negated=False, modality="asserted", speaker=None, reported_by=None,
        date="2025-01-17", date_basis="explicit",
        location=Location("Moscow", "RUS", 55.75, 37.62, 524901) if place else None,
        killed=n, injured=None, arrested=None, trigger=Trigger("visited", 5, 12), confidence=0.9,
    )  # fmt: skip


@pytest.mark.parametrize("count", [0, 1, 5])
def test_output_parquet_streams_row_groups_of_typed_columns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, count: int
) -> None:
    monkeypatch.setattr(output, "PARQUET_ROW_GROUP", 2)
    events = [event(n, place=n >= 2) for n in range(count)]
    path = tmp_path / "events.parquet"
    assert output.write_parquet(iter(events), path) == count
    table = pq.read_table(path)
    assert table.column_names == output.flat_columns()
    assert str(table.schema.field("location_lat").type) == "double"
    assert str(table.schema.field("killed").type) == "int64"
    assert str(table.schema.field("sentence_span").type) == "string"
    expected = [{c: output.flatten(e.to_dict()).get(c) for c in table.column_names} for e in events]
    assert table.to_pylist() == expected
    assert pq.ParquetFile(path).num_row_groups == (count + 1) // 2
