#!/usr/bin/env bash
# Runs every test of the workspace against a private PostgreSQL cluster started for the
# run (and removed after it). NATS, SMTP and S3 servers are started by the tests themselves.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"

# shellcheck source=temporary-postgres.sh
. "$here/temporary-postgres.sh"
PG_FSYNC=off PG_SYNCHRONOUS_COMMIT=off use_temporary_postgres test

# The browser tests (services/allinone/browser) drive Debian's chromium; they fail
# without it, so install it when it is missing.
if [ -z "${CHROMIUM_PATH:-}" ]; then
	if ! command -v chromium >/dev/null 2>&1; then
		echo "test.sh: installing Debian's chromium for the browser tests" >&2
		if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
			{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null; } ||
				echo "test.sh: could not install chromium with apt-get; the browser tests will fail (install it, or set CHROMIUM_PATH)" >&2
		else
			echo "test.sh: chromium is missing and cannot be installed here (needs root and apt-get): run 'apt-get install chromium' as root, or set CHROMIUM_PATH; the browser tests will fail" >&2
		fi
	fi
	if command -v chromium >/dev/null 2>&1; then
		CHROMIUM_PATH=$(command -v chromium)
		export CHROMIUM_PATH
	fi
fi

# The browser tests audit every page they visit with axe-core, which axe.sh fetches once
# per machine with npm into the user's cache (checking its integrity); without npm, the
# first fetch installs Debian's npm, as for chromium above.
if ! "$here/axe.sh" >/dev/null 2>&1; then
	if ! command -v npm >/dev/null 2>&1; then
		echo "test.sh: installing Debian's npm to fetch axe-core for the browser tests" >&2
		if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
			{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends npm >/dev/null; } ||
				echo "test.sh: could not install npm with apt-get" >&2
		else
			echo "test.sh: npm is missing and cannot be installed here (needs root and apt-get): run 'apt-get install npm' as root" >&2
		fi
	fi
	if ! "$here/axe.sh" >/dev/null; then
		echo "test.sh: could not fetch axe-core (above); the browser tests will fail" >&2
	fi
fi

# The file store's tests run a real S3 server, SeaweedFS, built from the Go module proxy
# once per machine into the user's cache (services/platform/s3test); the first build
# takes about ten minutes, so it happens here rather than inside a test's time limit.
if ! go run ./services/platform/s3test/prebuild >/dev/null; then
	echo "test.sh: could not build the S3 server (above); the tests that need it will fail" >&2
fi

mods=$(go list -m -f '{{.Dir}}')
pkgs=()
while IFS= read -r m; do pkgs+=("${m#"$root"/}/..."); done <<<"$mods"
pkgs=("${pkgs[@]/#/./}")
go vet "${pkgs[@]}"
go test -count=1 -timeout 12m "$@" "${pkgs[@]}"
