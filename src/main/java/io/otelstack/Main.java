package io.otelstack;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.AppConfig;
import io.otelstack.config.Environment;
import io.otelstack.config.EnvironmentFields;
import io.otelstack.config.EnvironmentLoader;
import io.otelstack.constructs.cluster.EksVersions;
import io.otelstack.stacks.ClusterStack;
import io.otelstack.stacks.CoralogixStack;
import io.otelstack.stacks.TelemetryStack;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import software.constructs.IConstruct;

/**
 * The entry point {@code cdktf synth} runs: loads every environment file, builds the three stacks
 * of each, and synthesizes them.
 *
 * <p>This is the only place that reads files, environment variables and the clock:
 *
 * <ul>
 *   <li>{@code STACK_ENVIRONMENTS_DIR}: the directory of environment files; default {@code
 *       environments}.
 *   <li>{@code STACK_ENVIRONMENT}: synthesize only this environment; default all.
 * </ul>
 *
 * <p>Today's date (UTC) decides whether an environment's Kubernetes version is still on EKS: past
 * extended support it is refused, in extended support synth warns on stderr (see {@link
 * EksVersions}). The synthesized stacks never depend on the date.
 *
 * <p>On success it prints one line per stack written, with its directory, and the total time since
 * the process started. Bad input is printed as one line per problem and exits 1, before anything is
 * written.
 */
public final class Main {
  private Main() {}

  /** Runs synth and exits non-zero on bad input. */
  public static void main(String[] args) {
    int code = run(System.getenv(), LocalDate.now(ZoneOffset.UTC), System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /**
   * Synthesizes the environments selected by {@code env}, judging Kubernetes version support as of
   * {@code today}; returns the process exit code.
   */
  static int run(Map<String, String> env, LocalDate today, PrintStream out, PrintStream err) {
    Path dir = Path.of(env.getOrDefault("STACK_ENVIRONMENTS_DIR", "environments"));
    String only = env.get("STACK_ENVIRONMENT");
    // The App makes its output directory when constructed, so a failure removes it again if new.
    Path outdir = Path.of(env.getOrDefault("CDKTF_OUTDIR", "cdktf.out"));
    boolean outdirExisted = Files.exists(outdir);
    try {
      // Reading and validating the files is plain Java, so it runs while the App starts the jsii
      // runtime (a Node process loading the CDKTF assembly): about a second of synth's wall time.
      CompletableFuture<List<Environment>> loading =
          CompletableFuture.supplyAsync(
              () ->
                  only == null || only.isBlank()
                      ? EnvironmentLoader.loadAll(dir)
                      : List.of(EnvironmentLoader.load(dir, only)));
      App app = new App(AppConfig.builder().outdir(outdir.toString()).build());
      List<Environment> environments = loaded(loading, outdir, outdirExisted);
      // Every stack is constructed (and so validated) before synth writes anything.
      List<String> errors = new ArrayList<>();
      List<String> warnings = new ArrayList<>();
      for (Environment e : environments) {
        String version = e.cluster().kubernetesVersion();
        String field = "cluster.kubernetesVersion";
        EksVersions.supportProblem(field, version, today)
            .ifPresent(m -> errors.add(e.file() + ": " + m));
        EksVersions.supportWarning(field, version, today)
            .ifPresent(m -> warnings.add(e.file() + ": " + m));
        try {
          addStacks(app, e);
        } catch (ValidationException invalid) {
          // Constructs validate their props without knowing where the values came from, so
          // their messages name props; the user wrote a file, so every message gets the file and
          // its fields here, once, for every construct.
          invalid.errors().stream()
              .map(EnvironmentFields::inFileTerms)
              .forEach(m -> errors.add(m.startsWith(e.file()) ? m : e.file() + ": " + m));
        }
      }
      if (!errors.isEmpty()) {
        removeIfNew(outdir, outdirExisted);
        throw new ValidationException(errors);
      }
      warnings.forEach(w -> err.println("otel-stack: warning: " + w));
      app.synth();
      report(app, out);
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ValidationException e) {
      err.println("otel-stack: invalid configuration:");
      e.errors().forEach(line -> err.println("  " + line));
      return 1;
    }
  }

  /** The loaded environments, or the loader's own exception, after removing a new outdir. */
  private static List<Environment> loaded(
      CompletableFuture<List<Environment>> loading, Path outdir, boolean outdirExisted)
      throws IOException {
    try {
      return loading.join();
    } catch (CompletionException failed) {
      removeIfNew(outdir, outdirExisted);
      if (failed.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw failed;
    }
  }

  /** Only the empty directories the App and its stacks made: nothing is synthesized yet. */
  private static void removeIfNew(Path outdir, boolean existed) throws IOException {
    if (existed) {
      return;
    }
    try (Stream<Path> made = Files.walk(outdir)) {
      for (Path p : made.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static void report(App app, PrintStream out) {
    Path cwd = Path.of("").toAbsolutePath();
    Path stacks = cwd.resolve(app.getOutdir()).resolve("stacks").normalize();
    List<IConstruct> written = app.getNode().getChildren();
    for (IConstruct stack : written) {
      String id = stack.getNode().getId();
      Path dir = stacks.resolve(id);
      out.printf("%-22s %s%n", id, dir.startsWith(cwd) ? cwd.relativize(dir) : dir);
    }
    // Since the process started, so the figure includes JVM and jsii start-up: what a user waits.
    Instant started = ProcessHandle.current().info().startInstant().orElseThrow();
    double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
    out.printf("synthesized %d stacks in %.1f s%n", written.size(), seconds);
  }

  /** Adds {@code <env>-cluster}, {@code <env>-telemetry} and {@code <env>-coralogix} to an app. */
  public static void addStacks(App app, Environment environment) {
    new ClusterStack(app, environment.name() + "-cluster", environment);
    new TelemetryStack(app, environment.name() + "-telemetry", environment);
    new CoralogixStack(app, environment.name() + "-coralogix", environment);
  }
}
