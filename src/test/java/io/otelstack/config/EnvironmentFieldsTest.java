package io.otelstack.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.otelstack.testing.ExternalTools;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link EnvironmentFields}, the table {@code Main} puts construct errors in the file's terms with,
 * names real props and real fields, so a renamed prop or field cannot leave a message half
 * translated.
 */
class EnvironmentFieldsTest {
  private static final List<String> PACKAGES =
      List.of(
          "io.otelstack.constructs.cluster",
          "io.otelstack.constructs.coralogix",
          "io.otelstack.constructs.logs",
          "io.otelstack.constructs.metrics",
          "io.otelstack.constructs.network",
          "io.otelstack.constructs.scaling",
          "io.otelstack.constructs.secrets",
          "io.otelstack.constructs.telemetry");

  @Test
  void everyPropIsARecordComponentAndEveryFieldIsDeclaredInTheSchema() throws IOException {
    JsonNode schema =
        new ObjectMapper()
            .readTree(
                ExternalTools.projectDir()
                    .resolve("environments/environment.schema.json")
                    .toFile());
    List<String> wrong = new ArrayList<>();
    EnvironmentFields.FIELDS.forEach(
        (prop, field) -> {
          if (!components(prop.substring(0, prop.indexOf('.')))
              .contains(prop.substring(prop.indexOf('.') + 1))) {
            wrong.add(prop + " is not a record component");
          }
          if (!declared(schema, field)) {
            wrong.add(field + " is not a field of the schema");
          }
        });
    assertThat(wrong).isEmpty();
  }

  @Test
  void putsPropsInTheFileTermsAndLeavesEverythingElse() {
    assertThat(
            EnvironmentFields.inFileTerms(
                "test/Hpa: StackHpaProps.minReplicas (5) must be <= StackHpaProps.maxReplicas (3)"
                    + " of MetricsTracesStatefulSetProps.resources.memoryRequest and"
                    + " ManagedNodeGroupProps[system].minSize, not UnknownProps.size or"
                    + " eu2.coralogix.com"))
        .isEqualTo(
            "test/Hpa: hpa.minReplicas (5) must be <= hpa.maxReplicas (3) of"
                + " metrics.resources.memoryRequest and cluster.nodeGroups.system.minSize, not"
                + " UnknownProps.size or eu2.coralogix.com");
  }

  private static Set<String> components(String simpleName) {
    return PACKAGES.stream()
        .flatMap(
            p -> {
              try {
                return Stream.of(Class.forName(p + "." + simpleName));
              } catch (ClassNotFoundException e) {
                return Stream.empty();
              }
            })
        .filter(Class::isRecord)
        .flatMap(c -> Arrays.stream(c.getRecordComponents()).map(r -> r.getName()))
        .collect(Collectors.toSet());
  }

  /** Whether the dotted path names a field; a map of records takes any key (node group names). */
  private static boolean declared(JsonNode schema, String path) {
    JsonNode node = schema;
    for (String name : path.split("\\.")) {
      node = resolve(schema, node);
      JsonNode next = node.path("properties").get(name);
      if (next == null && node.path("additionalProperties").isObject()) {
        next = node.get("additionalProperties");
      }
      if (next == null) {
        return false;
      }
      node = next;
    }
    return true;
  }

  private static JsonNode resolve(JsonNode schema, JsonNode node) {
    JsonNode ref = node.has("$ref") ? node.get("$ref") : node.path("allOf").path(0).get("$ref");
    if (ref == null) {
      return node;
    }
    return resolve(schema, schema.at(ref.asText().substring(1)));
  }
}
