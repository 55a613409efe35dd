#!/usr/bin/env bash
# make bench-scale: measures how motcua's read paths grow with the data (10⁴, 10⁵, 10⁶
# dossiers loaded with COPY), on a private PostgreSQL cluster started for the run, or on
# DATABASE_URL when set. The private cluster logs the plan of every statement slower
# than 50 ms (auto_explain, with the rows and buffers of each node but without per-node
# timing, which would slow every statement measured); the log is kept in
# .bench/scale-postgres.log. Arguments go to the command: -sizes 10000,100000 for
# example.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
# shellcheck source=temporary-postgres.sh
. "$here/temporary-postgres.sh"
PG_EXTRA_OPTS="-c session_preload_libraries=auto_explain -c auto_explain.log_min_duration=50ms -c auto_explain.log_analyze=on -c auto_explain.log_buffers=on -c auto_explain.log_timing=off -c maintenance_work_mem=512MB -c max_wal_size=4GB" \
	use_temporary_postgres bench-scale
go build -o "$root/bin/scalebench" ./services/allinone/cmd/scalebench
mkdir -p "$root/.bench"
status=0
"$root/bin/scalebench" -out "$root/.bench/scale.json" "$@" || status=$?
if [ -n "${temporary_pg:-}" ] && [ -f "$temporary_pg/cluster/server.log" ]; then
	cp "$temporary_pg/cluster/server.log" "$root/.bench/scale-postgres.log" 2>/dev/null ||
		{ [ "$(id -u)" -eq 0 ] && cat "$temporary_pg/cluster/server.log" >"$root/.bench/scale-postgres.log"; } || true
	echo "the plans of the statements slower than 50 ms: .bench/scale-postgres.log"
fi
exit "$status"
