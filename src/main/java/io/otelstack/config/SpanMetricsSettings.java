package io.otelstack.config;

import java.util.List;

/**
 * Span metrics, counted from every span before tail sampling. The bounds are {@code
 * SpanMetricsConnector}'s rules, checked once there.
 *
 * @param enabled whether span metrics are computed
 * @param dimensions span attributes added as dimensions
 * @param bucketsMs duration histogram bounds, in ms, ascending
 * @param cardinalityLimit most dimension combinations per resource
 * @param expirationMinutes minutes after which an idle series is dropped
 */
public record SpanMetricsSettings(
    boolean enabled,
    List<String> dimensions,
    List<Integer> bucketsMs,
    int cardinalityLimit,
    int expirationMinutes) {
  /** Copies the lists. */
  public SpanMetricsSettings {
    dimensions = List.copyOf(dimensions);
    bucketsMs = List.copyOf(bucketsMs);
  }
}
