package io.otelstack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the real external tools the project builds for itself (terraform with its provider mirror,
 * the collector distribution). Where a prerequisite such as Go is missing the test is skipped with
 * the reason; under {@code CI=true} it fails instead, because CI must run them.
 */
public final class ExternalTools {
  private ExternalTools() {}

  /** The output of a finished command. */
  public record Result(int exitCode, String stdout, String stderr) {
    /** Both streams, for failure messages. */
    public String output() {
      return stdout + stderr;
    }
  }

  /** The checkout's root directory. */
  public static Path projectDir() {
    return Path.of(System.getProperty("project.basedir", ".")).toAbsolutePath().normalize();
  }

  /** The terraform wrapper that installs providers from the project's offline mirror. */
  public static Path terraform() {
    requireGo("building the provider mirror needs Go when the providers are not cached");
    return projectDir().resolve("tools/terraform-mirror/terraform");
  }

  /** The collector distribution wrapper: builds it when needed, then runs it. */
  public static Path otelcol() {
    requireGo("building the collector distribution needs Go");
    return projectDir().resolve("tools/collector-distribution/otelcol");
  }

  /**
   * A fresh {@code git clone} of the checkout at {@code tmp/clone}: what a new user starts from.
   */
  public static Path cloneCheckout(Path tmp) {
    requireOnPath("git", "the test clones the checkout");
    Path clone = tmp.resolve("clone");
    Result cloned =
        run(tmp, Map.of(), 2, "git", "clone", "--quiet", projectDir().toString(), clone.toString());
    if (cloned.exitCode() != 0) {
      throw new AssertionError("git clone failed:\n" + cloned.output());
    }
    return clone;
  }

  /**
   * Runs a project build script under {@code tools/} that prints the path of what it built or
   * installed (cached, so warm calls return at once), and returns that path.
   */
  public static Path built(String script, long timeoutMinutes) {
    Result r =
        run(
            projectDir(),
            Map.of(),
            timeoutMinutes,
            "bash",
            projectDir().resolve(script).toString());
    if (r.exitCode() != 0) {
      throw new AssertionError(script + " failed:\n" + r.output());
    }
    return Path.of(r.stdout().strip());
  }

  /** Skips (or, under CI, fails) when a command is not on PATH. */
  public static void requireOnPath(String command, String why) {
    if (!onPath(command)) {
      unavailable(command + " is not on PATH: " + why);
    }
  }

  /**
   * Skips (or, under CI, fails) when the build scripts under {@code tools/} would not find Go: asks
   * their own lookup ({@code require_go} in tools/lib/cache.sh), so the two cannot disagree.
   */
  public static void requireGo(String why) {
    Result go =
        run(
            projectDir(),
            Map.of(),
            1,
            "bash",
            "-c",
            "source tools/lib/cache.sh && require_go \"$0\"",
            why);
    if (go.exitCode() != 0) {
      unavailable(go.stderr().strip());
    }
  }

  private static boolean onPath(String command) {
    return List.of(System.getenv().getOrDefault("PATH", "").split(":")).stream()
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
  }

  /** Skips the calling test with the reason; under {@code CI=true} fails it instead. */
  public static void unavailable(String reason) {
    if ("true".equals(System.getenv("CI"))) {
      throw new AssertionError(reason + " (CI=true, so this is a failure, not a skip)");
    }
    Assumptions.abort(reason);
  }

  /** Runs a command in a directory with extra environment variables, bounded in time. */
  public static Result run(Path dir, Map<String, String> env, long timeoutMinutes, String... cmd) {
    try {
      Path out = Files.createTempFile("otel-stack-out", ".txt");
      Path err = Files.createTempFile("otel-stack-err", ".txt");
      ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(List.of(cmd))).directory(dir.toFile());
      pb.environment().putAll(env);
      pb.redirectOutput(out.toFile()).redirectError(err.toFile());
      Process p = pb.start();
      if (!p.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new AssertionError(
            String.join(" ", cmd) + " timed out after " + timeoutMinutes + " min");
      }
      Result r =
          new Result(
              p.exitValue(),
              Files.readString(out, StandardCharsets.UTF_8),
              Files.readString(err, StandardCharsets.UTF_8));
      Files.delete(out);
      Files.delete(err);
      return r;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
