package io.otelstack.config;

import io.otelstack.constructs.metrics.AllocationStrategy;
import java.util.Objects;

/**
 * The Prometheus target allocator, which shares scrape targets among the metrics collectors.
 *
 * @param replicas allocator pods
 * @param allocationStrategy how targets are shared
 */
public record TargetAllocatorSettings(int replicas, AllocationStrategy allocationStrategy) {
  /** Requires every part. */
  public TargetAllocatorSettings {
    Objects.requireNonNull(allocationStrategy, "allocationStrategy");
  }
}
