"""A run killed with SIGKILL halfway, then run again, ends with the rows of one clean run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from eventwire.store import Store, ingest
from test_store_support import fake_code, open_test_store, write_jsonl

TESTS = Path(__file__).resolve().parent
ACTORS = ["Iran", "Russia", "Israel", "Turkey", "Qatar"]
VERBS = ["met", "signed", "accused", "struck"]

CHILD = """
import sys, time
from test_store_support import fake_code
from eventwire.store import Store, ingest

def slow(documents):
    for coded in fake_code(documents):
        time.sleep(0.02)
        yield coded

with Store.open(sys.argv[1]) as store:
    ingest([sys.argv[2]], store=store, code=slow, batch_size=10,
           progress=lambda report: print(report.read, flush=True))
"""


def corpus(path: Path, size: int = 120) -> Path:
    records = []
    for n in range(size):
        a, b = ACTORS[n % 5], ACTORS[(n // 5 + 1 + n % 5) % 5]
        text = f"{a} {VERBS[n % 4]} {b}. {b} met {a} in Doha on day {n}."
        records.append({"id": f"r{n}", "text": text, "date": f"2025-03-{1 + n % 28:02d}",
                        "source": f"Outlet {n % 7}"})  # fmt: skip
    return write_jsonl(path, records)


def snapshot(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    queries = {
        "documents": "SELECT doc_key, content_hash, doc_id, source, date, origin, status, "
        "reason, num_events, text FROM documents ORDER BY doc_key",
        "events": "SELECT * FROM events ORDER BY event_id",
        "mentions": "SELECT * FROM mentions ORDER BY doc_key, mention_id",
        "actors": "SELECT * FROM actors ORDER BY actor_key",
    }
    return {name: store.rows(sql) for name, sql in queries.items()}


def kill_midway(db: str, path: Path, after_rows: int) -> None:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(TESTS), os.environ.get("PYTHONPATH", "")]),
    }
    child = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(CHILD), db, str(path)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert child.stdout is not None
    for line in child.stdout:
        if int(line) >= after_rows:
            break
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    child.stdout.close()
    assert child.returncode == -signal.SIGKILL, "the child finished before it could be killed"


@pytest.mark.parametrize("kind", ["duckdb", "postgresql"])
def test_store_resume_after_sigkill_matches_clean_run(kind: str, tmp_path: Path) -> None:
    path = corpus(tmp_path / "corpus.jsonl")
    with Store.open(tmp_path / "clean.duckdb") as clean:
        ingest([path], store=clean, code=fake_code, batch_size=10)
        expected = snapshot(clean)
    store = open_test_store(kind, tmp_path)
    url = store.url
    store.close()
    kill_midway(url, path, after_rows=40)
    with Store.open(url) as resumed:
        stored = resumed.value("SELECT count(*) FROM documents")
        assert 40 <= stored < 120, "the kill should leave part of the corpus stored"
        report = ingest([path], store=resumed, code=fake_code, batch_size=10)
        assert report.unchanged == stored
        assert snapshot(resumed) == expected
