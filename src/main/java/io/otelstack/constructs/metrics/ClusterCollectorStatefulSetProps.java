package io.otelstack.constructs.metrics;

import io.otelstack.ValidationException;
import io.otelstack.collector.CollectorImage;
import io.otelstack.collector.ContainerResources;
import io.otelstack.collector.CoralogixTarget;
import io.otelstack.collector.SendingQueue;
import io.otelstack.constructs.namespace.CollectorNamespace;
import io.otelstack.constructs.secrets.CoralogixKubernetesSecret;
import io.otelstack.constructs.storage.EbsStorageClass;
import io.otelstack.internal.Checks;
import io.soabase.recordbuilder.core.RecordBuilder;

/**
 * Props of a {@link ClusterCollectorStatefulSet}. Names follow the environment files: {@code
 * clusterMetrics}, {@code kubernetesEvents}, {@code intervalSeconds}, {@code eventsSubsystem} and
 * {@code resources}/{@code queuePvcSizeGi} from {@code infrastructure:} (its {@code
 * clusterCollector}), {@code queue*} from {@code queue:}.
 *
 * @param namespace namespace of the collector; required
 * @param coralogixSecret Kubernetes Secret holding the Coralogix key, in {@code namespace};
 *     required
 * @param coralogixDomain Coralogix domain, or a Terraform token; required
 * @param coralogixApplicationName Coralogix application name; required
 * @param clusterName the cluster's name, sent as {@code k8s.cluster.name}; required
 * @param name the release, StatefulSet and service account name. Default: {@code otel-cluster}.
 * @param clusterMetrics run {@code k8s_cluster}: deployments, pod phases, restarts, node
 *     conditions. Default: true.
 * @param kubernetesEvents run {@code k8sobjects} on {@code events.k8s.io} events. Default: true.
 * @param intervalSeconds how often the cluster's state is reported. Default: 30 seconds.
 * @param coralogixMetricsSubsystem subsystem of the cluster metrics. Default: {@code metrics}.
 * @param coralogixEventsSubsystem subsystem of the events. Default: {@code kubernetes-events}.
 * @param image collector image. Default: the contrib image at the chart's version.
 * @param resources container requests and limits; the {@code k8s_cluster} caches grow with the
 *     cluster's pods. Default: 100m / 512Mi requested, 500m / 512Mi limit.
 * @param queueSizeBatches capacity of each of its two sending queues, in batches. Default: 5000.
 * @param queueNumConsumers concurrent senders per queue. Default: 10 consumers.
 * @param queueMaxBatchSizeKi largest batch, in KiB. Default: 512 KiB.
 * @param queuePvcSizeGi size of the queue volume in GiB; must hold both queues full. Default: 5.
 * @param queueStorageClass StorageClass of the queue volume; use one that retains its volumes.
 *     Default: the cluster's default StorageClass.
 * @param exporterTimeoutSeconds per-request timeout of both exporters. Default: 30 seconds.
 * @param terminationGracePeriodSeconds time the pod gets to stop; at least one exporter timeout.
 *     Default: 60 seconds.
 */
