package io.otelstack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

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
    requireProvidersInMirror(stackDir);
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
   * Skips when the mirror lacks a provider the stack requires. This is the one skip that holds
   * under CI too: the kubernetes 2.38.0 and helm 3.1.1 providers cannot be built here (the module
   * proxy serves no version of their source that matches the release tags) and no binary ships with
   * the machine; see tools/terraform-mirror/README.md. Where they are present, the validation runs.
   */
  private static void requireProvidersInMirror(Path stackDir) {
    ExternalTools.Result mirror =
        ExternalTools.run(
            ExternalTools.projectDir(),
            Map.of(),
            30,
            ExternalTools.projectDir().resolve("tools/terraform-mirror/build.sh").toString());
    if (mirror.exitCode() != 0) {
      throw new AssertionError("terraform mirror build failed:\n" + mirror.output());
    }
    Path root = Path.of(mirror.stdout().trim()).resolve("registry.terraform.io");
    List<String> absent = new ArrayList<>();
    for (JsonNode required : requiredProviders(stackDir)) {
      required
          .fields()
          .forEachRemaining(
              p -> {
                String source = p.getValue().path("source").asText(p.getKey());
                String[] parts = source.split("/");
                String type = parts[parts.length - 1];
                // "aws" is hashicorp/aws; "coralogix/coralogix" names its namespace.
                String namespace = parts.length > 1 ? parts[parts.length - 2] : "hashicorp";
                String version = p.getValue().path("version").asText();
                if (!inMirror(root.resolve(namespace + "/" + type), type, version)) {
                  absent.add(namespace + "/" + type + " " + version);
                }
              });
    }
    Assumptions.assumeTrue(
        absent.isEmpty(),
        () ->
            "provider(s) not in the offline mirror, so terraform cannot validate "
                + stackDir.getFileName()
                + ": "
                + absent
                + " (they cannot be built from the module proxy here; see"
                + " tools/terraform-mirror/README.md)");
  }

  /**
   * The {@code required_providers} of every {@code *.tf.json} under {@code dir}: a synthesized
   * stack's {@code cdk.tf.json}, a module's {@code main.tf.json}, and those of local modules that a
   * configuration under test calls.
   */
  private static List<JsonNode> requiredProviders(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      List<JsonNode> out = new ArrayList<>();
      for (Path f :
          files
              .filter(f -> f.toString().endsWith(".tf.json"))
              .filter(f -> !f.toString().contains("/.terraform/"))
              .sorted()
              .toList()) {
        out.add(Synth.parse(Files.readString(f)).path("terraform").path("required_providers"));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Whether the mirror holds the provider: at exactly {@code version} when that is a version, as
   * stacks pin, or at any version when it is a constraint such as {@code >= 2.38.0, < 3.0.0}, as a
   * module declares (terraform init then reports a mismatch itself).
   */
  private static boolean inMirror(Path typeDir, String type, String version) {
    String binary = "terraform-provider-" + type + "_v";
    // Release binaries may carry a protocol suffix, e.g. terraform-provider-aws_v5.100.0_x5.
    String prefix = version.matches("\\d+\\.\\d+\\.\\d+") ? binary + version : binary;
    try (Stream<Path> files = Files.walk(typeDir)) {
      return files.anyMatch(
          f -> f.getFileName().toString().startsWith(prefix) && Files.isExecutable(f));
    } catch (NoSuchFileException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
