#!/usr/bin/env bash
# A private PostgreSQL cluster for development and tests, run from the machine's own
# PostgreSQL binaries (installed from Debian's packages when missing). PostgreSQL refuses
# to run as root, so as root the cluster belongs to the postgres user.
#
#   postgres.sh start DIR PORT   initialise DIR when empty, start, print the DATABASE_URL
#   postgres.sh stop DIR         stop the cluster in DIR
#   postgres.sh url DIR PORT     print the DATABASE_URL of the cluster in DIR
set -euo pipefail

find_bindir() {
	local d
	if command -v pg_config >/dev/null 2>&1; then
		d=$(pg_config --bindir 2>/dev/null || true)
		[ -x "$d/initdb" ] && { echo "$d"; return; }
	fi
	d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
	[ -n "$d" ] && [ -x "$d/initdb" ] && { echo "$d"; return; }
	return 1
}

ensure_installed() {
	if find_bindir >/dev/null; then return; fi
	if [ "$(id -u)" -ne 0 ]; then
		echo "PostgreSQL is not installed; install Debian's 'postgresql' package or set DATABASE_URL." >&2
		exit 1
	fi
	echo "Installing PostgreSQL from Debian's packages..." >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2
	apt-get install -y -qq postgresql >&2
}

# as_owner runs a command as the cluster's owner: the postgres user when we are root.
as_owner() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

url() {
	local dir=$1 port=$2 user
	user=$(cat "$dir/superuser")
	printf 'postgres://%s:%s@127.0.0.1:%s/postgres?sslmode=disable\n' "$user" "$(cat "$dir/password")" "$port"
}

start() {
	local dir=$1 port=$2 bindir
	ensure_installed
	bindir=$(find_bindir)
	mkdir -p "$dir"
	dir=$(cd "$dir" && pwd)
	if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir"; fi
	chmod 700 "$dir"
	if [ ! -f "$dir/data/PG_VERSION" ]; then
		if [ "$(id -u)" -eq 0 ]; then echo postgres >"$dir/superuser"; else id -un >"$dir/superuser"; fi
		head -c 24 /dev/urandom | base64 | tr -d '/+=' >"$dir/password"
		if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir/superuser" "$dir/password"; fi
		as_owner "$bindir/initdb" -D "$dir/data" -U "$(cat "$dir/superuser")" --pwfile="$dir/password" \
			--auth-local=scram-sha-256 --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
			{ cat "$dir/initdb.log" >&2; exit 1; }
	fi
	if ! as_owner "$bindir/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
		as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
			-o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=256MB -c fsync=${PG_FSYNC:-on} -c synchronous_commit=${PG_SYNCHRONOUS_COMMIT:-on} ${PG_EXTRA_OPTS:-}" >/dev/null ||
			{ tail -n 20 "$dir/server.log" >&2; exit 1; }
	fi
	url "$dir" "$port"
}

stop() {
	local dir=$1 bindir
	[ -f "$dir/data/PG_VERSION" ] || return 0
	bindir=$(find_bindir)
	as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
}

case "${1:-}" in
start) start "$2" "$3" ;;
stop) stop "$2" ;;
url) url "$2" "$3" ;;
*) echo "usage: $0 start DIR PORT | stop DIR | url DIR PORT" >&2; exit 2 ;;
esac
