"""The CLI defects of issue 10: each one a one-line error, the right exit status, no traceback."""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from conftest import SHARED
from eventwire.cli import app
from eventwire.errors import StoreError
from eventwire.output import atomic_file
from eventwire.store import Store, ingest
from test_store_support import fake_code, write_jsonl

REPORTS = [
    {"id": "a", "text": "Israel struck Iran in Tehran.", "date": "2025-06-13", "source": "A"},
    {"id": "b", "text": "Iran met Russia in Moscow.", "date": "2025-01-17", "source": "B"},
]
README = Path(__file__).resolve().parents[1] / "README.md"


def run(*args: str) -> Result:
    result = CliRunner().invoke(app, list(args))
    assert "Traceback" not in result.output
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit
    ), repr(result.exception)
    return result


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "events.duckdb"
    with Store.open(path) as store:
        ingest([write_jsonl(tmp_path / "r.jsonl", REPORTS)], store=store, code=fake_code)
    return str(path)


@pytest.fixture
def fake_coder(monkeypatch: pytest.MonkeyPatch) -> None:
    """`ingest` codes with the fake coder of the store tests (no spaCy)."""
    monkeypatch.setattr("eventwire.store.pipeline._real_coder", lambda settings: fake_code)


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["code", "--text", "x", "--batch-size", "0"], "--batch-size"),
        (["code", "--text", "x", "--batch-size", "-5"], "--batch-size"),
        (["code", "--text", "x", "--min-confidence", "2"], "--min-confidence"),
        (["code", "--text", "x", "--min-confidence", "-0.1"], "--min-confidence"),
        (["code", "--text", "x", "--date", "2025-13-01"], "--date"),
        (["code", "--text", "x", "--date", "yesterday"], "--date"),
        (["code", "f.jsonl", "--text", "x"], "--text"),
        (["code", "--text", "x", "--format", "xml"], "--format"),
        (["ingest", "f.jsonl", "--date", "2025-02-30"], "--date"),
        (["ingest", "f.jsonl", "--batch-size", "0"], "--batch-size"),
        (["ingest", "f.jsonl", "--min-confidence", "1.5"], "--min-confidence"),
        (["ingest", "f.jsonl", "--dedup-window-days", "-1"], "--dedup-window-days"),
    ],
)
def test_cli_hardening_bad_options_name_the_option(args: list[str], option: str) -> None:
    result = run(*args)
    assert result.exit_code == 2 and option in result.output, result.output


def test_cli_hardening_version() -> None:
    result = run("--version")
    assert result.exit_code == 0 and re.fullmatch(r"eventwire \d+\.\d+\.\d+\S*\n", result.output)


def test_cli_hardening_ingest_has_the_coding_options() -> None:
    result = run("ingest", "--help")
    for option in ("--actors", "--model", "--require-target", "--strict", "--min-confidence"):
        assert option in result.output


def test_cli_hardening_export_into_missing_folder(db: str, tmp_path: Path) -> None:
    target = tmp_path / "nope" / "events.csv"
    result = run("export", "--db", db, "--format", "csv", "-o", str(target))
    assert (
        result.exit_code == 1 and "cannot write" in result.output and str(target) in result.output
    )


