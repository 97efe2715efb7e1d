package io.otelstack.constructs.coralogix;

import io.otelstack.ValidationException;
import io.otelstack.internal.Checks;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.List;
import java.util.Map;

/**
 * Props of {@link CollectorHealthAlerts}. The tunings' defaults are those of {@code
 * environments/_defaults.yaml}; a test keeps them equal.
 *
 * @param environment the environment's name, in every alert's name and {@code environment} label;
 *     required
 * @param applicationName the environment's Coralogix application name; every query selects it;
 *     required
 * @param gatewayName the metrics/traces collectors' name (their self-scrape job, so their {@code
 *     service_name}). Default: {@code otel-metrics-traces}, the telemetry stack's.
 * @param logsAgentName the logs agents' name. Default: {@code otel-logs}, the telemetry stack's.
 * @param gatewayMinReplicas fewest metrics/traces collectors that should report. Default: 2.
 * @param runbookUrl the page that holds the runbook sections. Default: the project's {@code
 *     docs/runbook.md}.
 * @param queueFill exporter queue above threshold percent full. Default: P2, 5 minutes, 80%.
 * @param enqueueFailures any item not queued. Default: P1, 5 minutes.
 * @param sendFailures send failures above threshold items per second. Default: P2, 10 minutes, 1/s.
 * @param refusedData any data refused by a receiver. Default: P2, 5 minutes.
 * @param gatewayReplicas fewer gateways than {@code gatewayMinReplicas}. Default: P1, 5 minutes.
 * @param logsAgents a node without a logs agent. Default: P2, 10 minutes.
 * @param unassignedTargets no collector to assign targets to. Default: P2, 5 minutes.
 * @param targetImbalance one collector above threshold times the average share. Default: P3, 30
 *     minutes, 2×.
 * @param queueVolume queue volume above threshold percent full. Default: P2, 5 minutes, 85%.
 * @param notifications the Coralogix webhook integration IDs each priority's alerts notify.
 *     Default: none for every priority; the alerts then show in Coralogix but notify nobody.
 */
@RecordBuilder
public record CollectorHealthAlertsProps(
    String environment,
    String applicationName,
    String gatewayName,
    String logsAgentName,
    Integer gatewayMinReplicas,
    String runbookUrl,
    AlertTuning queueFill,
    AlertTuning enqueueFailures,
    AlertTuning sendFailures,
    AlertTuning refusedData,
    AlertTuning gatewayReplicas,
    AlertTuning logsAgents,
    AlertTuning unassignedTargets,
    AlertTuning targetImbalance,
    AlertTuning queueVolume,
    Map<AlertPriority, List<String>> notifications) {
  /** Default {@link #runbookUrl()}. */
  public static final String DEFAULT_RUNBOOK_URL =
      "https://git.otel-stack.invalid/platform/otel-stack/blob/main/docs/runbook.md";

  private static final Checks CHECK = new Checks(ValidationException::new);

  /** Requires the environment and application; applies defaults. */
  public CollectorHealthAlertsProps {
    CHECK.required("CollectorHealthAlertsProps.environment", environment);
    CHECK.required("CollectorHealthAlertsProps.applicationName", applicationName);
    gatewayName = gatewayName == null ? "otel-metrics-traces" : gatewayName;
    logsAgentName = logsAgentName == null ? "otel-logs" : logsAgentName;
    gatewayMinReplicas = gatewayMinReplicas == null ? 2 : gatewayMinReplicas;
    runbookUrl = runbookUrl == null ? DEFAULT_RUNBOOK_URL : runbookUrl;
    queueFill = orDefault(queueFill, new AlertTuning(AlertPriority.P2, 5, 80));
    enqueueFailures = orDefault(enqueueFailures, AlertTuning.of(AlertPriority.P1, 5));
    sendFailures = orDefault(sendFailures, new AlertTuning(AlertPriority.P2, 10, 1));
    refusedData = orDefault(refusedData, AlertTuning.of(AlertPriority.P2, 5));
    gatewayReplicas = orDefault(gatewayReplicas, AlertTuning.of(AlertPriority.P1, 5));
    logsAgents = orDefault(logsAgents, AlertTuning.of(AlertPriority.P2, 10));
    unassignedTargets = orDefault(unassignedTargets, AlertTuning.of(AlertPriority.P2, 5));
    targetImbalance = orDefault(targetImbalance, new AlertTuning(AlertPriority.P3, 30, 2));
    queueVolume = orDefault(queueVolume, new AlertTuning(AlertPriority.P2, 5, 85));
    notifications = notifications == null ? Map.of() : Map.copyOf(notifications);
  }

  /** The webhook integration IDs alerts of {@code priority} notify; empty when none. */
  public List<String> webhookIds(AlertPriority priority) {
    return notifications.getOrDefault(priority, List.of());
  }

  private static AlertTuning orDefault(AlertTuning value, AlertTuning fallback) {
    return value == null ? fallback : value;
  }

  /** A builder. */
  public static CollectorHealthAlertsPropsBuilder builder() {
    return CollectorHealthAlertsPropsBuilder.builder();
  }
}
