package io.otelstack.config;

import java.util.List;
import java.util.Objects;

/**
 * A TCO policy for the environment's traces.
 *
 * @param name policy name, unique among the trace policies
 * @param priority {@code high}, {@code medium}, {@code low} or {@code block}
 * @param subsystems Coralogix subsystems it applies to; empty for all
 */
public record TcoTracesPolicySettings(String name, String priority, List<String> subsystems) {
  /** Requires every part and copies the list. */
  public TcoTracesPolicySettings {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(priority, "priority");
    subsystems = List.copyOf(subsystems);
  }
}
