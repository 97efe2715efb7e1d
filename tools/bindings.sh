#!/usr/bin/env bash
# Generates the CDKTF Java bindings (cdktf + aws/kubernetes/helm providers) from the npm
# packages pinned in package-lock.json, because Maven Central does not serve the 0.21 bindings.
#
# The result is a Maven repository layout under the machine cache, keyed by the lock file's
# hash, and linked into the checkout as .bindings/ (pom.xml reads it as a file:// repository).
# A warm run only compares one hash and returns.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
source tools/lib/cache.sh

# Bump the generation tag when the pacmak call below changes in a way that changes the jars.
generation=pacmak-java-1
key=$( (cat package-lock.json; echo "$generation") | sha256sum | cut -c1-16)
dir="$OTEL_STACK_CACHE/bindings/$key"
if [ -f "$dir/.complete" ]; then
  [ "$(readlink .bindings 2>/dev/null)" = "$dir" ] || ln -sfn "$dir" .bindings
  exit 0
fi

# Concurrent builds (parallel checkouts, CI) wait for one generator instead of racing it.
mkdir -p "$OTEL_STACK_CACHE/bindings"
exec 9>"$OTEL_STACK_CACHE/bindings/.lock"
flock 9
if [ -f "$dir/.complete" ]; then
  ln -sfn "$dir" .bindings
  exit 0
fi

echo "bindings: generating CDKTF Java bindings into $dir (cold: about 5 minutes, once per machine)" >&2
start=$SECONDS
[ -d node_modules/jsii-pacmak ] || npm ci --no-audit --no-fund --ignore-scripts >&2
rm -rf "$dir.tmp"
mkdir -p "$dir.tmp"
# One call for all packages, so the providers link against the locally built cdktf.
# Javadoc and source jars cost most of the time and nobody reads them from here.
MAVEN_OPTS="${MAVEN_OPTS:-} -Dmaven.javadoc.skip=true -Dmaven.source.skip=true" \
JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20 \
  npx --no-install jsii-pacmak --target java --outdir "$dir.tmp" \
    node_modules/cdktf \
    node_modules/@cdktf/provider-aws \
    node_modules/@cdktf/provider-kubernetes \
    node_modules/@cdktf/provider-helm >&2
touch "$dir.tmp/.complete"
rm -rf "$dir"
mv "$dir.tmp" "$dir"
ln -sfn "$dir" .bindings
echo "bindings: done in $((SECONDS - start)) s" >&2
