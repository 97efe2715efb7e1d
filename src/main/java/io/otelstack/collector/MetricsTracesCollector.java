package io.otelstack.collector;

import io.otelstack.collector.K8sAttributesProcessor.PodAssociation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The pipelines and chart values of the metrics and traces collectors, a StatefulSet whose sending
 * queues live on a per-replica volume. The construct maps its props to components and owns the
 * Kubernetes resources around the release; how the components form pipelines is decided here.
 *
 * <p><b>Metrics.</b> A Target Allocator owns every scrape job and hands each replica its share of
 * the targets; the {@code prometheus/pods} receiver asks it for them, identified by its pod name.
 * Applications may also push metrics over OTLP.
 *
 * <p><b>Traces.</b> Applications push OTLP (gRPC 4317, HTTP 4318) to the chart's Service; no
 * sidecar is needed. Tail sampling must see a whole trace, but the Service spreads the spans of one
 * trace over every replica. So sampling is a second stage:
 *
 * <ol>
 *   <li>{@code traces}: {@code otlp} → {@code memory_limiter} → {@code k8s_attributes} (here, where
 *       the connection still comes from the application pod) → {@code load_balancing/sampling},
 *       which routes each span by trace ID to one replica, found through the headless {@code
 *       <name>-sampling} Service, and {@code span_metrics}, which counts every span before the
 *       sampler drops any ({@link SpanMetricsConnector}) into {@code metrics/spanmetrics} → {@code
 *       memory_limiter} → {@code coralogix/metrics};
 *   <li>{@code traces/sampling}: {@code otlp/sampling} (port {@value #SAMPLING_PORT}) → {@code
 *       memory_limiter} → {@code tail_sampling} → {@code coralogix/traces}.
 * </ol>
 *
 * <p><b>Logs.</b> SDKs push OTLP logs to the same Service: {@code logs}: {@code otlp} → {@code
 * memory_limiter} → {@code k8s_attributes} → {@code coralogix/logs}, with its own persistent queue.
 *
 * <p>The sampler keeps every trace with an error, every trace slower than the threshold, and a
 * trace-ID-hashed percentage of the rest. There is no head sampler in front of it: a head sampler
 * would drop error and slow traces before the tail sampler could see them.
 *
 * <p><b>No batch processor.</b> A {@code batch} processor holds data in memory in front of the
 * persistent queue and acknowledges it to the sender first, so a crash loses it. Batching is done
 * inside each exporter's queue instead (see {@link SendingQueue}), after the data is on disk.
 *
 * <p><b>Routing queue.</b> The {@code load_balancing} exporter has a persistent queue too: while a
 * peer restarts (every rolling update), its share of spans waits on disk instead of being dropped,
 * and each retry is routed afresh to whichever replica now owns the trace. Spans buffered inside
 * {@code tail_sampling} during its decision wait are in memory and are lost on a crash; that window
 * is bounded by the decision wait.
 *
 * <p><b>Where data comes from.</b> {@code resource_detection/cluster} follows {@code
 * k8s_attributes} in the first-stage pipelines: {@code k8s.cluster.name} and the EKS attributes on
 * every span and metric whose SDK did not set them. No host attributes: the data comes from pods on
 * other nodes.
 *
 * <p><b>Self-monitoring.</b> {@code prometheus/self} scrapes the collector's own telemetry (queue
 * size and capacity, enqueue and send failures, refused and dropped data) into {@code
 * metrics/self}, exported with everything else.
 */
public final class MetricsTracesCollector {
  /** Where each replica's queue volume is mounted. */
  public static final String QUEUE_DIRECTORY = "/var/lib/otelcol/queue";

  /** OTLP/gRPC port of the sampling stage, reached only by peer collectors. */
  public static final int SAMPLING_PORT = 4319;

  /** Environment variable holding the pod name, the id the Target Allocator knows a replica by. */
  private static final String POD_NAME_ENV = "POD_NAME";

  /** The queue volume's name, in the claim template and the mount. */
  static final String QUEUE_VOLUME = "queue";

  /** The file_storage (and subdirectory) behind the sampled traces' exporter queue. */
  private static final String SAMPLED_STORAGE = "sampled";

