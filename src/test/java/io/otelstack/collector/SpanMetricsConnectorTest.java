package io.otelstack.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelstack.ValidationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpanMetricsConnectorTest {
  @Test
  void rendersCumulativeMillisecondHistogramsWithoutExemplarsAndBounded() {
    Map<String, Object> s =
        new SpanMetricsConnector(List.of("http.request.method"), List.of(5, 50), 100, 5, 60)
            .settings();

    assertThat(new SpanMetricsConnector(List.of(), List.of(1), 1, 1, 1).id().toString())
        .isEqualTo("span_metrics");
    assertThat(s)
        .containsEntry("namespace", "")
        .containsEntry("aggregation_temporality", "AGGREGATION_TEMPORALITY_CUMULATIVE")
        .containsEntry(
            "histogram",
            Map.of("unit", "ms", "explicit", Map.of("buckets", List.of("5ms", "50ms"))))
        .containsEntry("dimensions", List.of(Map.of("name", "http.request.method")))
        .containsEntry("exemplars", Map.of("enabled", false))
        .containsEntry("aggregation_cardinality_limit", 100)
        .containsEntry("metrics_expiration", "5m")
        .containsEntry("metrics_flush_interval", "60s");
  }

  @Test
  void failsWhenBucketsAreNotAscending() {
    assertThatThrownBy(() -> new SpanMetricsConnector(List.of(), List.of(10, 10), 1, 1, 1))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "traces.spanMetrics.bucketsMs ([10, 10]) must be positive and strictly ascending");
  }

  @Test
  void failsWhenTheCardinalityIsUnbounded() {
    assertThatThrownBy(() -> new SpanMetricsConnector(List.of(), List.of(1), 0, 1, 1))
        .isInstanceOf(ValidationException.class)
        .hasMessage("traces.spanMetrics.cardinalityLimit (0) must be >= 1");
  }
}
