#!/usr/bin/env bash
# Builds the otel-stack collector distribution (otelcol-otelstack) from manifest.yaml with the
# OpenTelemetry Collector Builder, once per machine.
#
# The binary lands in $OTEL_STACK_CACHE/collector/<key of manifest.yaml, the builder version and
# the recipe>/, so a manifest change gets a fresh directory and a warm call only hashes it.
# stdout carries exactly one line, the binary's path, so callers can do bin=$(build.sh);
# all progress goes to stderr.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/../lib/cache.sh"

builder_version=v0.158.0
build() {
  # The builder gets its own GOBIN keyed by version so different builder releases never collide.
  local builder="$OTEL_STACK_CACHE/tools/builder-$builder_version/builder"
  [ -x "$builder" ] || GOBIN="$(dirname "$builder")" go install "go.opentelemetry.io/collector/cmd/builder@$builder_version"
  # The manifest's output_path is relative (./src), so building from the scratch dir keeps the
  # generated sources out of the checkout. CGO stays off so the binary is static; -s -w strips
  # debug info. The generated sources stay in src/ (small; go.mod shows what was resolved).
  (cd "$1" && CGO_ENABLED=0 "$builder" --config "$here/manifest.yaml" --ldflags="-s -w")
  mv "$1/src/otelcol-otelstack" "$1/otelcol-otelstack"
  "$1/otelcol-otelstack" --version
}
require_go collector
cache_build collector "$( { cat "$here/manifest.yaml"; echo "$builder_version"; declare -f build; } | cache_key)" \
  build otelcol-otelstack
