package io.otelstack;

import com.hashicorp.cdktf.App;
import io.otelstack.config.Environment;
import io.otelstack.config.EnvironmentLoader;
import io.otelstack.stacks.ClusterStack;
import io.otelstack.stacks.CoralogixStack;
import io.otelstack.stacks.TelemetryStack;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The entry point {@code cdktf synth} runs: loads every environment file, builds the two stacks of
 * each, and synthesizes them.
 *
 * <p>This is the only place that reads files and environment variables:
 *
 * <ul>
 *   <li>{@code STACK_ENVIRONMENTS_DIR}: the directory of environment files; default {@code
 *       environments}.
 *   <li>{@code STACK_ENVIRONMENT}: synthesize only this environment; default all.
 * </ul>
 *
 * <p>Bad input is printed as one line per problem and exits 1, before anything is written.
 */
public final class Main {
  private Main() {}

  /** Runs synth and exits non-zero on bad input. */
  public static void main(String[] args) {
    int code = run(System.getenv(), System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Synthesizes the environments selected by {@code env}; returns the process exit code. */
  static int run(Map<String, String> env, PrintStream err) {
    Path dir = Path.of(env.getOrDefault("STACK_ENVIRONMENTS_DIR", "environments"));
    String only = env.get("STACK_ENVIRONMENT");
    try {
      List<Environment> environments =
          only == null || only.isBlank()
              ? EnvironmentLoader.loadAll(dir)
              : List.of(EnvironmentLoader.load(dir, only));
      // Every stack is constructed (and so validated) before synth writes anything.
      App app = new App();
      for (Environment e : environments) {
        addStacks(app, e);
      }
      app.synth();
      return 0;
    } catch (ValidationException e) {
      err.println("otel-stack: invalid configuration:");
      e.errors().forEach(line -> err.println("  " + line));
      return 1;
    }
  }

  /** Adds {@code <env>-cluster}, {@code <env>-telemetry} and {@code <env>-coralogix} to an app. */
  public static void addStacks(App app, Environment environment) {
    new ClusterStack(app, environment.name() + "-cluster", environment);
    new TelemetryStack(app, environment.name() + "-telemetry", environment);
    new CoralogixStack(app, environment.name() + "-coralogix", environment);
  }
}
