package com.example.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.otelstack.testing.TerraformValidate;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example app compiles (this module is part of the build), synthesizes, and what it writes is
 * valid Terraform for the real providers.
 */
class AppTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path outdir;

  @BeforeAll
  static void synth() {
    App.synth(outdir);
  }

  @Test
  void theLogsStackRunsOnlyTheTeamsLogsAgent() throws IOException {
    JsonNode stack = stack("payments-logs");

    assertThat(releases(stack)).containsExactly("otel-logs");
    assertThat(stack.at("/resource/kubernetes_namespace_v1").toString())
        .contains("\"name\":\"payments-agents\"");
  }

  @Test
  void theTelemetryStackRunsTheWholeTelemetrySideInTheTeamsNamespaces() throws IOException {
    JsonNode stack = stack("payments-telemetry");

    assertThat(releases(stack))
        .containsExactlyInAnyOrder(
            "otel-logs", "otel-metrics-traces", "otel-metrics-traces-target-allocator");
    assertThat(stack.at("/resource/kubernetes_namespace_v1").toString())
        .contains("\"name\":\"payments-telemetry\"", "\"name\":\"payments-telemetry-agents\"");
  }

  @Test
  void everyStackIsValidTerraform() {
    for (String stack : List.of("payments-logs", "payments-telemetry")) {
      assertThat(TerraformValidate.errors(outdir.resolve("stacks").resolve(stack)))
          .as(stack)
          .isEmpty();
    }
  }

  private static JsonNode stack(String name) throws IOException {
    return JSON.readTree(outdir.resolve("stacks").resolve(name).resolve("cdk.tf.json").toFile());
  }

  private static List<String> releases(JsonNode stack) {
    List<String> names = new ArrayList<>();
    stack.path("resource").path("helm_release").forEach(r -> names.add(r.path("name").asText()));
    return names;
  }
}
