package io.otelstack.config;

import java.util.Objects;

/**
 * The HorizontalPodAutoscaler of the metrics and traces collectors.
 *
 * <p>{@code minReplicas <= maxReplicas} is the construct's rule ({@code StackHpaProps}), checked
 * once there.
 *
 * @param minReplicas fewest collector pods
 * @param maxReplicas most collector pods
 * @param targetCpuUtilizationPercent average CPU use, as a percentage of the request, to hold
 * @param targetMemoryUtilizationPercent average memory use, as a percentage of the request, to hold
 * @param scaleDown how fast replicas are removed
 * @param scaleUp how fast replicas are added
 */
public record HpaSettings(
    int minReplicas,
    int maxReplicas,
    int targetCpuUtilizationPercent,
    int targetMemoryUtilizationPercent,
    ScalingPolicySettings scaleDown,
    ScalingPolicySettings scaleUp) {
  /** Requires every part. */
  public HpaSettings {
    Objects.requireNonNull(scaleDown, "scaleDown");
    Objects.requireNonNull(scaleUp, "scaleUp");
  }
}
