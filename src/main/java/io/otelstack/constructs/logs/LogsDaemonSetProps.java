package io.otelstack.constructs.logs;

import io.otelstack.ValidationException;
import io.otelstack.collector.CollectorImage;
import io.otelstack.collector.ContainerResources;
import io.otelstack.collector.CoralogixMapping;
import io.otelstack.collector.CoralogixTarget;
import io.otelstack.collector.MultilineRule;
import io.otelstack.collector.SendingQueue;
import io.otelstack.constructs.namespace.CollectorNamespace;
import io.otelstack.constructs.secrets.CoralogixKubernetesSecret;
import io.otelstack.internal.Checks;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Props of {@link LogsDaemonSet}. They mirror the {@code logs:}, {@code collector:}, {@code
 * coralogix:} and {@code queue:} sections of an environment file.
 *
 * @param namespace the agent namespace; it must enforce {@code PRIVILEGED} Pod Security (see {@link
 *     CollectorNamespace}); required
 * @param coralogixSecret the Secret holding the Coralogix key, in the same namespace; required
 * @param coralogixDomain Coralogix domain, e.g. {@code eu2.coralogix.com}; required
 * @param coralogixApplicationName Coralogix application name; required
 * @param coralogixSubsystemName Coralogix subsystem name. Default: {@code logs}.
 * @param coralogixMapping resource attributes each record's application and subsystem are taken
 *     from, the two names above being the fallback. Default: {@link CoralogixMapping#WORKLOAD}, the
 *     namespace and the workload or {@code service.name}.
 * @param image the collector image. Default: {@link CollectorImage#CONTRIB}.
 * @param resources the agent container's requests and limits. Default: 100m/256Mi requested,
 *     500m/512Mi limit.
 * @param severityThreshold records below this severity are dropped; records without a parsed
 *     severity are kept. Default: {@link LogSeverity#INFO}.
 * @param dropDebug also drop unparsed lines that start with a DEBUG or TRACE level token; requires
 *     a threshold of INFO or higher. Default: false.
 * @param excludeEndpoints request paths whose log lines are dropped, on top of the always-dropped
 *     {@code /health} and {@code /ready}. Default: none.
 * @param parseJson parse JSON bodies into attributes and take the severity from their {@code level}
 *     or {@code severity} field. Default: true.
 * @param extraFilelogExcludes globs of log files never read, on top of the agent's own logs.
 *     Default: none.
 * @param multiline how the lines of stack traces and other multi-line records are joined, per
 *     namespace or container. Default: none, one record per line.
 * @param queueSizeBatches capacity of the persistent sending queue, in batches. Default: 5000.
 * @param queueNumConsumers concurrent senders draining the queue. Default: 10 consumers.
 * @param queueMaxBatchSizeKi upper bound of one batch, in KiB. Default: 512 KiB.
 * @param exporterTimeoutSeconds timeout of one send to Coralogix. Default: 30 seconds.
 * @param terminationGracePeriodSeconds time the agent gets to stop; at least the exporter timeout.
 *     Default: 60 seconds.
 * @param releaseName the Helm release name, which also names the pods, the PriorityClass and the
 *     node state directory. Default: {@code otel-logs}.
 * @param clusterName the cluster's name, sent as {@code k8s.cluster.name} on every record; required
 * @param kubeletMetrics read node, pod, container and volume usage from the node's kubelet ({@code
 *     kubeletstats}). Default: true.
 * @param hostMetrics read the node's CPU, memory, disks, file systems, network and load ({@code
 *     host_metrics}, the host's root mounted read-only). Default: true.
 * @param infrastructureIntervalSeconds how often the kubelet and the host are read. Default: 30
 *     seconds.
 * @param coralogixMetricsSubsystem Coralogix subsystem of the infrastructure metrics. Default:
 *     {@code metrics}.
 */
