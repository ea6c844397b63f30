"""Measure ingest throughput and peak memory of the store alone (fake coder, no spaCy).

Usage: .venv/bin/python scripts/bench_ingest.py [--docs 10000] [--db URL] [--batch 200]

Generates a JSON Lines corpus of --docs short news items (each with two or three codable
sentences for the fake coder of tests/test_store_support.py), ingests it into a fresh store
and prints documents a second, mentions, events and the peak RSS of the process. Run it at
several sizes: peak RSS must stay flat as the corpus grows, because ingest streams.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ACTORS = ["Iran", "Russia", "Israel", "Turkey", "Qatar", "NATO"]
VERBS = ["met", "signed", "accused", "attacked", "struck"]
PLACES = ["Moscow", "Tehran", "Doha", "Ankara"]
START = dt.date(2020, 1, 1)
OUTLETS = ["Wire A", "Paper B", "Radio C", "Daily D", "Agency E"]


def make_corpus(path: Path, count: int) -> None:
    """Deterministic documents: one story in several outlets makes dedup do real work."""
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            story = n // 3
            a, b = ACTORS[story % 6], ACTORS[(story // 6 + 1 + story % 6) % 6]
            verb, place = VERBS[story % 5], PLACES[story % 4]
            text = (
                f"{a} {verb} {b} in {place}, officials said on day {story}. "
                f"The statement came after weeks of tension over trade and security. "
                f"{b} met {a} later that week. Report number {n} from this outlet."
            )
            date = (
                START + dt.timedelta(days=story // 10)
            ).isoformat()  # chronological, as feeds are
            record = {"id": f"doc{n}", "text": text, "date": date, "source": OUTLETS[n % 5]}
            out.write(json.dumps(record) + "\n")


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--db", default=None, help="store URL (default: a temporary DuckDB)")
    parser.add_argument("--batch", type=int, default=200)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "tests"))
    from eventwire.store import Store, ingest
    from test_store_support import fake_code

    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus.jsonl"
        make_corpus(corpus, args.docs)
        before = peak_rss_mib()
        with Store.open(args.db or Path(folder) / "bench.duckdb") as store:
            start = time.perf_counter()
            report = ingest([corpus], store=store, code=fake_code, batch_size=args.batch)
            seconds = time.perf_counter() - start
            events = store.value("SELECT count(*) FROM events")
    print(
        f"docs={report.read} coded={report.coded} mentions={report.mentions} events={events} "
        f"seconds={seconds:.1f} docs_per_s={report.read / seconds:.0f} "
        f"peak_rss_mib={peak_rss_mib():.0f} (before ingest {before:.0f})"
    )


if __name__ == "__main__":
    main()
