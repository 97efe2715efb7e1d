package io.otelstack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code terraform init -backend=false} and {@code terraform validate -json} on a synthesized stack
 * directory, with the real providers from the project's offline mirror.
 *
 * <p>cdktf's own {@code Testing.toBeValidTerraform} answers a bare {@code false}; this reports
 * terraform's diagnostics instead.
 */
public final class TerraformValidate {
  private TerraformValidate() {}

  /** The error diagnostics of validating one stack directory; empty means valid. */
  public static List<String> errors(Path stackDir) {
    Path terraform = ExternalTools.terraform();
    requireCompleteMirror();
    Map<String, String> env = Map.of();
    ExternalTools.Result init =
        ExternalTools.run(
            stackDir,
            env,
            30,
            terraform.toString(),
            "init",
            "-backend=false",
            "-input=false",
            "-no-color");
    if (init.exitCode() != 0) {
      throw new AssertionError("terraform init failed in " + stackDir + ":\n" + init.output());
    }
    ExternalTools.Result validate =
        ExternalTools.run(
            stackDir, env, 10, terraform.toString(), "validate", "-json", "-no-color");
    JsonNode report = Synth.parse(validate.stdout());
    List<String> errors = new ArrayList<>();
    for (JsonNode d : report.path("diagnostics")) {
      if ("error".equals(d.path("severity").asText())) {
        errors.add(
            d.path("summary").asText()
                + ": "
                + d.path("detail").asText()
                + " (at "
                + d.path("range").path("filename").asText()
                + ":"
                + d.path("range").path("start").path("line").asText()
                + ")");
      }
    }
    if (validate.exitCode() != 0 && errors.isEmpty()) {
      throw new AssertionError(
          "terraform validate failed without diagnostics:\n" + validate.output());
    }
    return errors;
  }

  /**
   * Skips (under {@code CI=true}: fails) when the offline mirror lacks a provider; its build
   * records which in {@code MISSING}.
   */
  private static void requireCompleteMirror() {
    ExternalTools.Result mirror =
        ExternalTools.run(
            ExternalTools.projectDir(),
            Map.of(),
            30,
            ExternalTools.projectDir().resolve("tools/terraform-mirror/build.sh").toString());
    if (mirror.exitCode() != 0) {
      throw new AssertionError("terraform mirror build failed:\n" + mirror.output());
    }
    Path missing = Path.of(mirror.stdout().trim()).resolve("MISSING");
    if (Files.exists(missing)) {
      try {
        ExternalTools.unavailable(
            "the offline provider mirror lacks "
                + Files.readString(missing).strip().replace('\n', ',')
                + " (see tools/terraform-mirror/README.md)");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
