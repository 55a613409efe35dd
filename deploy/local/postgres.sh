#!/usr/bin/env bash
# A private PostgreSQL cluster for development and tests, run from the machine's own
# PostgreSQL binaries (installed from Debian's packages when missing). PostgreSQL refuses
# to run as root, so as root the cluster belongs to the postgres user, who must be able to
# reach DIR. The cluster listens on 127.0.0.1 only, with no Unix socket.
#
#   postgres.sh install          install PostgreSQL when missing
#   postgres.sh start DIR PORT   initialise DIR when empty, start unless running, print the
#                                DATABASE_URL (with the running cluster's port if it was running)
#   postgres.sh status DIR       succeed when the cluster in DIR is running
#   postgres.sh stop DIR         stop the cluster in DIR
#   postgres.sh url DIR PORT     print the DATABASE_URL of the cluster in DIR
set -euo pipefail

find_bindir() {
	local d
	if command -v pg_config >/dev/null 2>&1; then
		d=$(pg_config --bindir 2>/dev/null || true)
		[ -n "$d" ] && [ -x "$d/initdb" ] && { echo "$d"; return; }
	fi
	d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
	[ -n "$d" ] && [ -x "$d/initdb" ] && { echo "$d"; return; }
	return 1
}

# ensure_installed installs Debian's postgresql package when no PostgreSQL is found: as
# root, or through sudo without a password. The package must not create and start a
# system cluster on port 5432, so create_main_cluster is turned off first.
ensure_installed() {
	local sudo=() conf=/etc/postgresql-common/createcluster.conf
	if find_bindir >/dev/null; then return; fi
	if [ "$(id -u)" -ne 0 ]; then
		if ! command -v sudo >/dev/null 2>&1 || ! sudo -n true 2>/dev/null; then
			echo "PostgreSQL is not installed; install Debian's 'postgresql' package or set DATABASE_URL." >&2
			exit 1
		fi
		sudo=(sudo -n)
	fi
	echo "Installing PostgreSQL from Debian's packages..." >&2
	"${sudo[@]}" mkdir -p "$(dirname "$conf")"
	if [ -f "$conf" ] && grep -Eq '^[[:space:]]*#?[[:space:]]*create_main_cluster[[:space:]]*=' "$conf"; then
		"${sudo[@]}" sed -i -E 's/^[[:space:]]*#?[[:space:]]*create_main_cluster[[:space:]]*=.*/create_main_cluster = false/' "$conf"
	else
		echo "create_main_cluster = false" | "${sudo[@]}" tee -a "$conf" >/dev/null
	fi
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
	find_bindir >/dev/null || { echo "PostgreSQL was installed but its binaries were not found." >&2; exit 1; }
}

# as_owner runs a command as the cluster's owner: the postgres user when we are root, from
# / since it may not be able to enter the current directory (all paths here are absolute).
as_owner() {
	if [ "$(id -u)" -eq 0 ]; then
		(cd / && runuser -u postgres -- "$@")
	else
		"$@"
	fi
}

url() {
	local dir=$1 port=$2
	printf 'postgres://%s:%s@127.0.0.1:%s/postgres?sslmode=disable\n' "$(cat "$dir/superuser")" "$(cat "$dir/password")" "$port"
}

status() {
	local dir=$1 bindir
	[ -f "$dir/data/PG_VERSION" ] || return 1
	bindir=$(find_bindir) || return 1
	as_owner "$bindir/pg_ctl" -D "$dir/data" status >/dev/null 2>&1
}

start() {
	local dir=$1 port=$2 bindir running
	ensure_installed
	bindir=$(find_bindir)
	mkdir -p "$dir"
	dir=$(cd "$dir" && pwd)
	if [ "$(id -u)" -eq 0 ]; then
		chown postgres: "$dir"
		if ! runuser -u postgres -- test -x "$dir"; then
			echo "The postgres user cannot reach $dir (a parent directory is closed to it); choose a directory it can reach." >&2
			exit 1
		fi
	fi
	chmod 700 "$dir"
	if [ ! -f "$dir/data/PG_VERSION" ]; then
		if [ "$(id -u)" -eq 0 ]; then echo postgres >"$dir/superuser"; else id -un >"$dir/superuser"; fi
		head -c 24 /dev/urandom | base64 | tr -d '/+=' >"$dir/password"
		if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir/superuser" "$dir/password"; fi
		as_owner "$bindir/initdb" -D "$dir/data" -U "$(cat "$dir/superuser")" --pwfile="$dir/password" \
			--auth-local=scram-sha-256 --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
			{ cat "$dir/initdb.log" >&2; exit 1; }
	fi
	if status "$dir"; then
		# Already running (another run started it): its own port, from postmaster.pid.
		running=$(as_owner sed -n 4p "$dir/data/postmaster.pid" 2>/dev/null || true)
		case "$running" in '' | *[!0-9]*) ;; *) port=$running ;; esac
	else
		# The options are read by a shell inside pg_ctl: only plain words go in here.
		as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
			-o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c max_connections=200 -c shared_buffers=256MB -c fsync=${PG_FSYNC:-on} -c synchronous_commit=${PG_SYNCHRONOUS_COMMIT:-on} ${PG_EXTRA_OPTS:-}" >/dev/null ||
			{ tail -n 20 "$dir/server.log" >&2; exit 1; }
	fi
	url "$dir" "$port"
}

stop() {
	local dir=$1 bindir
	[ -f "$dir/data/PG_VERSION" ] || return 0
	bindir=$(find_bindir) || return 0
	as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
}

absolute() {
	case "$1" in /*) echo "$1" ;; *) echo "$PWD/$1" ;; esac
}

case "${1:-}" in
install) ensure_installed ;;
start) start "$(absolute "$2")" "$3" ;;
status) status "$(absolute "$2")" ;;
stop) stop "$(absolute "$2")" ;;
url) url "$2" "$3" ;;
*) echo "usage: $0 install | start DIR PORT | status DIR | stop DIR | url DIR PORT" >&2; exit 2 ;;
esac
