"""Over 200 broken inputs through `eventwire code` and `eventwire ingest`, as a user runs them.

Each run is a subprocess under a timeout: no traceback, no hang, every input record counted
in the run's report, exit status 3 (finished, some records failed), and no file's secrets
read through an XML entity. `ingest` runs on DuckDB and on PostgreSQL (when
EVENTWIRE_TEST_POSTGRES_URL is set), twice: the second run retries only the failures.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from broken_corpus import SECRET, build
from eventwire.store import Store
from test_store_support import postgres_url, reset_postgres

pytestmark = pytest.mark.model
RUN_TIMEOUT_S = 600
SUMMARY = re.compile(r"(\d+) read: (\d+) coded, (\d+) skipped, (\d+) failed, (\d+) already stored")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    folder = tmp_path_factory.mktemp("broken")
    return folder, build(folder)


def eventwire(*args: str) -> subprocess.CompletedProcess[str]:
    """The CLI in a child process, with nothing on stdin and a time limit."""
    command = [sys.executable, "-c", "from eventwire.cli import main; main()", *args]
    result = subprocess.run(
        command, capture_output=True, text=True, timeout=RUN_TIMEOUT_S, stdin=subprocess.DEVNULL
    )
    assert "Traceback" not in result.stderr + result.stdout, result.stderr[-3000:]
    return result


def test_broken_corpus_is_large(corpus: tuple[Path, int]) -> None:
    assert corpus[1] >= 200


def test_broken_corpus_code(corpus: tuple[Path, int], tmp_path: Path) -> None:
    folder, expected = corpus
    out = tmp_path / "events.jsonl"
    result = eventwire("code", str(folder), "-o", str(out))
    assert result.returncode == 3, result.stderr[-3000:]
    counts = re.search(r"(\d+) document\(s\) coded, (\d+) failed", result.stderr)
    assert counts, result.stderr[-3000:]
    assert int(counts[1]) + int(counts[2]) == expected
    assert result.stderr.count("failed ") >= int(counts[2])
    assert "coder failed" not in result.stderr  # hostile text is refused or coded, never a crash
    assert SECRET not in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", ["duckdb", "postgresql"])
def test_broken_corpus_ingest(corpus: tuple[Path, int], tmp_path: Path, kind: str) -> None:
    folder, expected = corpus
    url = str(tmp_path / "broken.duckdb") if kind == "duckdb" else postgres_url()
    if url is None:
        pytest.skip("no PostgreSQL: set EVENTWIRE_TEST_POSTGRES_URL (scripts/start-postgres.sh)")
    if kind == "postgresql":
        reset_postgres(url)
    first = ingest_counts(url, folder)
    read, coded, skipped, failed, unchanged = first
    assert read == expected and coded + skipped + failed + unchanged == read
    with Store.open(url, read_only=True) as store:
        assert store.value("SELECT count(*) FROM documents") == read - unchanged
        assert store.value("SELECT count(*) FROM documents WHERE status = 'failed'") == failed
        leaked = store.value("SELECT count(*) FROM documents WHERE text LIKE ?", (f"%{SECRET}%",))
        assert leaked == 0
        crashed = store.rows("SELECT origin, reason FROM documents WHERE reason LIKE 'coder%'")
        assert crashed == []
        long_ones = "origin LIKE '%sentence-20000.txt:1' OR doc_id = 'text-10'"
        assert store.rows(f"SELECT status FROM documents WHERE {long_ones}") == [("coded",)] * 2
    assert ingest_counts(url, folder) == (read, 0, 0, failed, read - failed)


def ingest_counts(url: str, folder: Path) -> tuple[int, ...]:
    result = eventwire("ingest", "--db", url, str(folder))
    assert result.returncode == 3, result.stderr[-3000:]
    summary = SUMMARY.search(result.stdout)
    assert summary, result.stdout
    return tuple(int(n) for n in summary.groups())
