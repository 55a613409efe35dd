#!/usr/bin/env bash
# Runs every test of the workspace against a private PostgreSQL cluster started for the
# run (and removed after it). NATS servers are started by the tests themselves.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"

# shellcheck source=temporary-postgres.sh
. "$here/temporary-postgres.sh"
PG_FSYNC=off PG_SYNCHRONOUS_COMMIT=off use_temporary_postgres test

mods=$(go list -m -f '{{.Dir}}')
pkgs=()
while IFS= read -r m; do pkgs+=("${m#"$root"/}/..."); done <<<"$mods"
pkgs=("${pkgs[@]/#/./}")
go vet "${pkgs[@]}"
go test -count=1 -timeout 12m "$@" "${pkgs[@]}"
