package io.otelstack.constructs.metrics;

import com.hashicorp.cdktf.ITerraformDependable;
import io.otelstack.ValidationException;
import io.otelstack.collector.CollectorChart;
import io.otelstack.collector.CollectorConfig;
import io.otelstack.collector.CollectorValues;
import io.otelstack.collector.ContainerResources;
import io.otelstack.collector.CoralogixExporter;
import io.otelstack.collector.FileStorage;
import io.otelstack.collector.LoadBalancingExporter;
import io.otelstack.collector.MemoryLimiter;
import io.otelstack.collector.MetricsTracesCollector;
import io.otelstack.collector.SendingQueue;
import io.otelstack.collector.SpanMetricsConnector;
import io.otelstack.collector.TailSamplingProcessor;
import io.otelstack.constructs.namespace.CollectorNamespace;
import io.otelstack.constructs.scaling.ScalableCollector;
import io.otelstack.constructs.scaling.StackHpa;
import io.otelstack.internal.ChartRelease;
import io.otelstack.internal.Tokens;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.constructs.Construct;

/**
 * The metrics and traces collectors: a StatefulSet of the upstream collector chart whose sending
 * queues live on a per-replica volume, so data the collector has acknowledged survives a crash, a
 * restart or a Coralogix outage.
 *
 * <p>A {@link TargetAllocator} hands each replica its share of the scrape targets; applications
 * push OTLP (gRPC 4317, HTTP 4318) to the chart's Service. Traces are tail-sampled in a second
 * stage, reached through the headless {@code <name>-sampling} Service. The pipelines are assembled
 * by {@link MetricsTracesCollector}; this construct maps its props to their components and owns the
 * Kubernetes resources around the release.
 *
 * <p>Helm values are rendered at synthesis, so a {@link TargetAllocator} and a {@link StackHpa}
 * created after this construct still shape them; {@link #collectorConfig()} and {@link #values()}
 * reflect what is attached when they are called.
 *
 * <p>Terraform children: {@code Resource} (the {@code helm_release}, holding the StatefulSet and
 * its volume claims), {@code SamplingService} (the headless Service of the sampling stage), {@code
 * ResolverRole} and {@code ResolverRoleBinding} (read access to that Service's endpoints, in this
 * namespace only).
 */
public class MetricsTracesStatefulSet extends Construct implements ScalableCollector {
  /** OTLP/gRPC port of the sampling stage, reached only by peer collectors. */
  public static final int SAMPLING_PORT = MetricsTracesCollector.SAMPLING_PORT;

  private final MetricsTracesStatefulSetProps props;
  private TargetAllocator allocator;
  private StackHpa hpa;

  /** Creates the release, the sampling Service and the resolver's RBAC. */
  public MetricsTracesStatefulSet(Construct scope, String id, MetricsTracesStatefulSetProps props) {
    super(scope, id);
    if (props == null) {
      throw new ValidationException(
          getNode().getPath() + ": props (MetricsTracesStatefulSetProps) is required");
    }
    this.props = props;
    // Builds the configuration once before any child exists, so invalid props fail here.
    collectorConfig();
    ChartRelease.create(
        this,
        "Resource",
        CollectorChart.COLLECTOR,
        props.name(),
        namespaceName(),
        this::values,
        releaseDependsOn());
    SamplingPeers.create(
        this,
        samplingServiceName(),
        props.name(),
        namespaceName(),
        podSelectorLabels(),
        dependsOn());
  }

  /** The props as resolved, defaults applied. */
  public MetricsTracesStatefulSetProps props() {
    return props;
  }

  /** Namespace of the collectors. */
  public CollectorNamespace namespace() {
    return props.namespace();
  }

  /** Kubernetes name of the release, StatefulSet, Service and ServiceAccount. */
  public String name() {
    return props.name();
  }

