package io.otelstack.constructs.coralogix;

import io.otelstack.ValidationException;
import io.otelstack.internal.Checks;
import java.util.List;
import java.util.Set;

/**
 * One TCO policy for logs.
 *
 * @param name the policy's name, unique among the log policies
 * @param priority where matching logs go
 * @param severities the Coralogix severities it applies to: {@code debug}, {@code verbose}, {@code
 *     info}, {@code warning}, {@code error}, {@code critical}
 * @param subsystems the subsystems it applies to; empty for all
 */
public record TcoLogsPolicy(
    String name, TcoPriority priority, List<String> severities, List<String> subsystems) {
  /** The severities Coralogix knows. */
  public static final Set<String> SEVERITIES =
      Set.of("debug", "verbose", "info", "warning", "error", "critical");

  private static final Checks CHECK = new Checks(ValidationException::new);

  /** Requires every part and checks the severities. */
  public TcoLogsPolicy {
    CHECK.required("TcoLogsPolicy.name", name);
    CHECK.required("TcoLogsPolicy.priority", priority);
    severities = List.copyOf(CHECK.required("TcoLogsPolicy.severities", severities));
    subsystems = List.copyOf(CHECK.required("TcoLogsPolicy.subsystems", subsystems));
    if (severities.isEmpty() || !SEVERITIES.containsAll(severities)) {
      throw new ValidationException(
          "TcoLogsPolicy.severities ("
              + severities
              + ") of policy \""
              + name
              + "\" must be one or more of debug, verbose, info, warning, error, critical");
    }
  }
}
