#!/usr/bin/env bash
# Starts, in the background, the cold builds that only the tests need, so that on a fresh machine
# they overlap with binding generation and compilation instead of starting when the first test
# asks for them. Each build script takes its own lock, so a test that needs one waits for it, and
# a warm build script returns at once. Run by `mvn verify` (tools/prebuild/pom.xml), not by synth.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
source "$root/tools/lib/cache.sh"
mkdir -p "$OTEL_STACK_CACHE/logs"
for build in tools/collector-distribution/build.sh tools/kube-control-plane/build.sh; do
  name=$(basename "$(dirname "$build")")
  # setsid + nohup: Maven must not wait for it, and its end must not end the build.
  setsid nohup bash "$root/$build" >"$OTEL_STACK_CACHE/logs/$name.log" 2>&1 </dev/null &
done
