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
 * Renders synthesized {@code helm_release} resources with the real helm CLI (built by {@code
 * tools/helm/build.sh}) and the real chart archives in {@code ../shared/charts}, each checked
 * against its pinned sha256 ({@link ChartArchives}), through the release's post-renderer if it has
 * one, as the helm provider would install them.
 */
public final class Helm {
  private Helm() {}

  /** The helm executable, built into the cache on first use. */
  public static Path executable() {
    ExternalTools.requireGo("helm is built from its Go module");
    return ExternalTools.built("tools/helm/build.sh", 20);
  }

  /**
   * The manifests {@code helm template} renders from a synthesized {@code helm_release}: its chart
   * and version from the shared charts, its name, namespace and values document.
   */
  public static String template(JsonNode helmRelease) {
    try {
      Path values = Files.createTempFile("otel-stack-values", ".yaml");
      // Terraform hands Helm the values with its escapes resolved.
      Files.writeString(
          values,
          helmRelease.path("values").get(0).asText().replace("$${", "${").replace("%%{", "%{"));
      List<String> cmd =
          new ArrayList<>(
              List.of(
                  executable().toString(),
                  "template",
                  helmRelease.path("name").asText(),
                  ChartArchives.verified(
                          helmRelease.path("chart").asText(), helmRelease.path("version").asText())
                      .toString(),
                  "--namespace",
                  helmRelease.path("namespace").asText(),
                  "--values",
                  values.toString()));
      // The release's post-renderer, which the helm provider runs on install as well.
      JsonNode postRender = helmRelease.path("postrender");
      if (!postRender.isMissingNode()) {
        cmd.add("--post-renderer");
        cmd.add(postRender.path("binary_path").asText());
        postRender.path("args").forEach(a -> cmd.add("--post-renderer-args=" + a.asText()));
      }
      ExternalTools.Result r =
          ExternalTools.run(ExternalTools.projectDir(), Map.of(), 5, cmd.toArray(String[]::new));
      Files.delete(values);
      if (r.exitCode() != 0) {
        throw new AssertionError(
            "helm template " + helmRelease.path("name").asText() + " failed:\n" + r.output());
      }
      return r.stdout();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
