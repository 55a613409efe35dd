#!/usr/bin/env bash
# The fault suite: under a steady load of registrations, the real processes (intake,
# status, postal, nats-server: services/allinone/cluster) are hurt in turn: intake,
# status and postal killed with SIGKILL, the broker killed and restarted (and down for a
# minute: MOTCUA_FAULT_OUTAGE changes it), PostgreSQL restarted
# (fast shutdown), intake stopped gracefully, a broker frozen, a commit whose answer is
# lost. After each, every acknowledged request is reconciled across the services: none
# lost, none twice. It prints, for each, what the test measured (requests answered and
# resent, how long the services took to catch up). Against a private PostgreSQL
# cluster started for the run unless DATABASE_URL is set.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"

# shellcheck source=temporary-postgres.sh
. "$here/temporary-postgres.sh"
PG_FSYNC=off PG_SYNCHRONOUS_COMMIT=off use_temporary_postgres test-faults

log=$(mktemp) # not removed by a trap: temporary-postgres.sh's EXIT trap stops the cluster
status=0
for run in \
	"./services/allinone/e2e/ TestIntakeKilledMidFlight|TestPostalKilledMidFlight|TestStatusKilledMidFlight|TestNATSKilledMidFlight|TestNATSDownAMinute|TestDatabaseRestartedMidFlight|TestGracefulStopFlushesOutbox" \
	"./services/platform/messaging/ TestAFrozenBrokerDropsNothing" \
	"./services/platform/outbox/ TestRelayWaitsForTheBrokerQuietly|TestRelaySurvivesBrokerRestart" \
	"./services/intake/service/servicetest/ TestACommitWhoseAnswerIsLost"; do
	pkg=${run%% *}
	tests=${run#* }
	if ! (cd "$root" && MOTCUA_FAULTS=long go test -count=1 -timeout 15m -v -run "^($tests)\$" "$pkg") >"$log" 2>&1; then
		status=1
		cat "$log" >&2
	fi
	# What each test measured, and its verdict.
	grep -E '^\s+\S+_test\.go:[0-9]+: ' "$log" | sed -E 's/^\s+//' || true
	grep -E '^(--- |ok |FAIL)' "$log" || true
done
rm -f "$log"
exit "$status"
