#!/usr/bin/env bash
# Builds the helm CLI that renders the real charts in tests (helm template), once per machine,
# from its Go module: no prebuilt binary is downloaded.
#
# The binary lands in $OTEL_STACK_CACHE/helm/<key of the version and the recipe>/helm. stdout
# carries exactly one line, the binary's path; all progress goes to stderr.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/../lib/cache.sh"

version=v3.19.0
build() {
  CGO_ENABLED=0 GOBIN="$1" go install -ldflags="-s -w" "helm.sh/helm/v3/cmd/helm@$version"
  "$1/helm" version --short
}
require_go helm
cache_build helm "$( { echo "$version"; declare -f build; } | cache_key)" build helm
