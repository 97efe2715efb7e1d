package io.otelstack.proof;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the collector distribution is: the project's own wrapper, which builds the distribution on
 * first use. {@code OTELCOL} overrides it with another binary (a developer's local build).
 */
final class Otelcol {
  private Otelcol() {}

  /** The collector command. Skips (or under {@code CI=true} fails) when Go is missing. */
  static Path binary() {
    String override = System.getenv("OTELCOL");
    if (override != null && !override.isBlank()) {
      return Path.of(override);
    }
    Path wrapper =
        Path.of(System.getProperty("project.basedir", "."))
            .toAbsolutePath()
            .normalize()
            .resolve("modules/collector-distribution/otelcol");
    if (!Files.isExecutable(wrapper)) {
      unavailable("the collector distribution wrapper " + wrapper + " is missing");
    }
    return wrapper;
  }

  private static void unavailable(String reason) {
    if ("true".equals(System.getenv("CI"))) {
      throw new AssertionError(reason + " (CI=true, so this is a failure, not a skip)");
    }
    Assumptions.abort(reason);
  }
}
