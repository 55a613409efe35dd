# Sourced by test.sh and bench.sh. use_temporary_postgres NAME: unless DATABASE_URL is
# already set, starts a PostgreSQL cluster in a temporary folder for this run (settings
# from the PG_* variables postgres.sh reads), exports its DATABASE_URL, and stops and
# removes it when the script exits, failures included, keeping the script's exit status.
use_temporary_postgres() {
	[ -z "${DATABASE_URL:-}" ] || return 0
	local here
	here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
	temporary_pg=$(mktemp -d "${TMPDIR:-/tmp}/motcua-$1-pg.XXXXXX")
	chmod 755 "$temporary_pg"
	trap '"'"$here"'/postgres.sh" stop "$temporary_pg/cluster" || true; rm -rf "$temporary_pg" || true' EXIT
	DATABASE_URL=$("$here/postgres.sh" start "$temporary_pg/cluster" "$("$here/free-port.sh" 55432)")
	export DATABASE_URL
}
