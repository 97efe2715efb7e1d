package io.otelstack.constructs.coralogix;

import io.otelstack.ValidationException;
import io.otelstack.internal.Checks;
import java.util.List;

/**
 * Props of {@link TcoPolicies}.
 *
 * @param environment the environment's name, which prefixes every policy's name; required
 * @param applicationName the Coralogix application every policy is limited to. Default: null, every
 *     application: where the collectors take each record's application from its resource (a
 *     namespace, say), the environment's applications are not known in advance
 * @param logs log policies, first match wins. Default: none.
 * @param traces trace policies, first match wins. Default: none.
 */
public record TcoPoliciesProps(
    String environment,
    String applicationName,
    List<TcoLogsPolicy> logs,
    List<TcoTracesPolicy> traces) {
  private static final Checks CHECK = new Checks(ValidationException::new);

  /** Requires the environment; copies the lists. */
  public TcoPoliciesProps {
    CHECK.required("TcoPoliciesProps.environment", environment);
    logs = logs == null ? List.of() : List.copyOf(logs);
    traces = traces == null ? List.of() : List.copyOf(traces);
  }
}
