package io.otelstack.proof;

import io.otelstack.testing.ExternalTools;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The collector command: the project's distribution wrapper ({@link ExternalTools#otelcol()}),
 * which builds the distribution on first use. {@code OTELCOL} overrides it with another build of
 * the same distribution, e.g. a developer's checkout.
 */
final class CollectorCommand {
  private CollectorCommand() {}

  /** The collector command. Skips (or under {@code CI=true} fails) when it cannot run. */
  static Path binary() {
    String override = System.getenv("OTELCOL");
    if (override != null && !override.isBlank()) {
      return Path.of(override);
    }
    Path wrapper = ExternalTools.otelcol();
    if (!Files.isExecutable(wrapper)) {
      String reason = "the collector distribution wrapper " + wrapper + " is missing";
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError(reason + " (CI=true, so this is a failure, not a skip)");
      }
      Assumptions.abort(reason);
    }
    return wrapper;
  }
}