@RecordBuilder
public record LogsDaemonSetProps(
    CollectorNamespace namespace,
    CoralogixKubernetesSecret coralogixSecret,
    String coralogixDomain,
    String coralogixApplicationName,
    String coralogixSubsystemName,
    CoralogixMapping coralogixMapping,
    CollectorImage image,
    ContainerResources resources,
    LogSeverity severityThreshold,
    Boolean dropDebug,
    List<String> excludeEndpoints,
    Boolean parseJson,
    List<String> extraFilelogExcludes,
    List<MultilineRule> multiline,
    Integer queueSizeBatches,
    Integer queueNumConsumers,
    Integer queueMaxBatchSizeKi,
    Integer exporterTimeoutSeconds,
    Integer terminationGracePeriodSeconds,
    String releaseName,
    String clusterName,
    Boolean kubeletMetrics,
    Boolean hostMetrics,
    Integer infrastructureIntervalSeconds,
    String coralogixMetricsSubsystem)
    implements CoralogixTarget {
  /** Default {@link #resources()}. */
  public static final ContainerResources DEFAULT_RESOURCES =
      new ContainerResources("100m", "256Mi", "500m", "512Mi");

  private static final Pattern ENDPOINT = Pattern.compile("/[A-Za-z0-9._~/-]*");

  /** Prefixes the prop names in messages. */
  private static final String P = "LogsDaemonSetProps.";

  private static final Checks CHECK = new Checks(ValidationException::new);

  /** Requires the namespace, secret and Coralogix names; applies defaults; checks each rule. */
  public LogsDaemonSetProps {
    CHECK.required(P + "namespace", namespace);
    CHECK.required(P + "coralogixSecret", coralogixSecret);
    CHECK.required(P + "coralogixDomain", coralogixDomain);
    CHECK.required(P + "coralogixApplicationName", coralogixApplicationName);
    coralogixSubsystemName = coralogixSubsystemName == null ? "logs" : coralogixSubsystemName;
    coralogixMapping = coralogixMapping == null ? CoralogixMapping.WORKLOAD : coralogixMapping;
    image = image == null ? CollectorImage.CONTRIB : image;
    resources = resources == null ? DEFAULT_RESOURCES : resources;
    severityThreshold = severityThreshold == null ? LogSeverity.INFO : severityThreshold;
    dropDebug = dropDebug != null && dropDebug;
    excludeEndpoints = excludeEndpoints == null ? List.of() : List.copyOf(excludeEndpoints);
    parseJson = parseJson == null || parseJson;
    extraFilelogExcludes =
        extraFilelogExcludes == null ? List.of() : List.copyOf(extraFilelogExcludes);
    multiline = multiline == null ? List.of() : List.copyOf(multiline);
    queueSizeBatches =
        CHECK.positive(P + "queueSizeBatches", queueSizeBatches, SendingQueue.DEFAULT_SIZE_BATCHES);
    queueNumConsumers =
        CHECK.positive(
            P + "queueNumConsumers", queueNumConsumers, SendingQueue.DEFAULT_NUM_CONSUMERS);
    queueMaxBatchSizeKi =
        CHECK.positive(
            P + "queueMaxBatchSizeKi", queueMaxBatchSizeKi, SendingQueue.DEFAULT_MAX_BATCH_SIZE_KI);
    exporterTimeoutSeconds =
        CHECK.positive(P + "exporterTimeoutSeconds", exporterTimeoutSeconds, 30);
    terminationGracePeriodSeconds =
        CHECK.positive(P + "terminationGracePeriodSeconds", terminationGracePeriodSeconds, 60);
    releaseName = releaseName == null ? "otel-logs" : releaseName;
    CHECK.required(P + "clusterName", clusterName);
    kubeletMetrics = kubeletMetrics == null || kubeletMetrics;
    hostMetrics = hostMetrics == null || hostMetrics;
    infrastructureIntervalSeconds =
        CHECK.positive(P + "infrastructureIntervalSeconds", infrastructureIntervalSeconds, 30);
    coralogixMetricsSubsystem =
        coralogixMetricsSubsystem == null ? "metrics" : coralogixMetricsSubsystem;

    if (dropDebug && severityThreshold.compareTo(LogSeverity.INFO) < 0) {
      throw new ValidationException(
          P
              + "dropDebug (true) contradicts "
              + P
              + "severityThreshold ("
              + severityThreshold
              + "): dropping debug logs needs a threshold of INFO or higher; set dropDebug to"
              + " false or raise the threshold");
    }
    for (String endpoint : excludeEndpoints) {
      if (endpoint == null || !ENDPOINT.matcher(endpoint).matches()) {
        throw new ValidationException(
            P
                + "excludeEndpoints entry ("
                + endpoint
                + ") must be a URL path starting with '/' (letters, digits and . _ ~ / -),"
                + " e.g. /metrics");
      }
    }
    for (String glob : extraFilelogExcludes) {
      if (glob == null || !glob.startsWith("/")) {
        throw new ValidationException(
            P
                + "extraFilelogExcludes entry ("
                + glob
                + ") must be an absolute glob such as /var/log/pods/kube-system_*/*/*.log");
      }
    }
    if (terminationGracePeriodSeconds < exporterTimeoutSeconds) {
      throw new ValidationException(
          P
              + "terminationGracePeriodSeconds ("
              + terminationGracePeriodSeconds
              + ") must be >= "
              + P
              + "exporterTimeoutSeconds ("
              + exporterTimeoutSeconds
              + "), so a send in flight finishes or times out before the agent is killed (what is"
              + " still queued stays on the node and is sent after the restart); raise it to at"
              + " least "
              + exporterTimeoutSeconds);
    }
    CHECK.dnsLabel(P + "releaseName", releaseName, 53, "Helm's bound, e.g. otel-logs");
  }

  /** Starts props; namespace, secret, domain and application name are required. */
  public static LogsDaemonSetPropsBuilder builder() {
    return LogsDaemonSetPropsBuilder.builder();
  }
}
