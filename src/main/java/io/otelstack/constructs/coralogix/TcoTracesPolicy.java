package io.otelstack.constructs.coralogix;

import java.util.List;
import java.util.Objects;

/**
 * One TCO policy for traces.
 *
 * @param name the policy's name, unique among the trace policies
 * @param priority where matching traces go
 * @param subsystems the subsystems it applies to; empty for all
 */
public record TcoTracesPolicy(String name, TcoPriority priority, List<String> subsystems) {
  /** Requires every part. */
  public TcoTracesPolicy {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(priority, "priority");
    subsystems = List.copyOf(subsystems);
  }
}
