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
import io.otelstack.internal.ChartRelease;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
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
            coralogix("metrics", props.coralogixMetricsSubsystem(), queue),
            coralogix("events", props.coralogixEventsSubsystem(), queue));
    this.values =
        Collections.unmodifiableMap(
            ClusterCollector.values(
                CollectorValues.common(
                    "statefulset",
                    props.image(),
                    collectorConfig,
                    props.resources(),
                    props.coralogixSecret().name(),
                    props.coralogixSecret().key(),
                    CoralogixExporter.DEFAULT_PRIVATE_KEY_ENV,
                    props.terminationGracePeriodSeconds()),
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

  private CoralogixExporter coralogix(String name, String subsystem, SendingQueue queue) {
    return new CoralogixExporter(
        name,
        props.coralogixDomain(),
        props.coralogixApplicationName(),
        subsystem,
        CoralogixExporter.DEFAULT_PRIVATE_KEY_ENV,
        props.exporterTimeoutSeconds(),
        queue);
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
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("app.kubernetes.io/name", CollectorChart.COLLECTOR.chart());
    labels.put("app.kubernetes.io/instance", props.name());
    labels.put("component", "statefulset-collector");
    return labels;
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
