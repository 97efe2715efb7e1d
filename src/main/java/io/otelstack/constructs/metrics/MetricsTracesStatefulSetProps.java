package io.otelstack.constructs.metrics;

import io.otelstack.ValidationException;
import io.otelstack.collector.CollectorImage;
import io.otelstack.collector.ContainerResources;
import io.otelstack.collector.CoralogixExporter;
import io.otelstack.collector.CoralogixMapping;
import io.otelstack.collector.MemoryLimiter;
import io.otelstack.collector.SendingQueue;
import io.otelstack.constructs.cluster.Taint;
import io.otelstack.constructs.namespace.CollectorNamespace;
import io.otelstack.constructs.secrets.CoralogixKubernetesSecret;
import io.otelstack.constructs.storage.EbsStorageClass;
import io.otelstack.internal.Checks;
import io.otelstack.internal.Maps;
import io.otelstack.internal.Tokens;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.List;
import java.util.Map;

/**
 * Props of a {@link MetricsTracesStatefulSet}. Names follow the environment files: {@code queue*}
 * from {@code queue:}, {@code traces*} from {@code traces:}, {@code coralogix*} from {@code
 * coralogix:}, the pod settings from {@code collector:} and {@code resources} from {@code
 * metrics.resources}.
 *
 * @param namespace namespace of the collectors; required
 * @param coralogixSecret Kubernetes Secret holding the Coralogix private key, in {@code namespace};
 *     required
 * @param coralogixDomain Coralogix domain, e.g. {@code eu2.coralogix.com}, or a Terraform token;
 *     required
 * @param coralogixApplicationName Coralogix application name; required
 * @param name Kubernetes name of the release, StatefulSet, Service and ServiceAccount; at most 40
 *     characters, so that derived names fit Kubernetes' 63. Default: {@code otel-metrics-traces}.
 * @param coralogixMetricsSubsystem subsystem of metrics. Default: {@code metrics}.
 * @param coralogixTracesSubsystem subsystem of spans. Default: {@code traces}.
 * @param coralogixLogsSubsystem subsystem of the logs SDKs push over OTLP. Default: {@code logs}.
 * @param coralogixMapping resource attributes each record's application and subsystem are taken
 *     from, the names above being the fallback. Default: {@link CoralogixMapping#WORKLOAD}, the
 *     namespace and the workload or {@code service.name}.
 * @param coralogixPrivateKeyEnv environment variable the key is read from. Default: {@code
 *     CORALOGIX_PRIVATE_KEY}.
 * @param image collector image. Default: the contrib image at the chart's version.
 * @param resources container requests and limits; the memory limit also sizes GOMEMLIMIT and the
 *     memory limiter. Default: 250m / 1Gi requested, 1 CPU / 1Gi limit (memory requested in full,
 *     so that the HPA's memory target and the limiter are shares of one number).
 * @param memoryLimiter memory limiter percentages. Default: 80% limit, 25% spike.
 * @param queueEnabled whether the sending queues are persisted on a volume. Default: true.
 * @param queueSizeBatches capacity of each sending queue, in batches. Default: 5000 batches.
 * @param queueNumConsumers concurrent senders per queue. Default: 10 consumers.
 * @param queueMaxBatchSizeKi largest batch, in KiB. Default: 512 KiB.
 * @param queuePvcSizeGi size of each replica's queue volume, in GiB, a whole number or a Terraform
 *     number token; must hold every queue full (see {@link #minQueuePvcSizeGi()}). Default: 10 GiB.
 * @param queueStorageClass StorageClass of the queue volumes; use one that retains its volumes.
 *     Default: the cluster's default StorageClass.
 * @param terminationGracePeriodSeconds time a stopping pod gets before it is killed; must cover the
 *     pre-stop delay plus one exporter timeout. Default: 60 seconds.
 * @param preStopDelaySeconds time a stopping pod keeps serving while endpoints drop it, so no
 *     client sends to a closed port. Default: 10 seconds.
 * @param exporterTimeoutSeconds per-request timeout of every exporter. Default: 30 seconds.
 * @param tracesSamplingPercentage share of traces kept that are neither errors nor slow, 0 to 100,
 *     or a Terraform number token. Default: 50 percent (the environments use 10 in prod).
 * @param tracesHashSeed salt of the trace-ID hash. Default: 22.
 * @param tracesKeepErrors whether every trace with an error is kept. Default: true.
 * @param tracesSlowTraceThresholdMs traces at least this long are kept. Default: 1000 ms.
 * @param tracesDecisionWaitSeconds time spans of a trace are buffered before the sampling decision.
 *     Default: 10 seconds.
 * @param spanMetricsEnabled whether every span is counted into span metrics before sampling (from
 *     {@code traces.spanMetrics}, as are the other {@code spanMetrics*}). Default: true.
 * @param spanMetricsDimensions span attributes added as dimensions. Default: {@code
 *     http.request.method}, {@code http.response.status_code}.
 * @param spanMetricsBucketsMs duration histogram bounds in ms. Default: 1, 4, 10, 20, 50, 100, 200,
 *     500, 1000, 2000, 5000.
 * @param spanMetricsCardinalityLimit most dimension combinations per resource. Default: 1000.
 * @param spanMetricsExpirationMinutes minutes after which an idle series is dropped. Default: 5.
 * @param spanMetricsFlushSeconds how often span metrics are emitted. Default: 60 seconds.
 * @param nodeSelector node labels the collectors (and their Target Allocator) must run on, e.g. a
 *     dedicated node group's labels. Default: none, any node.
 * @param tolerations node taints the collectors (and their Target Allocator) tolerate, e.g. a
 *     dedicated node group's taints. Default: none. Whatever the nodes, replicas are spread over
 *     zones (at most one more in any zone) and, where possible, over nodes.
 * @param clusterName the cluster's name, sent as {@code k8s.cluster.name} on every span and metric
 *     that does not carry one; required
 */
