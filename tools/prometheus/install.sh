#!/usr/bin/env bash
# Provides a real Prometheus server for the alert proof (CoralogixAlertsProofTest): Debian's
# `prometheus` package, unpacked into the cache rather than installed, so it needs no root, starts
# no system service, and never touches the machine's own Prometheus if it has one.
#
# The server lands in $OTEL_STACK_CACHE/prometheus/<key of the package version and the recipe>/, so a
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
build() {
  # apt-get download writes into the working directory and needs no root.
  (cd "$1" && apt-get download "prometheus=$version")
  dpkg-deb -x "$1"/prometheus_*.deb "$1"
  rm -f "$1"/prometheus_*.deb
  "$1/usr/bin/prometheus" --version
}
cache_build prometheus "$( { echo "$version"; declare -f build; } | cache_key)" build usr/bin/prometheus
