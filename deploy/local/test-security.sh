#!/usr/bin/env bash
# The security suite: every route of the all-in-one as every role (own office, another
# office, a missing thing), the lookup's lock and the trusted proxies
# (services/allinone/security), then each fuzz target of the parsers and request
# decoders for a short budget (FUZZTIME, default 20000 inputs each), against a private
# PostgreSQL cluster started for the run unless DATABASE_URL is set. It prints what
# it tried: routes × roles, and the inputs each fuzz target ran.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"

# shellcheck source=temporary-postgres.sh
. "$here/temporary-postgres.sh"
PG_FSYNC=off PG_SYNCHRONOUS_COMMIT=off use_temporary_postgres test-security

# A budget in inputs (20000x), not in seconds: Go 1.26's fuzz coordinator may report its
# own deadline as a failure ("context deadline exceeded", no failing input) when a
# duration ends while a worker is busy (go.dev/issue/75804); a count has no deadline.
fuzztime=${FUZZTIME:-20000x}
# Every fuzz target of the services (the request decoders and the parsers among them),
# found by name so that a new one runs too: module directory, package, target.
targets=()
while IFS= read -r file; do
	dir=$(dirname "$file")
	mod=$dir
	while [ ! -f "$mod/go.mod" ]; do mod=$(dirname "$mod"); done
	pkg=.${dir#"$mod"}
	while IFS= read -r name; do targets+=("$mod $pkg $name"); done < <(grep -oE '^func Fuzz[A-Za-z0-9_]*' "$file" | sed 's/^func //')
done < <(grep -rlE --include='*_test.go' '^func Fuzz' services | sort)

start=$(date +%s)
log=$(mktemp) # not removed by a trap: temporary-postgres.sh's EXIT trap stops the cluster
if ! go test -count=1 -timeout 10m -v -run 'TestEveryRouteEveryRole|TestWrongPINsLockNobodyOut|TestClientsBehindTrustedProxies' \
	./services/allinone/security/ >"$log" 2>&1; then
	cat "$log" >&2
	rm -f "$log"
	echo "test-security: the route suite failed" >&2
	exit 1
fi
grep -E '^(--- |ok )' "$log"
summary=()
while IFS= read -r line; do summary+=("$line"); done < <(grep -E '^security ' "$log")
rm -f "$log"
for t in "${targets[@]}"; do
	read -r mod pkg name <<<"$t"
	if ! out=$(cd "$mod" && go test -run '^$' -fuzz "^${name}\$" -fuzztime "$fuzztime" "$pkg" 2>&1); then
		echo "$out" >&2
		if grep -q 'Failing input written to' <<<"$out"; then
			echo "test-security: fuzz target $name ($mod/${pkg#./}) failed; the input is kept under its testdata/fuzz/$name: fix the code, keep the input as a seed" >&2
		else
			echo "test-security: fuzz target $name ($mod/${pkg#./}) did not run" >&2
		fi
		exit 1
	fi
	took=$(grep -oE 'elapsed: [0-9a-z.]+' <<<"$out" | tail -1 | sed 's/elapsed: //' || true)
	line="fuzz $name ($mod/${pkg#./}): ${fuzztime%x} inputs in ${took:-?}"
	echo "$line"
	summary+=("$line")
done
echo
echo "test-security: passed in $(($(date +%s) - start))s"
printf '  %s\n' "${summary[@]}"
