package io.otelstack.collector;

import io.otelstack.ValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code filter} processor dropping every metric that matches any of its OTTL conditions: the
 * cardinality guardrail of the infrastructure receivers, as the scrape-time allowlist is for
 * Prometheus targets.
 *
 * <p>Rendered as {@code metric_conditions} with context-prefixed paths ({@code metric.name}, {@code
 * resource.attributes}); {@code error_mode: ignore} keeps a metric whose condition cannot be
 * evaluated rather than dropping the batch.
 *
 * @param name instance name, e.g. {@code infrastructure} for {@code filter/infrastructure}
 * @param metricConditions OTTL conditions in the metric context; a metric matching any is dropped
 */
public record MetricFilterProcessor(String name, List<String> metricConditions)
    implements Component {
  /** Requires at least one condition. */
  public MetricFilterProcessor {
    metricConditions = metricConditions == null ? List.of() : List.copyOf(metricConditions);
    if (metricConditions.isEmpty()) {
      throw new ValidationException(
          "filter/" + name + ".metricConditions must not be empty; leave the processor out");
    }
  }

  /**
   * Drops every metric whose name the regular expression {@code allowed} misses. Without a {@code
   * $}: the collector's configuration reads {@code $} as the start of a reference.
   */
  public static String notNamed(String allowed) {
    return "not IsMatch(metric.name, \"" + allowed.replace("\\", "\\\\") + "\")";
  }

  @Override
  public Map<String, Object> settings() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("error_mode", "ignore");
    s.put("metric_conditions", metricConditions);
    return s;
  }

  @Override
  public ComponentType type() {
    return ComponentType.FILTER;
  }
}
