#!/usr/bin/env bash
# Installs checkov, the IaC security scanner the tests run over the synthesized stacks and the
# rendered charts, into a virtualenv of its own, once per machine.
#
# requirements.txt pins checkov and every package it pulls in (a pip freeze of a clean install),
# so two machines scan with the same rules. The venv lands in
# $OTEL_STACK_CACHE/checkov/<key of requirements.txt and the recipe>/, so a version bump gets a
# fresh directory and a warm call only hashes two files and returns. stdout carries exactly one
# line, the checkov executable's path; all progress goes to stderr.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/../lib/cache.sh"

python=$(command -v python3 || true)
[ -n "$python" ] || { echo "checkov: python3 (3.9 or later) is required" >&2; exit 1; }
build() {
  # Debian splits venv (ensurepip) out of python3; CI runs as root, so it may add it.
  if ! "$python" -m venv "$1/venv"; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "checkov: installing python3-venv"
      apt-get install -y -q python3-venv || { apt-get update -q && apt-get install -y -q python3-venv; }
      rm -rf "$1/venv"
      "$python" -m venv "$1/venv"
    else
      echo "checkov: $python has no working venv module; install python3-venv"
      exit 1
    fi
  fi
  "$1/venv/bin/pip" install -q --disable-pip-version-check -r "$here/requirements.txt"
  "$1/venv/bin/checkov" --version
}
# A venv is not relocatable (its scripts name their interpreter by absolute path), so it is built
# in place; only the .complete marker, written last, makes it visible.
CACHE_IN_PLACE=1 cache_build checkov "$( { cat "$here/requirements.txt"; declare -f build; } | cache_key)" \
  build venv/bin/checkov
