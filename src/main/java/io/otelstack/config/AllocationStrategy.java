package io.otelstack.config;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How the target allocator shares Prometheus targets among collectors. YAML values are {@link
 * #value()}.
 */
public enum AllocationStrategy {
  /** Stable assignment that moves few targets when collectors come and go. */
  CONSISTENT_HASHING("consistent-hashing"),
  /** Each target to the collector with the fewest targets. */
  LEAST_WEIGHTED("least-weighted"),
  /** Each target to the collector on the same node (DaemonSet collectors only). */
  PER_NODE("per-node");

  private final String value;

  AllocationStrategy(String value) {
    this.value = value;
  }

  /** The YAML value, which is also the allocator's {@code allocation_strategy} setting. */
  @JsonValue
  public String value() {
    return value;
  }
}
