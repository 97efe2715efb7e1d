package io.otelstack.constructs.metrics;

import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.providers.kubernetes.role_binding_v1.RoleBindingV1;
import com.hashicorp.cdktf.providers.kubernetes.role_binding_v1.RoleBindingV1Metadata;
import com.hashicorp.cdktf.providers.kubernetes.role_binding_v1.RoleBindingV1RoleRef;
import com.hashicorp.cdktf.providers.kubernetes.role_binding_v1.RoleBindingV1Subject;
import com.hashicorp.cdktf.providers.kubernetes.role_v1.RoleV1;
import com.hashicorp.cdktf.providers.kubernetes.role_v1.RoleV1Metadata;
import com.hashicorp.cdktf.providers.kubernetes.role_v1.RoleV1Rule;
import com.hashicorp.cdktf.providers.kubernetes.service_v1.ServiceV1;
import com.hashicorp.cdktf.providers.kubernetes.service_v1.ServiceV1Metadata;
import com.hashicorp.cdktf.providers.kubernetes.service_v1.ServiceV1Spec;
import com.hashicorp.cdktf.providers.kubernetes.service_v1.ServiceV1SpecPort;
import io.otelstack.ValidationException;
import io.otelstack.collector.CollectorChart;
import io.otelstack.collector.CollectorConfig;
import io.otelstack.collector.CollectorValues;
import io.otelstack.collector.Component;
import io.otelstack.collector.ContainerResources;
import io.otelstack.collector.CoralogixExporter;
import io.otelstack.collector.FileStorage;
import io.otelstack.collector.HealthCheckExtension;
import io.otelstack.collector.K8sAttributesProcessor;
import io.otelstack.collector.K8sAttributesProcessor.PodAssociation;
import io.otelstack.collector.LoadBalancingExporter;
import io.otelstack.collector.MemoryLimiter;
import io.otelstack.collector.OtlpReceiver;
import io.otelstack.collector.Pipeline;
import io.otelstack.collector.PrometheusReceiver;
import io.otelstack.collector.SelfMetricsReceiver;
import io.otelstack.collector.SendingQueue;
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
 * <p><b>Metrics.</b> A {@link TargetAllocator} owns every scrape job and hands each replica its
 * share of the targets; the {@code prometheus/pods} receiver asks it for them, identified by its
 * pod name. Applications may also push metrics over OTLP.
 *
 * <p><b>Traces.</b> Applications push OTLP (gRPC 4317, HTTP 4318) to the chart's Service; no
 * sidecar is needed. Tail sampling must see a whole trace, but the Service spreads the spans of one
 * trace over every replica. So sampling is a second stage:
 *
 * <ol>
 *   <li>{@code traces}: {@code otlp} → {@code memory_limiter} → {@code k8s_attributes} (here, where
 *       the connection still comes from the application pod) → {@code load_balancing/sampling},
 *       which routes each span by trace ID to one replica, found through the headless {@code
 *       <name>-sampling} Service;
 *   <li>{@code traces/sampling}: {@code otlp/sampling} (port 4319) → {@code memory_limiter} →
 *       {@code tail_sampling} → {@code coralogix/traces}.
 * </ol>
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
 * is bounded by {@code tracesDecisionWaitSeconds}.
 *
 * <p><b>Self-monitoring.</b> {@code prometheus/self} scrapes the collector's own telemetry (queue
 * size and capacity, enqueue and send failures, refused and dropped data) into {@code
 * metrics/self}, exported with everything else.
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
  /** Where each replica's queue volume is mounted. */
  static final String QUEUE_DIRECTORY = "/var/lib/otelcol/queue";

  /** OTLP/gRPC port of the sampling stage, reached only by peer collectors. */
  public static final int SAMPLING_PORT = 4319;

  /** Environment variable holding the pod name, the id the Target Allocator knows a replica by. */
  private static final String POD_NAME_ENV = "POD_NAME";

  private static final String QUEUE_VOLUME = "queue";

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

  private final MetricsTracesStatefulSetProps props;
  private TargetAllocator allocator;
  private StackHpa hpa;

  /** Creates the release, the sampling Service and the resolver's RBAC. */
  public MetricsTracesStatefulSet(Construct scope, String id, MetricsTracesStatefulSetProps props) {
    super(scope, id);
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
    ServiceV1.Builder.create(this, "SamplingService")
        .metadata(
            ServiceV1Metadata.builder()
                .name(samplingServiceName())
                .namespace(namespaceName())
                .build())
        .spec(
            ServiceV1Spec.builder()
                .clusterIp("None")
                .selector(podSelectorLabels())
                .port(
                    List.of(
                        ServiceV1SpecPort.builder()
                            .name("otlp-sampling")
                            .port(SAMPLING_PORT)
                            .targetPort(Integer.toString(SAMPLING_PORT))
                            .protocol("TCP")
                            .appProtocol("grpc")
                            .build()))
                .build())
        .dependsOn(dependsOn())
        .build();
    String roleName = props.name() + "-lb-resolver";
    RoleV1.Builder.create(this, "ResolverRole")
        .metadata(RoleV1Metadata.builder().name(roleName).namespace(namespaceName()).build())
        .rule(
            List.of(
                RoleV1Rule.builder()
                    .apiGroups(List.of(""))
                    .resources(List.of("endpoints"))
                    .verbs(List.of("get", "list", "watch"))
                    .build(),
                RoleV1Rule.builder()
                    .apiGroups(List.of("discovery.k8s.io"))
                    .resources(List.of("endpointslices"))
                    .verbs(List.of("get", "list", "watch"))
                    .build()))
        .dependsOn(dependsOn())
        .build();
    RoleBindingV1.Builder.create(this, "ResolverRoleBinding")
        .metadata(RoleBindingV1Metadata.builder().name(roleName).namespace(namespaceName()).build())
        .roleRef(
            RoleBindingV1RoleRef.builder()
                .apiGroup("rbac.authorization.k8s.io")
                .kind("Role")
                .name(roleName)
                .build())
        .subject(
            List.of(
                RoleBindingV1Subject.builder()
                    .kind("ServiceAccount")
                    // The chart names its ServiceAccount after the release's full name.
                    .name(props.name())
                    .namespace(namespaceName())
                    .build()))
        .dependsOn(dependsOn())
        .build();
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
              "%s: hpa.targetMemoryUtilizationPercent (%d) of resources.memoryRequest (%s) scales"
                  + " out at %.0fMi, not below the memory limiter's soft limit %.0fMi (%d%% of"
                  + " resources.memoryLimit %s), so data would be refused before replicas are"
                  + " added; lower the target or the request",
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
    FileStorage storage =
        props.queueEnabled()
            ? new FileStorage(QUEUE_VOLUME, QUEUE_DIRECTORY, FILE_STORAGE_TIMEOUT_SECONDS)
            : null;
    SendingQueue queue = queue(storage);
    // The tail sampler releases every kept trace as a request of its own, and an fsync per
    // request capped delivery at about 12% of the in-memory rate (docs/proof/report.md). The
    // traces it releases were already held in memory for the decision wait, so this stage is not
    // node-crash safe anyway; its queue stays on the PVC (a kill or OOM loses nothing) without
    // the per-request fsync. Everything before the sampler keeps the fsync'd queue.
    SendingQueue sampledQueue =
        queue(
            props.queueEnabled()
                ? new FileStorage(
                    SAMPLED_STORAGE,
                    QUEUE_DIRECTORY + "/" + SAMPLED_STORAGE,
                    FILE_STORAGE_TIMEOUT_SECONDS,
                    false)
                : null);
    MemoryLimiter limiter = props.memoryLimiter();
    OtlpReceiver otlp = OtlpReceiver.standard();
    Component metricsOut = coralogix("metrics", props.coralogixMetricsSubsystem(), queue);

    List<Component> metricsIn = new ArrayList<>(List.of(otlp));
    if (allocator != null) {
      metricsIn.add(
          new PrometheusReceiver(
              "pods", allocator.endpoint(), TARGET_ALLOCATOR_INTERVAL_SECONDS, POD_NAME_ENV));
    }
    CollectorConfig.Builder config =
        CollectorConfig.builder()
            .extension(new HealthCheckExtension())
            .pipeline(
                new Pipeline(
                    "traces",
                    List.of(otlp),
                    List.of(limiter, POD_ATTRIBUTES),
                    List.of(
                        new LoadBalancingExporter(
                            "sampling",
                            samplingServiceName() + "." + namespaceName(),
                            SAMPLING_PORT,
                            props.exporterTimeoutSeconds(),
                            queue))))
            .pipeline(
                new Pipeline(
                    "traces/sampling",
                    List.of(new OtlpReceiver("sampling", SAMPLING_PORT, 0)),
                    List.of(
                        limiter,
                        new TailSamplingProcessor(
                            props.tracesDecisionWaitSeconds(),
                            props.tracesKeepErrors(),
                            props.tracesSlowTraceThresholdMs(),
                            props.tracesSamplingPercentage(),
                            props.tracesHashSeed())),
                    List.of(coralogix("traces", props.coralogixTracesSubsystem(), sampledQueue))))
            .pipeline(
                new Pipeline(
                    "metrics", metricsIn, List.of(limiter, POD_ATTRIBUTES), List.of(metricsOut)))
            .pipeline(new SelfMetricsReceiver(props.name()).pipeline(limiter, metricsOut))
            .telemetry("resource", SelfMetricsReceiver.telemetryResource())
            .telemetry("metrics", SelfMetricsReceiver.telemetryMetrics());
    if (storage != null) {
      config.extension(storage).extension(sampledQueue.storage());
    }
    return config.build();
  }

  /** The Helm values of the release, as rendered now. */
  public Map<String, Object> values() {
    Map<String, Object> v =
        CollectorValues.common(
            "statefulset",
            props.image(),
            collectorConfig(),
            props.resources(),
            props.coralogixSecret().name(),
            props.coralogixSecret().key(),
            props.coralogixPrivateKeyEnv(),
            props.terminationGracePeriodSeconds());
    // Every chart-made name is the release name, so the names derived here stay predictable.
    v.put("fullnameOverride", props.name());
    List<Object> envs = new ArrayList<>((List<?>) v.get("extraEnvs"));
    envs.add(
        Map.of(
            "name",
            POD_NAME_ENV,
            "valueFrom",
            Map.of("fieldRef", Map.of("fieldPath", "metadata.name"))));
    v.put("extraEnvs", envs);

    Map<String, Object> statefulset = new LinkedHashMap<>();
    statefulset.put("podManagementPolicy", "Parallel");
    // Retain on scale-down: a removed replica's volume may still hold queued data; the replica
    // with the same ordinal picks it up and drains it when the autoscaler scales up again.
    statefulset.put(
        "persistentVolumeClaimRetentionPolicy",
        Map.of("enabled", true, "whenDeleted", "Retain", "whenScaled", "Retain"));
    if (props.queueEnabled()) {
      statefulset.put("volumeClaimTemplates", List.of(queueClaim()));
      v.put(
          "extraVolumeMounts", List.of(Map.of("name", QUEUE_VOLUME, "mountPath", QUEUE_DIRECTORY)));
    }
    v.put("statefulset", statefulset);
    // The contrib image is distroless: no shell, no sleep binary, so the hook is the kubelet's
    // own sleep action (Kubernetes >= 1.30), not an exec.
    v.put(
        "lifecycleHooks",
        Map.of("preStop", Map.of("sleep", Map.of("seconds", props.preStopDelaySeconds()))));
    v.put("podDisruptionBudget", Map.of("enabled", true, "maxUnavailable", 1));
    Placement.addTo(v, props, podSelectorLabels());
    v.put("clusterRole", Map.of("create", true, "rules", POD_ATTRIBUTES.rbacRules()));
    if (hpa != null) {
      v.put("autoscaling", hpa.values());
    }
    return v;
  }

  private Map<String, Object> queueClaim() {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("accessModes", List.of("ReadWriteOnce"));
    if (props.queueStorageClass() != null) {
      spec.put("storageClassName", props.queueStorageClass().name());
    }
    spec.put(
        "resources",
        Map.of("requests", Map.of("storage", Tokens.text(props.queuePvcSizeGi()) + "Gi")));
    Map<String, Object> claim = new LinkedHashMap<>();
    claim.put("metadata", Map.of("name", QUEUE_VOLUME));
    claim.put("spec", spec);
    return claim;
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
        queue);
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
