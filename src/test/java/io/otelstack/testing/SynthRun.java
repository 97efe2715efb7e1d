package io.otelstack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs {@code io.otelstack.Main} as its own process, the way {@code cdktf synth} does, with the
 * test classpath. A real process is the only way to see the exit code and stderr a user sees.
 */
public final class SynthRun {
  /** A canary standing in for the Coralogix key in every place a careless stack might read it. */
  public static final String CANARY = "cxcanary-9f3b2e7d-do-not-leak";

  private static Result full;

  private SynthRun() {}

  /** The outcome of one synth process. */
  public record Result(int exitCode, String stdout, String stderr, Path outdir) {}

  /** Runs synth with extra environment variables into a fresh output directory. */
  public static Result run(Map<String, String> env) {
    try {
      Path outdir = Files.createTempDirectory("otel-stack-synth");
      Files.delete(outdir);
      Map<String, String> all = new HashMap<>(env);
      all.put("CDKTF_OUTDIR", outdir.toString());
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      ExternalTools.Result r =
          ExternalTools.run(
              ExternalTools.projectDir(),
              all,
              10,
              java,
              "-cp",
              System.getProperty("java.class.path"),
              "io.otelstack.Main");
      return new Result(r.exitCode(), r.stdout(), r.stderr(), outdir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The synth of every environment, run once per test JVM and shared by the tests that read
   * cdktf.out, with the canary in every environment variable and Terraform variable a stack could
   * read the key from.
   */
  public static synchronized Result everyEnvironment() {
    if (full == null) {
      full =
          run(
              Map.of(
                  "CORALOGIX_PRIVATE_KEY", CANARY,
                  "CORALOGIX_API_KEY", CANARY,
                  "CORALOGIX_MANAGEMENT_API_KEY", CANARY,
                  "TF_VAR_coralogix_api_key", CANARY,
                  "CX_PRIVATE_KEY", CANARY,
                  "TF_VAR_coralogix_private_key", CANARY,
                  "TF_VAR_private_key", CANARY,
                  "PRIVATE_KEY", CANARY));
      if (full.exitCode() != 0) {
        throw new AssertionError("synth of every environment failed:\n" + full.stderr());
      }
    }
    return full;
  }
}
