#!/usr/bin/env bash
# make bench: measures motcua against baselines taken in the same run, on a private
# PostgreSQL cluster (durable settings, with commit timestamps for the latency figure)
# started for the run, or on DATABASE_URL when set (it needs track_commit_timestamp=on).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
if [ -z "${DATABASE_URL:-}" ]; then
	pgdir=$(mktemp -d "${TMPDIR:-/tmp}/motcua-bench-pg.XXXXXX")
	chmod 755 "$pgdir"
	# Runs on every exit, failures included; the script's exit status is kept.
	trap '"$here/postgres.sh" stop "$pgdir/cluster" || true; rm -rf "$pgdir" || true' EXIT
	port=$("$here/free-port.sh" 55432)
	DATABASE_URL=$(PG_EXTRA_OPTS="-c track_commit_timestamp=on" "$here/postgres.sh" start "$pgdir/cluster" "$port")
	export DATABASE_URL
fi
go build -o "$root/bin/loadbench" ./services/allinone/cmd/loadbench
"$root/bin/loadbench" -out "$root/.bench/results.json" "$@"
