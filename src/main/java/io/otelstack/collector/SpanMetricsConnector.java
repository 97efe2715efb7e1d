package io.otelstack.collector;

import io.otelstack.ValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code span_metrics} connector: request, error and duration (RED) metrics from every span,
 * computed before tail sampling so that rates and error ratios are not biased by what the sampler
 * keeps.
 *
 * <p>The metrics are {@code calls} (a sum) and {@code duration} (a histogram in ms), with no name
 * prefix: Coralogix's APM screens read them as {@code calls_total} and {@code duration_ms_*}. Every
 * point has the connector's fixed dimensions ({@code service.name}, {@code span.name}, {@code
 * span.kind}, {@code status.code}, which is the error tracking) plus {@code dimensions}, and keeps
 * its span's resource attributes, so the coralogix exporter maps it to the span's application and
 * subsystem.
 *
 * <p><b>Temporality: cumulative, one series per replica.</b> The Service spreads one pod's spans
 * over every gateway replica, so each replica counts a share of the same series. The connector adds
 * {@code collector.instance.id} (the replica's own instance ID, a default dimension since the
 * {@code connector.spanmetrics.includeCollectorInstanceID} gate went beta in 0.136) to every point,
 * so the replicas' cumulative series never collide; a query sums over it. Coralogix's APM reads
 * this label ({@code collector_instance_id}), and its PromQL engine computes rates from cumulative
 * counters and histograms, restarts included. Delta points from several replicas for one series
 * would instead need the backend to add them up, which a Prometheus-style store does not.
 *
 * <p><b>Bounds.</b> At most {@code cardinalityLimit} dimension combinations per resource (the rest
 * go to one {@code otel.metric.overflow} series), series unseen for {@code expirationMinutes} are
 * dropped, and no exemplars are kept.
 *
 * @param dimensions span attributes added as dimensions, e.g. {@code http.request.method}
 * @param bucketsMs the duration histogram's explicit bucket bounds, in ms, ascending
 * @param cardinalityLimit most dimension combinations kept per resource
 * @param expirationMinutes minutes after which a series no span updated is dropped
 * @param flushIntervalSeconds how often the metrics are emitted
 */
public record SpanMetricsConnector(
    List<String> dimensions,
    List<Integer> bucketsMs,
    int cardinalityLimit,
    int expirationMinutes,
    int flushIntervalSeconds)
    implements Component {
  /** Copies the lists and checks the bounds. */
  public SpanMetricsConnector {
    dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
    bucketsMs = bucketsMs == null ? List.of() : List.copyOf(bucketsMs);
    if (bucketsMs.isEmpty()) {
      throw new ValidationException("traces.spanMetrics.bucketsMs must list at least one bound");
    }
    for (int i = 0; i < bucketsMs.size(); i++) {
      if (bucketsMs.get(i) <= 0 || i > 0 && bucketsMs.get(i) <= bucketsMs.get(i - 1)) {
        throw new ValidationException(
            "traces.spanMetrics.bucketsMs ("
                + bucketsMs
                + ") must be positive and strictly ascending");
      }
    }
    if (cardinalityLimit < 1) {
      throw new ValidationException(
          "traces.spanMetrics.cardinalityLimit (" + cardinalityLimit + ") must be >= 1");
    }
    if (expirationMinutes < 1) {
      throw new ValidationException(
          "traces.spanMetrics.expirationMinutes (" + expirationMinutes + ") must be >= 1");
    }
    if (flushIntervalSeconds < 1) {
      throw new ValidationException(
          "traces.spanMetrics.flushIntervalSeconds (" + flushIntervalSeconds + ") must be >= 1");
    }
  }

  @Override
  public ComponentType type() {
    return ComponentType.SPAN_METRICS;
  }

  @Override
  public Map<String, Object> settings() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("namespace", "");
    s.put("aggregation_temporality", "AGGREGATION_TEMPORALITY_CUMULATIVE");
    Map<String, Object> histogram = new LinkedHashMap<>();
    histogram.put("unit", "ms");
    histogram.put("explicit", Map.of("buckets", bucketsMs.stream().map(b -> b + "ms").toList()));
    s.put("histogram", histogram);
    s.put("dimensions", dimensions.stream().map(d -> Map.of("name", d)).toList());
    s.put("exemplars", Map.of("enabled", false));
    s.put("aggregation_cardinality_limit", cardinalityLimit);
    s.put("metrics_expiration", expirationMinutes + "m");
    s.put("metrics_flush_interval", flushIntervalSeconds + "s");
    return s;
  }
}
