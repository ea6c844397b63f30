"""`eventwire code` and `eventwire eval` through the CLI, as a user runs them."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from conftest import SHARED
from eventwire.cli import app
from eventwire.evaluation import Report, score_record
from eventwire.models import Actor, Event, Trigger

pytestmark = pytest.mark.model

SNIPPET = "Turkey and Azerbaijan signed a defence pact in Baku on Tuesday."
RECORDS = [
    {"id": "a", "date": "2024-02-01", "text": "Egypt condemned the Israeli raid on Rafah."},
    {"id": "b", "date": "2024-02-02", "text": "Jordan sent aid convoys to Gaza."},
]


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    lines = [
        json.dumps(RECORDS[0]),
        "{not json",
        json.dumps({"id": "c", "date": "2024-02-30", "text": "x"}),
    ]
    lines += [json.dumps({"id": "d", "date": "2024-02-03"}), json.dumps(RECORDS[1])]
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_cli_code_text_prints_jsonl_when_piped() -> None:
    result = CliRunner().invoke(app, ["code", "--text", SNIPPET, "--date", "2024-03-14"])
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert {(e["source"]["code"], e["target"]["code"], e["cameo"]) for e in events} == {
        ("TUR", "AZE", "057"),
        ("AZE", "TUR", "057"),
    }
    assert {e["date"] for e in events} == {"2024-03-12"}


def test_cli_code_skips_bad_records_and_names_file_and_line(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    result = CliRunner().invoke(app, ["code", str(corpus), "-o", str(out)])
    assert result.exit_code == 3, result.output  # it went to the end, but records failed
    assert f"{corpus}:2" in result.stderr and "JSON" in result.stderr
    assert f"{corpus}:3" in result.stderr and "2024-02-30 is not a date" in result.stderr
    assert f"{corpus}:4" in result.stderr and "text" in result.stderr
    coded = {json.loads(line)["doc_id"] for line in out.read_text(encoding="utf-8").splitlines()}
    assert coded == {"a", "b"}
    assert "2 document(s) coded, 3 failed" in result.stderr


def test_cli_code_strict_fails_and_writes_nothing(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    result = CliRunner().invoke(app, ["code", str(corpus), "-o", str(out), "--strict"])
    assert result.exit_code == 1
    assert f"{corpus}:2" in result.stderr
    assert not out.exists() and list(tmp_path.glob("*.part")) == []


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_cli_code_flat_formats_carry_the_contract(tmp_path: Path, fmt: str) -> None:
    source = tmp_path / "news.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n", encoding="utf-8")
    out = tmp_path / f"events.{fmt}"
    result = CliRunner().invoke(app, ["code", str(source), "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    if fmt == "csv":
        with out.open(encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
    else:
        rows = pq.read_table(out).to_pylist()
    assert {(r["source_code"], r["cameo"]) for r in rows} >= {("EGY", "111"), ("JOR", "070")}


def test_cli_code_reads_stdin() -> None:
    stdin = json.dumps(RECORDS[1]) + "\n"
    result = CliRunner().invoke(app, ["code", "-"], input=stdin)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout.splitlines()[0])["doc_id"] == "b"


def test_cli_code_needs_some_input() -> None:
    result = CliRunner().invoke(app, ["code"])
    assert result.exit_code == 2
    assert "--text" in result.output


def _event(source: str, target: str | None, cameo: str, negated: bool = False) -> Event:
    actor = Actor(text=source, code=source)
    return Event(
        event_id="x", doc_id="d", sentence_index=0, sentence="", sentence_span=(0, 0),
        source=actor, target=Actor(text=target, code=target) if target else None,
        cameo=cameo, cameo_root=cameo[:2], cameo_name="", plover=None, plover_mode=None,
        quad_class=1, goldstein=0.0, negated=negated, modality="asserted", speaker=None,
        reported_by=None, date=None, date_basis="publication", location=None, killed=None,
        injured=None, arrested=None, trigger=Trigger("x", 0, 1), confidence=1.0,
    )  # fmt: skip


def test_evaluation_scores_country_dyads_and_skips_negated() -> None:
    report = Report()
    gold = [
        {"source": "USAGOV", "target": "IRQ", "code": "195"},
        {"source": "---REB", "target": "SYR", "code": "190"},
    ]
    events = [
        _event("USAMIL", "IRQ", "190"),
        _event("FRA", None, "111"),
        _event("RUS", "UKR", "190", True),
    ]
    score_record(report, "d", gold, events)
    root, code = report.scores["root"], report.scores["code"]
    assert (root.true_positives, root.false_positives, root.false_negatives) == (1, 1, 1)
    assert (code.true_positives, code.false_positives, code.false_negatives) == (0, 2, 2)


def test_cli_eval_meets_the_bar_on_the_dev_set() -> None:
    gold = SHARED / "dev" / "petr2_gsr_dev.jsonl"
    if not gold.exists():
        pytest.skip(f"the dev gold set is not here ({gold}): this clone has no ../shared")
    result = CliRunner().invoke(app, ["eval", str(gold), "--no-errors"])
    assert result.exit_code == 0, result.output
    line = next(row for row in result.stdout.splitlines() if "(a) country dyad" in row)
    f1 = float(line.split("│")[4])
    assert f1 >= 0.60, line
