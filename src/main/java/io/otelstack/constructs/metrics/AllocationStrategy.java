package io.otelstack.constructs.metrics;

import io.otelstack.ValidationException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** How a {@link TargetAllocator} spreads scrape targets over the collectors. */
public enum AllocationStrategy {
  /**
   * Targets hashed onto a ring of collectors: the assignment is a function of the targets and
   * collectors alone, so several allocator replicas agree, and a collector joining or leaving moves
   * only its share of the targets.
   */
  CONSISTENT_HASHING("consistent-hashing"),
  /**
   * Each new target goes to the collector with the fewest: balanced, but it depends on the order
   * targets arrived in, so only a single allocator replica gives consistent answers.
   */
  LEAST_WEIGHTED("least-weighted");

  private final String value;

  AllocationStrategy(String value) {
    this.value = value;
  }

  /** The name the allocator's configuration uses. */
  public String value() {
    return value;
  }

  /** The strategy named {@code value} in an environment file, e.g. {@code consistent-hashing}. */
  public static AllocationStrategy of(String value) {
    return Arrays.stream(values())
        .filter(s -> s.value.equals(value))
        .findFirst()
        .orElseThrow(
            () ->
                new ValidationException(
                    "targetAllocator.allocationStrategy ("
                        + value
                        + ") must be one of "
                        + Arrays.stream(values())
                            .map(AllocationStrategy::value)
                            .collect(Collectors.joining(", "))));
  }
}
