package io.otelstack.config;

import static java.util.Map.entry;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment file's field behind each prop the stacks set from it, so that whoever read the
 * file ({@code Main}, the module generator) can put a construct's error, which names props ({@code
 * StackHpaProps.minReplicas}), in the terms of the file the user wrote ({@code hpa.minReplicas}).
 * Constructs never see files, and a Java consumer gets the prop names unchanged.
 *
 * <p>A prop missing here stays as the construct named it, which still says what to change.
 */
public final class EnvironmentFields {
  /**
   * A prop as messages name it: {@code Class.prop}, or {@code Class[name].prop} for one of many.
   */
  private static final Pattern PROP =
      Pattern.compile("\\b([A-Z][A-Za-z]*)(?:\\[([a-z0-9-]+)])?\\.([a-z][A-Za-z]*)");

  /** Prop to field, as TelemetryStack, ClusterStack and CoralogixStack bind them. */
  static final Map<String, String> FIELDS =
      Map.ofEntries(
          entry("TelemetryPlatformProps.namespace", "collector.namespace"),
          entry("TelemetryPlatformProps.coralogixDomain", "coralogix.domain"),
          entry("TelemetryPlatformProps.coralogixApplicationName", "coralogix.applicationName"),
          entry("TelemetryPlatformProps.queueStorageClassName", "queue.storageClass"),
          entry("LogsDaemonSetProps.coralogixSubsystemName", "coralogix.subsystems.logs"),
          entry("LogsDaemonSetProps.image", "collector.image"),
          entry("LogsDaemonSetProps.resources", "logs.resources"),
          entry("LogsDaemonSetProps.severityThreshold", "logs.severityThreshold"),
          entry("LogsDaemonSetProps.dropDebug", "logs.dropDebug"),
          entry("LogsDaemonSetProps.excludeEndpoints", "logs.excludeEndpoints"),
          entry("LogsDaemonSetProps.parseJson", "logs.parseJson"),
          entry("LogsDaemonSetProps.queueSizeBatches", "queue.sizeBatches"),
          entry("LogsDaemonSetProps.queueNumConsumers", "queue.numConsumers"),
          entry("LogsDaemonSetProps.queueMaxBatchSizeKi", "queue.maxBatchSizeKi"),
          entry("LogsDaemonSetProps.exporterTimeoutSeconds", "collector.exporterTimeoutSeconds"),
          entry(
              "LogsDaemonSetProps.terminationGracePeriodSeconds",
              "collector.terminationGracePeriodSeconds"),
          entry(
              "MetricsTracesStatefulSetProps.coralogixMetricsSubsystem",
              "coralogix.subsystems.metrics"),
          entry(
              "MetricsTracesStatefulSetProps.coralogixTracesSubsystem",
              "coralogix.subsystems.traces"),
          entry("MetricsTracesStatefulSetProps.image", "collector.image"),
          entry("MetricsTracesStatefulSetProps.resources", "metrics.resources"),
          entry("MetricsTracesStatefulSetProps.queueEnabled", "queue.enabled"),
          entry("MetricsTracesStatefulSetProps.queueSizeBatches", "queue.sizeBatches"),
          entry("MetricsTracesStatefulSetProps.queueNumConsumers", "queue.numConsumers"),
          entry("MetricsTracesStatefulSetProps.queueMaxBatchSizeKi", "queue.maxBatchSizeKi"),
          entry("MetricsTracesStatefulSetProps.queuePvcSizeGi", "queue.pvcSizeGi"),
          entry(
              "MetricsTracesStatefulSetProps.terminationGracePeriodSeconds",
              "collector.terminationGracePeriodSeconds"),
          entry(
              "MetricsTracesStatefulSetProps.preStopDelaySeconds", "collector.preStopDelaySeconds"),
          entry(
              "MetricsTracesStatefulSetProps.exporterTimeoutSeconds",
              "collector.exporterTimeoutSeconds"),
          entry(
              "MetricsTracesStatefulSetProps.tracesSamplingPercentage",
              "traces.samplingPercentage"),
          entry("MetricsTracesStatefulSetProps.tracesHashSeed", "traces.hashSeed"),
          entry("MetricsTracesStatefulSetProps.tracesKeepErrors", "traces.keepErrors"),
          entry(
              "MetricsTracesStatefulSetProps.tracesSlowTraceThresholdMs",
              "traces.slowTraceThresholdMs"),
          entry(
              "MetricsTracesStatefulSetProps.tracesDecisionWaitSeconds",
              "traces.decisionWaitSeconds"),
          entry(
              "MetricsTracesStatefulSetProps.nodeSelector",
              "cluster.nodeGroups.observability.labels"),
          entry(
              "MetricsTracesStatefulSetProps.tolerations",
              "cluster.nodeGroups.observability.taints"),
          entry("LogsDaemonSetProps.kubeletMetrics", "infrastructure.kubeletMetrics"),
          entry("LogsDaemonSetProps.hostMetrics", "infrastructure.hostMetrics"),
          entry(
              "LogsDaemonSetProps.infrastructureIntervalSeconds", "infrastructure.intervalSeconds"),
          entry("ClusterCollectorStatefulSetProps.clusterMetrics", "infrastructure.clusterMetrics"),
          entry(
              "ClusterCollectorStatefulSetProps.kubernetesEvents",
              "infrastructure.kubernetesEvents"),
          entry(
              "ClusterCollectorStatefulSetProps.intervalSeconds", "infrastructure.intervalSeconds"),
          entry(
              "ClusterCollectorStatefulSetProps.coralogixEventsSubsystem",
              "infrastructure.eventsSubsystem"),
          entry(
              "ClusterCollectorStatefulSetProps.resources",
              "infrastructure.clusterCollector.resources"),
          entry(
              "ClusterCollectorStatefulSetProps.queuePvcSizeGi",
              "infrastructure.clusterCollector.pvcSizeGi"),
          entry("ClusterCollectorStatefulSetProps.queueSizeBatches", "queue.sizeBatches"),
          entry("ClusterCollectorStatefulSetProps.queueNumConsumers", "queue.numConsumers"),
          entry("ClusterCollectorStatefulSetProps.queueMaxBatchSizeKi", "queue.maxBatchSizeKi"),
          entry(
              "ClusterCollectorStatefulSetProps.exporterTimeoutSeconds",
              "collector.exporterTimeoutSeconds"),
          entry(
              "ClusterCollectorStatefulSetProps.terminationGracePeriodSeconds",
              "collector.terminationGracePeriodSeconds"),
          entry("TargetAllocatorProps.replicas", "targetAllocator.replicas"),
          entry("TargetAllocatorProps.allocationStrategy", "targetAllocator.allocationStrategy"),
          entry("TargetAllocatorProps.allowlist", "metrics.allowlist"),
          entry("TargetAllocatorProps.dropLabels", "metrics.dropLabels"),
          entry("TargetAllocatorProps.renameLabels", "metrics.renameLabels"),
          entry("TargetAllocatorProps.tierAnnotation", "metrics.tierAnnotation"),
          entry("TargetAllocatorProps.defaultTier", "metrics.defaultTier"),
          entry("TargetAllocatorProps.scrapeTiers", "metrics.scrapeTiers"),
          entry("TargetAllocatorProps.sampleLimit", "metrics.sampleLimit"),
          entry("TargetAllocatorProps.labelLimit", "metrics.labelLimit"),
          entry(
              "CollectorNetworkPoliciesProps.otlpClientNamespaces",
              "networkPolicy.otlpClientNamespaces"),
          entry(
              "CollectorNetworkPoliciesProps.kubernetesApiCidrs",
              "networkPolicy.kubernetesApiCidrs"),
          entry("CollectorNetworkPoliciesProps.coralogixCidrs", "networkPolicy.coralogixCidrs"),
          entry("StackHpaProps.minReplicas", "hpa.minReplicas"),
          entry("StackHpaProps.maxReplicas", "hpa.maxReplicas"),
          entry("StackHpaProps.targetCpuUtilizationPercent", "hpa.targetCpuUtilizationPercent"),
          entry(
              "StackHpaProps.targetMemoryUtilizationPercent", "hpa.targetMemoryUtilizationPercent"),
          entry(
              "StackHpaProps.scaleDownStabilizationWindowSeconds",
              "hpa.scaleDown.stabilizationWindowSeconds"),
          entry("StackHpaProps.scaleDownPercent", "hpa.scaleDown.percent"),
          entry("StackHpaProps.scaleDownPeriodSeconds", "hpa.scaleDown.periodSeconds"),
          entry(
              "StackHpaProps.scaleUpStabilizationWindowSeconds",
              "hpa.scaleUp.stabilizationWindowSeconds"),
          entry("StackHpaProps.scaleUpPercent", "hpa.scaleUp.percent"),
          entry("StackHpaProps.scaleUpPeriodSeconds", "hpa.scaleUp.periodSeconds"),
          entry("EksClusterProps.kubernetesVersion", "cluster.kubernetesVersion"),
          entry("EksClusterProps.endpointPublicAccess", "cluster.endpoint.publicAccess"),
          entry("EksClusterProps.publicAccessCidrs", "cluster.endpoint.publicAccessCidrs"),
          entry("EksClusterProps.controlPlaneLogTypes", "cluster.controlPlaneLogTypes"),
          entry("EksClusterProps.adminRoleArns", "cluster.adminRoleArns"),
          entry("ClusterNetworkProps.vpcCidr", "cluster.vpc.cidr"),
          entry("ClusterNetworkProps.existingSubnetIds", "cluster.vpc.existingSubnetIds"),
          entry("EbsCsiDriverProps.addonVersion", "cluster.ebsCsiAddonVersion"),
          entry("CoralogixSecretProps.secretName", "coralogix.privateKeySecretName"),
          entry("RecordingRulesProps.intervalSeconds", "monitoring.recordingRules.intervalSeconds"),
          entry(
              "RecordingRulesProps.rateWindowMinutes",
              "monitoring.recordingRules.rateWindowMinutes"),
          entry("RecordingRulesProps.groupBy", "monitoring.recordingRules.groupBy"),
          entry("RecordingRulesProps.requestsCounter", "monitoring.recordingRules.requestsCounter"),
          entry(
              "RecordingRulesProps.latencyHistogram", "monitoring.recordingRules.latencyHistogram"),
          entry(
              "RecordingRulesProps.latencyQuantiles",
              "monitoring.recordingRules.latencyQuantiles"));

  /** The node groups are a map in the file, one {@code ManagedNodeGroupProps} per entry. */
  private static final String NODE_GROUP = "ManagedNodeGroupProps";

  private EnvironmentFields() {}

  /** {@code message} with every prop the file sets replaced by that field's path. */
  public static String inFileTerms(String message) {
    Matcher m = PROP.matcher(message);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String field =
          m.group(2) == null
              ? FIELDS.getOrDefault(m.group(1) + "." + m.group(3), m.group())
              : m.group(1).equals(NODE_GROUP)
                  ? "cluster.nodeGroups." + m.group(2) + "." + m.group(3)
                  : m.group();
      m.appendReplacement(out, Matcher.quoteReplacement(field));
    }
    return m.appendTail(out).toString();
  }
}