@RecordBuilder
public record MetricsTracesStatefulSetProps(
    CollectorNamespace namespace,
    CoralogixKubernetesSecret coralogixSecret,
    String coralogixDomain,
    String coralogixApplicationName,
    String name,
    String coralogixMetricsSubsystem,
    String coralogixTracesSubsystem,
    String coralogixLogsSubsystem,
    CoralogixMapping coralogixMapping,
    String coralogixPrivateKeyEnv,
    CollectorImage image,
    ContainerResources resources,
    MemoryLimiter memoryLimiter,
    Boolean queueEnabled,
    Integer queueSizeBatches,
    Integer queueNumConsumers,
    Integer queueMaxBatchSizeKi,
    Number queuePvcSizeGi,
    EbsStorageClass queueStorageClass,
    Integer terminationGracePeriodSeconds,
    Integer preStopDelaySeconds,
    Integer exporterTimeoutSeconds,
    Double tracesSamplingPercentage,
    Integer tracesHashSeed,
    Boolean tracesKeepErrors,
    Integer tracesSlowTraceThresholdMs,
    Integer tracesDecisionWaitSeconds,
    Boolean spanMetricsEnabled,
    List<String> spanMetricsDimensions,
    List<Integer> spanMetricsBucketsMs,
    Integer spanMetricsCardinalityLimit,
    Integer spanMetricsExpirationMinutes,
    Integer spanMetricsFlushSeconds,
    Map<String, String> nodeSelector,
    List<Taint> tolerations,
    String clusterName) {
  /** Sending queues each replica keeps on its volume: metrics, traces, logs and trace routing. */
  static final int QUEUES_PER_REPLICA = 4;

  /** Prefixes the prop names in messages. */
  private static final String P = "MetricsTracesStatefulSetProps.";

  private static final Checks CHECK = new Checks(ValidationException::new);
  private static final int MAX_NAME = 40;

  /** Requires the mandatory props, applies defaults and checks the rules between props. */
  public MetricsTracesStatefulSetProps {
    CHECK.required(P + "namespace", namespace);
    CHECK.required(P + "coralogixSecret", coralogixSecret);
    if (!coralogixSecret.namespace().name().equals(namespace.name())) {
      throw new ValidationException(
          P
              + "coralogixSecret ("
              + coralogixSecret.name()
              + ") is in namespace "
              + coralogixSecret.namespace().name()
              + ", but the collectors run in "
              + namespace.name()
              + "; a pod can only read a Secret of its own namespace");
    }
    CHECK.required(P + "clusterName", clusterName);
    name = name == null ? "otel-metrics-traces" : name;
    CHECK.dnsLabel(
        P + "name",
        name,
        MAX_NAME,
        "the names derived from it must fit Kubernetes' 63, e.g. otel-metrics-traces");
    coralogixMetricsSubsystem =
        coralogixMetricsSubsystem == null ? "metrics" : coralogixMetricsSubsystem;
    coralogixTracesSubsystem =
        coralogixTracesSubsystem == null ? "traces" : coralogixTracesSubsystem;
    coralogixLogsSubsystem = coralogixLogsSubsystem == null ? "logs" : coralogixLogsSubsystem;
    coralogixMapping = coralogixMapping == null ? CoralogixMapping.WORKLOAD : coralogixMapping;
    coralogixPrivateKeyEnv =
        coralogixPrivateKeyEnv == null
            ? CoralogixExporter.DEFAULT_PRIVATE_KEY_ENV
            : coralogixPrivateKeyEnv;
    image = image == null ? CollectorImage.CONTRIB : image;
    resources = resources == null ? new ContainerResources("250m", "1Gi", "1", "1Gi") : resources;
    memoryLimiter = memoryLimiter == null ? MemoryLimiter.defaults() : memoryLimiter;
    queueEnabled = queueEnabled == null || queueEnabled;
    nodeSelector = Maps.copySorted(nodeSelector);
    tolerations = tolerations == null ? List.of() : List.copyOf(tolerations);
    queueSizeBatches =
        queueSizeBatches == null ? SendingQueue.DEFAULT_SIZE_BATCHES : queueSizeBatches;
    queueNumConsumers =
        queueNumConsumers == null ? SendingQueue.DEFAULT_NUM_CONSUMERS : queueNumConsumers;
    queueMaxBatchSizeKi =
        queueMaxBatchSizeKi == null ? SendingQueue.DEFAULT_MAX_BATCH_SIZE_KI : queueMaxBatchSizeKi;
    queuePvcSizeGi =
        queuePvcSizeGi == null ? 10 : CHECK.wholeNumber(P + "queuePvcSizeGi", queuePvcSizeGi);
    terminationGracePeriodSeconds =
        terminationGracePeriodSeconds == null ? 60 : terminationGracePeriodSeconds;
    preStopDelaySeconds = preStopDelaySeconds == null ? 10 : preStopDelaySeconds;
    exporterTimeoutSeconds = exporterTimeoutSeconds == null ? 30 : exporterTimeoutSeconds;
    tracesSamplingPercentage = tracesSamplingPercentage == null ? 50.0 : tracesSamplingPercentage;
    tracesHashSeed = tracesHashSeed == null ? 22 : tracesHashSeed;
    tracesKeepErrors = tracesKeepErrors == null || tracesKeepErrors;
    tracesSlowTraceThresholdMs =
        tracesSlowTraceThresholdMs == null ? 1000 : tracesSlowTraceThresholdMs;
    tracesDecisionWaitSeconds = tracesDecisionWaitSeconds == null ? 10 : tracesDecisionWaitSeconds;
    spanMetricsEnabled = spanMetricsEnabled == null || spanMetricsEnabled;
    spanMetricsDimensions =
        spanMetricsDimensions == null
            ? List.of("http.request.method", "http.response.status_code")
            : List.copyOf(spanMetricsDimensions);
    spanMetricsBucketsMs =
        spanMetricsBucketsMs == null
            ? List.of(1, 4, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000)
            : List.copyOf(spanMetricsBucketsMs);
    spanMetricsCardinalityLimit =
        spanMetricsCardinalityLimit == null ? 1000 : spanMetricsCardinalityLimit;
    spanMetricsExpirationMinutes =
        spanMetricsExpirationMinutes == null ? 5 : spanMetricsExpirationMinutes;
    spanMetricsFlushSeconds = spanMetricsFlushSeconds == null ? 60 : spanMetricsFlushSeconds;

    if (preStopDelaySeconds < 1) {
      throw new ValidationException(
          P + "preStopDelaySeconds (" + preStopDelaySeconds + ") must be >= 1");
    }
    if (exporterTimeoutSeconds < 1) {
      throw new ValidationException(
          P + "exporterTimeoutSeconds (" + exporterTimeoutSeconds + ") must be >= 1");
    }
    // The pod keeps serving through the pre-stop delay, then the collector flushes; the last
    // in-flight request may take a whole exporter timeout. A shorter grace period kills it
    // mid-send.
    int drain = preStopDelaySeconds + exporterTimeoutSeconds;
    if (terminationGracePeriodSeconds < drain) {
      throw new ValidationException(
          P
              + "terminationGracePeriodSeconds ("
              + terminationGracePeriodSeconds
              + ") must be >= "
              + P
              + "preStopDelaySeconds ("
              + preStopDelaySeconds
              + ") + "
              + P
              + "exporterTimeoutSeconds ("
              + exporterTimeoutSeconds
              + ") = "
              + drain
              + ", so a send in flight finishes or times out before SIGKILL (what is still queued"
              + " stays on the volume and is resent on restart); raise it to at least "
              + drain);
    }
    // The sampler decides after the wait, so a trace still running then is judged unfinished.
    if (tracesDecisionWaitSeconds * 1000L <= tracesSlowTraceThresholdMs) {
      throw new ValidationException(
          P
              + "tracesDecisionWaitSeconds ("
              + tracesDecisionWaitSeconds
              + " s) must be longer than "
              + P
              + "tracesSlowTraceThresholdMs ("
              + tracesSlowTraceThresholdMs
              + " ms): the sampler decides after the wait, so a slower trace is judged before it"
              + " ends; raise decisionWaitSeconds or lower the threshold");
    }
    if (!Tokens.isToken(queuePvcSizeGi)) {
      checkQueuePvcSize(
          queuePvcSizeGi.intValue(), queueEnabled, queueSizeBatches, queueMaxBatchSizeKi);
    }
  }

  private static void checkQueuePvcSize(
      int pvcSizeGi, boolean queueEnabled, int sizeBatches, int maxBatchSizeKi) {
    if (pvcSizeGi < 1) {
      throw new ValidationException(P + "queuePvcSizeGi (" + pvcSizeGi + ") must be >= 1");
    }
    long neededGi = minPvcSizeGi(sizeBatches, maxBatchSizeKi);
    if (queueEnabled && pvcSizeGi < neededGi) {
      throw new ValidationException(
          P
              + "queuePvcSizeGi ("
              + pvcSizeGi
              + ") must hold "
              + QUEUES_PER_REPLICA
              + " full queues of "
              + P
              + "queueSizeBatches ("
              + sizeBatches
              + ") x "
              + P
              + "queueMaxBatchSizeKi ("
              + maxBatchSizeKi
              + "), i.e. at least "
              + neededGi
              + "; raise pvcSizeGi or lower sizeBatches");
    }
  }

  /**
   * The smallest {@link #queuePvcSizeGi()} that holds every sending queue of a replica full, for
   * these queue sizes; what a module checks its size variable against.
   */
  public long minQueuePvcSizeGi() {
    return minPvcSizeGi(queueSizeBatches, queueMaxBatchSizeKi);
  }

  private static long minPvcSizeGi(int sizeBatches, int maxBatchSizeKi) {
    long fullQueuesKi = (long) QUEUES_PER_REPLICA * sizeBatches * maxBatchSizeKi;
    return (fullQueuesKi + 1024 * 1024 - 1) / (1024 * 1024);
  }

  /** Starts a builder. */
  public static MetricsTracesStatefulSetPropsBuilder builder() {
    return MetricsTracesStatefulSetPropsBuilder.builder();
  }
}
