"""Scoring against marked triggers and places, and telling the two gold formats apart."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.attributes import Gazetteer
from eventwire.cli import app
from eventwire.evaluation import TriggerReport, gold_kind, score_marked
from eventwire.evaluation.triggers import Marked, read_marked, same_place
from eventwire.models import Document, Event, Location, Trigger

TEXT = "Gunmen killed two farmers in Kandahar on Monday."


def marked_file(tmp_path: Path) -> Path:
    records = [
        {
            "id": "a",
            "text": TEXT,
            "event_verbs": [{"start": 7, "end": 13, "text": "killed"}],
            "event_locations": [{"start": 29, "end": 37, "text": "Kandahar"}],
            "no_location": False,
        },
        {
            "id": "b",
            "text": "The weather was mild all week.",
            "event_verbs": [{"start": 12, "end": 15, "text": "was"}],
            "event_locations": [],
            "no_location": True,
        },
    ]
    path = tmp_path / "marked.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def event_at(start: int, end: int, location: Location | None) -> Event:
    return Event(
        event_id="x", doc_id="a", sentence_index=0, sentence=TEXT, sentence_span=(0, len(TEXT)),
        source=None, target=None, cameo="190", cameo_root="19", cameo_name="", plover="ASSAULT",
        plover_mode=None, quad_class=4, goldstein=-10.0, negated=False, modality="asserted",
        speaker=None, reported_by=None, date=None, date_basis="publication", location=location,
        killed=None, injured=None, arrested=None, trigger=Trigger(TEXT[start:end], start, end),
        confidence=0.9,
    )  # fmt: skip


def test_evaluation_tells_marked_triggers_from_event_gold(tmp_path: Path) -> None:
    events = tmp_path / "gold.jsonl"
    events.write_text('{"id": "1", "text": "x", "expected": []}\n', encoding="utf-8")
    assert gold_kind(marked_file(tmp_path)) == "triggers"
    assert gold_kind(events) == "events"


@pytest.mark.parametrize(
    ("start", "end", "location", "at_trigger", "placed"),
    [
        (7, 13, Location("Kandahar", "AFG"), 1, 1),
        (7, 13, Location("Kandahār", "AFG", geonameid=1138336), 1, 1),
        (7, 13, None, 1, 0),
        (7, 13, Location("Kabul", "AFG"), 1, 0),
        (0, 6, Location("Kandahar", "AFG"), 0, 0),
    ],
)
def test_evaluation_scores_trigger_overlap_and_place(
    start: int, end: int, location: Location | None, at_trigger: int, placed: int
) -> None:
    report = TriggerReport()
    marked = Marked(triggers=((7, 13),), places=("Kandahar",), no_location=False)
    document = Document(id="a", text=TEXT)
    score_marked(report, document, marked, [event_at(start, end, location)], Gazetteer.load())
    assert (report.records, report.with_event) == (1, 1)
    assert (report.at_trigger, report.placed_right) == (at_trigger, placed)


def test_evaluation_no_location_wants_no_place() -> None:
    report = TriggerReport()
    marked = Marked(triggers=((7, 13),), places=(), no_location=True)
    score_marked(report, Document(id="a", text=TEXT), marked, [event_at(7, 13, None)],
                 Gazetteer.load())  # fmt: skip
    assert report.placed_right == 1


def test_evaluation_reads_marked_records_lower_cased(tmp_path: Path) -> None:
    items = list(read_marked(marked_file(tmp_path), lower=True))
    document, marked = items[0]
    assert document.text == TEXT.lower() and marked.triggers == ((7, 13),)


@pytest.mark.model
def test_evaluation_cli_prints_the_trigger_table(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", str(marked_file(tmp_path))])
    assert result.exit_code == 0, result.output
    assert "event at the marked trigger" in result.stdout
    assert "2 sentences" in result.stdout


KYIV, LVIV = Location("Kyiv", "UKR", geonameid=703448), Location("Lviv", "UKR", geonameid=702550)
BORNO, YOBE = Location("Borno", "NGA", 11.5, 13.0), Location("Yobe", "NGA", 12.2, 11.5)


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        (KYIV, Location("Kiev", "UKR", geonameid=703448), True),
        (KYIV, LVIV, False),
        # our own regions have no GeoNames id: two of them are one place only by name
        (BORNO, Location("Borno", "NGA", 11.5, 13.0), True),
        (BORNO, YOBE, False),
    ],
)
def test_evaluation_same_place_by_id_or_by_name(one: Location, other: Location, same: bool) -> None:
    assert same_place(one, other) is same
