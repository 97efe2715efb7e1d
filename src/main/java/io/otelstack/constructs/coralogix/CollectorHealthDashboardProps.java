package io.otelstack.constructs.coralogix;

import io.otelstack.ValidationException;
import io.otelstack.internal.Checks;
import io.otelstack.internal.Maps;
import java.util.Map;

/**
 * Props of {@link CollectorHealthDashboard}.
 *
 * @param environment the environment's name, in the dashboard's name; required
 * @param applicationName the environment's Coralogix application name; every query selects it;
 *     required
 * @param memoryLimitsBytes each collector's container memory limit, by collector name (its {@code
 *     service_name}), drawn beside its replicas' memory. Default: none drawn.
 */
public record CollectorHealthDashboardProps(
    String environment, String applicationName, Map<String, Long> memoryLimitsBytes) {
  private static final Checks CHECK = new Checks(ValidationException::new);

  /** Requires the environment and application; copies the limits. */
  public CollectorHealthDashboardProps {
    CHECK.required("CollectorHealthDashboardProps.environment", environment);
    CHECK.required("CollectorHealthDashboardProps.applicationName", applicationName);
    memoryLimitsBytes = memoryLimitsBytes == null ? Map.of() : Maps.copySorted(memoryLimitsBytes);
  }
}
