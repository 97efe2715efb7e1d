package io.otelstack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs checkov, the IaC security scanner, as installed by {@code tools/checkov/install.sh} (pinned
 * in {@code tools/checkov/requirements.txt}), with the project's {@code .checkov.yaml}, whose skips
 * each name the stacks or releases they apply to.
 */
public final class Checkov {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Checkov() {}

  /** One failed check. */
  public record Finding(String checkId, String checkName, String file, String resource) {
    @Override
    public String toString() {
      return checkId + " " + resource + " (" + file + "): " + checkName;
    }
  }

  /** The checkov executable, installed into the cache on first use. */
  public static Path executable() {
    ExternalTools.requireOnPath("python3", "checkov is a Python tool installed into a venv");
    return ExternalTools.built("tools/checkov/install.sh", 15);
  }

  /**
   * The failed checks of one framework (e.g. terraform_json, kubernetes) over a directory, with the
   * project's {@code .checkov.yaml}.
   */
  public static List<Finding> failures(String framework, Path dir) {
    return failures(
        framework,
        dir,
        "--config-file",
        ExternalTools.projectDir().resolve(".checkov.yaml").toString());
  }

  /**
   * The failed checks without {@code .checkov.yaml}: what its skips waive fails here too. Skip
   * annotations on a resource still apply.
   */
  public static List<Finding> failuresWithoutSkips(String framework, Path dir) {
    return failures(framework, dir, new String[0]);
  }

  private static List<Finding> failures(String framework, Path dir, String... config) {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                executable().toString(), "--directory", dir.toString(), "--framework", framework));
    cmd.addAll(List.of(config));
    // Offline: no guideline download from the vendor's platform.
    cmd.addAll(List.of("--skip-download", "--compact", "--quiet", "--output", "json"));
    // Run in the scanned directory: checkov also reads a .checkov.yaml from its working directory,
    // which in the checkout is the project's own, with or without --config-file.
    ExternalTools.Result r = ExternalTools.run(dir, Map.of(), 10, cmd.toArray(String[]::new));
    // 0: nothing failed; 1: something failed. Anything else is checkov itself failing.
    if (r.exitCode() > 1) {
      throw new AssertionError("checkov failed (exit " + r.exitCode() + "):\n" + r.output());
    }
    try {
      JsonNode report = JSON.readTree(r.stdout());
      List<Finding> findings = new ArrayList<>();
      // One report per framework: an object, or a list when checkov split the run.
      Iterable<JsonNode> reports = report.isArray() ? report : List.of(report);
      for (JsonNode one : reports) {
        if (one.path("summary").path("parsing_errors").asInt() > 0) {
          throw new AssertionError("checkov could not parse part of " + dir + ":\n" + one);
        }
        for (JsonNode f : one.path("results").path("failed_checks")) {
          findings.add(
              new Finding(
                  f.path("check_id").asText(),
                  f.path("check_name").asText(),
                  f.path("file_path").asText(),
                  f.path("resource").asText()));
        }
      }
      return findings;
    } catch (IOException e) {
      throw new UncheckedIOException(
          new IOException("checkov printed no JSON report:\n" + r.output(), e));
    }
  }
}
