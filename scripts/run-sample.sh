#!/usr/bin/env bash
# The main job: install eventwire, code the bundled sample corpus into JSON Lines
# (out/sample-events.jsonl) and into the embedded store (eventwire.duckdb), then show
# the consultations involving Russia and a count of stored events by PLOVER type.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
mkdir -p out
.venv/bin/eventwire code samples/news.jsonl -o out/sample-events.jsonl
.venv/bin/eventwire ingest samples/news.jsonl --db eventwire.duckdb
.venv/bin/eventwire events --db eventwire.duckdb --actor RUS --type CONSULT
.venv/bin/eventwire sql --db eventwire.duckdb \
  "SELECT m.plover, count(DISTINCT m.event_id) AS events, count(*) AS mentions FROM mentions m GROUP BY 1 ORDER BY 2 DESC"
