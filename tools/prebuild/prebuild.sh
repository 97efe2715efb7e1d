#!/usr/bin/env bash
# Starts, in the background, the cold builds that only the tests need, so that on a fresh machine
# they overlap with binding generation and compilation instead of starting when the first test
# asks for them. Each build script takes its own lock, so a test that needs one waits for it, and
# a warm build script returns at once. Run by `mvn verify` (tools/prebuild/pom.xml), not by synth.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
source "$root/tools/lib/cache.sh"
mkdir -p "$OTEL_STACK_CACHE/logs"
# One background chain per kind of work: the Go builds each use every core, so they run one
# after the other (the collector first: the earliest tests need it), beside the light installs.
chains=(
  "tools/collector-distribution/build.sh tools/kube-control-plane/build.sh tools/helm/build.sh"
  "tools/prometheus/install.sh tools/checkov/install.sh"
)
for chain in "${chains[@]}"; do
  log="$OTEL_STACK_CACHE/logs/prebuild-$(echo "$chain" | cksum | cut -d' ' -f1).log"
  # setsid + nohup: Maven must not wait for it, and its end must not end the build. A failure
  # here is only logged: the test that needs the tool runs its build again and reports it.
  setsid nohup bash -c 'cd "$0" && for b in "${@:1}"; do bash "$b"; done' "$root" $chain \
    >"$log" 2>&1 </dev/null &
done