  /** The labels the chart puts on every collector pod, and only on them. */
  public Map<String, String> podSelectorLabels() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("app.kubernetes.io/name", CollectorChart.COLLECTOR.chart());
    labels.put("app.kubernetes.io/instance", props.name());
    labels.put("component", "statefulset-collector");
    return labels;
  }

  /** OTLP/gRPC endpoint applications send to. */
  public String otlpGrpcEndpoint() {
    return "http://" + serviceHost() + ":4317";
  }

  /** OTLP/HTTP endpoint applications send to. */
  public String otlpHttpEndpoint() {
    return "http://" + serviceHost() + ":4318";
  }

  /** The Target Allocator feeding this collector, if one does. */
  public Optional<TargetAllocator> targetAllocator() {
    return Optional.ofNullable(allocator);
  }

  @Override
  public Optional<StackHpa> autoscaler() {
    return Optional.ofNullable(hpa);
  }

  @Override
  public void scaleWith(StackHpa autoscaler) {
    if (hpa != null) {
      throw new ValidationException(
          getNode().getPath() + " is already scaled by " + hpa.getNode().getPath());
    }
    // Memory is one decision: the HPA must add replicas before the memory limiter starts refusing
    // data at its soft limit (limit% - spike% of the container limit, where GOMEMLIMIT also sits).
    ContainerResources r = props.resources();
    MemoryLimiter limiter = props.memoryLimiter();
    double threshold = r.memoryRequestMib() * autoscaler.targetMemoryUtilizationPercent() / 100;
    int softPercent = limiter.limitPercentage() - limiter.spikeLimitPercentage();
    double softLimit = r.memoryLimitMib() * softPercent / 100;
    if (threshold >= softLimit) {
      throw new ValidationException(
          String.format(
              java.util.Locale.ROOT,
              "%s: StackHpaProps.targetMemoryUtilizationPercent (%d) of"
                  + " MetricsTracesStatefulSetProps.resources.memoryRequest (%s) scales out at"
                  + " %.0fMi, not below the memory limiter's soft limit %.0fMi (%d%% of"
                  + " MetricsTracesStatefulSetProps.resources.memoryLimit %s), so data would be"
                  + " refused before replicas are added; lower the target or the request",
              autoscaler.getNode().getPath(),
              autoscaler.targetMemoryUtilizationPercent(),
              r.memoryRequest(),
              threshold,
              softLimit,
              softPercent,
              r.memoryLimit()));
    }
    hpa = autoscaler;
  }

  /** Called by the {@link TargetAllocator} constructor; one allocator per collector. */
  void feedWith(TargetAllocator targetAllocator) {
    if (allocator != null) {
      throw new ValidationException(
          targetAllocator.getNode().getPath()
              + ": "
              + getNode().getPath()
              + " is already fed by "
              + allocator.getNode().getPath()
              + "; give each collector one TargetAllocator");
    }
    allocator = targetAllocator;
  }

  /** The collector configuration, as it runs. */
  public CollectorConfig collectorConfig() {
    boolean persistent = props.queueEnabled();
    SendingQueue queue = queue(persistent ? MetricsTracesCollector.queueStorage() : null);
    SendingQueue sampledQueue = queue(persistent ? MetricsTracesCollector.sampledStorage() : null);
    return MetricsTracesCollector.config(
        props.name(),
        props.memoryLimiter(),
        new LoadBalancingExporter(
            "sampling",
            samplingServiceName() + "." + namespaceName(),
            SAMPLING_PORT,
            props.exporterTimeoutSeconds(),
            queue),
        new TailSamplingProcessor(
            props.tracesDecisionWaitSeconds(),
            props.tracesKeepErrors(),
            props.tracesSlowTraceThresholdMs(),
            props.tracesSamplingPercentage(),
            props.tracesHashSeed()),
        props.spanMetricsEnabled()
            ? new SpanMetricsConnector(
                props.spanMetricsDimensions(),
                props.spanMetricsBucketsMs(),
                props.spanMetricsCardinalityLimit(),
                props.spanMetricsExpirationMinutes(),
                props.spanMetricsFlushSeconds())
            : null,
        coralogix("traces", props.coralogixTracesSubsystem(), sampledQueue),
        coralogix("metrics", props.coralogixMetricsSubsystem(), queue),
        coralogix("logs", props.coralogixLogsSubsystem(), queue),
        targetAllocator().map(TargetAllocator::endpoint));
  }

  /** The Helm values of the release, as rendered now. */
  public Map<String, Object> values() {
    Map<String, Object> v =
        MetricsTracesCollector.values(
            CollectorValues.common(
                "statefulset",
                props.image(),
                collectorConfig(),
                props.resources(),
                props.coralogixSecret().name(),
                props.coralogixSecret().key(),
                props.coralogixPrivateKeyEnv(),
                props.terminationGracePeriodSeconds()),
            props.name(),
            props.queueEnabled()
                ? Optional.of(
                    MetricsTracesCollector.queueClaim(
                        props.queueStorageClass() == null ? null : props.queueStorageClass().name(),
                        Tokens.text(props.queuePvcSizeGi()) + "Gi"))
                : Optional.empty(),
            props.preStopDelaySeconds(),
            props.clusterName());
    Placement.addTo(v, props, podSelectorLabels());
    if (allocator != null) {
      // The allocator's kubelet job runs with this collector's service account.
      List<Object> rules =
          new ArrayList<>((List<?>) ((Map<?, ?>) v.get("clusterRole")).get("rules"));
      rules.addAll(allocator.collectorRbacRules());
      v.put("clusterRole", Map.of("create", true, "rules", rules));
    }
    if (hpa != null) {
      v.put("autoscaling", hpa.values());
    }
    return v;
  }

  private SendingQueue queue(FileStorage storage) {
    return new SendingQueue(
        storage, props.queueNumConsumers(), props.queueSizeBatches(), props.queueMaxBatchSizeKi());
  }

  private CoralogixExporter coralogix(String name, String subsystem, SendingQueue queue) {
    return new CoralogixExporter(
        name,
        props.coralogixDomain(),
        props.coralogixApplicationName(),
        subsystem,
        props.coralogixPrivateKeyEnv(),
        props.exporterTimeoutSeconds(),
        queue,
        props.coralogixMapping());
  }

  /** The namespace and the key's Secret: what every resource here needs to exist first. */
  private List<ITerraformDependable> dependsOn() {
    return List.of(props.namespace().dependable(), props.coralogixSecret().dependable());
  }

  /**
   * The release also waits for the queue StorageClass: a claim made before its class exists stays
   * unprovisioned until the scheduler retries, and on destroy the class must outlive the claims.
   */
  private List<ITerraformDependable> releaseDependsOn() {
    List<ITerraformDependable> deps = new ArrayList<>(dependsOn());
    if (props.queueEnabled() && props.queueStorageClass() != null) {
      deps.add(props.queueStorageClass().dependable());
    }
    return deps;
  }

  private String namespaceName() {
    return props.namespace().name();
  }

  private String samplingServiceName() {
    return props.name() + "-sampling";
  }

  private String serviceHost() {
    return props.name() + "." + namespaceName() + ".svc.cluster.local";
  }
}
