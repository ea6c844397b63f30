"""Measure the REST API under load and the relation brief on a large dyad.

Usage: .venv/bin/python scripts/bench_api.py [--events 100000] [--clients 50] [--seconds 30]
(the server is this interpreter running this checkout's src: see serve()).

Writes a DuckDB store of --events generated events (one mention each, one document per ten
events; a tenth of them between Russia and Iran), starts `eventwire serve` on a random
loopback port, runs --clients concurrent clients (threads with keep-alive connections) for
--seconds against a mix of event queries with random actors, dyads, types, sorts, periods,
pages, search words and event ids (QUERIES), and prints requests, errors and latency
percentiles. Then times the relation brief of the Russia-Iran dyad in process (best of
five) and over HTTP.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from eventwire.store import Store

ROOT = Path(__file__).resolve().parents[1]
COUNTRIES = [
    "USA", "CHN", "RUS", "IRN", "ISR", "TUR", "UKR", "DEU", "FRA", "GBR", "SAU", "QAT", "EGY",
    "IND", "PAK", "JPN", "KOR", "PRK", "SYR", "LBN", "IRQ", "YEM", "PSE", "JOR", "ARE", "BRA",
]  # fmt: skip
SECTORS = [None, "GOV", "MIL", "BUS", "OPP"]
CODES = [  # cameo, root, name, plover, quad, goldstein
    ("040", "04", "Consult", "CONSULT", 1, 1.0),
    ("042", "04", "Make a visit", "CONSULT", 1, 1.9),
    ("057", "05", "Sign formal agreement", "SUPPORT", 1, 8.0),
    ("070", "07", "Provide aid", "AID", 2, 7.0),
    ("061", "06", "Cooperate economically", "COOPERATE", 2, 6.4),
    ("112", "11", "Accuse", "ACCUSE", 3, -2.0),
    ("130", "13", "Threaten", "THREATEN", 3, -4.4),
    ("163", "16", "Impose embargo", "COERCE", 4, -8.0),
    ("190", "19", "Use conventional military force", "ASSAULT", 4, -10.0),
    ("195", "19", "Employ aerial weapons", "ASSAULT", 4, -10.0),
]
PLACES = [("Moscow", "RUS", 55.75, 37.62), ("Tehran", "IRN", 35.69, 51.42),
          ("Doha", "QAT", 25.29, 51.53), ("Kyiv", "UKR", 50.45, 30.52), None, None]  # fmt: skip
WORDS = ["talks", "drones", "sanctions", "treaty", "strike", "ceasefire", "oil", "banks"]
START = dt.date(2015, 1, 1)
QUERIES = [
    "/api/events?actor={c}",
    "/api/events?dyad={c},{d}",
    "/api/events?actor={c}&plover={p}&sort={o}",
    "/api/events?q={w}&limit=20",
    "/api/events?since={s}&until={u}&sort=date",
    "/api/events?actor={c}&offset={n}",
    "/api/events?source={c}&quad={k}&sort=-mentions",
    "/api/events/{e}",
]
"""Each request fills one of these with random values, so that no two clients ask the
same thing in step and a server cannot pass by remembering answers."""
SORTS = ["date", "-date", "goldstein", "-goldstein", "mentions", "-mentions"]


def generate(path: Path, count: int, seed: int = 7) -> None:
    """A store of `count` events, deterministic for a seed."""
    rng = random.Random(seed)
    events, mentions, documents = [], [], []
    for n in range(1, count + 1):
        row = _event(rng, n, count)
        events.append(row[0])
        mentions.append(row[1])
        if n % 10 == 1:
            documents.append(_document(n, row[0][1]))
    with Store.open(path) as store:
        insert = store.dialect.insert_rows
        insert(store, "events", EVENT_COLUMNS, events)
        insert(store, "mentions", MENTION_COLUMNS, mentions)
        insert(store, "documents", DOCUMENT_COLUMNS, documents)
        for code in COUNTRIES:
            store.execute(
                "INSERT INTO actors VALUES (?, ?, ?, NULL, NULL, NULL, ?)",
                [f"country:{code}", code, f"Country {code}", f"country:{code}"],
            )


EVENT_COLUMNS = [
    "event_id", "date", "cameo_root", "source_country", "source_sector", "target_country",
    "target_sector", "location_country", "negated", "modality", "first_doc_key",
    "first_mention_id", "num_mentions", "num_sources", "num_documents",
]  # fmt: skip
MENTION_COLUMNS = [
    "doc_key", "mention_id", "event_id", "doc_id", "story_index", "sentence_index", "sentence",
    "sentence_start", "sentence_end", "source_text", "source_name", "source_code",
    "source_country", "source_sector", "target_text", "target_name", "target_code",
    "target_country", "target_sector", "cameo", "cameo_root", "cameo_name", "plover",
    "quad_class", "goldstein", "negated", "modality", "reported_by", "date", "date_basis",
    "location_name", "location_country", "location_lat", "location_lon", "trigger_text",
    "trigger_start", "trigger_end", "confidence",
]  # fmt: skip
DOCUMENT_COLUMNS = ["doc_key", "doc_id", "title", "source", "date", "status", "num_events",
                    "text", "ingested_at"]  # fmt: skip


def _event(rng: random.Random, n: int, count: int) -> tuple[list[object], list[object]]:
    if n % 10 == 0:  # a tenth: Russia and Iran, both ways
        source, target = ("RUS", "IRN") if rng.random() < 0.5 else ("IRN", "RUS")
    else:
        source, target = rng.sample(COUNTRIES, 2)
    sectors = rng.choice(SECTORS), rng.choice(SECTORS)
    cameo, root, name, plover, quad, goldstein = rng.choice(CODES)
    day = START + dt.timedelta(days=int(n * 3650 / count))
    place = rng.choice(PLACES)
    modality = rng.choice(["asserted"] * 8 + ["planned", "hypothetical"])
    negated = rng.random() < 0.05
    doc = f"doc{(n - 1) // 10}"
    sentence = f"{source} and {target}: {name.lower()} over {rng.choice(WORDS)} (event {n})."
    codes = [c + (s or "") for c, s in zip((source, target), sectors, strict=True)]
    event = [n, day, root, source, sectors[0], target, sectors[1], place and place[1],
             negated, modality, doc, f"m{n}", rng.randint(1, 5), 1, 1]  # fmt: skip
    mention = [doc, f"m{n}", n, doc, 0, n % 10, sentence, 0, len(sentence),
               source, f"Country {source}", codes[0], source, sectors[0],
               target, f"Country {target}", codes[1], target, sectors[1],
               cameo, root, name, plover, quad, goldstein, negated, modality, "Wire",
               day.isoformat(), "explicit", *(place or (None,) * 4),
               "event", 0, 5, 0.9]  # fmt: skip
    return event, mention


def _document(n: int, day: dt.date) -> list[object]:
    doc = f"doc{(n - 1) // 10}"
    return [doc, doc, f"Report {doc}", "Wire", day, "coded", 10, "(generated)",
            dt.datetime(2026, 1, 1)]  # fmt: skip


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def serve(db: Path, port: int) -> subprocess.Popen[bytes]:
    """`eventwire serve` by this interpreter, with this checkout's `src` first on the path,
    so the server runs the code of the checkout the script is in, whatever is installed."""
    command = [sys.executable, "-m", "eventwire", "serve", "--db", str(db), "--port", str(port)]
    path = os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")]))
    server = subprocess.Popen(
        command, env=os.environ | {"PYTHONPATH": path}, stderr=subprocess.DEVNULL
    )
    for _ in range(100):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not start")


def client(port: int, seconds: float, seed: int, events: int, out: list[tuple[float, int]]) -> None:
    """Requests one after the other on a keep-alive connection until time is up."""
    rng = random.Random(seed)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        url = _url(rng, events)
        start = time.perf_counter()
        try:
            connection.request("GET", url)
            response = connection.getresponse()
            response.read()
            status = response.status
        except OSError:
            status = 0
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        out.append((time.perf_counter() - start, status))
    connection.close()


def _url(rng: random.Random, events: int) -> str:
    since = START + dt.timedelta(days=rng.randint(0, 3000))
    return rng.choice(QUERIES).format(
        c=rng.choice(COUNTRIES), d=rng.choice(COUNTRIES), w=rng.choice(WORDS),
        s=since, u=since + dt.timedelta(days=60), e=rng.randint(1, events),
        p=rng.choice(CODES)[3], o=rng.choice(SORTS), n=50 * rng.randint(1, 40),
        k=rng.randint(1, 4),
    )  # fmt: skip


def load(port: int, clients: int, seconds: float, events: int) -> list[tuple[float, int]]:
    results: list[list[tuple[float, int]]] = [[] for _ in range(clients)]
    threads = [
        threading.Thread(target=client, args=(port, seconds, n, events, results[n]))
        for n in range(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return [r for chunk in results for r in chunk]


def percentile(values: list[float], share: float) -> float:
    return statistics.quantiles(values, n=100)[int(share) - 1] if len(values) > 1 else values[0]


def cpu_seconds(pid: int) -> float | None:
    """User and system CPU time of a process so far (from Linux's /proc; None elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def time_brief(db: Path, port: int) -> tuple[float, float, int]:
    from eventwire.analysis import relation_brief

    with Store.open(db, read_only=True) as store:
        rounds = []
        for _ in range(5):
            start = time.perf_counter()
            brief = relation_brief(store, "RUS", "IRN")
            rounds.append(time.perf_counter() - start)
        total = store.value(
            "SELECT count(*) FROM events WHERE source_country IN ('RUS', 'IRN') "
            "AND target_country IN ('RUS', 'IRN')"
        )
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    start = time.perf_counter()
    connection.request("GET", "/api/brief?a=RUS&b=IRN")
    connection.getresponse().read()
    over_http = time.perf_counter() - start
    assert brief.events > 0
    return min(rounds), over_http, int(total)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    args = parser.parse_args()
    print(f"load average (1 min) before: {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.duckdb"
        start = time.perf_counter()
        generate(db, args.events)
        print(f"store: {args.events} events written in {time.perf_counter() - start:.1f} s")
        port = free_port()
        server = serve(db, port)
        try:
            before = cpu_seconds(server.pid)
            results = load(port, args.clients, args.seconds, args.events)
            after = cpu_seconds(server.pid)
            best, over_http, dyad = time_brief(db, port)
        finally:
            server.terminate()
            server.wait(timeout=30)
    latencies = sorted(1000 * seconds for seconds, _ in results)
    errors = sum(1 for _, status in results if status != 200)
    print(f"{len(results)} requests by {args.clients} clients in {args.seconds:.0f} s "
          f"({len(results) / args.seconds:.0f}/s), {errors} errors")  # fmt: skip
    for share in (50, 95, 99):
        print(f"p{share}: {percentile(latencies, share):.0f} ms")
    print(f"max: {latencies[-1]:.0f} ms")
    if before is not None and after is not None:
        print(f"server CPU: {(after - before) * 1000 / len(results):.1f} ms a request")
    print(f"brief of the RUS-IRN dyad ({dyad} events): {best * 1000:.0f} ms in process "
          f"(best of 5), {over_http * 1000:.0f} ms over HTTP")  # fmt: skip
    print(f"load average (1 min) after: {os.getloadavg()[0]:.2f} (the clients count in it)")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
