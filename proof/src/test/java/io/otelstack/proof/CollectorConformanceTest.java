package io.otelstack.proof;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.hashicorp.cdktf.Testing;
import io.otelstack.collector.CollectorChart;
import io.otelstack.collector.CollectorImage;
import io.otelstack.stacks.TelemetryStack;
import io.otelstack.testing.Environments;
import io.otelstack.testing.ExternalTools;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every generated collector configuration, as the chart merges it, checked by the real collector
 * 0.158.0 built from {@code tools/collector-distribution}.
 *
 * <p>What {@code validate} cannot see is Kubernetes itself: the pod environment variables ({@code
 * MY_POD_IP}, {@code K8S_NODE_NAME}, {@code POD_NAME}, the Coralogix key) are given placeholder
 * values; the k8s_attributes processor and the load-balancing exporter's k8s resolver are
 * configured but not started, so their API-server access is not exercised; file_storage directories
 * are created on demand ({@code create_directory}). Two things only a pod has, which validate
 * reads, are swapped: {@code host_metrics}' root (the host's {@code /} the agent pod mounts at
 * {@code /hostfs}) is an empty temporary directory, and {@code kubelet_stats} does not authenticate
 * ({@code auth_type: none}), as its service-account CA is read from the pod's fixed path. Nothing
 * is removed from the configuration for validation.
 */
class CollectorConformanceTest {
  private static final List<String> SECTIONS =
      List.of("receivers", "processors", "exporters", "extensions", "connectors");

  /**
   * The receivers built from an older release, because the module proxy serves no whole v0.158.0 of
   * them (see the manifest); the deployed image carries their 0.158.0 builds.
   */
  private static final Map<String, String> OLDER_RELEASES =
      Map.of(
          "kubeletstatsreceiver", "v0.152.0",
          "k8sclusterreceiver", "v0.152.0",
          "k8sobjectsreceiver", "v0.152.0");

  /** Every environment's three collectors: their release values, by name. */
  static Stream<Arguments> collectors() {
    List<Arguments> out = new ArrayList<>();
    for (String env : Environments.NAMES) {
      TelemetryStack stack =
          new TelemetryStack(Testing.app(), env + "-telemetry", Environments.load(env));
      out.add(Arguments.of(env, "logs", stack.logs().values()));
      out.add(Arguments.of(env, "metrics-traces", stack.metricsTraces().values()));
      out.add(
          Arguments.of(env, "cluster", stack.platform().clusterCollector().orElseThrow().values()));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("collectors")
  void theRealCollectorAcceptsTheEffectiveConfiguration(
      String env, String collector, Map<String, Object> values) {
    ExternalTools.Result r = Otelcol.validate(Otelcol.effectiveConfig(values));

    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(r.output()).as("uses no deprecated component name").doesNotContain("deprecated");
  }

  @Test
  void theCollectorRejectsAnUnknownKey() {
    Map<String, Object> config = prodMetricsTraces();
    section(config, "exporters").put("coralogix/traces", withExtraKey(config));

    ExternalTools.Result r = Otelcol.validate(config);

    assertThat(r.exitCode()).isNotZero();
    assertThat(r.output()).contains("has invalid keys: subsytem_nmae");
  }

  @Test
  void theCollectorRejectsAPipelineThatReferencesAMissingComponent() {
    Map<String, Object> config = prodMetricsTraces();
    Map<String, Object> traces =
        map(map(map(config.get("service")).get("pipelines")).get("traces"));
    traces.put("exporters", List.of("debug/missing"));

    ExternalTools.Result r = Otelcol.validate(config);

    assertThat(r.exitCode()).isNotZero();
    assertThat(r.output()).contains("debug/missing").contains("not configured");
  }

  @Test
  void theDistributionHasExactlyTheComponentsTheConfigurationsUse() throws IOException {
    Set<String> used = new TreeSet<>();
    collectors()
        .forEach(
            a -> {
              @SuppressWarnings("unchecked")
              Map<String, Object> values = (Map<String, Object>) a.get()[2];
              Map<String, Object> config = Otelcol.effectiveConfig(values);
              for (String s : SECTIONS) {
                map(config.getOrDefault(s, Map.of()))
                    .keySet()
                    .forEach(id -> used.add(s + ":" + id.split("/")[0]));
              }
            });
    ExternalTools.Result r =
        ExternalTools.run(
            ExternalTools.projectDir(),
            Map.of(),
            30,
            CollectorCommand.binary().toString(),
            "components");
    JsonNode components = new YAMLMapper().readTree(r.stdout());
    Set<String> built = new TreeSet<>();
    for (String s : SECTIONS) {
      components.path(s).forEach(c -> built.add(s + ":" + c.path("name").asText()));
    }

    assertThat(built).isEqualTo(used);
  }

  @Test
  void theDistributionIsTheVersionTheChartsDeploy() throws IOException {
    JsonNode manifest =
        new YAMLMapper()
            .readTree(
                ExternalTools.projectDir()
                    .resolve("tools/collector-distribution/manifest.yaml")
                    .toFile());
    String version = CollectorChart.COLLECTOR.appVersion();

    assertThat(manifest.at("/dist/version").asText()).isEqualTo(version);
    assertThat(CollectorImage.CONTRIB.tag()).isEqualTo(version);
    for (String s : SECTIONS) {
      manifest
          .path(s)
          .forEach(
              c -> {
                String gomod = c.path("gomod").asText();
                String module = gomod.substring(gomod.lastIndexOf('/') + 1, gomod.indexOf(' '));
                assertThat(gomod)
                    .endsWith(" " + OLDER_RELEASES.getOrDefault(module, "v" + version));
              });
    }
  }

  private static Map<String, Object> prodMetricsTraces() {
    TelemetryStack stack =
        new TelemetryStack(Testing.app(), "prod-telemetry", Environments.load("prod"));
    // A deep copy through JSON, so the test can mutate it freely.
    ObjectMapper json = new ObjectMapper();
    @SuppressWarnings("unchecked")
    Map<String, Object> copy =
        json.convertValue(Otelcol.effectiveConfig(stack.metricsTraces().values()), Map.class);
    return copy;
  }

  private static Map<String, Object> withExtraKey(Map<String, Object> config) {
    Map<String, Object> exporter = map(section(config, "exporters").get("coralogix/traces"));
    exporter.put("subsytem_nmae", "typo");
    return exporter;
  }

  private static Map<String, Object> section(Map<String, Object> config, String name) {
    return map(config.get(name));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }
}
