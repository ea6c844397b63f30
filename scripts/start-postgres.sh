#!/usr/bin/env bash
# Start a throwaway PostgreSQL server for the store tests and print its URL on stdout.
#
# Usage (as root, Debian):  export EVENTWIRE_TEST_POSTGRES_URL="$(bash scripts/start-postgres.sh)"
# Installs the `postgresql` package when it is missing, runs initdb as the postgres user in
# a fresh temporary data directory, trusts loopback connections, listens on 127.0.0.1 on a
# free port and creates the database eventwire_test. Everything but the URL goes to stderr.
# Stop it with: runuser -u postgres -- pg_ctl -D "$DATA_DIR" stop  (DATA_DIR is logged).
set -euo pipefail

log() { echo "start-postgres: $*" >&2; }

find_bindir() {
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

install_postgres() {
    log "installing the postgresql package"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

if [ "$(id -u)" -ne 0 ]; then
    log "run me as root (I install packages and switch to the postgres user)"
    exit 1
fi
BINDIR="$(find_bindir)"
if [ -z "$BINDIR" ] || [ ! -x "$BINDIR/initdb" ]; then
    install_postgres
    BINDIR="$(find_bindir)"
fi
id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql postgres

DATA_DIR="$(mktemp -d /tmp/eventwire-pg.XXXXXX)"
chown postgres:postgres "$DATA_DIR"
PORT="$(free_port)"
as_postgres() { runuser -u postgres -- "$@"; }

as_postgres "$BINDIR/initdb" -D "$DATA_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >&2
as_postgres "$BINDIR/pg_ctl" -D "$DATA_DIR/data" -l "$DATA_DIR/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DATA_DIR -c fsync=off" start >&2
as_postgres "$BINDIR/createdb" -h 127.0.0.1 -p "$PORT" -U postgres eventwire_test
log "server in $DATA_DIR/data on 127.0.0.1:$PORT (log: $DATA_DIR/server.log)"
echo "postgresql://postgres@127.0.0.1:$PORT/eventwire_test"
