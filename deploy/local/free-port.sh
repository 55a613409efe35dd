#!/usr/bin/env bash
# Prints a TCP port on 127.0.0.1 that nothing listens on, starting the search at $1.
set -euo pipefail
p=${1:-55432}
while (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 1)); done
echo "$p"
