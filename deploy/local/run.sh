#!/usr/bin/env bash
# make run: PostgreSQL from DATABASE_URL, or a private cluster kept in .data/postgres;
# a local mail catcher unless MOTCUA_SMTP_URL is set; the all-in-one command with its
# embedded NATS (unless NATS_URL is set) and demo data.
# Ctrl-C stops everything; the next run finds its data again. A run stops only the
# PostgreSQL it started itself, and exits with the status of motcua.
#
# As root the cluster belongs to the postgres user; when that user cannot reach the data
# directory (a repository under a closed home such as /root), the cluster is kept under
# /var/lib/postgresql instead, and its place is remembered in .data/postgres-dir.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
motcua=${MOTCUA_BIN:-$root/bin/motcua}
[ -x "$motcua" ] || { echo "$motcua is missing: run make build (make run does)." >&2; exit 1; }
data=${MOTCUA_DATA_DIR:-$root/.data}
mkdir -p "$data"
data=$(cd "$data" && pwd)
chmod 755 "$data"
export MOTCUA_DATA_DIR=$data

# What to undo at exit, in order.
at_exit=()
trap 'for c in "${at_exit[@]}"; do eval "$c"; done' EXIT

if [ -z "${DATABASE_URL:-}" ]; then
	"$here/postgres.sh" install
	pgdir=$data/postgres
	if [ -s "$data/postgres-dir" ]; then
		pgdir=$(cat "$data/postgres-dir")
	elif [ "$(id -u)" -eq 0 ] && ! runuser -u postgres -- test -x "$data"; then
		pgdir=/var/lib/postgresql/motcua-$(printf '%s' "$data" | sha256sum | cut -c1-12)
		mkdir -p "$pgdir"
		chown postgres: "$pgdir"
		echo "$pgdir" >"$data/postgres-dir"
		echo "The postgres user cannot reach $data; the PostgreSQL cluster is kept in $pgdir (recorded in $data/postgres-dir)."
	fi

	port=${MOTCUA_PG_PORT:-}
	if [ -z "$port" ]; then
		if [ -f "$pgdir/port" ]; then port=$(cat "$pgdir/port"); else port=$("$here/free-port.sh" 55432); fi
	fi

	if "$here/postgres.sh" status "$pgdir"; then
		echo "PostgreSQL in $pgdir is already running (another run?); it is left running at exit."
	else
		at_exit+=('"$here/postgres.sh" stop "$pgdir" || true; echo "PostgreSQL stopped."')
	fi
	DATABASE_URL=$("$here/postgres.sh" start "$pgdir" "$port")
	export DATABASE_URL
	port=${DATABASE_URL##*@127.0.0.1:}
	port=${port%%/*}
	echo "$port" >"$pgdir/port"
	echo "PostgreSQL running on 127.0.0.1:$port (data in $pgdir)."
	# The URL holds the superuser's password: it is printed only on demand, never logged.
	echo "To add staff accounts: DATABASE_URL=\$(deploy/local/postgres.sh url '$pgdir' $port) bin/motcua users add --username U --role desk --office CODE"
fi

# Without a mail server of its own, a local mail catcher receives what the product sends
# (verification codes, notices), to be read through its web API.
if [ -z "${MOTCUA_SMTP_URL:-}" ]; then
	mail=$("$here/mailpit.sh" start "$data/mail")
	MOTCUA_SMTP_URL=$(sed -n 1p <<<"$mail")
	export MOTCUA_SMTP_URL
	at_exit+=('"$here/mailpit.sh" stop "$data/mail"; echo "Mail catcher stopped."')
	echo "Mail catcher (Mailpit) for the product's mail: $(sed -n 2p <<<"$mail")/api/v1/messages"
fi

# Ctrl-C reaches motcua through the trap (a background command ignores SIGINT); wait is
# repeated after an interruption so that motcua's own exit status is kept.
"$motcua" serve --demo &
pid=$!
interrupted=0
trap 'interrupted=1; kill -TERM "$pid" 2>/dev/null || true' INT TERM
status=0
wait "$pid" || status=$?
while [ "$interrupted" -eq 1 ]; do
	interrupted=0
	rc=0
	wait "$pid" || rc=$?
	# 127: motcua's status was already collected by the previous wait.
	[ "$rc" -eq 127 ] || status=$rc
done
exit "$status"
