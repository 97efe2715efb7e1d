# Shared conventions for everything built once per machine (bindings, collector, providers,
# control plane). Override OTEL_STACK_CACHE to move the cache; it must live outside the checkout
# so clean clones reuse it. OTEL_STACK_SHARED is the project's shared/ folder (pinned provider
# binaries and charts), laid beside every checkout.
export OTEL_STACK_CACHE="${OTEL_STACK_CACHE:-$HOME/.cache/otel-stack}"
mkdir -p "$OTEL_STACK_CACHE"
export OTEL_STACK_SHARED="${OTEL_STACK_SHARED:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)/shared}"
