package io.otelstack.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelstack.ValidationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusReceiverTest {
  @Test
  void asksTheAllocatorForItsTargetsUnderItsPodName() {
    PrometheusReceiver r = new PrometheusReceiver("pods", "http://ta.ns.svc:80", 30, "POD_NAME");
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
  void failsWhenTheReceiverIsUnnamed() {
    assertThatThrownBy(() -> new PrometheusReceiver("", "http://ta:80", 30, "POD_NAME"))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "prometheus receiver name must not be empty: the chart's default unnamed prometheus"
                + " receiver would merge into it");
  }

  @Test
  void failsWhenTheEndpointIsNotAUrl() {
    assertThatThrownBy(() -> new PrometheusReceiver("pods", "ta:80", 30, "POD_NAME"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("prometheus/pods.endpoint (ta:80) must be an http(s) URL");
  }

  @Test
  void failsWhenThePollIntervalIsZero() {
    assertThatThrownBy(() -> new PrometheusReceiver("pods", "http://ta:80", 0, "POD_NAME"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("prometheus/pods.intervalSeconds (0) must be > 0");
  }
}
