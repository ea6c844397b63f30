#!/usr/bin/env bash
# Install eventwire with its dev tools, start a throwaway PostgreSQL when one can be had,
# then run lint, types and the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --dev
if [ -z "${EVENTWIRE_TEST_POSTGRES_URL:-}" ] && [ -x scripts/start-postgres.sh ]; then
  if url=$(scripts/start-postgres.sh); then
    export EVENTWIRE_TEST_POSTGRES_URL="$url"
  else
    echo "PostgreSQL could not be started: its tests will be skipped" >&2
  fi
fi
# The browser tests drive Debian's chromium (never a downloaded browser); without it they skip.
if [ ! -x /usr/bin/chromium ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
    || echo "chromium could not be installed: the browser tests will be skipped" >&2
fi
.venv/bin/ruff check src tests scripts
.venv/bin/ruff format --check src tests scripts
.venv/bin/mypy src/eventwire
.venv/bin/python -m pytest -q "$@"
