#!/usr/bin/env bash
# A private PostgreSQL cluster for the tests, on a loopback port, in a temporary folder.
#   scripts/pg-test-cluster.sh start   installs Debian's postgresql when initdb is missing and apt-get is there,
#                                      starts the cluster (port $PG_TEST_PORT, default 55432) and prints
#                                      the connection string the tests read from PARTNERSHIP_TEST_PG
#   scripts/pg-test-cluster.sh stop    stops it and removes its folder
#   scripts/pg-test-cluster.sh status  prints the connection string when it runs, fails otherwise
# Used by scripts/test.sh and .ci/run (docs/adr/0040-postgresql-third-provider.md).
set -euo pipefail
port=${PG_TEST_PORT:-55432}
root=${PG_TEST_DIR:-${TMPDIR:-/tmp}/partnership-pg-$port}
# The cluster's password is made when it is created and kept in its folder only (never in the repository).
connection() {
  echo "Host=127.0.0.1;Port=$port;Username=postgres;Password=$(cat "$root/pw");Database=postgres;Pooling=true;Maximum Pool Size=40;Include Error Detail=true"
}

find_bin() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  return 1
}

# initdb and postgres refuse to run as root: run them as the postgres user (created by Debian's package).
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

case "${1:-}" in
  start)
    if ! bin=$(find_bin); then
      if command -v apt-get >/dev/null 2>&1; then
        sudo=""
        [ "$(id -u)" -ne 0 ] && sudo="sudo"
        echo "Installing Debian's postgresql..." >&2
        $sudo apt-get update -qq >&2 && $sudo apt-get install -y -qq --no-install-recommends postgresql >/dev/null
        bin=$(find_bin)
      else
        echo "PostgreSQL is missing and apt-get is not available." >&2
        exit 1
      fi
    fi
    if [ -f "$root/data/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$root/data" status >/dev/null 2>&1; then
      connection
      exit 0
    fi
    rm -rf "$root"
    mkdir -p "$root"
    [ "$(id -u)" -eq 0 ] && chown postgres "$root"
    od -An -N16 -tx1 /dev/urandom | tr -d ' \n' > "$root/pw"
    chmod 600 "$root/pw"
    [ "$(id -u)" -eq 0 ] && chown postgres "$root/pw"
    as_owner "$bin/initdb" -D "$root/data" -U postgres --pwfile="$root/pw" -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$root/initdb.log" 2>&1 \
      || { cat "$root/initdb.log" >&2; exit 1; }
    # Tests create a database per test class: many connections, no durability needed.
    as_owner "$bin/pg_ctl" -D "$root/data" -l "$root/server.log" -w -t 60 \
      -o "-p $port -c listen_addresses=127.0.0.1 -k $root -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=128MB" \
      start >&2 || { cat "$root/server.log" >&2; exit 1; }
    connection
    ;;
  stop)
    if bin=$(find_bin) && [ -d "$root/data" ]; then
      as_owner "$bin/pg_ctl" -D "$root/data" -m fast -w stop >&2 || true
    fi
    rm -rf "$root"
    ;;
  status)
    bin=$(find_bin) && [ -d "$root/data" ] && as_owner "$bin/pg_ctl" -D "$root/data" status >/dev/null 2>&1 && connection
    ;;
  *)
    echo "usage: scripts/pg-test-cluster.sh start|stop|status" >&2
    exit 2
    ;;
esac
