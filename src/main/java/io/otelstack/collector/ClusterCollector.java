package io.otelstack.collector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pipelines and chart values of the cluster collector: the one collector that reads the cluster
 * as a whole from the API server, a single-replica StatefulSet whose sending queue lives on its
 * volume.
 *
 * <p>{@code metrics}: {@code k8s_cluster} → {@code memory_limiter} → {@code
 * resource_detection/cluster} → {@code filter/cluster} (only the receiver's {@code k8s.*} family) →
 * {@code coralogix/metrics}. {@code logs}: {@code k8sobjects} (events) → {@code memory_limiter} →
 * {@code resource_detection/cluster} → {@code coralogix/events}. Both exporters queue on {@code
 * file_storage/queue}, fsync'd on the replica's volume, as the gateway's do.
 *
 * <p><b>At most one.</b> Both receivers watch the whole cluster, so a second running copy would
 * send every series and every event twice. A StatefulSet of one replica never runs two: its
 * controller creates the pod of an ordinal only after the previous pod of that ordinal is gone,
 * during a rolling update (the old pod is deleted first) and after a node is lost (until the pod is
 * confirmed deleted). A Deployment, even with the Recreate strategy, gives no such promise when a
 * node stops answering.
 */
public final class ClusterCollector {
  /** The guardrail: what {@code k8s_cluster} reports, nothing a future version adds elsewhere. */
  private static final MetricFilterProcessor GUARDRAIL =
      new MetricFilterProcessor("cluster", List.of(MetricFilterProcessor.notNamed("^k8s\\.")));

  private ClusterCollector() {}

  /**
   * The collector configuration.
   *
   * @param jobName the self-metrics scrape job: the release name
   * @param clusterMetrics the {@code k8s_cluster} receiver, or null for none
   * @param events the {@code k8sobjects} receiver of events, or null for none
   * @param metrics exports the cluster metrics and the collector's own
   * @param eventsExporter exports the events (as logs)
   */
  public static CollectorConfig config(
      String jobName,
      K8sClusterReceiver clusterMetrics,
      K8sObjectsReceiver events,
      CoralogixExporter metrics,
      CoralogixExporter eventsExporter) {
    MemoryLimiter limiter = MemoryLimiter.defaults();
    ResourceDetectionProcessor detection = ResourceDetectionProcessor.cluster();
    SelfMetricsReceiver self = new SelfMetricsReceiver(jobName);
    CollectorConfig.Builder config =
        CollectorConfig.builder().extension(new HealthCheckExtension());
    if (clusterMetrics != null) {
      config.pipeline(
          new Pipeline(
              "metrics",
              List.of(clusterMetrics),
              List.of(limiter, detection, GUARDRAIL),
              List.of(metrics)));
    }
    if (events != null) {
      config.pipeline(
          new Pipeline(
              "logs", List.of(events), List.of(limiter, detection), List.of(eventsExporter)));
    }
    self.addTo(config, limiter, detection, metrics);
    List.of(metrics.queue(), eventsExporter.queue()).stream()
        .map(SendingQueue::storage)
        .filter(s -> s != null)
        .distinct()
        .forEach(config::extension);
    return config.build();
  }

  /**
   * The StatefulSet's chart values.
   *
   * @param common the values every collector shares ({@link CollectorValues#common}), mode {@code
   *     statefulset}
   * @param name the release name, which names every chart-made object
   * @param config the configuration, whose receivers decide the ClusterRole
   * @param queueClaim the queue volume's claim template ({@link MetricsTracesCollector#queueClaim})
   * @param clusterName the cluster's name, for {@code k8s.cluster.name}
   */
  public static Map<String, Object> values(
      Map<String, Object> common,
      String name,
      CollectorConfig config,
      Map<String, Object> queueClaim,
      String clusterName) {
    Map<String, Object> v = new LinkedHashMap<>(common);
    v.put("fullnameOverride", name);
    v.put("replicaCount", 1);
    List<Object> envs = new ArrayList<>((List<?>) v.get("extraEnvs"));
    envs.add(ResourceDetectionProcessor.resourceAttributesEnv(clusterName));
    v.put("extraEnvs", envs);
    Map<String, Object> statefulset = new LinkedHashMap<>();
    // Retained with the StatefulSet gone: the volume may still hold queued data.
    statefulset.put(
        "persistentVolumeClaimRetentionPolicy",
        Map.of("enabled", true, "whenDeleted", "Retain", "whenScaled", "Retain"));
    statefulset.put("volumeClaimTemplates", List.of(queueClaim));
    v.put("statefulset", statefulset);
    v.put(
        "extraVolumeMounts",
        List.of(
            Map.of(
                "name",
                MetricsTracesCollector.QUEUE_VOLUME,
                "mountPath",
                MetricsTracesCollector.QUEUE_DIRECTORY)));
    List<Map<String, Object>> rules = new ArrayList<>();
    Map<ComponentId, Component> receivers = config.components(Kind.RECEIVER);
    if (receivers.values().stream().anyMatch(c -> c.type() == ComponentType.K8S_CLUSTER)) {
      rules.addAll(K8sClusterReceiver.rbacRules());
    }
    if (receivers.values().stream().anyMatch(c -> c.type() == ComponentType.K8S_OBJECTS)) {
      rules.addAll(K8sObjectsReceiver.rbacRules());
    }
    v.put("clusterRole", Map.of("create", true, "rules", rules));
    // It receives nothing: no OTLP ports, no Service.
    @SuppressWarnings("unchecked")
    Map<String, Object> ports = new LinkedHashMap<>((Map<String, Object>) v.get("ports"));
    ports.put("otlp", Map.of("enabled", false));
    ports.put("otlp-http", Map.of("enabled", false));
    v.put("ports", ports);
    v.put("service", Map.of("enabled", false));
    return v;
  }
}
