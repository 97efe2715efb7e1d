package io.otelstack.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelstack.constructs.cluster.CapacityType;
import io.otelstack.constructs.logs.LogSeverity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsRecordsTest {
  private static NodeGroupSettings group() {
    return new NodeGroupSettings(
        List.of("m6i.large"), CapacityType.ON_DEMAND, 1, 2, 1, 50, Map.of(), List.of());
  }

  @Test
  void iteratesNodeGroupsByName() {
    Map<String, NodeGroupSettings> groups = new LinkedHashMap<>();
    groups.put("system", group());
    groups.put("observability", group());
    ClusterSettings cluster =
        new ClusterSettings(
            "eu-west-1",
            "123456789012",
            "1.36",
            new VpcSettings(true, "10.0.0.0/16", List.of()),
            new EndpointSettings(false, List.of()),
            List.of("api"),
            List.of(),
            "v1.48.0-eksbuild.1",
            groups);
    assertThat(cluster.nodeGroups().keySet()).containsExactly("observability", "system");
  }

  @Test
  void copiesListsSoLaterChangesDoNotLeakIn() {
    List<String> endpoints = new ArrayList<>(List.of("/metrics"));
    LogsSettings logs =
        new LogsSettings(
            LogSeverity.INFO,
            true,
            endpoints,
            true,
            new ResourceSettings("100m", "256Mi", "500m", "512Mi"),
            List.of());
    endpoints.add("/livez");
    assertThat(logs.excludeEndpoints()).containsExactly("/metrics");
  }

  @Test
  void mapsEnumsToTheirYamlValues() {
    assertThat(StateBackend.S3.value()).isEqualTo("s3");
    assertThat(StateBackend.LOCAL.value()).isEqualTo("local");
  }
}
