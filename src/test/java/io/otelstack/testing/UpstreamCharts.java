package io.otelstack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.otelstack.collector.CollectorChart;
import io.otelstack.internal.HelmValues;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The upstream chart data in {@code ../shared/upstream/}: schemas and default values, used as Helm
 * uses them. Override the location with {@code -Dotelstack.upstream=DIR}.
 */
public final class UpstreamCharts {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();

  private UpstreamCharts() {}

  /** The directory holding one chart's {@code values.schema.json} and {@code values.yaml}. */
  public static Path dir(CollectorChart chart) {
    String base =
        System.getProperty(
            "otelstack.upstream",
            Path.of(System.getProperty("project.basedir", "."))
                .resolve("../shared/upstream")
                .toString());
    Path dir = Path.of(base).resolve(chart.chart() + "-" + chart.version()).normalize();
    if (!Files.isDirectory(dir)) {
      throw new AssertionError("upstream chart data not found at " + dir);
    }
    return dir;
  }

  /** The chart's default values, read from the upstream copy. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> defaults(CollectorChart chart) {
    try {
      return YAML.readValue(dir(chart).resolve("values.yaml").toFile(), Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What Helm would validate: the chart defaults merged with the release values. */
  public static Map<String, Object> effective(CollectorChart chart, Map<String, Object> values) {
    return HelmValues.merge(defaults(chart), values);
  }

  /**
   * Validates release values the way Helm does: the merge of defaults and values against the
   * chart's schema. Returns the schema errors; empty means valid.
   */
  public static List<String> schemaErrors(CollectorChart chart, Map<String, Object> values) {
    try {
      ObjectNode schemaNode =
          (ObjectNode) JSON.readTree(dir(chart).resolve("values.schema.json").toFile());
      // The collector chart names the unversioned meta-schema URI, which validators reject as
      // unknown; its "$defs" are 2020-12 vocabulary, the draft Helm's validator defaults to.
      schemaNode.remove("$schema");
      JsonSchema schema =
          JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaNode);
      JsonNode doc = JSON.valueToTree(effective(chart, values));
      return schema.validate(doc).stream().map(ValidationMessage::getMessage).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses one YAML values document from a synthesized {@code helm_release}, as Terraform hands it
   * to Helm: the escapes "$${" and "%%{" read as "${" and "%{".
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> releaseValues(JsonNode helmRelease) {
    JsonNode values = helmRelease.path("values");
    if (values.size() != 1) {
      throw new AssertionError("expected one values document, found " + values.size());
    }
    try {
      String text = values.get(0).asText().replace("$${", "${").replace("%%{", "%{");
      return YAML.readValue(text, Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
