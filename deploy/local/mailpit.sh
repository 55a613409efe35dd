#!/usr/bin/env bash
# A local mail catcher for make run: Mailpit, built once per machine from the Go module
# proxy into the user's cache (where the tests' services/platform/mailtest builds it
# too, at the version that file names), started on free ports with its mailbox in DIR.
#
#   mailpit.sh start DIR   start it unless running; print the SMTP URL, then the address
#                          of its web API on a second line
#   mailpit.sh stop DIR    stop it
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

version=$(sed -n 's/^const Version = "\(.*\)"$/\1/p' "$root/services/platform/mailpit/mailpit.go")
[ -n "$version" ] || { echo "mailpit.sh: no Mailpit version in services/platform/mailpit/mailpit.go" >&2; exit 1; }
bindir=${XDG_CACHE_HOME:-$HOME/.cache}/motcua-tools/mailpit-$version
bin=$bindir/mailpit

build() {
	[ -x "$bin" ] && return
	echo "Building the mail catcher (Mailpit $version; once per machine, a few minutes)..." >&2
	mkdir -p "$bindir"
	GOBIN=$bindir CGO_ENABLED=0 go install "github.com/axllent/mailpit@$version" >&2
}

start() {
	local dir=$1 smtp api
	mkdir -p "$dir"
	if [ -f "$dir/pid" ] && kill -0 "$(cat "$dir/pid")" 2>/dev/null; then
		cat "$dir/urls"
		return
	fi
	build
	smtp=$("$here/free-port.sh" 1025)
	api=$("$here/free-port.sh" 8025)
	"$bin" --smtp "127.0.0.1:$smtp" --listen "127.0.0.1:$api" --database "$dir/mailpit.db" \
		--smtp-auth-accept-any --smtp-auth-allow-insecure --disable-version-check --quiet >"$dir/log" 2>&1 &
	echo $! >"$dir/pid"
	for _ in $(seq 1 100); do
		if (exec 3<>"/dev/tcp/127.0.0.1/$api") 2>/dev/null; then
			printf 'smtp://127.0.0.1:%s\nhttp://127.0.0.1:%s\n' "$smtp" "$api" | tee "$dir/urls"
			return
		fi
		sleep 0.1
	done
	echo "mailpit.sh: Mailpit did not start; see $dir/log" >&2
	exit 1
}

stop() {
	local dir=$1
	if [ -f "$dir/pid" ]; then
		kill "$(cat "$dir/pid")" 2>/dev/null || true
		rm -f "$dir/pid" "$dir/urls"
	fi
}

case "${1:-}" in
start | stop) "$1" "${2:?DIR}" ;;
*)
	echo "usage: mailpit.sh start|stop DIR" >&2
	exit 2
	;;
esac
