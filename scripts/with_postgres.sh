#!/usr/bin/env bash
# Run a command against a private, throw-away PostgreSQL cluster (Debian's server binaries).
# Usage: scripts/with_postgres.sh COMMAND...   → COMMAND runs with DATABASE_URL set.
# WIR_PG_OPTIONS adds server options, e.g. "-c log_min_duration_statement=200".
set -euo pipefail

version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
bin=/usr/lib/postgresql/$version/bin
port=${WIR_PG_PORT:-54329}
dir=${WIR_PG_DIR:-${TMPDIR:-/tmp}/wir-pgtest-$port}

# PostgreSQL refuses to run as root; as root we run it as the "postgres" system user.
if [ "$(id -u)" = 0 ]; then as_pg=(runuser -u postgres --); else as_pg=(); fi

mkdir -p "$dir"
[ "$(id -u)" = 0 ] && chown postgres "$dir"
if [ ! -f "$dir/PG_VERSION" ]; then
  "${as_pg[@]}" "$bin/initdb" -D "$dir" -U wir --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
fi
# Durability is off: this cluster holds test data only and is thrown away.
"${as_pg[@]}" "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w start -o \
  "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 ${WIR_PG_OPTIONS:-}" >/dev/null
stop() { "${as_pg[@]}" "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null || true; }
trap stop EXIT
"$bin/createdb" -h 127.0.0.1 -p "$port" -U wir wir 2>/dev/null || true
echo "PostgreSQL $version auf 127.0.0.1:$port"
DATABASE_URL="postgres://wir@127.0.0.1:$port/wir" "$@"
