package io.otelstack.config;

import java.util.Objects;

/**
 * The Prometheus target allocator, which shares scrape targets among the metrics collectors.
 *
 * <p>Rule checked when loaded: not {@code per-node}, which gives each target to a collector on the
 * same node; the metrics collectors are a StatefulSet, not on every node, so targets would be lost.
 *
 * @param replicas allocator pods
 * @param allocationStrategy how targets are shared
 */
public record TargetAllocatorSettings(int replicas, AllocationStrategy allocationStrategy) {
  /** Requires every part. */
  public TargetAllocatorSettings {
    Objects.requireNonNull(allocationStrategy, "allocationStrategy");
  }

  void check(Problems p) {
    if (allocationStrategy == AllocationStrategy.PER_NODE) {
      p.add(
          p.path("allocationStrategy")
              + " (per-node) gives each target to a collector on the same node, but the metrics"
              + " collectors are a StatefulSet that does not run on every node; use"
              + " consistent-hashing or least-weighted");
    }
  }
}
