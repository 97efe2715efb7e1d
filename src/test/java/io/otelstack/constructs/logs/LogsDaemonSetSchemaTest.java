package io.otelstack.constructs.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelstack.collector.CollectorChart;
import io.otelstack.collector.CollectorImage;
import io.otelstack.collector.ContainerResources;
import io.otelstack.testing.UpstreamCharts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The agent's values against the upstream chart schema, merged with the defaults as Helm does. */
class LogsDaemonSetSchemaTest {
  static Stream<Arguments> propSets() {
    Map<String, Function<LogsFixture, LogsDaemonSetProps>> sets = new LinkedHashMap<>();
    sets.put("defaults", f -> f.props().build());
    sets.put("dev-like", LogsFixture::devLike);
    sets.put("prod-like", LogsFixture::prodLike);
    sets.put(
        "custom",
        f ->
            f.props()
                .image(new CollectorImage("registry.example.com/otelcol-contrib", "0.158.0"))
                .resources(new ContainerResources("200m", "512Mi", "1", "1Gi"))
                .parseJson(false)
                .severityThreshold(LogSeverity.WARN)
                .extraFilelogExcludes(List.of("/var/log/pods/kube-system_*/*/*.log"))
                .releaseName("node-logs")
                .terminationGracePeriodSeconds(90)
                .build());
    return sets.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("propSets")
  void valuesPassTheChartSchema(String name, Function<LogsFixture, LogsDaemonSetProps> props) {
    LogsFixture f = new LogsFixture();

    assertThat(
            UpstreamCharts.schemaErrors(CollectorChart.COLLECTOR, f.agent(props.apply(f)).values()))
        .isEmpty();
  }

  @Test
  void aMisspelledKeyFailsTheChartSchema() {
    LogsFixture f = new LogsFixture();
    Map<String, Object> values = new LinkedHashMap<>(f.agent(f.props().build()).values());
    values.put("extraVolume", values.remove("extraVolumes"));

    assertThat(UpstreamCharts.schemaErrors(CollectorChart.COLLECTOR, values))
        .anyMatch(e -> e.contains("extraVolume"));
  }
}
