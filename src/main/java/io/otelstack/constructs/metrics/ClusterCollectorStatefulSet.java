package io.otelstack.constructs.metrics;

import com.hashicorp.cdktf.ITerraformDependable;
import io.otelstack.ValidationException;
import io.otelstack.collector.ClusterCollector;
import io.otelstack.collector.CollectorChart;
import io.otelstack.collector.CollectorConfig;
import io.otelstack.collector.CollectorValues;
import io.otelstack.collector.CoralogixExporter;
import io.otelstack.collector.K8sClusterReceiver;
import io.otelstack.collector.K8sObjectsReceiver;
import io.otelstack.collector.MetricsTracesCollector;
import io.otelstack.collector.SendingQueue;
import io.otelstack.constructs.secrets.CoralogixKubernetesSecret;
import io.otelstack.internal.ChartRelease;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * The cluster collector: one collector for the whole cluster, reading its state ({@code
 * k8s_cluster}: deployments, pod phases, restarts, node conditions) and its events ({@code
 * k8sobjects} on {@code events.k8s.io}) from the API server, with a persistent sending queue on its
 * volume. A single-replica StatefulSet of the upstream collector chart, so at most one runs at any
 * time, also during a rollout (see {@link ClusterCollector}).
 *
 * <p>Its ClusterRole grants {@code list} and {@code watch} on the kinds the receivers watch and
 * nothing else; it receives nothing (no ports, no Service).
 *
 * <p>Terraform child: {@code Resource} (the {@code helm_release}, holding the StatefulSet and its
 * volume claim).
 */
public class ClusterCollectorStatefulSet extends Construct {
  private final ClusterCollectorStatefulSetProps props;
  private final CollectorConfig collectorConfig;
  private final Map<String, Object> values;

  /** Creates the release. */
  public ClusterCollectorStatefulSet(
      Construct scope, String id, ClusterCollectorStatefulSetProps props) {
    super(scope, id);
    if (props == null) {
      throw new ValidationException(
          getNode().getPath() + ": props (ClusterCollectorStatefulSetProps) is required");
    }
    if (!props.coralogixSecret().namespace().name().equals(props.namespace().name())) {
      throw new ValidationException(
          getNode().getPath()
              + ": coralogixSecret is in namespace "
              + props.coralogixSecret().namespace().name()
              + " but the collector runs in "
              + props.namespace().name()
              + "; a pod reads only Secrets of its own namespace");
    }
    this.props = props;
    SendingQueue queue =
        new SendingQueue(
            MetricsTracesCollector.queueStorage(),
            props.queueNumConsumers(),
            props.queueSizeBatches(),
            props.queueMaxBatchSizeKi());
    this.collectorConfig =
        ClusterCollector.config(
            props.name(),
            props.clusterMetrics() ? new K8sClusterReceiver(props.intervalSeconds()) : null,
            props.kubernetesEvents() ? new K8sObjectsReceiver() : null,
            props.exporter("metrics", props.coralogixMetricsSubsystem(), queue),
            props.exporter("events", props.coralogixEventsSubsystem(), queue));
    CoralogixKubernetesSecret key = props.coralogixSecret();
    Map<String, Object> common =
        CollectorValues.common(
            "statefulset",
            props.image(),
            collectorConfig,
            props.resources(),
            key.name(),
            key.key(),
            CoralogixExporter.DEFAULT_PRIVATE_KEY_ENV,
            props.terminationGracePeriodSeconds());
    this.values =
        Collections.unmodifiableMap(
            ClusterCollector.values(
                common,
                props.name(),
                collectorConfig,
                MetricsTracesCollector.queueClaim(
                    props.queueStorageClass() == null ? null : props.queueStorageClass().name(),
                    props.queuePvcSizeGi() + "Gi"),
                props.clusterName()));
    List<ITerraformDependable> deps =
        new ArrayList<>(
            List.of(props.namespace().dependable(), props.coralogixSecret().dependable()));
    if (props.queueStorageClass() != null) {
      deps.add(props.queueStorageClass().dependable());
    }
    ChartRelease.create(
        this,
        "Resource",
        CollectorChart.COLLECTOR,
        props.name(),
        props.namespace().name(),
        this::values,
        deps);
  }

  /** The props as resolved, defaults applied. */
  public ClusterCollectorStatefulSetProps props() {
    return props;
  }

  /** The release, StatefulSet and service account name. */
  public String name() {
    return props.name();
  }

  /** The labels the chart puts on the collector's pod, and only on it. */
  public Map<String, String> podSelectorLabels() {
    return CollectorChart.podLabels(props.name(), "statefulset-collector");
  }

  /** The typed collector configuration it runs. */
  public CollectorConfig collectorConfig() {
    return collectorConfig;
  }

  /** The Helm values rendered into the release; read-only. */
  public Map<String, Object> values() {
    return values;
  }
}
