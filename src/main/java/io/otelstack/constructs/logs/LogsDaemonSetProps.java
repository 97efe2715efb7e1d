package io.otelstack.constructs.logs;

import io.otelstack.ValidationException;
import io.otelstack.collector.CollectorImage;
import io.otelstack.collector.ContainerResources;
import io.otelstack.collector.CoralogixMapping;
import io.otelstack.collector.MultilineRule;
import io.otelstack.constructs.namespace.CollectorNamespace;
import io.otelstack.constructs.secrets.CoralogixKubernetesSecret;
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
    String releaseName) {
  /** Default {@link #resources()}. */
  public static final ContainerResources DEFAULT_RESOURCES =
      new ContainerResources("100m", "256Mi", "500m", "512Mi");

  private static final Pattern ENDPOINT = Pattern.compile("/[A-Za-z0-9._~/-]*");
  // Helm refuses release names longer than 53 characters.
  private static final Pattern RELEASE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,51}[a-z0-9])?");

  /** Requires the namespace, secret and Coralogix names; applies defaults; checks each rule. */
  public LogsDaemonSetProps {
    require("logs.namespace", namespace);
    require("logs.coralogixSecret", coralogixSecret);
    require("logs.coralogixDomain", coralogixDomain);
    require("logs.coralogixApplicationName", coralogixApplicationName);
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
    queueSizeBatches = positive("queue.sizeBatches", queueSizeBatches, 5000);
    queueNumConsumers = positive("queue.numConsumers", queueNumConsumers, 10);
    queueMaxBatchSizeKi = positive("queue.maxBatchSizeKi", queueMaxBatchSizeKi, 512);
    exporterTimeoutSeconds =
        positive("collector.exporterTimeoutSeconds", exporterTimeoutSeconds, 30);
    terminationGracePeriodSeconds =
        positive("collector.terminationGracePeriodSeconds", terminationGracePeriodSeconds, 60);
    releaseName = releaseName == null ? "otel-logs" : releaseName;

    if (dropDebug && severityThreshold.compareTo(LogSeverity.INFO) < 0) {
      throw new ValidationException(
          "logs.dropDebug (true) contradicts logs.severityThreshold ("
              + severityThreshold
              + "): dropping debug logs needs a threshold of INFO or higher; set dropDebug to"
              + " false or raise the threshold");
    }
    for (String endpoint : excludeEndpoints) {
      if (endpoint == null || !ENDPOINT.matcher(endpoint).matches()) {
        throw new ValidationException(
            "logs.excludeEndpoints entry ("
                + endpoint
                + ") must be a URL path starting with '/' (letters, digits and . _ ~ / -),"
                + " e.g. /metrics");
      }
    }
    for (String glob : extraFilelogExcludes) {
      if (glob == null || !glob.startsWith("/")) {
        throw new ValidationException(
            "logs.extraFilelogExcludes entry ("
                + glob
                + ") must be an absolute glob such as /var/log/pods/kube-system_*/*/*.log");
      }
    }
    if (terminationGracePeriodSeconds < exporterTimeoutSeconds) {
      throw new ValidationException(
          "collector.terminationGracePeriodSeconds ("
              + terminationGracePeriodSeconds
              + ") must be >= collector.exporterTimeoutSeconds ("
              + exporterTimeoutSeconds
              + "), so a send in flight finishes or times out before the agent is killed (what is"
              + " still queued stays on the node and is sent after the restart); raise it to at"
              + " least "
              + exporterTimeoutSeconds);
    }
    if (!RELEASE.matcher(releaseName).matches()) {
      throw new ValidationException(
          "logs.releaseName ("
              + releaseName
              + ") must be at most 53 lowercase letters, digits and '-', starting and ending with"
              + " a letter or digit, e.g. otel-logs");
    }
  }

  private static void require(String prop, Object value) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      throw new ValidationException(prop + " is required");
    }
  }

  private static int positive(String prop, Integer value, int fallback) {
    int v = value == null ? fallback : value;
    if (v <= 0) {
      throw new ValidationException(prop + " (" + v + ") must be > 0; default is " + fallback);
    }
    return v;
  }

  /** Starts props; namespace, secret, domain and application name are required. */
  public static LogsDaemonSetPropsBuilder builder() {
    return LogsDaemonSetPropsBuilder.builder();
  }
}
