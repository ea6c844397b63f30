"""People's SQL cannot write, read files, run programs, change settings or run forever.

Every attack of issue 10 is tried twice on each back end: through `read_only_sql` (it must be
refused with a clear message) and, where the statement checker would stop it first, straight
on the query connection (the connection itself must refuse it). The store and the file
system are compared before and after.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from eventwire.cli.store import register
from eventwire.errors import QueryError
from eventwire.store import Store, ingest, read_only_sql
from eventwire.store.connection import dialect_for, is_driver_error
from eventwire.store.readonly import one_reading_statement
from eventwire.store.statements import first_keyword, split_statements
from test_store_support import TABLES, fake_code, open_test_store, write_jsonl

RECORDS = [
    {"id": "a", "text": "Israel struck Iran in Tehran.", "date": "2025-06-13"},
    {"id": "b", "text": "Iran met Russia in Moscow.", "date": "2025-01-17"},
]

# (statement, words the refusal must contain); {fs} is a folder of the test's own
ATTACKS_BOTH = [
    ("", "empty"),
    ("   -- only a comment\n", "empty"),
    ("SELECT 1; SELECT 2", "one statement per query"),
    ("SELECT 1; DELETE FROM documents", "one statement per query"),
    ("DELETE FROM documents", "DELETE statement"),
    ("BEGIN READ WRITE; DELETE FROM documents; COMMIT", "one statement per query"),
    ("BEGIN READ WRITE", "read-only"),
    ("COPY documents TO '{fs}/copied.csv'", "COPY statement"),
    ("COPY documents FROM '{fs}/secret.txt'", "COPY statement"),
    ("SET threads = 1", "statement: only SELECT"),
    ("ATTACH '{fs}/other.duckdb' AS other", "statement: only SELECT"),
    ("CREATE TABLE extra (a INTEGER)", "statement: only SELECT"),
    ("DROP TABLE documents", "statement: only SELECT"),
]
ATTACKS_DUCKDB = [
    ("EXPORT DATABASE '{fs}/exported'", "statement: only SELECT"),
    ("INSTALL httpfs", "statement: only SELECT"),
    ("LOAD httpfs", "statement: only SELECT"),
    ("PRAGMA enable_profiling", "statement: only SELECT"),
    ("SELECT * FROM read_csv('{fs}/secret.txt')", "file system operations are disabled"),
    ("SELECT * FROM read_text('{fs}/secret.txt')", "file system operations are disabled"),
    ("SELECT * FROM read_blob('{fs}/secret.txt')", "file system operations are disabled"),
    ("SELECT * FROM glob('{fs}/*')", "file system operations are disabled"),
    ("SELECT * FROM '{fs}/secret.txt'", "does not exist"),
    ("FROM read_csv('/etc/passwd')", "file system operations are disabled"),
]
ATTACKS_POSTGRES = [
    ("COPY (SELECT 1) TO PROGRAM 'touch {fs}/pwned'", "COPY statement"),
    ("COPY documents FROM PROGRAM 'touch {fs}/pwned'", "COPY statement"),
    ("SELECT pg_read_file('/etc/passwd')", "permission denied"),
    ("SELECT pg_ls_dir('/')", "permission denied"),
    ("SELECT lo_import('/etc/passwd')", "permission denied"),
    ("SELECT set_config('role', 'postgres', false)", "permission denied"),
    ("WITH gone AS (DELETE FROM documents RETURNING 1) SELECT count(*) FROM gone", "read-only"),
    ("SELECT query_to_xml('DELETE FROM documents RETURNING 1', true, true, '')", "read-only"),
    ("SET statement_timeout = 0", "statement: only SELECT"),
    ("RESET ROLE", "statement: only SELECT"),
    ("SELECT 'a;b'; SELECT $$;$$", "one statement per query"),
    ("SELECT 1 /* ; */ ; /* ; */ SELECT 2", "one statement per query"),
]
# straight on the query connection, past the statement checker
RAW_DUCKDB = [
    "COPY documents TO '{fs}/copied.csv'",
    "EXPORT DATABASE '{fs}/exported'",
    "ATTACH '{fs}/other.duckdb' AS other",
    "INSTALL httpfs",
    "LOAD httpfs",
    "SET threads = 1",
    "SET enable_external_access = true",
    "RESET lock_configuration",
    "DELETE FROM documents",
]
RAW_POSTGRES = [
    "COPY (SELECT 1) TO PROGRAM 'touch {fs}/pwned'",
    "COPY documents TO '{fs}/copied.csv'",
    "DELETE FROM documents",
    "SET ROLE postgres",
    "CREATE TABLE extra (a INTEGER)",
]


@pytest.fixture(params=["duckdb", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    store = open_test_store(request.param, tmp_path)
    ingest([write_jsonl(tmp_path / "r.jsonl", RECORDS)], store=store, code=fake_code)
    store.close()
    return store.url


@pytest.fixture
def fs(tmp_path: Path) -> Path:
    folder = tmp_path / "fs"
    folder.mkdir()
    (folder / "secret.txt").write_text("a,b\n1,2\n", encoding="utf-8")
    folder.chmod(0o777)  # the PostgreSQL server (another user) could write here if let
    return folder


def checksums(url: str, *folders: Path) -> dict[str, str]:
    """A digest of every table's rows and of every file under `folders`."""
    sums: dict[str, str] = {}
    with Store.open(url, read_only=True) as store:
        for table in TABLES:
            rows = sorted(map(repr, store.rows(f"SELECT * FROM {table}")))
            sums[table] = hashlib.sha256("\n".join(rows).encode()).hexdigest()
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            data = path.read_bytes() if path.is_file() else b"<dir>"
            sums[str(path)] = hashlib.sha256(data).hexdigest()
    return sums


