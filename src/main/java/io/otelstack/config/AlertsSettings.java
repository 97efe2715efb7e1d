package io.otelstack.config;

import java.util.Objects;

/**
 * The collector-health alerts; {@code docs/runbook.md} explains each.
 *
 * @param queueFill an exporter's sending queue above {@code threshold} percent of its capacity
 * @param enqueueFailures any item an exporter could not queue
 * @param sendFailures an exporter failing to send more than {@code threshold} items per second
 * @param refusedData any data refused by a receiver or dropped by a processor
 * @param gatewayReplicas fewer metrics/traces collectors reporting than {@code hpa.minReplicas}
 * @param logsAgents a node without a logs agent
 * @param unassignedTargets the Target Allocator with no collector to assign targets to
 * @param targetImbalance one collector holding more than {@code threshold} times the average share
 * @param queueVolume a queue volume above {@code threshold} percent full
 */
public record AlertsSettings(
    AlertSettings queueFill,
    AlertSettings enqueueFailures,
    AlertSettings sendFailures,
    AlertSettings refusedData,
    AlertSettings gatewayReplicas,
    AlertSettings logsAgents,
    AlertSettings unassignedTargets,
    AlertSettings targetImbalance,
    AlertSettings queueVolume) {
  /** Requires every alert. */
  public AlertsSettings {
    Objects.requireNonNull(queueFill, "queueFill");
    Objects.requireNonNull(enqueueFailures, "enqueueFailures");
    Objects.requireNonNull(sendFailures, "sendFailures");
    Objects.requireNonNull(refusedData, "refusedData");
    Objects.requireNonNull(gatewayReplicas, "gatewayReplicas");
    Objects.requireNonNull(logsAgents, "logsAgents");
    Objects.requireNonNull(unassignedTargets, "unassignedTargets");
    Objects.requireNonNull(targetImbalance, "targetImbalance");
    Objects.requireNonNull(queueVolume, "queueVolume");
  }
}
