package io.otelstack.collector;

/**
 * The component types this project configures: the name the collector registers each under and the
 * section it belongs to, stated once for every record of that type.
 */
public enum ComponentType {
  /** {@link OtlpReceiver}. */
  OTLP("otlp", Kind.RECEIVER),
  /** {@link FilelogReceiver}. */
  FILE_LOG("file_log", Kind.RECEIVER),
  /** {@link PrometheusReceiver} and {@link SelfMetricsReceiver}. */
  PROMETHEUS("prometheus", Kind.RECEIVER),
  /** {@link KubeletStatsReceiver}. */
  KUBELET_STATS("kubelet_stats", Kind.RECEIVER),
  /** {@link HostMetricsReceiver}. */
  HOST_METRICS("host_metrics", Kind.RECEIVER),
  /** {@link K8sClusterReceiver}. */
  K8S_CLUSTER("k8s_cluster", Kind.RECEIVER),
  /** {@link K8sObjectsReceiver}. */
  K8S_OBJECTS("k8s_objects", Kind.RECEIVER),
  /** {@link MemoryLimiter}. */
  MEMORY_LIMITER("memory_limiter", Kind.PROCESSOR),
  /** {@link TransformProcessor}. */
  TRANSFORM("transform", Kind.PROCESSOR),
  /** {@link FilterProcessor}. */
  FILTER("filter", Kind.PROCESSOR),
  /** {@link K8sAttributesProcessor}. */
  K8S_ATTRIBUTES("k8s_attributes", Kind.PROCESSOR),
  /** {@link ResourceDetectionProcessor}. */
  RESOURCE_DETECTION("resource_detection", Kind.PROCESSOR),
  /** {@link TailSamplingProcessor}. */
  TAIL_SAMPLING("tail_sampling", Kind.PROCESSOR),
  /** {@link CoralogixExporter}. */
  CORALOGIX("coralogix", Kind.EXPORTER),
  /** {@link LoadBalancingExporter} ({@code loadbalancing} is its deprecated alias). */
  LOAD_BALANCING("load_balancing", Kind.EXPORTER),
  /** {@link SpanMetricsConnector} ({@code spanmetrics} is its deprecated alias). */
  SPAN_METRICS("span_metrics", Kind.CONNECTOR),
  /** {@link HealthCheckExtension}. */
  HEALTH_CHECK("health_check", Kind.EXTENSION),
  /** {@link FileStorage}. */
  FILE_STORAGE("file_storage", Kind.EXTENSION);

  private final String value;
  private final Kind kind;

  ComponentType(String value, Kind kind) {
    this.value = value;
    this.kind = kind;
  }

  /** The type name the collector registers the component under, e.g. {@code file_storage}. */
  public String value() {
    return value;
  }

  /** The section components of this type belong to. */
  public Kind kind() {
    return kind;
  }

  /** The key of the instance {@code name} of this type; the bare type for an empty name. */
  public ComponentId id(String name) {
    return ComponentId.of(value, name);
  }
}
