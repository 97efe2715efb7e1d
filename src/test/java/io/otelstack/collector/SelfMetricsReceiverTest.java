package io.otelstack.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelstack.ValidationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SelfMetricsReceiverTest {
  @Test
  void isNamedPrometheusSelf() {
    assertThat(new SelfMetricsReceiver("otel-logs").id().toString()).isEqualTo("prometheus/self");
  }

  @Test
  void scrapesThePortTheCollectorServesItsMetricsOn() {
    Map<String, Object> job =
        Map.of(
            "job_name",
            "otel-logs",
            "scrape_interval",
            "30s",
            "static_configs",
            List.of(Map.of("targets", List.of("${env:MY_POD_IP}:8888"))));

    assertThat(new SelfMetricsReceiver("otel-logs").settings())
        .isEqualTo(Map.of("config", Map.of("scrape_configs", List.of(job))));
  }

  @Test
  void buildsTheMetricsSelfPipelineWithTheLimiterFirstThenTheClusterName() {
    SelfMetricsReceiver self = new SelfMetricsReceiver("otel-logs");
    Pipeline p =
        self.pipeline(
            MemoryLimiter.defaults(),
            ResourceDetectionProcessor.cluster(),
            new HealthCheckExtension());

    assertThat(p.id()).isEqualTo("metrics/self");
    assertThat(p.receivers()).containsExactly(self);
    assertThat(p.processors())
        .containsExactly(MemoryLimiter.defaults(), ResourceDetectionProcessor.cluster());
  }

  @Test
  void namesTheCollectorByItsJobInItsTelemetryResource() {
    assertThat(new SelfMetricsReceiver("otel-logs").telemetryResource())
        .containsEntry("service.name", "otel-logs")
        .containsEntry("k8s.pod.name", "${env:OTEL_K8S_POD_NAME}")
        .containsEntry("k8s.node.name", "${env:OTEL_K8S_NODE_NAME}");
  }

  @Test
  void failsWithoutAJobName() {
    assertThatThrownBy(() -> new SelfMetricsReceiver(" "))
        .isInstanceOf(ValidationException.class)
        .hasMessage("prometheus/self.jobName must not be empty");
  }
}
