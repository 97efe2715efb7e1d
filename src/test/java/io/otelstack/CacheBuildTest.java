package io.otelstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelstack.testing.ExternalTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cache_build} in tools/lib/cache.sh, which every tools/ script builds its cache with: a
 * failed build publishes nothing, and parallel callers wait for one build and reuse it. Each test
 * runs bash against a cache of its own (OTEL_STACK_CACHE in a temporary directory) with a small
 * build function in place of a real recipe.
 */
@Tag("integration")
class CacheBuildTest {
  /** Sources the library, then runs the snippet given as the first argument. */
  private static final String PREAMBLE = "set -euo pipefail; source \"$CACHE_SH\"; ";

  @Test
  void aFailingBuildPublishesNothingAndTheNextCallBuildsAgain(@TempDir Path tmp)
      throws IOException {
    Path cache = tmp.resolve("cache");
    Path runs = tmp.resolve("runs");
    // The failure is not the function's last command, and a command substitution (as the scripts
    // call it) does not pass `set -e` on: only cache_build's own `set -e` stops the build.
    String failing =
        "build() { echo run >>\"$RUNS\"; echo half >\"$1/out\"; false; echo whole >\"$1/out\"; }; "
            + "p=$(cache_build demo k1 build out); echo \"$p\"";
    ExternalTools.Result failed = bash(tmp, cache, runs, failing);

    assertThat(failed.exitCode()).as(failed.output()).isNotZero();
    assertThat(failed.stdout()).as("no path printed").isEmpty();
    assertThat(cache.resolve("demo/k1")).as("nothing published").doesNotExist();
    assertThat(cache.resolve("demo/k1.tmp/.complete")).as("the scratch copy").doesNotExist();

    String working =
        "build() { echo run >>\"$RUNS\"; echo whole >\"$1/out\"; }; "
            + "cat \"$(cache_build demo k1 build out)\"";
    ExternalTools.Result rebuilt = bash(tmp, cache, runs, working);

    assertThat(rebuilt.exitCode()).as(rebuilt.output()).isZero();
    assertThat(rebuilt.stdout()).isEqualTo("whole\n");
    assertThat(rebuilt.stderr()).contains("demo: building into " + cache.resolve("demo/k1"));
    assertThat(Files.readAllLines(runs)).as("builds run").hasSize(2);
    assertThat(cache.resolve("demo/k1/.complete")).exists();
  }

  @Test
  void aSecondCallerWaitsForTheBuildInProgressAndReusesIt(@TempDir Path tmp)
      throws IOException, InterruptedException {
    Path cache = tmp.resolve("cache");
    Path runs = tmp.resolve("runs");
    Path release = tmp.resolve("release");
    // The first caller's build announces itself, then holds until the test releases it.
    String build =
        "build() { echo \"$WHO\" >>\"$RUNS\"; while [ ! -f \"$RELEASE\" ]; do sleep 0.05; done; "
            + "echo \"built by $WHO\" >\"$1/out\"; }; "
            + "p=$(cache_build demo k2 build out); "
            + "[ -f \"$(dirname \"$p\")/.complete\" ] && cat \"$p\"";
    Process firstCaller = start(tmp, "first", env(cache, runs, Map.of("RELEASE", release)), build);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!Files.exists(runs) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(runs).as("the first caller's build started").exists();

    // The second caller arrives while the first build runs, and the release comes only after it
    // has had ample time to build (or return) on its own.
    Process secondCaller =
        start(tmp, "second", env(cache, runs, Map.of("RELEASE", release)), build);
    assertThat(secondCaller.waitFor(1, TimeUnit.SECONDS)).as("the second caller waits").isFalse();
    Files.createFile(release);

    assertThat(firstCaller.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(secondCaller.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String secondErr = Files.readString(tmp.resolve("second.err"), StandardCharsets.UTF_8);
    assertThat(firstCaller.exitValue()).isZero();
    assertThat(secondCaller.exitValue()).as(secondErr).isZero();
    assertThat(Files.readString(tmp.resolve("first.out"))).isEqualTo("built by first\n");
    assertThat(Files.readString(tmp.resolve("second.out")))
        .as("the second caller reuses the first build")
        .isEqualTo("built by first\n");
    assertThat(Files.readAllLines(runs)).as("builds run").containsExactly("first");
    assertThat(secondErr).doesNotContain("building into");
  }

  /** Runs a snippet against the library with the given cache; RUNS names the build counter. */
  private static ExternalTools.Result bash(Path tmp, Path cache, Path runs, String snippet) {
    return ExternalTools.run(tmp, env(cache, runs, Map.of()), 1, "bash", "-c", PREAMBLE + snippet);
  }

  /** Starts a snippet in the background as caller WHO, its output in WHO.out and WHO.err. */
  private static Process start(Path tmp, String who, Map<String, String> env, String snippet)
      throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder("bash", "-c", PREAMBLE + snippet)
            .directory(tmp.toFile())
            .redirectOutput(tmp.resolve(who + ".out").toFile())
            .redirectError(tmp.resolve(who + ".err").toFile());
    pb.environment().putAll(env);
    pb.environment().put("WHO", who);
    return pb.start();
  }

  /** The library's path, the cache and the build counter, plus more variables. */
  private static Map<String, String> env(Path cache, Path runs, Map<String, Object> more) {
    Map<String, String> env = new HashMap<>();
    env.put("CACHE_SH", ExternalTools.projectDir().resolve("tools/lib/cache.sh").toString());
    env.put("OTEL_STACK_CACHE", cache.toString());
    env.put("RUNS", runs.toString());
    more.forEach((k, v) -> env.put(k, v.toString()));
    return env;
  }
}
