"""Benchmark: what the coder costs on top of the spaCy parse, in time and memory.

    .venv/bin/python scripts/bench_coder.py [--repeat 20] [--rounds 5] [--input samples/news.jsonl]

Parses the corpus once with spaCy alone (the floor), then codes the already-parsed docs,
and reports sentences per second, the coder's share of the total and peak memory. Each
coder variant is timed `--rounds` times and the best round counts, as timeit does: the
others measure the machine's other work, not the coder.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

from eventwire.actors import ActorResolver, load_knowledge_base
from eventwire.actors.knowledge import KnowledgeBase
from eventwire.attributes import Casualties
from eventwire.events.records import Attributes
from eventwire.models import Document
from eventwire.nlp import load_pipeline
from eventwire.pipeline import build_coder
from eventwire.settings import Settings


def read_corpus(path: Path, repeat: int) -> list[Document]:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    docs = [Document(id=r["id"], text=r["text"], date=r["date"]) for r in records]
    return [
        Document(id=f"{d.id}-{i}", text=d.text, date=d.date) for i in range(repeat) for d in docs
    ]


def countries_only(kb: KnowledgeBase) -> KnowledgeBase:
    """The same knowledge base without people, organisations and outlets."""
    small = KnowledgeBase(sectors=kb.sectors)
    for entry in kb.entries.values():
        if entry.kind in ("country", "region"):
            small.add(entry)
    return small


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", type=Path, default=Path("samples/news.jsonl"))
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    settings = Settings()
    documents = read_corpus(args.input, args.repeat)
    nlp = load_pipeline(settings.model)
    coder = build_coder(settings)

    start = time.perf_counter()
    docs = list(nlp.pipe((d.text for d in documents), batch_size=settings.batch_size))
    parse_seconds = time.perf_counter() - start
    sentences = sum(1 for doc in docs for _ in doc.sents)

    def timed_coding() -> tuple[float, int]:
        rounds = []
        for _ in range(args.rounds):
            start = time.perf_counter()
            pairs = zip(docs, documents, strict=True)
            count = sum(len(coder.code_doc(doc, d)) for doc, d in pairs)
            rounds.append(time.perf_counter() - start)
        return min(rounds), count

    timed_coding()  # warm up: the gazetteer index and caches are built on first use
    code_seconds, events = timed_coding()
    full_kb = coder.resolver
    coder.resolver = ActorResolver(countries_only(load_knowledge_base()), nlp)
    countries_seconds, _ = timed_coding()
    coder.resolver = full_kb
    blank = Attributes(None, "publication", None, Casualties(None, None, None, {}))
    coder.records.attributes = lambda reading, scope: blank  # type: ignore[method-assign]
    bare_seconds, _ = timed_coding()
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"documents            {len(documents)}  sentences {sentences}  events {events}")
    print(
        f"spaCy parse          {parse_seconds:7.2f} s  {sentences / parse_seconds:8.0f} sentences/s"
    )
    print(
        f"coder (full KB)      {code_seconds:7.2f} s  {sentences / code_seconds:8.0f} sentences/s"
    )
    print(f"coder (countries)    {countries_seconds:7.2f} s")
    print(f"coder share of total {code_seconds / (parse_seconds + code_seconds):7.1%}")
    print(f"full KB vs countries {code_seconds / countries_seconds - 1:+7.1%}")
    print(f"coder, no attributes {bare_seconds:7.2f} s")
    print(f"attributes cost      {code_seconds / bare_seconds - 1:+7.1%}")
    total = parse_seconds + code_seconds
    print(
        f"end to end: full KB vs countries {total / (parse_seconds + countries_seconds) - 1:+.1%}"
    )
    print(f"end to end: attributes cost      {total / (parse_seconds + bare_seconds) - 1:+.1%}")
    print(f"peak memory          {peak_mib:7.0f} MiB")


if __name__ == "__main__":
    main()