  private static final int TARGET_ALLOCATOR_INTERVAL_SECONDS = 30;
  private static final int FILE_STORAGE_TIMEOUT_SECONDS = 10;

  /**
   * Adds pod metadata to pushed spans and metrics. A pod is recognised by the {@code k8s.pod.ip} or
   * {@code k8s.pod.uid} its SDK set, then by the connection's IP, which is the pod's own only on
   * the first hop: the processor must never run after a collector-to-collector hop.
   */
  private static final K8sAttributesProcessor POD_ATTRIBUTES =
      new K8sAttributesProcessor(
          "",
          null,
          List.of(
              "k8s.namespace.name",
              "k8s.pod.name",
              "k8s.pod.uid",
              "k8s.node.name",
              "k8s.deployment.name",
              "k8s.statefulset.name",
              "k8s.daemonset.name"),
          List.of(),
          List.of(
              PodAssociation.resourceAttributes("k8s.pod.ip"),
              PodAssociation.resourceAttributes("k8s.pod.uid"),
              PodAssociation.connection()));

  private MetricsTracesCollector() {}

  /** The store behind every queue before the sampler: on the replica's volume, fsync'd. */
  public static FileStorage queueStorage() {
    return new FileStorage(QUEUE_VOLUME, QUEUE_DIRECTORY, FILE_STORAGE_TIMEOUT_SECONDS);
  }

  /**
   * The store behind the sampled traces' queue: on the volume, without fsync. The tail sampler
   * releases every kept trace as a request of its own, and an fsync per request capped delivery at
   * about 12% of the in-memory rate (docs/proof/report.md). The traces it releases were already
   * held in memory for the decision wait, so this stage is not node-crash safe anyway; its queue
   * stays on the volume (a kill or OOM loses nothing) without the per-request fsync.
   */
  public static FileStorage sampledStorage() {
    return new FileStorage(
        SAMPLED_STORAGE,
        QUEUE_DIRECTORY + "/" + SAMPLED_STORAGE,
        FILE_STORAGE_TIMEOUT_SECONDS,
        false);
  }

  /**
   * The collector configuration. The file storages are the ones behind the exporters' queues.
   *
   * @param jobName the self-metrics scrape job, which tells the collectors apart: the release name
   * @param limiter the memory limiter every pipeline starts with
   * @param toSampler routes each span by trace ID to the replica that samples the trace
   * @param sampler the sampling stage's tail sampler
   * @param spanMetrics counts every span before sampling; null for no span metrics
   * @param traces exports the sampled traces
   * @param metrics exports every metric: pushed, scraped, span metrics and the collector's own
   * @param logs exports the logs SDKs push
   * @param allocatorEndpoint the Target Allocator handing out scrape targets, if one feeds the
   *     collector
   */
  public static CollectorConfig config(
      String jobName,
      MemoryLimiter limiter,
      LoadBalancingExporter toSampler,
      TailSamplingProcessor sampler,
      SpanMetricsConnector spanMetrics,
      CoralogixExporter traces,
      CoralogixExporter metrics,
      CoralogixExporter logs,
      Optional<String> allocatorEndpoint) {
    OtlpReceiver otlp = OtlpReceiver.standard();
    List<Component> metricsIn = new ArrayList<>(List.of(otlp));
    allocatorEndpoint.ifPresent(
        endpoint ->
            metricsIn.add(
                new PrometheusReceiver(
                    "pods", endpoint, TARGET_ALLOCATOR_INTERVAL_SECONDS, POD_NAME_ENV)));
    SelfMetricsReceiver self = new SelfMetricsReceiver(jobName);
    ResourceDetectionProcessor detection = ResourceDetectionProcessor.cluster();
    List<Component> tracesOut = new ArrayList<>(List.of(toSampler));
    if (spanMetrics != null) {
      tracesOut.add(spanMetrics);
    }
    CollectorConfig.Builder config =
        CollectorConfig.builder()
            .extension(new HealthCheckExtension())
            .pipeline(
                new Pipeline(
                    "traces",
                    List.of(otlp),
                    List.of(limiter, POD_ATTRIBUTES, detection),
                    tracesOut))
            .pipeline(
                new Pipeline(
                    "traces/sampling",
                    List.of(new OtlpReceiver("sampling", SAMPLING_PORT, 0)),
                    List.of(limiter, sampler),
                    List.of(traces)))
            .pipeline(
                new Pipeline(
                    "metrics",
                    metricsIn,
                    List.of(limiter, POD_ATTRIBUTES, detection),
                    List.of(metrics)));
    self.addTo(config, limiter, detection, metrics)
        .pipeline(
            new Pipeline(
                "logs", List.of(otlp), List.of(limiter, POD_ATTRIBUTES, detection), List.of(logs)));
    if (spanMetrics != null) {
      config.pipeline(
          new Pipeline(
              "metrics/spanmetrics", List.of(spanMetrics), List.of(limiter), List.of(metrics)));
    }
    List.of(toSampler.queue(), traces.queue(), metrics.queue(), logs.queue()).stream()
        .map(SendingQueue::storage)
        .filter(Objects::nonNull)
        .distinct()
        .forEach(config::extension);
    return config.build();
  }

