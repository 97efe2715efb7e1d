#!/usr/bin/env bash
# Installs checkov, the IaC security scanner the tests run over the synthesized stacks and the
# rendered charts, into a virtualenv of its own, once per machine.
#
# requirements.txt pins checkov and every package it pulls in (a pip freeze of a clean install),
# so two machines scan with the same rules. The venv lands in
# $OTEL_STACK_CACHE/checkov/<hash of requirements.txt + this script>/, so a version bump gets a
# fresh directory and a warm call only hashes two files and returns. stdout carries exactly one
# line, the checkov executable's path; all progress goes to stderr.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/../../tools/lib/cache.sh"

key=$(cat "$here/requirements.txt" "$here/install.sh" | sha256sum | cut -c1-16)
dir="$OTEL_STACK_CACHE/checkov/$key"
bin="$dir/venv/bin/checkov"
if [ -f "$dir/.complete" ]; then
  echo "$bin"
  exit 0
fi

mkdir -p "$OTEL_STACK_CACHE/checkov"
exec 9>"$OTEL_STACK_CACHE/checkov/.$key.lock"
flock 9
if [ -f "$dir/.complete" ]; then
  echo "$bin"
  exit 0
fi

python=$(command -v python3 || true)
[ -n "$python" ] || { echo "checkov: python3 (3.9 or later) is required" >&2; exit 1; }
start=$SECONDS
# A venv is not relocatable (its scripts name their interpreter by absolute path), so it is built
# in place and only the .complete marker, written last, makes it visible.
rm -rf "$dir"
mkdir -p "$dir"
# Debian splits venv (ensurepip) out of python3; CI runs as root, so it may add it.
if ! "$python" -m venv "$dir/venv" >&2; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "checkov: installing python3-venv" >&2
    apt-get install -y -q python3-venv >&2 || { apt-get update -q >&2 && apt-get install -y -q python3-venv >&2; }
    rm -rf "$dir/venv"
    "$python" -m venv "$dir/venv" >&2
  else
    echo "checkov: $python has no working venv module; install python3-venv" >&2
    exit 1
  fi
fi
echo "checkov: installing the pinned requirements into $dir (cold: about a minute)" >&2
"$dir/venv/bin/pip" install -q --disable-pip-version-check -r "$here/requirements.txt" >&2
"$dir/venv/bin/checkov" --version >&2
touch "$dir/.complete"
echo "checkov: installed in $((SECONDS - start)) s" >&2
echo "$bin"
