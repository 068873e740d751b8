#!/usr/bin/env bash
# Starts (or stops) a throwaway PostgreSQL server on 127.0.0.1 for tests and benchmarks, and
# prints the DATABASE_URL to use. Works as root (initdb refuses root, so the server runs as the
# postgres user) and as a normal user. Usage: scripts/pg.sh start|stop|url   [ROOT defaults to
# .data/postgres]. Needs PostgreSQL's server binaries (Debian: apt-get install postgresql).
set -euo pipefail
cmd=${1:-start}
here=$(cd "$(dirname "$0")/.." && pwd)
ROOT=${PG_ROOT:-$here/.data/postgres}
PORT=${PG_PORT:-54329}
PASSWORD=atlas
BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)}
url="postgres://postgres:${PASSWORD}@127.0.0.1:${PORT}/postgres"

if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
  echo "PostgreSQL server binaries not found (looked in /usr/lib/postgresql/*/bin). Install them: apt-get install postgresql" >&2
  exit 1
fi

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
  url) echo "$url" ;;
  stop)
    if [ -f "$ROOT/data/postmaster.pid" ]; then as_owner "$BIN/pg_ctl" -D "$ROOT/data" -m fast -w stop >/dev/null; fi
    ;;
  start)
    if [ "$(id -u)" = 0 ]; then
      install -d -o postgres -g postgres "$ROOT" "$ROOT/sock"
      chmod o+x "$(dirname "$ROOT")" "$here" 2>/dev/null || true
    else
      mkdir -p "$ROOT/sock"
    fi
    if [ ! -f "$ROOT/data/PG_VERSION" ]; then
      pwfile=$(mktemp)
      echo "$PASSWORD" > "$pwfile"
      chmod 644 "$pwfile"
      if [ "$(id -u)" = 0 ]; then install -d -m700 -o postgres -g postgres "$ROOT/data"; else mkdir -p -m700 "$ROOT/data"; fi
      as_owner "$BIN/initdb" -D "$ROOT/data" -U postgres -E UTF8 --locale=C.UTF-8 \
        --auth-local=trust --auth-host=scram-sha-256 --pwfile="$pwfile" >"$ROOT/initdb.log" 2>&1 \
        || { cat "$ROOT/initdb.log" >&2; rm -f "$pwfile"; exit 1; }
      rm -f "$pwfile"
    fi
    if ! as_owner "$BIN/pg_ctl" -D "$ROOT/data" status >/dev/null 2>&1; then
      as_owner "$BIN/pg_ctl" -D "$ROOT/data" -l "$ROOT/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $PORT -k $ROOT/sock -c max_connections=300" start >/dev/null \
        || { cat "$ROOT/server.log" >&2; exit 1; }
    fi
    echo "$url"
    ;;
  *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