@RecordBuilder
public record ClusterCollectorStatefulSetProps(
    CollectorNamespace namespace,
    CoralogixKubernetesSecret coralogixSecret,
    String coralogixDomain,
    String coralogixApplicationName,
    String clusterName,
    String name,
    Boolean clusterMetrics,
    Boolean kubernetesEvents,
    Integer intervalSeconds,
    String coralogixMetricsSubsystem,
    String coralogixEventsSubsystem,
    CollectorImage image,
    ContainerResources resources,
    Integer queueSizeBatches,
    Integer queueNumConsumers,
    Integer queueMaxBatchSizeKi,
    Integer queuePvcSizeGi,
    EbsStorageClass queueStorageClass,
    Integer exporterTimeoutSeconds,
    Integer terminationGracePeriodSeconds)
    implements CoralogixTarget {
  /** Sending queues on the volume: metrics and events. */
  static final int QUEUES = 2;

  /** Default {@link #resources()}. */
  public static final ContainerResources DEFAULT_RESOURCES =
      new ContainerResources("100m", "512Mi", "500m", "512Mi");

  private static final String P = "ClusterCollectorStatefulSetProps.";

  private static final Checks CHECK = new Checks(ValidationException::new);

  /** Requires the mandatory props, applies defaults and checks the rules between props. */
  public ClusterCollectorStatefulSetProps {
    CHECK.required(P + "namespace", namespace);
    CHECK.required(P + "coralogixSecret", coralogixSecret);
    CHECK.required(P + "coralogixDomain", coralogixDomain);
    CHECK.required(P + "coralogixApplicationName", coralogixApplicationName);
    CHECK.required(P + "clusterName", clusterName);
    name = name == null ? "otel-cluster" : name;
    clusterMetrics = clusterMetrics == null || clusterMetrics;
    kubernetesEvents = kubernetesEvents == null || kubernetesEvents;
    intervalSeconds = CHECK.positive(P + "intervalSeconds", intervalSeconds, 30);
    coralogixMetricsSubsystem =
        coralogixMetricsSubsystem == null ? "metrics" : coralogixMetricsSubsystem;
    coralogixEventsSubsystem =
        coralogixEventsSubsystem == null ? "kubernetes-events" : coralogixEventsSubsystem;
    image = image == null ? CollectorImage.CONTRIB : image;
    resources = resources == null ? DEFAULT_RESOURCES : resources;
    queueSizeBatches =
        CHECK.positive(P + "queueSizeBatches", queueSizeBatches, SendingQueue.DEFAULT_SIZE_BATCHES);
    queueNumConsumers =
        CHECK.positive(
            P + "queueNumConsumers", queueNumConsumers, SendingQueue.DEFAULT_NUM_CONSUMERS);
    queueMaxBatchSizeKi =
        CHECK.positive(
            P + "queueMaxBatchSizeKi", queueMaxBatchSizeKi, SendingQueue.DEFAULT_MAX_BATCH_SIZE_KI);
    queuePvcSizeGi = CHECK.positive(P + "queuePvcSizeGi", queuePvcSizeGi, 5);
    exporterTimeoutSeconds =
        CHECK.positive(P + "exporterTimeoutSeconds", exporterTimeoutSeconds, 30);
    terminationGracePeriodSeconds =
        CHECK.positive(P + "terminationGracePeriodSeconds", terminationGracePeriodSeconds, 60);

    if (!clusterMetrics && !kubernetesEvents) {
      throw new ValidationException(
          P
              + "clusterMetrics and "
              + P
              + "kubernetesEvents are both false, so the"
              + " cluster collector would have nothing to read; leave it out instead");
    }
    long fullKi = (long) QUEUES * queueSizeBatches * queueMaxBatchSizeKi;
    long neededGi = (fullKi + 1024 * 1024 - 1) / (1024 * 1024);
    if (queuePvcSizeGi < neededGi) {
      throw new ValidationException(
          P
              + "queuePvcSizeGi ("
              + queuePvcSizeGi
              + ") must hold "
              + QUEUES
              + " full queues of "
              + P
              + "queueSizeBatches ("
              + queueSizeBatches
              + ") x "
              + P
              + "queueMaxBatchSizeKi ("
              + queueMaxBatchSizeKi
              + "), i.e. at least "
              + neededGi
              + "; raise pvcSizeGi or lower sizeBatches");
    }
    if (terminationGracePeriodSeconds < exporterTimeoutSeconds) {
      throw new ValidationException(
          String.format(
              P
                  + "terminationGracePeriodSeconds (%d) is shorter than "
                  + P
                  + "exporterTimeoutSeconds (%d): the cluster collector would be killed"
                  + " in the middle of a send; raise it to at least %d",
              terminationGracePeriodSeconds,
              exporterTimeoutSeconds,
              exporterTimeoutSeconds));
    }
  }

  /** Starts a builder; namespace, secret, Coralogix target and cluster name are required. */
  public static ClusterCollectorStatefulSetPropsBuilder builder() {
    return ClusterCollectorStatefulSetPropsBuilder.builder();
  }
}
