"""Benchmark: how fast eventwire codes, against spaCy parsing alone, on one core and on many.

    .venv/bin/python scripts/bench_coder.py                      # everything, default sizes
    .venv/bin/python scripts/bench_coder.py --only parse,startup --sentences 2000
    .venv/bin/python scripts/bench_coder.py --profile 25         # cProfile's top functions

The corpus is generated from the bundled sample reports (`samples/news.jsonl`): documents of
one to three reports, in shuffled order, with shifted publication dates, so that sentences
are real news prose. One run reports, each part selectable with `--only`:

- parse:   sentences/s of spaCy parsing alone (same model, components and batch size as the
           coder) and of the full coder (parse and coding), side by side (best of three
           alternated rounds), and their ratio;
- memory:  peak RSS of each of `--workers` worker processes as one streamed run passes
           each of the `--memory-sentences` checkpoints (the corpus is never in memory);
- workers: seconds and CPU seconds for `--docs` documents in one process, then on
           `--workers` Dask processes (both warm), the speed-up, and whether the events match;
- startup: wall seconds of `eventwire code --text` on one sentence, a whole process, with
           the knowledge cache warm (best and median of five);
- length:  parse and coder milliseconds per sentence for one 100 KB document against one
           hundred 1 KB documents of the same text.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import json
import pstats
import random
import re
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from eventwire.models import Document
from eventwire.nlp import load_pipeline
from eventwire.pipeline import build_coder, code_documents
from eventwire.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
PARTS = ("parse", "memory", "workers", "startup", "length")
SENTENCE_END = re.compile(r"[.!?][\"')\u201d]?\s")
ROUNDS = 3
"""Parse and coder runs alternate this many times and the best of each counts: the slower
rounds measure the machine's other work."""
STARTUP_TEXT = "Russia and Iran signed a strategic partnership treaty in Moscow on Friday."


