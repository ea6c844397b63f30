"""`eventwire actors lookup` / `resolve` and the batch resolver behind them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from eventwire.actors.lookup import load_resolver, read_line, resolve_lines, resolve_mention
from eventwire.cli.actors import register
from eventwire.settings import DEFAULT_MODEL

pytestmark = pytest.mark.model

RESOLVE_KEYS = ["id", "code", "country", "sector", "group", "name", "reason"]


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    app = typer.Typer()
    register(app)
    return app


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="module")
def loaded(nlp):
    return load_resolver(DEFAULT_MODEL)


def test_actors_lookup_shows_code_and_reason(app, runner) -> None:
    result = runner.invoke(app, ["actors", "lookup", "the Kremlin", "--date", "2024-01-01"])
    assert result.exit_code == 0, result.output
    assert "RUSGOV" in result.output
    assert "seat of Russia" in result.output


def test_actors_lookup_json_follows_the_date(app, runner) -> None:
    answers = {}
    for day in ("2022-06-01", "2025-01-01"):
        result = runner.invoke(app, ["actors", "lookup", "Ebrahim Raisi", "--date", day, "--json"])
        assert result.exit_code == 0, result.output
        answers[day] = json.loads(result.output)
    assert answers["2022-06-01"]["code"] == "IRNGOV"
    assert answers["2025-01-01"]["code"] == "IRNELI"
    assert "out of office" in answers["2025-01-01"]["reason"]


def test_actors_lookup_reads_the_context(app, runner) -> None:
    context = "Arman Petrosyan, Armenia's envoy to Paris, spoke to reporters."
    args = ["actors", "lookup", "Arman Petrosyan", "--context", context, "--json"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["code"] == "ARMGOV"


def test_actors_lookup_reports_outlets_without_a_code(app, runner) -> None:
    result = runner.invoke(app, ["actors", "lookup", "TASS", "--json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert record["kind"] == "outlet" and record["code"] is None and record["name"] == "TASS"
    assert record["reason"].startswith("outlet")


def test_actors_lookup_unknown_name_is_not_an_error(app, runner) -> None:
    result = runner.invoke(app, ["actors", "lookup", "Qwxyz Plorg", "--json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert record["code"] is None and "no actor found" in record["reason"]


def test_actors_lookup_bad_date_fails(app, runner) -> None:
    result = runner.invoke(app, ["actors", "lookup", "Iran", "--date", "01/02/2024"])
    assert result.exit_code == 1
    assert "YYYY-MM-DD" in result.output


def test_actors_resolve_file_with_a_bad_line(app, runner, tmp_path: Path) -> None:
    lines = [
        '{"id": "a", "text": "Hezbollah"}',
        "{not json",
        '{"id": "c", "text": "Taliban", "date": "2019-05-01"}',
        '{"id": "d", "text": "Taliban", "date": "2022-05-01"}',
        '{"id": "e", "text": "soldiers"}',
        '{"id": "f", "text": "Qwxyz"}',
        '{"id": "g", "text": "Iran", "date": "yesterday"}',
        '{"id": "h"}',
        "",
        "[1, 2]",
    ]
    path = tmp_path / "mentions.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["actors", "resolve", str(path)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert all(list(r) == RESOLVE_KEYS for r in records)
    by_id = {r["id"]: r for r in records if r["id"] is not None}
    assert [r["code"] for r in records] == [
        "LBNREB",
        None,
        "AFGREB",
        "AFGGOV",
        "---MIL",
        None,
        None,
        None,
        None,
    ]
    assert "line 2: not JSON" in records[1]["reason"]
    assert "no actor found" in by_id["f"]["reason"]
    assert "line 7" in by_id["g"]["reason"] and "YYYY-MM-DD" in by_id["g"]["reason"]
    assert "`text`" in by_id["h"]["reason"]
    assert "line 10: expected a JSON object" in records[-1]["reason"]


def test_actors_resolve_reads_stdin(app, runner) -> None:
    stdin = '{"id": 1, "text": "the White House"}\n{"id": 2, "text": "Mossad"}\n'
    result = runner.invoke(app, ["actors", "resolve", "-"], input=stdin)
    assert result.exit_code == 0, result.output
    codes = [json.loads(line)["code"] for line in result.output.splitlines()]
    assert codes == ["USAGOV", "ISRSPY"]


def test_actors_resolve_missing_file_fails(app, runner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["actors", "resolve", str(tmp_path / "absent.jsonl")])
    assert result.exit_code == 1
    assert "no such file" in result.output


def test_actors_cli_merges_user_files(app, runner, tmp_path: Path) -> None:
    mine = tmp_path / "team.yaml"
    mine.write_text(
        "- {id: zorlak-voss, kind: person, name: Zorlak Voss, aliases: [Voss],\n"
        "   roles: [{country: MDA, sector: GOV, start: 2020-01-01}]}\n",
        encoding="utf-8",
    )
    args = ["actors", "lookup", "Zorlak Voss", "--date", "2024-01-01", "--json", "--actors"]
    result = runner.invoke(app, [*args, str(mine)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["code"] == "MDAGOV"


def test_actors_cli_reports_a_bad_user_file(app, runner, tmp_path: Path) -> None:
    bad = tmp_path / "team.yaml"
    bad.write_text("- {id: a, kind: person, name: A}\n- {id: b, name: B}\n", encoding="utf-8")
    result = runner.invoke(app, ["actors", "lookup", "Iran", "--actors", str(bad)])
    assert result.exit_code == 1
    assert f"{bad}:2" in result.output


def test_actors_resolve_lines_keeps_order_across_batches(loaded) -> None:
    resolver, nlp = loaded
    names = ["Iran", "Israel", "Hamas", "nonsense words"] * 5
    lines = [json.dumps({"id": i, "text": t}) for i, t in enumerate(names)]
    records = list(resolve_lines(lines, resolver=resolver, nlp=nlp, batch_size=3))
    assert [r["id"] for r in records] == list(range(len(names)))
    assert [r["code"] for r in records[:4]] == ["IRN", "ISR", "PSEREB", None]


def test_actors_read_line_rejects_a_non_string_context() -> None:
    found = read_line('{"id": 1, "text": "Iran", "context": 5}', 4)
    assert not hasattr(found, "text") and "line 4" in found.problem


def test_actors_resolve_mention_lets_the_date_decide_first(loaded) -> None:
    resolver, nlp = loaded

    def code(day: str, context: str) -> str | None:
        actor = resolve_mention("KGB", date=day, context=context, resolver=resolver, nlp=nlp)
        return actor.code if actor else None

    # Only Belarus's KGB kept the name after 1991: Russia in the context does not matter.
    assert code("1995-01-01", "Russia said the KGB arrested an activist.") == "BLRSPY"
    assert code("1985-01-01", "The KGB arrested an activist in Minsk, Belarus.") == "RUSSPY"


def test_actors_resolve_mention_says_why_it_chose(loaded) -> None:
    resolver, nlp = loaded
    context = "In Darfur, Sudan, JEM rebels attacked an army post."
    actor = resolve_mention("JEM", date="2010-01-01", context=context, resolver=resolver, nlp=nlp)
    assert actor is not None and actor.code == "SDNREB"
    assert "ambiguous name" in (actor.reason or "") and "SDN" in (actor.reason or "")


def test_actors_resolve_mention_names_the_coordinated_part(loaded) -> None:
    resolver, nlp = loaded
    actor = resolve_mention("Russia and Iran", date=None, context=None, resolver=resolver, nlp=nlp)
    assert actor is not None and actor.code == "RUS"
    assert "first of 2 coordinated actors" in (actor.reason or "")
