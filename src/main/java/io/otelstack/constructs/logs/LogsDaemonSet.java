package io.otelstack.constructs.logs;

import com.hashicorp.cdktf.providers.kubernetes.priority_class_v1.PriorityClassV1;
import com.hashicorp.cdktf.providers.kubernetes.priority_class_v1.PriorityClassV1Config;
import com.hashicorp.cdktf.providers.kubernetes.priority_class_v1.PriorityClassV1Metadata;
import io.otelstack.ValidationException;
import io.otelstack.collector.CollectorChart;
import io.otelstack.collector.CollectorConfig;
import io.otelstack.collector.CollectorValues;
import io.otelstack.collector.Component;
import io.otelstack.collector.CoralogixExporter;
import io.otelstack.collector.FilterProcessor;
import io.otelstack.collector.HostMetricsReceiver;
import io.otelstack.collector.KubeletStatsReceiver;
import io.otelstack.collector.LogsAgentCollector;
import io.otelstack.collector.SendingQueue;
import io.otelstack.collector.TransformProcessor;
import io.otelstack.constructs.namespace.CollectorNamespace;
import io.otelstack.constructs.namespace.PodSecurityLevel;
import io.otelstack.internal.ChartRelease;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * The logs agent: one collector per node (chart mode {@code daemonset}) that tails the node's pod
 * logs and ships them to Coralogix, and reads its node's kubelet stats and host metrics (see {@link
 * LogsAgentCollector}).
 *
 * <p>The pipelines and chart values are assembled by {@link LogsAgentCollector}: the agent tails
 * every pod log on its node with checkpoints and a sending queue on a hostPath, so nothing it has
 * read is lost to a restart. This construct maps its props to the exporter and the parse and filter
 * processors, and owns the Kubernetes resources around the release.
 *
 * <p>Security: the agent runs as UID 0 (the kubelet writes pod logs root-owned), with every
 * capability dropped, and needs hostPath volumes, so its namespace must enforce {@link
 * PodSecurityLevel#PRIVILEGED}; see {@link CollectorNamespace}.
 *
 * <p>Scheduling: it tolerates every taint, so tainted nodes (e.g. the dedicated observability
 * group) get an agent too, and runs under its own PriorityClass {@code <release>-node-critical}
 * (value {@value #PRIORITY}, allowed to preempt). Not {@code system-node-critical}: that class is
 * for components a node cannot work without (CNI, kube-proxy), and would make the kubelet evict the
 * agent only after them under memory pressure. Ours outranks ordinary workloads, so a full node
 * makes room for its agent, without competing with the node's own components.
 */
public class LogsDaemonSet extends Construct {
  /** The PriorityClass value: above ordinary workloads, far below the system classes. */
  public static final int PRIORITY = 1_000_000;

  private final LogsDaemonSetProps props;
  private final String stateDirectory;
  private final String priorityClassName;
  private final CollectorConfig collectorConfig;
  private final Map<String, Object> values;

  /** Creates the PriorityClass ({@code PriorityClass}) and the Helm release ({@code Resource}). */
  public LogsDaemonSet(Construct scope, String id, LogsDaemonSetProps props) {
    super(scope, id);
    if (props == null) {
      throw new ValidationException(
          getNode().getPath() + ": props (LogsDaemonSetProps) is required");
    }
    validate(props);
    this.props = props;
    this.stateDirectory = LogsAgentCollector.stateDirectory(props.releaseName());
    this.priorityClassName = props.releaseName() + "-node-critical";
    this.collectorConfig = buildConfig();
    this.values =
        Collections.unmodifiableMap(
            LogsAgentCollector.values(
                CollectorValues.common(
                    "daemonset",
                    props.image(),
                    collectorConfig,
                    props.resources(),
                    props.coralogixSecret().name(),
                    props.coralogixSecret().key(),
                    CoralogixExporter.DEFAULT_PRIVATE_KEY_ENV,
                    props.terminationGracePeriodSeconds()),
                props.releaseName(),
                priorityClassName,
                collectorConfig,
                props.clusterName()));

    PriorityClassV1 priorityClass =
        new PriorityClassV1(
            this,
            "PriorityClass",
            PriorityClassV1Config.builder()
                .metadata(PriorityClassV1Metadata.builder().name(priorityClassName).build())
                .value(PRIORITY)
                .globalDefault(false)
                .preemptionPolicy("PreemptLowerPriority")
                .description(
                    "Node log agents of otel-stack: above workloads, below system components.")
                .build());
    ChartRelease.create(
        this,
        "Resource",
        CollectorChart.COLLECTOR,
        props.releaseName(),
        props.namespace().name(),
        this::values,
        List.of(
            props.namespace().dependable(), props.coralogixSecret().dependable(), priorityClass));
  }

  private void validate(LogsDaemonSetProps p) {
    String path = getNode().getPath();
    List<String> errors = new ArrayList<>();
    if (p.namespace().podSecurity() != PodSecurityLevel.PRIVILEGED) {
      errors.add(
          path
              + ": LogsDaemonSetProps.namespace "
              + p.namespace().name()
              + " enforces "
              + p.namespace().podSecurity().value()
              + " Pod Security, which rejects the agent's hostPath volumes and root user; give"
              + " the agent a namespace with podSecurity PRIVILEGED");
    }
    if (p.coralogixSecret().namespace() != p.namespace()) {
      errors.add(
          path
              + ": LogsDaemonSetProps.coralogixSecret is in namespace "
              + p.coralogixSecret().namespace().name()
              + " but the agent runs in "
              + p.namespace().name()
              + "; a pod reads only Secrets of its own namespace, so create a"
              + " CoralogixKubernetesSecret in "
              + p.namespace().name());
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }

  private CollectorConfig buildConfig() {
    SendingQueue queue =
        new SendingQueue(
            LogsAgentCollector.queueStorage(props.releaseName()),
            props.queueNumConsumers(),
            props.queueSizeBatches(),
            props.queueMaxBatchSizeKi());
    CoralogixExporter exporter = props.exporter("", props.coralogixSubsystemName(), queue);
    List<Component> metricsReceivers = new ArrayList<>();
    if (props.kubeletMetrics()) {
      metricsReceivers.add(new KubeletStatsReceiver(props.infrastructureIntervalSeconds()));
    }
    if (props.hostMetrics()) {
      metricsReceivers.add(new HostMetricsReceiver(props.infrastructureIntervalSeconds()));
    }
    List<Component> processors = new ArrayList<>();
    if (props.parseJson()) {
      processors.add(new TransformProcessor("parse", LogRules.parseStatements()));
    }
    processors.add(
        new FilterProcessor(
            "drop",
            LogRules.dropConditions(
                props.excludeEndpoints(), props.severityThreshold(), props.dropDebug())));
    return LogsAgentCollector.config(
        props.releaseName(),
        props.namespace().name(),
        props.extraFilelogExcludes(),
        props.multiline(),
        processors,
        exporter,
        metricsReceivers,
        props.exporter("metrics", props.coralogixMetricsSubsystem(), queue));
  }

  /** The resolved props. */
  public LogsDaemonSetProps props() {
    return props;
  }

  /** The labels the chart puts on every agent pod, and only on them. */
  public Map<String, String> podSelectorLabels() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("app.kubernetes.io/name", CollectorChart.COLLECTOR.chart());
    labels.put("app.kubernetes.io/instance", props.releaseName());
    labels.put("component", "agent-collector");
    return labels;
  }

  /** The node directory holding the checkpoints and the sending queue. */
  public String stateDirectory() {
    return stateDirectory;
  }

  /** The name of the PriorityClass the agent pods run under. */
  public String priorityClassName() {
    return priorityClassName;
  }

  /** The typed collector configuration the agent runs. */
  public CollectorConfig collectorConfig() {
    return collectorConfig;
  }

  /** The Helm values rendered into the release; read-only. */
  public Map<String, Object> values() {
    return values;
  }
}
