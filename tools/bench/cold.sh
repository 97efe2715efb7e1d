#!/usr/bin/env bash
# Times the README's two commands as a new machine meets them: a fresh clone of this checkout's
# HEAD with shared/ copied beside it (as CI lays it), and an empty Maven local repository,
# otel-stack cache, npm cache and Go module and build caches, all under WORKDIR. Prints the wall
# time and exit code of each command and the load average each minute; the outputs stay in
# WORKDIR. Takes the whole machine for about 45 minutes on 2 cores: run it on a quiet machine.
# Usage: tools/bench/cold.sh WORKDIR (emptied first)
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
w=${1:?usage: tools/bench/cold.sh WORKDIR}
rm -rf "$w"
mkdir -p "$w"
w=$(cd "$w" && pwd)
git clone -q "$root" "$w/x"
cp -r "$root/../shared" "$w/shared"
export OTEL_STACK_CACHE="$w/cache" MAVEN_OPTS="-Dmaven.repo.local=$w/m2" npm_config_cache="$w/npm"
export GOCACHE="$w/gocache" GOMODCACHE="$w/gomod"
(while sleep 60; do echo "load $(date -u +%T) $(cut -d' ' -f1 /proc/loadavg)"; done) >"$w/load.txt" &
sampler=$!
trap 'kill $sampler' EXIT
cd "$w/x"
echo "commit $(git log --oneline -1)"
timed() { # name command...: runs it with its output in WORKDIR/name.log, prints its time
  local name=$1 s=$SECONDS rc
  shift
  "$@" >"$w/$name.log" 2>&1
  rc=$?
  echo "$name: exit $rc in $((SECONDS - s)) s"
}
timed synth tools/synth
timed verify env CI=true bash .ci/run
cat "$w/load.txt"
