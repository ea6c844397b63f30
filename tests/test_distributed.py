"""Coding on Dask gives exactly the events of one process, in the same order, even when a
worker dies mid-run. One local cluster of two worker processes serves every test."""

from __future__ import annotations

import json
import logging
import os
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from eventwire import distributed
from eventwire.cli import app
from eventwire.distributed import DaskCoder
from eventwire.errors import ClusterError
from eventwire.ingest import read_documents
from eventwire.models import Document
from eventwire.pipeline import CodedDocument, code_documents
from eventwire.settings import Settings

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "news.jsonl"

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """The address of a local cluster of two single-threaded worker processes."""
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address="127.0.0.1:0",
        silence_logs=logging.ERROR,
    ) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def documents() -> list[Document]:
    return [d for d in read_documents([SAMPLE]) if isinstance(d, Document)]


def flat(coded: list[CodedDocument]) -> list[tuple[str, list[dict[str, Any]]]]:
    """Each document's id with its events as the contract's records, in order."""
    return [(c.document.id, [e.to_dict() for e in c.events]) for c in coded]


@pytest.fixture(scope="module")
def single(documents: list[Document]) -> list[tuple[str, list[dict[str, Any]]]]:
    """What one process codes from the sample corpus."""
    return flat(list(code_documents(documents)))


def test_distributed_run_matches_one_process(
    scheduler: str, documents: list[Document], single: list[Any]
) -> None:
    with DaskCoder(scheduler=scheduler, partition_size=3) as coder:
        coded = flat(list(coder(documents)))
    assert coded == single
    assert sum(len(events) for _, events in coded) > 100


def test_distributed_worker_killed_mid_run_loses_and_repeats_nothing(
    scheduler: str, documents: list[Document], single: list[Any]
) -> None:
    coded: list[CodedDocument] = []
    killed = None
    with DaskCoder(scheduler=scheduler, partition_size=2) as coder:
        for item in coder(documents):
            coded.append(item)
            if killed is None:
                killed = kill_busy_worker(coder)
    assert killed is not None, "no worker was busy to kill"
    assert flat(coded) == single


def kill_busy_worker(coder: DaskCoder) -> str | None:
    """SIGKILL a worker process that holds tasks (its nanny starts a new one)."""
    busy = [address for address, tasks in coder.client.processing().items() if tasks]
    if not busy:
        return None
    pids = coder.client.run(os.getpid, workers=busy[:1])
    os.kill(pids[busy[0]], signal.SIGKILL)
    return busy[0]


def test_cli_code_and_ingest_on_a_scheduler_match_one_process(
    scheduler: str, single: list[Any], tmp_path: Path
) -> None:
    runner = CliRunner()
    out = tmp_path / "events.jsonl"
    result = runner.invoke(app, ["code", str(SAMPLE), "--scheduler", scheduler, "-o", str(out)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert lines == [event for _, events in single for event in events]

    exports = []
    for options in ([], ["--scheduler", scheduler]):
        db = tmp_path / f"store{len(options)}.duckdb"
        result = runner.invoke(app, ["ingest", str(SAMPLE), "--db", str(db), *options])
        assert result.exit_code == 0, result.output
        export = tmp_path / f"export{len(options)}.jsonl"
        result = runner.invoke(
            app, ["export", "--format", "jsonl", "-o", str(export), "--db", str(db)]
        )
        assert result.exit_code == 0, result.output
        exports.append(export.read_text(encoding="utf-8"))
    assert exports[0] == exports[1] and exports[0]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({}, "either --workers"),
        ({"workers": 2, "scheduler": "tcp://127.0.0.1:1"}, "either --workers"),
        ({"workers": 0}, "1 or more"),
        ({"workers": 1, "partition_size": 0}, "1 or more"),
    ],
)
def test_distributed_options_are_checked(options: dict[str, Any], message: str) -> None:
    with pytest.raises(ClusterError, match=message):
        DaskCoder(**options)


def test_distributed_partition_names_the_document_that_failed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def code(documents: list[Document], settings: object) -> Iterator[CodedDocument]:
        for document in documents:
            if "poison" in document.text:
                raise ValueError("cannot parse")
            yield CodedDocument(document, [])

    monkeypatch.setattr(distributed, "code_documents", code)
    documents = [Document(id=name, text=name) for name in ("a", "poison", "c")]
    coded, failure = distributed.code_partition(documents, Settings())
    assert [c.document.id for c in coded] == ["a"]
    assert failure == "document 'poison': ValueError: cannot parse"


def test_distributed_partition_that_kills_every_worker_is_a_cluster_error() -> None:
    from distributed import KilledWorker

    class Dead:
        def result(self) -> None:
            raise KilledWorker("partition", None, 3)  # type: ignore[arg-type]

    with pytest.raises(ClusterError, match="killed 4 workers"):
        distributed._result(Dead())  # type: ignore[arg-type]


def test_distributed_local_workers_keep_glibc_trimming(monkeypatch: pytest.MonkeyPatch) -> None:
    """Dask's MALLOC_TRIM_THRESHOLD_ made each document cost 10-20% more CPU; a cluster
    that ran before in this process may have left it in the environment."""
    monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_", raising=False)
    with DaskCoder(workers=1) as coder:
        found = coder.client.run(os.environ.get, "MALLOC_TRIM_THRESHOLD_")
    assert list(found.values()) == [None]
