package io.otelstack.constructs.coralogix;

import java.util.List;
import java.util.Objects;

/**
 * Props of {@link TcoPolicies}.
 *
 * @param environment the environment's name, which prefixes every policy's name; required
 * @param applicationName the Coralogix application every policy is limited to; required
 * @param logs log policies, first match wins. Default: none.
 * @param traces trace policies, first match wins. Default: none.
 */
public record TcoPoliciesProps(
    String environment,
    String applicationName,
    List<TcoLogsPolicy> logs,
    List<TcoTracesPolicy> traces) {
  /** Requires the environment and application; copies the lists. */
  public TcoPoliciesProps {
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(applicationName, "applicationName");
    logs = logs == null ? List.of() : List.copyOf(logs);
    traces = traces == null ? List.of() : List.copyOf(traces);
  }
}
