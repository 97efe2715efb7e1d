package io.otelstack.collector;

import io.otelstack.ValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code prometheus} receiver, in one of the two forms this project runs: fed by a Target
 * Allocator, or scraping the collector's own telemetry endpoint.
 *
 * <p>A receiver fed by an allocator has no static scrape configs at all: the allocator owns every
 * job and hands each collector only its share of the targets.
 */
public final class PrometheusReceiver implements Component {
  /** The component type. */
  public static final String TYPE = "prometheus";

  /** The port of the collector's own Prometheus telemetry reader (the chart's default). */
  public static final int TELEMETRY_PORT = 8888;

  private final ComponentId id;
  private final Map<String, Object> settings;

  private PrometheusReceiver(ComponentId id, Map<String, Object> settings) {
    this.id = id;
    this.settings = settings;
  }

  /**
   * A receiver whose scrape configs and targets come from a Target Allocator.
   *
   * @param name instance name, e.g. {@code pods}; must not be empty, so that the chart's default
   *     unnamed {@code prometheus} receiver is removed rather than merged into this one
   * @param endpoint the allocator's HTTP endpoint, e.g. {@code http://x-ta.ns.svc.cluster.local:80}
   * @param intervalSeconds how often to ask the allocator for this collector's targets
   * @param collectorIdEnv environment variable holding this pod's name, the id the allocator knows
   *     the collector by
   */
  public static PrometheusReceiver fedByTargetAllocator(
      String name, String endpoint, int intervalSeconds, String collectorIdEnv) {
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
    Map<String, Object> ta = new LinkedHashMap<>();
    ta.put("endpoint", endpoint);
    ta.put("interval", intervalSeconds + "s");
    ta.put("collector_id", "${env:" + collectorIdEnv + "}");
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("target_allocator", ta);
    return new PrometheusReceiver(ComponentId.of(TYPE, name), s);
  }

  /**
   * {@code prometheus/self}: scrapes this collector's own metrics (queue size and capacity, enqueue
   * and send failures, refused and dropped data) so they are exported with everything else.
   *
   * @param intervalSeconds scrape interval
   */
  public static PrometheusReceiver self(int intervalSeconds) {
    if (intervalSeconds <= 0) {
      throw new ValidationException(
          "prometheus/self.intervalSeconds (" + intervalSeconds + ") must be > 0");
    }
    Map<String, Object> job = new LinkedHashMap<>();
    job.put("job_name", "otel-collector-self");
    job.put("scrape_interval", intervalSeconds + "s");
    job.put(
        "static_configs",
        List.of(Map.of("targets", List.of("${env:MY_POD_IP}:" + TELEMETRY_PORT))));
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("config", Map.of("scrape_configs", List.of(job)));
    return new PrometheusReceiver(ComponentId.of(TYPE, "self"), s);
  }

  @Override
  public Kind kind() {
    return Kind.RECEIVER;
  }

  @Override
  public ComponentId id() {
    return id;
  }

  @Override
  public Map<String, Object> settings() {
    return settings;
  }
}
