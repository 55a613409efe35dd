#!/usr/bin/env bash
# Prints a TCP port on 127.0.0.1 that no socket uses, starting the search at $1. A port
# counts as used when something listens on it, and also when an outgoing connection
# holds it (even in TIME-WAIT), since a server cannot bind it then either.
set -euo pipefail
p=${1:-55432}
used() {
	if command -v ss >/dev/null 2>&1 && [ -n "$(ss -Htan "sport = :$1" 2>/dev/null)" ]; then
		return 0
	fi
	(exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
while used "$p"; do p=$((p + 1)); done
echo "$p"
