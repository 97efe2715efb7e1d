package io.otelstack.constructs.coralogix;

import io.otelstack.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * Monitoring the monitors: Coralogix alerts on the collectors' own metrics, so a platform team
 * learns that the stack is losing data, or about to, before anyone goes looking.
 *
 * <p>Each alert selects the environment's application, fires per environment, collector and, where
 * it applies, replica, exporter or receiver, and links to its runbook section in {@code
 * docs/runbook.md} ({@code #runbook-<alert>}).
 *
 * <p>Children: {@code QueueFill}, {@code EnqueueFailures}, {@code SendFailures}, {@code
 * RefusedData}, {@code GatewayReplicas}, {@code LogsAgents}, {@code UnassignedTargets}, {@code
 * TargetImbalance}, {@code QueueVolume}, each a {@link MetricAlert}.
 */
public final class CollectorHealthAlerts extends Construct {
  // Rates are taken over five minutes: long enough to smooth the 30 s self-scrape, short enough
  // that a sustained condition shows within the alert's window.
  private static final int RATE_MINUTES = 5;

  private final CollectorHealthAlertsProps props;
  private final String selector;
  private final List<MetricAlert> alerts = new ArrayList<>();

  /** Creates the alerts. */
  public CollectorHealthAlerts(Construct scope, String id, CollectorHealthAlertsProps props) {
    super(scope, id);
    if (props == null) {
      throw new ValidationException(
          getNode().getPath() + ": props (CollectorHealthAlertsProps) is required");
    }
    this.props = props;
    this.selector = Labels.environment(props.applicationName());
    String env = Labels.ENVIRONMENT;
    String collector = Labels.COLLECTOR;

    AlertTuning t = props.queueFill();
    add(
        "QueueFill",
        "exporter queue above " + MetricAlertProps.formatThreshold(t.threshold()) + "% full",
        "An exporter's sending queue is filling: the backend is down, slow or refusing data. When"
            + " the queue is full, new data is dropped.",
        "queue-fill",
        t,
        SelfMetricQueries.queueFillPercent(
            selector, List.of(env, collector, Labels.POD, "exporter")),
        AlertCondition.MORE_THAN,
        t.threshold(),
        List.of(env, collector, Labels.POD, "exporter"),
        true,
        false);

    t = props.enqueueFailures();
    List<String> byExporter = List.of(env, collector, "exporter");
    add(
        "EnqueueFailures",
        "exporter dropping data: enqueue failures",
        "An exporter could not put items into its full queue: that data is lost.",
        "enqueue-failures",
        t,
        SelfMetricQueries.itemIncrease(
            "otelcol_exporter_enqueue_failed", selector, byExporter, t.minutes()),
        AlertCondition.MORE_THAN,
        0,
        byExporter,
        false,
        false);

    t = props.sendFailures();
    add(
        "SendFailures",
        "exporter send failures above "
            + MetricAlertProps.formatThreshold(t.threshold())
            + " items/s",
        "An exporter keeps failing to send: the backend rejects data, or is unreachable. Items"
            + " stay queued and are retried; the queue fills next.",
        "send-failures",
        t,
        SelfMetricQueries.itemRate(
            "otelcol_exporter_send_failed", selector, byExporter, RATE_MINUTES),
        AlertCondition.MORE_THAN,
        t.threshold(),
        byExporter,
        true,
        false);

    t = props.refusedData();
    List<String> byReceiver = List.of(env, collector, "receiver");
    add(
        "RefusedData",
        "data refused by a receiver or the memory limiter",
        "A receiver refused data, most often because the memory limiter is refusing under memory"
            + " pressure. Senders retry or lose it.",
        "refused-data",
        t,
        SelfMetricQueries.itemIncrease(
                "otelcol_receiver_refused", selector, byReceiver, t.minutes())
            + " or "
            + SelfMetricQueries.itemIncrease(
                "otelcol_processor_memory_limiter_refused",
                selector,
                List.of(env, collector, "processor"),
                t.minutes()),
        AlertCondition.MORE_THAN,
        0,
        List.of(env, collector, "receiver", "processor"),
        false,
        false);

    t = props.gatewayReplicas();
    add(
        "GatewayReplicas",
        "fewer than " + props.gatewayMinReplicas() + " metrics/traces collectors",
        "Fewer metrics/traces collectors report than the autoscaler's minimum: pods are crashing,"
            + " pending or evicted.",
        "gateway-replicas",
        t,
        "count by ("
            + env
            + ", "
            + collector
            + ") ("
            + SelfMetricQueries.uptime(
                selector + ", " + collector + "=\"" + props.gatewayName() + "\"")
            + ")",
        AlertCondition.LESS_THAN,
        props.gatewayMinReplicas(),
        List.of(env, collector),
        true,
        true);

    t = props.logsAgents();
    add(
        "LogsAgents",
        "node without a logs agent",
        "A node reports through its kubelet but no logs agent reports from it: that node's pod"
            + " logs are not collected.",
        "logs-agents",
        t,
        "count by ("
            + env
            + ", node) (kubelet_node_name{"
            + selector
            + "}) unless on ("
            + env
            + ", node) label_replace(count by ("
            + env
            + ", "
            + Labels.NODE
            + ") ("
            + SelfMetricQueries.uptime(
                selector + ", " + collector + "=\"" + props.logsAgentName() + "\"")
            + "), \"node\", \"$1\", \""
            + Labels.NODE
            + "\", \"(.*)\")",
        AlertCondition.MORE_THAN,
        0,
        List.of(env, "node"),
        true,
        false);

    t = props.unassignedTargets();
    add(
        "UnassignedTargets",
        "Target Allocator has no collector for its targets",
        "The Target Allocator sees no metrics collector to assign scrape targets to, so no"
            + " application metrics are scraped.",
        "unassigned-targets",
        t,
        "max by (" + env + ") (opentelemetry_allocator_collectors_allocatable{" + selector + "})",
        AlertCondition.LESS_THAN,
        1,
        List.of(env),
        true,
        false);

    t = props.targetImbalance();
    String perCollector = "opentelemetry_allocator_targets_per_collector{" + selector + "}";
    add(
        "TargetImbalance",
        "one collector holds over "
            + MetricAlertProps.formatThreshold(t.threshold())
            + "x its share of targets",
        "One metrics collector holds far more scrape targets than the others: it runs hot, and"
            + " its queue and memory fill first.",
        "target-imbalance",
        t,
        "max by ("
            + env
            + ", collector_name) ("
            + perCollector
            + ") / on ("
            + env
            + ") group_left avg by ("
            + env
            + ") ("
            + perCollector
            + ")",
        AlertCondition.MORE_THAN,
        t.threshold(),
        List.of(env, "collector_name"),
        true,
        false);

    t = props.queueVolume();
    String claims = ", persistentvolumeclaim=~\"queue-" + props.gatewayName() + "-.*\"";
    add(
        "QueueVolume",
        "queue volume above " + MetricAlertProps.formatThreshold(t.threshold()) + "% full",
        "A collector's persistent queue volume is nearly full: the queue cannot grow and new data"
            + " will be dropped.",
        "queue-volume",
        t,
        "100 * max by ("
            + env
            + ", persistentvolumeclaim) (kubelet_volume_stats_used_bytes{"
            + selector
            + claims
            + "} / kubelet_volume_stats_capacity_bytes{"
            + selector
            + claims
            + "})",
        AlertCondition.MORE_THAN,
        t.threshold(),
        List.of(env, "persistentvolumeclaim"),
        true,
        false);
  }

  private void add(
      String id,
      String title,
      String meaning,
      String runbook,
      AlertTuning tuning,
      String promql,
      AlertCondition condition,
      double threshold,
      List<String> groupBy,
      boolean sustained,
      boolean absentFires) {
    alerts.add(
        new MetricAlert(
            this,
            id,
            MetricAlertProps.builder()
                .name("otel-stack " + props.environment() + ": " + title)
                .description(meaning)
                .runbookUrl(props.runbookUrl() + "#runbook-" + runbook)
                .promql(promql)
                .condition(condition)
                .threshold(threshold)
                .minutes(tuning.minutes())
                .sustained(sustained)
                .absentFires(absentFires)
                .priority(tuning.priority())
                .groupBy(groupBy)
                .labels(Map.of("environment", props.environment(), "managed-by", "otel-stack"))
                .webhookIds(props.webhookIds(tuning.priority()))
                .build()));
  }

  /** The alerts, in the order the runbook lists them. */
  public List<MetricAlert> alerts() {
    return List.copyOf(alerts);
  }
}
