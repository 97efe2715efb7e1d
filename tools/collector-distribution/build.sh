#!/usr/bin/env bash
# Builds the otel-stack collector distribution (otelcol-otelstack) from manifest.yaml with the
# OpenTelemetry Collector Builder, once per machine.
#
# The binary lands in $OTEL_STACK_CACHE/collector/<hash of manifest.yaml + this script>/, so a
# manifest change gets a fresh directory and a warm call only hashes two files and returns.
# stdout carries exactly one line, the binary's path, so callers can do bin=$(build.sh);
# all progress goes to stderr.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/../../tools/lib/cache.sh"

builder_version=v0.158.0
key=$(cat "$here/manifest.yaml" "$here/build.sh" | sha256sum | cut -c1-16)
dir="$OTEL_STACK_CACHE/collector/$key"
bin="$dir/otelcol-otelstack"
if [ -f "$dir/.complete" ]; then
  echo "$bin"
  exit 0
fi

# Parallel test runs may all arrive cold; serialise them so only one pays for the build and
# the others pick up its result after the lock is released.
mkdir -p "$OTEL_STACK_CACHE/collector"
exec 9>"$OTEL_STACK_CACHE/collector/.$key.lock"
flock 9
if [ -f "$dir/.complete" ]; then
  echo "$bin"
  exit 0
fi

# Go may not be on a non-login PATH; the toolchain lives in /usr/local/go on the dev image.
command -v go >/dev/null 2>&1 || export PATH="/usr/local/go/bin:$PATH"
command -v go >/dev/null 2>&1 || { echo "collector: go is required to build the distribution" >&2; exit 1; }

start=$SECONDS
# The builder gets its own GOBIN keyed by version so different builder releases never collide.
builder_dir="$OTEL_STACK_CACHE/tools/builder-$builder_version"
builder="$builder_dir/builder"
if [ ! -x "$builder" ]; then
  echo "collector: installing ocb $builder_version into $builder_dir" >&2
  GOBIN="$builder_dir" go install "go.opentelemetry.io/collector/cmd/builder@$builder_version" >&2
fi

echo "collector: building otelcol-otelstack into $dir (cold: several minutes, once per machine)" >&2
rm -rf "$dir.tmp"
mkdir -p "$dir.tmp"
# The manifest's output_path is relative (./src), so running from the scratch dir keeps the
# generated sources out of the checkout. CGO stays off (the builder's default, made explicit)
# so the binary is static and runs in a distroless/scratch image; -s -w strips debug info.
(
  cd "$dir.tmp"
  CGO_ENABLED=0 "$builder" --config "$here/manifest.yaml" --ldflags="-s -w" >&2
)
mv "$dir.tmp/src/otelcol-otelstack" "$dir.tmp/otelcol-otelstack"
# The generated sources stay in src/ (small; go.mod shows exactly what was resolved).
"$dir.tmp/otelcol-otelstack" --version >&2
touch "$dir.tmp/.complete"
rm -rf "$dir"
mv "$dir.tmp" "$dir"
echo "collector: cold build done in $((SECONDS - start)) s" >&2
echo "$bin"
