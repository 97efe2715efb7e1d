#!/usr/bin/env bash
# Provides a real Prometheus server for the alert proof (CoralogixAlertsProofTest): Debian's
# `prometheus` package, unpacked into the cache rather than installed, so it needs no root, starts
# no system service, and never touches the machine's own Prometheus if it has one.
#
# The server lands in $OTEL_STACK_CACHE/prometheus/<hash of this script + package version>/, so a
# different candidate version gets a fresh directory and a warm call only asks apt for the version.
# stdout carries exactly one line, the server binary's path; progress goes to stderr.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/../lib/cache.sh"

candidate() { apt-cache policy prometheus 2>/dev/null | awk '/Candidate:/ {print $2}'; }
version=$(candidate)
# A fresh machine may have empty package lists; as root (CI), fetch them once.
if { [ -z "$version" ] || [ "$version" = "(none)" ]; } && [ "$(id -u)" = 0 ]; then
  apt-get update -qq >&2
  version=$(candidate)
fi
if [ -z "$version" ] || [ "$version" = "(none)" ]; then
  echo "prometheus: apt knows no 'prometheus' package (run apt-get update)" >&2
  exit 1
fi
key=$( (cat "$here/install.sh"; echo "$version") | sha256sum | cut -c1-16)
dir="$OTEL_STACK_CACHE/prometheus/$key"
bin="$dir/usr/bin/prometheus"
if [ -f "$dir/.complete" ]; then
  echo "$bin"
  exit 0
fi

mkdir -p "$OTEL_STACK_CACHE/prometheus"
exec 9>"$OTEL_STACK_CACHE/prometheus/.$key.lock"
flock 9
if [ -f "$dir/.complete" ]; then
  echo "$bin"
  exit 0
fi

echo "prometheus: unpacking Debian prometheus $version into $dir" >&2
rm -rf "$dir.tmp"
mkdir -p "$dir.tmp"
# apt-get download writes into the working directory and needs no root.
(cd "$dir.tmp" && apt-get download "prometheus=$version" >&2)
dpkg-deb -x "$dir.tmp"/prometheus_*.deb "$dir.tmp"
rm -f "$dir.tmp"/prometheus_*.deb
"$dir.tmp/usr/bin/prometheus" --version >&2
touch "$dir.tmp/.complete"
rm -rf "$dir"
mv "$dir.tmp" "$dir"
echo "$bin"
