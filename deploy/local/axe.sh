#!/usr/bin/env bash
# axe-core, the accessibility engine that the browser tests (services/allinone/browser)
# run in every page they visit: fetched once per machine with npm into the user's cache,
# its tarball checked against the integrity recorded below (npm's dist.integrity of that
# version), and the path of its axe.min.js printed. make test runs it before the tests;
# the tests run it too, so that go test alone works on a fresh machine.
#
# To move to another version: set version, and integrity to the output of
#   npm view axe-core@VERSION dist.integrity
set -euo pipefail

version=4.14.1
integrity=sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ==

dir=${XDG_CACHE_HOME:-$HOME/.cache}/motcua-tools/axe-core-$version
script=$dir/axe.min.js

if [ ! -f "$script" ]; then
	if ! command -v npm >/dev/null 2>&1; then
		echo "axe.sh: npm is missing: install Node.js and npm (apt-get install npm) to fetch axe-core $version" >&2
		exit 1
	fi
	echo "axe.sh: fetching axe-core $version with npm (once per machine)" >&2
	mkdir -p "$(dirname "$dir")"
	tmp=$(mktemp -d "$dir.XXXXXX") # beside dir, so that the move below is a rename
	trap 'rm -rf "$tmp"' EXIT
	npm pack --silent --pack-destination "$tmp" "axe-core@$version" >/dev/null
	tarball=$tmp/axe-core-$version.tgz
	got=$(node -e 'const c = require("crypto"), fs = require("fs");
		console.log("sha512-" + c.createHash("sha512").update(fs.readFileSync(process.argv[1])).digest("base64"))' "$tarball")
	if [ "$got" != "$integrity" ]; then
		echo "axe.sh: axe-core $version came with integrity $got, not the $integrity recorded in deploy/local/axe.sh" >&2
		exit 1
	fi
	tar -xzf "$tarball" -C "$tmp" package/axe.min.js package/LICENSE
	# Two runs at once both finish: the first rename wins, the second finds the script.
	mv -T "$tmp/package" "$dir" 2>/dev/null || [ -f "$script" ]
fi
echo "$script"
