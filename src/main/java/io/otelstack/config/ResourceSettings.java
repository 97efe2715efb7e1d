package io.otelstack.config;

import io.otelstack.ValidationException;
import io.otelstack.collector.ContainerResources;
import java.util.Objects;

/**
 * CPU and memory requests and limits of a collector container, as Kubernetes quantities.
 *
 * <p>Rule checked when loaded, by {@link ContainerResources}: each request is at most its limit.
 *
 * @param cpuRequest CPU request, e.g. {@code 250m} or {@code 1}
 * @param memoryRequest memory request, e.g. {@code 512Mi}
 * @param cpuLimit CPU limit
 * @param memoryLimit memory limit; the collector's memory limiter works within it
 */
public record ResourceSettings(
    String cpuRequest, String memoryRequest, String cpuLimit, String memoryLimit) {
  /** Requires every part. */
  public ResourceSettings {
    Objects.requireNonNull(cpuRequest, "cpuRequest");
    Objects.requireNonNull(memoryRequest, "memoryRequest");
    Objects.requireNonNull(cpuLimit, "cpuLimit");
    Objects.requireNonNull(memoryLimit, "memoryLimit");
  }

  /**
   * Binds these settings to the collector's own type, which owns the rules: the schema checks each
   * quantity's form, and {@link ContainerResources} that each request is at most its limit.
   */
  public ContainerResources containerResources() {
    return new ContainerResources(cpuRequest, memoryRequest, cpuLimit, memoryLimit);
  }

  void check(Problems p) {
    try {
      containerResources();
    } catch (ValidationException invalid) {
      // The record's own names become this position's field path (logs.resources, ...).
      invalid.errors().forEach(m -> p.add(m.replace("ContainerResources.", p.path(""))));
    }
  }
}
