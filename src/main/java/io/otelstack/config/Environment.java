package io.otelstack.config;

import io.otelstack.internal.Maps;
import java.util.Map;
import java.util.Objects;

/**
 * One deployment environment: an {@code environments/<name>.yaml} file merged over {@code
 * environments/_defaults.yaml}. Load it with {@link EnvironmentLoader}, which validates every field
 * and rule.
 *
 * @param name the file name without {@code .yaml}; DNS-safe, at most 20 characters, so it can
 *     prefix stack IDs and AWS and Kubernetes names
 * @param file the file's path as messages print it, e.g. {@code environments/prod.yaml}
 * @param cluster the EKS cluster
 * @param state where Terraform keeps state
 * @param coralogix where telemetry goes
 * @param collector the collectors' namespace, image, charts and shutdown timing
 * @param logs log collection
 * @param metrics metric scraping and filtering
 * @param traces trace sampling
 * @param queue the exporters' persistent queue
 * @param hpa autoscaling of the metrics and traces collectors
 * @param targetAllocator the Prometheus target allocator
 * @param networkPolicy the flows the collectors' NetworkPolicies allow
 * @param infrastructure Kubernetes and infrastructure metrics and events
 * @param monitoring the {@code <env>-coralogix} stack's alerts, recording rules and TCO policies
 * @param tags AWS tags on every resource; {@code owner} and {@code costCentre} are always present
 */
public record Environment(
    String name,
    String file,
    ClusterSettings cluster,
    StateSettings state,
    CoralogixSettings coralogix,
    CollectorSettings collector,
    LogsSettings logs,
    MetricsSettings metrics,
    TracesSettings traces,
    QueueSettings queue,
    HpaSettings hpa,
    TargetAllocatorSettings targetAllocator,
    NetworkPolicySettings networkPolicy,
    InfrastructureSettings infrastructure,
    MonitoringSettings monitoring,
    Map<String, String> tags) {
  /** Requires every part and copies the tags. */
  public Environment {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(coralogix, "coralogix");
    Objects.requireNonNull(collector, "collector");
    Objects.requireNonNull(logs, "logs");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(traces, "traces");
    Objects.requireNonNull(queue, "queue");
    Objects.requireNonNull(hpa, "hpa");
    Objects.requireNonNull(targetAllocator, "targetAllocator");
    Objects.requireNonNull(networkPolicy, "networkPolicy");
    Objects.requireNonNull(infrastructure, "infrastructure");
    Objects.requireNonNull(monitoring, "monitoring");
    tags = Maps.copySorted(tags);
  }
}
