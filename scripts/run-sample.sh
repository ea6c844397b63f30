#!/usr/bin/env bash
# The main job: install eventwire, code the bundled sample corpus into the embedded store
# (eventwire.duckdb) and into out/sample-events.jsonl, and show a summary.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
mkdir -p out
.venv/bin/eventwire code samples/news.jsonl -o out/sample-events.jsonl
.venv/bin/eventwire ingest samples/news.jsonl --db eventwire.duckdb
.venv/bin/eventwire events --db eventwire.duckdb --format table | head -40
