package io.otelstack.config;

/**
 * How fast the HPA may scale in one direction.
 *
 * @param stabilizationWindowSeconds how long recommendations are remembered before acting; damps
 *     flapping
 * @param percent most replicas added or removed per period, as a percentage of the current count
 * @param periodSeconds length of the period {@code percent} applies to
 */
public record ScalingPolicySettings(
    int stabilizationWindowSeconds, int percent, int periodSeconds) {}
