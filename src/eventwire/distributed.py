"""Coding on a Dask cluster: several processes of one machine, or a cluster of machines.

`DaskCoder` is a coder like `pipeline.code_documents` (documents in, coded documents out,
in input order) that runs the coding on Dask workers:

    with DaskCoder(settings, workers=4) as coder:            # a local cluster of 4 processes
        for coded in coder(documents): ...
    with DaskCoder(settings, scheduler="tcp://10.0.0.5:8786") as coder:   # an existing one
        ingest(paths, store=store, code=coder)

The input streams: it is cut into partitions of `partition_size` documents, and at most
`IN_FLIGHT_PER_WORKER` partitions per worker are in the cluster at a time, so memory is
bounded whatever the corpus size. Each worker loads the pipeline once (`build_coder` is
cached per process) and codes whole partitions. Results come back to this process, which
alone writes them, in input order: a partition whose worker dies is run again by Dask on
another worker, and since only its returned result is ever used, no document is lost or
written twice. A worker on another machine must have eventwire, the same spaCy model, and
the user's actor files at the same paths.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import partial
from itertools import islice
from types import TracebackType
from typing import TYPE_CHECKING, Any

from eventwire.errors import ClusterError
from eventwire.models import Document
from eventwire.pipeline import CodedDocument, code_documents
from eventwire.settings import Settings

if TYPE_CHECKING:
    from distributed import Client, Future

Coder = Callable[[Iterable[Document]], Iterator[CodedDocument]]
PARTITION_SIZE = 64
"""Documents per Dask task: large enough that scheduling costs nothing next to coding,
small enough that a dead worker's partition is quickly redone."""
LOCAL_WORKERS = {
    "distributed.worker.profile.enabled": False,
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
}
"""Local workers skip Dask's statistical profiler, which samples every thread 100 times a
second (CPU taken from coding on a busy laptop), and keep glibc's own memory trimming:
Dask's default, `MALLOC_TRIM_THRESHOLD_=65536`, hands memory back to the system after
every parse and made each document cost 20% more CPU. A cluster started by hand (`dask
worker`) can be told the same in its Dask configuration."""
CONNECT_TIMEOUT_S = 30
IN_FLIGHT_PER_WORKER = 2
"""Partitions queued per worker: one coding, one waiting, so no worker ever idles."""


def code_partition(
    documents: list[Document], settings: Settings
) -> tuple[list[CodedDocument], str | None]:
    """Code one partition on a worker: the coded documents, in order, up to the first that
    fails, and that failure's description (None when all were coded)."""
    try:
        return list(code_documents(documents, settings=settings)), None
    except Exception:  # find the culprit: code the documents one at a time
        coded: list[CodedDocument] = []
        for document in documents:
            try:
                coded.extend(code_documents([document], settings=settings))
            except Exception as error:
                return coded, f"document {document.id!r}: {type(error).__name__}: {error}"
        return coded, None


class DaskCoder:
    """Codes documents on a Dask cluster; a context manager that owns the connection (and
    the local cluster when `workers` is given)."""

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        workers: int | None = None,
        scheduler: str | None = None,
        partition_size: int = PARTITION_SIZE,
    ) -> None:
        if (workers is None) == (scheduler is None):
            raise ClusterError("give either --workers N (a local cluster) or --scheduler URL")
        if workers is not None and workers < 1:
            raise ClusterError(f"--workers must be 1 or more, not {workers}")
        if partition_size < 1:
            raise ClusterError(f"partition_size must be 1 or more, not {partition_size}")
        self.settings = settings or Settings()
        self.workers = workers
        self.scheduler = scheduler
        self.partition_size = partition_size
        self._client: Client | None = None
        self._cluster: Any = None

    def __enter__(self) -> DaskCoder:
        import dask
        from distributed import Client, LocalCluster

        if self.scheduler is not None:
            try:
                self._client = Client(self.scheduler, timeout=CONNECT_TIMEOUT_S)
            except (OSError, ValueError) as error:
                raise ClusterError(
                    f"cannot reach the Dask scheduler {self.scheduler!r}: {error}"
                ) from error
            return self
        with dask.config.set(LOCAL_WORKERS):
            self._cluster = LocalCluster(
                n_workers=self.workers,
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address="127.0.0.1:0",
                silence_logs=logging.ERROR,
            )
        self._client = Client(self._cluster)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._client is not None:
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()
        self._client = self._cluster = None

    @property
    def client(self) -> Client:
        if self._client is None:
            raise RuntimeError("use DaskCoder in a `with` block")
        return self._client

    def worker_count(self) -> int:
        """Workers connected now (at least one, so that work is queued while they start)."""
        return max(1, len(self.client.scheduler_info(n_workers=-1)["workers"]))

    def __call__(self, documents: Iterable[Document]) -> Iterator[CodedDocument]:
        """Code `documents` on the cluster, yielding them in input order."""
        parts = _partitions(documents, self.partition_size)
        queued: deque[Future] = deque()
        try:
            self._fill(queued, parts)
            while queued:
                coded, failure = _result(queued.popleft())
                self._fill(queued, parts)
                yield from coded
                if failure is not None:
                    raise ClusterError(f"coding failed on a worker: {failure}")
        finally:
            self.client.cancel(list(queued))

    def _fill(self, queued: deque[Future], parts: Iterator[list[Document]]) -> None:
        """Queue partitions until every worker has IN_FLIGHT_PER_WORKER of them."""
        wanted = IN_FLIGHT_PER_WORKER * self.worker_count()
        while len(queued) < wanted and (part := next(parts, None)) is not None:
            queued.append(self.client.submit(code_partition, part, self.settings, pure=False))


def _result(future: Future) -> tuple[list[CodedDocument], str | None]:
    """A partition's result; a partition that killed every worker it ran on is an error."""
    from distributed import KilledWorker

    try:
        return future.result()  # type: ignore[no-any-return]
    except KilledWorker as error:
        raise ClusterError(
            f"a partition of documents killed {error.allowed_failures + 1} workers, each that "
            "tried to code it (out of memory?): see the workers' logs"
        ) from error


@contextmanager
def open_coder(
    settings: Settings, *, workers: int | None = None, scheduler: str | None = None
) -> Iterator[Coder]:
    """The coder a run asked for: this process alone, or a Dask cluster (`DaskCoder`)."""
    if workers is None and scheduler is None:
        yield partial(code_documents, settings=settings)
        return
    with DaskCoder(settings, workers=workers, scheduler=scheduler) as coder:
        yield coder


def _partitions(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(documents)
    while part := list(islice(iterator, size)):
        yield part
