#!/usr/bin/env bash
# Starts (or stops) a throwaway PostgreSQL server on 127.0.0.1 for tests and benchmarks, and
# prints the DATABASE_URL to use. Usage: scripts/pg.sh start|stop|url. Needs PostgreSQL's server
# binaries (Debian: apt-get install postgresql).
#
# PG_ROOT (default .data/postgres in the clone) is where this script keeps what it knows. As a
# normal user the server's data lives there too. As root the server runs as the postgres user
# (initdb refuses root), which may not be able to enter the clone (a clone in root's home, mode
# 700): the data then lives in a directory of its own under /tmp, owned by postgres, and PG_ROOT
# only records where. Each data directory gets its own superuser password, generated at initdb
# and kept beside the data (mode 600), never a fixed one.
set -euo pipefail
cmd=${1:-start}
here=$(cd "$(dirname "$0")/.." && pwd)
STATE=${PG_ROOT:-$here/.data/postgres}
PORT=${PG_PORT:-54329}
BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)}
as_root() { [ "$(id -u)" = 0 ]; }

if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
  echo "PostgreSQL server binaries not found (looked in /usr/lib/postgresql/*/bin). Install them: apt-get install postgresql" >&2
  exit 1
fi

as_owner() {
  # From /, which postgres can always enter (the current directory may be a clone it cannot).
  if as_root; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

# Where the server's files are: PG_ROOT itself, or (as root) the directory PG_ROOT/location names.
data_root() {
  if ! as_root; then echo "$STATE"; return; fi
  if [ -f "$STATE/location" ] && [ -d "$(cat "$STATE/location")" ]; then cat "$STATE/location"; return; fi
  [ "$cmd" = start ] || return 0
  mkdir -p -m 700 "$STATE"
  local dir
  dir=$(mktemp -d /tmp/atlas-postgres.XXXXXX)
  chown postgres:postgres "$dir"
  chmod 700 "$dir"
  echo "$dir" > "$STATE/location"
  echo "$dir"
}

url() {
  local root=$1
  if [ ! -f "$root/password" ]; then
    echo "No PostgreSQL set up in $root yet: run scripts/pg.sh start" >&2
    exit 1
  fi
  echo "postgres://postgres:$(cat "$root/password")@127.0.0.1:${PORT}/postgres"
}

ROOT=$(data_root)
case "$cmd" in
  url) url "$ROOT" ;;
  stop)
    if [ -n "$ROOT" ] && [ -f "$ROOT/data/postmaster.pid" ]; then
      as_owner "$BIN/pg_ctl" -D "$ROOT/data" -m fast -w stop >/dev/null
    fi
    ;;
  start)
    if as_root; then
      install -d -m 700 -o postgres -g postgres "$ROOT/sock"
    else
      mkdir -p -m 700 "$ROOT" "$ROOT/sock"
    fi
    if [ ! -f "$ROOT/data/PG_VERSION" ]; then
      # A password of its own for this data directory, kept beside it, readable by this user only.
      (umask 077 && head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32 > "$ROOT/password")
      pwfile=$(mktemp)
      cp "$ROOT/password" "$pwfile"
      if as_root; then
        chown postgres "$pwfile"
        install -d -m 700 -o postgres -g postgres "$ROOT/data"
      else
        mkdir -p -m 700 "$ROOT/data"
      fi
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
    url "$ROOT"
    ;;
  *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
