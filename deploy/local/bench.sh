#!/usr/bin/env bash
# make bench: measures motcua against baselines taken in the same run, on a private
# PostgreSQL cluster (durable settings, with commit timestamps for the latency figure)
# started for the run, or on DATABASE_URL when set (it needs track_commit_timestamp=on).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
# shellcheck source=temporary-postgres.sh
. "$here/temporary-postgres.sh"
PG_EXTRA_OPTS="-c track_commit_timestamp=on" use_temporary_postgres bench
go build -o "$root/bin/loadbench" ./services/allinone/cmd/loadbench
"$root/bin/loadbench" -out "$root/.bench/results.json" "$@"
