#!/usr/bin/env bash
# Runs every test of the workspace against a private PostgreSQL cluster started for the
# run (and removed after it). NATS servers are started by the tests themselves.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"

if [ -z "${DATABASE_URL:-}" ]; then
	pgdir=$(mktemp -d "${TMPDIR:-/tmp}/motcua-test-pg.XXXXXX")
	chmod 755 "$pgdir"
	# Runs on every exit, failures included; the script's exit status is kept.
	trap '"$here/postgres.sh" stop "$pgdir/cluster" || true; rm -rf "$pgdir" || true' EXIT
	port=$("$here/free-port.sh" 55432)
	DATABASE_URL=$(PG_FSYNC=off PG_SYNCHRONOUS_COMMIT=off "$here/postgres.sh" start "$pgdir/cluster" "$port")
	export DATABASE_URL
fi

mods=$(go list -m -f '{{.Dir}}')
pkgs=()
while IFS= read -r m; do pkgs+=("${m#"$root"/}/..."); done <<<"$mods"
pkgs=("${pkgs[@]/#/./}")
go vet "${pkgs[@]}"
go test -count=1 -timeout 12m "$@" "${pkgs[@]}"
