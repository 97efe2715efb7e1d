package io.otelstack.collector;

import io.otelstack.ValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code prometheus/self} receiver: the collector scraping its own metrics, so queue size and
 * capacity, enqueue and send failures, and refused or dropped data reach Coralogix with everything
 * else.
 *
 * <p>Every collector in the stack uses the same names, {@code prometheus/self} in a {@value
 * #PIPELINE_ID} pipeline, so dashboards and alerts work across them. The scrape target and the
 * collector's own pull reader ({@link #telemetryMetrics()}) are defined together here because one
 * is useless without the other.
 *
 * @param jobName the scrape job name, which tells the collectors apart, e.g. the release name
 */
public record SelfMetricsReceiver(String jobName) implements Component {
  /** The pipeline the self-metrics travel in. */
  public static final String PIPELINE_ID = "metrics/self";

  /**
   * The resource attributes the self-metrics reach the exporter with: those of {@link
   * #telemetryResource()}, the collector's own {@code service.instance.id} and {@code
   * service.version}, and those the scrape adds. No {@code k8s.namespace.name}: with it, a {@link
   * CoralogixMapping} from the namespace would move the self-metrics out of the static application,
   * where the alerts select them.
   */
  public static final Set<String> RESOURCE_ATTRIBUTES =
      Set.of(
          "service.name",
          "service.instance.id",
          "service.version",
          "k8s.node.name",
          "k8s.pod.name",
          "host.name",
          "server.address",
          "server.port",
          "url.scheme");

  /** The port of the collector's own Prometheus reader, the chart's default. */
  public static final int PORT = 8888;

  /** Requires a job name. */
  public SelfMetricsReceiver {
    if (jobName == null || jobName.isBlank()) {
      throw new ValidationException("prometheus/self.jobName must not be empty");
    }
  }

  /**
   * The {@value #PIPELINE_ID} pipeline from this receiver through the limiter and resource
   * detection (the cluster's name) to an exporter.
   */
  public Pipeline pipeline(
      MemoryLimiter limiter, ResourceDetectionProcessor detection, Component exporter) {
    return new Pipeline(PIPELINE_ID, List.of(this), List.of(limiter, detection), List.of(exporter));
  }

  /**
   * Adds to {@code config} the {@link #pipeline} and the service telemetry it scrapes ({@link
   * #telemetryResource()}, {@link #telemetryMetrics()}), which only work together.
   */
  public CollectorConfig.Builder addTo(
      CollectorConfig.Builder config,
      MemoryLimiter limiter,
      ResourceDetectionProcessor detection,
      Component exporter) {
    return config
        .pipeline(pipeline(limiter, detection, exporter))
        .telemetry("resource", telemetryResource())
        .telemetry("metrics", telemetryMetrics());
  }

  /**
   * The {@code service.telemetry.metrics} block: a pull reader on the pod IP and {@value #PORT},
   * the target this receiver scrapes.
   */
  public static Map<String, Object> telemetryMetrics() {
    Map<String, Object> prometheus = new LinkedHashMap<>();
    prometheus.put("host", "${env:MY_POD_IP}");
    prometheus.put("port", PORT);
    Map<String, Object> reader =
        Map.of("pull", Map.of("exporter", Map.of("prometheus", prometheus)));
    return Map.of("readers", List.of(reader));
  }

  /**
   * The {@code service.telemetry.resource} block: the collector's name, and the pod and node the
   * self-metrics come from, from the downward-API variables the chart sets on every collector pod.
   * The pod's namespace is left out on purpose (see {@link #RESOURCE_ATTRIBUTES}).
   *
   * <p>The name is the job name, the release. Without it the collector calls itself by its build
   * name ({@code otelcol-otelstack}) in {@code target_info}, and the receiver makes that the
   * resource's {@code service.name} in place of the job: every collector then reaches Coralogix
   * with the same {@code service_name}, which the alerts select and group by
   * (CollectorAlertsProofTest).
   */
  public Map<String, Object> telemetryResource() {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("service.name", jobName);
    r.put("k8s.node.name", "${env:OTEL_K8S_NODE_NAME}");
    r.put("k8s.pod.name", "${env:OTEL_K8S_POD_NAME}");
    r.put("host.name", "${env:OTEL_K8S_NODE_NAME}");
    return r;
  }

  @Override
  public ComponentType type() {
    return ComponentType.PROMETHEUS;
  }

  @Override
  public String name() {
    return "self";
  }

  @Override
  public Map<String, Object> settings() {
    Map<String, Object> job = new LinkedHashMap<>();
    job.put("job_name", jobName);
    job.put("scrape_interval", "30s");
    job.put("static_configs", List.of(Map.of("targets", List.of("${env:MY_POD_IP}:" + PORT))));
    return Map.of("config", Map.of("scrape_configs", List.of(job)));
  }
}