def test_cli_hardening_dash_is_stdout(
    db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("export", "--db", db, "--format", "jsonl", "-o", "-")
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 2
    result = run("events", "--db", db, "--format", "csv", "-o", "-")
    assert result.exit_code == 0 and result.stdout.startswith("event_id,")
    assert not (tmp_path / "-").exists()
    result = run("export", "--db", db, "--format", "parquet", "-o", "-")
    assert result.exit_code == 2 and "parquet needs a file" in result.output


@pytest.mark.parametrize("command", ["export", "events"])
def test_cli_hardening_exports_are_whole_or_nothing(
    db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    def breaks_midway(store: Any, where: Any = None) -> Iterator[dict[str, Any]]:
        from eventwire.store.query import select_events

        yield next(iter(select_events(store)))
        raise StoreError("the store went away")

    monkeypatch.setattr("eventwire.cli.store.select_events", breaks_midway)
    target = tmp_path / "out.jsonl"
    target.write_text("the previous export\n")
    result = run(command, "--db", db, "--format", "jsonl", "-o", str(target))
    assert result.exit_code == 1 and "the store went away" in result.output
    assert target.read_text() == "the previous export\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == []


def test_cli_hardening_output_files_get_the_usual_mode(db: str, tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        with atomic_file(tmp_path / "a.jsonl") as handle:
            handle.write("{}\n")
        run("export", "--db", db, "--format", "gdelt", "-o", str(tmp_path / "b.tsv"))
    finally:
        os.umask(previous)
    for name in ("a.jsonl", "b.tsv"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o644


@pytest.mark.parametrize(
    ("actor", "count"), [("%", 0), ("_", 0), ("IS%", 0), ("ISR", 1), ("IR", 2)]
)
def test_cli_hardening_actor_is_no_wildcard(db: str, actor: str, count: int) -> None:
    result = run("events", "--db", db, "--format", "jsonl", "--actor", actor)
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == count


def test_cli_hardening_ingest_exit_status_and_strict(tmp_path: Path, fake_coder: None) -> None:
    db = str(tmp_path / "s.duckdb")
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps(REPORTS[0]) + "\n{broken\n" + json.dumps(REPORTS[1]) + "\n")
    result = run("ingest", "--db", db, str(path))
    assert result.exit_code == 3, result.output
    assert "3 read: 2 coded, 0 skipped, 1 failed, 0 already stored" in result.stdout
    result = run("ingest", "--db", db, "--strict", str(path))
    assert result.exit_code == 1 and f"{path}:2" in result.output and "--strict" in result.output
    good = write_jsonl(tmp_path / "good.jsonl", REPORTS)
    result = run("ingest", "--db", db, str(good), "--require-target", "--batch-size", "8")
    assert result.exit_code == 0 and "2 already stored" in result.stdout


def test_cli_hardening_utf16_text_file(tmp_path: Path, fake_coder: None) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes("Iran met Russia in Moscow.\n".encode("utf-16"))
    result = run("ingest", "--db", str(tmp_path / "u.duckdb"), "--date", "2025-01-02", str(path))
    assert result.exit_code == 0 and "1 read: 1 coded" in result.stdout, result.output


@pytest.mark.model
def test_cli_hardening_code_isolates_failures(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text(
        json.dumps({"id": "a", "text": "Iran met Russia in Moscow.", "date": "2025-01-02"})
        + "\n"
        + json.dumps({"id": "b", "text": "x" * 300_000})
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "events.jsonl"
    result = run("code", str(path), str(tmp_path / "nope.jsonl"), "-o", str(out))
    assert result.exit_code == 3, result.output
    assert "split it into several documents" in result.stderr and "nope.jsonl" in result.stderr
    assert "1 document(s) coded, 2 failed" in result.stderr
    assert {json.loads(line)["doc_id"] for line in out.read_text().splitlines()} == {"a"}
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~_umask()
    result = run("code", str(tmp_path / "nope.jsonl"))
    assert result.exit_code == 3 and "no such file" in result.stderr


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@pytest.mark.model
def test_cli_hardening_readme_ingest_figures_are_current(tmp_path: Path) -> None:
    """The sample run's summary line in the README is what `ingest` prints today."""
    shown = re.search(
        r"\$ \.venv/bin/eventwire ingest samples/news\.jsonl\n(.+)\n", README.read_text()
    )
    assert shown, "the README shows no ingest of samples/news.jsonl"
    sample = README.parent / "samples" / "news.jsonl"
    result = run("ingest", "--db", str(tmp_path / "readme.duckdb"), str(sample))
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == shown.group(1), "update the README from the real output"


@pytest.mark.model
def test_cli_hardening_readme_eval_table_is_current() -> None:
    """The README's precision/recall table is what `eventwire eval` gives on the dev set."""
    gold = SHARED / "dev" / "petr2_gsr_dev.jsonl"
    if not gold.exists():
        pytest.skip(f"no development set at {gold}")
    from eventwire.evaluation import LEVELS, evaluate

    report = evaluate(gold)
    rows = re.findall(
        r"^\| \((a|b|c)\) .*? \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \|$", README.read_text(), re.M
    )
    shown = [tuple(float(v) for v in row[1:]) for row in rows]
    scores = [report.scores[level] for level in LEVELS]
    actual = [(round(s.precision, 3), round(s.recall, 3), round(s.f1, 3)) for s in scores]
    assert shown == actual, "update the README table from `eventwire eval`"
