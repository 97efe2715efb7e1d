#!/usr/bin/env bash
# Builds the helm CLI that renders the real charts in tests (helm template), once per machine,
# from its Go module: no prebuilt binary is downloaded.
#
# The binary lands in $OTEL_STACK_CACHE/helm/<hash of this script>/helm, so a version change gets
# a fresh directory and a warm call only hashes one file and returns. stdout carries exactly one
# line, the binary's path; all progress goes to stderr.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/../../tools/lib/cache.sh"

version=v3.19.0
key=$(sha256sum "$here/build.sh" | cut -c1-16)
dir="$OTEL_STACK_CACHE/helm/$key"
bin="$dir/helm"
if [ -f "$dir/.complete" ]; then
  echo "$bin"
  exit 0
fi

# Parallel test runs may all arrive cold; only one builds, the others wait and reuse it.
mkdir -p "$OTEL_STACK_CACHE/helm"
exec 9>"$OTEL_STACK_CACHE/helm/.$key.lock"
flock 9
if [ -f "$dir/.complete" ]; then
  echo "$bin"
  exit 0
fi

command -v go >/dev/null 2>&1 || export PATH="/usr/local/go/bin:$PATH"
command -v go >/dev/null 2>&1 || { echo "helm: go is required to build helm" >&2; exit 1; }

start=$SECONDS
echo "helm: building helm $version into $dir (cold: a few minutes, once per machine)" >&2
rm -rf "$dir.tmp"
mkdir -p "$dir.tmp"
CGO_ENABLED=0 GOBIN="$dir.tmp" go install -ldflags="-s -w" "helm.sh/helm/v3/cmd/helm@$version" >&2
"$dir.tmp/helm" version --short >&2
touch "$dir.tmp/.complete"
rm -rf "$dir"
mv "$dir.tmp" "$dir"
echo "helm: cold build done in $((SECONDS - start)) s" >&2
echo "$bin"