  /**
   * The claim template of a replica's queue volume, mounted at {@value #QUEUE_DIRECTORY}.
   *
   * @param storageClassName the StorageClass to provision from; null for the cluster's default
   * @param size the requested size as a Kubernetes quantity, e.g. {@code 10Gi}
   */
  public static Map<String, Object> queueClaim(String storageClassName, String size) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("accessModes", List.of("ReadWriteOnce"));
    if (storageClassName != null) {
      spec.put("storageClassName", storageClassName);
    }
    spec.put("resources", Map.of("requests", Map.of("storage", size)));
    Map<String, Object> claim = new LinkedHashMap<>();
    claim.put("metadata", Map.of("name", QUEUE_VOLUME));
    claim.put("spec", spec);
    return claim;
  }

  /**
   * The StatefulSet's chart values, placement and autoscaling aside.
   *
   * @param common the values every collector shares ({@link CollectorValues#common}), mode {@code
   *     statefulset}
   * @param name the release name, which names every chart-made object
   * @param queueClaim the queue volume's claim template ({@link #queueClaim}), if queues persist
   * @param preStopDelaySeconds how long a stopping pod keeps serving while endpoints drain
   * @param clusterName the cluster's name, for {@code k8s.cluster.name}
   */
  public static Map<String, Object> values(
      Map<String, Object> common,
      String name,
      Optional<Map<String, Object>> queueClaim,
      int preStopDelaySeconds,
      String clusterName) {
    Map<String, Object> v = new LinkedHashMap<>(common);
    // Every chart-made name is the release name, so the names derived from it stay predictable.
    v.put("fullnameOverride", name);
    List<Object> envs = new ArrayList<>((List<?>) v.get("extraEnvs"));
    envs.add(
        Map.of(
            "name",
            POD_NAME_ENV,
            "valueFrom",
            Map.of("fieldRef", Map.of("fieldPath", "metadata.name"))));
    envs.add(ResourceDetectionProcessor.resourceAttributesEnv(clusterName));
    v.put("extraEnvs", envs);

    Map<String, Object> statefulset = new LinkedHashMap<>();
    statefulset.put("podManagementPolicy", "Parallel");
    // Retain on scale-down: a removed replica's volume may still hold queued data; the replica
    // with the same ordinal picks it up and drains it when the autoscaler scales up again.
    statefulset.put(
        "persistentVolumeClaimRetentionPolicy",
        Map.of("enabled", true, "whenDeleted", "Retain", "whenScaled", "Retain"));
    queueClaim.ifPresent(
        claim -> {
          statefulset.put("volumeClaimTemplates", List.of(claim));
          v.put(
              "extraVolumeMounts",
              List.of(Map.of("name", QUEUE_VOLUME, "mountPath", QUEUE_DIRECTORY)));
        });
    v.put("statefulset", statefulset);
    // The contrib image is distroless: no shell, no sleep binary, so the hook is the kubelet's
    // own sleep action (Kubernetes >= 1.30), not an exec.
    v.put(
        "lifecycleHooks",
        Map.of("preStop", Map.of("sleep", Map.of("seconds", preStopDelaySeconds))));
    v.put("podDisruptionBudget", Map.of("enabled", true, "maxUnavailable", 1));
    v.put("clusterRole", Map.of("create", true, "rules", POD_ATTRIBUTES.rbacRules()));
    return v;
  }
}