def sample_reports() -> list[dict[str, str]]:
    lines = (ROOT / "samples" / "news.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def generate(seed: int = 13, reports_per_doc: tuple[int, int] = (1, 3)) -> Iterator[Document]:
    """An endless stream of documents of recombined sample reports, one per line."""
    reports = sample_reports()
    rng = random.Random(seed)
    for n in range(sys.maxsize):
        picked = rng.sample(reports, rng.randint(*reports_per_doc))
        day = dt.date.fromisoformat(picked[0]["date"]) + dt.timedelta(days=rng.randint(0, 30))
        text = "\n".join(r["text"] for r in picked)
        yield Document(id=f"gen{n}", text=text, date=day.isoformat())


def sentences_in(text: str) -> int:
    """About how many sentences `text` has (for sizing a corpus without parsing it)."""
    return len(SENTENCE_END.findall(text + " "))


def up_to_sentences(documents: Iterator[Document], sentences: int) -> Iterator[Document]:
    """Documents from the stream until they hold about `sentences` sentences."""
    total = 0
    for document in documents:
        if total >= sentences:
            return
        total += sentences_in(document.text)
        yield document


def peak_mib() -> float:
    """This process's peak resident memory. On Linux VmHWM, since `ru_maxrss` carries the
    parent's peak into a spawned worker; elsewhere `ru_maxrss` (KiB on Linux and BSD)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def bench_parse(settings: Settings, sentences: int) -> None:
    """Parsing alone against the whole coder, same documents, model, components, batches."""
    documents = list(up_to_sentences(generate(), sentences))
    nlp = load_pipeline(settings.model)
    build_coder(settings)
    list(code_documents(documents[:20], settings=settings))  # warm up: first-use caches
    counted: list[int] = []
    events: list[int] = []

    def parse_only() -> None:
        texts = (d.text for d in documents)
        pipe = nlp.pipe(texts, batch_size=settings.batch_size)
        counted[:] = [sum(1 for _ in doc.sents) for doc in pipe]

    def full_coder() -> None:
        events[:] = [len(c.events) for c in code_documents(documents, settings=settings)]

    rounds = [(timed(parse_only), timed(full_coder)) for _ in range(ROUNDS)]
    parse, full = min(r[0] for r in rounds), min(r[1] for r in rounds)
    total = sum(counted)
    print(f"parse    {len(documents)} documents, {total} sentences, {sum(events)} events")
    print(f"parse    spaCy alone  {parse:7.1f} s  {total / parse:6.0f} sentences/s")
    print(f"parse    full coder   {full:7.1f} s  {total / full:6.0f} sentences/s")
    print(f"parse    full/parse throughput {parse / full:.2f} (best of {ROUNDS}, alternated)")
    print(f"parse    peak RSS of this process {peak_mib():.0f} MiB")


def bench_memory(settings: Settings, checkpoints: list[int], workers: int) -> None:
    """Peak memory per worker as the corpus grows: one streamed run on a fresh cluster,
    each worker's peak read when the documents coded pass each checkpoint (in sentences)."""
    from eventwire.distributed import DaskCoder

    start = time.perf_counter()
    with DaskCoder(settings, workers=workers) as coder:
        marks = iter(checkpoints)
        mark = next(marks)
        documents = up_to_sentences(generate(seed=7), checkpoints[-1])
        done = events = 0
        for coded in coder(documents):
            done += sentences_in(coded.document.text)
            events += len(coded.events)
            if done >= mark:
                report_memory(coder, done, events, time.perf_counter() - start)
                mark = next(marks, sys.maxsize)


def report_memory(coder: Any, sentences: int, events: int, seconds: float) -> None:
    peaks = coder.client.run(peak_mib)
    print(
        f"memory   {sentences:>7} sentences coded  {events:>6} events  {seconds:6.0f} s"
        f"  peak RSS per worker {', '.join(f'{p:.0f}' for p in peaks.values())} MiB;"
        f" client {peak_mib():.0f} MiB"
    )


def cpu_seconds() -> float:
    return time.process_time()


def bench_workers(settings: Settings, docs: int, workers: int) -> None:
    """One process against a local Dask cluster on the same documents, both warm (the
    pipeline loaded). On a shared machine wall time measures the neighbours too, so the
    CPU seconds spent (workers and client together) are reported beside it."""
    from eventwire.distributed import DaskCoder

    documents = list(islice(generate(reports_per_doc=(1, 1)), docs))
    build_coder(settings)
    cpu = cpu_seconds()
    start = time.perf_counter()
    single = [e.event_id for c in code_documents(documents, settings=settings) for e in c.events]
    one, one_cpu = time.perf_counter() - start, cpu_seconds() - cpu
    start = time.perf_counter()
    with DaskCoder(settings, workers=workers) as coder:
        coder.client.run(build_coder, settings)
        up = time.perf_counter() - start
        before = sum(coder.client.run(cpu_seconds).values()) + cpu_seconds()
        start = time.perf_counter()
        many = [e.event_id for c in coder(documents) for e in c.events]
        spread = time.perf_counter() - start
        spread_cpu = sum(coder.client.run(cpu_seconds).values()) + cpu_seconds() - before
    sentences = sum(sentences_in(d.text) for d in documents)
    print(f"workers  {docs} documents, about {sentences} sentences, {len(single)} events")
    print(
        f"workers  1 process    {one:7.1f} s  {sentences / one:6.0f} sentences/s"
        f"  {one_cpu:7.1f} CPU s"
    )
    print(
        f"workers  {workers} workers    {spread:7.1f} s  {sentences / spread:6.0f} sentences/s"
        f"  {spread_cpu:7.1f} CPU s  (cluster start and pipeline load before: {up:.1f} s)"
    )
    print(
        f"workers  speed-up {one / spread:.2f}x wall; CPU per document {spread_cpu / one_cpu:.2f}"
        f" of one process's; same events in the same order: {single == many}"
    )


def bench_startup(runs: int = 5) -> None:
    """A whole `eventwire code --text` process, after one run has warmed the cache."""
    command = [str(Path(sys.executable).parent / "eventwire"), "code", "--text", STARTUP_TEXT]
    command += ["--date", "2025-01-20"]
    subprocess.run(command, check=True, capture_output=True)
    seconds = [
        timed(lambda: subprocess.run(command, check=True, capture_output=True)) for _ in range(runs)
    ]
    print(
        f"startup  eventwire code --text: best {min(seconds):.2f} s, "
        f"median {statistics.median(seconds):.2f} s of {runs}"
    )


def bench_length(settings: Settings) -> None:
    """Cost per sentence of one long document against many short ones of the same text."""
    paragraphs: list[str] = []
    for document in generate(reports_per_doc=(2, 2)):
        if sum(len(p) + 1 for p in paragraphs) >= 100_000:
            break
        paragraphs.append(document.text)
    short = [Document(id=f"s{i}", text=p, date="2025-01-20") for i, p in enumerate(paragraphs)]
    long = [Document(id="long", text="\n".join(paragraphs), date="2025-01-20")]
    nlp = load_pipeline(settings.model)
    coder = build_coder(settings)
    for label, documents in (("1 x 100 KB", long), (f"{len(short)} x 1 KB", short)):
        start = time.perf_counter()
        parsed = list(nlp.pipe((d.text for d in documents), batch_size=settings.batch_size))
        parse = time.perf_counter() - start
        sentences = sum(1 for doc in parsed for _ in doc.sents)
        start = time.perf_counter()
        for doc, document in zip(parsed, documents, strict=True):
            coder.code_doc(doc, document)
        code = time.perf_counter() - start
        print(
            f"length   {label:>11}: {sentences} sentences, parse {1000 * parse / sentences:.1f} ms"
            f"/sentence, coder {1000 * code / sentences:.2f} ms/sentence"
        )


def profile(settings: Settings, sentences: int, top: int) -> None:
    """cProfile of the whole coder (parse included) on the generated corpus."""
    documents = list(up_to_sentences(generate(), sentences))
    list(code_documents(documents[:20], settings=settings))
    profiler = cProfile.Profile()
    profiler.runcall(lambda: list(code_documents(documents, settings=settings)))
    stats = pstats.Stats(profiler)
    stats.sort_stats("tottime").print_stats(top)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=",".join(PARTS), help="comma-separated parts")
    parser.add_argument("--sentences", type=int, default=3000, help="for parse and --profile")
    parser.add_argument(
        "--memory-sentences", default="10000,100000", help="checkpoints of one streamed run"
    )
    parser.add_argument("--docs", type=int, default=5000, help="documents for the workers part")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--profile", type=int, metavar="TOP", help="profile instead; print TOP")
    args = parser.parse_args()
    settings = Settings()
    if args.profile:
        profile(settings, args.sentences, args.profile)
        return
    parts = args.only.split(",")
    print(f"python {sys.version.split()[0]}, model {settings.model}, batch {settings.batch_size}")
    if "startup" in parts:
        bench_startup()
    if "parse" in parts:
        bench_parse(settings, args.sentences)
    if "length" in parts:
        bench_length(settings)
    if "workers" in parts:
        bench_workers(settings, args.docs, args.workers)
    if "memory" in parts:
        checkpoints = sorted(int(size) for size in args.memory_sentences.split(","))
        bench_memory(settings, checkpoints, args.workers)


if __name__ == "__main__":
    main()
