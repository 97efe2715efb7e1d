# Shared cache convention for everything built once per machine (bindings, collector, providers).
# Override OTEL_STACK_CACHE to move it; it must live outside the checkout so clean clones reuse it.
export OTEL_STACK_CACHE="${OTEL_STACK_CACHE:-$HOME/.cache/otel-stack}"
mkdir -p "$OTEL_STACK_CACHE"
