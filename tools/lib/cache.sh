# Shared conventions for everything built once per machine (bindings, collector, providers,
# control plane, helm, checkov, prometheus). Override OTEL_STACK_CACHE to move the cache; it must
# live outside the checkout so clean clones reuse it. OTEL_STACK_SHARED is the project's shared/
# folder (pinned provider binaries and charts), laid beside every checkout.
export OTEL_STACK_CACHE="${OTEL_STACK_CACHE:-$HOME/.cache/otel-stack}"
mkdir -p "$OTEL_STACK_CACHE"
export OTEL_STACK_SHARED="${OTEL_STACK_SHARED:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)/shared}"

# cache_key: a 16-hex key of everything on stdin. Callers pipe in what the result depends on (input
# files, pinned versions, and `declare -f` of their build function), never the script file itself:
# a build's key then changes when its recipe or inputs change, not when a comment or this
# library's plumbing does.
cache_key() { sha256sum | cut -c1-16; }

# cache_build NAME KEY BUILD_FN [RESULT]: prints $OTEL_STACK_CACHE/NAME/KEY[/RESULT], building it
# first if it is not complete. A warm call is one file test. A cold one takes NAME/.KEY.lock, so
# parallel callers (tests, the prebuild) wait for one build instead of racing, then runs
# `BUILD_FN DIR` with stdout sent to stderr (stdout carries only the path). BUILD_FN builds into DIR
# and the result is published by one rename, with .complete written last, so a killed build is
# never mistaken for a finished one. CACHE_IN_PLACE=1 builds in the final directory instead, for
# results that cannot be moved (a Python venv names its own path).
cache_build() {
  local name=$1 key=$2 fn=$3 result=${4:-}
  local dir="$OTEL_STACK_CACHE/$name/$key"
  if [ ! -f "$dir/.complete" ]; then
    mkdir -p "$OTEL_STACK_CACHE/$name"
    # A subshell holds the lock so it is released however the build ends. It sets -e itself
    # because a command substitution does not inherit it, and it must not be part of an && or ||
    # list: bash would then ignore `set -e` inside it and publish a failed build.
    (
      set -euo pipefail
      cache_lock "$OTEL_STACK_CACHE/$name/.$key.lock"
      [ -f "$dir/.complete" ] && exit 0
      local start=$SECONDS work="$dir.tmp"
      [ "${CACHE_IN_PLACE:-0}" = 1 ] && work="$dir"
      echo "$name: building into $dir (cold, once per machine)" >&2
      rm -rf "$work"
      mkdir -p "$work"
      "$fn" "$work" >&2
      touch "$work/.complete"
      if [ "$work" != "$dir" ]; then
        rm -rf "$dir"
        mv "$work" "$dir"
      fi
      echo "$name: built in $((SECONDS - start)) s" >&2
    )
    local status=$?
    [ "$status" = 0 ] || return "$status"
  fi
  echo "$dir${result:+/$result}"
}

# cache_lock FILE: takes an exclusive lock on FILE, held until the calling shell or subshell exits,
# so parallel callers of a build wait for the one that got there first.
cache_lock() {
  exec 9>"$1"
  flock 9
}

# require_go WHO: puts the Go toolchain on PATH (a non-login shell may lack /usr/local/go/bin) or
# stops with one line naming who needed it.
require_go() {
  command -v go >/dev/null 2>&1 || export PATH="/usr/local/go/bin:$PATH"
  command -v go >/dev/null 2>&1 || { echo "$1: go is required and is not on PATH or in /usr/local/go/bin" >&2; exit 1; }
}
