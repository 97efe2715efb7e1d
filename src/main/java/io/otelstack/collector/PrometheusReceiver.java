package io.otelstack.collector;

import io.otelstack.ValidationException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code prometheus} receiver fed by a Target Allocator: it has no static scrape configs at all.
 * The allocator owns every job and hands each collector, known by {@code collector_id}, only its
 * share of the targets. (The collector's self-scrape is {@link SelfMetricsReceiver}.)
 *
 * @param name instance name, e.g. {@code pods}; must not be empty, so that the chart's default
 *     unnamed {@code prometheus} receiver is removed rather than merged into this one
 * @param endpoint the allocator's HTTP endpoint, e.g. {@code http://x-ta.ns.svc.cluster.local:80}
 * @param intervalSeconds how often to ask the allocator for this collector's targets
 * @param collectorIdEnv environment variable holding this pod's name, the id the allocator knows
 *     the collector by
 */
public record PrometheusReceiver(
    String name, String endpoint, int intervalSeconds, String collectorIdEnv) implements Component {
  /** Requires a name, an HTTP endpoint and a positive interval. */
  public PrometheusReceiver {
    if (name == null || name.isEmpty()) {
      throw new ValidationException(
          "prometheus receiver name must not be empty: the chart's default unnamed prometheus"
              + " receiver would merge into it");
    }
    if (endpoint == null || !endpoint.startsWith("http")) {
      throw new ValidationException(
          "prometheus/" + name + ".endpoint (" + endpoint + ") must be an http(s) URL");
    }
    if (intervalSeconds <= 0) {
      throw new ValidationException(
          "prometheus/" + name + ".intervalSeconds (" + intervalSeconds + ") must be > 0");
    }
  }

  @Override
  public ComponentType type() {
    return ComponentType.PROMETHEUS;
  }

  @Override
  public Map<String, Object> settings() {
    Map<String, Object> ta = new LinkedHashMap<>();
    ta.put("endpoint", endpoint);
    ta.put("interval", intervalSeconds + "s");
    ta.put("collector_id", "${env:" + collectorIdEnv + "}");
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("target_allocator", ta);
    return s;
  }
}
