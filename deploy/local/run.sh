#!/usr/bin/env bash
# make run: PostgreSQL from DATABASE_URL, or a private cluster kept in .data/postgres;
# the all-in-one command with its embedded NATS (unless NATS_URL is set) and demo data.
# Ctrl-C stops everything; the next run finds its data again.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
data=${MOTCUA_DATA_DIR:-$root/.data}
mkdir -p "$data"
chmod 755 "$data"
export MOTCUA_DATA_DIR=$data

if [ -z "${DATABASE_URL:-}" ]; then
	port=${MOTCUA_PG_PORT:-}
	if [ -z "$port" ]; then
		if [ -f "$data/postgres/port" ]; then port=$(cat "$data/postgres/port"); else port=$("$here/free-port.sh" 55432); fi
	fi
	DATABASE_URL=$("$here/postgres.sh" start "$data/postgres" "$port")
	echo "$port" >"$data/postgres/port"
	export DATABASE_URL
	trap '"$here/postgres.sh" stop "$data/postgres"; echo "PostgreSQL stopped."' EXIT
	echo "PostgreSQL running on 127.0.0.1:$port (data in $data/postgres)."
fi

"$root/bin/motcua" serve --demo &
pid=$!
trap 'kill -TERM $pid 2>/dev/null || true' INT TERM
wait $pid || true
wait $pid 2>/dev/null || true
