package io.otelstack.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelstack.ValidationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusReceiverTest {
  @Test
  void asksTheAllocatorForItsTargetsUnderItsPodName() {
    PrometheusReceiver r =
        PrometheusReceiver.fedByTargetAllocator("pods", "http://ta.ns.svc:80", 30, "POD_NAME");
    assertThat(r.id().toString()).isEqualTo("prometheus/pods");
    assertThat(r.settings())
        .isEqualTo(
            Map.of(
                "target_allocator",
                Map.of(
                    "endpoint", "http://ta.ns.svc:80",
                    "interval", "30s",
                    "collector_id", "${env:POD_NAME}")));
  }

  @Test
  void scrapesTheCollectorsOwnTelemetryAsSelf() {
    PrometheusReceiver r = PrometheusReceiver.self(15);
    assertThat(r.id().toString()).isEqualTo("prometheus/self");
    assertThat(r.settings())
        .isEqualTo(
            Map.of(
                "config",
                Map.of(
                    "scrape_configs",
                    List.of(
                        Map.of(
                            "job_name", "otel-collector-self",
                            "scrape_interval", "15s",
                            "static_configs",
                                List.of(Map.of("targets", List.of("${env:MY_POD_IP}:8888"))))))));
  }

  @Test
  void failsWhenTheAllocatorFedReceiverIsUnnamed() {
    assertThatThrownBy(
            () -> PrometheusReceiver.fedByTargetAllocator("", "http://ta:80", 30, "POD_NAME"))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "prometheus receiver name must not be empty: the chart's default unnamed prometheus"
                + " receiver would merge into it");
  }

  @Test
  void failsWhenTheEndpointIsNotAUrl() {
    assertThatThrownBy(
            () -> PrometheusReceiver.fedByTargetAllocator("pods", "ta:80", 30, "POD_NAME"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("prometheus/pods.endpoint (ta:80) must be an http(s) URL");
  }

  @Test
  void failsWhenThePollIntervalIsZero() {
    assertThatThrownBy(
            () -> PrometheusReceiver.fedByTargetAllocator("pods", "http://ta:80", 0, "POD_NAME"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("prometheus/pods.intervalSeconds (0) must be > 0");
  }

  @Test
  void failsWhenTheSelfScrapeIntervalIsZero() {
    assertThatThrownBy(() -> PrometheusReceiver.self(0))
        .isInstanceOf(ValidationException.class)
        .hasMessage("prometheus/self.intervalSeconds (0) must be > 0");
  }
}