def attacks(kind: str) -> list[tuple[str, str]]:
    return ATTACKS_BOTH + (ATTACKS_DUCKDB if kind == "duckdb" else ATTACKS_POSTGRES)


def test_store_readonly_refuses_every_attack(url: str, fs: Path, tmp_path: Path) -> None:
    kind = dialect_for(url).name
    before = checksums(url, tmp_path)
    for statement, expected in attacks(kind):
        with pytest.raises(QueryError) as refused:
            read_only_sql(url, statement.format(fs=fs))
        assert expected in str(refused.value), (statement, str(refused.value))
    raw = RAW_DUCKDB if kind == "duckdb" else RAW_POSTGRES
    for statement in raw:
        assert raw_refusal(url, statement.format(fs=fs)), statement
    assert checksums(url, tmp_path) == before


def raw_refusal(url: str, statement: str) -> str:
    """The driver's error for `statement` run straight on a query connection ('' if it ran)."""
    dialect = dialect_for(url)
    connection = dialect.connect_for_queries(url, timeout_s=5)
    try:
        connection.execute(statement)
    except Exception as error:
        assert is_driver_error(error), error
        return str(error)
    finally:
        connection.close()
    return ""


def test_store_readonly_reader_role_cannot_write_even_read_write(url: str) -> None:
    if dialect_for(url).name != "postgresql":
        pytest.skip("PostgreSQL roles")
    import psycopg

    connection = dialect_for(url).connect_for_queries(url, timeout_s=5)
    connection.autocommit = True
    with connection, pytest.raises(psycopg.errors.InsufficientPrivilege):
        connection.execute("BEGIN READ WRITE")
        connection.execute("DELETE FROM documents")


def test_store_readonly_stops_long_queries(url: str) -> None:
    slow = {
        "duckdb": "SELECT count(*) FROM range(100000000000) a",
        "postgresql": "SELECT pg_sleep(30)",
    }[dialect_for(url).name]
    with pytest.raises(QueryError, match="past the time limit of 0.5 s"):
        read_only_sql(url, slow, timeout_s=0.5)


def test_store_readonly_answers_reading_queries(url: str) -> None:
    result = read_only_sql(url, "SELECT doc_id FROM documents ORDER BY doc_id -- the ids;")
    assert (result.columns, result.rows, result.truncated) == (["doc_id"], [("a",), ("b",)], False)
    result = read_only_sql(
        url, "WITH d AS (SELECT doc_id FROM documents) SELECT * FROM d", max_rows=1
    )
    assert (len(result.rows), result.truncated) == (1, True)
    assert read_only_sql(url, "SELECT '%s', '?;' AS q").rows == [("%s", "?;")]


@pytest.mark.parametrize(
    ("sql", "statements"),
    [
        ("SELECT 1", ["SELECT 1"]),
        ("SELECT 1;", ["SELECT 1"]),
        ("SELECT ';' ; SELECT 2", ["SELECT ';'", "SELECT 2"]),
        ("SELECT 'it''s;'", ["SELECT 'it''s;'"]),
        ("SELECT E'a\\';b'", ["SELECT E'a\\';b'"]),
        ('SELECT 1 AS "x;y"', ['SELECT 1 AS "x;y"']),
        ("SELECT $$a;b$$; SELECT $t$ $$;$$ $t$", ["SELECT $$a;b$$", "SELECT $t$ $$;$$ $t$"]),
        ("SELECT 1 -- a; b\n; SELECT 2", ["SELECT 1", "SELECT 2"]),
        ("SELECT /* a /* ; */ ; */ 1", ["SELECT   1"]),
        ("SELECT 'unterminated;", ["SELECT 'unterminated;"]),
        (";;", []),
    ],
)
def test_store_readonly_splits_statements(sql: str, statements: list[str]) -> None:
    assert split_statements(sql) == statements


@pytest.mark.parametrize(
    ("statement", "keyword"),
    [("select 1", "SELECT"), ("(SELECT 1)", "SELECT"), ("  with x as (select 1) ", "WITH"),
     ("COPY x TO 'y'", "COPY"), ("$$x$$", ""), ("", "")],
)  # fmt: skip
def test_store_readonly_first_keyword(statement: str, keyword: str) -> None:
    assert first_keyword(statement) == keyword


def test_store_readonly_duckdb_parser_errors_are_clear() -> None:
    with pytest.raises(QueryError, match="not valid SQL"):
        one_reading_statement("SELECT 'x", dialect="duckdb")


def cli() -> typer.Typer:
    app = typer.Typer()
    register(app)
    return app


@pytest.mark.parametrize(
    ("query", "message"),
    [("", "the query is empty"), ("DELETE FROM mentions", "read-only"),
     ("SELECT * FROM read_text('/etc/passwd')", "file system operations are disabled"),
     ("SELECT 1; SELECT 2", "one statement per query")],
)  # fmt: skip
def test_store_readonly_cli_refusals_are_one_line(url: str, query: str, message: str) -> None:
    if dialect_for(url).name == "postgresql" and "read_text" in query:
        pytest.skip("a DuckDB function")
    result = CliRunner().invoke(cli(), ["sql", "--db", url, query])
    assert result.exit_code == 1 and message in result.output, result.output
    assert "Traceback" not in result.output


def test_store_readonly_cli_formats(url: str) -> None:
    runner = CliRunner()
    query = "SELECT count(*) AS n FROM documents"
    result = runner.invoke(cli(), ["sql", "--db", url, "--format", "jsonl", query])
    assert result.exit_code == 0 and result.output == '{"n": 2}\n', result.output
    result = runner.invoke(cli(), ["sql", "--db", url, "--format", "xml", query])
    assert result.exit_code == 2 and "use table, csv, jsonl" in result.output
