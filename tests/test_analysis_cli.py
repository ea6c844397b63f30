"""The analysis commands (brief, dyads, network) and serve's token rules, over the small
hand-built store of tests/test_analysis_support.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from test_analysis_support import build_store

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(build_store(tmp_path_factory.mktemp("cli") / "small.duckdb"))


def run(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_analysis_cli_brief_markdown(db: str) -> None:
    out = run("brief", "RUS", "IRN", "--db", db)
    assert out.startswith("# Russia and Iran: relation brief")
    assert "[NEGATED]" in out and "Israel (ISR)" in out


def test_analysis_cli_brief_html(db: str, tmp_path: Path) -> None:
    target = tmp_path / "brief.html"
    run("brief", "RUS", "IRN", "--db", db, "--since", "2025-01-01", "--html", str(target))
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page and "src=" not in page


@pytest.mark.parametrize(
    ("args", "lines"),
    [
        (["RUS", "IRN"], ["a,b,period,events", "RUS,IRN,2025-01-01,3,5,2,1,0,0,3,0,5.333"]),
        (
            ["RUS", "IRN", "--directed", "--interval", "week"],
            ["a,b", "RUS,IRN,2025-01-06,1,2", "RUS,IRN,2025-01-20,1,2"],
        ),
        ([], ["a,b", "IRN,ISR,2025-02-01,2", "IRN,RUS,2025-01-01,3", "IRN,USA", "ISR,LBN"]),
    ],
)
def test_analysis_cli_dyads(db: str, args: list[str], lines: list[str]) -> None:
    out = run("dyads", *args, "--db", db).splitlines()
    assert len(out) == len(lines)
    assert all(line.startswith(prefix) for line, prefix in zip(out, lines, strict=True))


def test_analysis_cli_dyads_jsonl(db: str) -> None:
    rows = [
        json.loads(line)
        for line in run("dyads", "ISR", "--format", "jsonl", "--db", db).splitlines()
    ]
    assert rows == [
        {"a": "ISR", "b": "*", "period": "2025-02-01", "events": 3, "mentions": 3, "quad1": 0,
         "quad2": 0, "quad3": 1, "quad4": 2, "cooperation": 0, "conflict": 3,
         "goldstein": -7.333},
    ]  # fmt: skip


def test_analysis_cli_network(db: str, tmp_path: Path) -> None:
    data = json.loads(run("network", "--db", db, "--min-events", "2"))
    assert [n["id"] for n in data["nodes"]] == ["IRN", "RUS", "ISR"]
    assert data["edges"][0] == {
        "source": "IRN", "target": "RUS", "cooperation": 3, "conflict": 0, "events": 3,
        "goldstein": 5.333,
    }  # fmt: skip
    target = tmp_path / "net.graphml"
    run("network", "--db", db, "--format", "graphml", "--level", "group", "-o", str(target))
    assert '<node id="hezbollah">' in target.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["dyads", "--interval", "year"], "use one of day, week, month"),
        (["network", "--level", "city"], "use one of country, sector, group"),
        (["network", "--format", "dot"], "use one of json, graphml"),
        (["brief", "RUS", "IRN", "--since", "yesterday"], "is not a date"),
        (["brief", "RUS", "IRN", "--db", "/nonexistent/x.duckdb"], "no store at"),
    ],
)
def test_analysis_cli_errors(db: str, args: list[str], message: str) -> None:
    full = args if "--db" in args else [*args, "--db", db]
    result = runner.invoke(app, full)
    assert result.exit_code != 0
    assert message in result.output


@pytest.mark.parametrize(
    ("env", "token_file", "message"),
    [
        ({}, None, "needs a token of 16 characters"),
        ({"EVENTWIRE_API_TOKEN": "short"}, None, "needs a token of 16 characters"),
        ({}, "missing.txt", "cannot read the token file"),
    ],
)
def test_analysis_cli_serve_refuses_writes_without_token(
    db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, env, token_file, message
) -> None:
    monkeypatch.delenv("EVENTWIRE_API_TOKEN", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    args = ["serve", "--db", db, "--allow-writes"]
    if token_file:
        args += ["--token-file", str(tmp_path / token_file)]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert message in result.output
