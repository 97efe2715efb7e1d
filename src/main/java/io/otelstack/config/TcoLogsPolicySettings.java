package io.otelstack.config;

import java.util.List;
import java.util.Objects;

/**
 * A TCO policy for the environment's logs.
 *
 * @param name policy name, unique among the log policies
 * @param priority {@code high}, {@code medium}, {@code low} or {@code block}
 * @param severities log severities it applies to, as Coralogix names them
 * @param subsystems Coralogix subsystems it applies to; empty for all
 */
public record TcoLogsPolicySettings(
    String name, String priority, List<String> severities, List<String> subsystems) {
  /** Requires every part and copies the lists. */
  public TcoLogsPolicySettings {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(priority, "priority");
    severities = List.copyOf(severities);
    subsystems = List.copyOf(subsystems);
  }
}
